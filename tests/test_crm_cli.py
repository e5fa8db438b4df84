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
from tests.practical_crm import given

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


@needs_tasks
def test_a_candidates_file_is_checked_as_the_page_checks_it(tmp_path):
    state = json.loads(api.new(11, DAY))["state"]
    exported = json.loads(api.export(json.dumps(state)))
    path = tmp_path / exported["filename"]
    path.write_text(exported["text"], encoding="utf-8")
    run = selfcheck("tasks", "check", str(path), "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    on_the_page = [json.loads(api.page(json.dumps(state), json.dumps({"check": t["id"]})))["result"] for t in api.list_tasks()]
    assert [t["score"] for t in report["tasks"]] == [r["score"] for r in on_the_page]
    text = selfcheck("tasks", "check", str(path))
    assert text.returncode == 0 and "✘" in text.stdout    # an untouched variant leaves checks to do


@needs_tasks
@pytest.mark.parametrize("content, words", [
    ("{not json", "JSON"),
    ('{"format": "inny"}', "nie jest zapis"),
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
def test_the_text_report_carries_the_pages_feedback_and_a_newer_file_is_refused(tmp_path):
    from practical_modules.crm.dataset import STATE_VERSION
    state = json.loads(api.new(4, DAY))["state"]
    path = tmp_path / "praca.json"
    path.write_text(json.dumps(state), encoding="utf-8")
    run = selfcheck("tasks", "check", str(path))
    assert run.returncode == 0, run.stderr
    for result in api.check_export(json.dumps(state)):
        assert f"{result['id']}  {result['title']}: {result['percent']}" in run.stdout
        for check in result["checks"]:
            assert check["label"] in run.stdout and check["feedback"] in run.stdout
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
