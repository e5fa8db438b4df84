"""The practice CRM's JSON API as the Web Worker and the command line use it: text in, text out,
a Polish sentence instead of an exception, results kept in the state."""

import csv
import io
import json
import unittest

from practical_modules.crm import actions, api
from practical_modules.crm.state import CrmStateError
from practical_modules.crm.tasks import all_tasks, apply_solution

TODAY = "2026-03-02"


class WorkerCalls(unittest.TestCase):
    def setUp(self):
        answer = json.loads(api.new(11, TODAY))
        self.assertEqual(set(answer), {"ok", "state"})
        self.state = answer["state"]
        self.text = json.dumps(self.state, ensure_ascii=False)

    def page(self, **request):
        return json.loads(api.page(self.text, json.dumps(request)))

    def test_new_refuses_a_bad_seed_or_day(self):
        self.assertIn("seed", json.loads(api.new(-1, TODAY))["error"])
        self.assertIn("RRRR-MM-DD", json.loads(api.new(1, "2.03.2026"))["error"])

    def test_a_form_returns_the_new_state_the_reply_and_the_screen(self):
        card = {"screen": "company", "params": {"id": "F002"}}
        answer = self.page(**card, form="edit:companies:F002", fields={"segment": ["C – pozostali"]})
        self.assertTrue(answer["ok"] and answer["reply"]["ok"], answer)
        self.assertEqual(answer["state"]["companies"][1]["segment"], "C – pozostali")
        self.assertEqual((answer["screen"]["name"], answer["screen"]["params"]), ("company", {"id": "F002"}))
        history = next(b for b in answer["screen"]["blocks"] if b.get("caption") == "Historia zdarzeń")
        self.assertIn("Segment", history["rows"][0]["cells"][2])

    def test_a_refused_form_returns_the_old_state_and_the_reasons(self):
        answer = self.page(screen="company", params={"id": "F002"}, form="edit:companies:F002", fields={"nip": ["1234563219"]})
        self.assertFalse(answer["reply"]["ok"])
        self.assertEqual(answer["state"], self.state)
        self.assertIn("cyfrę kontrolną", answer["reply"]["errors"]["nip"])

    def test_broken_requests_answer_in_polish(self):
        for state_text, request in (("{", "{}"), (self.text, "nie json"), (self.text, "[1]"),
                                    (self.text, json.dumps({"screen": "company", "params": {"id": "F999"}})),
                                    (self.text, json.dumps({"screen": "kosmos"}))):
            answer = json.loads(api.page(state_text, request))
            self.assertFalse(answer["ok"])
            self.assertTrue(answer["error"])
        self.assertIn("Nie ma ekranu", self.page(screen="kosmos")["error"])

    def test_check_keeps_attempts_and_the_best_score(self):
        task_id = all_tasks()[0].id
        first = json.loads(api.check(self.text, task_id, "2026-03-02T10:00:00Z"))
        self.assertEqual(first["state"]["results"][task_id]["attempts"], 1)
        solved, _ = apply_solution(first["state"], task_id)
        second = json.loads(api.check(json.dumps(solved), task_id, "2026-03-02T10:05:00Z"))
        self.assertEqual(second["result"]["score"], 1)
        self.assertEqual(second["state"]["results"][task_id], {"attempts": 2, "last": 1, "best": 1, "at": "2026-03-02T10:05:00Z"})
        self.assertIn("Nie ma zadania", json.loads(api.check(self.text, "nic", ""))["error"])

    def test_the_page_checks_a_task_as_check_does_and_shows_the_result_on_its_card(self):
        task_id = all_tasks()[0].id
        answer = self.page(screen="tasks", check=task_id, now="2026-03-02T10:00:00Z")
        alone = json.loads(api.check(self.text, task_id, "2026-03-02T10:00:00Z"))
        self.assertEqual((answer["result"], answer["state"]), (alone["result"], alone["state"]))
        card = next(b for b in answer["screen"]["blocks"] if b.get("id") == task_id)
        self.assertIn("Ostatnie sprawdzenie", card["last"])
        self.assertIn("Nie ma zadania", self.page(screen="tasks", check="nic")["error"])

    def test_task_cards_show_briefs_and_answer_fields(self):
        cards = json.loads(api.tasks(self.text))["tasks"]
        self.assertEqual([c["id"] for c in cards], [t.id for t in all_tasks()])
        self.assertTrue(all(c["brief"] and c["criteria"] for c in cards))
        with_answers = [c for c in cards if c["answers"]]
        self.assertTrue(with_answers)
        self.assertTrue(all(a["label"] for c in with_answers for a in c["answers"]))

    def test_reset_starts_the_same_variant_again(self):
        changed, reply = actions.apply(self.state, "company.edit", {"id": "F001", "city": "Opole"})
        self.assertTrue(reply.ok)
        again = json.loads(api.reset(json.dumps(changed)))
        self.assertEqual(again, {"ok": True, "state": self.state})


class CommandLineHelpers(unittest.TestCase):
    def test_dataset_as_json_and_csv(self):
        data = json.loads(api.dataset_as_json(3, TODAY))
        files = api.dataset_as_csv(3, TODAY)
        self.assertEqual(set(files), set(api.CSV_FILES))
        companies = list(csv.reader(io.StringIO(files["firmy.csv"]), delimiter=";"))
        self.assertEqual(companies[0][:3], ["ID", "Nazwa", "Forma prawna"])
        self.assertEqual([row[0] for row in companies[1:]], [c["id"] for c in data["companies"]])
        with self.assertRaises(CrmStateError):
            api.dataset_as_json(3, "jutro")


if __name__ == "__main__":
    unittest.main()


@unittest.skipUnless(__import__("importlib").util.find_spec("sitegen"), "needs sitegen: runs in CPython only")
class ShippedToTheBrowser(unittest.TestCase):
    def test_the_module_zip_carries_the_crm_and_runs_beside_the_core_on_the_standard_library_alone(self):
        import subprocess
        import sys
        import tempfile
        import zipfile
        from pathlib import Path

        from sitegen.selfcheck_content import module_zip, package_zip
        from tests.practical_crm.given import ROOT, install

        core, module = package_zip(ROOT), module_zip(ROOT, "practical_modules.crm")
        core_names = zipfile.ZipFile(io.BytesIO(core)).namelist()
        names = zipfile.ZipFile(io.BytesIO(module)).namelist()
        self.assertFalse([n for n in core_names if "practical_modules" in n or n.endswith("__main__.py")])
        for name in ("api", "dataset", "actions", "tasks", "configuration"):
            self.assertIn(f"practical_modules/crm/{name}.py", names)
        for name in ("compile", "cli"):  # CPython only: they read YAML and arguments
            self.assertNotIn(f"practical_modules/crm/{name}.py", names)
        self.assertFalse([n for n in names if not n.endswith(".py")])  # data travels as JSON, given to setup()
        given = install()
        with tempfile.TemporaryDirectory() as folder:
            for data in (core, module):
                zipfile.ZipFile(io.BytesIO(data)).extractall(folder)
            Path(folder, "data.json").write_text(json.dumps(given), encoding="utf-8")
            code = ("import json; from practical_modules.crm import api; given = json.load(open('data.json')); "
                    "print(json.loads(api.setup(json.dumps(given['qualification']), json.dumps(given['practical'])))['ok'], "
                    "json.loads(api.new(1, '2026-03-02'))['ok'], len(api.list_tasks()))")
            # -S: no site-packages, so the zips run on the standard library alone, as in Pyodide
            result = subprocess.run([sys.executable, "-S", "-c", code], cwd=folder, capture_output=True, text=True,
                                    timeout=120, env={"PATH": "", "PYTHONPATH": folder})
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.split(), ["True", "True", str(len(all_tasks()))])
