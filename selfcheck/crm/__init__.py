"""The practice CRM: a small simulated CRM that runs in the page (Pyodide) and in CPython, with
practical tasks that Python checks against the candidate's CRM state. Standard library only.

    api.py          JSON-in/JSON-out functions for the Web Worker, helpers for the command line
    dataset.py      the starting data for a seed and a day (deterministic, some records wrong on purpose)
    identifiers.py  NIP, REGON, PESEL, postcode, e-mail and phone checks; generators of numbers
    records.py      what each record consists of (fields, Polish labels, value checks)
    actions.py      every change as one action from a registry: validate, refuse with reasons, apply
    state.py        the saved/imported state: versioned JSON, read field by field
    templates.py    offer templates with {{tags}}: known tags only, nothing executed, escaped HTML
    reports.py      reports (fields, filters, grouping, aggregates) -> table, SVG chart, CSV
    views.py        what each screen shows
    tasks.py        task definitions (selfcheck/tasks/*.yaml) filled per seed, checked, scored
    variants.py     what a task is about for a seed;  checks.py  how a check reads the state
    definitions.py  the rules a task file must follow;  world.py  the fictional world's word lists
    data.py         GENERATED from world.yaml and selfcheck/tasks/*.yaml by `python -m selfcheck.crm.compile`
"""
