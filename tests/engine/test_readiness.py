"""Readiness combines quiz results (70%) and self-rating (30%); overall is weighted by hours."""

import unittest

from selfcheck.readiness import readiness
from selfcheck.structure import Structure
from tests.engine.fixtures import QUALIFICATION

STRUCTURE = Structure.from_qualification(QUALIFICATION)
BY_CRITERION = {"Z1.E1.K1": ["q1", "q2"], "Z1.E1.K2": ["q2"], "Z1.E2.K1": ["q3"], "Z2.E1.K1": ["q4"], "Z2.E2.K1": ["q5"]}


def state(answers=None, ratings=None):
    return {"answers": {q: {"score": s} for q, s in (answers or {}).items()}, "ratings": ratings or {}, "interview": {}}


class ReadinessTest(unittest.TestCase):
    def criterion(self, report, cid):
        return next(c for c in report["criteria"] if c["id"] == cid)

    def test_quiz_and_rating_combine_seventy_thirty(self):
        report = readiness(STRUCTURE, BY_CRITERION, state({"q1": 1.0, "q2": 0.5}, {"Z1.E1.K1": "czesciowo"}))
        self.assertAlmostEqual(self.criterion(report, "Z1.E1.K1")["value"], 0.7 * 0.75 + 0.3 * 0.5)

    def test_only_rating_or_only_quiz_counts_alone(self):
        report = readiness(STRUCTURE, BY_CRITERION, state({"q3": 0.0}, {"Z1.E1.K2": "tak"}))
        self.assertEqual(self.criterion(report, "Z1.E1.K2")["value"], 1.0)
        self.assertEqual(self.criterion(report, "Z1.E2.K1")["value"], 0.0)

    def test_criterion_without_data_has_no_value_and_is_listed(self):
        report = readiness(STRUCTURE, BY_CRITERION, state())
        self.assertIsNone(report["overall"]["value"])
        self.assertEqual(len(report["without_data"]), 5)
        self.assertEqual(report["without_data"][0]["anchor"], "z1-e1-k1")

    def test_overall_is_weighted_by_set_hours(self):
        report = readiness(STRUCTURE, BY_CRITERION, state({"q1": 1.0, "q2": 1.0, "q3": 1.0, "q4": 0.0, "q5": 0.0}))
        self.assertAlmostEqual(report["overall"]["value"], (1.0 * 20 + 0.0 * 40) / 60)

    def test_weakest_criteria_come_first(self):
        report = readiness(STRUCTURE, BY_CRITERION, state({"q1": 0.9, "q2": 0.9, "q3": 0.2, "q4": 0.6}))
        self.assertEqual([c["id"] for c in report["weakest"]][:2], ["Z1.E2.K1", "Z2.E1.K1"])
        self.assertEqual(report["weakest"][0]["level"]["key"], "slabo")


class EvidenceTest(unittest.TestCase):
    """Practical tasks count beside the quiz; nothing is "gotowe" without shown results for every
    criterion, and the coverage says how much rests on self-rating alone."""

    ALL = STRUCTURE.criterion_ids()

    def test_self_rating_alone_is_never_ready(self):
        report = readiness(STRUCTURE, BY_CRITERION, state(ratings={c: "tak" for c in self.ALL}))
        self.assertEqual(report["overall"]["value"], 1.0)
        self.assertEqual(report["overall"]["level"]["key"], "prawie")
        self.assertIn("za mało danych", report["overall"]["level"]["label"])
        self.assertEqual(report["overall"]["evidence"], 0)
        self.assertEqual(report["overall"]["covered"], len(self.ALL))
        self.assertIn(f"({len(self.ALL)} tylko z Twojej oceny)", report["overall"]["coverage_text"])
        criterion = report["criteria"][0]
        self.assertEqual((criterion["level"]["key"], criterion["level"]["percent"]), ("prawie", "100%"))
        self.assertIn("tylko Twoja ocena", criterion["level"]["label"])

    def test_shown_results_for_every_criterion_make_it_ready(self):
        answers = {q: 1.0 for qs in BY_CRITERION.values() for q in qs}
        report = readiness(STRUCTURE, BY_CRITERION, state(answers))
        self.assertEqual(report["overall"]["level"]["key"], "gotowy")
        self.assertTrue(all(o["level"]["key"] == "gotowy" for o in report["outcomes"]))
        self.assertNotIn("tylko", report["overall"]["coverage_text"])

    def test_practical_results_count_beside_the_quiz(self):
        practical = {"Z1.E1.K1": [0.5, 1.0], "Z2.E2.K1": [0.4]}
        report = readiness(STRUCTURE, BY_CRITERION, state({"q1": 1.0, "q2": 1.0}), None, practical)
        by_id = {c["id"]: c for c in report["criteria"]}
        self.assertAlmostEqual(by_id["Z1.E1.K1"]["practical"], 0.75)
        self.assertAlmostEqual(by_id["Z1.E1.K1"]["shown"], (1.0 + 0.75) / 2)
        self.assertAlmostEqual(by_id["Z2.E2.K1"]["value"], 0.4)           # a task alone is a shown result
        outcome = next(o for o in report["outcomes"] if o["id"] == "Z2.E2")
        self.assertEqual((outcome["covered"], outcome["evidence"], outcome["criteria"]), (1, 1, 1))

    def test_thin_coverage_caps_an_outcome_and_says_how_thin(self):
        report = readiness(STRUCTURE, BY_CRITERION, state({"q3": 1.0}))
        outcome = next(o for o in report["outcomes"] if o["id"] == "Z1.E2")
        self.assertEqual(outcome["level"]["key"], "gotowy")                 # its one criterion has a result
        first = next(o for o in report["outcomes"] if o["id"] == "Z1.E1")
        self.assertEqual(first["coverage_text"], "dane dla 0 z 2 kryteriów")
        report = readiness(STRUCTURE, BY_CRITERION, state({"q1": 1.0}, {"Z1.E1.K2": "tak"}))
        first = next(o for o in report["outcomes"] if o["id"] == "Z1.E1")
        self.assertEqual(first["coverage_text"], "dane dla 2 z 2 kryteriów (1 tylko z Twojej oceny)")
        self.assertEqual(first["level"]["key"], "prawie")
        z1 = next(s for s in report["sets"] if s["id"] == "Z1")
        self.assertEqual((z1["covered"], z1["evidence"], z1["criteria"]), (2, 1, 3))
        self.assertNotEqual(z1["level"]["key"], "gotowy")


if __name__ == "__main__":
    unittest.main()
