"""Content checks of the question bank (selfcheck/bank/*.yaml): coverage, consistency, and the
habits that make a question fair — one right answer, no giveaways, an explanation and a source."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from statistics import mean

import pytest

from cli.main import MIN_PER_CRITERION
from selfcheck import polish
from selfcheck.structure import Structure
from datafiles.bank import load_bank
from tests.conftest import ROOT
from tests.data import DATA_DIR, QUALIFICATION

STRUCTURE = Structure.from_qualification(QUALIFICATION)
BANK, FILES = load_bank(DATA_DIR, QUALIFICATION)
RAW = [q for f in FILES for q in f["questions"]]
CHOICE = [q for q in RAW if q["type"] in ("single", "multiple")]
# Phrases that let a candidate answer without knowing the subject.
LAZY_OPTIONS = re.compile(r"\b(wszystkie (powyższe|odpowiedzi)|żadna z (powyższych|odpowiedzi)|żadne z powyższych|"
                          r"obie odpowiedzi|[a-e] i [a-e])\b", re.IGNORECASE)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selfcheck", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_cli_coverage_json_shows_every_criterion_with_at_least_three_questions():
    result = run_cli("coverage", "--json")
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert list(counts) == STRUCTURE.criterion_ids()
    assert counts == {cid: sum(cid in q.criteria for q in BANK.questions.values()) for cid in counts}


@pytest.mark.content
def test_every_criterion_has_at_least_three_questions():
    short = {cid: n for cid, n in BANK.by_criterion().items() if len(n) < MIN_PER_CRITERION}
    assert short == {} and len(BANK.by_criterion()) == len(STRUCTURE.criterion_ids())


def test_cli_validate_passes_on_the_bank():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert "Bank pytań jest poprawny" in result.stdout


def test_cli_validate_fails_with_a_clear_message_on_a_broken_bank(tmp_path):
    broken = tmp_path / "bank"
    broken.mkdir()
    (broken / "z1-e1.yaml").write_text("outcome: Z1.E1\nquestions:\n  - id: Z1.E1.Q01\n    type: single\n", encoding="utf-8")
    result = run_cli("--bank", str(broken), "validate")
    assert result.returncode == 1
    assert "z1-e1.yaml:3: questions[0].criteria: brak wymaganego pola „criteria”" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.content
def test_bank_has_at_least_114_questions_of_at_least_five_types():
    assert len(BANK.questions) >= 114
    types = Counter(q.type for q in BANK.questions.values())
    assert len(types) >= 5, types
    for needed in ("ordering", "matching", "numeric"):
        assert types[needed] >= 3, types


def test_every_outcome_has_its_own_file():
    assert sorted(f["_file"] for f in FILES) == sorted("selfcheck/bank/" + o.lower().replace(".", "-") + ".yaml"
                                                       for o in STRUCTURE.outcome_ids())


@pytest.mark.content
def test_every_outcome_has_at_least_two_interview_questions():
    per_outcome = Counter(item["outcome"] for item in BANK.interview.values())
    assert all(per_outcome[o] >= 2 for o in STRUCTURE.outcome_ids()), per_outcome


def test_question_ids_are_unique_across_files():
    ids = [q["id"] for q in RAW]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_right_answer_is_among_the_options():
    for q in CHOICE:
        option_ids = {o["id"] for o in q["options"]}
        answers = q["answer"] if isinstance(q["answer"], list) else [q["answer"]]
        assert set(answers) <= option_ids, q["id"]


def test_no_duplicate_prompts():
    prompts = Counter(polish.normalise(q["prompt"]) for q in RAW)
    assert [p[:60] for p, n in prompts.items() if n > 1] == []


def test_no_duplicate_options_within_a_question():
    for q in CHOICE:
        texts = [" ".join(o["text"].lower().split()) for o in q["options"]]
        assert len(set(texts)) == len(texts), q["id"]


def test_every_question_has_an_explanation_and_a_reference():
    for q in BANK.questions.values():
        assert len(q.explanation) >= 40, q.id
        assert len(q.reference) >= 5, q.id


@pytest.mark.content
def test_data_protection_questions_cite_an_article_of_rodo():
    missing = [q.id for q in BANK.questions.values()
               if q.id.startswith("Z1.E3") and not re.search(r"\bart\. \d+", q.reference)]
    assert missing == [], "Z1.E3 questions without an article of RODO in their reference"
    for q in BANK.questions.values():
        if "RODO" in q.reference:
            assert re.search(r"RODO,? art\. \d+", q.reference), q.id


def test_no_all_or_none_of_the_above():
    lazy = [q["id"] for q in CHOICE for o in q["options"] if LAZY_OPTIONS.search(o["text"])]
    assert lazy == []


def test_right_option_is_not_an_obvious_length_outlier():
    """The right answer must not stand out as much longer (or shorter) than the wrong ones."""
    outliers = []
    for q in (q for q in CHOICE if q["type"] == "single"):
        right = next(len(o["text"]) for o in q["options"] if o["id"] == q["answer"])
        others = [len(o["text"]) for o in q["options"] if o["id"] != q["answer"]]
        ratio = right / mean(others)
        if (ratio > 1.5 and right > max(others)) or ratio < 0.5:
            outliers.append(f"{q['id']}: {ratio:.2f}")
    assert outliers == []


def test_right_answers_are_spread_over_positions():
    positions = Counter([o["id"] for o in q["options"]].index(q["answer"]) for q in CHOICE if q["type"] == "single")
    most = positions.most_common(1)[0][1]
    assert most <= 0.45 * sum(positions.values()), positions


@pytest.mark.parametrize("qtype", ["ordering", "matching"])
def test_shown_order_differs_from_the_answer(qtype):
    for q in (q for q in BANK.questions.values() if q.type == qtype):
        shown = q.display()
        if qtype == "ordering":
            assert [i["id"] for i in shown["items"]] != [i["id"] for i in q.data.items], q.id
        else:
            assert [r["id"] for r in shown["right"]] != [f"r{n}" for n in range(1, len(q.data.pairs) + 1)], q.id


def test_interview_questions_are_gender_neutral():
    """No "Pan/Pani" or "zrobiłby Pan/zrobiłaby Pani": the commission's questions address every candidate alike."""
    import re

    items = [item for f in FILES for item in f.get("interview") or []]
    for item in items:
        assert not re.search(r"\bPan/|\bPan\b|\bPani\b", item["question"]), item["id"]


# Short answers as people write them (a name with its abbreviation or translation, another accepted
# wording) and near misses that must stay wrong, run through the engine's own scoring.
SHORT_ANSWERS = {
    "Z1.E1.Q22": (["VIES (VAT Information Exchange System)", "system VIES", "vies"], ["VAT", "VIES VAT", "KRS"]),
    "Z1.E2.Q06": (["NIP (numer identyfikacji podatkowej)", "po numerze NIP", "Nip.", "NIP-u", "po NIP-u"],
                  ["REGON", "KRS", "PESEL", "NIP (REGON)", "NIP/REGON", "numer VAT"]),
    "Z1.E3.Q05": (["dane wrażliwe", "Szczególne kategorie danych osobowych (dane wrażliwe)", "dane szczegolnej kategorii"],
                  ["dane osobowe", "dane zwykłe", "dane poufne"]),
    "Z2.E1.Q15": (["prognoza ważona (weighted forecast)", "Prognoza wazona", "wartość ważona"],
                  ["prognoza", "wartość lejka", "prognoza liniowa"]),
    "Z2.E2.Q04": (["T (time-bound)", "t", "T – terminowy", "osadzony w czasie", "T (ograniczony w czasie)",
                   "ograniczony w czasie", "T (czas)", "T – czas"],
                  ["M", "A", "S (specific)", "T (mierzalny)", "T – M", "T (mierzalny w czasie)", "M (czas)", "terminowość"]),
    "Z2.E3.Q05": (["pulpit (dashboard)", "Pulpit menadżerski", "kokpit", "pulpit managerski", "pulpit menedżerski",
                   "dashboard managerski"],
                  ["raport", "tabela", "wykres", "raport (dashboard)", "pulpit – raport", "panel"]),
    "Z2.E4.Q06": (["tag (znacznik)", "znaczniki", "pole scalające", "merge field", "pole scalania", "symbol zastępczy",
                   "pole scalania (merge field)"],
                  ["szablon", "etykieta", "nawias", "pole", "pole formularza", "tag / etykieta"]),
}


@pytest.mark.content
@pytest.mark.parametrize("question_id", sorted(SHORT_ANSWERS))
def test_short_answers_accept_what_people_write_and_refuse_near_misses(question_id):
    question = BANK.questions[question_id]
    right, wrong = SHORT_ANSWERS[question_id]
    for typed in right:
        assert question.kind.score(question, typed) == 1.0, typed
    for typed in wrong:
        assert question.kind.score(question, typed) == 0.0, typed


@pytest.mark.content
def test_every_short_answer_question_is_listed_above():
    assert {q.id for q in BANK.questions.values() if q.kind.name == "short_text"} <= set(SHORT_ANSWERS)
