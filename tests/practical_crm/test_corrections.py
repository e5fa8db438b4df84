"""Correcting one's own work: what the candidate made can be changed and deleted (nothing left pointing
at what is gone), saving again under a used name is not a dead end, one task starts again from its
starting records while the others keep their work, and messages name records, never internal ids.
Expectations come from the engine's model solutions and the variant's data."""

import copy
import csv
import io
import json
import re
import unittest

from practical_modules.crm import actions, api, task_reset
from practical_modules.crm.dataset import fresh_state
from practical_modules.crm.reports import csv_cell
from practical_modules.crm.state import read_state, state_text
from practical_modules.crm.tasks import all_tasks, apply_solution, check_task

TODAY = "2026-03-02"
INTERNAL_ID = re.compile(r"\b[A-Z]\d{3}\b")   # F001, L002, R001…


def step(task_id: str, action: str, state: dict) -> dict:
    """The payload the model solution sends for `action` in this variant."""
    sent = []
    apply_solution(state, task_id, lambda name, payload: sent.append(payload) if name == action else payload)
    return sent[0]


class Base(unittest.TestCase):
    def setUp(self):
        self.state = fresh_state(3, TODAY)

    def ok(self, name, payload):
        self.state, reply = actions.apply(self.state, name, payload)
        self.assertTrue(reply.ok, reply.errors)
        read_state(state_text(self.state))   # what is saved loads again
        return reply

    def refused(self, name, payload) -> str:
        before = copy.deepcopy(self.state)
        after, reply = actions.apply(self.state, name, payload)
        self.assertFalse(reply.ok)
        self.assertEqual(after, before)
        text = " ".join(reply.errors.values())
        self.assertIsNone(INTERNAL_ID.search(text), text)
        return text


class Funnels(Base):
    def test_a_wrong_funnel_corrected_in_place_reaches_full_credit(self):
        good = step("z2e2-lejek-serwis", "funnel.create", self.state)
        wrong = {**good, "stages": [{**s, "required": []} for s in good["stages"]]}
        made = self.ok("funnel.create", wrong).record_id
        self.assertLess(check_task(self.state, "z2e2-lejek-serwis")["score"], 1)
        text = self.refused("funnel.create", good)          # the same name again: how to go on, by name
        self.assertIn(f"„{good['name']}” już jest zapisany", text)
        self.assertIn("Zastąp", text)
        self.ok("funnel.edit", {**good, "id": made})
        self.assertEqual(check_task(self.state, "z2e2-lejek-serwis")["score"], 1)
        self.assertEqual(len(self.state["funnels"]), 2)

    def test_saving_again_with_replace_corrects_the_saved_funnel(self):
        good = step("z2e2-lejek-serwis", "funnel.create", self.state)
        self.ok("funnel.create", {**good, "stages": good["stages"][:2]})
        self.ok("funnel.create", {**good, "replace": True})
        self.assertEqual(len(self.state["funnels"]), 2)
        self.assertEqual(check_task(self.state, "z2e2-lejek-serwis")["score"], 1)

    def test_a_stage_in_use_stays_and_renaming_it_keeps_its_opportunities(self):
        good = step("z2e2-lejek-serwis", "funnel.create", self.state)
        funnel = self.ok("funnel.create", good).record_id
        opportunity = step("z2e5-nowa-szansa", "opportunity.create", self.state)
        made = self.ok("opportunity.create", {**opportunity, "funnel_id": funnel}).record_id
        first = self.state["funnels"][-1]["stages"][0]
        text = self.refused("funnel.edit", {**good, "id": funnel, "stages": good["stages"][1:]})
        self.assertIn(f"„{first['name']}”", text)
        self.assertIn(f"„{opportunity['name']}”", text)
        renamed = [{**good["stages"][0], "name": "Pierwszy kontakt"}, *good["stages"][1:]]
        self.ok("funnel.edit", {**good, "id": funnel, "stages": renamed})
        record = next(o for o in self.state["opportunities"] if o["id"] == made)
        self.assertEqual(record["stage"], first["id"])

    def test_the_starting_funnel_is_neither_edited_nor_deleted(self):
        funnel = self.state["funnels"][0]
        self.assertIn("danych startowych", self.refused("funnel.edit", {"id": funnel["id"], "name": "X", "stages": []}))
        self.assertIn("danych startowych", self.refused("funnel.delete", {"id": funnel["id"]}))

    def test_a_funnel_with_opportunities_is_not_deleted(self):
        funnel = self.ok("funnel.create", step("z2e2-lejek-serwis", "funnel.create", self.state)).record_id
        opportunity = step("z2e5-nowa-szansa", "opportunity.create", self.state)
        self.ok("opportunity.create", {**opportunity, "funnel_id": funnel})
        self.assertIn(f"„{opportunity['name']}”", self.refused("funnel.delete", {"id": funnel}))
        self.ok("opportunity.delete", {"id": self.state["opportunities"][-1]["id"]})
        self.ok("funnel.delete", {"id": funnel})
        self.assertEqual(len(self.state["funnels"]), 1)


class Reports(Base):
    def test_a_saved_report_is_updated_replaced_and_deleted(self):
        good = step("z2e3-forma-prezentacji", "report.save", self.state)
        made = self.ok("report.save", {**good, "spec": {**good["spec"], "chart": "none"}}).record_id
        self.assertLess(check_task(self.state, "z2e3-forma-prezentacji")["score"], 1)
        self.assertIn("Zastąp", self.refused("report.save", good))
        self.ok("report.save", {**good, "replace": True})
        self.assertEqual(len(self.state["reports"]), 1)
        self.assertEqual(check_task(self.state, "z2e3-forma-prezentacji")["score"], 1)
        self.ok("report.update", {"id": made, "name": "Inna nazwa", "spec": good["spec"]})
        self.assertEqual(self.state["reports"][0]["name"], "Inna nazwa")
        self.assertIn("Usunięto raport „Inna nazwa”", self.ok("report.delete", {"id": made}).messages[0])
        self.assertEqual(self.state["reports"], [])


class Deleting(Base):
    def test_a_firm_goes_only_once_nothing_points_at_it(self):
        company = step("z1e2-nowy-klient", "company.create", self.state)
        company_id = self.ok("company.create", company).record_id
        person = {**step("z1e2-nowy-klient", "contact.create", self.state), "company_id": company_id}
        person_id = self.ok("contact.create", person).record_id
        text = self.refused("company.delete", {"id": company_id})
        self.assertIn(f"{person['first_name']} {person['last_name']}", text)
        self.ok("contact.delete", {"id": person_id})
        self.assertIn(f"Usunięto firmę „{company['name']}”", self.ok("company.delete", {"id": company_id}).messages[0])

    def test_starting_records_are_not_deleted(self):
        for collection, action in (("companies", "company.delete"), ("contacts", "contact.delete"),
                                   ("opportunities", "opportunity.delete"), ("activities", "activity.delete"),
                                   ("templates", "template.delete")):
            self.assertIn("danych startowych", self.refused(action, {"id": self.state[collection][0]["id"]}), collection)

    def test_an_opportunity_goes_with_its_tasks_and_says_so(self):
        opportunity = step("z2e5-nowa-szansa", "opportunity.create", self.state)
        made = self.ok("opportunity.create", opportunity).record_id
        activity = step("z2e5-nowa-szansa", "activity.create", self.state)
        self.ok("activity.create", {**activity, "opportunity_id": made})
        messages = self.ok("opportunity.delete", {"id": made}).messages
        self.assertIn(activity["title"], " ".join(messages))
        self.assertFalse([a for a in self.state["activities"] if a["opportunity_id"] == made])

    def test_a_person_counted_by_an_export_stays_until_the_export_goes(self):
        firm = self.state["companies"][0]["id"]
        person = self.ok("contact.create", {"company_id": firm, "first_name": "Ewa", "last_name": "Nowa",
                                            "email": "ewa.nowa@firma.example"}).record_id
        export = self.ok("export.create", step("z1e2-eksport-kampanii", "export.create", self.state)).record_id
        self.assertIn("eksporty", self.refused("contact.delete", {"id": person}))
        self.ok("export.delete", {"id": export})
        self.ok("contact.delete", {"id": person})

    def test_own_templates_activities_and_goals_are_deleted(self):
        template = self.ok("template.create", step("z2e4-szablon", "template.create", self.state)).record_id
        goal = self.ok("goal.create", step("z2e2-cel-smart", "goal.create", self.state)).record_id
        plan = step("z2e1-plan-tygodnia", "activity.create", self.state)
        activity = self.ok("activity.create", plan).record_id
        for action, record_id in (("template.delete", template), ("goal.delete", goal), ("activity.delete", activity)):
            self.ok(action, {"id": record_id})
        self.assertIn("Tego już nie ma", self.refused("goal.delete", {"id": goal}))


class ResetOneTask(unittest.TestCase):
    def test_each_task_starts_again_and_the_others_keep_their_scores(self):
        state = fresh_state(4, TODAY)
        for t in all_tasks():
            state, _ = apply_solution(state, t.id)
        state = json.loads(api.check(json.dumps(state), all_tasks()[0].id, ""))["state"]   # a kept result too
        before = {t.id: check_task(state, t.id)["score"] for t in all_tasks()}
        fresh = fresh_state(4, TODAY)
        for t in all_tasks():
            with self.subTest(task=t.id):
                after, reply = actions.apply(state, "task.reset", {"task": t.id})
                self.assertTrue(reply.ok, reply.errors)
                read_state(state_text(after))
                self.assertEqual(check_task(after, t.id)["score"], check_task(fresh, t.id)["score"])
                self.assertNotIn(t.id, after["results"])
                self.assertNotIn(t.id, after["answers"])
                others = {u.id: check_task(after, u.id)["score"] for u in all_tasks() if u.id != t.id}
                self.assertEqual(others, {k: v for k, v in before.items() if k != t.id})

    def test_the_confirmation_names_what_comes_back_and_what_goes(self):
        state = fresh_state(4, TODAY)
        state, _ = apply_solution(state, "z2e2-lejek-serwis")
        state, _ = apply_solution(state, "z1e2-bledny-nip")
        funnel = state["funnels"][-1]["name"]
        lines = " ".join(task_reset.describe(state, "z2e2-lejek-serwis"))
        self.assertIn(f"„{funnel}”", lines)
        self.assertIn("Pozostałe zadania", lines)
        fixed = [c["name"] for c in state["companies"] if c != fresh_state(4, TODAY)["companies"][state["companies"].index(c)]]
        self.assertTrue(all(f"„{name}”" in " ".join(task_reset.describe(state, "z1e2-bledny-nip")) for name in fixed[:4]))
        self.assertIn("nic się nie zmieni", " ".join(task_reset.describe(fresh_state(4, TODAY), "z2e2-lejek-serwis")))

    def test_a_firm_touched_by_two_tasks_keeps_the_other_tasks_fields(self):
        state = fresh_state(4, TODAY)
        state, _ = apply_solution(state, "z1e2-segmentacja")
        start = fresh_state(4, TODAY)
        target = next(c for c in state["companies"] if c["segment"] != next(s for s in start["companies"] if s["id"] == c["id"])["segment"])
        state, _ = actions.apply(state, "company.edit", {"id": target["id"], "notes": "Notatka z innego zadania"})
        after, _ = actions.apply(state, "task.reset", {"task": "z1e2-segmentacja"})
        kept = next(c for c in after["companies"] if c["id"] == target["id"])
        self.assertEqual(kept["notes"], "Notatka z innego zadania")
        self.assertEqual(kept["segment"], next(s for s in start["companies"] if s["id"] == target["id"])["segment"])

    def test_not_in_the_mock_exam(self):
        state = {**fresh_state(4, TODAY), "exam": {}}
        _, reply = actions.apply(state, "task.reset", {"task": all_tasks()[0].id})
        self.assertFalse(reply.ok)


class Messages(Base):
    def test_duplicate_names_are_refused_by_name_without_internal_ids(self):
        company, opportunity = self.state["companies"][0], self.state["opportunities"][0]
        self.assertIn(company["name"], self.refused("company.edit", {"id": self.state["companies"][1]["id"], "name": company["name"]}))
        self.refused("opportunity.edit", {"id": self.state["opportunities"][1]["id"], "name": opportunity["name"]})
        self.refused("template.create", {"name": self.state["templates"][0]["name"], "subject": "x", "body": "y"})
        self.refused("funnel.create", {"name": self.state["funnels"][0]["name"], "stages": []})
        self.refused("contact.create", {"company_id": "F999", "first_name": "A", "last_name": "B", "email": "a@b.example"})


class Csv(Base):
    def test_phone_numbers_are_written_as_numbers_and_formulas_stay_neutralised(self):
        phone = self.state["contacts"][0]["phone"] or "+48 601 234 567"
        self.assertEqual(csv_cell(phone), phone)
        for formula in ("=HYPERLINK(\"http://x\")", "+48-601", "+1+1", "-2+3", "@SUM(A1)", "+48 601 cmd|' /C calc'!A0"):
            self.assertEqual(csv_cell(formula), "'" + formula, formula)

    def test_the_dataset_files_name_stages(self):
        files = api.dataset_as_csv(3, TODAY)
        names = {s["name"] for f in self.state["funnels"] for s in f["stages"]}
        ids = {s["id"] for f in self.state["funnels"] for s in f["stages"]}
        for name, column in (("szanse.csv", "Etap"), ("zadania.csv", "Etap lejka")):
            rows = list(csv.DictReader(io.StringIO(files[name]), delimiter=";"))
            shown = {r[column] for r in rows if r[column]}
            self.assertTrue(shown, name)
            self.assertLessEqual(shown, names, name)
            self.assertFalse(shown & ids, name)


if __name__ == "__main__":
    unittest.main()
