"""The self-check's build products: the question bank as JSON, the Python package as a zip for
the browser, and the Pyodide runtime files copied from the npm package."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from selfcheck.bank import Bank, BankError, parse_bank
from selfcheck.structure import Structure

from .problems import DataError, Problem
from .source import load_source

ASSETS = "assets/selfcheck"
PYODIDE_DIR = "assets/pyodide"
# Only what loadPyodide() fetches: the loader, the runtime, the standard library, the lock file.
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]


def load_bank(root: Path, qualification: dict) -> tuple[Bank, list[dict]]:
    """Read selfcheck/bank/*.yaml (with line-aware YAML errors) and check it with the engine."""
    files, problems = [], []
    for path in sorted((root / "selfcheck" / "bank").glob("*.yaml")):
        try:
            source = load_source(path, display_name=f"selfcheck/bank/{path.name}")
        except DataError as error:
            problems += error.problems
            continue
        data = source.data
        if isinstance(data, dict):
            data["_file"] = f"selfcheck/bank/{path.name}"
        files.append(data)
    if problems:
        raise DataError(problems)
    try:
        bank = parse_bank(files, Structure.from_qualification(qualification).criterion_ids())
    except BankError as error:
        raise DataError([_problem(message) for message in error.problems]) from None
    return bank, files


def _problem(message: str) -> Problem:
    file, _, rest = message.partition(": ")
    return Problem(file, None, "", rest)


def bank_json(files: list[dict]) -> bytes:
    """The bank for the worker: the checked source data only (the pages already show the questions)."""
    return json.dumps({"files": files}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def package_zip(root: Path) -> bytes:
    """selfcheck/*.py as a zip that the worker unpacks into Pyodide's file system."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((root / "selfcheck").glob("*.py")):
            info = zipfile.ZipInfo(f"selfcheck/{path.name}", date_time=(2020, 1, 1, 0, 0, 0))  # same bytes every build
            archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def pyodide_files(root: Path) -> dict[str, Path]:
    source = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
    if missing:
        raise DataError([Problem("node_modules/pyodide", None, "",
                                 f"brak plików Pyodide ({', '.join(missing)}); uruchom `npm ci` albo `make site`")])
    return {f"{PYODIDE_DIR}/{name}": source / name for name in PYODIDE_FILES}
