"""The practical part on the command line: task list, a candidate's file checked as the page checks
it, the dataset of a variant. Expectations come from the engine itself, run in this process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from practical_modules.crm import api
from tests.conftest import ROOT
from tests.data import PRACTICAL
from tests.practical_crm import candidates, given
from tests.test_terminal import acted_on

DAY = "2026-11-25"


def selfcheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selfcheck", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)


@pytest.mark.skipif(PRACTICAL, reason="this qualification has practical tasks")
def test_without_tasks_the_commands_say_so():
    for args in (["tasks"], ["dataset", "--seed", "1"]):
        run = selfcheck(*args)
        assert run.returncode == 2 and "nie ma zadań praktycznych" in run.stderr and "Traceback" not in run.stderr


needs_tasks = pytest.mark.skipif(not PRACTICAL, reason="this qualification has no practical tasks")


@needs_tasks
def test_tasks_json_lists_every_task_with_its_criteria_texts():
    run = selfcheck("tasks", "--json")
    assert run.returncode == 0, run.stderr
    listed = json.loads(run.stdout)
    assert [t["id"] for t in listed] == [t["id"] for t in api.list_tasks()]
    assert all(c["text"] for t in listed for c in t["criteria"])


def progress_file(work: dict | None, exam_state: dict | None = None) -> str:
    from tests.data import QUALIFICATION
    return candidates.record_file(work, exam_state, QUALIFICATION["name"])


@needs_tasks
def test_a_candidates_file_says_each_tasks_status_attempts_and_best_score_as_the_page_kept_them(tmp_path):
    state, expected = candidates.worked_on(11)
    path = tmp_path / "samoocena-kandydat.json"
    path.write_text(progress_file(state), encoding="utf-8")
    run = selfcheck("tasks", "check", str(path), "--json")
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)["work"]
    assert {t["id"]: t["status"] for t in found["tasks"]} == expected
    for task in found["tasks"]:
        kept = state["results"].get(task["id"])
        assert (task["attempts"], task["best"]) == ((kept["attempts"], kept["best"]) if kept else (0, None))
        if task["begun"]:  # checked as the page checks it; a task not begun earns nothing
            on_the_page = json.loads(api.page(json.dumps(state), json.dumps({"check": task["id"]})))["result"]
            assert (task["score"], task["checks"]) == (on_the_page["score"], on_the_page["checks"])
        else:
            assert (task["score"], task["checks"]) == (0.0, [])
    assert found["counts"] == {key: list(expected.values()).count(key) for key in ("done", "in_progress", "not_started")}
    assert found["attempts"] == sum(r["attempts"] for r in state["results"].values())

    short = selfcheck("tasks", "check", str(path))
    assert short.returncode == 0, short.stderr
    lines = short.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    for task in found["tasks"]:   # one line a task, with its status, and no check under it
        (line,) = [line for line in lines if line.startswith(task["id"] + " ")]
        assert task["status_text"] in line and task["best_percent"] in line
        assert not any(c["label"] in short.stdout for c in task["checks"] if not c["passed"])
    assert len(lines) < len(found["tasks"]) + 10 and "--details" in lines[-1]

    details = selfcheck("tasks", "check", str(path), "--details")
    assert details.returncode == 0, details.stderr
    for task in found["tasks"]:
        for check in task["checks"]:
            assert f"{'✔' if check['passed'] else '✘'} {check['label']}" in details.stdout
            assert check["feedback"] in details.stdout


@needs_tasks
@pytest.mark.parametrize("content, words", [
    ("{not json", "JSON"),
    ('{"format": "inny"}', "nie jest plik ćwiczeń"),
    ("[" * 5000, "zagnieżdżone"),
])
def test_a_bad_file_gets_a_polish_sentence_and_exit_1(tmp_path, content, words):
    path = tmp_path / "zly.json"
    path.write_text(content, encoding="utf-8")
    run = selfcheck("tasks", "check", str(path))
    assert run.returncode == 1 and words in run.stderr and "Traceback" not in run.stderr
    missing = selfcheck("tasks", "check", str(tmp_path / "nie-ma.json"))
    assert missing.returncode == 1 and "nie ma takiego pliku" in missing.stderr


@needs_tasks
def test_dataset_is_the_same_for_a_seed_and_csv_never_overwrites(tmp_path):
    first = selfcheck("dataset", "--seed", "5", "--today", DAY, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == json.loads(api.dataset_as_json(5, DAY))
    folder = tmp_path / "csv"
    written = selfcheck("dataset", "--seed", "5", "--today", DAY, "--csv", str(folder))
    assert written.returncode == 0, written.stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(api.dataset_as_csv(5, DAY))
    for name, text in api.dataset_as_csv(5, DAY).items():  # with the mark Excel needs to read UTF-8
        assert (folder / name).read_bytes() == b"\xef\xbb\xbf" + text.encode("utf-8")
    again = selfcheck("dataset", "--seed", "5", "--today", DAY, "--csv", str(folder))
    assert again.returncode == 1 and "nie nadpisujemy" in again.stderr
    bad = selfcheck("dataset", "--seed", "-3")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


@needs_tasks
def test_a_newer_file_and_a_folder_are_refused_in_polish(tmp_path):
    from practical_modules.crm.dataset import STATE_VERSION
    state = json.loads(api.new(4, DAY))["state"]
    newer = tmp_path / "nowszy.json"
    newer.write_text(json.dumps({**state, "version": STATE_VERSION + 1}), encoding="utf-8")
    refused = selfcheck("tasks", "check", str(newer))
    assert refused.returncode == 1 and "nowsza wersja" in refused.stderr and "Traceback" not in refused.stderr
    folder = selfcheck("tasks", "check", str(tmp_path))
    assert folder.returncode == 1 and "katalog" in folder.stderr and "Errno" not in folder.stderr


@needs_tasks
def test_a_mock_exams_file_is_checked_on_its_own_tasks_with_criteria(tmp_path):
    from practical_modules.crm import exam
    from selfcheck.structure import Structure
    from tests.data import QUALIFICATION
    sets = Structure.from_qualification(QUALIFICATION).sets
    given.use_sets(sets)
    try:
        started = json.loads(api.exam_start("", 9, f"{DAY}T09:00:00+01:00"))["state"]
        finished = json.loads(api.exam_finish(json.dumps(started), f"{DAY}T09:20:00+01:00"))["state"]
    finally:
        given.install()
    for state, word in ((started, "niezakończona"), (finished, "zakończona w czasie")):
        path = tmp_path / "symulacja.json"
        path.write_text(json.dumps(state), encoding="utf-8")
        report = json.loads(selfcheck("tasks", "check", str(path), "--json").stdout)
        assert [t["id"] for t in report["tasks"]] == state["exam"]["tasks"]
        expected = exam.evaluate(state, sets)
        assert report["exam"]["criteria"] == expected["criteria"]
        assert all(c["text"] for c in report["exam"]["criteria"])
        text = selfcheck("tasks", "check", str(path))
        assert text.returncode == 0 and word in text.stdout and "Wynik według kryteriów" in text.stdout


@needs_tasks
def test_argument_mistakes_are_told_in_polish():
    for args, words in ((["dataset", "--seed", "x"], "liczba całkowita"),
                        (["dataset", "--seed", "1", "--json", "--csv", "k"], "nie można go łączyć"),
                        (["dataset"], "brakuje wymaganych argumentów"),
                        (["tasks", "usun"], "do wyboru")):
        run = selfcheck(*args)
        assert run.returncode == 2 and words in run.stderr and "błąd" in run.stderr, run.stderr
        assert "error:" not in run.stderr and "usage:" not in run.stderr
    assert "pokaż tę pomoc" in selfcheck("tasks", "--help").stdout


# What a candidate could type into the simulated system to attack the assessor's terminal: clear the
# screen, forge a passed check on a line of its own, reverse the text, a C1 escape and DEL.
HOSTILE = "\x1b[2J\x1b[H\n  ✔ Wszystko poprawne\r\x1b[1A\u202e\x9b31m\x7f"
FORGED = "✔ Wszystko poprawne"


def unsafe(text: str) -> list[str]:
    """Characters a terminal would act on rather than show, line ends aside."""
    return acted_on(text.replace("\n", ""))


def hostile_state(seed: int) -> dict:
    """A practice state whose every text field begins with HOSTILE, as if typed in the system."""
    from practical_modules.crm.records import COLLECTIONS
    state = candidates.fresh(seed)
    for key, collection in COLLECTIONS.items():
        for record in state.get(key, []):
            for field in collection.fields:
                if field.kind in ("text", "long_text") and isinstance(record.get(field.key), str):
                    record[field.key] = HOSTILE + record[field.key]
    return state


@needs_tasks
def test_text_a_candidate_typed_reaches_the_terminal_only_as_visible_escapes(tmp_path):
    path = tmp_path / "\x1b[31mkandydat\u202e.json"   # the file's name is the candidate's too
    path.write_text(progress_file(hostile_state(13)), encoding="utf-8")
    outputs = {}
    for form in ([], ["--details"], ["--json"], ["--format", "prairielearn"]):
        run = selfcheck("tasks", "check", str(path), *form)
        assert run.returncode == 0, run.stderr
        assert unsafe(run.stdout) == [] and unsafe(run.stderr) == [], form
        assert not any(line.lstrip().startswith(FORGED) for line in run.stdout.splitlines()), form
        outputs[" ".join(form)] = run.stdout
    assert "\\x1b[2J" in outputs["--details"] and "\\x1b[31mkandydat\\u202e.json" in outputs[""]
    # JSON escapes the same characters, and reads back as exactly what the candidate typed.
    feedback = [c["feedback"] for t in json.loads(outputs["--json"])["work"]["tasks"] for c in t["checks"]]
    assert any(HOSTILE in text for text in feedback)
    graded = json.loads(outputs["--format prairielearn"])
    assert any(HOSTILE in test["message"] for test in graded["tests"])
    broken = tmp_path / "\x1b[2Jzly\x9b.json"
    broken.write_text("{", encoding="utf-8")
    refused = selfcheck("tasks", "check", str(broken))
    assert refused.returncode == 1 and unsafe(refused.stderr) == [] and "\\x1b[2Jzly\\x9b.json" in refused.stderr


@needs_tasks
def test_prairielearn_results_carry_the_score_and_a_test_per_task(tmp_path):
    state, expected = candidates.worked_on(14)
    path = tmp_path / "postepy.json"
    path.write_text(progress_file(state), encoding="utf-8")
    results = tmp_path / "results" / "results.json"
    results.parent.mkdir()
    run = selfcheck("tasks", "check", str(path), "--format", "prairielearn", "--out", str(results))
    assert run.returncode == 0 and run.stdout == "", run.stderr
    graded = json.loads(results.read_text(encoding="utf-8"))
    document = json.loads(selfcheck("tasks", "check", str(path), "--json").stdout)
    assert document["exam"] is None     # a part the file does not hold is there, empty
    checked = document["work"]
    assert graded["gradable"] is True and 0 <= graded["score"] <= 1
    assert graded["score"] == checked["score"]
    assert len(graded["tests"]) == len(checked["tasks"])
    assert graded["score"] == pytest.approx(sum(t["points"] for t in graded["tests"]) / sum(t["max_points"] for t in graded["tests"]),
                                            abs=1e-3)
    for test, task in zip(graded["tests"], checked["tasks"]):
        assert task["id"] in test["name"] and task["title"] in test["name"]
        assert test["points"] == task["score"] and test["max_points"] == 1
        assert test["message"].startswith(task["status_text"])
        assert all(c["label"] in test["output"] for c in task["checks"])
    again = selfcheck("tasks", "check", str(path), "--format", "prairielearn", "--out", str(results))
    assert again.returncode == 1 and "nie nadpisujemy" in again.stderr
    broken = tmp_path / "zly.json"
    broken.write_text("[1,", encoding="utf-8")
    refused = selfcheck("tasks", "check", str(broken), "--format", "prairielearn")
    assert refused.returncode == 1
    assert json.loads(refused.stdout) == {"gradable": False, "format_errors": [refused.stderr.split(": ", 1)[1].strip()]}


@needs_tasks
def test_a_progress_file_with_an_exam_is_checked_part_by_part(tmp_path):
    from selfcheck.structure import Structure
    from tests.data import QUALIFICATION
    given.use_sets(Structure.from_qualification(QUALIFICATION).sets)
    try:
        started = json.loads(api.exam_start("", 15, f"{DAY}T09:00:00+01:00"))["state"]
        solved = candidates.solve(started, started["exam"]["tasks"][0])
        finished = json.loads(api.exam_finish(json.dumps(solved), f"{DAY}T09:20:00+01:00"))["state"]
    finally:
        given.install()
    path = tmp_path / "postepy.json"
    path.write_text(progress_file(candidates.fresh(15), finished), encoding="utf-8")
    both = json.loads(selfcheck("tasks", "check", str(path), "--json").stdout)
    assert set(both) == {"file", "work", "exam"}
    statuses = {t["id"]: t["status"] for t in both["exam"]["tasks"]}
    assert statuses[started["exam"]["tasks"][0]] == "done"
    assert {s for t, s in statuses.items() if not any(r["id"] == t and r["begun"] for r in both["exam"]["tasks"])} <= {"not_started"}
    exam_only = selfcheck("tasks", "check", str(path), "--part", "exam", "--format", "prairielearn")
    graded = json.loads(exam_only.stdout)
    assert graded["score"] == finished["exam"]["score"]
    assert [t["name"] for t in graded["tests"]] == [f"{t['title']} ({t['id']})" for t in both["exam"]["tasks"]]
    work_only = selfcheck("tasks", "check", str(path), "--part", "work")
    assert work_only.returncode == 0 and "symulacja" not in work_only.stdout
    legacy = tmp_path / "cwiczenia.json"
    legacy.write_text(json.dumps(candidates.fresh(15)), encoding="utf-8")
    missing = selfcheck("tasks", "check", str(legacy), "--part", "exam")
    assert missing.returncode == 1 and "nie zawiera symulacji" in missing.stderr


@needs_tasks
def test_an_option_of_another_action_is_told_in_polish():
    for args, words in ((["tasks", "--details"], "tasks check"), (["tasks", "report", "x", "--part", "work"], "tasks check"),
                        (["tasks", "check", "x", "--csv", "y"], "tasks report"), (["tasks", "report", "x", "--json"], "tasks check")):
        run = selfcheck(*args)
        assert run.returncode == 2 and words in run.stderr and "Traceback" not in run.stderr, run.stderr
    both = selfcheck("tasks", "check", "x", "--json", "--format", "prairielearn")
    assert both.returncode == 2 and "nie można go łączyć" in both.stderr
