"""The Moodle XML export (lms/moodle.py) read back the way Moodle's import reads it (qformat_xml:
question/format/xml/format.php and the question types' import_from_xml), and graded the way Moodle
grades (tests/lms_grading.py): for every question of whatever bank is loaded and a set of sample
responses, our engine's score equals Moodle's from the file's data, but for the known losses
(tests/lms_grading.py, FORMAT_LOSSES)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from datafiles.bank import load_bank
from lms import FORMATS, Export
from lms.common import short_text_spellings
from tests.data import DATA_DIR, QUALIFICATION
from tests.conftest import ROOT
from tests.lms_grading import FORMAT_LOSSES, LOSS_TEXT, MOODLE_FRACTIONS, hostile_export, round_trip
from tests.lms_readers import ORDERING_GRADING, moodle_import

BANK, _ = load_bank(DATA_DIR, QUALIFICATION)
EXPORT = Export.from_data(QUALIFICATION, BANK)
FILE = FORMATS["moodle"].render(EXPORT)

LOSSES = FORMAT_LOSSES["moodle"]
IMPORTED = moodle_import(FILE)
BY_ID = {entry["idnumber"]: entry for entry in IMPORTED}
OUTCOME_PATH = {o["id"]: [s["id"], o["id"]] for s in EXPORT.structure.sets for o in s["outcomes"]}


def test_every_question_and_interview_item_is_imported_once_in_its_outcomes_category_with_criteria_as_tags():
    assert len(BY_ID) == len(IMPORTED) == len(BANK.questions) + len(BANK.interview)
    assert set(BY_ID) == set(BANK.questions) | set(BANK.interview)
    for item in EXPORT.items():
        entry = BY_ID[item.id]
        assert entry["category"] == ["$course$", "top"] + [level.title for level in item.category]
        assert [title.split(" ", 1)[0] for title in entry["category"][2:]] == OUTCOME_PATH[item.interview["outcome"]
                                                                                        if item.interview
                                                                                        else item.question.outcome]
        assert entry["name"].startswith(item.id) and all(c in entry["name"] for c in item.criteria)
        assert set(item.criteria) <= set(entry["tags"])
        assert all(0 < len(tag) <= 50 for tag in entry["tags"])   # Moodle's tag names hold 50 characters
        assert entry["questiontext"] == item.prompt


def test_each_type_imports_as_the_moodle_type_that_grades_like_ours():
    expected = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse", "ordering": "ordering",
                "matching": "matching", "numeric": "numerical", "short_text": "shortanswer"}
    for qid, question in BANK.questions.items():
        assert BY_ID[qid]["type"] == expected[question.type], qid
        assert BY_ID[qid]["generalfeedback"] == f"{question.explanation}\n\nŹródło: {question.reference}"
    assert {BY_ID[rid]["type"] for rid in BANK.interview} <= {"essay"}


def test_every_fraction_is_on_moodles_list_and_a_choice_question_adds_up_as_moodle_checks():
    for qid, question in BANK.questions.items():
        entry = BY_ID[qid]
        for fraction in entry["fractions"]:
            if entry["type"] != "ordering":   # ordering numbers its items in "fraction"; Moodle ignores it
                assert any(abs(fraction - allowed) < 0.00001 for allowed in MOODLE_FRACTIONS), (qid, fraction)
        if entry["type"] == "multichoice":
            if entry["graded"].single:   # qtype_multichoice::save_question_options
                assert max(entry["fractions"]) == 1, qid
            else:
                assert round(sum(f for f in entry["fractions"] if f > 0), 2) == 1, qid
            assert entry["graded"].single == (question.type == "single"), qid


def test_choices_are_shown_as_on_the_site_in_the_banks_order_without_letters():
    for qid, question in BANK.questions.items():
        entry = BY_ID[qid]
        if question.type in ("single", "multiple"):
            assert entry["settings"] == {"shuffleanswers": False, "answernumbering": "none"}, qid
            assert [t for t, _ in entry["graded"].answers] == [o["text"] for o in question.data.options]
        if question.type == "matching":   # rows in the bank's order; Moodle always shuffles the choices
            assert entry["settings"] == {"shuffleanswers": False}, qid


def test_ordering_uses_the_pairwise_grading_and_shows_every_item():
    for qid, question in BANK.questions.items():
        if question.type == "ordering":
            settings = BY_ID[qid]["settings"]
            assert settings["gradingtype"] == ORDERING_GRADING["RELATIVE_ALL_PREVIOUS_AND_NEXT"], qid
            assert settings["selecttype"] == "ALL" and settings["selectcount"] == len(question.data.items), qid
            assert BY_ID[qid]["graded"].items == [item["text"] for item in question.data.items]


def test_numerical_keeps_the_answer_tolerance_and_unit_and_never_grades_the_unit():
    for qid, question in BANK.questions.items():
        if question.type == "numeric":
            graded = BY_ID[qid]["graded"]
            assert graded.numbers == [(question.data.answer, question.data.tolerance, 1.0)], qid
            assert graded.units == ({question.data.unit: 1.0} if question.data.unit else {}), qid
            assert graded.unit_typed and BY_ID[qid]["settings"]["unitgradingtype"] == 0, qid


def test_short_answers_ignore_case_and_list_the_spellings_our_folding_accepts():
    for qid, question in BANK.questions.items():
        if question.type == "short_text":
            graded = BY_ID[qid]["graded"]
            assert graded.ignore_case, qid
            spellings = short_text_spellings(question.data.answer)
            assert [t.replace("\\*", "*") for t, _ in graded.answers] == spellings, qid
            assert all(f == 1 for _, f in graded.answers), qid


def test_interview_items_are_essays_with_their_good_answer_points_for_the_grader():
    for rid, item in BANK.interview.items():
        entry = BY_ID[rid]
        assert entry["questiontext"] == item["question"]
        assert entry["settings"]["graderinfo_format"] == "html"
        listing = ET.fromstring(f"<div>{entry['graded'].graderinfo}</div>")
        assert [li.text for li in listing.iter("li")] == item["points"]
        assert all(point in entry["generalfeedback"] for point in item["points"])


def test_for_every_question_moodle_scores_sample_responses_as_our_engine_does_but_the_known_losses():
    graded = {qid: BY_ID[qid]["graded"] for qid in BANK.questions}
    differed = round_trip(BANK.questions, graded, LOSSES)
    assert set(differed) <= LOSSES


@pytest.mark.content
def test_this_banks_short_answers_and_numbers_show_the_known_losses():
    # This bank has short answers with several words and diacritics, and numbers from 10 000 up.
    graded = {qid: BY_ID[qid]["graded"] for qid in BANK.questions}
    differed = round_trip(BANK.questions, graded, LOSSES)
    assert {"mixed_diacritics", "extra_punctuation", "side_by_side", "nbsp_grouping", "words_after_number"} <= set(differed)


def test_texts_with_markup_and_special_characters_come_back_unchanged():
    export = hostile_export()
    imported = {entry["idnumber"]: entry for entry in moodle_import(FORMATS["moodle"].render(export))}
    for item in export.items():
        entry = imported[item.id]
        assert entry["category"] == ["$course$", "top"] + [level.title for level in item.category]
        assert entry["questiontext"] == item.prompt
        if item.question:
            assert entry["generalfeedback"] == item.feedback
    differed = round_trip(export.bank.questions, {qid: imported[qid]["graded"] for qid in export.bank.questions}, LOSSES)
    assert "typographic_minus" in differed   # the hostile bank's number is negative
    short = export.bank.questions["Z1.E1.Q07"]
    star = next(t for t, _ in imported["Z1.E1.Q07"]["graded"].answers if t.startswith("gwiazdka"))
    assert star == "gwiazdka\\*" and short.data.answer[0] == "gwiazdka*"


def test_the_readme_names_every_known_loss_of_every_format():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    section = readme.split("### Bank pytań w Moodle", 1)[1].split(" ## ", 1)[0]   # up to the next section
    for label in set().union(*FORMAT_LOSSES.values()):
        assert LOSS_TEXT[label][1] in section, label
