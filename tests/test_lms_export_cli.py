"""`python -m selfcheck export`: each registered format's file, named after the qualification, the same
bytes as lms renders; Polish messages and exit codes when it cannot write or the input is wrong."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from datafiles.bank import load_bank
from lms import FORMATS, Export
from sitegen.catalog import default_slug
from tests.conftest import ROOT
from tests.data import DATA_DIR, QUALIFICATION

BANK, _ = load_bank(DATA_DIR, QUALIFICATION)


def run_cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "selfcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_writes_the_whole_bank_named_after_the_qualification(name, tmp_path):
    chosen = FORMATS[name]
    result = run_cli("export", "--format", name, "--out", str(tmp_path / "eksport"))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "eksport" / chosen.file_name(default_slug(QUALIFICATION))
    assert written.read_bytes() == chosen.render(Export.from_data(QUALIFICATION, BANK))
    assert str(written) in result.stdout and chosen.label in result.stdout
    assert chosen.keeps in result.stdout and chosen.loses in result.stdout
    again = run_cli("export", "--format", name, "--out", str(tmp_path / "eksport"))   # a new export replaces it
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (tmp_path / "eksport").iterdir()) == [written.name]   # no temporary file left


def test_the_default_folder_is_the_current_one(tmp_path):
    name = next(iter(FORMATS))
    result = run_cli("export", "--format", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / FORMATS[name].file_name(default_slug(QUALIFICATION))).is_file()


def test_a_file_where_the_folder_should_be_is_refused_in_polish(tmp_path):
    (tmp_path / "plik").write_text("x", encoding="utf-8")
    for out, words in ((tmp_path / "plik", "to plik, a potrzebny jest katalog"),
                       (tmp_path / "plik" / "dalej", "część tej ścieżki jest plikiem")):
        result = run_cli("export", "--format", next(iter(FORMATS)), "--out", str(out))
        assert result.returncode == 1 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_an_unknown_format_is_a_usage_error_naming_the_formats():
    result = run_cli("export", "--format", "scorm")
    assert result.returncode == 2
    assert "nieznana wartość 'scorm'" in result.stderr and all(name in result.stderr for name in FORMATS)


def test_a_broken_bank_is_reported_with_its_file_and_nothing_is_written(tmp_path):
    broken = tmp_path / "bank"
    broken.mkdir()
    (broken / "z1-e1.yaml").write_text("outcome: Z1.E1\nquestions:\n  - id: Z1.E1.Q01\n    type: single\n", encoding="utf-8")
    result = run_cli("--bank", str(broken), "export", "--format", next(iter(FORMATS)), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "z1-e1.yaml" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
