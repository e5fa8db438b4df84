"""Where a candidate stands on each task (progress.py): untouched tasks are "not started" whatever their
checks would find in the starting data, a task checked below 100% or changed without a check is "in
progress", one checked at 100% is "done"; attempts and best score are the ones the page kept and
shows; a file's summary counts per criterion as the readiness report does."""

import json
import unittest

from practical_modules.crm import api, progress
from practical_modules.crm import tasks as task_defs
from selfcheck.practical import criterion_scores
from tests.practical_crm.candidates import apart, check, fresh, half_done, solve


class Statuses(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.start = fresh(21)
        cls.apart = apart(cls.start)
        cls.halves = {t: half for t in cls.apart if (half := half_done(cls.start, t)) is not None}

    def by_id(self, state):
        return {r["id"]: r for r in progress.task_results(state)}

    def test_a_fresh_variant_has_every_task_not_started_with_nothing_to_show(self):
        found = progress.task_results(self.start)
        self.assertEqual([r["id"] for r in found], [t.id for t in task_defs.all_tasks()])
        for result in found:
            self.assertEqual((result["status"], result["status_text"]), ("not_started", "nie rozpoczęto"))
            self.assertEqual((result["attempts"], result["best"], result["score"], result["checks"]), (0, None, 0.0, []))
        self.assertEqual(progress.counts(found), {"done": 0, "in_progress": 0, "not_started": len(found)})

    def test_solved_and_checked_is_done_and_the_others_stay_as_they_were(self):
        task_id = self.apart[0]
        state = check(check(solve(self.start, task_id), task_id), task_id)
        found = self.by_id(state)
        on_the_page = json.loads(api.check(json.dumps(state), task_id, ""))["result"]
        self.assertEqual({k: found[task_id][k] for k in on_the_page}, on_the_page)
        self.assertEqual(found[task_id]["status"], "done")
        self.assertEqual((found[task_id]["attempts"], found[task_id]["best"], found[task_id]["score"]), (2, 1.0, 1.0))
        self.assertEqual({r["status"] for i, r in found.items() if i != task_id}, {"not_started"})

    def test_checked_without_a_change_is_in_progress_and_earns_nothing_now(self):
        task_id = self.apart[0]
        on_the_page = json.loads(api.check(json.dumps(self.start), task_id, "2026-11-25T10:00:00+01:00"))
        result = self.by_id(on_the_page["state"])[task_id]
        self.assertEqual((result["status"], result["attempts"]), ("in_progress", 1))
        self.assertEqual(result["best"], on_the_page["result"]["score"])  # what the page showed is kept
        self.assertEqual((result["begun"], result["score"], result["checks"]), (False, 0.0, []))

    def test_changed_without_a_check_is_in_progress_with_its_checks_as_the_file_stands(self):
        self.assertTrue(self.halves, "no task's model solution can be half done")
        task_id, state = next(iter(self.halves.items()))
        result = self.by_id(state)[task_id]
        self.assertEqual((result["status"], result["attempts"], result["best"]), ("in_progress", 0, None))
        self.assertEqual({k: v for k, v in result.items() if k in task_defs.check_task(state, task_id)},
                         task_defs.check_task(state, task_id))

    def test_checked_below_full_credit_is_in_progress_and_full_credit_later_makes_it_done(self):
        task_id, state = next(iter(self.halves.items()))
        state = check(state, task_id)
        partial = self.by_id(state)[task_id]
        self.assertEqual(partial["status"], "in_progress")
        self.assertLess(partial["best"], 1)
        state = check(solve(self.start, task_id) | {"results": state["results"]}, task_id)
        self.assertEqual(self.by_id(state)[task_id]["status"], "done")
        self.assertEqual(self.by_id(state)[task_id]["attempts"], 2)

    def test_the_page_says_the_attempts_and_best_score_in_the_same_words(self):
        task_id = self.apart[0]
        state = check(solve(self.start, task_id), task_id)
        entry = state["results"][task_id]
        screen = json.loads(api.page(json.dumps(state), json.dumps({"screen": "tasks", "task": task_id})))["screen"]
        card = next(b for b in screen["blocks"] if b.get("kind") == "task" and b["id"] == task_id)
        self.assertIn(progress.best_text(entry), card["last"])
        self.assertIn(progress.best_text(entry), screen["panel"]["task"]["last"])
        self.assertEqual(card["mark"], progress.mark(entry))


class CandidateSummary(unittest.TestCase):
    def test_counts_best_scores_attempts_and_criteria_as_the_readiness_report_does(self):
        start = fresh(22)
        first, second = apart(start)[:2]
        state = check(check(solve(start, first), first), second)
        summary = progress.candidate(state, None)
        self.assertEqual(summary["seed"], state["seed"])
        self.assertIsNone(summary["exam_seed"])
        self.assertEqual(summary["attempts"], 2)
        self.assertEqual(summary["counts"]["done"], 1)
        bests = [state["results"].get(t.id, {}).get("best", 0.0) for t in task_defs.all_tasks()]
        self.assertAlmostEqual(summary["best"], sum(bests) / len(bests))
        expected = criterion_scores(task_defs.list_tasks(), state["results"], [])
        self.assertEqual(summary["criteria"], {c: sum(v) / len(v) for c, v in expected.items()})
        statuses = {t["id"]: t["status"] for t in summary["tasks"]}
        self.assertEqual(statuses, {r["id"]: r["status"] for r in progress.task_results(state)})

    def test_an_exam_alone_has_its_latest_result_and_no_practice(self):
        out = json.loads(api.exam_start("", 5, "2026-11-25T09:00:00+01:00"))
        finished = json.loads(api.exam_finish(json.dumps(out["state"]), "2026-11-25T09:30:00+01:00"))["state"]
        summary = progress.candidate(None, finished)
        self.assertEqual((summary["seed"], summary["exam_seed"]), (None, finished["seed"]))
        self.assertEqual(summary["exam"]["latest"]["score"], finished["exam"]["score"])
        self.assertFalse(summary["exam"]["open"])
        self.assertEqual({t["status"] for t in summary["tasks"]}, {"not_started"})
        self.assertEqual(set(summary["criteria"]), set(finished["exam"]["criteria"]))
