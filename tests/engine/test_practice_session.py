"""Practice sessions: what is asked first, mistakes coming back, the summary."""

import json
import unittest

from selfcheck import api, practice_session
from tests.engine.fixtures import QUALIFICATION, bank_files

NOW = "2026-11-25T10:00:00+01:00"


class PracticeSessionTest(unittest.TestCase):
    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))
        self.bank = api._engine.bank

    def start(self, state="", scope="", size=5, seed=1, now=NOW):
        return json.loads(api.practice_start(state, scope, size, seed, now))

    def test_a_session_has_the_size_asked_from_the_scope_and_is_seeded(self):
        out = self.start(size=3)
        self.assertEqual(len(out["session"]["queue"]), 3)
        self.assertEqual(out["progress"]["text"], "Pytanie 1 z 3")
        self.assertEqual(self.start(size=3)["session"], out["session"])
        outcome = next(iter(self.bank.questions.values())).outcome
        scoped = self.start(scope=f"outcome:{outcome}", size=50)["session"]["queue"]
        self.assertEqual(sorted(scoped), sorted(q for q, v in self.bank.questions.items() if v.outcome == outcome))
        self.assertIn("error", self.start(scope="outcome:Z9.E9"))

    def test_the_button_after_the_last_question_says_it_leads_to_the_summary(self):
        self.assertEqual(self.start(size=3)["progress"]["next"], "Dalej")
        self.assertEqual(self.start(size=1)["progress"]["next"], "Zobacz podsumowanie")

    def test_unanswered_questions_come_before_those_answered_right(self):
        answered = json.loads(api.start_test("", 4, 3, None, NOW))["state"]
        for qid in list(self.bank.questions)[:len(self.bank.questions) - 2]:
            answered["answers"][qid] = {"score": 1.0, "fields": {}, "at": "2026-11-25T08:00:00+01:00"}
        fresh = [q for q in self.bank.questions if q not in answered["answers"]]
        queue = self.start(json.dumps(answered), size=len(fresh))["session"]["queue"]
        self.assertEqual(sorted(queue), sorted(fresh))

    def test_a_mistake_comes_back_after_a_pause_not_at_once(self):
        state = json.loads(api.start_test("", 4, 3, None, NOW))["state"]
        missed = next(iter(self.bank.questions))
        state["answers"] = {qid: {"score": 1.0, "fields": {}, "at": "2026-11-25T08:00:00+01:00"} for qid in self.bank.questions}
        state["answers"][missed] = {"score": 0.0, "fields": {}, "at": "2026-11-25T09:55:00+01:00"}
        not_yet = self.start(json.dumps(state), size=3, now="2026-11-25T10:00:00+01:00")["session"]["queue"]
        due = self.start(json.dumps(state), size=3, now="2026-11-25T10:30:00+01:00")["session"]["queue"]
        self.assertIn(missed, due)
        self.assertTrue(missed not in not_yet or len(self.bank.questions) <= 3)

    def test_a_mistake_in_the_session_returns_once_and_the_summary_names_its_criteria(self):
        out = self.start(size=4)
        session = out["session"]
        first = session["queue"][0]
        wrong = json.loads(api.practice_check("", json.dumps(session), json.dumps({"answer": ["zzz"]}), NOW))
        if wrong["result"]["verdict"] == "invalid":
            self.skipTest("the first question's type needs other fields")
        self.assertEqual(wrong["session"]["queue"].count(first), 2)
        again = json.loads(api.practice_check("", json.dumps(wrong["session"]), json.dumps({"answer": ["zzz"]}), NOW))
        self.assertEqual(again["session"]["queue"].count(first), 2)    # only once more
        session = again["session"]
        while True:
            step = json.loads(api.practice_next("", json.dumps(session)))
            session = step["session"]
            if step["progress"]["done"]:
                break
        self.assertIn("Dobrze za pierwszym razem: 0 z 1", step["summary"]["text"])
        self.assertEqual([c["id"] for c in step["summary"]["review"]], sorted(self.bank.questions[first].criteria))

    def test_a_session_grown_by_mistakes_says_why_beside_the_count(self):
        session = practice_session.start(["a", "b", "c", "d"])
        self.assertEqual(practice_session.progress(session)["text"], "Pytanie 1 z 4")
        practice_session.record(session, "a", 0.0)
        self.assertEqual(practice_session.progress(session)["text"],
                         "Pytanie 1 z 5 (4 pytania sesji i 1 powtórka po błędnej odpowiedzi)")
        session["position"] = 1
        practice_session.record(session, "b", 0.5)
        self.assertEqual(practice_session.progress(session)["text"],
                         "Pytanie 2 z 6 (4 pytania sesji i 2 powtórki po błędnej odpowiedzi)")

    def test_choose_never_repeats_a_question(self):
        queue = practice_session.choose(self.bank, {"answers": {}}, {}, "", 100, 5, NOW)
        self.assertEqual(len(queue), len(set(queue)))
