"""Scoring per type, with partial credit that never goes below zero."""

import importlib.util
import unittest

from selfcheck.bank import parse_bank
from selfcheck.scoring import score
from tests.engine.fixtures import CRITERIA, bank_files

BANK = parse_bank(bank_files(), CRITERIA)


def graded(question_id, fields):
    return graded_in(BANK.questions[question_id], fields)


def graded_in(question, fields):
    """What the worker does with a form's fields: the type reads them, then the answer is scored."""
    return score(question, question.kind.read(question, fields))


class ScoringTest(unittest.TestCase):
    def test_single_choice_right_and_wrong(self):
        self.assertEqual(graded("Z1.E1.Q01", {"answer": ["b"]}).verdict, "correct")
        self.assertEqual(graded("Z1.E1.Q01", {"answer": ["a"]}).score, 0.0)

    def test_multiple_choice_partial_credit_is_right_minus_wrong_over_right(self):
        self.assertAlmostEqual(graded("Z1.E1.Q02", {"answer": ["a", "b"]}).score, 2 / 3)
        self.assertAlmostEqual(graded("Z1.E1.Q02", {"answer": ["a", "b", "c"]}).score, 1 / 3)
        self.assertEqual(graded("Z1.E1.Q02", {"answer": ["a", "b", "d"]}).verdict, "correct")

    def test_multiple_choice_never_below_zero(self):
        result = graded("Z1.E1.Q02", {"answer": ["c"]})
        self.assertEqual((result.score, result.verdict), (0.0, "wrong"))

    def test_true_false(self):
        self.assertEqual(graded("Z1.E1.Q03", {"answer": ["true"]}).score, 1.0)
        self.assertEqual(graded("Z2.E2.Q02", {"answer": ["true"]}).score, 0.0)

    def test_ordering_counts_pairs_in_the_right_relative_order(self):
        right = {"pos-kw": ["1"], "pos-an": ["2"], "pos-of": ["3"], "pos-ne": ["4"]}
        self.assertEqual(graded("Z2.E1.Q01", right).score, 1.0)
        one_swap = {"pos-kw": ["2"], "pos-an": ["1"], "pos-of": ["3"], "pos-ne": ["4"]}
        self.assertAlmostEqual(graded("Z2.E1.Q01", one_swap).score, 5 / 6)
        reversed_ = {"pos-kw": ["4"], "pos-an": ["3"], "pos-of": ["2"], "pos-ne": ["1"]}
        self.assertEqual(graded("Z2.E1.Q01", reversed_).score, 0.0)

    def test_ordering_with_a_position_used_twice_is_refused_with_a_reason(self):
        question = BANK.questions["Z2.E1.Q01"]
        with self.assertRaisesRegex(ValueError, "tylko jednemu"):
            question.kind.read(question, {"pos-kw": ["1"], "pos-an": ["1"], "pos-of": ["3"], "pos-ne": ["4"]})

    def test_matching_gives_the_share_of_right_pairs(self):
        self.assertEqual(graded("Z2.E2.Q01", {"match-l1": ["r1"], "match-l2": ["r2"], "match-l3": ["r3"]}).score, 1.0)
        self.assertAlmostEqual(graded("Z2.E2.Q01", {"match-l1": ["r1"], "match-l2": ["r3"], "match-l3": ["r2"]}).score, 1 / 3)

    def test_matching_names_each_wrong_row_and_a_repeated_answer(self):
        right = graded("Z2.E2.Q01", {"match-l1": ["r1"], "match-l2": ["r2"], "match-l3": ["r3"]})
        self.assertEqual(right.details, ())
        pairs = BANK.questions["Z2.E2.Q01"].data.pairs
        result = graded("Z2.E2.Q01", {"match-l1": ["r1"], "match-l2": ["r1"], "match-l3": ["r1"]})
        wrong_rows = [note for note in result.details if note.startswith("Źle:")]
        self.assertEqual(len(wrong_rows), 2)
        self.assertIn(pairs[1]["left"], wrong_rows[0])
        self.assertIn(pairs[1]["right"], wrong_rows[0])
        self.assertIn("powtarza się", result.details[-1])
        self.assertIn(pairs[0]["right"], result.details[-1])
        self.assertEqual(result.as_dict()["details"], list(result.details))

    def test_numeric_reads_polish_formatting_within_tolerance(self):
        for typed in ["1234,5", "1 234,5", "1234.5", "1234,9 zł", "1234"]:
            self.assertEqual(graded("Z1.E2.Q02", {"answer": [typed]}).verdict, "correct", typed)
        self.assertEqual(graded("Z1.E2.Q02", {"answer": ["1233,9"]}).verdict, "wrong")

    def test_numeric_takes_the_questions_unit_and_the_usual_ones_after_the_number(self):
        for typed in ["1 234,5 zł", "1234,5zl", "1234,5 PLN"]:
            self.assertEqual(graded("Z1.E2.Q02", {"answer": [typed]}).verdict, "correct", typed)
        self.assertEqual(graded("Z1.E2.Q02", {"answer": ["1234,5 kg"]}).verdict, "invalid")

    def test_numeric_that_is_not_a_number_gets_a_message_not_a_score(self):
        result = graded("Z1.E2.Q02", {"answer": ["12,3,4"]})
        self.assertEqual(result.verdict, "invalid")
        self.assertIn("„12,3,4” nie jest liczbą", result.message)
        self.assertEqual(graded("Z1.E2.Q02", {"answer": ["  "]}).message, "Wpisz liczbę.")

    def test_short_text_ignores_case_diacritics_and_punctuation(self):
        self.assertEqual(graded("Z1.E2.Q01", {"answer": ["  Potencjalny KLIENT. "]}).verdict, "correct")
        self.assertEqual(graded("Z1.E2.Q01", {"answer": ["kontakt"]}).verdict, "wrong")

    def test_short_text_accepts_two_accepted_names_side_by_side_and_only_those(self):
        for typed in ("lead (potencjalny klient)", "potencjalny klient – lead", "lead / potencjalny klient", "[lead]"):
            self.assertEqual(graded("Z1.E2.Q01", {"answer": [typed]}).verdict, "correct", typed)
        for typed in ("lead (kontakt)", "kontakt – lead", "lead / kontakt", "lead-kontakt"):
            self.assertEqual(graded("Z1.E2.Q01", {"answer": [typed]}).verdict, "wrong", typed)

    def test_feedback_carries_right_answer_explanation_and_reference(self):
        result = graded("Z2.E1.Q01", {"pos-kw": ["1"], "pos-an": ["2"], "pos-of": ["3"], "pos-ne": ["4"]})
        self.assertEqual(result.correct_answer, "kwalifikacja → analiza potrzeb → oferta → negocjacje")
        self.assertTrue(result.explanation and result.reference)


class RightFieldsTest(unittest.TestCase):
    """Each type's `right_fields` are a right answer as its form sends them: full marks, every question."""

    def assert_all_right(self, bank):
        for question in bank.questions.values():
            with self.subTest(question.id):
                result = graded_in(question, question.kind.right_fields(question))
                self.assertEqual((result.verdict, result.score), ("correct", 1.0), result.message)

    def test_every_question_of_the_fixture_bank(self):
        self.assert_all_right(BANK)

    @unittest.skipUnless(importlib.util.find_spec("yaml") and importlib.util.find_spec("datafiles"),
                         "needs PyYAML and datafiles: runs in CPython only")
    def test_every_question_of_the_real_bank(self):
        from datafiles.bank import load_bank
        from tests.data import DATA_DIR, QUALIFICATION
        bank = load_bank(DATA_DIR, QUALIFICATION)[0]
        self.assertGreater(len(bank.questions), 0)
        self.assert_all_right(bank)


if __name__ == "__main__":
    unittest.main()
