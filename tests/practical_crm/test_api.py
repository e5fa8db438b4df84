"""The practice CRM's JSON API as the Web Worker and the command line use it: text in, text out,
a Polish sentence instead of an exception, results kept in the state."""

import csv
import io
import json
import unittest

from practical_modules.crm import api
from practical_modules.crm.state import CrmStateError
from practical_modules.crm.tasks import all_tasks, apply_solution

TODAY = "2026-03-02"


class WorkerCalls(unittest.TestCase):
    def setUp(self):
        answer = json.loads(api.new(11, TODAY))
        self.assertTrue(answer["ok"])
        self.state = answer["state"]
        self.text = json.dumps(self.state, ensure_ascii=False)

    def test_new_refuses_a_bad_seed_or_day(self):
        self.assertIn("seed", json.loads(api.new(-1, TODAY))["error"])
        self.assertIn("RRRR-MM-DD", json.loads(api.new(1, "2.03.2026"))["error"])

    def test_apply_returns_the_new_state_the_reply_and_the_screen(self):
        request = {"action": "company.edit", "payload": {"id": "F002", "segment": "C – pozostali"},
                   "view": {"screen": "company", "params": {"id": "F002"}}}
        answer = json.loads(api.apply(self.text, json.dumps(request)))
        self.assertTrue(answer["ok"])
        self.assertEqual(answer["state"]["companies"][1]["segment"], "C – pozostali")
        self.assertEqual(answer["view"]["id"], "F002")
        self.assertIn("Segment", answer["view"]["history"][0]["text"])

    def test_a_refused_action_returns_the_old_state_and_the_reasons(self):
        request = {"action": "company.edit", "payload": {"id": "F002", "nip": "1234563219"}}
        answer = json.loads(api.apply(self.text, json.dumps(request)))
        self.assertFalse(answer["ok"])
        self.assertEqual(answer["state"], self.state)
        self.assertIn("cyfrę kontrolną", answer["reply"]["errors"]["nip"])

    def test_broken_requests_answer_in_polish(self):
        for state_text, request in (("{", "{}"), (self.text, "nie json"), (self.text, "[1]"),
                                    (self.text, json.dumps({"action": "company.edit", "payload": {},
                                                            "view": {"screen": "company", "params": {"id": "F999"}}}))):
            answer = json.loads(api.apply(state_text, request))
            self.assertFalse(answer["ok"])
            self.assertTrue(answer.get("error") or answer["reply"]["errors"])
        self.assertIn("Nie ma ekranu", json.loads(api.view(self.text, json.dumps({"screen": "kosmos"})))["error"])

    def test_every_screen_draws(self):
        for screen in ("summary", "companies", "contacts", "pipeline", "activities", "products", "templates", "funnels",
                       "reports", "exports", "goals", "settings"):
            answer = json.loads(api.view(self.text, json.dumps({"screen": screen})))
            self.assertTrue(answer["ok"], screen)
        board = json.loads(api.view(self.text, json.dumps({"screen": "pipeline"})))["view"]
        open_ones = [o for o in self.state["opportunities"] if o["status"] == "otwarta"]
        self.assertEqual(sum(c["count"] for c in board["columns"][:-2]), len(open_ones))
        self.assertEqual(board["forecast"], round(sum(o["value"] * o["probability"] / 100 for o in open_ones), 2))
        listed = json.loads(api.view(self.text, json.dumps({"screen": "companies", "params": {"sort": "city", "dir": "desc"}})))
        cities = [row["cells"][2] for row in listed["view"]["rows"]]
        self.assertEqual(len(cities), len(self.state["companies"]))

    def test_check_keeps_attempts_and_the_best_score(self):
        task_id = all_tasks()[0].id
        first = json.loads(api.check(self.text, task_id, "2026-03-02T10:00:00Z"))
        self.assertEqual(first["state"]["results"][task_id]["attempts"], 1)
        solved, _ = apply_solution(first["state"], task_id)
        second = json.loads(api.check(json.dumps(solved), task_id, "2026-03-02T10:05:00Z"))
        self.assertEqual(second["result"]["score"], 1)
        self.assertEqual(second["state"]["results"][task_id], {"attempts": 2, "last": 1, "best": 1, "at": "2026-03-02T10:05:00Z"})
        self.assertIn("Nie ma zadania", json.loads(api.check(self.text, "nic", ""))["error"])

    def test_task_cards_show_briefs_and_answer_fields(self):
        cards = json.loads(api.tasks(self.text))["tasks"]
        self.assertEqual([c["id"] for c in cards], [t.id for t in all_tasks()])
        self.assertTrue(all(c["brief"] and c["criteria"] for c in cards))
        with_answers = [c for c in cards if c["answers"]]
        self.assertTrue(with_answers)
        self.assertTrue(all(a["label"] for c in with_answers for a in c["answers"]))

    def test_reset_starts_the_same_variant_again(self):
        changed = json.loads(api.apply(self.text, json.dumps({"action": "company.edit",
                                                              "payload": {"id": "F001", "city": "Opole"}})))["state"]
        again = json.loads(api.reset(json.dumps(changed)))["state"]
        self.assertEqual(again, self.state)


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

    def test_check_export_grades_a_file_like_the_page(self):
        state = json.loads(api.new(12, TODAY))["state"]
        task_id = all_tasks()[-1].id
        state, _ = apply_solution(state, task_id)
        exported = json.loads(api.export(json.dumps(state)))["text"]
        results = {r["id"]: r for r in api.check_export(exported)}
        self.assertEqual(results[task_id]["score"], 1)
        self.assertEqual(results[task_id], json.loads(api.check(exported, task_id, ""))["result"])
        self.assertEqual(len(results), len(all_tasks()))
        self.assertEqual(api.list_tasks()[0]["id"], all_tasks()[0].id)
        with self.assertRaises(CrmStateError):
            api.check_export("{}")


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
