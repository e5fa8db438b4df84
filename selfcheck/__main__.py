"""Command line for teachers and assessors (CPython, in the project's folder):

    python -m selfcheck validate           check the question bank; exit 1 with every problem
    python -m selfcheck coverage [--json]  how many questions test each criterion
    python -m selfcheck renewal --issued 2021-03-15 --period 2021-04-01:2022-06-30 \
        [--period 2023-01-01:ongoing …] [--today 2024-06-01] [--json]
                                           renewal verdict and figures for an assessor

Reading the YAML files needs PyYAML, which the project's build installs; the engine itself
(everything the browser runs) uses the standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from datetime import date

from .bank import BankError, parse_bank
from .renewal import Evidence, RenewalInputError, assess, days_pl, pl_date
from .structure import Structure

ROOT = Path(__file__).resolve().parent.parent
BANK_DIR = Path(__file__).resolve().parent / "bank"
MIN_PER_CRITERION = 3


def load_qualification(root: Path = ROOT) -> dict:
    import yaml  # only the command line reads YAML; the browser gets JSON made at build time

    return yaml.safe_load((root / "qualification.yaml").read_text(encoding="utf-8"))


def load_sources(root: Path = ROOT, bank_dir: Path = BANK_DIR) -> tuple[dict, list[dict]]:
    import yaml

    files = []
    for path in sorted(bank_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise BankError([f"{path.name}{f':{mark.line + 1}' if mark else ''}: błąd składni YAML: "
                             f"{getattr(error, 'problem', error)}"]) from None
        if isinstance(data, dict):
            data["_file"] = path.name
        files.append(data)
    return load_qualification(root), files


def coverage(structure: Structure, bank) -> dict[str, int]:
    counts = {cid: 0 for cid in structure.criterion_ids()}
    for question in bank.questions.values():
        for cid in question.criteria:
            counts[cid] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m selfcheck", description="Bank pytań samooceny.")
    parser.add_argument("--bank", type=Path, default=BANK_DIR, help="katalog z plikami pytań (domyślnie selfcheck/bank)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="sprawdź bank pytań")
    cov = commands.add_parser("coverage", help="liczba pytań na kryterium")
    cov.add_argument("--json", action="store_true", help="wynik jako JSON")
    ren = commands.add_parser("renewal", help="ocena dowodów do przedłużenia certyfikatu")
    ren.add_argument("--issued", required=True, help="data wydania certyfikatu RRRR-MM-DD")
    ren.add_argument("--period", action="append", default=[], metavar="OD:DO",
                     help="okres pracy z CRM, np. 2021-04-01:2022-06-30 albo 2023-01-01:ongoing")
    ren.add_argument("--today", default=date.today().isoformat(), help="dzień oceny (domyślnie dziś)")
    ren.add_argument("--json", action="store_true", help="wynik jako JSON")
    args = parser.parse_args(argv)
    if args.command == "renewal":
        return renewal_command(args)

    try:
        qualification, files = load_sources(bank_dir=args.bank)
        structure = Structure.from_qualification(qualification)
        bank = parse_bank(files, structure.criterion_ids())
    except BankError as error:
        print(f"Bank pytań zawiera błędy ({len(error.problems)}):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1

    counts = coverage(structure, bank)
    if args.command == "coverage":
        if args.json:
            print(json.dumps(counts, indent=2))
        else:
            for cid, count in counts.items():
                print(f"{cid:<10} {count:>3} {'' if count >= MIN_PER_CRITERION else '← za mało'}")
        return 0
    short = [cid for cid, count in counts.items() if count < MIN_PER_CRITERION]
    print(f"Bank pytań jest poprawny: {len(bank.questions)} pytań, {len(bank.interview)} pytań do rozmowy z komisją.")
    if short:
        print(f"Uwaga: mniej niż {MIN_PER_CRITERION} pytania dla {len(short)} kryteriów: {', '.join(short)}")
    return 0


def renewal_command(args) -> int:
    certificate = load_qualification()["certificate"]  # the rule's numbers come from qualification.yaml
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
            name = field.replace("periods[", "--period nr ").replace("].", " ").replace("issued", "--issued")
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


if __name__ == "__main__":
    sys.exit(main())
