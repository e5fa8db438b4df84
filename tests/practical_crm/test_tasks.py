"""Practical tasks: for every task and several seeds the model solution, carried out through the
actions, earns full credit; a fresh CRM does not; typical mistakes get the feedback meant for them,
naming the record and the field; partial credit is the weighted share of what is right."""

import re
import unittest
from datetime import date, timedelta

from practical_modules.crm import actions
from practical_modules.crm import configuration
from practical_modules.crm.dataset import fresh_state
from practical_modules.crm.definitions import definition_problems
from practical_modules.crm.tasks import all_tasks, apply_solution, check_task, flatten, task, task_view, variant_for
from practical_modules.crm.templates import TAGS, tags_in
from practical_modules.crm.world import world_problems
from selfcheck.polish import number

TODAY = "2026-03-02"
SEEDS = (1, 2, 3)


def feedback(result: dict) -> str:
    return " ".join(c["feedback"] for c in result["checks"])


class ModelSolutions(unittest.TestCase):
    def test_every_task_is_solved_by_its_model_solution_and_not_by_doing_nothing(self):
        for seed in SEEDS:
            start = fresh_state(seed, TODAY)
            for t in all_tasks():
                with self.subTest(seed=seed, task=t.id):
                    before = check_task(start, t.id)
                    self.assertLess(before["score"], 1)
                    self.assertTrue(before["hint"])
                    solved, replies = apply_solution(start, t.id)
                    self.assertEqual([r["errors"] for r in replies if not r["ok"]], [])
                    after = check_task(solved, t.id)
                    self.assertEqual(after["score"], 1, feedback(after))
                    self.assertTrue(after["complete"])
                    self.assertEqual(after["hint"], "")
                    self.assertTrue(after["solution"])
                    # Every tag of the brief is filled; only an offer template's own tags may be shown as they are.
                    self.assertLessEqual(set(tags_in(task_view(start, t.id)["brief"])), set(TAGS))

    def test_all_tasks_done_in_one_crm_do_not_get_in_each_others_way(self):
        for seed, order in ((4, 1), (5, -1)):
            state = fresh_state(seed, TODAY)
            for t in list(all_tasks())[::order]:
                state, replies = apply_solution(state, t.id)
                self.assertEqual([r["errors"] for r in replies if not r["ok"]], [], t.id)
            for t in all_tasks():
                result = check_task(state, t.id)
                self.assertEqual(result["score"], 1, (seed, t.id, feedback(result)))

    def test_numbers_read_from_the_base_count_as_people_type_them(self):
        state = fresh_state(1, TODAY)
        tags = flatten(variant_for(task("z2e1-odczyt"), state))
        typed = {"a": f"{tags['odczyt.a']} %", "b": f"{number(tags['odczyt.b'])} zł", "c": f"{tags['odczyt.c']:.2f} PLN"}
        state, _ = apply_solution(state, "z2e1-odczyt", lambda action, payload: {**payload, "values": typed})
        self.assertEqual(check_task(state, "z2e1-odczyt")["score"], 1, typed)

    def test_a_new_seed_gives_new_variants(self):
        for t in all_tasks():
            briefs = {task_view(fresh_state(seed, TODAY), t.id)["brief"] for seed in (1, 2, 3, 4)}
            self.assertGreater(len(briefs), 1, t.id)


class TypicalMistakes(unittest.TestCase):
    def attempt(self, task_id, change, seed=1, after=None):
        state = fresh_state(seed, TODAY)
        tags = flatten(variant_for(task(task_id), state))
        state, _ = apply_solution(state, task_id, lambda action, payload: change(action, payload, tags))
        if after:
            state = after(state, tags)
        result = check_task(state, task_id)
        self.assertLess(result["score"], 1)
        self.assertTrue(result["hint"])
        return result, tags

    def test_register_recorded_as_the_source_of_a_number_nobody_looked_up(self):
        def change(action, payload, tags):
            if action == "company.edit":
                register = next(i["register"] for i in tags["firmy.lista"] if i["id"] == payload["id"])
                return {**payload, "data_source": register}
            return payload
        result, tags = self.attempt("z1e1-rejestry", change)
        for item in tags["firmy.lista"]:
            self.assertIn(f"Firma „{item['name']}”: pole „Źródło danych rejestrowych” ma wartość „{item['register']}”; "
                          f"oczekiwano: „{item['heard_from']}”", feedback(result))
        self.assertIn("art. 5 ust. 1 lit. d i ust. 2 RODO", feedback(result))
        self.assertAlmostEqual(result["score"], 5 / 7, places=3)  # the registers (3) and REGON (2) of 7 are right

    def test_always_krs_does_not_pass_the_choice_of_register(self):
        for seed in range(1, 9):
            def change(action, payload, tags):
                return {**payload, "values": {k: "KRS" for k in payload["values"]}} if action == "answer" else payload
            result, tags = self.attempt("z1e1-rejestry", change, seed=seed)
            ceidg = [i for i in tags["firmy.lista"] if i["register"] == "CEIDG"]
            self.assertTrue(ceidg, seed)
            for item in ceidg:
                self.assertIn(f"„{item['question']}”: wybrano „KRS”, a to „CEIDG”", feedback(result))

    def test_one_channel_for_every_lead(self):
        for seed in (1, 2, 3):
            state = fresh_state(seed, TODAY)
            items = flatten(variant_for(task("z1e1-kanaly"), state))["leady.lista"]
            channel = "e-mail" if any("e-mail" not in i["allowed"] for i in items) else "list tradycyjny"
            wrong = [i for i in items if channel not in i["allowed"]]
            result, _ = self.attempt("z1e1-kanaly", lambda a, p, t: {**p, "channel": channel}, seed=seed)
            self.assertAlmostEqual(result["score"], 1 - len(wrong) / len(items), places=3)
            for item in wrong:
                self.assertIn(f"Firma „{item['name']}”: pole „Kanał pierwszego kontaktu” ma wartość „{channel}”", feedback(result))
                self.assertIn(item["why"], feedback(result))

    def test_consent_ticked_that_was_never_given(self):
        result, _ = self.attempt("z1e1-targi", lambda a, p, t: {**p, "consent_phone": "udzielona",
                                                                "consent_phone_date": t["targi.data"]})
        self.assertIn("pole „Zgoda na marketing telefoniczny i SMS” ma wartość „udzielona”; oczekiwano: „brak”", feedback(result))
        self.assertAlmostEqual(result["score"], 5 / 6, places=3)

    def test_size_guessed_instead_of_counted(self):
        def change(action, payload, tags):
            if action == "company.create":
                return {**payload, "size": "duża"}
            return payload
        result, tags = self.attempt("z1e2-nowy-klient", change)
        self.assertIn(f"pole „Wielkość” ma wartość „duża”; oczekiwano: „{tags['karta.wielkosc']}”", feedback(result))

    def test_only_one_nip_corrected(self):
        seen = []

        def change(action, payload, tags):
            seen.append(payload)
            return payload if len(seen) == 1 else None
        result, tags = self.attempt("z1e2-bledny-nip", change)
        left = tags["nip.bledne"][1:]
        for item in left:
            self.assertIn(f"Firma „{item['name']}”: pole „NIP” ma wartość „{item['wrong']}”; oczekiwano: „{item['expected']}”",
                          feedback(result))
        self.assertAlmostEqual(result["score"], (3 * (1 / 3) + 1) / 4, places=3)

    def test_whole_industry_put_in_the_key_segment(self):
        result, tags = self.attempt("z1e2-segmentacja", lambda a, p, t: {**p, "segment": t["seg.nazwa_a"]})
        text = feedback(result)
        self.assertIn(f"W grupie „{tags['seg.nazwa_a']}” nie powinno być", text)
        self.assertIn(f"W grupie „{tags['seg.nazwa_b']}” brakuje", text)
        self.assertIn(tags["seg.b"][0]["name"], text)

    def test_campaign_export_without_the_objection_filter_and_with_phones(self):
        def change(action, payload, tags):
            return {**payload, "fields": payload["fields"] + ["phone"],
                    "filters": [f for f in payload["filters"] if f["field"] != "objection"]}
        result, _ = self.attempt("z1e2-eksport-kampanii", change)
        self.assertIn("zgłoszono sprzeciw wobec marketingu", feedback(result))
        self.assertIn("Eksport zawiera pola, których wysyłka nie potrzebuje: Telefon", feedback(result))

    def test_everything_called_personal_data(self):
        result, tags = self.attempt("z1e3-typy-danych", lambda a, p, t: {**p, "values": {k: "osobowe" for k in p["values"]}})
        wrong = [i for i in tags["lista.pozycje"] if i["class"] != "osobowe"]
        self.assertAlmostEqual(result["score"], 1 - len(wrong) / len(tags["lista.pozycje"]), places=3)
        for item in wrong:
            self.assertIn(f"„{item['field']}”: wybrano „osobowe”, a to „{item['class']}”", feedback(result))

    def test_objection_left_with_its_consents_and_a_needed_note_deleted(self):
        def forget_objection(action, payload, tags):
            return None if payload.get("id") == tags["sprzeciw.id"] else payload

        def delete_needed_note(state, tags):
            kept = tags["notatki.zostaja"][0]
            state, reply = actions.apply(state, "contact.edit", {"id": kept["id"], "notes": ""})
            self.assertTrue(reply.ok)
            return state
        result, tags = self.attempt("z1e3-porzadki", forget_objection, after=delete_needed_note)
        text = feedback(result)
        self.assertIn(f"„{tags['sprzeciw.osoba']}”: pole „Zgoda na marketing e-mailem” nadal ma wartość „udzielona”", text)
        self.assertIn(f"„{tags['notatki.zostaja'][0]['name']}”: pole „Notatki” ma wartość puste", text)

    def test_security_policy_half_applied(self):
        result, tags = self.attempt("z1e3-zabezpieczenia", lambda a, p, t: {**p, "session_timeout_min": 60, "export_roles": []})
        text = feedback(result)
        self.assertIn(f"60; polityka wymaga: najwyżej {tags['polityka.wylogowanie']}", text)
        self.assertIn("żadna rola; polityka wymaga", text)

    def test_week_plan_with_one_priority_and_late_dates(self):
        def change(action, payload, tags):
            late = (date.fromisoformat(payload["due"]) + timedelta(days=7)).isoformat()
            return {**payload, "priority": "średni", "due": late}
        result, tags = self.attempt("z2e1-plan-tygodnia", change)
        text = feedback(result)
        self.assertIn("ma priorytet średni; oczekiwano: wysoki", text)
        self.assertIn("wymaga terminu od", text)

    def test_pipeline_read_wrong(self):
        result, tags = self.attempt("z2e1-odczyt", lambda a, p, t: {**p, "values": {**p["values"], "b": t["odczyt.b"] + 1000}})
        self.assertIn("nie zgadza się z danymi", feedback(result))
        self.assertAlmostEqual(result["score"], 2 / 3, places=3)

    def test_goal_without_growth_or_owner(self):
        result, tags = self.attempt("z2e2-cel-smart", lambda a, p, t: {**p, "target": t["cel.baza"], "owner": ""})
        text = feedback(result)
        self.assertIn("nie przekracza wyniku poprzedniego kwartału", text)
        self.assertIn(f"Osoba odpowiedzialna: puste; oczekiwano: „{tags['cel.opiekun']}”", text)
        result, tags = self.attempt("z2e2-cel-smart", lambda a, p, t: {**p, "target": t["cel.maks"] * 3})
        self.assertIn("przekracza realny wzrost", feedback(result))

    def test_funnel_offer_stage_without_its_rule_and_no_schedule(self):
        def change(action, payload, tags):
            stages = [{**s, "required": [], "plan": [{**step, "day": 0} for step in s["plan"]]} for s in payload["stages"]]
            return {**payload, "stages": stages}
        result, _ = self.attempt("z2e2-lejek-serwis", change)
        text = feedback(result)
        self.assertIn("nie wymaga wykonanego zadania rodzaju „oferta”", text)
        self.assertIn("Harmonogram nie rozkłada zadań w czasie", text)

    def test_report_with_a_pie_and_no_filter(self):
        def change(action, payload, tags):
            return {**payload, "spec": {**payload["spec"], "chart": "pie", "filters": []}}
        result, _ = self.attempt("z2e3-raport-opiekunowie", change)
        text = feedback(result)
        self.assertIn("pasuje wykres słupkowy (porównanie)", text)
        self.assertIn("nie spełniają warunków", text)

    def test_presentation_left_as_a_bare_table(self):
        result, tags = self.attempt("z2e3-forma-prezentacji",
                                    lambda a, p, t: {**p, "spec": {**p["spec"], "chart": "none"}})
        self.assertIn(f"Wybrano: tylko tabela; do tego celu pasuje {tags['raport.wykres_tekst']}", feedback(result))

    def test_template_with_a_client_typed_in(self):
        name = fresh_state(1, TODAY)["companies"][0]["name"]
        result, _ = self.attempt("z2e4-szablon", lambda a, p, t: {**p, "subject": f"Oferta dla {name}"})
        text = feedback(result)
        self.assertIn("Temat nie zawiera znacznika {{firma.nazwa}}", text)
        self.assertIn(f"na stałe wpisane dane konkretnego klienta („{name}”)", text)

    def test_offer_sent_outside_the_opportunity(self):
        def change(action, payload, tags):
            return {**payload, "opportunity_id": ""} if action == "offer.send" else payload
        result, tags = self.attempt("z2e4-wyslij-oferte", change)
        text = feedback(result)
        self.assertIn(f"nie jest powiązana z szansą „{tags['oferta.szansa']}”", text)
        self.assertIn(f"Szansa „{tags['oferta.szansa']}” jest nadal w etapie {tags['oferta.etap']}; oczekiwano: "
                      f"{tags['oferta.nastepny']}", text)

    def test_opportunity_valued_at_one_unit(self):
        def change(action, payload, tags):
            return {**payload, "value": tags["szansa.wartosc"] / tags["szansa.ilosc"]} if action == "opportunity.create" else payload
        result, tags = self.attempt("z2e5-nowa-szansa", change, seed=2)
        if tags["szansa.ilosc"] == 1:
            self.skipTest("a one-piece opportunity has no wrong unit value")
        self.assertIn("pole „Wartość netto” ma wartość", feedback(result))

    def test_stages_skipped(self):
        def change(action, payload, tags):
            if action == "opportunity.move":
                return payload if payload["stage"] == tags["szansa.cel"] else None
            return payload
        result, tags = self.attempt("z2e5-prowadzenie", change)
        self.assertIn("Przeskakiwanie etapów", feedback(result))
        stage_check = next(c for c in result["checks"] if c["label"].startswith("Szansa w etapie"))
        self.assertTrue(stage_check["passed"])

    def test_lost_with_another_reason(self):
        result, tags = self.attempt("z2e5-zamkniecie", lambda a, p, t: {**p, "reason": "brak decyzji klienta"}
                                    if a == "opportunity.lose" else p)
        self.assertIn(f"pole „Powód przegranej” ma wartość „brak decyzji klienta”; oczekiwano: „{tags['przegrana.powod']}”",
                      feedback(result))
        self.assertAlmostEqual(result["score"], 3 / 5, places=3)


class Definitions(unittest.TestCase):
    def test_shipped_task_files_and_world_follow_the_rules(self):
        self.assertEqual(definition_problems(configuration.task_files(), configuration.world(), None), [])
        self.assertEqual(world_problems(configuration.world()), [])

    def test_broken_definitions_are_reported_with_their_place(self):
        import copy
        files = copy.deepcopy(configuration.task_files())
        first = files[0]["tasks"][0]
        first["brief"] += " {{nie.ma}}"
        first["checks"][0]["kind"] = "wrozka"
        first["solution"]["steps"][0]["action"] = "company.burn"
        files[1]["tasks"][0]["id"] = first["id"]
        problems = definition_problems(files, configuration.world(), ["Z9.E9.K9"])
        messages = " | ".join(m for _, _, m in problems)
        self.assertIn("{{nie.ma}}", messages)
        self.assertIn("nieznany rodzaj sprawdzenia", messages)
        self.assertIn("krok ma pola action", messages)
        self.assertIn("jest już w pliku", messages)
        self.assertIn("nie jest kryterium tej kwalifikacji", messages)
        self.assertTrue(all(isinstance(path, tuple) for _, path, _ in problems))


class Coverage(unittest.TestCase):
    def test_tasks_cover_every_outcome_and_most_criteria_of_the_qualification(self):
        outcomes = {o["id"]: [c["id"] for c in o["criteria"]] for s in configuration.sets() for o in s["outcomes"]}
        criteria = {c for ids in outcomes.values() for c in ids}
        practised = {c for t in all_tasks() for c in t.criteria}
        self.assertLessEqual(practised, criteria)
        for outcome, ids in outcomes.items():
            self.assertTrue(practised & set(ids), f"no task practises {outcome}")
        self.assertEqual({t.outcome for t in all_tasks()}, set(outcomes))
        self.assertGreaterEqual(len(practised) / len(criteria), 0.7)
        self.assertGreaterEqual(len(all_tasks()), 16)


if __name__ == "__main__":
    unittest.main()


def _written_otherwise(payload: dict) -> dict:
    """A card's data as a person may type it: the legal form spelt out, no "ul.", "do spraw" for
    "ds.", "woj." before the voivodeship, a NIP without dashes, a phone without +48, other case."""
    out = dict(payload)
    for key in ("name", "legal_form"):
        if key in out:
            out[key] = out[key].replace("sp. z o.o.", "spółka z ograniczoną odpowiedzialnością")
    if "street" in out:
        out["street"] = out["street"].removeprefix("ul. ").upper()
    if "position" in out:
        out["position"] = out["position"].replace("ds.", "do spraw")
    if "voivodeship" in out:
        out["voivodeship"] = "woj. " + out["voivodeship"]
    if "nip" in out:
        out["nip"] = out["nip"].replace("-", "")
    if "phone" in out:
        out["phone"] = out["phone"].removeprefix("+48 ").replace(" ", "")
    for key in ("consent_email_date",):
        if out.get(key):
            year, month, day = out[key].split("-")
            out[key] = f"{int(day)}.{month}.{year} r."
    return out


class EquivalentForms(unittest.TestCase):
    """What a person would write for the same data earns full credit; a near miss does not."""

    def test_a_business_card_typed_in_other_accepted_forms_earns_full_credit(self):
        positions = set()
        for seed in range(1, 40):
            state = fresh_state(seed, TODAY)
            tags = flatten(variant_for(task("z1e2-nowy-klient"), state))
            positions.add(tags["osoba.stanowisko"])
            done, replies = apply_solution(state, "z1e2-nowy-klient", lambda action, payload: _written_otherwise(payload))
            self.assertEqual([r["errors"] for r in replies if not r["ok"]], [], seed)
            result = check_task(done, "z1e2-nowy-klient")
            self.assertEqual(result["score"], 1, (seed, feedback(result)))
        self.assertTrue(any("ds." in p for p in positions))  # the "do spraw" form was tried

    def test_a_contact_from_the_fair_typed_in_other_accepted_forms_earns_full_credit(self):
        for seed in (1, 2, 3):
            state = fresh_state(seed, TODAY)
            done, replies = apply_solution(state, "z1e1-targi", lambda action, payload: _written_otherwise(payload))
            self.assertEqual([r["errors"] for r in replies if not r["ok"]], [], seed)
            result = check_task(done, "z1e1-targi")
            self.assertEqual(result["score"], 1, (seed, feedback(result)))

    def test_a_near_miss_on_the_business_card_still_fails(self):
        state = fresh_state(1, TODAY)
        tags = flatten(variant_for(task("z1e2-nowy-klient"), state))
        street, number = tags["karta.ulica"].rsplit(" ", 1)
        wrong = {"street": f"{street} {int(number) + 1}", "name": tags["karta.firma"].replace("sp. z o.o.", "S.A."),
                 "position": tags["osoba.stanowisko"] + " sprzedaży"}
        for key, value in wrong.items():
            with self.subTest(key=key):
                done, _ = apply_solution(state, "z1e2-nowy-klient",
                                         lambda action, payload: {**payload, key: value} if key in payload else payload)
                result = check_task(done, "z1e2-nowy-klient")
                self.assertLess(result["score"], 1)
                self.assertIn(f"ma wartość „{value}”", feedback(result))

    def test_a_goal_sentence_names_the_target_as_a_number_not_as_part_of_another(self):
        state = fresh_state(1, TODAY)
        tags = flatten(variant_for(task("z2e2-cel-smart"), state))
        target = tags["cel.maks"]
        sentences = {f"Do {tags['cel.do_tekst']} r. sprzedać {target},0 usług firmom z branży {tags['cel.branza']}.": 1,
                     f"Do {tags['cel.do_tekst']} sprzedać {target}0 usług firmom z branży {tags['cel.branza']}.": 0,
                     f"Do {tags['cel.do_tekst']} sprzedać 1{target} usług firmom z branży {tags['cel.branza']}.": 0}
        for sentence, right in sentences.items():
            with self.subTest(sentence=sentence):
                done, _ = apply_solution(state, "z2e2-cel-smart", lambda action, payload: {**payload, "description": sentence})
                text = next(c for c in check_task(done, "z2e2-cel-smart")["checks"] if c["label"] == "Treść celu jednym zdaniem")
                self.assertEqual(text["score"], right, text["feedback"])

    def test_a_number_of_a_date_or_a_percentage_is_not_the_goals_target(self):
        state = fresh_state(1, TODAY)
        tags = flatten(variant_for(task("z2e2-cel-smart"), state))
        deadline = date.fromisoformat(tags["cel.do"])
        day, branch = deadline.day, f"firmom z branży {tags['cel.branza']}"
        rest = f"zwiększyć sprzedaż usługi „{tags['cel.usluga']}” {branch} o połowę."
        sentences = {f"Do {tags['cel.do_tekst']} {rest}": 0,
                     f"Do {deadline:%d.%m.%Y} {rest}": 0,
                     f"Do {deadline:%d.%m.%Y} r. {rest}": 0,
                     f"Do {deadline.isoformat()} {rest}": 0,
                     f"Do {day} VI {deadline.year} {rest}": 0,
                     f"Do {day} czerwiec {deadline.year} {rest}": 0,
                     f"Do {day} czerwca {rest}": 0,
                     f"Zwiększyć o {day}% sprzedaż usługi {branch} do końca czerwca {deadline.year}.": 0,
                     f"Zwiększyć o {day} proc. sprzedaż usługi {branch} do końca czerwca {deadline.year}.": 0,
                     f"Do {tags['cel.do_tekst']} sprzedać {day} usług {branch}.": 1,
                     f"Do {deadline:%d.%m.%Y} r. sprzedać {day} usług {branch}.": 1,
                     f"Sprzedać {day} usług {branch} do {deadline:%d.%m.%Y}.": 1,
                     f"Do {tags['cel.do_tekst']} zwiększyć o 50% sprzedaż usługi, do {day} usług {branch}.": 1}
        for sentence, right in sentences.items():
            with self.subTest(sentence=sentence):
                done, _ = apply_solution(state, "z2e2-cel-smart",
                                         lambda action, payload: {**payload, "description": sentence, "target": day})
                text = next(c for c in check_task(done, "z2e2-cel-smart")["checks"] if c["label"] == "Treść celu jednym zdaniem")
                self.assertEqual(text["score"], right, text["feedback"])


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_NOMINATIVE = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
               "październik", "listopad", "grudzień")


def _written_loosely(payload: dict) -> dict:
    """The same data in the other forms the second reader typed: a NIP as the EU VAT number, a
    postcode without its dash, a phone grouped by dots, "nr" before the house number, a compound
    name with a space for its hyphen, a title abbreviated ("spec.", "dyr.", "kier.", "d.s."), a date
    with a Roman month and no spaces or the month in the nominative."""
    out = dict(payload)
    if out.get("nip"):
        out["nip"] = "PL" + out["nip"].replace("-", "")
    if out.get("postcode"):
        out["postcode"] = out["postcode"].replace("-", "")
    if out.get("phone"):
        digits = out["phone"].removeprefix("+48 ").replace(" ", "")
        out["phone"] = f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"
    if out.get("street"):
        out["street"] = re.sub(r" (\d)", r" nr \1", out["street"], count=1)
    for key in ("voivodeship", "city"):
        if out.get(key):
            out[key] = out[key].replace("-", " ")
    if out.get("position"):
        short = {"s": "spec.", "d": "dyr.", "k": "kier."}
        out["position"] = re.sub(r"^(?:specjalist|dyrektor|kierowni)\w*", lambda m: short[m[0][0]],
                                 out["position"]).replace("ds.", "d.s.")
    if out.get("consent_email_date"):
        day = date.fromisoformat(out["consent_email_date"])
        out["consent_email_date"] = f"{day.day}.{_ROMAN[day.month - 1]}.{day.year} r."
    if out.get("consent_phone_date"):
        day = date.fromisoformat(out["consent_phone_date"])
        out["consent_phone_date"] = f"{day.day} {_NOMINATIVE[day.month - 1]} {day.year}"
    return out


class LooseForms(unittest.TestCase):
    """Forms the second reader found refused or failed; each is one unambiguous spelling of the
    right value, stored in its canonical form where the field has one."""

    def test_a_card_and_a_contact_typed_loosely_earn_full_credit(self):
        positions = set()
        for task_id, seeds in (("z1e2-nowy-klient", range(1, 30)), ("z1e1-targi", (1, 2, 3, 4))):
            for seed in seeds:
                state = fresh_state(seed, TODAY)
                tags = flatten(variant_for(task(task_id), state))
                positions.add(tags.get("osoba.stanowisko", ""))
                done, replies = apply_solution(state, task_id, lambda action, payload: _written_loosely(payload))
                self.assertEqual([r["errors"] for r in replies if not r["ok"]], [], (task_id, seed))
                result = check_task(done, task_id)
                self.assertEqual(result["score"], 1, (task_id, seed, feedback(result)))
        self.assertTrue(any(p.startswith(("specjalistka", "dyrektorka", "kierowniczka")) for p in positions), positions)

    def test_loosely_typed_identifiers_are_stored_in_their_canonical_form(self):
        state = fresh_state(1, TODAY)
        done, _ = apply_solution(state, "z1e2-nowy-klient", lambda action, payload: _written_loosely(payload))
        added = done["companies"][-1]
        self.assertRegex(added["nip"], r"^\d{3}-\d{3}-\d{2}-\d{2}$")
        self.assertRegex(added["postcode"], r"^\d{2}-\d{3}$")
        self.assertRegex(added["phone"], r"^\+48 \d{3} \d{3} \d{3}$")
        self.assertIn("-", added["voivodeship"])  # a choice: the list's own spelling

    def test_a_name_with_a_colon_comma_or_nothing_for_its_dash_is_found(self):
        cases = (("z2e5-nowa-szansa", "opportunity.create"), ("z1e2-eksport-kampanii", "export.create"),
                 ("z2e3-raport-opiekunowie", "report.save"))
        for task_id, action_name in cases:
            state, names = fresh_state(1, TODAY), []
            apply_solution(state, task_id, lambda action, payload: names.append(payload["name"]) or payload
                           if action == action_name else payload)
            name = names[0]
            self.assertTrue(" – " in name or "według" in name, name)
            right = [name.replace(" – ", ": "), name.replace(" – ", ", "), name.replace(" – ", " "),
                     name.replace("według", "wg"), name.replace("według", "wg.")]
            wrong = [name + " 2", name.replace(" – ", " / "), name.replace("według", "wbrew")]
            for typed, score in [(t, 1) for t in right if t != name] + [(t, 0) for t in wrong if t != name]:
                with self.subTest(task=task_id, typed=typed):
                    done, _ = apply_solution(state, task_id, lambda action, payload, typed=typed:
                                             {**payload, "name": typed} if action == action_name else payload)
                    self.assertEqual(check_task(done, task_id)["score"] == 1, score == 1, feedback(check_task(done, task_id)))
