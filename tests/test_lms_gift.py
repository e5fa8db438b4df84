"""The GIFT export (lms/gift.py) read by a real GIFT parser, gift-pegjs from npm (tests/js/gift_parse.mjs),
then read as Moodle's GIFT import makes questions of it (question/format/gift/format.php) and graded
as Moodle grades them (tests/lms_grading.py): for every question GIFT can express and a set of sample
responses, our engine's score equals Moodle's from the parsed file, but for the known losses
(tests/lms_grading.py, FORMAT_LOSSES)."""

from __future__ import annotations

import pytest

from datafiles.bank import load_bank
from lms import FORMATS, Export
from lms.common import short_text_spellings
from lms.gift import left_out
from tests.data import DATA_DIR, QUALIFICATION
from tests.lms_grading import FORMAT_LOSSES, hostile_export, round_trip
from tests.lms_readers import gift_questions, parse_gift

BANK, _ = load_bank(DATA_DIR, QUALIFICATION)
EXPORT = Export.from_data(QUALIFICATION, BANK)

LOSSES = FORMAT_LOSSES["gift"]


def _parse(data: bytes, folder) -> list[dict]:
    path = folder / "bank-gift.txt"
    path.write_bytes(data)
    return parse_gift(path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    data = FORMATS["gift"].render(EXPORT)
    return data, {entry["id"]: entry for entry in gift_questions(_parse(data, tmp_path_factory.mktemp("gift")))}


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
    by_id = {entry["id"]: entry for entry in gift_questions(_parse(FORMATS["gift"].render(export), tmp_path))}
    assert "Z1.E1.Q08" not in by_id   # a "->" in a matching's left column cannot be written in GIFT
    for item in export.items():
        if item.id in by_id:
            entry = by_id[item.id]
            assert entry["category"] == ["$course$", "top"] + [level.title for level in item.category]
            assert entry["stem"]["text"] == item.prompt and entry["graded"].name == item.name
    questions = {qid: q for qid, q in export.bank.questions.items() if qid in by_id}
    differed = round_trip(questions, {qid: by_id[qid]["graded"] for qid in questions}, LOSSES)
    assert {"unit_after_number", "typographic_minus"} <= set(differed)
