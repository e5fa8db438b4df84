"""Saved and imported CRM states: a good file loads as it was; a bad one is refused whole with
a Polish reason naming the record and field, and the current state stays as it was."""

import json
import unittest

from practical_modules.crm import api
from practical_modules.crm.dataset import fresh_state
from practical_modules.crm.state import CrmStateError, read_state

TODAY = "2026-03-02"


class Loading(unittest.TestCase):
    def setUp(self):
        self.state = fresh_state(4, TODAY)
        self.text = json.dumps(self.state, ensure_ascii=False)

    def broken(self, change) -> str:
        data = json.loads(self.text)
        change(data)
        return json.dumps(data, ensure_ascii=False)

    def refused(self, text: str) -> str:
        with self.assertRaises(CrmStateError) as caught:
            read_state(text)
        return str(caught.exception)

    def test_round_trip(self):
        self.assertEqual(read_state(self.text), self.state)
        exported = json.loads(api.export(self.text))
        self.assertTrue(exported["filename"].endswith(".json"))
        self.assertEqual(json.loads(api.load(exported["text"]))["state"], self.state)

    def test_bad_files_are_refused_with_a_reason(self):
        cases = {
            "": "pusty",
            "{": "JSON",
            "[]": "plik ćwiczeń",
            self.broken(lambda d: d.update(version=99)): "nowsza wersja",
            self.broken(lambda d: d.update(dataset=0)): "innej wersji danych",
            self.broken(lambda d: d.update(seed="7")): "seed",
            self.broken(lambda d: d.update(today="2026-02-30")): "today",
            self.broken(lambda d: d.update(extra=1)): "Nieznane pola",
            self.broken(lambda d: d.pop("contacts")): "brakuje pól",
            self.broken(lambda d: d["companies"][2].update(nip=123)): "Firma F003 (pole „NIP”)",
            self.broken(lambda d: d["companies"][2].update(city="")): "wymagane",
            self.broken(lambda d: d["contacts"][0].update(company_id="F999")): "F999",
            self.broken(lambda d: d["opportunities"][0].update(stage="E99")): "nie należy do jej lejka",
            self.broken(lambda d: d["opportunities"][0].update(value=-5)): "nieujemna",
            self.broken(lambda d: d["opportunities"][0].update(probability=101)): "od 0 do 100",
            self.broken(lambda d: d["activities"].append(dict(d["activities"][0]))): "powtarza się",
            self.broken(lambda d: d["settings"]["security"].update(export_roles=["wszyscy"])): "export_roles",
            self.broken(lambda d: d["companies"][0]["history"].append({"date": "x"})): "historia",
            self.broken(lambda d: d["reports"].append({"id": "R001", "name": "X", "spec": {"source": "opportunities",
                                                                                          "fields": ["name"], "group_by": "kolor"}})):
                "Raport R001",
            self.broken(lambda d: d["exports"].append({"id": "E001", "name": "X", "purpose": "y", "date": TODAY, "csv": "",
                                                       "base_size": 1, "contact_ids": ["K999"],
                                                       "spec": {"source": "contacts", "fields": ["email"]}})): "Eksport E001",
            self.broken(lambda d: d["documents"].append({"id": "D001", "company_id": "F001", "items": "dużo"})): "Dokument D001",
        }
        for text, expected in cases.items():
            with self.subTest(expected=expected):
                self.assertIn(expected, self.refused(text))

    def test_saved_reports_are_kept_in_their_checked_form(self):
        data = json.loads(self.text)
        data["reports"].append({"id": "R001", "name": "Duże szanse", "spec": {
            "source": "opportunities", "fields": ["name"], "filters": [{"field": "value", "op": ">", "value": "10 000"}]}})
        loaded = read_state(json.dumps(data))
        self.assertEqual(loaded["reports"][0]["spec"]["filters"], [{"field": "value", "op": ">", "value": 10000.0}])

    def test_a_bad_import_changes_nothing(self):
        before = json.dumps(self.state, sort_keys=True)
        answer = json.loads(api.load(self.broken(lambda d: d["contacts"][0].update(company_id="F999"))))
        self.assertFalse(answer["ok"])
        self.assertTrue(answer["error"].startswith("Osoba kontaktowa K001"))
        self.assertNotIn("state", answer)
        self.assertEqual(json.dumps(self.state, sort_keys=True), before)

    def test_oversized_and_deeply_nested_files_are_refused(self):
        self.assertIn("za duży", self.refused(" " * (5 * 1024 * 1024 + 1) + "{}"))
        self.assertIn("zagnieżdżone", self.refused("[" * 100000 + "]" * 100000))
        self.assertIn("zagnieżdżone", self.refused('{"a":' * 50000 + "1" + "}" * 50000))
        self.assertEqual(read_state(json.dumps({**self.state, "seller": {**self.state["seller"], "name": "[[[[" * 100}}))["seller"]["name"], "[[[[" * 100)


if __name__ == "__main__":
    unittest.main()
