"""The practical part on the command line, for teachers and assessors (CPython):

    python -m selfcheck tasks [--json]                      the tasks and the criteria they practise
    python -m selfcheck tasks check FILE [--json]           check a candidate's exported file, as the page does
                                                            (a mock exam's file: its drawn tasks, per criterion too)
    python -m selfcheck dataset --seed N [--today D] [--json | --csv DIR]
                                                            the starting data of one variant

The same engine the browser runs (this package) does the work; this module only reads arguments
and files and prints. Every problem is a Polish sentence and exit code 1 (bad input) or 2 (nothing
to do), never a traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from cli.argparse_polish import whole_number
from selfcheck import polish
from selfcheck.structure import Structure

from . import api, configuration, exam
from practical_modules import MODULES
from selfcheck.record import MAX_FILE_BYTES, practical_parts
from selfcheck.saved_state import StateError

from .state import CrmStateError, read_state

CHECK, CROSS = "✔", "✘"


def os_problem(error: OSError, permission: str, otherwise: str) -> str:
    """A file-system error as a Polish sentence (the names of the operation come from the caller)."""
    if isinstance(error, FileNotFoundError):
        return "nie ma takiego pliku."
    if isinstance(error, PermissionError):
        return f"brak uprawnień do {permission}."
    return f"{otherwise}."


def read_problem(problem: Exception) -> str:
    """Why a candidate's file could not be read, in Polish."""
    if isinstance(problem, UnicodeDecodeError):
        return "plik nie jest tekstem UTF-8, więc nie jest zapisem ze strony."
    if isinstance(problem, OSError):
        return os_problem(problem, "odczytu tego pliku", "nie można odczytać pliku")
    return str(problem)


MODULE = next(name for name, package in MODULES.items() if package == __package__)  # as practical/module.yaml names it
COMMANDS = ("tasks", "dataset")  # what add_commands adds (cli/main.py answers them when there is no practical part)


def add_commands(commands) -> None:
    tasks = commands.add_parser("tasks", help="zadania praktyczne: lista albo sprawdzenie pliku kandydata")
    tasks.add_argument("action", nargs="?", choices=["check"], metavar="check",
                       help="sprawdź plik kandydata: wynik każdego zadania i uwagi do każdego sprawdzenia, jak na stronie")
    tasks.add_argument("file", nargs="?", type=Path, metavar="PLIK",
                       help="plik .json zapisany na stronie zadań praktycznych albo symulacji części praktycznej")
    tasks.add_argument("--json", action="store_true", help="wynik jako JSON")
    dataset = commands.add_parser("dataset", help="dane startowe symulowanego systemu dla jednego wariantu")
    dataset.add_argument("--seed", type=whole_number, required=True, metavar="N",
                         help=f"numer wariantu, liczba całkowita od 0 do {api.MAX_SEED} (ten sam numer, te same dane)")
    dataset.add_argument("--today", default=date.today().isoformat(), metavar="RRRR-MM-DD",
                         help="dzień symulacji; od niego liczą się terminy w danych (domyślnie dziś)")
    form = dataset.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="całe dane jako JSON")
    form.add_argument("--csv", type=Path, metavar="KATALOG",
                      help="zapisz tabele jako pliki CSV w tym katalogu (nie nadpisuje istniejących plików)")


def run(args, qualification: dict, data: dict, out=sys.stdout, err=sys.stderr) -> int:
    """Carry out a command on this qualification's practical data (compile.py's output)."""
    structure = Structure.from_qualification(qualification)
    configuration.install(data, structure.sets)
    if args.command == "tasks":
        if args.action == "check":
            return check_file(args.file, args.json, structure, qualification["name"], out, err)
        if args.file:
            print(f"Nieznane polecenie „{args.file}”; chodziło o „tasks check PLIK”?", file=err)
            return 1
        return list_tasks(args.json, structure, out)
    return dataset(args, out, err)


def list_tasks(as_json: bool, structure, out) -> int:
    tasks = [{**t, "criteria": [{"id": c, "text": structure.criterion(c)["text"]} for c in t["criteria"]]}
             for t in api.list_tasks()]
    if as_json:
        print(json.dumps(tasks, ensure_ascii=False, indent=2), file=out)
        return 0
    covered = {c["id"] for t in tasks for c in t["criteria"]}
    outcomes = {t["outcome"] for t in tasks}
    print(f"{polish.count(len(tasks), 'zadanie', 'zadania', 'zadań')} praktycznych; ćwiczą "
          f"{polish.count(len(covered), 'kryterium', 'kryteria', 'kryteriów')} z {len(structure.criterion_ids())} "
          f"i {polish.count(len(outcomes), 'efekt', 'efekty', 'efektów')} z {len(structure.outcome_ids())}.", file=out)
    for task in tasks:
        print(f"\n{task['id']}  {task['title']}", file=out)
        for criterion in task["criteria"]:
            print(f"    {criterion['id']:<10} {criterion['text']}", file=out)
    return 0


def check_file(path: Path | None, as_json: bool, structure, qualification_name: str, out, err) -> int:
    if path is None:
        print("Podaj plik do sprawdzenia: python -m selfcheck tasks check PLIK.json", file=err)
        return 1
    try:
        if path.is_dir():
            raise CrmStateError("to katalog; podaj plik .json zapisany na stronie")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CrmStateError(f"plik jest za duży (ponad {MAX_FILE_BYTES // 1024 // 1024} MB)")
        text = path.read_text(encoding="utf-8")
        try:
            parts = practical_parts(text, qualification=qualification_name, module=MODULE)
        except StateError as problem:
            raise CrmStateError(str(problem)) from None
        # The candidate's progress file (selfcheck/record.py) carries practice work and the exam; an
        # earlier file of the page carries one of them.
        states = [read_state(json.dumps(parts[name])) for name in ("work", "exam") if parts[name]] if parts else [read_state(text)]
        if not states:
            raise CrmStateError("plik postępów nie zawiera zadań praktycznych ani symulacji")
    except (UnicodeDecodeError, OSError, CrmStateError) as problem:
        print(f"{path}: {read_problem(problem)}", file=err)
        return 1
    found = [check_exam(path, state, as_json, structure, out) if state.get("exam") else check_work(path, state, as_json, out)
             for state in states]
    if as_json:  # one document: a section's as before, or both of a progress file's
        data = found[0] if not parts else {"file": str(path), **{("exam" if s.get("exam") else "work"): f
                                                                  for s, f in zip(states, found)}}
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
    return 0


def check_work(path: Path, state: dict, as_json: bool, out) -> dict | None:
    """Practice work: every task, as the page checks it (as_json: the data, nothing printed)."""
    results = api.check_export(json.dumps(state))
    total = sum(r["score"] for r in results) / len(results) if results else 0.0
    if as_json:
        return {"file": str(path), "score": round(total, 4), "percent": polish.percent(total), "tasks": results}
    done = sum(1 for r in results if r["complete"])
    print(f"{path.name}: wynik {polish.percent(total)}; wykonane w całości "
          f"{done} z {polish.count(len(results), 'zadania', 'zadań', 'zadań')}.", file=out)
    print_results(results, out)
    return None


def check_exam(path: Path, state: dict, as_json: bool, structure, out) -> dict | None:
    """A mock exam: only its drawn tasks, with the per-criterion summary the page shows (as_json: the
    data, nothing printed). An exam not handed in is checked as it stands and said to be unfinished."""
    info = exam.describe(state)
    found = exam.evaluate(state, structure.sets)
    finished = not info["open"]
    score = state["exam"]["score"] if finished else found["score"]
    if as_json:
        return {"file": str(path), "score": score, "percent": polish.percent(score), "tasks": found["tasks"],
                "exam": {"finished": finished, "started": info["started"], "deadline": info["deadline"],
                         "timed_out": info["timed_out"], "criteria": found["criteria"], "history": info["history"]}}
    started = polish.date_time(exam.moment(info["started"]))
    state_text = ("zakończona po upływie czasu" if info["timed_out"] else "zakończona w czasie") if finished \
        else "niezakończona (sprawdzona tak, jak stoi)"
    print(f"{path.name}: symulacja części praktycznej z {started}, {state_text}; wynik {polish.percent(score)} "
          f"({polish.count(len(found['tasks']), 'zadanie', 'zadania', 'zadań')}).", file=out)
    print_results(found["tasks"], out)
    print("\nWynik według kryteriów:", file=out)
    for criterion in found["criteria"]:
        print(f"    {criterion['id']:<10} {criterion['percent']:>5}  {criterion['text']}", file=out)
    return None


def print_results(results: list[dict], out) -> None:
    for result in results:
        print(f"\n{result['id']}  {result['title']}: {result['percent']}", file=out)
        for check in result["checks"]:
            mark = CHECK if check["passed"] else CROSS
            print(f"  {mark} {check['label']}" + (f" — {check['feedback']}" if check["feedback"] else ""), file=out)


def dataset(args, out, err) -> int:
    try:
        if args.csv:
            files = api.dataset_as_csv(args.seed, args.today)
        else:
            text = api.dataset_as_json(args.seed, args.today)
    except CrmStateError as problem:
        print(str(problem), file=err)
        return 1
    if args.csv:
        folder = args.csv
        if folder.exists() and not folder.is_dir():
            print(f"{folder}: to plik, a potrzebny jest katalog.", file=err)
            return 1
        clashes = [name for name in files if (folder / name).exists()]
        if clashes:
            print(f"{folder}: są już pliki {', '.join(clashes)}; nie nadpisujemy ich. Wskaż pusty katalog.", file=err)
            return 1
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, content in files.items():
                # "x": never overwrite; "utf-8-sig": the byte-order mark that tells Excel the file is
                # UTF-8, or it shows Polish letters wrongly.
                with open(folder / name, "x", encoding="utf-8-sig", newline="") as file:
                    file.write(content)
        except FileExistsError as clash:
            print(f"{folder}: plik {Path(clash.filename).name} pojawił się w trakcie zapisu; nie nadpisujemy go.", file=err)
            return 1
        except OSError as error:
            print(f"{folder}: {os_problem(error, 'zapisu w tym katalogu', 'nie można zapisać plików w tym katalogu')}", file=err)
            return 1
        print(f"Zapisano {polish.count(len(files), 'plik', 'pliki', 'plików')} CSV w {folder}: {', '.join(files)}.", file=out)
        return 0
    if args.json:
        print(text, file=out)
        return 0
    data = json.loads(text)
    seller = data["seller"]["name"]
    print(f"Wariant {args.seed}, dzień symulacji {polish.long_date(date.fromisoformat(args.today))}; "
          f"firma: {seller}{'' if seller.endswith('.') else '.'}", file=out)
    for key, forms in (("companies", ("firma klienta", "firmy klientów", "firm klientów")),
                       ("contacts", ("osoba kontaktowa", "osoby kontaktowe", "osób kontaktowych")),
                       ("opportunities", ("szansa sprzedaży", "szanse sprzedaży", "szans sprzedaży")),
                       ("activities", ("zadanie", "zadania", "zadań")),
                       ("products", ("produkt lub usługa", "produkty i usługi", "produktów i usług")),
                       ("templates", ("szablon oferty", "szablony ofert", "szablonów ofert"))):
        print(f"  {polish.count(len(data[key]), *forms)}", file=out)
    print("Całość: --json; tabele jako CSV: --csv KATALOG.", file=out)
    return 0
