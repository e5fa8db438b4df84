"""The practice system's screens as blocks and their forms: every screen draws for a fresh variant,
every form it offers is understood when sent back from it, what a form does is decided by the form
(a change, another view, a new record's card), and bad requests are refused in Polish."""

import json
import unittest

from practical_modules.crm import api, ui, views
from practical_modules.crm.matching import normal
from practical_modules.crm.tasks import all_tasks, check_task, task_view


def blocks_of(out):
    return out["screen"]["blocks"]


def forms_of(out):
    return [b for b in blocks_of(out) if b["kind"] == "form"] + \
        [b["answers"] for b in blocks_of(out) if b["kind"] == "task" and b.get("answers")]


class CrmUiTest(unittest.TestCase):
    def setUp(self):
        self.state = json.loads(api.new(8, "2026-11-25"))["state"]

    def page(self, **request):
        return json.loads(api.page(json.dumps(self.state), json.dumps(request)))

    def params_for(self, name):
        collection = {card: collection for collection, card in ui.CARDS.items()}.get(name)
        return {"id": self.state[collection][0]["id"]} if collection else {}

    def test_the_list_of_tasks_shows_each_tasks_best_result(self):
        first = all_tasks()[0].id
        checked = json.loads(api.check(json.dumps(self.state), first, "2026-11-25T08:00:00+01:00"))["state"]
        out = json.loads(api.page(json.dumps(checked), json.dumps({"screen": "tasks"})))
        marks = {b["id"]: b["mark"] for b in blocks_of(out) if b["kind"] == "task"}
        self.assertEqual(marks[first], f"najlepszy wynik {check_task(checked, first)['percent']}")
        self.assertEqual({m for t, m in marks.items() if t != first}, {"nie sprawdzono"})

    def test_every_screen_draws_and_every_form_it_offers_is_understood(self):
        for name in ui.SCREENS:
            out = self.page(screen=name, params=self.params_for(name))
            self.assertTrue(out["ok"], (name, out.get("error")))
            self.assertEqual(out["screen"]["name"], name)
            for form in forms_of(out):
                sent = self.page(screen=name, params=self.params_for(name), form=form["id"], fields={})
                self.assertTrue(sent["ok"], (name, form["id"], sent.get("error")))

    def test_form_ids_are_unique_on_each_screen(self):
        for name in ui.SCREENS:
            ids = [form["id"] for form in forms_of(self.page(screen=name, params=self.params_for(name)))]
            self.assertEqual(len(ids), len(set(ids)), name)

    def test_a_refused_form_leaves_the_state_as_it_was(self):
        out = self.page(screen="companies", form="create:companies", fields={"name": ["Nowa"]})
        self.assertFalse(out["reply"]["ok"])
        self.assertIn("nip", out["reply"]["errors"])
        self.assertEqual(out["state"], self.state)
        self.assertEqual(out["screen"]["name"], "companies")

    def test_a_new_record_opens_its_card(self):
        company = self.state["companies"][0]["id"]
        out = self.page(screen="contacts", form="create:contacts",
                        fields={"company_id": [company], "first_name": ["Ewa"], "last_name": ["Nowa"],
                                "email": ["ewa.nowa@firma.example"]})
        self.assertTrue(out["reply"]["ok"], out["reply"])
        self.assertEqual((out["screen"]["name"], out["screen"]["params"]), ("contact", {"id": out["reply"]["record_id"]}))
        self.assertEqual(out["screen"]["title"], f"Ewa Nowa ({self.state['companies'][0]['name']})")

    def test_a_search_shows_the_list_again_with_what_was_asked(self):
        city = self.state["companies"][0]["city"]
        out = self.page(screen="companies", form="search:companies", fields={"query": [city], "sort": ["name"], "dir": ["desc"]})
        self.assertIsNone(out["reply"])
        self.assertEqual(out["state"], self.state)
        self.assertEqual(out["screen"]["params"], {"query": city, "filters": {}, "sort": "name", "dir": "desc"})
        table = next(b for b in blocks_of(out) if b["kind"] == "table")
        self.assertTrue(table["rows"])
        self.assertLess(len(table["rows"]), len(self.state["companies"]))

    def test_unknown_screens_and_forms_are_refused_in_polish(self):
        self.assertIn("Nie ma ekranu", self.page(screen="nie-ma")["error"])
        self.assertIn("nie ma formularza „rm -rf”", self.page(screen="companies", form="rm -rf", fields={})["error"])
        # A form of another screen is not on this one, even though its id is well formed.
        self.assertIn("nie ma formularza „security”", self.page(screen="companies", form="security", fields={})["error"])
        self.assertIn("złą postać", self.page(screen="settings", form="security", fields=["x"])["error"])
        self.assertIn("nie ma formularza", self.page(screen="companies", form="exam.finish", fields={})["error"])

    def test_the_chosen_task_comes_beside_every_screen(self):
        task = all_tasks()[-1]
        out = self.page(screen="companies", task=task.id)
        panel = out["screen"]["panel"]
        self.assertEqual((panel["task"]["id"], panel["task"]["title"]), (task.id, task.title))
        self.assertEqual(panel["task"]["brief"], task_view(self.state, task.id)["brief"])
        self.assertTrue(panel["task"]["checkable"])
        self.assertIsNone(self.page(screen="companies", task="nie-ma")["screen"]["panel"]["task"])
        self.assertIsNone(self.page(screen="companies")["screen"]["panel"]["task"])

    def test_an_exam_panel_shows_only_its_own_tasks_and_no_check(self):
        state = json.loads(api.exam_start("", 3, "2026-11-25T08:00:00+01:00"))["state"]
        mine = state["exam"]["tasks"][0]
        other = next(t.id for t in all_tasks() if t.id not in state["exam"]["tasks"])
        show = lambda task: json.loads(api.page(json.dumps(state), json.dumps({"screen": "tasks", "task": task})))
        self.assertFalse(show(mine)["screen"]["panel"]["task"]["checkable"])
        self.assertIsNone(show(other)["screen"]["panel"]["task"])

    def test_the_exam_results_say_each_finding_once_per_task(self):
        state = json.loads(api.exam_start("", 1, "2026-11-25T08:00:00+01:00"))["state"]
        finished = json.loads(api.exam_finish(json.dumps(state), "2026-11-25T08:05:00+01:00"))["state"]
        out = json.loads(api.page(json.dumps(finished), json.dumps({"screen": "tasks"})))
        table = next(b for b in blocks_of(out) if b["kind"] == "table" and b["caption"] == "Wyniki zadań")
        repeated = 0
        for row, task_id in zip(table["rows"], finished["exam"]["tasks"]):
            findings = [c["feedback"].split(". ")[0] + "." for c in check_task(finished, task_id)["checks"] if c["feedback"]]
            for finding in set(findings):
                self.assertLessEqual(row["cells"][2].count(finding), 1, (task_id, finding))
                repeated += findings.count(finding) > 1
        self.assertGreater(repeated, 0)   # the variant does have findings that several checks share


def form_of(out, form_id):
    return next(f for f in forms_of(out) if f["id"] == form_id)


class CorrectingThroughTheScreensTest(unittest.TestCase):
    """What the page sends is what a candidate does: press a button, confirm, read the answer."""

    def setUp(self):
        self.state = json.loads(api.new(8, "2026-11-25"))["state"]

    def page(self, **request):
        out = json.loads(api.page(json.dumps(self.state), json.dumps(request)))
        self.assertTrue(out["ok"], out.get("error"))
        self.state = out["state"]
        return out

    def test_the_new_opportunity_takes_its_stage_and_that_stage_s_probability(self):
        out = self.page(screen="pipeline")
        fields = {f["key"]: f for f in form_of(out, "create:opportunities")["fields"]}
        self.assertNotIn("probability", fields)
        self.assertEqual(fields["stage"]["filter_by"], "funnel_id")
        # The people offered are grouped by their firm, and the page shows those of the chosen one.
        self.assertEqual(fields["contact_id"]["filter_by"], "company_id")
        firms = {c["id"]: c["company_id"] for c in self.state["contacts"]}
        self.assertTrue(all(c["group"] == firms[c["id"]] for c in fields["contact_id"]["choices"] if c["id"]))
        funnel = self.state["funnels"][0]
        stage = funnel["stages"][1]
        person = next(c for c in self.state["contacts"] if c["company_id"] == self.state["companies"][0]["id"])
        sent = self.page(screen="pipeline", form="create:opportunities", fields={
            "name": ["Nowa szansa z etapem"], "company_id": [person["company_id"]], "contact_id": [person["id"]],
            "value": ["1000"], "funnel_id": [funnel["id"]], "stage": [stage["id"]], "owner": [self.state["seller"]["team"][0]["name"]],
            "close_date": ["2026-12-31"]})
        if not sent["reply"]["ok"]:  # a later stage asks for the earlier stages' activities first
            self.assertIn("stage", sent["reply"]["errors"])
            stage = funnel["stages"][0]
            sent = self.page(screen="pipeline", form="create:opportunities", fields={
                "name": ["Nowa szansa z etapem"], "company_id": [person["company_id"]], "contact_id": [person["id"]],
                "value": ["1000"], "funnel_id": [funnel["id"]], "stage": [stage["id"]],
                "owner": [self.state["seller"]["team"][0]["name"]], "close_date": ["2026-12-31"]})
        self.assertTrue(sent["reply"]["ok"], sent["reply"])
        made = next(o for o in self.state["opportunities"] if o["id"] == sent["reply"]["record_id"])
        self.assertEqual((made["stage"], made["probability"]), (stage["id"], stage["probability"]))
        self.assertEqual(sent["screen"]["name"], "opportunity")

    def test_a_task_links_back_to_its_opportunity(self):
        activity = next(a for a in self.state["activities"] if a["opportunity_id"])
        out = self.page(screen="activity", params={"id": activity["id"]})
        links = [item for b in blocks_of(out) if b["kind"] == "links" for item in b["items"]]
        self.assertIn({"screen": "opportunity", "params": {"id": activity["opportunity_id"]}},
                      [{"screen": i["screen"], "params": i["params"]} for i in links])

    def test_deleting_asks_first_and_then_shows_the_list(self):
        firm = self.state["companies"][0]
        made = self.page(screen="contacts", form="create:contacts", fields={
            "company_id": [firm["id"]], "first_name": ["Ewa"], "last_name": ["Nowa"], "email": ["ewa.nowa@firma.example"]})
        card = made["screen"]
        asked = self.page(screen=card["name"], params=card["params"], form=f"delete:contacts:{made['reply']['record_id']}", fields={})
        self.assertEqual(len(self.state["contacts"]), len(made["state"]["contacts"]))      # nothing gone yet
        confirm = blocks_of(asked)[0]
        self.assertEqual((confirm["title"], confirm["second"]), (f"Usunąć osobę kontaktową „Ewa Nowa ({firm['name']})”?", "Anuluj"))
        cancelled = self.page(screen="contact", params=asked["screen"]["params"], form=confirm["id"], fields={"_second": ["1"]})
        self.assertEqual(cancelled["screen"]["params"], card["params"])
        done = self.page(screen="contact", params=asked["screen"]["params"], form=confirm["id"], fields={})
        self.assertTrue(done["reply"]["ok"])
        self.assertEqual(done["screen"]["name"], "contacts")
        self.assertNotIn(made["reply"]["record_id"], {c["id"] for c in self.state["contacts"]})

    def test_every_card_of_what_the_candidate_made_draws_with_its_deletion_and_its_forms_are_understood(self):
        from practical_modules.crm.tasks import apply_solution, all_tasks
        start = {key: {r["id"] for r in value} for key, value in self.state.items() if isinstance(value, list)}
        for t in all_tasks():
            self.state, _ = apply_solution(self.state, t.id)
        cards = {"companies": ("company", "id"), "contacts": ("contact", "id"), "opportunities": ("opportunity", "id"),
                 "activities": ("activity", "id"), "funnels": ("funnels", "edit"), "reports": ("reports", "edit"),
                 "exports": ("exports", "delete"), "templates": ("templates", "delete"), "goals": ("goals", "delete")}
        for collection, (name, key) in cards.items():
            own = [r for r in self.state[collection] if r["id"] not in start[collection]]
            self.assertTrue(own, collection)
            for params in ({key: own[0]["id"]}, {key: own[0]["id"], "delete": own[0]["id"]}):
                out = self.page(screen=name, params=params)
                ids = [f["id"] for f in forms_of(out)]
                self.assertIn(f"delete:{collection}:{own[0]['id']}", ids, (collection, params))
                self.assertEqual(len(ids), len(set(ids)))
                for form in forms_of(out):
                    sent = json.loads(api.page(json.dumps(self.state), json.dumps(
                        {"screen": name, "params": params, "form": form["id"], "fields": {}})))
                    self.assertTrue(sent["ok"], (name, form["id"], sent.get("error")))

    def test_a_starting_record_has_no_delete_button(self):
        out = self.page(screen="company", params={"id": self.state["companies"][0]["id"]})
        self.assertFalse([f for f in forms_of(out) if f["id"].startswith("delete:")])

    def test_one_task_starts_again_after_a_confirmation_that_says_what_happens(self):
        from practical_modules.crm.tasks import apply_solution, all_tasks
        task = all_tasks()[0].id
        self.state, _ = apply_solution(self.state, task)
        out = self.page(screen="tasks")
        card = next(b for b in blocks_of(out) if b.get("id") == task)
        asked = self.page(screen="tasks", form=card["reset"]["id"], fields={})
        confirm = next(b for b in blocks_of(asked) if b.get("id") == task)["reset"]
        self.assertIn("Pozostałe zadania", confirm["note"])
        done = self.page(screen="tasks", params=asked["screen"]["params"], form=confirm["id"], fields={})
        self.assertTrue(done["reply"]["ok"])
        self.assertEqual(done["screen"]["params"], {})
        self.assertLess(json.loads(api.check(json.dumps(self.state), task, ""))["result"]["score"], 1)


class ViewsTest(unittest.TestCase):
    def setUp(self):
        self.state = json.loads(api.new(11, "2026-03-02"))["state"]

    def test_the_pipeline_board_adds_up(self):
        board = views.pipeline(self.state, {})
        open_ones = [o for o in self.state["opportunities"] if o["status"] == "otwarta"]
        self.assertEqual(sum(c["count"] for c in board["columns"][:-2]), len(open_ones))
        self.assertEqual(board["forecast"], round(sum(o["value"] * o["probability"] / 100 for o in open_ones), 2))

    def test_a_list_is_sorted_as_asked(self):
        listed = views.record_list(self.state, "companies", {"sort": "city", "dir": "desc"})
        cities = [row["cells"][2] for row in listed["rows"]]
        self.assertEqual(len(cities), len(self.state["companies"]))
        self.assertEqual(cities, sorted(cities, key=normal, reverse=True))


if __name__ == "__main__":
    unittest.main()
