"""The practical mock exam (practical_modules/crm/exam.py and its API in api.py): drawn by the
sets' hours, the same for a seed, timed, nothing checked before the end, then per-task and
per-criterion results that stay the same, and a history. The structure here is made up from the
tasks themselves (two or three sets with chosen hours), so the rules are tested, not this
qualification's numbers."""

import json
import unittest
from datetime import datetime, timedelta

from practical_modules.crm import api, exam, tasks
from practical_modules.crm.state import CrmStateError, MAX_EXAMS, read_state
from practical_modules.crm.tasks import all_tasks, apply_solution, check_task
from tests.practical_crm import given

START = "2026-11-25T08:00:00+01:00"


def made_up_structure(hours=(20, 40)) -> list[dict]:
    """Sets with the given hours; the tasks' outcomes dealt out in turn; each criterion a task names
    placed under the outcome of the first task naming it, with a text of its own."""
    outcomes = sorted({t.outcome for t in all_tasks()})
    home = {}
    for t in all_tasks():
        for c in t.criteria:
            home.setdefault(c, t.outcome)
    sets = [{"id": f"S{n}", "name": f"Zestaw {n}", "hours": h, "outcomes": []} for n, h in enumerate(hours, 1)]
    for i, outcome in enumerate(outcomes):
        sets[i % len(sets)]["outcomes"].append(
            {"id": outcome, "text": f"efekt {outcome}",
             "criteria": [{"id": c, "text": f"opis kryterium {c}"} for c in sorted(home) if home[c] == outcome]})
    return sets


def set_of(sets, task_id):
    owner = exam.set_of_outcome(sets)
    return owner[next(t.outcome for t in all_tasks() if t.id == task_id)]


def later(minutes: float, start: str = START) -> str:
    return (datetime.fromisoformat(start) + timedelta(minutes=minutes)).isoformat()


class QuotasTest(unittest.TestCase):
    """How many tasks each set gets: pure arithmetic on hours and what each set has."""

    def test_in_proportion_to_hours(self):
        sets = [{"id": "A", "hours": 20}, {"id": "B", "hours": 40}]
        self.assertEqual(exam.quotas(sets, {"A": 9, "B": 9}, 6), {"A": 2, "B": 4})
        self.assertEqual(exam.quotas(sets, {"A": 9, "B": 9}, 7), {"A": 2, "B": 5})

    def test_every_set_with_tasks_gets_one_and_the_size_is_kept(self):
        sets = [{"id": "A", "hours": 1}, {"id": "B", "hours": 1}, {"id": "C", "hours": 100}]
        counts = exam.quotas(sets, {"A": 5, "B": 5, "C": 5}, 6)
        self.assertEqual(counts, {"A": 1, "B": 1, "C": 4})

    def test_a_set_short_of_tasks_passes_the_rest_on(self):
        sets = [{"id": "A", "hours": 10}, {"id": "B", "hours": 90}]
        self.assertEqual(exam.quotas(sets, {"A": 9, "B": 2}, 6), {"A": 4, "B": 2})
        self.assertEqual(exam.quotas(sets, {"A": 1, "B": 2}, 6), {"A": 1, "B": 2})   # all there is
        self.assertEqual(exam.quotas(sets, {"B": 3}, 6), {"B": 3})                   # A has none

    def test_equal_hours_break_ties_in_the_qualifications_order(self):
        sets = [{"id": "A", "hours": 30}, {"id": "B", "hours": 30}, {"id": "C", "hours": 30}]
        self.assertEqual(exam.quotas(sets, {"A": 5, "B": 5, "C": 5}, 4), {"A": 2, "B": 1, "C": 1})


class DrawTest(unittest.TestCase):
    def test_the_same_seed_gives_the_same_exam_and_the_sets_get_their_quota(self):
        sets = made_up_structure((20, 40))
        available = {}
        for t in all_tasks():
            available[exam.set_of_outcome(sets)[t.outcome]] = available.get(exam.set_of_outcome(sets)[t.outcome], 0) + 1
        expected = exam.quotas(sets, available)
        drawn = {seed: exam.draw(sets, seed) for seed in range(12)}
        for seed, chosen in drawn.items():
            self.assertEqual(chosen, exam.draw(sets, seed))
            self.assertEqual(len(chosen), len(set(chosen)))
            per_set = {s["id"]: sum(1 for t in chosen if set_of(sets, t) == s["id"]) for s in sets}
            self.assertEqual(per_set, expected)
        self.assertGreater(len({tuple(c) for c in drawn.values()}), 1)     # seeds give different exams

    def test_within_a_set_different_outcomes_come_first(self):
        sets = made_up_structure((50, 50))
        for seed in range(8):
            chosen = exam.draw(sets, seed)
            for qset in sets:
                mine = [t for t in all_tasks() if t.id in chosen and set_of(sets, t.id) == qset["id"]]
                outcomes_with_tasks = {t.outcome for t in all_tasks() if set_of(sets, t.id) == qset["id"]}
                self.assertEqual(len({t.outcome for t in mine}), min(len(mine), len(outcomes_with_tasks)))

    def test_tasks_of_outcomes_outside_the_structure_are_not_drawn(self):
        sets = made_up_structure((10, 10))
        only = [dict(sets[0])]
        chosen = exam.draw(only, 3)
        self.assertTrue(chosen)
        self.assertTrue(all(set_of(sets, t) == only[0]["id"] for t in chosen))
        self.assertEqual(exam.draw([{"id": "X", "hours": 5, "outcomes": []}], 3), [])


class ExamApiTest(unittest.TestCase):
    """The JSON functions the exam page calls: start, open, finish."""

    def setUp(self):
        self.sets = made_up_structure((20, 40))
        given.use_sets(self.sets)
        self.out = json.loads(api.exam_start("", 5, START))
        self.assertTrue(self.out["ok"], self.out.get("error"))
        self.state = self.out["state"]

    def tearDown(self):
        given.install()

    def call(self, function, *args):
        return json.loads(getattr(api, function)(*args))

    def test_setup_refuses_bad_data_and_the_start_needs_a_moment_with_its_offset(self):
        data = json.dumps(given.install()["practical"])
        self.assertFalse(self.call("setup", "[]", data)["ok"])
        self.assertFalse(self.call("setup", "nie json", data)["ok"])
        self.assertFalse(self.call("setup", json.dumps(given.install()["qualification"]), "{}")["ok"])
        given.use_sets(self.sets)
        self.assertIn("strefę", self.call("exam_start", "", 5, "2026-11-25T08:00:00")["error"])
        self.assertIn("seed", self.call("exam_start", "", -1, START)["error"])

    def test_an_open_exam_shows_its_tasks_and_time_but_no_results(self):
        info = self.out["exam"]
        self.assertTrue(info["open"])
        self.assertEqual(self.state["today"], START[:10])               # the variant's day: the visitor's date
        self.assertEqual(info["minutes"], exam.MINUTES_PER_TASK * len(info["tasks"]))
        self.assertEqual(datetime.fromisoformat(info["deadline"]), datetime.fromisoformat(later(info["minutes"])))
        self.assertEqual([c["id"] for c in info["tasks"]], self.state["exam"]["tasks"])
        self.assertTrue(all(c["brief"] and "score" not in c and "checks" not in c for c in info["tasks"]))
        self.assertNotIn("summary", info)
        again = self.call("exam_open", json.dumps(self.state))
        self.assertEqual(again["exam"], info)
        practice = json.loads(api.new(3, "2026-11-25"))["state"]
        self.assertIsNone(self.call("exam_open", json.dumps(practice))["exam"])      # a practice state has none

    def test_nothing_is_checked_while_the_exam_is_open(self):
        text = json.dumps(self.state)
        task_id = self.state["exam"]["tasks"][0]
        for answer in (self.call("check", text, task_id, later(1)),
                       self.call("page", text, json.dumps({"screen": "tasks", "check": task_id, "now": later(1)}))):
            self.assertFalse(answer["ok"])
            self.assertIn("po jej zakończeniu", answer["error"])
        screen = self.call("page", text, json.dumps({"screen": "tasks"}))["screen"]
        self.assertFalse(any(b.get("checkable") for b in screen["blocks"] if b["kind"] == "task"))

    def test_a_task_not_begun_scores_nothing_although_its_checks_find_nothing_spoilt(self):
        # An exam with a task whose checks give credit on the starting data (the NIP task's "nothing else
        # changed", say): the first seed that draws one.
        for seed in range(1, 60):
            state = json.loads(api.exam_start("", seed, START))["state"]
            idle = [t for t in state["exam"]["tasks"] if check_task(state, t)["score"] > 0]
            if idle:
                break
        self.assertTrue(idle, "no exam of 60 has a task that checks give credit untouched")
        out = self.call("exam_finish", json.dumps(state), later(30))
        by_id = {r["id"]: r for r in out["exam"]["summary"]["tasks"]}
        for task_id in idle:
            self.assertEqual(by_id[task_id]["score"], 0.0)
            self.assertIn("nic nie zmieniono", by_id[task_id]["hint"])
        self.assertEqual(out["exam"]["summary"]["score"], 0.0)

    def test_finish_checks_each_task_once_per_criterion_in_the_qualifications_order(self):
        state = self.state
        solved = state["exam"]["tasks"][0]
        state, _ = apply_solution(state, solved)
        out = self.call("exam_finish", json.dumps(state), later(30))
        self.assertTrue(out["ok"], out.get("error"))
        summary = out["exam"]["summary"]
        by_id = {r["id"]: r for r in summary["tasks"]}
        self.assertEqual(list(by_id), state["exam"]["tasks"])
        self.assertEqual(by_id[solved]["score"], 1.0)
        for task_id, result in by_id.items():
            begun = task_id == solved or tasks.begun(out["state"], task_id)  # others may share its records
            self.assertEqual(result, {**check_task(out["state"], task_id), "begun": True} if begun
                             else tasks.not_begun(out["state"], task_id))
        self.assertAlmostEqual(summary["score"], sum(r["score"] for r in summary["tasks"]) / len(summary["tasks"]), places=4)
        self.assertFalse(summary["timed_out"])
        order = [c["id"] for s in self.sets for o in s["outcomes"] for c in o["criteria"]]
        named = [c["id"] for c in summary["criteria"]]
        self.assertEqual(named, sorted(named, key=order.index))
        self.assertEqual(set(named), {c for r in summary["tasks"] for c in r["criteria"]})
        for criterion in summary["criteria"]:
            self.assertEqual(criterion["text"], f"opis kryterium {criterion['id']}")
            scores = [by_id[t]["score"] for t in criterion["tasks"]]
            self.assertAlmostEqual(criterion["score"], sum(scores) / len(scores), places=4)
        self.assertEqual([h["percent"] for h in self.call("exam_open", json.dumps(out["state"]))["history"]],
                         [summary["percent"]])
        self.assertIn("Nie ma rozpoczętej", self.call("exam_finish", json.dumps(out["state"]), later(31))["error"])

    def two_factor(self, state: dict, now: str) -> dict:
        """The security settings sent with two-factor login switched on, as the page sends them."""
        screen = self.call("page", json.dumps(state), json.dumps({"screen": "settings"}))["screen"]
        form = next(b for b in screen["blocks"] if b["kind"] == "form")
        fields = {f["key"]: list(f["value"]) if f["kind"] == "checkboxes" else [str(f["value"])]
                  for f in form["fields"] if f["kind"] != "checkbox" or f["value"]}
        request = {"screen": "settings", "form": form["id"], "fields": {**fields, "two_factor": ["1"]}, "now": now}
        return self.call("page", json.dumps(state), json.dumps(request))

    def test_a_handed_in_exam_keeps_its_results_and_refuses_changes(self):
        finished = self.call("exam_finish", json.dumps(self.state), later(10))
        text = json.dumps(finished["state"])
        before = self.call("exam_open", text)["exam"]["summary"]
        refused = self.two_factor(finished["state"], later(11))
        self.assertFalse(refused["reply"]["ok"])
        self.assertIn("zakończona", refused["reply"]["errors"]["_"])
        self.assertEqual(refused["state"], finished["state"])
        self.assertEqual(self.call("exam_open", text)["exam"]["summary"], before)
        self.assertTrue(self.two_factor(self.state, later(1))["reply"]["ok"])   # the same change in an open exam

    def test_after_the_deadline_a_change_hands_the_exam_in_as_it_stood(self):
        deadline, minutes = self.state["exam"]["deadline"], self.state["exam"]["minutes"]
        in_time = self.two_factor(self.state, later(1))
        self.assertTrue(in_time["reply"]["ok"], in_time["reply"])
        self.assertTrue(in_time["state"]["settings"]["security"]["two_factor"])
        late = self.two_factor(self.state, later(minutes + 5))
        self.assertEqual(late["reply"]["messages"], [api.TIME_UP])
        self.assertFalse(late["state"]["settings"]["security"]["two_factor"])
        self.assertEqual((late["state"]["exam"]["finished"], late["state"]["exam"]["timed_out"]), (deadline, True))
        self.assertEqual(late["screen"]["name"], "tasks")
        out = self.call("exam_finish", json.dumps(self.state), later(minutes + 5))
        self.assertTrue(out["exam"]["summary"]["timed_out"])
        self.assertEqual(out["state"]["exam"]["finished"], deadline)
        self.assertIn("po upływie czasu", out["exam"]["summary"]["text"])

    def test_the_page_hands_in_a_late_change_and_shows_the_results(self):
        screen = self.call("page", json.dumps(self.state), json.dumps({"screen": "tasks"}))["screen"]
        form = next(b["answers"]["id"] for b in screen["blocks"] if b["kind"] == "task" and b.get("answers")) \
            if any(b["kind"] == "task" and b.get("answers") for b in screen["blocks"]) else "exam.finish"
        request = {"screen": "tasks", "form": form, "fields": {}, "now": later(self.state["exam"]["minutes"] + 1)}
        out = self.call("page", json.dumps(self.state), json.dumps(request))
        self.assertTrue(out["ok"], out.get("error"))
        self.assertTrue(out["state"]["exam"]["finished"])
        self.assertIn("Czas symulacji minął", out["reply"]["messages"][0])
        texts = [b.get("text", "") for b in out["screen"]["blocks"]]
        self.assertTrue(any(t.startswith("Wynik symulacji") for t in texts))
        captions = [b.get("caption") for b in out["screen"]["blocks"] if b["kind"] == "table"]
        self.assertIn("Wynik według kryteriów", captions)

    def test_handing_in_asks_first_with_the_time_and_the_tasks_not_begun(self):
        request = {"screen": "tasks", "form": "exam.finish", "fields": {}, "now": later(3)}
        asked = self.call("page", json.dumps(self.state), json.dumps(request))
        self.assertEqual(asked["state"], self.state)                       # nothing handed in yet
        minutes_left = self.state["exam"]["minutes"] - 3
        self.assertIn(f"zostało {minutes_left} minut", asked["reply"]["confirm"])
        total = len(self.state["exam"]["tasks"])
        self.assertIn(f"W {total} z {total} zadań nic jeszcze nie zmieniono", asked["reply"]["confirm"])
        # One task done by its model solution: the question names only the others.
        done = self.state["exam"]["tasks"][0]
        worked, _ = apply_solution(self.state, done)
        asked = self.call("page", json.dumps(worked), json.dumps(request))["reply"]["confirm"]
        self.assertNotIn(f"„{next(t.title for t in all_tasks() if t.id == done)}”", asked)
        yes = self.call("page", json.dumps(self.state), json.dumps({**request, "confirmed": True}))
        self.assertTrue(yes["state"]["exam"]["finished"])

    def test_the_exam_clock_hands_it_in_from_any_screen(self):
        # The clock hands in at the deadline without asking (it sends the yes itself).
        request = {"screen": "companies", "form": "exam.finish", "fields": {}, "now": later(3), "confirmed": True}
        out = self.call("page", json.dumps(self.state), json.dumps(request))
        self.assertTrue(out["ok"], out.get("error"))
        self.assertEqual(out["reply"]["messages"], ["Symulacja zakończona; wyniki są poniżej."])
        self.assertFalse(out["state"]["exam"]["timed_out"])
        self.assertEqual(out["screen"]["name"], "tasks")
        again = self.call("page", json.dumps(out["state"]), json.dumps(request))
        self.assertIn("Nie ma rozpoczętej", again["error"])

    def test_history_goes_on_to_the_next_exam_and_an_unreadable_one_is_left(self):
        first = self.call("exam_finish", json.dumps(self.state), later(5))["state"]
        second = self.call("exam_start", json.dumps(first), 6, later(60))["state"]
        self.assertEqual(len(second["exams"]), 1)
        self.assertIsNone(second["exam"]["finished"])
        third = self.call("exam_finish", json.dumps(second), later(70))["state"]
        self.assertEqual([h["number"] for h in self.call("exam_open", json.dumps(third))["history"]], [1, 2])
        self.assertEqual(self.call("exam_start", "{zepsute", 7, later(90))["state"]["exams"], [])

    def test_export_names_the_exam_and_the_saved_form_reads_back(self):
        finished = self.call("exam_finish", json.dumps(self.state), later(5))["state"]
        exported = self.call("export", json.dumps(finished))
        self.assertTrue(exported["filename"].startswith("symulacja-praktyczna-"))
        self.assertEqual(read_state(exported["text"]), finished)


class SavedExamTest(unittest.TestCase):
    """A saved or imported exam is read field by field like the rest of the state."""

    def setUp(self):
        given.use_sets(made_up_structure())
        self.state = json.loads(api.exam_start("", 2, START))["state"]

    def tearDown(self):
        given.install()

    def refused(self, change, words):
        state = json.loads(json.dumps(self.state))
        change(state)
        with self.assertRaises(CrmStateError) as caught:
            read_state(json.dumps(state))
        self.assertIn(words, str(caught.exception))

    def test_odd_exam_records_are_refused_with_a_reason(self):
        self.refused(lambda s: s["exam"].update(tasks=["nie-ma-takiego"]), "nie zna")
        self.refused(lambda s: s["exam"].update(tasks=s["exam"]["tasks"][:1] * 2), "powtarza")
        self.refused(lambda s: s["exam"].update(deadline="jutro"), "koniec czasu")
        self.refused(lambda s: s["exam"].update(minutes=0), "limit minut")
        self.refused(lambda s: s["exam"].update(finished=START, score=7), "wynik zakończonej")
        self.refused(lambda s: s["exam"].update(hack=1), "nieznane pola")
        self.refused(lambda s: s.update(exams=[{"started": START, "score": 0.5, "tasks": 6}] * (MAX_EXAMS + 1)), "najwyżej")
        self.refused(lambda s: s.update(exams=[{"started": "wczoraj", "score": 0.5, "tasks": 6}]), "wpis nr 1")

    def test_a_byte_order_mark_is_no_problem(self):
        self.assertEqual(read_state("\ufeff" + json.dumps(self.state)), self.state)


if __name__ == "__main__":
    unittest.main()
