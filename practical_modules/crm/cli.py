"""The practical part on the command line, for teachers and assessors (CPython):

    python -m selfcheck tasks [--json]                      the tasks and the criteria they practise
    python -m selfcheck tasks check FILE [--details | --json | --format prairielearn] [--part work|exam] [--out FILE]
                                                            check a candidate's file: each task's status,
                                                            attempts and best score as the page kept them
                                                            and its checks as the file stands (a mock
                                                            exam: its drawn tasks, per criterion too)
    python -m selfcheck tasks report DIR [--csv FILE]       a group's files side by side (class_report.py)
    python -m selfcheck dataset --seed N [--today D] [--json | --csv DIR]
                                                            the starting data of one variant

The same engine the browser runs (this package) does the work (progress.py says where a candidate
stands, as the page does); this module only reads arguments and files and prints. Everything is
written through cli.terminal (SafeOutput, json_text), so nothing a candidate typed reaches the
terminal raw. Every problem is a Polish sentence and exit code 1 (bad input) or 2 (nothing to do, a
wrong combination of options), never a traceback.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from datetime import date
from pathlib import Path

from cli.argparse_polish import whole_number
from cli.terminal import SafeOutput, json_text, print_lines, visible
from selfcheck import polish
from selfcheck.structure import Structure

from . import api, class_report, configuration, exam, prairielearn, progress
from practical_modules import MODULES
from selfcheck.record import MAX_FILE_BYTES, practical_parts
from selfcheck.saved_state import StateError

from .reports import csv_text
from .state import CrmStateError, read_state

WIDTH = 100  # columns of a terminal line the short forms keep within
# A progress file's practical parts (--part): their names, and the same after "nie zawiera".
PARTS = {"work": ("Ćwiczenia praktyczne", "ćwiczeń praktycznych"), "exam": ("Symulacja części praktycznej",
                                                                          "symulacji części praktycznej")}


WRITE_MISSING = "nie ma katalogu, w którym miałby powstać ten plik."


def os_problem(error: OSError, permission: str, otherwise: str, missing: str = "nie ma takiego pliku.") -> str:
    """A file-system error as a Polish sentence (the names of the operation, and what is missing when
    the path leads nowhere, come from the caller)."""
    if isinstance(error, FileNotFoundError):
        return missing
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
# The options of `tasks` and the actions they go with (None: the list of tasks).
OPTION_ACTIONS = {"json": (None, "check"), "details": ("check",), "format": ("check",), "part": ("check",),
                  "out": ("check",), "csv": ("report",)}


def add_commands(commands) -> None:
    tasks = commands.add_parser("tasks", help="zadania praktyczne: lista, sprawdzenie pliku kandydata, raport grupy")
    tasks.add_argument("action", nargs="?", choices=["check", "report"], metavar="check|report",
                       help="check PLIK: sprawdź plik kandydata — stan, próby i najlepszy wynik każdego zadania, "
                            "jak na stronie; report KATALOG: zestawienie plików grupy kandydatów")
    tasks.add_argument("path", nargs="?", type=Path, metavar="PLIK|KATALOG",
                       help="plik postępów (.json) zapisany na stronie; dla report katalog z takimi plikami")
    form = tasks.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="wynik jako JSON (z każdym sprawdzeniem)")
    form.add_argument("--format", choices=["prairielearn"],
                      help="check: wynik jako results.json zewnętrznego oceniania PrairieLearn")
    tasks.add_argument("--details", action="store_true", help="check: każde sprawdzenie każdego zadania z uwagami")
    tasks.add_argument("--part", choices=list(PARTS),
                       help="check: tylko ćwiczenia (work) albo tylko symulacja (exam) z pliku postępów; "
                            "--format prairielearn ocenia domyślnie ćwiczenia")
    tasks.add_argument("--out", type=Path, metavar="PLIK", help="check: zapisz wynik do tego pliku (nie nadpisuje istniejącego)")
    tasks.add_argument("--csv", type=Path, metavar="PLIK",
                       help="report: zapisz pełne zestawienie (każde zadanie i kryterium) jako CSV dla arkusza; "
                            "nie nadpisuje istniejącego pliku")
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
    """Carry out a command on this qualification's practical data (compile.py's output). Everything
    is written through SafeOutput: text from a candidate's file, or a file's name, is never raw."""
    out, err = SafeOutput(out), SafeOutput(err)
    structure = Structure.from_qualification(qualification)
    configuration.install(data, structure.sets)
    if args.command != "tasks":
        return dataset(args, out, err)
    for option, actions in OPTION_ACTIONS.items():
        if getattr(args, option) and args.action not in actions:
            commands = " albo ".join(f"„tasks {action}”" if action else "„tasks”" for action in actions)
            print(f"Opcja --{option} działa tylko z {commands}.", file=err)
            return 2
    if args.action == "check":
        return check_file(args, structure, qualification["name"], out, err)
    if args.action == "report":
        return report(args.path, args.csv, qualification["name"], out, err)
    if args.path:
        print(f"Nieznane polecenie „{args.path}”; chodziło o „tasks check PLIK” albo „tasks report KATALOG”?", file=err)
        return 1
    return list_tasks(args.json, structure, out)


def list_tasks(as_json: bool, structure, out) -> int:
    tasks = [{**t, "criteria": [{"id": c, "text": structure.criterion(c)["text"]} for c in t["criteria"]]}
             for t in api.list_tasks()]
    if as_json:
        print_lines(json_text(tasks), out)
        return 0
    covered = {c["id"] for t in tasks for c in t["criteria"]}
    outcomes = {t["outcome"] for t in tasks}
    print(f"{polish.count(len(tasks), 'zadanie', 'zadania', 'zadań')} praktycznych; ćwiczą "
          f"{polish.count(len(covered), 'kryterium', 'kryteria', 'kryteriów')} z {len(structure.criterion_ids())} "
          f"i {polish.count(len(outcomes), 'efekt', 'efekty', 'efektów')} z {len(structure.outcome_ids())}.", file=out)
    for task in tasks:
        print(file=out)
        print(f"{task['id']}  {task['title']}", file=out)
        for criterion in task["criteria"]:
            print(f"    {criterion['id']:<10} {criterion['text']}", file=out)
    return 0


# --- a candidate's file ---------------------------------------------------------------------------

def read_candidate(path: Path, qualification_name: str) -> tuple[dict, bool]:
    """The practical sections of a candidate's file, {"work": practice state or None, "exam": exam
    state or None}, each read by the module's own reader, and whether the file is the candidate's
    progress file (selfcheck/record.py), which carries both; an earlier file of the page carries one. Raises
    CrmStateError, OSError or UnicodeDecodeError (read_problem says them in Polish)."""
    if path.is_dir():
        raise CrmStateError("to katalog; podaj plik .json zapisany na stronie")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CrmStateError(f"plik jest za duży (ponad {MAX_FILE_BYTES // 1024 // 1024} MB)")
    text = path.read_text(encoding="utf-8")
    try:
        parts = practical_parts(text, qualification=qualification_name, module=MODULE)
    except StateError as problem:
        raise CrmStateError(str(problem)) from None
    if parts is None:
        state = read_state(text)
        return {"work": None if state.get("exam") else state, "exam": state if state.get("exam") else None}, False
    found = {}
    for name, part in parts.items():
        found[name] = read_state(json.dumps(part)) if part else None
        if found[name] is not None and bool(found[name].get("exam")) != (name == "exam"):
            raise CrmStateError(f"practical.{name}: zapis innego rodzaju (ćwiczenia i symulacja zamienione miejscami).")
    if not any(found.values()):
        raise CrmStateError("plik postępów nie zawiera zadań praktycznych ani symulacji")
    return found, True


def check_file(args, structure, qualification_name: str, out, err) -> int:
    path = args.path
    if path is None:
        print("Podaj plik do sprawdzenia: python -m selfcheck tasks check PLIK.json", file=err)
        return 1
    try:
        found, is_record = read_candidate(path, qualification_name)
        sections = {name: state for name, state in found.items() if state}
        if args.part and args.part not in sections:
            raise CrmStateError(f"plik nie zawiera {PARTS[args.part][1]} (--part {args.part})")
    except (UnicodeDecodeError, OSError, CrmStateError) as problem:
        print(f"{path}: {read_problem(problem)}", file=err)
        if args.format == "prairielearn":  # the grader still gets its results: not gradable, and why
            deliver(json_text(prairielearn.not_gradable(read_problem(problem))).split("\n"), args.out, out, err)
        return 1
    if args.part:
        sections = {args.part: sections[args.part]}
    found = {name: work_data(path, state) if name == "work" else exam_data(path, state, structure)
             for name, state in sections.items()}
    if args.format == "prairielearn":
        name = "work" if "work" in found else "exam"
        lines = json_text(grader_results(found[name], name)).split("\n")
    elif args.json:  # one document: an earlier file's section as before, or a progress file's sections
        # A progress file's document has both parts, null for one the file does not hold (unless --part).
        both = found if args.part else {name: found.get(name) for name in PARTS}
        lines = json_text({"file": str(path), **both} if is_record else found[next(iter(found))]).split("\n")
    else:
        lines = []
        for name, data in found.items():
            lines += ([""] if lines else []) + (work_lines(path, data, args.details) if name == "work"
                                                 else exam_lines(path, data, args.details))
        if not args.details:
            lines += ["", "Każde sprawdzenie z uwagami: --details; całość jako JSON: --json."]
    return deliver(lines, args.out, out, err)


def deliver(lines: list[str], destination: Path | None, out, err) -> int:
    """Print `lines`, or write them to `destination` (never over an existing file); both through SafeOutput."""
    if destination is None:
        for line in lines:
            print(line, file=out)
        return 0
    try:
        with open(destination, "x", encoding="utf-8") as file:
            safe = SafeOutput(file)
            for line in lines:
                print(line, file=safe)
    except FileExistsError:
        print(f"{destination}: ten plik już jest; nie nadpisujemy go. Wskaż nowy plik.", file=err)
        return 1
    except OSError as error:
        print(f"{destination}: {os_problem(error, 'zapisu tego pliku', 'nie można zapisać pliku', WRITE_MISSING)}", file=err)
        return 1
    return 0


def work_data(path: Path, state: dict) -> dict:
    """Practice work: every task as the file stands, with its status, attempts and best score."""
    results = progress.task_results(state)
    score = sum(r["score"] for r in results) / len(results) if results else 0.0
    totals = progress.totals(results)
    return {"file": str(path), "seed": state["seed"], "today": state["today"],
            "score": round(score, 4), "percent": polish.percent(score), **totals,
            "best": round(totals["best"], 4), "best_percent": polish.percent(totals["best"]), "tasks": results}


def exam_data(path: Path, state: dict, structure) -> dict:
    """A mock exam: only its drawn tasks (each with its status), with the per-criterion summary the
    page shows. An exam not handed in is checked as it stands and said to be unfinished."""
    info = exam.describe(state)
    found = exam.evaluate(state, structure.sets)
    tasks = [{**r, "status": (key := progress.assessed_status(r)), "status_text": progress.STATUSES[key]}
             for r in found["tasks"]]
    finished = not info["open"]
    score = state["exam"]["score"] if finished else found["score"]
    return {"file": str(path), "seed": state["seed"], "score": score, "percent": polish.percent(score),
            "counts": progress.counts(tasks), "tasks": tasks,
            "exam": {"finished": finished, "started": info["started"], "deadline": info["deadline"],
                     "timed_out": info["timed_out"], "criteria": found["criteria"], "history": info["history"]}}


def grader_results(data: dict, part: str) -> dict:
    return prairielearn.results(data["tasks"], data["score"],
                                f"{PARTS[part][0]}: {progress.counts_text(data['counts'])} "
                                f"(z {polish.count(len(data['tasks']), 'zadania', 'zadań', 'zadań')}); "
                                f"wynik {data['percent']}.")


def fit(text: str, width: int) -> str:
    """`text` cut to `width` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


def task_table(tasks: list[dict], columns: list[tuple[str, str, int]], details: bool) -> list[str]:
    """One line a task under a heading: its id, then `columns` ((heading, key, width), numbers to the
    right), then its title in what is left of WIDTH; with `details`, its checks under it."""
    wide = max(len("Zadanie"), *(len(t["id"]) for t in tasks))
    head = f"{'Zadanie':<{wide}}  " + "  ".join(f"{h:>{-w}}" if w < 0 else f"{h:<{w}}" for h, _, w in columns)
    used = len(head) + 2
    lines = [f"{head}  Tytuł"]
    for task in tasks:
        cells = "  ".join(f"{task[k]!s:>{-w}}" if w < 0 else f"{task[k]!s:<{w}}" for _, k, w in columns)
        lines.append(f"{task['id']:<{wide}}  {cells}  {fit(task['title'], max(10, WIDTH - used))}")
        if details and task["status"] != "not_started":  # a task not begun has no checks to show
            lines += [f"    {line}" for line in progress.check_lines(task)]
    return lines


def work_lines(path: Path, data: dict, details: bool) -> list[str]:
    checked = polish.count(data["attempts"], "sprawdzenie", "sprawdzenia", "sprawdzeń")
    shown = [{**t, "now": t["percent"] if t["begun"] else progress.NO_SCORE} for t in data["tasks"]]
    return [f"{path.name}: ćwiczenia praktyczne, wariant {data['seed']} (dzień {data['today']}).",
            f"Zadania ({len(data['tasks'])}): {progress.counts_text(data['counts'])}.",
            f"Średnia najlepszych wyników wszystkich zadań: {data['best_percent']} (na stronie {checked}); "
            f"plik teraz: {data['percent']}.", "",
            *task_table(shown, [("Stan", "status_text", 14), ("Najlepszy", "best_percent", -9),
                                ("Próby", "attempts", -5), ("Teraz", "now", -5)], details)]


def exam_lines(path: Path, data: dict, details: bool) -> list[str]:
    info = data["exam"]
    started = polish.date_time(exam.moment(info["started"]))
    state_text = ("zakończona po upływie czasu" if info["timed_out"] else "zakończona w czasie") if info["finished"] \
        else "niezakończona (sprawdzona tak, jak stoi)"
    lines = [f"{path.name}: symulacja części praktycznej z {started}, {state_text}; wynik {data['percent']} "
             f"({polish.count(len(data['tasks']), 'zadanie', 'zadania', 'zadań')}).", "",
             *task_table(data["tasks"], [("Stan", "status_text", 14), ("Wynik", "percent", -5)], details),
             "", "Wynik według kryteriów:"]
    return lines + [fit(f"    {c['id']:<10} {c['percent']:>5}  {c['text']}", WIDTH) for c in info["criteria"]]


# --- a group's files --------------------------------------------------------------------------------

def report(folder: Path | None, csv_path: Path | None, qualification_name: str, out, err) -> int:
    """`tasks report DIR`: every .json file of the folder (not its subfolders) as one row; a file that
    cannot be read is listed with the reason and the rest is reported."""
    if folder is None:
        print("Podaj katalog z plikami kandydatów: python -m selfcheck tasks report KATALOG", file=err)
        return 1
    if csv_path is not None and csv_path.exists():  # said before the report, not after it, where it is missed
        what = "to katalog; podaj nazwę nowego pliku .csv" if csv_path.is_dir() else "ten plik już jest; nie nadpisujemy go. Wskaż nowy plik"
        print(f"{csv_path}: {what}.", file=err)
        return 1
    try:
        entries = sorted(folder.iterdir(), key=lambda p: polish_order(p.name))
    except NotADirectoryError:
        print(f"{folder}: to plik, a potrzebny jest katalog z plikami kandydatów.", file=err)
        return 1
    except OSError as error:
        print(f"{folder}: {os_problem(error, 'odczytu tego katalogu', 'nie można odczytać katalogu', 'nie ma takiego katalogu.')}", file=err)
        return 1
    files = [p for p in entries if p.suffix.lower() == ".json" and not p.name.startswith(".") and not p.is_dir()]
    if not files:
        inner = " (podkatalogów polecenie nie przegląda: wskaż każdy osobno)" if any(p.is_dir() for p in entries) else ""
        print(f"{folder}: nie ma tu plików .json zapisanych na stronie{inner}.", file=err)
        return 1
    candidates, rejected = [], []
    for path in files:
        try:
            found, _ = read_candidate(path, qualification_name)
        except (UnicodeDecodeError, OSError, CrmStateError) as problem:
            rejected.append((path.name, read_problem(problem)))
            continue
        candidates.append((path.name, progress.candidate(found["work"], found["exam"])))
    data = class_report.build(candidates, rejected)
    subfolders = sum(1 for p in entries if p.is_dir())
    for line in report_lines(folder, data, skipped=len(entries) - len(files) - subfolders, subfolders=subfolders):
        print(line, file=out)
    written = write_csv(csv_path, *class_report.table(data), out, err) if csv_path is not None else 0
    return written or (0 if candidates else 1)


def polish_order(name: str) -> tuple:
    """File names in a reader's order: "kandydat-2" before "kandydat-10"."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name))


MARKS = {"done": "✔", "in_progress": "~", "not_started": "·"}
WEAKEST = 5  # criteria in the report's summary; all of them are in the CSV


def report_lines(folder: Path, data: dict, skipped: int, subfolders: int = 0) -> list[str]:
    rows, criteria = data["rows"], data["criteria"]
    n = len(data["tasks"])
    lines = wrapped(f"Raport grupy z katalogu {visible(str(folder))}: "
                    f"{polish.count(len(rows) + len(data['rejected']), 'plik', 'pliki', 'plików')} "
                    f"kandydatów (wczytane: {len(rows)}, pominięte: {len(data['rejected'])}); "
                    f"{polish.count(n, 'zadanie', 'zadania', 'zadań')} praktycznych."
                    + (f" Inne pliki niż .json: {skipped} (nie czytane)." if skipped else "")
                    + (f" Podkatalogi: {subfolders} (nie przeglądane)." if subfolders else ""))
    with_data = [c for c in criteria if c["mean"] is not None]
    if with_data:
        lines += ["", "Najsłabsze kryteria grupy (średnia wyników kandydatów, którzy mają dane, jak w raporcie gotowości):"]
        lines += [fit(f"  {c['id']:<10} {polish.percent(c['mean']):>4}  (dane: {c['with_data']} z {len(rows)})  {c['text']}", WIDTH)
                  for c in with_data[:WEAKEST]]
    without = [c["id"] for c in criteria if c["mean"] is None]
    if without:
        lines += wrapped(f"Bez danych u nikogo: {polish.count(len(without), 'kryterium', 'kryteria', 'kryteriów')} "
                         f"({', '.join(without)}).")
    for copy in data["copies"]:
        lines += wrapped(f"Ten sam wariant {copy['part']} (możliwe kopiowanie) — {copy['label']}, wariant {copy['seed']}: "
                         f"{', '.join(visible(name) for name in copy['files'])}.")
    if rows:
        lines += ["", *class_table(data)]
    if data["rejected"]:
        lines += ["", f"Pominięte pliki ({len(data['rejected'])}):"]
        for name, reason in data["rejected"]:
            lines += wrapped(f"  {name}: {reason}")
    return lines


def wrapped(text: str) -> list[str]:
    """A long sentence as lines of WIDTH, the later ones indented."""
    return textwrap.wrap(text, WIDTH, subsequent_indent="    ", break_on_hyphens=False)


def class_table(data: dict) -> list[str]:
    """The terminal's table: a row per file within WIDTH columns; each task a mark (MARKS) in the
    order of `tasks`, left out when the tasks do not fit (the CSV has them all)."""
    n = len(data["tasks"])
    columns = [("Wyk.", 4), ("W toku", 6), ("Śr. wynik", 9), ("Próby", 5), ("Symulacja", 9), ("Wariant", 7)]
    fixed = sum(w + 2 for _, w in columns)
    shown = [visible(r["name"]) for r in data["rows"]]  # as the terminal will show it, for its width
    names = max(len("Plik"), *map(len, shown))
    strip = max(n, len("Zadania"))
    with_strip = WIDTH - fixed - strip - 2 >= min(names, 16)
    name_width = min(names, WIDTH - fixed - (strip + 2 if with_strip else 0))
    legend = (f"Zadania (kolejność jak w poleceniu „tasks”): {MARKS['done']} wykonane, "
              f"{MARKS['in_progress']} w toku, {MARKS['not_started']} nie rozpoczęto." if with_strip
              else "Stan każdego zadania: w pliku CSV (--csv).")
    head = f"{'Plik':<{name_width}}" + (f"  {'Zadania':<{strip}}" if with_strip else "") \
        + "".join(f"  {h:>{w}}" for h, w in columns)
    lines = [legend, head]
    for row, name in zip(data["rows"], shown):
        summary = row["summary"]
        latest = summary["exam"]["latest"]
        exam_text = latest["percent"] if latest else ("w toku" if summary["exam"]["open"] else progress.NO_SCORE)
        cells = [summary["counts"]["done"], summary["counts"]["in_progress"], polish.percent(summary["best"]),
                 summary["attempts"], exam_text, ",".join(row["copies"])]
        line = f"{fit_middle(name, name_width):<{name_width}}"
        if with_strip:
            line += f"  {''.join(MARKS[t['status']] for t in summary['tasks']):<{strip}}"
        lines.append(line + "".join(f"  {c!s:>{w}}" for c, (_, w) in zip(cells, columns)))
    return lines


def fit_middle(text: str, width: int) -> str:
    """A file name cut in the middle to `width`, so its start and its date at the end stay."""
    if len(text) <= width:
        return text
    keep = width - 1
    return text[:keep - keep // 2] + "…" + text[len(text) - keep // 2:]


def new_spreadsheet(path: Path):
    """A new file for a spreadsheet, open for writing: "x" never overwrites; "utf-8-sig" writes the
    byte-order mark that tells Excel the file is UTF-8 (or it shows Polish letters wrongly)."""
    return open(path, "x", encoding="utf-8-sig", newline="")


def write_csv(path: Path, headers: list[str], rows: list[list], out, err) -> int:
    """The report's table as a spreadsheet file: semicolons, cells that cannot start a formula
    (reports.csv_text), no character a candidate's file could bring in raw (visible), UTF-8 with the
    byte-order mark Excel needs to show Polish letters; never over an existing file."""
    text = csv_text([visible(str(h)) for h in headers], [[visible(str(c)) for c in row] for row in rows])
    try:
        with new_spreadsheet(path) as file:
            file.write(text)
    except FileExistsError:
        print(f"{path}: ten plik już jest; nie nadpisujemy go. Wskaż nowy plik.", file=err)
        return 1
    except OSError as error:
        print(f"{path}: {os_problem(error, 'zapisu tego pliku', 'nie można zapisać pliku', WRITE_MISSING)}", file=err)
        return 1
    print(f"Zapisano zestawienie do {path} ({polish.count(len(rows), 'wiersz', 'wiersze', 'wierszy')}).", file=out)
    return 0


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
                with new_spreadsheet(folder / name) as file:
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
        print_lines(text, out)
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
