"""Command line for teachers and assessors (CPython, in the project's folder):

    python -m selfcheck validate           check the question bank; exit 1 with every problem
    python -m selfcheck coverage [--json]  how many questions test each criterion
    python -m selfcheck renewal --issued 2021-03-15 --period 2021-04-01:2022-06-30 \
        [--period 2023-01-01:ongoing …] [--today 2024-06-01] [--json]
                                           renewal verdict and figures for an assessor
    python -m selfcheck tasks [--json]     the practical tasks and the criteria they practise
    python -m selfcheck tasks check FILE [--details | --json | --format prairielearn]
                                           check a candidate's file: each task's status, attempts and best
                                           score as the page kept them (--details: every check)
    python -m selfcheck tasks report DIR [--csv FILE]
                                           a class report of the candidates' files in a folder
    python -m selfcheck dataset --seed N [--today D] [--json | --csv DIR]
                                           the simulated system's starting data for one variant
    python -m selfcheck export --format moodle|gift|… [--out DIR]
                                           the question bank as a file an LMS imports (formats: lms.FORMATS)

The data files are read and checked exactly as the build reads them (`datafiles`: the same YAML
loader, schemas and rules, with file, line and field in every message); the engine itself
(everything the browser runs) uses the standard library only. The commands of the practical part
come from its module (practical_modules/<module>/cli.py), named in the data folder's
practical/module.yaml.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

import importlib

from datafiles.bank import load_bank
from datafiles.location import data_dir
from datafiles.problems import DataError
from datafiles.qualification import load_qualification as load_checked
from practical_modules import MODULES
from datafiles.location import PRACTICAL_FOLDER, has_practical
from practical_modules.loading import load_practical
from selfcheck import polish
from selfcheck.bank import Bank
from selfcheck.polish import days as days_pl
from selfcheck.polish import long_date as pl_date
from selfcheck.renewal import Evidence, RenewalInputError, assess
from selfcheck.structure import Structure

from . import argparse_polish, export

MIN_PER_CRITERION = 3


class DataProblems(Exception):
    """The data files could not be read; the message lists every problem in Polish."""


def data_root() -> Path:
    """The folder with qualification.yaml and selfcheck/bank/ (QUALIFICATION_DIR, as the build reads it)."""
    return data_dir()


def load_qualification(root: Path | None = None) -> dict:
    try:
        return load_checked((root or data_root()) / "qualification.yaml")
    except DataError as error:
        raise DataProblems(error.report()) from None


def load_bank_checked(root: Path, bank_dir: Path | None = None) -> tuple[dict, Bank]:
    qualification = load_qualification(root)
    try:
        bank, _ = load_bank(root, qualification, bank_dir)
    except DataError as error:
        raise DataProblems(error.report()) from None
    return qualification, bank


def practical_cli(root: Path):
    """The cli module of the practical part's module, or None when the data folder has none.
    Only the declaration is read here; the module's data is compiled when a command needs it."""
    from datafiles.schema_check import load_checked as load_declaration
    from practical_modules.loading import DECLARATION, SCHEMA

    if not has_practical(root):
        return None
    try:
        name = load_declaration(root / PRACTICAL_FOLDER / DECLARATION, SCHEMA,
                                display_name=f"{PRACTICAL_FOLDER}/{DECLARATION}")["module"]
    except DataError as error:
        raise DataProblems(error.report()) from None
    if name not in MODULES:
        raise DataProblems(f"{PRACTICAL_FOLDER}/{DECLARATION}: module: nie ma modułu części praktycznej „{name}”.")
    return importlib.import_module(f"{MODULES[name]}.cli")


def all_practical_commands() -> set[str]:
    """Every command any registered module adds: without a practical part they say so (exit 2)."""
    return {name for package in MODULES.values() for name in importlib.import_module(f"{package}.cli").COMMANDS}


def coverage(structure: Structure, bank) -> dict[str, int]:
    counts = {cid: 0 for cid in structure.criterion_ids()}
    for question in bank.questions.values():
        for cid in question.criteria:
            counts[cid] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    argparse_polish.install()  # argparse's own messages (usage, errors) in Polish too
    parser = argparse.ArgumentParser(prog="python -m selfcheck",
                                     description="Samoocena dla nauczycieli i asesorów: bank pytań, zadania praktyczne, "
                                                 "przedłużenie certyfikatu.")
    parser.add_argument("--bank", type=Path, default=None,
                        help="katalog z plikami pytań, …/selfcheck/bank (domyślnie ten projektu albo QUALIFICATION_DIR)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="sprawdź bank pytań")
    cov = commands.add_parser("coverage", help="liczba pytań na kryterium")
    cov.add_argument("--json", action="store_true", help="wynik jako JSON")
    ren = commands.add_parser("renewal", help="ocena dowodów do przedłużenia certyfikatu")
    ren.add_argument("--issued", required=True, help="data wydania certyfikatu RRRR-MM-DD")
    ren.add_argument("--period", action="append", default=[], metavar="OD:DO",
                     help="okres pracy, np. 2021-04-01:2022-06-30 albo 2023-01-01:ongoing")
    ren.add_argument("--today", default=date.today().isoformat(), help="dzień oceny (domyślnie dziś)")
    ren.add_argument("--json", action="store_true", help="wynik jako JSON")
    export.add_command(commands)
    try:
        module_cli = practical_cli(data_root())
    except DataProblems as problems:
        print(problems, file=sys.stderr)
        return 1
    if module_cli is not None:
        module_cli.add_commands(commands)
    else:
        for name in sorted(all_practical_commands()):
            commands.add_parser(name, help="część praktyczna (ta kwalifikacja jej nie ma)")
    args, unknown = parser.parse_known_args(argv)
    # Without a practical part its commands only say so, whatever options follow them.
    if unknown and not (module_cli is None and args.command not in ("validate", "coverage", "renewal", "export")):
        parser.error(f"nieznane argumenty: {' '.join(unknown)}")
    try:
        if args.command == "renewal":
            return renewal_command(args)
        if args.command not in ("validate", "coverage", "export"):
            return practical_command(args, module_cli)
        qualification, bank = load_bank_checked(data_root(), args.bank)
        if args.command == "export":
            return export.run(args, qualification, bank)
    except DataProblems as problems:
        print(problems, file=sys.stderr)
        return 1
    structure = Structure.from_qualification(qualification)

    counts = coverage(structure, bank)
    if args.command == "coverage":
        if args.json:
            print(json.dumps(counts, indent=2))
        else:
            for cid, count in counts.items():
                print(f"{cid:<10} {count:>3} {'' if count >= MIN_PER_CRITERION else '← za mało'}")
        return 0
    short = [cid for cid, count in counts.items() if count < MIN_PER_CRITERION]
    print(f"Bank pytań jest poprawny: {polish.count(len(bank.questions), 'pytanie', 'pytania', 'pytań')}, "
          f"{polish.count(len(bank.interview), 'pytanie', 'pytania', 'pytań')} do rozmowy z komisją.")
    if short:
        print(f"Uwaga: mniej niż {polish.count(MIN_PER_CRITERION, 'pytanie', 'pytania', 'pytań')} dla "
              f"{polish.count(len(short), 'kryterium', 'kryteriów', 'kryteriów')}: {', '.join(short)}")
    return 0


def practical_command(args, module_cli) -> int:
    if module_cli is None:
        print(f"Ta kwalifikacja nie ma zadań praktycznych (brak katalogu {PRACTICAL_FOLDER}/ w jej danych).", file=sys.stderr)
        return 2
    root = data_root()
    qualification = load_qualification(root)
    structure = Structure.from_qualification(qualification)
    try:
        practical = load_practical(root, structure.criterion_ids())
    except DataError as error:
        raise DataProblems(error.report()) from None
    return module_cli.run(args, qualification, practical.data)


def renewal_command(args) -> int:
    certificate = load_qualification()["certificate"]  # the rule's numbers come from qualification.yaml
    if certificate.get("validity_years") is None or not certificate.get("renewal"):
        print("Certyfikat tej kwalifikacji nie ma okresu ważności ani zasad przedłużania (qualification.yaml): "
              "nie ma czego oceniać.", file=sys.stderr)
        return 2
    evidence = []
    for n, text in enumerate(args.period, 1):
        start, sep, end = text.partition(":")
        if not sep:
            print(f"--period nr {n}: „{text}” — podaj okres jako OD:DO, np. 2021-04-01:2022-06-30", file=sys.stderr)
            return 2
        evidence.append(Evidence(start, end, organisation=f"okres {n}"))
    try:
        result = assess(args.issued, evidence, today=args.today, validity_years=certificate["validity_years"],
                        min_practice_years=certificate["renewal"]["min_practice_years"])
    except RenewalInputError as error:
        for field, message in error.problems.items():
            name = field.replace("periods[", "--period nr ").replace("].", " ").replace("issued", "--issued").replace("today", "--today")
            print(f"{name}: {message}", file=sys.stderr)
        return 2
    data = result.as_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    verdict = data["verdict"]
    print(f"{verdict['title']}. {verdict['text']}")
    print(f"Certyfikat wydany {pl_date(result.issued)}, ważny do {data['valid_through_text']} "
          f"({'ważność minęła' if result.ended else f'zostało {days_pl(result.days_left)}'}).")
    print(f"Dni pracy w okresie ważności: {result.total_days} (wymagane {result.required_days}); "
          f"najdłuższy nieprzerwany okres: {result.longest_days}.")
    for note in data["notes"]:
        print(f"Uwaga: {note}")
    print(data["certifying_body_decides"])
    return 0


def run() -> None:
    """`python -m selfcheck`: the exit code of main(), and no traceback when the reader stops early."""
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader stopped early (`| head`): not a fault, and no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
