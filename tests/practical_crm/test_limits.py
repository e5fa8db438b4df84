"""The engine never writes a state its reader refuses: at the most records a list may hold, or near
the most bytes a saved state may take, the next change is refused with the limit named in Polish,
the state stays as it was and reads back; what a check or a handed-in exam adds afterwards still
fits. Text lengths, answers and the values a check keeps stay within what the reader takes too."""

import json
import unittest

from practical_modules.crm import actions, api, exam
from practical_modules.crm import identifiers as ids
from practical_modules.crm.dataset import fresh_state
from practical_modules.crm.state import LISTS, MAX_BYTES, MAX_RECORDS, WRITE_ROOM, read_state, size, state_text
from practical_modules.crm.tasks import all_tasks
from selfcheck.practical import MAX_ATTEMPTS
from tests.practical_crm import given
from tests.practical_crm.crowded import crowded

TODAY = "2026-03-02"
NOW = "2026-03-02T10:00:00+01:00"


def nip(n: int) -> str:
    """A valid NIP no company of the fresh or crowded states has."""
    first = 800_000_000 + n
    while ids.nip_check_digit(str(first)) == 10:
        first += 1_000
    return ids.format_nip(f"{first}{ids.nip_check_digit(str(first))}")


def creation(state: dict, key: str, n: int) -> tuple[str, dict]:
    """The action and payload that add record number n to the list `key` (the products have none)."""
    owner = state["seller"]["team"][1]["name"]
    company = next(c for c in state["companies"] if any(k["company_id"] == c["id"] and k["email"] for k in state["contacts"]))
    contact = next(k for k in state["contacts"] if k["company_id"] == company["id"] and k["email"])
    return {
        "companies": ("company.create", {"name": f"Nowa Firma {n} sp. z o.o.", "legal_form": "sp. z o.o.", "nip": nip(n),
                                         "city": "Kraków", "voivodeship": "małopolskie", "industry": "handel", "size": "mała",
                                         "status": "lead", "owner": owner}),
        "contacts": ("contact.create", {"company_id": company["id"], "first_name": "Ewa", "last_name": f"Nowa {n}",
                                        "email": f"ewa.nowa{n}@firma.example"}),
        "opportunities": ("opportunity.create", {"name": f"Nowa szansa {n}", "company_id": company["id"], "value": "1000",
                                                 "owner": owner, "close_date": "2026-04-30"}),
        "activities": ("activity.create", {"title": f"Telefon {n}", "kind": state["vocabulary"]["activity_kinds"][0],
                                           "due": TODAY, "priority": "średni", "owner": owner}),
        "templates": ("template.create", {"name": f"Szablon {n}", "subject": "Oferta dla {{firma.nazwa}}", "body": "Dzień dobry"}),
        "goals": ("goal.create", {"description": f"Cel {n}: więcej wygranych szans w tym kwartale.",
                                  "metric": "liczba wygranych szans", "target": "5", "start": TODAY, "deadline": "2026-06-30"}),
        "funnels": ("funnel.create", {"name": f"Lejek {n}", "stages": [{"name": "Kontakt", "probability": 10},
                                                                         {"name": "Oferta", "probability": 50}]}),
        "reports": ("report.save", {"name": f"Raport {n}", "spec": {"source": "opportunities", "fields": ["name"]}}),
        "exports": ("export.create", {"name": f"Eksport {n}", "purpose": "kampania", "fields": ["email"],   # one person:
                                      "filters": [{"field": "email", "op": "=", "value": contact["email"]}]}),  # kept small
        "documents": ("offer.send", {"template_id": state["templates"][0]["id"], "company_id": company["id"],
                                     "contact_id": contact["id"], "items": [{"product_id": state["products"][0]["id"],
                                                                            "quantity": "1"}]}),
    }[key]


class Base(unittest.TestCase):
    def ok(self, state, action, payload):
        after, reply = actions.apply(state, action, payload)
        self.assertTrue(reply.ok, (action, reply.errors))
        return after

    def refused(self, state, action, payload, words) -> None:
        before = json.dumps(state, sort_keys=True)
        after, reply = actions.apply(state, action, payload)
        self.assertFalse(reply.ok)
        self.assertIn(words, reply.errors["_"])
        self.assertIs(after, state)
        self.assertEqual(json.dumps(state, sort_keys=True), before)
        self.assertEqual(read_state(state_text(state)), state)


class RecordsTest(Base):
    def test_a_list_at_its_limit_takes_no_more_and_still_reads_back(self):
        for key in LISTS:
            if key == "products":
                continue   # no action adds a product
            with self.subTest(key=key):
                state = fresh_state(3, TODAY)
                if not state[key]:
                    state = self.ok(state, *creation(state, key, 0))
                state = crowded(state, MAX_RECORDS - 1, (key,))
                state = self.ok(state, *creation(state, key, 1))     # the last one the list takes
                self.assertEqual(len(state[key]), MAX_RECORDS)
                self.assertEqual(read_state(state_text(state)), state)
                self.refused(state, *creation(state, key, 2), f"najwyżej {MAX_RECORDS} ")

    def test_an_offer_that_would_add_a_task_past_the_limit_is_refused_whole(self):
        state = fresh_state(3, TODAY)
        opportunity = next(o for o in state["opportunities"] if o["status"] == "otwarta" and o["contact_id"])
        contact = next(k for k in state["contacts"] if k["id"] == opportunity["contact_id"])
        state = crowded(state, MAX_RECORDS, ("activities",))
        offer = {"template_id": state["templates"][0]["id"], "company_id": opportunity["company_id"], "contact_id": contact["id"],
                 "opportunity_id": opportunity["id"], "items": [{"product_id": state["products"][0]["id"], "quantity": "1"}]}
        self.refused(state, "offer.send", offer, f"najwyżej {MAX_RECORDS} zadań")
        self.assertEqual(state["documents"], [])

    def test_every_list_has_its_words(self):
        self.assertEqual(set(actions.LIST_WORDS), set(LISTS))


def filled(state: dict, target: int) -> dict:
    """`state` with long notes on copies of its companies, its text one or two bytes under `target`."""
    note = "ż" * 5000   # two bytes a letter, and nothing to escape
    state = crowded(state, len(state["companies"]) + (target - size(state_text(state))) // (2 * len(note)), ("companies",))
    left = target - size(state_text(state))
    for company in state["companies"]:
        added = note[:min(len(note), (left + 2 * len(company["notes"])) // 2)]
        left -= 2 * (len(added) - len(company["notes"]))
        company["notes"] = added
    assert 0 <= target - size(state_text(state)) <= 1
    return state


class BytesTest(Base):
    @classmethod
    def setUpClass(cls):
        cls.text = state_text(filled(fresh_state(3, TODAY), MAX_BYTES - WRITE_ROOM - 300))

    def setUp(self):
        self.state = read_state(self.text)

    def test_a_change_that_would_make_the_state_too_large_is_refused(self):
        contact, company = self.state["contacts"][0], self.state["companies"][0]
        self.refused(self.state, "contact.edit", {"id": contact["id"], "notes": "ż" * 5000}, "ponad 5 MB")
        smaller = self.ok(self.state, "company.edit", {"id": company["id"], "city": "Opole"})
        self.assertEqual(read_state(state_text(smaller)), smaller)

    def test_what_checks_add_after_the_last_change_still_reads_back(self):
        state = self.state
        for task in all_tasks():
            api._check(state, task.id, NOW)
        self.assertLessEqual(size(state_text(state)), MAX_BYTES)
        self.assertEqual(read_state(state_text(state)), state)

    def test_what_a_handed_in_exam_adds_still_reads_back(self):
        history = [{"started": NOW, "finished": NOW, "score": 0.5, "tasks": 6, "seed": 1, "timed_out": False,
                    "criteria": {}}] * 60
        state = exam.start(given.qualification_sets(), 5, TODAY, NOW, history)
        state = filled(state, MAX_BYTES - WRITE_ROOM - 300)
        exam.finish(state, NOW)
        self.assertLessEqual(size(state_text(state)), MAX_BYTES)
        self.assertEqual(read_state(state_text(state)), state)

    def test_the_export_file_is_the_text_measured(self):
        exported = json.loads(api.export(self.text))["text"]
        self.assertEqual(exported, self.text)
        self.assertEqual(read_state(exported), self.state)


class ValuesTest(Base):
    def setUp(self):
        self.state = fresh_state(3, TODAY)

    def test_texts_longer_than_the_reader_takes_are_refused(self):
        company = self.state["companies"][0]
        errors = actions.apply(self.state, "company.edit", {"id": company["id"], "notes": "a" * 5001, "city": "K" * 201})[1].errors
        self.assertIn("Najwyżej 5000 znaków", errors["notes"])
        self.assertIn("Najwyżej 200 znaków", errors["city"])

    def test_answers_only_to_this_sites_tasks_and_only_so_many(self):
        self.refused(self.state, "answer", {"task": "nie-ma", "values": {"a": "1"}}, "Nie ma takiego zadania")
        task = all_tasks()[0].id
        state = self.ok(self.state, "answer", {"task": task, "values": {f"k{n}": "x" for n in range(actions.MAX_ANSWERS)}})
        self.refused(state, "answer", {"task": task, "values": {"jeszcze": "x"}}, f"najwyżej {actions.MAX_ANSWERS}")
        self.assertEqual(read_state(state_text(state)), state)

    def test_a_check_keeps_what_the_reader_takes(self):
        task = all_tasks()[0].id
        self.state["results"][task] = {"attempts": MAX_ATTEMPTS, "last": 0.0, "best": 0.0, "at": ""}
        api._check(self.state, task, "2026-03-02T10:00:00.123456+01:00" + "0" * 20)   # not a moment the reader takes
        self.assertEqual((self.state["results"][task]["attempts"], self.state["results"][task]["at"]), (MAX_ATTEMPTS, ""))
        self.assertEqual(read_state(state_text(self.state)), self.state)

    def test_an_exam_starts_only_at_a_moment_the_reader_takes(self):
        self.assertIn("ISO 8601", json.loads(api.exam_start("", 5, "2026-11-25T08:00:00.000000+01:00:00.000000"))["error"])


if __name__ == "__main__":
    unittest.main()
