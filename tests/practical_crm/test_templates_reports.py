"""Offer templates (only known tags, nothing run, everything escaped) and reports (filters, groups,
aggregates, charts, CSV) of the practice CRM."""

import csv
import io
import unittest

from practical_modules.crm import actions
from practical_modules.crm.dataset import fresh_state
from practical_modules.crm.reports import build_report, clean_spec, csv_cell, selected
from practical_modules.crm.templates import TAGS, substitute, tag_problems, to_html

TODAY = "2026-03-02"


class Templates(unittest.TestCase):
    def test_known_tags_are_replaced_and_nothing_else(self):
        values = {"firma.nazwa": "Termix sp. z o.o."}
        self.assertEqual(substitute("Oferta dla {{firma.nazwa}} i {{ firma.nazwa }}", values),
                         "Oferta dla Termix sp. z o.o. i Termix sp. z o.o.")
        self.assertEqual(substitute("{{__class__}} {{ 7*7 }} {% for x in y %}", values), "{{__class__}} {{ 7*7 }} {% for x in y %}")

    def test_unknown_tags_are_listed_with_the_available_ones(self):
        problems = tag_problems("Dzień dobry {{__class__}}, {{firma.nazwa}} {{kontakt.telefonn}}")
        self.assertEqual(len(problems), 1)
        self.assertIn("{{__class__}}", problems[0])
        self.assertIn("{{kontakt.telefonn}}", problems[0])
        for tag in TAGS:
            self.assertIn("{{" + tag + "}}", problems[0])
        self.assertEqual(tag_problems("Temat {{firma.nazwa}}"), [])
        self.assertIn("nie jest domknięty", tag_problems("Temat {{firma.nazwa")[0])

    def test_html_escapes_template_text_and_values_apart(self):
        html = to_html("<script>alert(1)</script>\n{{firma.nazwa}}\n\nDrugi akapit", {"firma.nazwa": "<b>A&B</b>"})
        self.assertNotIn("<script>", html)
        self.assertNotIn("<b>", html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;b&gt;A&amp;B&lt;/b&gt;", html)
        self.assertEqual(html.count("<p>"), 2)

    def test_a_template_with_a_payload_is_refused_and_sends_nothing(self):
        state = fresh_state(1, TODAY)
        after, reply = actions.apply(state, "template.create",
                                     {"name": "Zły", "subject": "Oferta", "body": "Hej {{__class__.__mro__}}"})
        self.assertFalse(reply.ok)
        self.assertIn("Nieznane znaczniki", reply.errors["body"])
        self.assertIs(after, state)

    def test_offer_preview_escapes_a_hostile_company_name(self):
        state = fresh_state(1, TODAY)
        state, reply = actions.apply(state, "company.edit", {"id": "F001", "name": "<img src=x onerror=alert(1)>"})
        self.assertTrue(reply.ok, reply.errors)
        contact = next(c for c in state["contacts"] if c["company_id"] == "F001")
        _, preview = actions.apply(state, "offer.preview", {"template_id": "T001", "company_id": "F001",
                                                             "contact_id": contact["id"],
                                                             "items": [{"product_id": "P001", "quantity": 2}]})
        self.assertTrue(preview.ok, preview.errors)
        self.assertNotIn("<img", preview.data["html"])
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", preview.data["html"])
        self.assertIn("<img src=x onerror=alert(1)>", preview.data["subject"])  # plain text: the page shows it as text


class Reports(unittest.TestCase):
    def setUp(self):
        self.state = fresh_state(2, TODAY)

    def spec(self, **parts):
        spec, errors = clean_spec(self.state, {"source": "opportunities", "fields": ["name", "owner", "value"], **parts})
        self.assertEqual(errors, {})
        return spec

    def test_group_sum_equals_a_count_by_hand(self):
        stage = self.state["funnels"][0]["stages"][-1]
        report = build_report(self.state, self.spec(filters=[{"field": "stage", "op": "=", "value": stage["name"]}],
                                                    group_by="owner", aggregate="sum", measure="value", chart="bar"))
        by_hand = {}
        for o in self.state["opportunities"]:
            if o["status"] == "otwarta" and o["stage"] == stage["id"]:
                by_hand[o["owner"]] = by_hand.get(o["owner"], 0) + o["value"]
        self.assertEqual({g["label"]: g["value"] for g in report["groups"]}, by_hand)
        self.assertEqual(sorted(report["ids"]), sorted(o["id"] for o in self.state["opportunities"]
                                                       if o["status"] == "otwarta" and o["stage"] == stage["id"]))
        self.assertIn("<svg", report["chart"])
        for owner in by_hand:
            self.assertIn(owner, report["chart"])

    def test_filters_combine_and_compare_forgivingly(self):
        spec = self.spec(filters=[{"field": "status", "op": "=", "value": "WYGRANA"},
                                  {"field": "value", "op": ">=", "value": "10 000"}])
        rows = selected(self.state, spec)
        self.assertTrue(rows)
        self.assertTrue(all(o["status"] == "wygrana" and o["value"] >= 10000 for o in rows))

    def test_form_mistakes_are_named_per_field(self):
        _, errors = clean_spec(self.state, {"source": "opportunities", "fields": ["name"], "aggregate": "sum",
                                            "chart": "pie", "filters": [{"field": "owner", "op": ">", "value": "x"}]})
        self.assertIn("measure", errors)
        self.assertIn("grupowania", errors["chart"])
        self.assertIn("nie jest liczbą ani datą", errors["filters.1"])
        _, errors = clean_spec(self.state, {"source": "nic", "fields": ["name"]})
        self.assertIn("źródło", errors["source"])

    def test_line_chart_groups_months_in_order(self):
        report = build_report(self.state, self.spec(filters=[{"field": "status", "op": "=", "value": "wygrana"}],
                                                    group_by="closed_month", aggregate="count", chart="line"))
        labels = [g["label"] for g in report["groups"]]
        self.assertEqual(labels, sorted(labels))
        self.assertIn("polyline", report["chart"])

    def test_csv_is_semicolon_separated_and_cannot_run_formulas(self):
        self.state["companies"][0]["name"] = "=HYPERLINK(\"http://x\")"
        spec, errors = clean_spec(self.state, {"source": "companies", "fields": ["name", "city"]})
        self.assertEqual(errors, {})
        report = build_report(self.state, spec)
        rows = list(csv.reader(io.StringIO(report["csv"]), delimiter=";"))
        self.assertEqual(rows[0], ["Nazwa", "Miejscowość"])
        self.assertEqual(rows[1][0], "'=HYPERLINK(\"http://x\")")
        self.assertEqual(len(rows), len(self.state["companies"]) + 1)
        self.assertEqual(csv_cell("@SUM(A1)"), "'@SUM(A1)")
        self.assertEqual(csv_cell("Termix"), "Termix")

    def test_chart_labels_are_escaped(self):
        self.state["seller"]["team"][1]["name"] = "<script>x</script>"
        for o in self.state["opportunities"]:
            o["owner"] = "<script>x</script>"
        for kind in ("bar", "pie", "line"):
            report = build_report(self.state, self.spec(group_by="owner", aggregate="count", chart=kind))
            self.assertNotIn("<script>", report["chart"], kind)
            self.assertIn("&lt;script&gt;", report["chart"], kind)


if __name__ == "__main__":
    unittest.main()
