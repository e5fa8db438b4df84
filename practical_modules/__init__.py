"""Practical modules: the practical part of a qualification, beside the quiz engine (`selfcheck`).

A qualification's data folder may hold a practical part, `practical/module.yaml` naming its module
(`module: crm`) and the module's own data files next to it. The simulated CRM (`crm/`) is one
module; another qualification may bring another (a simulated booking system, say) by adding a
package here and a line to `MODULES`, without touching the core.

Imports go one way: a module uses the core (`selfcheck.polish`, `selfcheck.structure`,
`selfcheck.readiness`, `selfcheck.practical`), the core never imports a module. Like the core, a
module is standard-library Python that runs in CPython and in Pyodide, except its `compile.py`
and `cli.py`, which run in CPython only and are left out of the browser's zip.

What a module provides (the interface):

    compile.py  compile_folder(folder, criteria) -> data   (CPython) read and check the module's
                data files against the qualification's criteria; problems as datafiles.DataError
                (file, line, field). `data` is JSON; its "tasks" list is the catalog the core reads
                (selfcheck.practical.catalog_problems says its shape).
    api.py      the page's functions, JSON text in and out, called by the worker:
                setup(qualification_json, data_json) first, then the module's own functions.
                Work the candidate keeps is passed in and returned, never held in the module.
    cli.py      add_commands(subparsers) and run(args, structure, data) for `python -m selfcheck`.

What the core asks of a module's saved state: a "results" mapping {task id: {"attempts", "last",
"best", "at"}} for tasks checked in practice, and for a timed exam an "exams" history whose
entries carry "criteria" {criterion id: score}. `selfcheck.practical` reads only these, checking
every value, so the readiness report needs no module code.
"""

from __future__ import annotations

# Module name (as written in practical/module.yaml) -> its package.
MODULES = {"crm": "practical_modules.crm"}

# Files of a module that run in CPython only (never shipped to the browser).
CPYTHON_ONLY = ("compile.py", "cli.py")
