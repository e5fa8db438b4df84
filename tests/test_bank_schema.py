"""The question bank's published schema: editors get hints from it, and every bank file meets it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT
from tests.data import DATA_DIR

SCHEMA = json.loads((ROOT / "schemas" / "question-bank.schema.json").read_text(encoding="utf-8"))
BANK_FILES = sorted((DATA_DIR / "selfcheck" / "bank").glob("*.yaml"))


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", BANK_FILES, ids=[path.name for path in BANK_FILES])
def test_bank_file_meets_the_schema_and_points_editors_to_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/question-bank.schema.json"
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(yaml.safe_load(text))]
    assert errors == []


@pytest.mark.parametrize("field, value", [
    (("questions", 0, "id"), 'Z1.E1.Q01"><script>'),
    (("questions", 0, "options", 0, "id"), 'a" onmouseover="x'),
    (("interveiw",), []),
])
def test_schema_refuses_ids_that_could_leave_an_attribute_and_unknown_keys(field, value):
    data = {"outcome": "Z1.E1", "questions": [{
        "id": "Z1.E1.Q01", "type": "single", "criteria": ["Z1.E1.K1"], "prompt": "p", "explanation": "e",
        "reference": "r", "options": [{"id": "a", "text": "t"}, {"id": "b", "text": "u"}], "answer": "a"}]}
    target = data
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = value
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))


def test_schema_refuses_a_unit_with_markup():
    data = {"outcome": "Z1.E1", "questions": [{
        "id": "Z1.E1.Q01", "type": "numeric", "criteria": ["Z1.E1.K1"], "prompt": "p", "explanation": "e",
        "reference": "r", "answer": 1, "unit": 'zł"><img src=x onerror=alert(1)>'}]}
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))


def test_published_schema_matches_the_question_types():
    """Each question type describes its own fields; the published file must say the same."""
    from datafiles.bank_schema import composed_text

    published = (ROOT / "schemas" / "question-bank.schema.json").read_text(encoding="utf-8")
    assert published == composed_text(), "run `python -m sitegen bank-schema` after changing a question type"


def test_every_question_type_has_its_form_template():
    from selfcheck.question_types import REGISTRY

    folder = ROOT / "sitegen" / "templates" / "question_types"
    assert sorted(p.stem.removesuffix(".html") for p in folder.glob("*.html.j2")) == sorted(REGISTRY)
