"""The question bank is checked, and each problem names the question and the field."""

import unittest

from selfcheck.bank import BankError, parse_bank
from tests.engine.fixtures import CRITERIA, bank_files


def problems_after(change) -> list[str]:
    files = bank_files()
    change(files)
    with unittest.TestCase().assertRaises(BankError) as caught:
        parse_bank(files, CRITERIA)
    return caught.exception.problems


class BankTest(unittest.TestCase):
    def test_fixture_bank_with_every_type_is_valid(self):
        bank = parse_bank(bank_files(), CRITERIA)
        self.assertEqual({q.type for q in bank.questions.values()},
                         {"single", "multiple", "true_false", "ordering", "matching", "numeric", "short_text"})
        self.assertEqual(list(bank.interview), ["Z1.E1.R1"])

    def test_answer_not_among_options_names_question_and_field(self):
        problems = problems_after(lambda f: f[0]["questions"][0].update(answer="z"))
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q01: answer: 'z' nie jest identyfikatorem żadnej odpowiedzi", problems)

    def test_missing_explanation_is_reported(self):
        problems = problems_after(lambda f: f[0]["questions"][1].pop("explanation"))
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q02: explanation: brak wymaganego pola", problems)

    def test_unknown_type_is_reported_with_allowed_types(self):
        problems = problems_after(lambda f: f[0]["questions"][2].update(type="essay"))
        self.assertTrue(problems[0].startswith("z1-e1.yaml: pytanie Z1.E1.Q03: type: nieznany typ 'essay'"))

    def test_unknown_criterion_is_reported(self):
        problems = problems_after(lambda f: f[0]["questions"][0].update(criteria=["Z1.E1.K9"]))
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q01: criteria: nieznane kryterium 'Z1.E1.K9'", problems)

    def test_criterion_of_another_outcome_is_reported(self):
        problems = problems_after(lambda f: f[0]["questions"][0].update(criteria=["Z1.E2.K1"]))
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q01: criteria: kryterium Z1.E2.K1 należy do innego efektu niż Z1.E1", problems)

    def test_option_without_text_names_its_number(self):
        problems = problems_after(lambda f: f[0]["questions"][0]["options"][1].update(text="  "))
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q01: options[2]: potrzebne pola id i text (niepuste teksty)", problems)

    def test_ordering_with_too_few_items_is_reported(self):
        problems = problems_after(lambda f: f[2]["questions"][0].update(items=[{"id": "a", "text": "x"}]))
        self.assertIn("z2-e1.yaml: pytanie Z2.E1.Q01: items: potrzebne od 3 do 8 elementów w poprawnej kolejności", problems)

    def test_duplicate_question_id_is_reported(self):
        problems = problems_after(lambda f: f[0]["questions"][1].update(id="Z1.E1.Q01"))
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q01: id: identyfikator powtarza się", problems)

    def test_numeric_answer_must_be_a_number(self):
        problems = problems_after(lambda f: f[1]["questions"][1].update(answer="dużo"))
        self.assertIn("z1-e2.yaml: pytanie Z1.E2.Q02: answer: potrzebna liczba (ułamek z kropką, np. 12.5)", problems)

    def test_key_of_another_type_is_reported(self):
        problems = problems_after(lambda f: f[0]["questions"][2].update(options=[]))
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q03: nieznane pola dla typu true_false: options", problems)

    def test_display_hides_answers_and_scrambles_order_stably(self):
        bank = parse_bank(bank_files(), CRITERIA)
        ordering = bank.questions["Z2.E1.Q01"].display()
        self.assertNotIn("answer", ordering)
        self.assertNotEqual([i["id"] for i in ordering["items"]], ["kw", "an", "of", "ne"])
        self.assertEqual(ordering, bank.questions["Z2.E1.Q01"].display())
        matching = bank.questions["Z2.E2.Q01"].display()
        self.assertNotEqual([r["id"] for r in matching["right"]], ["r1", "r2", "r3"])


if __name__ == "__main__":
    unittest.main()
