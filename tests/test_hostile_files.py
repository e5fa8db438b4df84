"""A table of hostile files, refused alike by the page ("Wczytaj postępy z pliku", the renewal form's
"Wczytaj z pliku") and by the assessors' command line (`python -m selfcheck tasks check`): a Polish
sentence saying what is wrong, no traceback, and nothing stored or changed.

The files are made from what the engine itself writes (a fresh record, a fresh practice state), so
the table holds for any qualification with a practical part."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.data import CRITERIA, PRACTICAL, QUALIFICATION, storage_key

pytestmark = pytest.mark.skipif(not PRACTICAL, reason="this qualification has no practical part")

HUGE = "1" * 5001  # over Python's limit for turning digits into a number
NAME = QUALIFICATION["name"]


def work_state() -> dict:
    from practical_modules.crm import api
    from tests.practical_crm import given
    given.install()
    return json.loads(api.new(3, "2026-11-25"))["state"]


def record(work: dict | None) -> dict:
    return {"format": "samoocena", "version": 2, "qualification": NAME, "answers": {},
            "ratings": {CRITERIA[0]["id"]: "tak"}, "attempts": [], "interview": {},
            "practical": {"module": "crm", "work": work, "exam": None}}


def _cases() -> list[tuple[str, str, str, bool]]:
    """(name, file text, words the refusal says, whether the command line reads such a file too)."""
    work = work_state()
    task = next(iter(json.loads(json.dumps(work))["answers"]), None) or "z1e1-rejestry"
    result = {"attempts": 1, "last": 0.5, "best": 0.5, "at": "2026-11-25T08:00:00+01:00"}

    def changed(change) -> dict:
        data = record(copy.deepcopy(work))
        change(data)
        return data

    return [
        ("not-json.json", '{"format": ', "poprawny plik JSON", True),
        ("huge-number-progress.json", '{"format": "samoocena", "version": 1, "attempts": [{"seed": ' + HUGE + "}]}",
         "liczbę, której nie da się odczytać", True),
        ("huge-number-practice.json", json.dumps(work)[:-1] + ', "x": ' + HUGE + "}", "liczbę, której nie da się odczytać", True),
        ("deep.json", "[" * 5000 + "]" * 5000, "zbyt głęboko zagnieżdżone", True),
        # A picture renamed .json: refused as not JSON, not for the brackets its bytes happen to hold.
        ("picture.json", "\u0089PNG\r\n\u001a\n" + "[" * 300, "To nie jest plik JSON", True),
        ("other-qualification.json", json.dumps({**record(work), "qualification": "Inna kwalifikacja"}),
         "innej kwalifikacji", True),
        ("other-module.json", json.dumps(changed(lambda d: d["practical"].update(module="inny"))), "modułu", True),
        ("result-wrong-type.json", json.dumps(changed(lambda d: d["practical"]["work"]["results"].update(
            {"z1e1-rejestry": {**result, "attempts": "1"}}))), "attempts", True),
        ("result-out-of-range.json", json.dumps(changed(lambda d: d["practical"]["work"]["results"].update(
            {"z1e1-rejestry": {**result, "best": 7}}))), "best", True),
        ("result-unknown-task.json", json.dumps(changed(lambda d: d["practical"]["work"]["results"].update(
            {"nie-ma-takiego-zadania": result}))), "nie-ma-takiego-zadania", True),
        ("old-practice-unknown-task.json", json.dumps({**work, "results": {"nie-ma-takiego-zadania": result}}),
         "nie-ma-takiego-zadania", True),
        ("newer-progress.json", json.dumps({**record(None), "version": 99}), "nowsza wersja", False),
    ]


CASES = _cases() if PRACTICAL else []


@pytest.mark.parametrize("name,text,words,cli", CASES, ids=[c[0] for c in CASES])
def test_the_command_line_refuses_it_in_polish(tmp_path, name, text, words, cli):
    if not cli:
        pytest.skip("not a file the command line reads")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "selfcheck", "tasks", "check", str(path)], cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    assert run.returncode == 1, run.stdout[-500:]
    assert words in run.stderr and "Traceback" not in run.stderr, run.stderr


@pytest.mark.browser
def test_the_page_refuses_each_and_changes_nothing(served_site, browser, tmp_path):
    prefix = storage_key("")  # every section this qualification keeps
    context = browser.new_context()
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: dialog.accept())
        page.goto(served_site.url + "samoocena/umiejetnosci/")
        page.wait_for_selector(".sc-status--ready", timeout=120_000)
        page.check(f"#ocena-{CRITERIA[0]['id'].lower().replace('.', '-')}-nie")
        page.locator("text=Ocena zapisana.").first.wait_for()
        before = page.evaluate("prefix => Object.entries(localStorage).filter(([k]) => k.startsWith(prefix)).sort()", prefix)
        message = page.locator("#sc-progress-message")
        for name, text, words, _ in CASES:
            path = tmp_path / name
            path.write_text(text, encoding="utf-8")
            page.set_input_files("#sc-progress-import", str(path))
            message.locator(f"text=Nie wczytano pliku „{name}”").wait_for(timeout=120_000)
            assert words in message.inner_text(), (name, message.inner_text())
            assert "Traceback" not in message.inner_text()
            after = page.evaluate("prefix => Object.entries(localStorage).filter(([k]) => k.startsWith(prefix)).sort()", prefix)
            assert after == before, name
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_renewal_form_refuses_hostile_files(served_site, browser, tmp_path):
    if not QUALIFICATION["certificate"].get("renewal"):
        pytest.skip("this qualification's certificate is not renewed")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(served_site.url + "odnowienie/")
        page.wait_for_selector(".sc-status--ready", timeout=120_000)
        for name, text, words in [
            ("huge.json", '{"format": "odnowienie", "version": 1, "checklist": [' + HUGE + "]}", "liczbę"),
            ("other.json", json.dumps({"format": "odnowienie", "version": 1, "qualification": "Inna kwalifikacja",
                                       "issued": "2021-03-15", "periods": [], "checklist": []}), "innej kwalifikacji"),
        ]:
            path = tmp_path / name
            path.write_text(text, encoding="utf-8")
            page.set_input_files("#rn-import", str(path))
            page.locator("#rn-message", has_text=f"Nie wczytano pliku „{name}”").wait_for()
            assert words in page.inner_text("#rn-message")
            assert page.input_value("#rn-issued") == ""
    finally:
        context.close()
