"""The question bank's files (selfcheck/bank/*.yaml): read, checked, and parsed by the engine."""

from __future__ import annotations

from pathlib import Path

from selfcheck.bank import Bank, BankError, parse_bank
from selfcheck.structure import Structure

from .problems import DataError, Problem
from .schema_check import schema_problems
from .source import format_path, load_source

BANK_SCHEMA = "question-bank.schema.json"


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
