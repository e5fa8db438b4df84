"""The one progress file: what it says it holds, when it was saved, and which files it refuses, in words."""

import json
import unittest

from selfcheck import api, record
from tests.engine.fixtures import QUALIFICATION, bank_files

NOW = "2026-12-04T11:40:00+01:00"


class RecordFileTest(unittest.TestCase):
    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))

    def some_progress(self) -> str:
        question = next(q for q in api._engine.bank.questions.values() if q.type == "true_false")
        state = json.loads(api.check("", question.id, json.dumps(question.kind.right_fields(question)), NOW))["state"]
        return json.dumps(json.loads(api.start_test(json.dumps(state), 4, 7, None, NOW))["state"])

    def test_an_empty_record_says_it_holds_nothing(self):
        out = json.loads(api.export_record("", "", "", NOW))
        self.assertTrue(out["ok"])
        self.assertTrue(out["empty"])
        self.assertEqual(out["contents"], "Nie ma w nim jeszcze żadnych postępów.")

    def test_a_file_names_what_it_holds_and_when_it_was_saved(self):
        out = json.loads(api.export_record(self.some_progress(), "", "", NOW))
        self.assertFalse(out["empty"])
        self.assertEqual(out["date"], "2026-12-04")
        self.assertEqual(out["contents"], "Zawiera: odpowiedzi na 1 pytanie, 1 test próbny.")
        loaded = json.loads(api.import_record(out["text"]))
        self.assertTrue(loaded["ok"])
        self.assertEqual(loaded["contents"], "Zawiera: odpowiedzi na 1 pytanie, 1 test próbny. Zapisano go 04.12.2026, 11:40.")

    def test_a_saved_moment_that_is_not_a_moment_is_not_shown(self):
        data = json.loads(json.loads(api.export_record("", "", "", NOW))["text"])
        data["saved"] = "<b>jutro</b>"
        self.assertNotIn("Zapisano", json.loads(api.import_record(json.dumps(data)))["contents"])

    def test_a_picture_renamed_to_json_is_not_json(self):
        out = json.loads(api.import_record("\u2030PNG\r\n\x1a\n" + "[" * 500))
        self.assertFalse(out["ok"])
        self.assertTrue(out["error"].startswith("To nie jest plik JSON"), out["error"])

    def test_a_file_of_a_newer_format_names_the_formats_this_page_knows(self):
        data = json.loads(json.loads(api.export_record("", "", "", NOW))["text"])
        data["version"] = record.VERSION + 1
        error = json.loads(api.import_record(json.dumps(data)))["error"]
        self.assertIn(f"format {record.VERSION + 1}", error)
        self.assertIn(f"1–{record.VERSION}", error)

    def test_contents_count_practical_work_and_exams(self):
        work = {"results": {"a": {}, "b": {}}}
        exam = {"exams": [{}], "exam": {"finished": None}}
        self.assertEqual(record.contents(None, work, exam),
                         ["wyniki 2 zadań praktycznych", "1 symulację części praktycznej", "symulację w toku"])
        self.assertEqual(record.contents(None, {}, {"exams": [], "exam": {"finished": NOW}}), ["rozpoczęte ćwiczenia praktyczne"])


class BackupNoteTest(unittest.TestCase):
    """The copy a page keeps before an import or a reset, described so a candidate can decide to restore it."""

    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))

    def test_a_copy_says_why_when_and_what(self):
        progress = RecordFileTest.some_progress(self)
        note = json.loads(api.backup_note(json.dumps({"when": NOW, "reason": "import",
                                                      "sections": {"progress": progress, "work": "", "exam": ""}})))
        self.assertTrue(note["ok"])
        self.assertEqual(note["text"], "W tej przeglądarce jest kopia postępów sprzed wczytania pliku (04.12.2026, 11:40). "
                                       "Zawiera: odpowiedzi na 1 pytanie, 1 test próbny.")
        self.assertTrue(note["confirm"])

    def test_a_copy_of_the_renewal_form_counts_its_periods(self):
        form = json.dumps({"format": "odnowienie", "version": 1, "issued": "2024-01-10",
                           "periods": [{"start": "2024-02-01", "end": "ongoing"}]})
        note = json.loads(api.backup_note(json.dumps({"when": NOW, "reason": "reset", "sections": {"renewal": form}})))
        self.assertEqual(note["text"], "W tej przeglądarce jest kopia zestawienia sprzed wyczyszczenia formularza "
                                       "(04.12.2026, 11:40). Zawiera 1 okres pracy.")

    def test_an_unreadable_copy_is_not_offered(self):
        for text in ("", "[]", '{"when": 1}', json.dumps({"when": NOW, "reason": "kasuj", "sections": {}}),
                     json.dumps({"when": NOW, "reason": "reset", "sections": {"progress": "{"}})):
            with self.subTest(text=text):
                self.assertFalse(json.loads(api.backup_note(text))["ok"])


class MockTestInTwoTabsTest(unittest.TestCase):
    """A test started in one tab is never replaced by a second one started in another."""

    def setUp(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": bank_files()}))

    def test_starting_while_a_test_is_open_returns_the_open_one(self):
        first = json.loads(api.start_test("", 4, 7, 30, NOW))
        again = json.loads(api.start_test(json.dumps(first["state"]), 4, 8, None, "2026-12-04T11:45:00+01:00"))
        self.assertTrue(again["resumed"])
        self.assertNotIn("state", again)  # nothing to store: nothing changed
        self.assertEqual((again["questions"], again["started"], again["deadline"]),
                         (first["questions"], first["started"], first["deadline"]))
        self.assertIn("04.12.2026, 11:40", again["note"])

    def test_notes_after_another_tab_changed_the_progress(self):
        first = json.loads(api.start_test("", 4, 7, None, NOW))
        state = json.dumps(first["state"])
        self.assertEqual(json.loads(api.open_attempt(state, first["started"], True))["note"], "")
        self.assertIn("w innej karcie", json.loads(api.open_attempt(state, "", True))["note"])
        self.assertIn("Wracasz", json.loads(api.open_attempt(state))["note"])
        done = json.loads(api.finish_test(state, "{}", "2026-12-04T11:50:00+01:00"))["state"]
        self.assertIn("oddano w innej karcie (04.12.2026, 11:50)",
                      json.loads(api.open_attempt(json.dumps(done), first["started"], True))["note"])
        self.assertIn("nie ma już", json.loads(api.open_attempt(json.dumps(done), "2026-01-01T00:00:00Z", True))["note"])


if __name__ == "__main__":
    unittest.main()
