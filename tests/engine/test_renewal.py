"""Renewal: validity by art. 112 KC, practice by art. 114 KC (365 days), periods clipped to the
validity window, overlaps counted once, and a verdict with clear reasons."""

import json
import unittest
from datetime import date

from selfcheck.renewal import Evidence, RenewalInputError, add_years, assess

RULES = {"validity_years": 5, "min_practice_years": 1}


def evidence(*periods):
    return [Evidence(start, end, organisation="Hurtownia Alfa") for start, end in periods]


def run(issued, periods, today="2024-06-01"):
    return assess(issued, evidence(*periods), today=today, **RULES)


class ValidityTest(unittest.TestCase):
    def test_leap_day_issue_is_valid_through_the_last_day_of_february(self):
        self.assertEqual(add_years(date(2020, 2, 29), 5), date(2025, 2, 28))
        self.assertEqual(add_years(date(2020, 2, 29), 4), date(2024, 2, 29))

    def test_ordinary_date_ends_on_the_corresponding_day(self):
        self.assertEqual(run("2021-03-15", []).valid_through, date(2026, 3, 15))

    def test_days_left_and_ended(self):
        self.assertEqual(run("2021-03-15", [], today="2026-03-14").days_left, 1)
        self.assertFalse(run("2021-03-15", [], today="2026-03-15").ended)
        ended = run("2021-03-15", [("2021-04-01", "2023-04-01")], today="2026-03-16")
        self.assertTrue(ended.ended)
        self.assertEqual(ended.verdict()["key"], "ended")


class CountingTest(unittest.TestCase):
    def test_exactly_one_year_of_365_days_meets_the_minimum(self):
        result = run("2021-01-01", [("2022-01-01", "2022-12-31")])
        self.assertEqual((result.total_days, result.met), (365, True))
        self.assertEqual(result.verdict()["key"], "ready")

    def test_one_day_short_does_not_and_says_how_many_days_are_missing(self):
        result = run("2021-01-01", [("2022-01-01", "2022-12-30")])
        self.assertEqual((result.total_days, result.met, result.missing_days), (364, False, 1))
        verdict = result.verdict()
        self.assertEqual(verdict["key"], "not_yet")
        self.assertIn("Brakuje 1 dzień", verdict["text"])
        self.assertEqual(result.earliest_completion(), date(2024, 6, 2))

    def test_separate_periods_add_up(self):
        result = run("2021-01-01", [("2021-02-01", "2021-07-31"), ("2022-02-01", "2022-07-31")])
        self.assertEqual(result.total_days, 181 + 181)
        self.assertEqual(result.longest_days, 181)

    def test_period_crossing_window_start_counts_only_inside_days(self):
        result = run("2021-03-01", [("2021-01-01", "2021-03-10")])
        self.assertEqual(result.total_days, 10)
        self.assertIn("liczy się tylko część od 1 marca 2021 do 10 marca 2021", result.notes[0])

    def test_period_crossing_window_end_counts_only_inside_days(self):
        result = run("2019-01-01", [("2023-12-01", "2024-01-31")], today="2024-05-01")
        self.assertEqual(result.valid_through, date(2024, 1, 1))
        self.assertEqual(result.total_days, 32)

    def test_period_wholly_outside_the_window_is_said_not_to_count(self):
        result = run("2021-01-01", [("2019-01-01", "2019-12-31")])
        self.assertEqual(result.total_days, 0)
        self.assertIn("nie liczy się", result.notes[0])

    def test_overlapping_periods_count_once_and_say_so(self):
        result = run("2021-01-01", [("2021-01-01", "2021-06-30"), ("2021-06-01", "2021-12-31")])
        self.assertEqual(result.total_days, 365)
        self.assertTrue(any("nakładają się" in note for note in result.notes))

    def test_touching_periods_make_one_continuous_stretch(self):
        result = run("2021-01-01", [("2021-01-01", "2021-03-31"), ("2021-04-01", "2021-06-30")])
        self.assertEqual(result.longest_days, 181)

    def test_ongoing_period_counts_up_to_today(self):
        result = assess("2021-01-01", [Evidence("2024-01-01", "ongoing", "Sklep Beta")], today="2024-01-10", **RULES)
        self.assertEqual(result.total_days, 10)

    def test_minimum_that_cannot_be_met_before_the_end(self):
        result = run("2020-01-01", [("2024-06-01", "2024-09-30")], today="2024-10-01")
        self.assertEqual(result.verdict()["key"], "not_possible")
        self.assertIsNone(result.earliest_completion())

    def test_result_serialises_for_the_page(self):
        data = run("2021-01-01", [("2022-01-01", "2022-12-31")]).as_dict()
        self.assertEqual(json.loads(json.dumps(data))["verdict"]["key"], "ready")
        self.assertIn("decyduje instytucja certyfikująca", data["certifying_body_decides"])


class OngoingAndRetakeTest(unittest.TestCase):
    """A period that has not ended is shown as ongoing, also once the certificate has expired; a verdict
    that means taking the validation again says so, for the page to link to where it is held."""

    def test_an_ongoing_period_is_worded_as_ongoing_not_as_ending_today(self):
        result = assess("2021-01-01", [Evidence("2024-01-01", "ongoing", "Sklep Beta")], today="2024-01-10", **RULES)
        period = result.as_dict()["periods"][0]
        self.assertTrue(period["ongoing"])
        self.assertEqual(period["period_text"], "od 01.01.2024, nadal trwa")

    def test_an_ongoing_periods_outline_runs_to_the_edge_open_with_an_arrow(self):
        from selfcheck.timeline import RIGHT, WIDTH, timeline
        for today in ("2024-01-10", "2027-05-01"):  # within validity, and after it ended
            result = assess("2021-01-01", [Evidence("2024-01-01", "ongoing", "Sklep Beta")], today=today, **RULES)
            svg = timeline(result)
            self.assertIn(f'<path class="rn-timeline__period" d="M{WIDTH - RIGHT},', svg)  # open at the edge
            self.assertIn('class="rn-timeline__ongoing"', svg)
            self.assertIn("nadal trwa", svg)

    def test_an_ended_period_keeps_its_closed_outline_and_no_arrow(self):
        from selfcheck.timeline import timeline
        svg = timeline(run("2021-01-01", [("2022-01-01", "2022-12-31")]))
        self.assertIn('<rect class="rn-timeline__period"', svg)
        self.assertNotIn("rn-timeline__ongoing", svg)

    def test_verdicts_that_mean_a_new_validation_say_so_and_the_others_do_not(self):
        ended = run("2019-01-01", [("2019-04-01", "2020-06-30")], today="2024-06-01").verdict()
        not_possible = run("2020-01-01", [("2024-06-01", "2024-09-30")], today="2024-10-01").verdict()
        ready = run("2021-01-01", [("2022-01-01", "2022-12-31")]).verdict()
        self.assertEqual((ended["key"], not_possible["key"], ready["key"]), ("ended", "not_possible", "ready"))
        self.assertTrue(ended["retake"] and not_possible["retake"])
        self.assertEqual(ended["retake_text"], "Gdzie i kiedy przystąpić do walidacji")
        self.assertNotIn("retake", ready)


class BadInputTest(unittest.TestCase):
    def problems(self, issued, periods, today="2024-06-01"):
        with self.assertRaises(RenewalInputError) as caught:
            assess(issued, periods, today=today, **RULES)
        return caught.exception.problems

    def test_end_before_start(self):
        problems = self.problems("2021-01-01", evidence(("2022-05-01", "2022-04-01")))
        self.assertIn("przed jego początkiem", problems["periods[1].end"])

    def test_impossible_date(self):
        problems = self.problems("2021-02-30", [])
        self.assertEqual(problems["issued"], "taka data nie istnieje: 2021-02-30")

    def test_wrong_format(self):
        self.assertIn("nie jest istniejącą datą", self.problems("1.02.2021", [])["issued"])

    def test_issue_date_in_the_future(self):
        self.assertIn("w przyszłości", self.problems("2025-01-01", [])["issued"])

    def test_far_future_period(self):
        problems = self.problems("2021-01-01", evidence(("2022-01-01", "2030-01-01")))
        self.assertIn("zbyt daleko w przyszłości", problems["periods[1].end"])

    def test_empty_organisation(self):
        problems = self.problems("2021-01-01", [Evidence("2022-01-01", "2022-02-01", organisation="  ")])
        self.assertIn("pracodawcy", problems["periods[1].organisation"])

    def test_bad_issue_date_does_not_hide_bad_periods(self):
        problems = self.problems("2021-02-30", evidence(("2022-05-01", "2022-04-01")))
        self.assertEqual(set(problems), {"issued", "periods[1].end"})

    def test_every_bad_field_is_reported_at_once(self):
        problems = self.problems("2021-01-01", [Evidence("2022-13-01", "", organisation="")])
        self.assertEqual(set(problems), {"periods[1].start", "periods[1].end", "periods[1].organisation"})


if __name__ == "__main__":
    unittest.main()
