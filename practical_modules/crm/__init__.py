"""The practice CRM, a practical module (see practical_modules/__init__.py for what a module provides):
a small simulated CRM that runs in the page (Pyodide) and in CPython, with practical tasks that
Python checks against the candidate's CRM state. Standard library only, but for compile.py and cli.py.

    configuration.py  what the module is given once: the compiled data and the qualification's sets
    api.py          JSON-in/JSON-out functions for the Web Worker, helpers for the command line
    dataset.py      the starting data for a seed and a day (deterministic, some records wrong on purpose)
    identifiers.py  NIP, REGON, PESEL, postcode, e-mail and phone checks; generators of numbers
    records.py      what each record consists of (fields, Polish labels, value checks)
    actions.py      every change as one action from a registry: validate, refuse with reasons, apply
    state.py        the saved/imported state: versioned JSON, read field by field
    templates.py    offer templates with {{tags}}: known tags only, nothing executed, escaped HTML
    reports.py      reports (fields, filters, grouping, aggregates) -> table, SVG chart, CSV
    views.py        what the screens show that takes computing (lists, cards, the pipeline)
    tasks.py        task definitions (practical/tasks/*.yaml in the data folder) filled per seed, checked, scored
    variants.py     what a task is about for a seed;  checks.py  how a check reads the state
    definitions.py  the rules a task file must follow;  world.py  the fictional world's word lists
    exam.py         the timed practical mock exam
    progress.py     where a candidate stands on each task (status, attempts, best score): the page and the command line
    class_report.py a group's files side by side;  prairielearn.py  a checked file as PrairieLearn's results.json
    ui.py           the screens as blocks the page draws;  forms.py  their forms and what sending each one means
    compile.py      (CPython) reads and checks practical/world.yaml and practical/tasks/*.yaml
    cli.py          (CPython) `python -m selfcheck tasks …` and `dataset …`
"""
