"""`python -m selfcheck tasks report DIR [--csv FILE]`: a group's files side by side. Candidates' work is
made through the module's own API (tests/practical_crm/candidates.py); what each row must say comes
from what was done, and the group's figures from the engine's rules (selfcheck.practical)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from practical_modules.crm import api, progress
from practical_modules.crm import tasks as task_defs
from selfcheck.practical import criterion_scores
from tests.data import PRACTICAL, QUALIFICATION
from tests.practical_crm import candidates, given
from tests.test_crm_cli import HOSTILE, selfcheck, unsafe

pytestmark = pytest.mark.skipif(not PRACTICAL, reason="this qualification has no practical tasks")

MARKS = {"done": "✔", "in_progress": "~", "not_started": "·"}


def finished_exam(seed: int) -> dict:
    from selfcheck.structure import Structure
    given.use_sets(Structure.from_qualification(QUALIFICATION).sets)
    try:
        started = json.loads(api.exam_start("", seed, "2026-11-25T09:00:00+01:00"))["state"]
        solved = candidates.solve(started, started["exam"]["tasks"][0])
        return json.loads(api.exam_finish(json.dumps(solved), "2026-11-25T09:20:00+01:00"))["state"]
    finally:
        given.install()


@pytest.fixture(scope="module")
def group(tmp_path_factory):
    """A teacher's folder: candidates' progress files (one copied from another and worked on), an
    exam-only file of an earlier version, and files that cannot be reported."""
    folder = tmp_path_factory.mktemp("klasa")
    name = QUALIFICATION["name"]
    first, first_expected = candidates.worked_on(31)
    copied_task = next(t for t, status in first_expected.items() if status == "not_started"
                       and t in candidates.apart(candidates.fresh(31)))
    copy = candidates.check(candidates.solve(first, copied_task), copied_task)
    copy_expected = {**first_expected, copied_task: "done"}
    fresh, other, another = candidates.fresh(32), candidates.fresh(34), candidates.fresh(35)
    exam_state = finished_exam(33)
    files = {
        "kandydat-1.json": (candidates.record_file(first, None, name), first_expected),
        "kandydat-2.json": (candidates.record_file(fresh, None, name), {t: "not_started" for t in first_expected}),
        "kandydat-10.json": (candidates.record_file(copy, None, name), copy_expected),
        "=kandydat.json": (candidates.record_file(other, None, name), {t: "not_started" for t in first_expected}),
        "symulacja.json": (json.dumps(exam_state), {t: "not_started" for t in first_expected}),
        "\x1b[2Jkandydat.json": (candidates.record_file(another, None, name), {t: "not_started" for t in first_expected}),
    }
    for file_name, (text, _) in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    rejected = {"zly.json": ("{", "JSON"),
                "inna.json": (candidates.record_file(fresh, None, name + " (inna)"), "innej kwalifikacji"),
                "quiz.json": (json.dumps({"format": "samoocena", "version": 1, "qualification": name, "answers": {},
                                          "ratings": {}, "attempts": [], "interview": {}}), "nie zawiera ćwiczeń praktycznych"),
                "binarny.json": (None, "UTF-8")}
    for file_name, (text, _) in rejected.items():
        if text is None:
            (folder / file_name).write_bytes(b"\xff\xfe\x00\x81")
        else:
            (folder / file_name).write_text(text, encoding="utf-8")
    (folder / "notatki.txt").write_text("nie plik kandydata", encoding="utf-8")
    sections = {"kandydat-1.json": (first, None), "kandydat-2.json": (fresh, None), "kandydat-10.json": (copy, None),
                "=kandydat.json": (other, None), "symulacja.json": (None, exam_state), "\x1b[2Jkandydat.json": (another, None)}
    return {"folder": folder, "expected": {k: v for k, (_, v) in files.items()}, "rejected": rejected,
            "sections": sections}


def table_rows(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    head = next(n for n, line in enumerate(lines) if line.startswith("Plik "))
    end = next((n for n in range(head + 1, len(lines)) if not lines[n]), len(lines))
    return lines[head:end]


def test_a_row_per_file_with_each_tasks_status_and_files_that_share_a_variant_flagged(group):
    run = selfcheck("tasks", "report", str(group["folder"]))
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and unsafe(run.stdout) == []
    rows = table_rows(run.stdout)
    assert all(len(line) <= 100 for line in rows)
    assert len(rows) == 1 + len(group["expected"])
    by_name = {}
    for name in group["expected"]:
        shown = name.replace("\x1b", "\\x1b")
        (row,) = [r for r in rows[1:] if r.startswith(shown + " ")]
        by_name[name] = row
    start = rows[0].index("Zadania")
    for name, expected in group["expected"].items():
        strip = by_name[name][start:start + len(expected)]
        assert strip == "".join(MARKS[expected[t["id"]]] for t in api.list_tasks()), name
    flag = by_name["kandydat-1.json"].split()[-1]
    assert flag.isalpha() and by_name["kandydat-10.json"].split()[-1] == flag
    copies = [line for line in run.stdout.splitlines() if line.startswith("Ten sam wariant")]
    assert any("kandydat-1.json" in line and "kandydat-10.json" in line and f"— {flag}," in line for line in copies)
    assert not any("kandydat-2.json" in line and "kandydat-1.json" in line for line in copies)
    # The exam-only file's row shows its exam's score.
    assert group["sections"]["symulacja.json"][1]["exam"]["score"] is not None
    assert progress.candidate(None, group["sections"]["symulacja.json"][1])["exam"]["latest"]["percent"] in by_name["symulacja.json"]


def test_the_weakest_criteria_of_the_group_come_first(group):
    run = selfcheck("tasks", "report", str(group["folder"]))
    values: dict[str, list[float]] = {}
    for work, exam_state in group["sections"].values():
        scores = criterion_scores(api.list_tasks(), work["results"] if work else {},
                                  exam_state["exams"] if exam_state else [])
        for criterion, found in scores.items():
            values.setdefault(criterion, []).append(sum(found) / len(found))
    order = [c["id"] for s in QUALIFICATION["sets"] for o in s["outcomes"] for c in o["criteria"]]
    weakest = sorted(values, key=lambda c: (sum(values[c]) / len(values[c]), order.index(c)))
    lines = run.stdout.splitlines()
    first = lines.index(next(line for line in lines if line.startswith("Najsłabsze kryteria")))
    listed = [line.split()[0] for line in lines[first + 1:first + 1 + min(5, len(weakest))]]
    assert listed == weakest[:len(listed)] and listed


def test_files_that_cannot_be_reported_are_listed_with_the_reason(group):
    run = selfcheck("tasks", "report", str(group["folder"]))
    lines = run.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Pominięte pliki")))
    listed = []
    for line in lines[start + 1:]:  # a long reason goes on in lines indented further
        if line.startswith("    "):
            listed[-1] += " " + line.strip()
        else:
            listed.append(line)
    assert len(listed) == len(group["rejected"])
    for name, (_, words) in group["rejected"].items():
        assert any(line.startswith(f"  {name}: ") and words in line for line in listed), name
    assert "notatki.txt" not in run.stdout and "Inne pliki niż .json: 1" in run.stdout


def test_the_csv_opens_in_a_spreadsheet_with_polish_letters_and_no_formula(group, tmp_path):
    target = tmp_path / "raport.csv"
    run = selfcheck("tasks", "report", str(group["folder"]), "--csv", str(target))
    assert run.returncode == 0, run.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert unsafe(text.replace("\r\n", "\n")) == []
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    headers, rows = table[0], {row[0]: row for row in table[1:]}
    assert "Wariant ćwiczeń" in headers
    assert len(rows) == len(group["expected"]) + len(group["rejected"])
    assert "'=kandydat.json" in rows and "\\x1b[2Jkandydat.json" in rows
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in table for cell in row)
    for name, expected in group["expected"].items():
        row = rows[name.replace("\x1b", "\\x1b") if not name.startswith("=") else "'" + name]
        for task_id, status in expected.items():
            assert row[headers.index(f"{task_id}: stan")] == progress.STATUSES[status]
        work = group["sections"][name][0]
        for task in task_defs.all_tasks():
            kept = work["results"].get(task.id) if work else None
            assert row[headers.index(f"{task.id}: próby")] == str(kept["attempts"] if kept else 0)
    first = rows["kandydat-1.json"]
    assert "kandydat-10.json" in first[headers.index("Uwagi")]
    for name in group["rejected"]:
        assert rows[name][headers.index("Uwagi")].startswith("pominięty: ")
    again = selfcheck("tasks", "report", str(group["folder"]), "--csv", str(target))
    assert again.returncode == 1 and "nie nadpisujemy" in again.stderr and target.read_bytes() == raw
    assert again.stdout == ""   # said before the report, where it cannot be missed
    into_folder = selfcheck("tasks", "report", str(group["folder"]), "--csv", str(tmp_path))
    assert into_folder.returncode == 1 and "to katalog" in into_folder.stderr and into_folder.stdout == ""


def test_a_folder_with_nothing_to_report_says_so(tmp_path):
    for args, words in ((["tasks", "report"], "Podaj katalog"), (["tasks", "report", str(tmp_path)], "nie ma tu plików"),
                        (["tasks", "report", str(tmp_path / "brak")], "nie ma takiego"),
                        (["tasks", "report", __file__], "to plik")):
        run = selfcheck(*args)
        assert run.returncode == 1 and words in run.stderr and "Traceback" not in run.stderr, (args, run.stderr)
    (tmp_path / "grupa-a").mkdir()   # a class kept in subfolders: each is a report of its own
    nested = selfcheck("tasks", "report", str(tmp_path))
    assert nested.returncode == 1 and "podkatalogów polecenie nie przegląda" in nested.stderr
    (tmp_path / "zly.json").write_text(HOSTILE, encoding="utf-8")
    only_bad = selfcheck("tasks", "report", str(tmp_path))
    assert only_bad.returncode == 1 and re.search(r"^  zly\.json: ", only_bad.stdout, re.M)
    assert "Podkatalogi: 1" in only_bad.stdout and "Inne pliki" not in only_bad.stdout
