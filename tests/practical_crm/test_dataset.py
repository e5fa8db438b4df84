"""The practice CRM's starting data: the same for the same seed in every Python, different for
another seed, consistent with the engine's own rules, and wrong only where tasks want it wrong."""

import hashlib
import json
import unittest
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from practical_modules.crm import identifiers as ids
from practical_modules.crm.dataset import DATASET_VERSION, generate, one_of_each_register
from practical_modules.crm.world import world
from practical_modules.crm.state import check_state

TODAY = date(2026, 3, 2)
seeds = st.integers(min_value=0, max_value=2 ** 31 - 1)


def fingerprint(state: dict) -> str:
    return hashlib.sha256(json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


class SameEverywhere(unittest.TestCase):
    def test_same_seed_same_data_in_this_python_and_the_other(self):
        # This test runs in CPython and in Pyodide: equal fingerprints mean equal data in both. If the
        # world data or the generator changed on purpose, saved states of the old data no longer match
        # their tasks: bump DATASET_VERSION in dataset.py and put the new fingerprint here.
        self.assertEqual(DATASET_VERSION, 2)
        self.assertEqual(fingerprint(generate(1, TODAY)[0]), "c665d6ec6ddc5885c7a2e7264cd738f7a7a795d30c4a920af248742dfa2e6e93")
        self.assertEqual(fingerprint(generate(2024, TODAY)[0]), "3c3df2ee3cc05fe78a1767ed15d8eb6fe110fbda6ea8fb544e503c668fb5569c")

    def test_states_saved_with_dataset_1_keep_their_starting_data(self):
        # Saved practice of version 1 is still read and checked against the data it was drawn from.
        self.assertEqual(fingerprint(generate(1, TODAY, 1)[0]), "81500a5a89edee25247b847460856e769cce40a148657d8819fc2f466ede3505")
        self.assertEqual(fingerprint(generate(2024, TODAY, 1)[0]), "59d99f2c3d68ebfced415bb99af6aee8012167ec167ba9ee4736805515dd0d51")
        from practical_modules.crm.dataset import starting_of
        from practical_modules.crm.state import read_state, state_text
        old = generate(2024, TODAY, 1)[0]
        loaded = read_state(state_text(old))
        self.assertEqual(loaded["dataset"], 1)
        self.assertEqual(starting_of(loaded)[0]["companies"], old["companies"])

    @settings(max_examples=10, deadline=None)
    @given(seeds)
    def test_generation_is_deterministic_and_leaves_the_global_random_alone(self, seed):
        import random
        random.seed(12345)
        before = random.random()
        random.seed(12345)
        first = generate(seed, TODAY)
        self.assertEqual(random.random(), before)  # the global generator was not used
        second = generate(seed, TODAY)
        self.assertEqual(fingerprint(first[0]), fingerprint(second[0]))
        self.assertEqual(first[1], second[1])

    def test_another_seed_gives_other_data(self):
        names = [{c["name"] for c in generate(seed, TODAY)[0]["companies"]} for seed in (1, 2, 3)]
        self.assertNotEqual(names[0], names[1])
        self.assertNotEqual(names[1], names[2])


class Consistent(unittest.TestCase):
    @settings(max_examples=12, deadline=None)
    @given(seeds)
    def test_size_rules_and_deliberate_mistakes(self, seed):
        state, truth = generate(seed, TODAY)
        check_state(state)  # the saved-state reader accepts it: types, ids and references hold
        self.assertGreaterEqual(len(state["companies"]), 30)
        self.assertGreaterEqual(len(state["contacts"]), 60)
        self.assertEqual(len({c["name"] for c in state["companies"]}), len(state["companies"]))
        self.assertEqual(len({o["name"] for o in state["opportunities"]}), len(state["opportunities"]))
        # Only the NIPs the tasks ask to correct are wrong; the right ones are valid.
        wrong = {c["id"] for c in state["companies"] if ids.nip_problem(c["nip"])}
        self.assertEqual(wrong, set(truth.bad_nip))
        self.assertTrue(all(ids.nip_problem(n) is None for n in truth.bad_nip.values()))
        for company in state["companies"]:
            self.assertIsNone(ids.postcode_problem(company["postcode"]))
            self.assertIsNone(ids.phone_problem(company["phone"]))
            if company["regon"]:
                self.assertIsNone(ids.regon_problem(company["regon"]))
        self.assertEqual({c["id"] for c in state["companies"] if not c["regon"]}, set(truth.missing_regon))
        for contact in state["contacts"]:
            self.assertIsNone(ids.email_problem(contact["email"]))
            self.assertTrue(contact["email"].endswith(".example"))  # plainly fictional addresses
            for channel in ("email", "phone"):
                status, when = contact[f"consent_{channel}"], contact[f"consent_{channel}_date"]
                self.assertEqual(bool(when), status != "brak", contact)
                self.assertLessEqual(when, TODAY.isoformat())
            if contact["pesel"]:
                self.assertIsNone(ids.pesel_problem(contact["pesel"]))
        self.assertEqual({c["id"] for c in state["contacts"] if c["pesel"]}, set(truth.needless_pesel))
        conflict = next(c for c in state["contacts"] if c["id"] == truth.objection_with_consent)
        self.assertTrue(conflict["objection"] and conflict["consent_email"] == "udzielona")

    def test_firms_without_regon_are_in_every_register_a_legal_form_leads_to(self):
        # The task on registers asks which register confirms each firm's data: if all three were in
        # one register, always giving that one would score 100% (39% of seeds did, before).
        registers = {f["name"]: f["register"] for f in world()["legal_forms"]}
        for seed in range(300):
            state, truth = generate(seed, TODAY)
            forms = {c["id"]: c["legal_form"] for c in state["companies"]}
            self.assertEqual({registers[forms[i]] for i in truth.missing_regon}, set(registers.values()), seed)
            self.assertTrue(all(c["status"] == "klient" for c in state["companies"] if c["id"] in truth.missing_regon))

    def test_one_of_each_register_swaps_a_doubled_register_for_the_missing_one(self):
        import random
        krs = [{"id": f"F00{i}", "data_source": "KRS"} for i in range(1, 5)]
        ceidg = [{"id": "F009", "data_source": "CEIDG"}]
        picked = one_of_each_register(krs[:3], krs[3:] + ceidg, random.Random(1))
        self.assertEqual(sorted(c["data_source"] for c in picked), ["CEIDG", "KRS", "KRS"])
        self.assertEqual(one_of_each_register(krs[:2] + ceidg, krs[2:], random.Random(1)), krs[:2] + ceidg)

    @settings(max_examples=12, deadline=None)
    @given(seeds)
    def test_opportunities_obey_the_funnel_rules(self, seed):
        state, _ = generate(seed, TODAY)
        funnel = state["funnels"][0]
        stages = [s["id"] for s in funnel["stages"]]
        for o in state["opportunities"]:
            done = {a["kind"] for a in state["activities"] if a["opportunity_id"] == o["id"] and a["status"] == "ukończone"}
            reached = stages.index(o["last_stage"] or o["stage"])
            for passed in funnel["stages"][:reached]:
                self.assertTrue(set(passed["required"]) <= done, (o["name"], passed["name"]))
            if o["status"] == "otwarta":
                self.assertEqual(o["probability"], funnel["stages"][reached]["probability"])
                self.assertGreaterEqual(o["close_date"], TODAY.isoformat())
            else:
                self.assertEqual(o["probability"], 100 if o["status"] == "wygrana" else 0)
                self.assertTrue(o["closed_date"])
        lost = [o for o in state["opportunities"] if o["status"] == "przegrana"]
        self.assertTrue(lost and all(o["lost_reason"] for o in lost))


if __name__ == "__main__":
    unittest.main()
