"""The simulated system as its tests use it: installed once with this project's practical data
(practical/ beside qualification.yaml at the project's root; the module's tests are about that
data, whatever QUALIFICATION_DIR the rest of the suite reads).

In CPython the data is compiled from the YAML on the fly (practical_modules.loading); inside
Pyodide, where there is no YAML reader, the runner (tests/js/run_engine_tests_in_pyodide.mjs)
writes what CPython compiled to the file PRACTICAL_TEST_DATA names.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from practical_modules.crm import configuration
from selfcheck.structure import Structure

ROOT = Path(__file__).resolve().parent.parent.parent


def compiled() -> dict:
    """{"qualification", "practical"}: this project's qualification and its compiled practical data."""
    path = os.environ.get("PRACTICAL_TEST_DATA")
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    from datafiles.qualification import load_qualification
    from practical_modules.loading import load_practical

    qualification = load_qualification(ROOT / "qualification.yaml")
    practical = load_practical(ROOT, Structure.from_qualification(qualification).criterion_ids())
    return {"qualification": qualification, "practical": practical.data}


_cached: dict | None = None


def install() -> dict:
    """Install the project's practical data (once per process) and return it."""
    global _cached
    if _cached is None:
        _cached = compiled()
    configuration.install(_cached["practical"], Structure.from_qualification(_cached["qualification"]).sets)
    return _cached


def qualification_sets() -> list[dict]:
    return list(Structure.from_qualification(install()["qualification"]).sets)


def use_sets(sets: list[dict]) -> None:
    """Install the project's practical data with a made-up structure (the exam's rules under test);
    `install()` puts the real one back."""
    configuration.install(install()["practical"], sets)
