"""Mock tests: a seeded draw in proportion to the sets' hours, every outcome represented."""

import unittest

from selfcheck.assembly import AssemblyError, assemble_test, quotas
from selfcheck.bank import parse_bank
from selfcheck.structure import Structure
from tests.engine.fixtures import CRITERIA, QUALIFICATION, bank_files

BANK = parse_bank(bank_files(), CRITERIA)
STRUCTURE = Structure.from_qualification(QUALIFICATION)


class AssemblyTest(unittest.TestCase):
    def test_same_seed_gives_the_same_test(self):
        self.assertEqual(assemble_test(BANK, STRUCTURE, 6, seed=42), assemble_test(BANK, STRUCTURE, 6, seed=42))

    def test_different_seeds_give_different_tests(self):
        tests = {tuple(assemble_test(BANK, STRUCTURE, 6, seed=s)) for s in range(10)}
        self.assertGreater(len(tests), 1)

    def test_questions_per_set_follow_hours_20_to_40(self):
        self.assertEqual(quotas(STRUCTURE, 30), {"Z1": 10, "Z2": 20})
        self.assertEqual(quotas(STRUCTURE, 6), {"Z1": 2, "Z2": 4})
        self.assertEqual(quotas(STRUCTURE, 7), {"Z1": 2, "Z2": 5})

    def test_every_outcome_is_represented(self):
        for seed in range(20):
            chosen = assemble_test(BANK, STRUCTURE, 4, seed=seed)
            self.assertEqual({BANK.questions[q].outcome for q in chosen}, {"Z1.E1", "Z1.E2", "Z2.E1", "Z2.E2"})
            self.assertEqual(len(set(chosen)), 4)

    def test_too_small_a_test_is_refused(self):
        with self.assertRaisesRegex(AssemblyError, "co najmniej 4 pytań"):
            assemble_test(BANK, STRUCTURE, 3, seed=1)

    def test_too_large_a_test_for_the_bank_is_refused(self):
        with self.assertRaisesRegex(AssemblyError, "Za mało pytań"):
            assemble_test(BANK, STRUCTURE, 40, seed=1)


if __name__ == "__main__":
    unittest.main()
