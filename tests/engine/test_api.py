"""The worker's entry points: JSON in, JSON out; saved progress checked on the way in."""

import json
import unittest

from selfcheck import api
from selfcheck.saved_state import FORMAT
from tests.engine.fixtures import PRACTICAL, QUALIFICATION, bank_files

NOW = "2026-11-24T10:00:00Z"


class ApiTest(unittest.TestCase):
    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))

    def test_check_returns_feedback_and_remembers_the_answer(self):
        out = json.loads(api.check("", "Z1.E1.Q01", json.dumps({"answer": ["b"]}), NOW))
        self.assertEqual(out["result"]["verdict"], "correct")
        self.assertEqual(out["state"]["answers"]["Z1.E1.Q01"]["score"], 1.0)

    def test_unreadable_answer_is_not_remembered(self):
        out = json.loads(api.check("", "Z1.E2.Q02", json.dumps({"answer": ["abc"]}), NOW))
        self.assertEqual(out["result"]["verdict"], "invalid")
        self.assertEqual(out["state"]["answers"], {})

    def test_mock_test_is_graded_once_at_the_end_and_unanswered_scores_zero(self):
        started = json.loads(api.start_test("", 4, 7, 30, NOW))
        first = started["questions"][0]
        question = api._engine.bank.questions[first]
        out = json.loads(api.finish_test(json.dumps(started["state"]),
                                         json.dumps({first: question.kind.right_fields(question)}), NOW))
        self.assertEqual(len(out["results"]), 4)
        self.assertEqual(out["results"][0]["verdict"], "correct")
        self.assertTrue(all(r["verdict"] == "unanswered" for r in out["results"][1:]))
        attempt = out["state"]["attempts"][-1]
        self.assertEqual((attempt["finished"], attempt["time_limit_min"]), (NOW, 30))

    def test_load_refuses_a_damaged_file_with_a_reason(self):
        self.assertEqual(json.loads(api.load("{nie json"))["error"], "To nie jest poprawny plik JSON (wiersz 1).")
        self.assertIn("plik postępów", json.loads(api.load('{"a": 1}'))["error"])
        future = json.dumps({"format": FORMAT, "version": 99})
        self.assertIn("nowsza wersja", json.loads(api.load(future))["error"])
        other = json.dumps({"format": FORMAT, "version": 1, "qualification": "Inna kwalifikacja"})
        self.assertIn("innej kwalifikacji", json.loads(api.load(other))["error"])
        bad_score = json.dumps({"format": FORMAT, "version": 1, "answers": {"Z1.E1.Q01": {"score": 5}}})
        self.assertIn("answers.Z1.E1.Q01", json.loads(api.load(bad_score))["error"])

    def test_load_keeps_what_is_still_valid_and_says_what_it_left_out(self):
        state = json.loads(api.check("", "Z1.E1.Q01", json.dumps({"answer": ["b"]}), NOW))["state"]
        state = json.loads(api.rate(json.dumps(state), "Z2.E2.K1", "tak"))["state"]
        state["answers"]["Z9.E9.Q99"] = {"score": 1, "fields": {}, "at": NOW}   # a question since removed
        state["ratings"]["Z9.E9.K9"] = "tak"                                   # a criterion since removed
        state["attempts"].append({"seed": 1, "questions": ["Z1.E1.Q01", "Z9.E9.Q98"], "scores": {}, "responses": {},
                                  "total": None, "time_limit_min": None, "started": NOW, "finished": None})
        state["attempts"].append({"seed": 2, "questions": ["Z1.E1.Q01"], "scores": {}, "responses": {},
                                  "total": None, "time_limit_min": None, "started": "wczoraj", "finished": None})
        loaded = json.loads(api.load(json.dumps(state)))
        self.assertTrue(loaded["ok"])
        self.assertEqual(set(loaded["state"]["answers"]), {"Z1.E1.Q01"})
        self.assertEqual(loaded["state"]["ratings"], {"Z2.E2.K1": "tak"})
        self.assertEqual([a["questions"] for a in loaded["state"]["attempts"]], [["Z1.E1.Q01"]])
        (note,) = loaded["notes"]
        for words in ("1 odpowiedź", "1 ocenę kryterium", "1 pytanie z testów próbnych", "1 test próbny"):
            self.assertIn(words, note)

    def test_saved_test_with_a_date_that_is_not_a_date_does_not_block_a_new_test(self):
        state = json.loads(api.start_test("", 4, 7, None, NOW))["state"]
        state["attempts"][-1]["started"] = "nie-data"
        loaded = json.loads(api.load(json.dumps(state)))
        self.assertEqual(loaded["state"]["attempts"], [])
        self.assertIsNone(json.loads(api.open_attempt(json.dumps(loaded["state"])))["attempt"])

    def test_saved_test_whose_deadline_is_beyond_the_calendar_is_left_out_not_fatal(self):
        for field, value in (("time_limit_min", 10 ** 10), ("started", "9999-12-31T23:59:00Z")):
            with self.subTest(field=field):
                state = json.loads(api.start_test("", 4, 7, 30, NOW))["state"]
                state["attempts"][-1][field] = value
                loaded = json.loads(api.load(json.dumps(state)))
                self.assertEqual((loaded["ok"], loaded["state"]["attempts"]), (True, []))
                self.assertIn("1 test próbny", loaded["notes"][0])
                self.assertIsNone(json.loads(api.open_attempt(json.dumps(loaded["state"])))["attempt"])

    def test_deeply_nested_json_is_refused_before_parsing(self):
        out = json.loads(api.load("[" * 100_000 + "]" * 100_000))
        self.assertIn("zbyt głęboko", out["error"])
        self.assertIn("zbyt głęboko", json.loads(api.load_renewal("{\"a\":" * 50_000 + "1" + "}" * 50_000))["error"])

    def test_files_saved_in_the_earlier_format_still_load(self):
        state = json.loads(api.rate("", "Z2.E2.K1", "tak"))["state"]
        state["format"] = "stara-strona/samoocena"
        del state["qualification"]
        self.assertTrue(json.loads(api.load(json.dumps(state)))["ok"])

    def test_renewal_dates_that_are_not_dates_are_cleared_and_named_the_rest_kept(self):
        saved = {"format": "odnowienie", "version": 1, "issued": "nie-data", "checklist": [0],
                 "periods": [{"start": "2024-01-01", "end": "ongoing", "organisation": "Firma"},
                             {"start": "2026-13-45", "end": "2024-02-30", "organisation": "Druga"}]}
        out = json.loads(api.load_renewal(json.dumps(saved)))
        self.assertTrue(out["ok"])
        form = out["input"]
        self.assertEqual((form["issued"], form["checklist"]), ("", [0]))
        self.assertEqual([(p["start"], p["end"], p["organisation"]) for p in form["periods"]],
                         [("2024-01-01", "ongoing", "Firma"), ("", "", "Druga")])
        issued, start, end = out["notes"]
        self.assertIn("Data wydania certyfikatu", issued)
        self.assertIn("„nie-data”", issued)
        self.assertIn("Okres 2, pole „Od”", start)
        self.assertIn("„2026-13-45”", start)
        self.assertIn("Okres 2, pole „Do”", end)

    def test_renewal_form_of_valid_dates_loads_without_notes(self):
        saved = {"format": "odnowienie", "version": 1, "issued": "2023-03-01", "checklist": [],
                 "periods": [{"start": "2023-04-01", "end": "", "organisation": "Firma"}]}
        out = json.loads(api.load_renewal(json.dumps(saved)))
        self.assertEqual((out["ok"], out["notes"], out["input"]["issued"]), (True, [], "2023-03-01"))

    def test_renewal_files_saved_in_the_earlier_format_still_load(self):
        saved = {"format": "stara-strona/odnowienie", "version": 1, "issued": "2023-03-01"}
        self.assertTrue(json.loads(api.load_renewal(json.dumps(saved)))["ok"])
        self.assertFalse(json.loads(api.load_renewal(json.dumps({**saved, "format": "inny/plik"})))["ok"])

    def test_a_rating_of_a_criterion_the_data_does_not_have_is_not_saved(self):
        state = json.loads(api.rate("", "Z9.E9.K9", "tak"))["state"]
        self.assertEqual(state["ratings"], {})
        self.assertEqual(json.loads(api.load(json.dumps(state)))["notes"], [])

    def test_state_survives_a_round_trip(self):
        state = json.loads(api.check("", "Z1.E1.Q01", json.dumps({"answer": ["b"]}), NOW))["state"]
        state = json.loads(api.rate(json.dumps(state), "Z2.E2.K1", "tak"))["state"]
        loaded = json.loads(api.load(json.dumps(state)))
        self.assertTrue(loaded["ok"])
        self.assertEqual(loaded["state"], state)

    def test_interview_self_check_feeds_the_criterion(self):
        out = json.loads(api.interview("", "Z1.E1.R1", "Korzystam z KRS i CEIDG.", json.dumps([0, 2])))
        self.assertAlmostEqual(out["share"], 2 / 3)
        report = json.loads(api.report(json.dumps(out["state"])))
        criterion = next(c for c in report["criteria"] if c["id"] == "Z1.E1.K1")
        self.assertAlmostEqual(criterion["rating"], 2 / 3)
        self.assertTrue(json.loads(api.load(json.dumps(out["state"])))["ok"])

    def test_report_has_charts_and_links(self):
        state = json.loads(api.rate("", "Z2.E2.K1", "nie"))["state"]
        report = json.loads(api.report(json.dumps(state)))
        self.assertIn("<svg", report["charts"]["outcomes"])
        self.assertEqual(report["weakest"][0]["anchor"], "z2-e2-k1")


if __name__ == "__main__":
    unittest.main()


class TimeLeftTest(unittest.TestCase):
    """The clock of a timed test, worded by Python in the visitor's offset or any other."""

    def test_minutes_and_seconds_left_and_zero_after_the_deadline(self):
        left = json.loads(api.time_left("2026-11-25T10:00:00Z", "2026-11-25T10:47:55+01:00"))
        self.assertEqual(left, {"seconds": 12 * 60 + 5, "text": "Pozostały czas: 12 min 05 s"})
        self.assertEqual(json.loads(api.time_left("2026-11-25T10:00:00+01:00", "2026-11-25T10:00:01+01:00"))["seconds"], 0)
        self.assertEqual(json.loads(api.time_left("jutro", "2026-11-25T10:00:00+01:00")), {"seconds": None, "text": ""})


class ReturningAndTestFlowTest(unittest.TestCase):
    """What a returning candidate sees again, and the open test's progress, as Python words them."""

    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))

    def test_answered_gives_back_the_last_verdict_of_each_question(self):
        out = json.loads(api.check("", "Z1.E1.Q01", json.dumps({"answer": ["b"]}), "2026-11-25T08:00:00+01:00"))
        again = json.loads(api.answered(json.dumps(out["state"])))["results"]
        self.assertEqual(list(again), ["Z1.E1.Q01"])
        self.assertEqual(again["Z1.E1.Q01"]["verdict"], out["result"]["verdict"])

    def test_test_progress_counts_readable_answers_and_names_the_missing(self):
        started = json.loads(api.start_test("", 4, 7, None, "2026-11-25T08:00:00+01:00"))
        first = started["questions"][0]
        state = json.dumps(started["state"])
        none = json.loads(api.test_progress(state, "{}"))
        self.assertEqual((none["answered"], none["total"]), (0, len(started["questions"])))
        self.assertEqual(none["unanswered"], list(range(1, len(started["questions"]) + 1)))
        self.assertIn("mimo to", none["confirm"])
        question = api._engine.bank.questions[first]
        some = json.loads(api.test_progress(state, json.dumps({first: question.kind.right_fields(question)})))
        self.assertEqual(some["answered"], 1)
        self.assertNotIn(1, some["unanswered"])

    def test_finished_test_has_a_summary_and_points_per_outcome(self):
        started = json.loads(api.start_test("", 4, 7, None, "2026-11-25T08:00:00+01:00"))
        done = json.loads(api.finish_test(json.dumps(started["state"]), "{}", "2026-11-25T08:10:00+01:00"))
        self.assertTrue(done["summary"].startswith("Wynik: 0%"))
        outcomes = {api._engine.bank.questions[q].outcome for q in started["questions"]}
        self.assertEqual({row["id"] for row in done["by_outcome"]}, outcomes)

    def test_history_shows_the_visitors_clock(self):
        started = json.loads(api.start_test("", 4, 7, None, "2026-11-25T08:05:00+01:00"))
        report = json.loads(api.report(json.dumps(started["state"])))
        self.assertEqual(report["history"][0]["started_text"], "25.11.2026, 08:05")


class PracticalInReadinessTest(unittest.TestCase):
    """Checked practical tasks count for the criteria they name; thin coverage is never "gotowe"."""

    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))

    def test_one_right_answer_does_not_make_an_outcome_ready(self):
        from selfcheck.readiness import LEVELS
        question = next(q for q in api._engine.bank.questions.values() if q.type == "true_false")
        fields = question.kind.right_fields(question)
        state = json.loads(api.check("", question.id, json.dumps(fields), "2026-11-25T08:00:00+01:00"))["state"]
        report = json.loads(api.report(json.dumps(state)))
        outcome = next(o for o in report["outcomes"] if o["id"] == question.outcome)
        self.assertEqual(outcome["value"], 1.0)
        if outcome["covered"] < outcome["criteria"]:
            self.assertNotEqual(outcome["level"]["key"], LEVELS[0][1])
            self.assertIn(f"dane dla {outcome['covered']} z", outcome["coverage_text"])
        self.assertNotEqual(report["overall"]["level"]["key"], LEVELS[0][1])

    def test_checked_tasks_and_the_latest_exam_count_for_their_criteria_and_bad_practical_data_is_noted(self):
        # The practical part reaches the core as a catalog (from the build) and the results a module keeps
        # in its saved state (selfcheck.practical): no module code is involved.
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files(), "practical": PRACTICAL}))
        task = PRACTICAL["tasks"][0]
        practice = {"results": {task["id"]: {"attempts": 2, "last": 0.25, "best": 0.5, "at": "2026-11-25T08:00:00+01:00"}}}
        report = json.loads(api.report("", json.dumps(practice)))
        by_id = {c["id"]: c for c in report["criteria"]}
        for criterion in task["criteria"]:
            self.assertEqual(by_id[criterion]["practical"], 0.5)
        exam = {"exams": [{"finished": "2026-11-20T09:00:00+01:00", "criteria": {task["criteria"][0]: 0.1}},
                          {"finished": "2026-11-24T09:00:00+01:00", "criteria": {task["criteria"][0]: 1.0}}]}
        report = json.loads(api.report("", json.dumps(practice), json.dumps(exam)))
        by_id = {c["id"]: c for c in report["criteria"]}
        self.assertEqual(by_id[task["criteria"][0]]["practical"], 0.75)  # the task's best and the latest exam
        self.assertEqual(report["notes"], [])
        for bad in ("{nie json", json.dumps({"results": {"nie-ma": practice["results"][task["id"]]}}),
                    json.dumps({"results": {task["id"]: {**practice["results"][task["id"]], "best": 7}}}),
                    json.dumps({"results": {task["id"]: {**practice["results"][task["id"]], "attempts": "2"}}}),
                    "[" + "1" * 5001 + "]"):
            noted = json.loads(api.report("", bad))
            self.assertEqual(len(noted["notes"]), 1, bad[:80])
            self.assertTrue(all(c["practical"] is None for c in noted["criteria"]))


class ReportLeadsToPracticeTest(unittest.TestCase):
    """Each weak criterion in the report leads to its questions and to the practical tasks that name
    it; practical tasks checked but not yet at 100% are listed with their score."""

    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files(), "practical": PRACTICAL}))

    def test_a_weak_criterion_names_its_practice_scope_and_the_tasks_that_train_it(self):
        task = PRACTICAL["tasks"][0]
        criterion = task["criteria"][0]
        state = json.loads(api.rate("", criterion, "nie"))["state"]
        weakest = json.loads(api.report(json.dumps(state)))["weakest"][0]
        self.assertEqual(weakest["id"], criterion)
        questions = [q for q in api._engine.bank.questions.values() if criterion in q.criteria]
        self.assertEqual(weakest["practice"]["scope"], f"criterion:{criterion}")
        self.assertIn(f"({len(questions)})", weakest["practice"]["text"])
        self.assertEqual([t["id"] for t in weakest["tasks"]],
                         [t["id"] for t in PRACTICAL["tasks"] if criterion in t["criteria"]])
        self.assertIn(task["title"], weakest["tasks"][0]["text"])
        self.assertEqual(weakest["tasks"][0]["anchor"], f"zadanie-{task['id']}")

    def test_the_scope_a_criterion_names_starts_a_session_on_that_criterion_only(self):
        criterion = PRACTICAL["tasks"][1]["criteria"][0]
        scope = json.loads(api.report(""))["without_data"]
        scope = next(c for c in scope if c["id"] == criterion)["practice"]["scope"]
        queue = json.loads(api.practice_start("", scope, 10, 1, NOW))["session"]["queue"]
        self.assertTrue(queue)
        self.assertTrue(all(criterion in api._engine.bank.questions[q].criteria for q in queue))

    def test_a_criterion_without_questions_offers_no_practice_and_without_tasks_no_task(self):
        data = json.loads(json.dumps(QUALIFICATION))
        data["sets"][0]["outcomes"][0]["criteria"].append({"id": "Z1.E1.K3", "text": "bez pytań"})
        api.setup(json.dumps(data), json.dumps({"files": bank_files(), "practical": PRACTICAL}))
        entry = next(c for c in json.loads(api.report(""))["without_data"] if c["id"] == "Z1.E1.K3")
        self.assertIsNone(entry["practice"])
        self.assertEqual(entry["tasks"], [])

    def test_tasks_checked_below_full_marks_are_listed_with_their_best_score_and_full_ones_are_not(self):
        first, second = PRACTICAL["tasks"]
        practice = {"results": {
            first["id"]: {"attempts": 3, "last": 0.5, "best": 0.94, "at": NOW},
            second["id"]: {"attempts": 1, "last": 1.0, "best": 1.0, "at": NOW}}}
        report = json.loads(api.report("", json.dumps(practice)))
        self.assertEqual([t["id"] for t in report["unfinished"]], [first["id"]])
        self.assertEqual(report["unfinished"][0]["title"], first["title"])
        self.assertIn("94%", report["unfinished"][0]["score_text"])
        self.assertIn("3 sprawdzenia", report["unfinished"][0]["score_text"])
        self.assertTrue(report["texts"]["unfinished_heading"])

    def test_the_reports_sentences_come_from_python(self):
        report = json.loads(api.report(""))
        total = len(api._engine.structure.criterion_ids())
        self.assertEqual(report["texts"]["without_data"], f"Kryteria bez danych ({total})")
        self.assertTrue(report["overall"]["text"].startswith("Brak danych"))
        state = json.loads(api.rate("", "Z1.E1.K1", "tak"))["state"]
        report = json.loads(api.report(json.dumps(state)))
        self.assertEqual(report["texts"]["without_data"], f"Kryteria bez danych ({total - 1})")
        self.assertTrue(report["overall"]["text"].startswith("100% — "))
        self.assertEqual(report["weakest"][0]["level"]["text"], f"100% ({report['weakest'][0]['level']['label'].lower()})")

    def test_without_practical_tasks_the_report_has_no_unfinished_section(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))
        report = json.loads(api.report(""))
        self.assertEqual(report["unfinished"], [])
        self.assertEqual(report["texts"]["unfinished_heading"], "")
        self.assertTrue(all(c["tasks"] == [] for c in report["without_data"]))

