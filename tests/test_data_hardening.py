"""Data files that could hang or crash the build are refused with a Polish message and a line.

Each case here was once a traceback, a runaway memory use or a silently wrong build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from selfcheck import api
from selfcheck.bank import BankError, parse_bank
from datafiles.problems import DataError
from sitegen.publisher import load_publisher
from datafiles.qualification import load_qualification
from datafiles.bank import load_bank
from datafiles.source import MAX_DEPTH, load_source, parse_source
from tests.conftest import ROOT
from tests.data import DATA_DIR, QUALIFICATION

FROZEN = ROOT / "tests" / "fixtures" / "validator"
BILLION_LAUGHS = "lol0: &a0 [ha, ha]\n" + "".join(
    f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))


def problems_of(text: str, name: str = "plik.yaml") -> list:
    with pytest.raises(DataError) as caught:
        parse_source(text, name)
    return caught.value.problems


def test_billion_laughs_is_refused_at_once_naming_the_first_anchor():
    started = time.perf_counter()
    (problem,) = problems_of(BILLION_LAUGHS)
    assert time.perf_counter() - started < 5  # refused before anything expands
    assert problem.line == 1 and "kotwica YAML „&a0” jest niedozwolona" in problem.message


def test_an_alias_is_refused_with_its_line():
    (problem,) = problems_of("a: 1\nb: [x]\nc: *nic\n")
    assert problem.line == 3 and "odwołanie YAML „*nic”" in problem.message


def test_deep_nesting_is_refused():
    (problem,) = problems_of("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert f"ponad {MAX_DEPTH} poziomów" in problem.message


def test_an_oversized_file_is_refused(tmp_path):
    path = tmp_path / "duzy.yaml"
    path.write_text("a: " + "x" * (3 * 1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_source(path)
    assert "najwyżej 2 MB" in caught.value.problems[0].message


def test_non_utf8_bytes_are_reported_on_their_line(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_bytes("a: 1\nb: zażółć\nc: ".encode("utf-8") + "gęś\n".encode("cp1250"))
    with pytest.raises(DataError) as caught:
        load_source(path)
    (problem,) = caught.value.problems
    assert problem.line == 3 and "nie jest zapisany w UTF-8" in problem.message


def test_an_unclosed_quote_is_reported_where_it_was_opened():
    text = "a: 1\n" * 8 + 'b: "nie zamknięty\n' + "c: 2\n" * 200
    (problem,) = problems_of(text)
    assert problem.line == 9 and "niezamknięty cudzysłów otwarty w wierszu 9" in problem.message


def test_python_tags_are_refused_in_polish():
    (problem,) = problems_of('a: !!python/object/apply:os.system ["echo"]\n')
    assert problem.line == 1 and "znacznik YAML „!!python/object/apply:os.system” jest niedozwolony" in problem.message


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_infinite_or_not_a_number_cost_is_refused(tmp_path, value):
    text = (FROZEN / "qualification.yaml").read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("cost_pln:"))
    path = tmp_path / "qualification.yaml"
    path.write_text(text.replace(old, f"cost_pln: {value}"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_qualification(path)
    assert [(p.path, "nie jest liczbą skończoną" in p.message) for p in caught.value.problems] == [("cost_pln", True)]


def test_an_impossible_date_is_refused(tmp_path):
    data = yaml.safe_load((DATA_DIR / "publisher.yaml").read_text(encoding="utf-8"))
    data["accessibility"]["published"] = "2026-13-45"
    path = tmp_path / "publisher.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_publisher(path)
    (problem,) = caught.value.problems
    assert problem.path == "accessibility.published" and "nie jest poprawną datą" in problem.message


def test_too_long_text_is_explained_in_polish(tmp_path):
    data = yaml.safe_load((DATA_DIR / "glossary.yaml").read_text(encoding="utf-8"))
    data["terms"][0]["tooltip"] = "x" * 200
    path = tmp_path / "glossary.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from sitegen.glossary import load_glossary
    with pytest.raises(DataError) as caught:
        load_glossary(path)
    assert any("tekst jest za długi: ma 200 znaków" in p.message for p in caught.value.problems)


# --- the question bank ------------------------------------------------------------------------

def first_bank_file() -> tuple[str, dict]:
    path = sorted((DATA_DIR / "selfcheck" / "bank").glob("*.yaml"))[0]
    return path.name, yaml.safe_load(path.read_text(encoding="utf-8"))


def bank_problems(tmp_path: Path, name: str, data) -> list:
    folder = tmp_path / "bank"
    folder.mkdir(exist_ok=True)
    text = "" if data is None else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_bank(DATA_DIR, QUALIFICATION, folder)
    return caught.value.problems


def first_of_type(data: dict, kinds: tuple[str, ...]) -> dict:
    return next(q for q in data["questions"] if q["type"] in kinds)


@pytest.mark.parametrize("case", ["criteria_nested", "outcome_list", "interview_number", "answer_nested",
                                  "misspelt_key"])
def test_bank_shapes_that_crashed_are_reported_with_file_line_and_field(tmp_path, case):
    name, data = first_bank_file()
    if case == "criteria_nested":
        data["questions"][0]["criteria"] = [data["questions"][0]["criteria"]]
    elif case == "outcome_list":
        data["outcome"] = [data["outcome"]]
    elif case == "interview_number":
        data["interview"] = 5
    elif case == "answer_nested":
        question = first_of_type(data, ("multiple",))
        question["answer"] = [[question["answer"][0]], question["answer"][-1]]
    else:
        data["interveiw"] = data.pop("interview", [])
    problems = bank_problems(tmp_path, name, data)
    assert problems and all(p.file.endswith(name) and p.line for p in problems), problems
    if case == "misspelt_key":
        assert any("nieznane pole „interveiw” — czy chodziło o „interview”" in p.message for p in problems), problems


def test_an_empty_bank_file_is_named_by_its_file_name(tmp_path):
    name, _ = first_bank_file()
    (problem,) = bank_problems(tmp_path, name, None)
    assert problem.file.endswith(name) and "plik jest pusty" in problem.message


@pytest.mark.parametrize("mutate", [
    lambda f: f["questions"][0].__setitem__("criteria", [["x"]]),
    lambda f: f.__setitem__("outcome", ["x"]),
    lambda f: f.__setitem__("interview", 5),
    lambda f: f["questions"][0].__setitem__("type", ["single"]),
])
def test_the_engine_refuses_bad_shapes_without_a_traceback(mutate):
    """The browser gets the bank as JSON: the engine itself must not crash on a bad shape either."""
    _, data = first_bank_file()
    data["_file"] = "plik.yaml"
    mutate(data)
    from selfcheck.structure import Structure
    with pytest.raises(BankError):
        parse_bank([data], Structure.from_qualification(QUALIFICATION).criterion_ids())


# --- the command line on broken data ---------------------------------------------------------

def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUALIFICATION_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "selfcheck", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("content", ["", "name: \tX\n", "- lista\n- zamiast pól\n"])
@pytest.mark.parametrize("command", [["validate"], ["renewal", "--issued", "2021-03-15"]])
def test_cli_on_an_empty_or_broken_qualification_says_what_is_wrong(tmp_path, content, command):
    (tmp_path / "qualification.yaml").write_text(content, encoding="utf-8")
    shutil.copytree(DATA_DIR / "selfcheck" / "bank", tmp_path / "selfcheck" / "bank")
    result = run_cli(*command, data_dir=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert "qualification.yaml" in result.stderr


@pytest.mark.parametrize("args, field", [
    (["--issued", "2021-03-15", "--today", "9999-12-31"], "--today"),
    (["--issued", "9998-01-01"], "--issued"),
])
def test_renewal_far_dates_are_refused_not_overflowed(args, field):
    if not QUALIFICATION["certificate"].get("renewal"):
        pytest.skip("this qualification's certificate does not expire")
    result = run_cli("renewal", *args, data_dir=DATA_DIR)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{field}: rok " in result.stderr and "poza zakresem" in result.stderr


def test_renewal_far_dates_are_refused_in_the_browser_engine_too():
    if not QUALIFICATION["certificate"].get("renewal"):
        pytest.skip("this qualification's certificate does not expire")
    api.setup(json.dumps(QUALIFICATION), _bank_json())
    out = json.loads(api.renewal(json.dumps({"issued": "9998-01-01", "periods": []}), "9999-12-31"))
    assert out["ok"] is False and any("poza zakresem" in message for message in out["problems"].values())


def _bank_json() -> str:
    _, files = load_bank(DATA_DIR, QUALIFICATION)
    return json.dumps({"files": files}, ensure_ascii=False)


# --- a failed build keeps the last good site ---------------------------------------------------

def test_a_failed_make_site_leaves_the_previous_site_as_it_was(project_copy):
    shutil.copy2(ROOT / "Makefile", project_copy / "Makefile")
    (project_copy / ".venv").symlink_to(ROOT / ".venv")
    previous = project_copy / "site"
    previous.mkdir()
    (previous / "index.html").write_text("poprzednia wersja", encoding="utf-8")
    (project_copy / "qualification.yaml").write_text("name: [\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("QUALIFICATION_DIR", "MAKEFLAGS")}
    result = subprocess.run(["make", "-o", "install", "site"], cwd=project_copy, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "qualification.yaml:" in result.stdout + result.stderr
    assert (previous / "index.html").read_text(encoding="utf-8") == "poprzednia wersja"
    assert not (project_copy / "site.new").exists()
