"""The self-check's build products: the question bank as JSON and the Python package as a zip for
the browser (the Python runtime itself: sitegen/python_runtime.py)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from selfcheck.bank import Bank, BankError, parse_bank
from selfcheck.structure import Structure

from .problems import DataError, Problem
from .schema_check import schema_problems
from .source import format_path, load_source

ASSETS = "assets/selfcheck"
BANK_SCHEMA = "question-bank.schema.json"


STDLIB_FALLBACK = Path(__file__).resolve().with_name("python_stdlib_fallback.py")


def load_bank(root: Path, qualification: dict, bank_dir: Path | None = None) -> tuple[Bank, list[dict]]:
    """Read selfcheck/bank/*.yaml and check it: YAML and the published schema first (problems with
    file, line and field), then the engine's own rules (answers point at options, criteria belong
    to the file's outcome). The build and `python -m selfcheck` both load the bank here."""
    files, problems, sources = [], [], {}
    folder = bank_dir or root / "selfcheck" / "bank"
    shown = "selfcheck/bank" if bank_dir is None else str(bank_dir)
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise DataError([Problem(shown, None, "", "brak plików banku pytań (*.yaml)")])
    for path in paths:
        name = f"{shown}/{path.name}"
        try:
            source = load_source(path, display_name=name)
        except DataError as error:
            problems += error.problems
            continue
        shape = schema_problems(source, BANK_SCHEMA)
        if shape:
            problems += shape
            continue
        source.data["_file"] = name
        sources[name] = source
        files.append(source.data)
    if problems:
        raise DataError(problems)
    try:
        bank = parse_bank(files, Structure.from_qualification(qualification).criterion_ids())
    except BankError as error:
        # The engine knows the place in the data; the YAML we still hold knows its line.
        raise DataError([Problem(problem.file, sources[problem.file].line_of(problem.path), format_path(problem.path),
                                 problem.text) for problem in error.details]) from None
    return bank, files


def bank_json(files: list[dict]) -> bytes:
    """The bank for the worker: the checked source data only (the pages already show the questions)."""
    return json.dumps({"files": files}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def package_zip(root: Path, replace: dict[str, bytes] | None = None) -> bytes:
    """selfcheck/**/*.py (the package and its subpackages, e.g. selfcheck/crm with its data module)
    as a zip that the worker unpacks into Pyodide's file system. `replace`: files whose content the
    build made from this qualification's data (the practical tasks' data module).

    Beside the package, the top-level module `stdlib_fallback` (sitegen/python_stdlib_fallback.py),
    which the worker installs: Python in the browser runs on a trimmed standard library."""
    buffer = io.BytesIO()
    package = root / "selfcheck"
    replace = replace or {}
    sources = {f"selfcheck/{path.relative_to(package).as_posix()}": path for path in package.rglob("*.py")}
    sources["stdlib_fallback.py"] = STDLIB_FALLBACK
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in sorted(sources.items()):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # same bytes every build
            archive.writestr(info, replace.get(name, path.read_bytes()), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
