"""The practice system's screens as blocks and its forms back into actions: every screen draws for
a fresh variant, every form the screens offer is understood, and bad requests are refused in Polish."""

import json
import unittest

from practical_modules.crm import api, ui


def blocks_of(out):
    return out["screen"]["blocks"]


class CrmUiTest(unittest.TestCase):
    def setUp(self):
        self.state = json.loads(api.new(8, "2026-11-25"))["state"]

    def page(self, **request):
        return json.loads(api.page(json.dumps(self.state), json.dumps(request)))

    def params_for(self, name):
        first = {"firma": "companies", "osoba": "contacts", "szansa": "opportunities", "czynnosc": "activities"}
        return {"id": self.state[first[name]][0]["id"]} if name in first else {}

    def test_every_screen_draws_and_every_form_it_offers_is_understood(self):
        for name in ui.SCREENS:
            out = self.page(screen=name, params=self.params_for(name))
            self.assertTrue(out["ok"], (name, out.get("error")))
            forms = [b for b in blocks_of(out) if b["kind"] == "form"]
            forms += [b["answers"] for b in blocks_of(out) if b["kind"] == "task" and b.get("answers")]
            for form in forms:
                sent = self.page(screen=name, params=self.params_for(name), form=form["id"], fields={})
                self.assertTrue(sent["ok"], (name, form["id"], sent.get("error")))

    def test_a_refused_form_leaves_the_state_as_it_was(self):
        out = self.page(screen="firmy", form="create:companies", fields={"name": ["Nowa"]})
        self.assertFalse(out["reply"]["ok"])
        self.assertIn("nip", out["reply"]["errors"])
        self.assertEqual(out["state"], self.state)

    def test_unknown_screens_and_forms_are_refused_in_polish(self):
        self.assertIn("Nie ma ekranu", self.page(screen="nie-ma")["error"])
        self.assertIn("Nieznany formularz", self.page(screen="firmy", form="rm -rf", fields={})["error"])


if __name__ == "__main__":
    unittest.main()
