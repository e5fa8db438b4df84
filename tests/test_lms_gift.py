"""The GIFT export (lms/gift.py) read by a real GIFT parser, gift-pegjs from npm (tests/js/gift_parse.mjs),
then read as Moodle's GIFT import makes questions of it (question/format/gift/format.php) and graded
as Moodle grades them (tests/lms_grading.py): for every question GIFT can express and a set of sample
responses, our engine's score equals Moodle's from the parsed file, but for the known losses below."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from datafiles.bank import load_bank
from lms import FORMATS, Export
from lms.common import short_text_spellings
from lms.gift import left_out
from tests.conftest import ROOT
from tests.data import DATA_DIR, QUALIFICATION
from tests.lms_grading import Graded, hostile_export, round_trip
from tests.test_lms_moodle import LOSSES as MOODLE_LOSSES
from tests.test_lms_moodle import split_category_path

PARSER = ROOT / "tests" / "js" / "gift_parse.mjs"
BANK, _ = load_bank(DATA_DIR, QUALIFICATION)
EXPORT = Export.from_data(QUALIFICATION, BANK)

# As in Moodle XML, and: GIFT has no units, so Moodle takes a number only ("12 zł" is not a valid answer).
LOSSES = MOODLE_LOSSES | {"unit_after_number"}

# gift-pegjs 1.0.2 leaves Moodle's placeholders for escaped characters in a matching row's answer
# (it forgets qformat_gift::escapedchar_post there); Moodle restores them, and so does the reader.
_PLACEHOLDERS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~",
                 "&&010": "\n", "&&092;": "\\"}


def parse(data: bytes, tmp_path) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run the GIFT parser (gift-pegjs)"
    path = tmp_path / "bank-gift.txt"
    path.write_bytes(data)
    run = subprocess.run([node, str(PARSER), str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def moodle_questions(parsed: list[dict]) -> list[dict]:
    """The parsed questions as Moodle's GIFT import makes them: category, name, idnumber, tags, type,
    and what they grade with."""
    category: list[str] = []
    out = []
    for question in parsed:
        kind = question["type"]
        if kind == "Category":
            category = split_category_path(question["title"])
            continue
        graded = Graded(kind=kind, name=question["title"])
        choices = question.get("choices") or []
        if kind == "MC":
            graded.kind = "choice"
            # qformat_gift: a question with an "=" answer has one right answer, else several.
            graded.single = any(choice["isCorrect"] for choice in choices)
            graded.answers = [(c["text"]["text"], 1.0 if c["isCorrect"] else (c["weight"] or 0) / 100) for c in choices]
        elif kind == "TF":
            graded.kind, graded.right = "truefalse", question["isTrue"]
        elif kind == "Short":
            graded.kind = "shortanswer"
            graded.answers = [(c["text"]["text"], 1.0 if c["weight"] is None else c["weight"] / 100) for c in choices]
        elif kind == "Numerical":
            graded.kind = "numerical"
            graded.numbers = [(choices["number"], choices.get("range") or 0.0, 1.0)]
            graded.unit_typed = False   # no units: Moodle's import sets showunits to UNITNONE
        elif kind == "Matching":
            graded.kind = "matching"
            graded.pairs = [(pair["subquestion"]["text"], _restored(pair["subanswer"])) for pair in question["matchPairs"]]
        elif kind == "Essay":
            graded.kind = "essay"
        out.append({"category": category, "id": question.get("id"), "tags": question.get("tags") or [],
                    "stem": question["stem"], "feedback": (question.get("globalFeedback") or {}).get("text", ""),
                    "choices": choices, "graded": graded})
    return out


def _restored(text: str) -> str:
    return re.sub("|".join(map(re.escape, _PLACEHOLDERS)), lambda m: _PLACEHOLDERS[m.group()], text)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    data = FORMATS["gift"].render(EXPORT)
    return data, {entry["id"]: entry for entry in moodle_questions(parse(data, tmp_path_factory.mktemp("gift")))}


def test_every_question_gift_can_express_is_there_once_in_its_category_with_id_and_tags(imported):
    data, by_id = imported
    skipped = {qid for qid, q in BANK.questions.items() if left_out(q)}
    assert set(by_id) == (set(BANK.questions) - skipped) | set(BANK.interview)
    for item in EXPORT.items():
        if item.id in skipped:
            continue
        entry = by_id[item.id]
        assert entry["category"] == ["$course$", "top"] + [level.title for level in item.category]
        assert entry["graded"].name == item.name and entry["tags"] == list(item.tags)
        assert entry["stem"] == {"format": "plain", "text": item.prompt}
        if item.question:
            assert entry["feedback"] == item.feedback
        else:
            assert entry["graded"].kind == "essay" and all(point in entry["feedback"] for point in item.points)


def test_the_questions_left_out_are_named_with_the_reason_at_the_top_of_the_file(imported):
    data, _ = imported
    header = [line for line in data.decode("utf-8").splitlines() if line.startswith("//")][:4]
    for qid, question in BANK.questions.items():
        if left_out(question):
            assert any(left_out(question) in line and qid in line for line in header), qid
    assert all(left_out(q) for q in BANK.questions.values() if q.type == "ordering")


def test_choices_weights_and_short_answers_are_those_of_the_moodle_export(imported):
    _, by_id = imported
    for qid, question in BANK.questions.items():
        if qid not in by_id:
            continue
        graded = by_id[qid]["graded"]
        if question.type in ("single", "multiple"):
            assert graded.single == (question.type == "single"), qid
            assert [t for t, _ in graded.answers] == [o["text"] for o in question.data.options], qid
        if question.type == "short_text":
            assert [t.replace("\\*", "*") for t, _ in graded.answers] == short_text_spellings(question.data.answer)
        if question.type == "numeric":
            assert graded.numbers == [(question.data.answer, question.data.tolerance, 1.0)], qid


def test_for_every_question_moodle_scores_sample_responses_from_the_gift_file_as_our_engine_does(imported):
    _, by_id = imported
    questions = {qid: q for qid, q in BANK.questions.items() if qid in by_id}
    differed = round_trip(questions, {qid: by_id[qid]["graded"] for qid in questions}, LOSSES)
    assert set(differed) <= LOSSES


@pytest.mark.content
def test_this_banks_numbers_with_units_are_a_known_loss_in_gift(imported):
    _, by_id = imported
    questions = {qid: q for qid, q in BANK.questions.items() if qid in by_id}
    assert "unit_after_number" in round_trip(questions, {qid: by_id[qid]["graded"] for qid in questions}, LOSSES)


def test_gifts_special_characters_are_escaped_and_come_back_unchanged(tmp_path):
    export = hostile_export()
    by_id = {entry["id"]: entry for entry in moodle_questions(parse(FORMATS["gift"].render(export), tmp_path))}
    assert "Z1.E1.Q08" not in by_id   # a "->" in a matching's left column cannot be written in GIFT
    for item in export.items():
        if item.id in by_id:
            entry = by_id[item.id]
            assert entry["category"] == ["$course$", "top"] + [level.title for level in item.category]
            assert entry["stem"]["text"] == item.prompt and entry["graded"].name == item.name
    questions = {qid: q for qid, q in export.bank.questions.items() if qid in by_id}
    differed = round_trip(questions, {qid: by_id[qid]["graded"] for qid in questions}, LOSSES)
    assert {"unit_after_number", "typographic_minus"} <= set(differed)
