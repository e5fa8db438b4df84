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


if __name__ == "__main__":
    unittest.main()
