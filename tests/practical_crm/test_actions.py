"""Every change to the practice CRM goes through an action that checks its input field by field
and refuses impossible moves with a reason; a refused action leaves the state untouched."""

import copy
import json
import unittest

from practical_modules.crm import actions
from practical_modules.crm.dataset import fresh_state

TODAY = "2026-03-02"


class Base(unittest.TestCase):
    def setUp(self):
        self.state = fresh_state(6, TODAY)
        self.owner = next(p["name"] for p in self.state["seller"]["team"] if p["role"] == "handlowiec")

    def ok(self, name, payload):
        self.state, reply = actions.apply(self.state, name, payload)
        self.assertTrue(reply.ok, reply.errors)
        return reply

    def refused(self, name, payload) -> dict:
        before = copy.deepcopy(self.state)
        after, reply = actions.apply(self.state, name, payload)
        self.assertFalse(reply.ok)
        self.assertEqual(after, before)  # nothing changed
        self.assertEqual(self.state, before)
        return reply.errors

    def open_in(self, position):
        stage = self.state["funnels"][0]["stages"][position]
        return next(o for o in self.state["opportunities"] if o["status"] == "otwarta" and o["stage"] == stage["id"])


class Companies(Base):
    def company(self, **changes):
        return {"name": "Nowa Firma sp. z o.o.", "legal_form": "sp. z o.o.", "nip": "123-456-32-18", "city": "Kraków",
                "voivodeship": "małopolskie", "industry": "handel", "size": "mała", "status": "lead", "owner": self.owner,
                **changes}

    def test_create_with_forgiving_choices_and_history(self):
        reply = self.ok("company.create", self.company(voivodeship="MALOPOLSKIE", size="Mala", nip="1234563218"))
        record = next(c for c in self.state["companies"] if c["id"] == reply.record_id)
        self.assertEqual((record["voivodeship"], record["size"], record["nip"]), ("małopolskie", "mała", "123-456-32-18"))
        self.assertEqual(record["history"][0]["text"], "Dodano firmę do bazy.")

    def test_every_wrong_field_gets_its_own_message(self):
        errors = self.refused("company.create", self.company(nip="1234563219", postcode="31-00", email="biuro@",
                                                             size="ogromna", name=""))
        self.assertIn("cyfrę kontrolną", errors["nip"])
        self.assertIn("00-950", errors["postcode"])
        self.assertIn("@", errors["email"])
        self.assertIn("do wyboru: mikro, mała, średnia, duża", errors["size"])
        self.assertIn("wymagane", errors["name"])

    def test_duplicates_and_unknown_fields_are_refused(self):
        existing = self.state["companies"][0]
        errors = self.refused("company.create", self.company(name=existing["name"].upper()))
        self.assertIn("już jest w bazie", errors["name"])
        errors = self.refused("company.edit", {"id": existing["id"], "kolor": "zielony"})
        self.assertIn("Nieznane pola: kolor", errors["_"])
        message = self.refused("company.edit", {"id": "F999", "city": "Kraków"})["_"]
        self.assertIn("Nie ma już takiego rekordu", message)
        self.assertNotIn("F999", message)  # internal ids are never shown

    def test_edit_records_what_changed(self):
        company = self.state["companies"][0]
        self.ok("company.edit", {"id": company["id"], "segment": "A – kluczowi", "city": "Radom"})
        self.assertIn("Segment", self.state["companies"][0]["history"][-1]["text"])
        self.assertEqual(self.state["companies"][0]["history"][-1]["date"], TODAY)


class Contacts(Base):
    def test_consent_needs_its_date_and_no_future(self):
        company = self.state["companies"][0]["id"]
        base = {"company_id": company, "first_name": "Ewa", "last_name": "Test", "email": "ewa.test@firma.example"}
        errors = self.refused("contact.create", {**base, "consent_email": "udzielona"})
        self.assertIn("datę", errors["consent_email_date"])
        errors = self.refused("contact.create", {**base, "consent_email": "udzielona", "consent_email_date": "2030-01-01"})
        self.assertIn("późniejsza niż dziś", errors["consent_email_date"])
        errors = self.refused("contact.create", {**base, "email": "", "phone": ""})
        self.assertIn("e-mail albo telefon", errors["email"])
        self.assertIn("PESEL", self.refused("contact.create", {**base, "pesel": "44051401358"})["pesel"])
        reply = self.ok("contact.create", {**base, "consent_email": "udzielona", "consent_email_date": "2026-02-27"})
        self.assertTrue(reply.record_id.startswith("K"))

    def test_a_kept_consent_after_an_objection_is_allowed_but_warned(self):
        contact = self.state["contacts"][0]
        reply = self.ok("contact.edit", {"id": contact["id"], "objection": "2026-03-01", "consent_email": "udzielona",
                                         "consent_email_date": "2025-01-01"})
        self.assertTrue(any("art. 21 ust. 3 RODO" in m for m in reply.messages))


class Opportunities(Base):
    def test_moving_forward_needs_the_activities_that_close_each_stage(self):
        opportunity = self.open_in(0)
        stages = self.state["funnels"][0]["stages"]
        for a in self.state["activities"]:  # none of its activities done yet
            if a["opportunity_id"] == opportunity["id"]:
                a["status"] = "do zrobienia"
        errors = self.refused("opportunity.move", {"id": opportunity["id"], "stage": stages[2]["name"]})
        for kind in stages[0]["required"] + stages[1]["required"]:
            self.assertIn(f"„{kind}”", errors["stage"])
        self.ok("activity.create", {"title": "Telefon", "kind": stages[0]["required"][0], "due": TODAY, "priority": "średni",
                                    "owner": self.owner, "opportunity_id": opportunity["id"], "done": True})
        reply = self.ok("opportunity.move", {"id": opportunity["id"], "stage": stages[1]["name"].lower()})
        moved = next(o for o in self.state["opportunities"] if o["id"] == opportunity["id"])
        self.assertEqual((moved["stage"], moved["probability"]), (stages[1]["id"], stages[1]["probability"]))
        self.assertIn(f"z etapu {stages[0]['name']} do etapu {stages[1]['name']}", moved["history"][-1]["text"])
        self.assertIn(f"{stages[1]['probability']}%", reply.messages[0])
        self.assertIn("już jest", self.refused("opportunity.move", {"id": opportunity["id"], "stage": stages[1]["id"]})["stage"])

    def test_lost_needs_a_reason_and_closed_ones_cannot_change(self):
        opportunity = self.open_in(1)
        self.assertIn("powód", self.refused("opportunity.lose", {"id": opportunity["id"]})["reason"].lower())
        self.assertIn("opisz", self.refused("opportunity.lose", {"id": opportunity["id"], "reason": "inne"})["note"])
        self.ok("opportunity.lose", {"id": opportunity["id"], "reason": "Cena"})
        lost = next(o for o in self.state["opportunities"] if o["id"] == opportunity["id"])
        self.assertEqual((lost["status"], lost["probability"], lost["lost_reason"], lost["last_stage"]),
                         ("przegrana", 0, "cena", opportunity["stage"]))
        self.assertIn("zamknięta", self.refused("opportunity.edit", {"id": lost["id"], "value": 5})["_"])
        self.assertIn("zamknięta", self.refused("opportunity.win", {"id": lost["id"]})["_"])
        self.ok("opportunity.reopen", {"id": lost["id"]})
        reopened = next(o for o in self.state["opportunities"] if o["id"] == opportunity["id"])
        self.assertEqual((reopened["status"], reopened["stage"]), ("otwarta", opportunity["stage"]))

    def test_create_checks_contact_company_value_and_date(self):
        company = self.state["companies"][0]
        stranger = next(c for c in self.state["contacts"] if c["company_id"] != company["id"])
        errors = self.refused("opportunity.create", {"name": "Nowa szansa", "company_id": company["id"], "value": 0,
                                                     "contact_id": stranger["id"], "owner": self.owner,
                                                     "close_date": "2020-01-01"})
        self.assertEqual(set(errors), {"value", "contact_id", "close_date"})
        reply = self.ok("opportunity.create", {"name": "Nowa szansa", "company_id": company["id"], "value": "12 500,50",
                                               "owner": self.owner, "close_date": "2026-04-30"})
        record = next(o for o in self.state["opportunities"] if o["id"] == reply.record_id)
        first = self.state["funnels"][0]["stages"][0]
        self.assertEqual((record["value"], record["stage"], record["probability"]), (12500.5, first["id"], first["probability"]))


    def test_amounts_and_shares_as_people_type_them(self):
        company = self.state["companies"][0]
        new = {"company_id": company["id"], "owner": self.owner, "close_date": "2026-04-30"}
        for n, (value, probability) in enumerate((("12 500,50 zł", "25%"), ("12500.5 PLN", "25 %"), ("12\u00a0500,5", "25"))):
            reply = self.ok("opportunity.create", {**new, "name": f"Szansa {n}", "value": value, "probability": probability})
            record = next(o for o in self.state["opportunities"] if o["id"] == reply.record_id)
            self.assertEqual((record["value"], record["probability"]), (12500.5, 25))
        errors = self.refused("opportunity.create", {**new, "name": "Szansa", "value": "12 kg", "probability": "25 zł"})
        self.assertIn("Wpisz liczbę", errors["value"])
        self.assertIn("Wpisz liczbę", errors["probability"])


class FunnelsTemplatesOffers(Base):
    def test_funnel_editor_rules(self):
        errors = self.refused("funnel.create", {"name": "Serwis", "stages": [
            {"name": "Kontakt", "probability": 40, "plan": [{"title": "", "kind": "telefon", "day": 1}]},
            {"name": "kontakt", "probability": 30, "required": ["teleport"]},
            {"name": "Wygrana", "probability": 100}]})
        self.assertIn("tytuł", errors["stages.1.plan.1"])
        self.assertIn("już jest", errors["stages.2.name"])
        self.assertIn("większe niż w etapie poprzednim", errors["stages.2.probability"])
        self.assertIn("wymagane czynności", errors["stages.2.required"])
        self.assertIn("zawsze", errors["stages.3.name"])
        self.assertIn("od 2 do", self.refused("funnel.create", {"name": "X", "stages": [{"name": "A", "probability": 10}]})["stages"])

    def test_sending_an_offer_records_it_in_the_history_and_closes_the_offer_stage(self):
        offer_stage = next(s for s in self.state["funnels"][0]["stages"] if "oferta" in s["required"])
        opportunity = next(o for o in self.state["opportunities"]
                           if o["status"] == "otwarta" and o["stage"] == offer_stage["id"] and o["contact_id"])
        contact = next(c for c in self.state["contacts"] if c["id"] == opportunity["contact_id"])
        payload = {"template_id": "T001", "company_id": opportunity["company_id"], "contact_id": contact["id"],
                   "opportunity_id": opportunity["id"], "items": [{"product_id": "P002", "quantity": "2"}]}
        errors = self.refused("offer.send", {**payload, "items": [{"product_id": "P002", "quantity": 0}]})
        self.assertIn("ilość", errors["items.1"])
        reply = self.ok("offer.send", payload)
        company = next(c for c in self.state["companies"] if c["id"] == opportunity["company_id"])
        self.assertIn(contact["email"], company["history"][-1]["text"])
        self.assertIn("Wysłano ofertę", company["history"][-1]["text"])
        document = self.state["documents"][-1]
        self.assertEqual((document["id"], document["to"], document["date"]), (reply.record_id, contact["email"], TODAY))
        self.assertIn(company["name"], document["text"])
        self.assertNotIn("{{", document["text"])
        done = [a for a in self.state["activities"] if a["opportunity_id"] == opportunity["id"] and a["kind"] == "oferta"
                and a["status"] == "ukończone"]
        self.assertTrue(done)

    def test_preview_changes_nothing_and_warns_about_empty_tags(self):
        self.ok("template.edit", {"id": "T001", "body": "Dzień dobry {{kontakt.stanowisko}}"})
        company = self.state["companies"][0]
        contact = next(c for c in self.state["contacts"] if c["company_id"] == company["id"])
        contact["position"] = ""
        before = json.dumps(self.state, sort_keys=True)
        state, reply = actions.apply(self.state, "offer.preview", {"template_id": "T001", "company_id": company["id"],
                                                                     "contact_id": contact["id"],
                                                                     "items": [{"product_id": "P001", "quantity": 1}]})
        self.assertTrue(reply.ok)
        self.assertIn("{{kontakt.stanowisko}}", reply.messages[0])
        self.assertEqual(json.dumps(state, sort_keys=True), before)

    def test_unknown_action_and_bad_payload(self):
        self.assertIn("Dostępne", self.refused("company.explode", {})["_"])
        self.assertIn("słownik", self.refused("company.create", ["x"])["_"])
        self.assertIn("Nieznane ustawienie", self.refused("settings.security", {"root": True})["_"])
        self.assertIn("od 1 do 1440", self.refused("settings.security", {"session_timeout_min": 0})["session_timeout_min"])


if __name__ == "__main__":
    unittest.main()
