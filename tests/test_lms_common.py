"""What every LMS format shares (lms/common.py): the items in the data's order with their category,
name, tags and feedback, and the short-answer spellings, which our engine must accept, every one."""

from __future__ import annotations

from datafiles.bank import load_bank
from lms.common import TITLE_LIMIT, Category, Export, short_text_spellings
from selfcheck import polish
from selfcheck.question_types.short_text import accepted
from tests.data import DATA_DIR, QUALIFICATION

BANK, _ = load_bank(DATA_DIR, QUALIFICATION)
EXPORT = Export.from_data(QUALIFICATION, BANK)


def test_items_follow_the_qualifications_order_questions_before_interview_items_of_each_outcome():
    items = list(EXPORT.items())
    outcome_of = {**{q.id: q.outcome for q in BANK.questions.values()}, **{r: i["outcome"] for r, i in BANK.interview.items()}}
    outcomes = [o["id"] for s in QUALIFICATION["sets"] for o in s["outcomes"]]
    assert [item.id for item in items] == [
        iid for outcome in outcomes
        for iid in [q for q in BANK.questions if outcome_of[q] == outcome] + [r for r in BANK.interview if outcome_of[r] == outcome]]
    for item in items:
        qset = next(s for s in QUALIFICATION["sets"] if any(o["id"] == outcome_of[item.id] for o in s["outcomes"]))
        assert [level.id for level in item.category] == [qset["id"], outcome_of[item.id]]
        assert item.name.startswith(item.id) and all(c in item.name for c in item.criteria)
        assert item.tags == (*item.criteria, outcome_of[item.id], qset["id"])
    for item in EXPORT.questions():
        assert item.feedback == f"{item.question.explanation}\n\nŹródło: {item.question.reference}"


def test_a_long_category_title_is_cut_at_a_word_within_the_limit():
    words = " ".join(["słowo"] * 80)
    title = Category("Z1.E1", words).title
    assert len(title) <= TITLE_LIMIT and title.endswith("słowo…") and title.startswith("Z1.E1 słowo")
    assert Category("Z1", "Krótki\n  tytuł").title == "Z1 Krótki tytuł"


def test_spellings_list_each_answer_without_diacritics_with_plain_marks_and_without_punctuation():
    assert short_text_spellings(["T – określony w czasie", "t – OKREŚLONY w czasie", "e-mail"]) == [
        "T – określony w czasie", "T – okreslony w czasie", "T - określony w czasie", "T - okreslony w czasie",
        "T określony w czasie", "T okreslony w czasie", "e-mail", "e mail"]


def test_every_spelling_of_every_short_answer_is_one_our_engine_accepts():
    for question in BANK.questions.values():
        if question.type == "short_text":
            answers = {polish.normalise(a) for a in question.data.answer}
            for spelling in short_text_spellings(question.data.answer):
                assert accepted(spelling, answers), (question.id, spelling)
