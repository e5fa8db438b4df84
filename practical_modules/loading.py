"""Find and compile a qualification's practical part (CPython only: the build, the CLI, the tests).

    load_practical(data_root, criteria) -> Practical | None   None when the data folder has no
                                                              practical/ part
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from datafiles.location import PRACTICAL_DECLARATION as DECLARATION, PRACTICAL_FOLDER as FOLDER, has_practical
from datafiles.problems import DataError, Problem
from datafiles.schema_check import load_checked

from . import MODULES

SCHEMA = "practical.schema.json"


@dataclass(frozen=True)
class Practical:
    module: str        # a key of MODULES
    package: str       # e.g. "practical_modules.crm"
    folder: Path       # the data folder's practical/
    data: dict         # what the module's compile_folder made (JSON), "tasks" the catalog


def load_practical(data_root: Path, criteria: list[str]) -> Practical | None:
    """The practical part, read and checked by its module; DataError (file, line, field) otherwise."""
    folder = data_root / FOLDER
    if not has_practical(data_root):
        return None
    declared = load_checked(folder / DECLARATION, SCHEMA, display_name=f"{FOLDER}/{DECLARATION}")
    name = declared["module"]
    if name not in MODULES:
        raise DataError([Problem(f"{FOLDER}/{DECLARATION}", None, "module",
                                 f"nie ma modułu części praktycznej „{name}”; dostępne: {', '.join(MODULES)}")])
    compiler = importlib.import_module(f"{MODULES[name]}.compile")
    return Practical(name, MODULES[name], folder, compiler.compile_folder(folder, criteria, FOLDER))
