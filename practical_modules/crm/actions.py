"""Every change to the CRM goes through one action from this registry.

A form (forms.py) gives {action, payload}; `apply` checks the payload, refuses what is impossible
with a reason (per field where a field is at fault), and otherwise changes a copy of the state. A
change that would take the state past what its reader accepts (state.py: records in each list,
bytes of text) is refused too, so a saved state always loads again. A refused action leaves the
state exactly as it was. The simulated day is the state's `today`: the engine never reads the clock.
"""

from __future__ import annotations

import itertools
import marshal
from dataclasses import dataclass, field
from datetime import date

from . import identifiers as ids
from . import records as rec
from .matching import FIRM, same_text
from .wording import names_list
from .records import COLLECTIONS, clean_record, clean_value, display_name, find, next_id
from .state import LISTS, MAX_BYTES, MAX_RECORDS, WRITE_ROOM, size, state_text
from .templates import offer_lines, offer_values, substitute, tag_problems, to_html, empty_tags
from selfcheck.polish import count, parse_number, people, pln

MAX_ITEMS = 50
MAX_STAGES = 10
MAX_ANSWERS, MAX_ANSWER = 60, 500   # answers kept for a task; characters of one


@dataclass
class Reply:
    ok: bool = True
    errors: dict[str, str] = field(default_factory=dict)   # field -> what is wrong ("_" for the whole form)
    messages: list[str] = field(default_factory=list)      # what happened, or warnings worth reading
    record_id: str = ""
    data: dict = field(default_factory=dict)               # what a preview or a report shows

    def as_dict(self) -> dict:
        return {"ok": self.ok, "errors": self.errors, "messages": self.messages, "record_id": self.record_id,
                "data": self.data}


def refuse(message: str, field_name: str = "_", **more: str) -> Reply:
    return Reply(ok=False, errors={field_name: message, **more})


class Action:
    """One kind of change. `run` changes `state` in place (a copy) or returns a refusal."""
    name = ""
    label = ""
    changes = True  # False: a preview or a report that only reads

    def run(self, state: dict, payload: dict) -> Reply:
        raise NotImplementedError


ACTIONS: dict[str, Action] = {}


def register(cls):
    ACTIONS[cls.name] = cls()
    return cls


def apply(state: dict, name: str, payload) -> tuple[dict, Reply]:
    """(new state, reply). On refusal the state returned is the one given, untouched."""
    action = ACTIONS.get(name)
    if action is None:
        return state, refuse(f"Nieznana czynność „{name}”. Dostępne: {', '.join(sorted(ACTIONS))}.")
    if not isinstance(payload, dict):
        return state, refuse("Dane formularza mają złą postać (potrzebny słownik pól).")
    # The state is plain data: marshal copies it about twice as fast as a JSON round trip and three
    # times as fast as deepcopy (it only ever copies the engine's own values, never reads a file).
    working = marshal.loads(marshal.dumps(state)) if action.changes else state
    reply = action.run(working, payload)
    if not reply.ok or not action.changes:
        return state, reply
    too_much = _past_limits(working)
    return (state, refuse(too_much)) if too_much else (working, reply)


# How each limit is worded: "najwyżej 1000 firm".
LIST_WORDS = {"companies": ("firma", "firmy", "firm"), "contacts": ("osoba kontaktowa", "osoby kontaktowe", "osób kontaktowych"),
              "opportunities": ("szansa sprzedaży", "szanse sprzedaży", "szans sprzedaży"),
              "activities": ("zadanie", "zadania", "zadań"), "products": ("produkt", "produkty", "produktów"),
              "templates": ("szablon oferty", "szablony ofert", "szablonów ofert"),
              "goals": ("cel sprzedażowy", "cele sprzedażowe", "celów sprzedażowych"),
              "funnels": ("lejek", "lejki", "lejków"), "reports": ("raport", "raporty", "raportów"),
              "exports": ("eksport", "eksporty", "eksportów"),
              "documents": ("wysłana oferta", "wysłane oferty", "wysłanych ofert")}
assert set(LIST_WORDS) == set(LISTS)


def _past_limits(after: dict) -> str | None:
    """Why the changed state may not be kept (its reader would refuse it), or None."""
    for key in LISTS:
        if len(after[key]) > MAX_RECORDS:
            return f"Nie zapisano tej zmiany: w systemie może być najwyżej {count(MAX_RECORDS, *LIST_WORDS[key])}."
    if size(state_text(after)) > MAX_BYTES - WRITE_ROOM:
        return (f"Nie zapisano tej zmiany: zapis ćwiczeń miałby ponad {MAX_BYTES // 1024 // 1024} MB, a większego "
                "strona nie wczyta.")
    return None


# --- helpers ------------------------------------------------------------------------------------

def today(state: dict) -> date:
    return date.fromisoformat(state["today"])


def log(state: dict, record: dict, kind: str, text: str) -> None:
    """An entry in a record's event history, dated with the simulated day."""
    state["events"] += 1
    record.setdefault("history", []).append({"n": state["events"], "date": state["today"], "kind": kind, "text": text})


def _get(state: dict, collection: str, payload: dict) -> dict | None:
    record_id = payload.get("id")
    return find(state, collection, record_id) if isinstance(record_id, str) else None


def _missing(collection: str, payload: dict) -> Reply:
    # The candidate never sees internal ids (F001, L002): the record is named by what it is.
    return refuse(f"Nie ma już takiego rekordu ({COLLECTIONS[collection].one}); odśwież widok i spróbuj ponownie.")


def _changed_labels(collection: str, before: dict, values: dict) -> list[str]:
    spec = COLLECTIONS[collection]
    return [spec.field(k).label for k, v in values.items() if before.get(k) != v]


def _not_future(state: dict, values: dict, keys: tuple[str, ...], errors: dict) -> None:
    for key in keys:
        if values.get(key) and values[key] > state["today"]:
            errors[key] = "Ta data nie może być późniejsza niż dziś (dzień symulacji)."


def _funnel(state: dict, funnel_id: str) -> dict | None:
    return next((f for f in state["funnels"] if f["id"] == funnel_id), None)


def _stage(funnel: dict, stage_id: str) -> dict | None:
    return next((s for s in funnel["stages"] if s["id"] == stage_id), None)


def _stage_by(funnel: dict, value: str) -> dict | None:
    """A stage by its id or (forgivingly) by its name."""
    return _stage(funnel, value) or next((s for s in funnel["stages"] if same_text(s["name"], value)), None)


# --- companies and contacts --------------------------------------------------------------------

def _company_rules(state: dict, values: dict, errors: dict, own_id: str = "") -> None:
    for other in state["companies"]:
        if other["id"] == own_id:
            continue
        if values.get("nip") and ids.digits_only(other["nip"]) == ids.digits_only(values["nip"]):
            errors["nip"] = f"Firma o tym NIP już jest w bazie: „{other['name']}”."
        if values.get("name") and same_text(other["name"], values["name"], FIRM):
            errors["name"] = f"Firma o tej nazwie już jest w bazie: „{other['name']}”."


@register
class CreateCompany(Action):
    name, label = "company.create", "Dodaj firmę"

    def run(self, state, payload):
        values, errors = clean_record("companies", payload, state)
        _company_rules(state, values, errors)
        if errors:
            return Reply(False, errors)
        record = {"id": next_id(state, "companies"), **{f.key: "" for f in COLLECTIONS["companies"].fields}, **values,
                  "created": state["today"], "history": []}
        log(state, record, "utworzenie", "Dodano firmę do bazy.")
        state["companies"].append(record)
        return Reply(messages=[f"Dodano firmę „{record['name']}”."], record_id=record["id"])


@register
class EditCompany(Action):
    name, label = "company.edit", "Zmień dane firmy"

    def run(self, state, payload):
        record = _get(state, "companies", payload)
        if record is None:
            return _missing("companies", payload)
        values, errors = clean_record("companies", {k: v for k, v in payload.items() if k != "id"}, state, existing=record)
        _company_rules(state, values, errors, record["id"])
        if errors:
            return Reply(False, errors)
        changed = _changed_labels("companies", record, values)
        record.update(values)
        if changed:
            log(state, record, "zmiana", f"Zmieniono: {', '.join(changed)}.")
        return Reply(messages=[f"Zapisano firmę „{record['name']}”" + (f" (zmiany: {', '.join(changed)})." if changed else "; bez zmian.")],
                     record_id=record["id"])


def _contact_rules(state: dict, values: dict, merged: dict, errors: dict) -> list[str]:
    """Consents need their date; dates are not in the future. Returns warnings worth showing."""
    for channel, label in (("email", "e-mailem"), ("phone", "telefonicznego")):
        status, date_key = merged.get(f"consent_{channel}"), f"consent_{channel}_date"
        if status in ("udzielona", "wycofana") and not merged.get(date_key):
            errors.setdefault(date_key, f"Podaj datę: zgodę i jej wycofanie zapisuje się z datą, by móc wykazać, "
                                        f"kiedy pozwolono na marketing {label}.")
        if status == "brak" and merged.get(date_key) and date_key in values:
            errors.setdefault(date_key, "Bez zgody nie ma jej daty: wyczyść to pole albo zmień status zgody.")
    _not_future(state, values, ("consent_email_date", "consent_phone_date", "objection"), errors)
    warnings = []
    if merged.get("objection") and "udzielona" in (merged.get("consent_email"), merged.get("consent_phone")):
        warnings.append("Ta osoba wniosła sprzeciw wobec marketingu: po sprzeciwie jej danych nie przetwarza się już "
                        "do celów marketingu bezpośredniego (art. 21 ust. 3 RODO), choćby zgoda wciąż była zapisana.")
    return warnings


@register
class CreateContact(Action):
    name, label = "contact.create", "Dodaj osobę kontaktową"

    def run(self, state, payload):
        payload = {"consent_email": "brak", "consent_phone": "brak", **payload}
        values, errors = clean_record("contacts", payload, state)
        merged = {f.key: "" for f in COLLECTIONS["contacts"].fields} | values
        warnings = _contact_rules(state, values, merged, errors)
        if not merged.get("email") and not merged.get("phone") and "email" not in errors:
            errors["email"] = "Podaj e-mail albo telefon: bez nich nie ma jak się skontaktować."
        if errors:
            return Reply(False, errors)
        record = {"id": next_id(state, "contacts"), **merged, "created": state["today"]}
        state["contacts"].append(record)
        company = find(state, "companies", record["company_id"])
        log(state, company, "kontakt", f"Dodano osobę kontaktową: {record['first_name']} {record['last_name']}.")
        return Reply(messages=[f"Dodano osobę: {display_name('contacts', record, state)}.", *warnings], record_id=record["id"])


@register
class EditContact(Action):
    name, label = "contact.edit", "Zmień dane osoby kontaktowej"

    def run(self, state, payload):
        record = _get(state, "contacts", payload)
        if record is None:
            return _missing("contacts", payload)
        values, errors = clean_record("contacts", {k: v for k, v in payload.items() if k != "id"}, state, existing=record)
        merged = {**record, **values}
        warnings = _contact_rules(state, values, merged, errors)
        if not merged.get("email") and not merged.get("phone"):
            errors.setdefault("email", "Osoba musi mieć e-mail albo telefon.")
        if errors:
            return Reply(False, errors)
        changed = _changed_labels("contacts", record, values)
        record.update(values)
        company = find(state, "companies", record["company_id"])
        if changed:
            log(state, company, "zmiana", f"{record['first_name']} {record['last_name']} — zmieniono: {', '.join(changed)}.")
        return Reply(messages=[f"Zapisano: {display_name('contacts', record, state)}.", *warnings], record_id=record["id"])


# --- opportunities -------------------------------------------------------------------------------

def _opportunity_rules(state: dict, merged: dict, values: dict, errors: dict) -> None:
    if "contact_id" not in errors and merged.get("contact_id"):
        contact = find(state, "contacts", merged["contact_id"])
        if contact and contact["company_id"] != merged.get("company_id"):
            errors["contact_id"] = "Ta osoba pracuje w innej firmie niż ta, której dotyczy szansa."
    if "value" in values and values["value"] <= 0:
        errors["value"] = "Wartość szansy musi być większa od zera."
    if values.get("close_date") and values["close_date"] < state["today"]:
        errors["close_date"] = "Przewidywana data zamknięcia otwartej szansy nie może być wcześniejsza niż dziś."
    if values.get("name"):
        for other in state["opportunities"]:
            if other["id"] != merged.get("id") and same_text(other["name"], values["name"]):
                errors["name"] = f"Szansa „{other['name']}” już jest w bazie; nadaj tej inną nazwę albo zmień tamtą w jej karcie."


@register
class CreateOpportunity(Action):
    name, label = "opportunity.create", "Dodaj szansę sprzedaży"

    def run(self, state, payload):
        payload = dict(payload)
        funnel = _funnel(state, payload.get("funnel_id") or state["funnels"][0]["id"])
        if funnel is None:
            return refuse("Nie ma takiego lejka.", "funnel_id")
        payload["funnel_id"] = funnel["id"]
        stage_value = payload.pop("stage", "") or funnel["stages"][0]["id"]
        stage = _stage_by(funnel, stage_value) if isinstance(stage_value, str) else None
        if stage is None:
            return refuse(f"Lejek „{funnel['name']}” nie ma etapu „{stage_value}”; etapy: "
                          f"{', '.join(s['name'] for s in funnel['stages'])}.", "stage")
        payload.setdefault("probability", stage["probability"])
        if payload.get("probability") in ("", None):
            payload["probability"] = stage["probability"]
        values, errors = clean_record("opportunities", payload, state)
        merged = {f.key: "" for f in COLLECTIONS["opportunities"].fields} | values
        _opportunity_rules(state, merged, values, errors)
        if stage is not funnel["stages"][0]:
            missing = _missing_before(state, None, funnel, stage)
            if missing:
                errors["stage"] = (f"Nowa szansa zaczyna w etapie {funnel['stages'][0]['name']}, chyba że czynności wcześniejszych "
                                   f"etapów są już wykonane; brakuje: {missing}.")
        if errors:
            return Reply(False, errors)
        record = {**merged, "id": next_id(state, "opportunities"), "stage": stage["id"], "status": "otwarta",
                  "created": state["today"], "history": []}
        log(state, record, "utworzenie", f"Utworzono szansę w etapie {stage['name']}.")
        state["opportunities"].append(record)
        company = find(state, "companies", record["company_id"])
        log(state, company, "szansa", f"Nowa szansa sprzedaży „{record['name']}” ({pln(record['value'])}).")
        return Reply(messages=[f"Dodano szansę „{record['name']}” w etapie {stage['name']}."], record_id=record["id"])


def _closed(record: dict) -> Reply | None:
    if record["status"] != "otwarta":
        return refuse(f"Szansa „{record['name']}” jest zamknięta jako {record['status']}; aby ją zmienić, najpierw "
                      "otwórz ją ponownie.")
    return None


@register
class EditOpportunity(Action):
    name, label = "opportunity.edit", "Zmień szansę sprzedaży"

    def run(self, state, payload):
        record = _get(state, "opportunities", payload)
        if record is None:
            return _missing("opportunities", payload)
        if (refusal := _closed(record)):
            return refusal
        if "funnel_id" in payload and payload["funnel_id"] != record["funnel_id"]:
            return refuse("Lejka istniejącej szansy się nie zmienia: etapy innego lejka mają inne czynności. "
                          "Zamknij tę szansę i dodaj nową w wybranym lejku.", "funnel_id")
        values, errors = clean_record("opportunities", {k: v for k, v in payload.items() if k not in ("id", "stage")},
                                      state, existing=record)
        merged = {**record, **values}
        _opportunity_rules(state, merged, values, errors)
        if errors:
            return Reply(False, errors)
        changed = _changed_labels("opportunities", record, values)
        record.update(values)
        if changed:
            log(state, record, "zmiana", f"Zmieniono: {', '.join(changed)}.")
        return Reply(messages=[f"Zapisano szansę „{record['name']}”."], record_id=record["id"])


def _done_kinds(state: dict, opportunity_id: str | None) -> set[str]:
    return {a["kind"] for a in state["activities"]
            if opportunity_id and a["opportunity_id"] == opportunity_id and a["status"] == "ukończone"}


def _missing_before(state: dict, opportunity: dict | None, funnel: dict, target: dict) -> str:
    """What must be done before an opportunity may reach `target`: the required activities of every
    stage it leaves on the way ("spotkanie (etap Analiza potrzeb)"), or "" if nothing is missing."""
    done = _done_kinds(state, opportunity["id"] if opportunity else None)
    stages = funnel["stages"]
    start = stages.index(_stage(funnel, opportunity["stage"])) if opportunity else 0
    missing = []
    for stage in stages[start:stages.index(target)]:
        for kind in stage["required"]:
            if kind not in done:
                missing.append(f"ukończonego zadania rodzaju „{kind}” (etap {stage['name']})")
    return names_list(missing)


@register
class MoveOpportunity(Action):
    name, label = "opportunity.move", "Przenieś szansę do etapu"

    def run(self, state, payload):
        record = _get(state, "opportunities", payload)
        if record is None:
            return _missing("opportunities", payload)
        if (refusal := _closed(record)):
            return refusal
        funnel = _funnel(state, record["funnel_id"])
        target = _stage_by(funnel, payload.get("stage", "")) if isinstance(payload.get("stage"), str) else None
        if target is None:
            return refuse(f"Wybierz etap lejka „{funnel['name']}”: {', '.join(s['name'] for s in funnel['stages'])}. "
                          "Wygraną i przegraną oznacza się osobnymi przyciskami.", "stage")
        current = _stage(funnel, record["stage"])
        if target is current:
            return refuse(f"Szansa „{record['name']}” już jest w etapie {current['name']}.", "stage")
        forward = funnel["stages"].index(target) > funnel["stages"].index(current)
        if forward:
            missing = _missing_before(state, record, funnel, target)
            if missing:
                return refuse(f"Nie można przenieść szansy „{record['name']}” do etapu {target['name']}: brakuje {missing}. "
                              "Zapisz i oznacz jako wykonane czynności, które zamykają etap.", "stage")
        record["stage"], record["probability"] = target["id"], target["probability"]
        log(state, record, "etap", f"Przeniesiono z etapu {current['name']} do etapu {target['name']}.")
        note = "" if forward else " (cofnięcie do wcześniejszego etapu)"
        return Reply(messages=[f"Szansa „{record['name']}” jest teraz w etapie {target['name']}{note}; "
                               f"prawdopodobieństwo {target['probability']}%."], record_id=record["id"])


@register
class WinOpportunity(Action):
    name, label = "opportunity.win", "Oznacz jako wygraną"

    def run(self, state, payload):
        record = _get(state, "opportunities", payload)
        if record is None:
            return _missing("opportunities", payload)
        if (refusal := _closed(record)):
            return refusal
        funnel = _funnel(state, record["funnel_id"])
        stage = _stage(funnel, record["stage"])
        done = _done_kinds(state, record["id"])
        missing = [k for k in stage["required"] if k not in done]
        if missing:
            return refuse(f"Szansa „{record['name']}” nie może być wygrana w etapie {stage['name']}, dopóki nie ma "
                          f"ukończonego zadania rodzaju: {', '.join(missing)} (czynności zamykające etap).")
        record.update(status="wygrana", probability=100, closed_date=state["today"], last_stage=record["stage"])
        log(state, record, "wygrana", "Oznaczono jako wygraną.")
        log(state, find(state, "companies", record["company_id"]), "wygrana", f"Wygrana szansa „{record['name']}”.")
        return Reply(messages=[f"Szansa „{record['name']}” jest wygrana."], record_id=record["id"])


@register
class LoseOpportunity(Action):
    name, label = "opportunity.lose", "Oznacz jako przegraną"

    def run(self, state, payload):
        record = _get(state, "opportunities", payload)
        if record is None:
            return _missing("opportunities", payload)
        if (refusal := _closed(record)):
            return refusal
        reason, problem = clean_value(rec.Field("lost_reason", "Powód przegranej", "choice", True, "lost_reasons"),
                                      payload.get("reason", ""), state)
        if problem:
            return refuse(problem if payload.get("reason") else
                          "Podaj powód przegranej: bez niego nie da się potem sprawdzić, dlaczego tracimy klientów.", "reason")
        note, problem = clean_value(rec.Field("lost_note", "Opis", "long_text"), payload.get("note", ""), state)
        if problem:
            return refuse(problem, "note")
        if reason == "inne" and not note:
            return refuse("Przy powodzie „inne” opisz, co się stało.", "note")
        record.update(status="przegrana", probability=0, closed_date=state["today"], last_stage=record["stage"],
                      lost_reason=reason, lost_note=note)
        log(state, record, "przegrana", f"Oznaczono jako przegraną; powód: {reason}{f' ({note})' if note else ''}.")
        log(state, find(state, "companies", record["company_id"]), "przegrana", f"Przegrana szansa „{record['name']}”; powód: {reason}.")
        return Reply(messages=[f"Szansa „{record['name']}” jest przegrana; powód: {reason}."], record_id=record["id"])


@register
class ReopenOpportunity(Action):
    name, label = "opportunity.reopen", "Otwórz ponownie"

    def run(self, state, payload):
        record = _get(state, "opportunities", payload)
        if record is None:
            return _missing("opportunities", payload)
        if record["status"] == "otwarta":
            return refuse(f"Szansa „{record['name']}” jest otwarta.")
        stage = _stage(_funnel(state, record["funnel_id"]), record["last_stage"] or record["stage"])
        record.update(status="otwarta", stage=stage["id"], probability=stage["probability"], closed_date="",
                      lost_reason="", lost_note="", last_stage="")
        if record["close_date"] < state["today"]:
            record["close_date"] = state["today"]
        log(state, record, "etap", f"Otwarto ponownie w etapie {stage['name']}.")
        return Reply(messages=[f"Szansa „{record['name']}” jest znów otwarta, w etapie {stage['name']}."], record_id=record["id"])


# --- activities (the CRM's tasks) ------------------------------------------------------------

def _activity_rules(state: dict, merged: dict, errors: dict) -> None:
    opportunity = find(state, "opportunities", merged.get("opportunity_id")) if merged.get("opportunity_id") else None
    if opportunity:
        if merged.get("company_id") and merged["company_id"] != opportunity["company_id"]:
            errors["company_id"] = "Szansa należy do innej firmy niż wybrana."
        merged["company_id"] = opportunity["company_id"]
    if merged.get("stage"):
        funnels = [_funnel(state, opportunity["funnel_id"])] if opportunity else state["funnels"]
        stage = next((s for f in funnels for s in f["stages"] if s["id"] == merged["stage"] or same_text(s["name"], merged["stage"])), None)
        if stage is None:
            errors["stage"] = ("Ten etap nie należy do lejka tej szansy." if opportunity else "Nie ma takiego etapu w żadnym lejku.")
        else:
            merged["stage"] = stage["id"]


@register
class CreateActivity(Action):
    name, label = "activity.create", "Dodaj zadanie"

    def run(self, state, payload):
        done = payload.get("done") is True
        values, errors = clean_record("activities", {k: v for k, v in payload.items() if k != "done"}, state)
        merged = {f.key: "" for f in COLLECTIONS["activities"].fields} | values
        _activity_rules(state, merged, errors)
        if values.get("due") and values["due"] < state["today"] and not done:
            errors["due"] = "Termin nowego zadania nie może być wcześniejszy niż dziś (wykonaną czynność zapisz jako wykonaną)."
        if done and values.get("due") and values["due"] > state["today"]:
            errors["due"] = "Wykonana czynność nie może mieć terminu w przyszłości."
        if errors:
            return Reply(False, errors)
        record = {**merged, "id": next_id(state, "activities"), "status": "ukończone" if done else "do zrobienia",
                  "done_date": merged["due"] if done else ""}
        state["activities"].append(record)
        company = find(state, "companies", record["company_id"]) if record["company_id"] else None
        if done and company:
            log(state, company, "zadanie", f"Wykonano: {record['title']}.")
        return Reply(messages=[f"Dodano zadanie „{record['title']}”" + (" jako wykonane." if done else f" z terminem {record['due']}.")],
                     record_id=record["id"])


@register
class EditActivity(Action):
    name, label = "activity.edit", "Zmień zadanie"

    def run(self, state, payload):
        record = _get(state, "activities", payload)
        if record is None:
            return _missing("activities", payload)
        values, errors = clean_record("activities", {k: v for k, v in payload.items() if k != "id"}, state, existing=record)
        merged = {**record, **values}
        _activity_rules(state, merged, errors)
        if values.get("due") and values["due"] < state["today"] and record["status"] != "ukończone" and values["due"] != record["due"]:
            errors["due"] = "Nowy termin nie może być wcześniejszy niż dziś."
        if errors:
            return Reply(False, errors)
        record.update({k: merged[k] for k in (*values, "company_id", "stage") if k in merged})
        return Reply(messages=[f"Zapisano zadanie „{record['title']}”."], record_id=record["id"])


@register
class CompleteActivity(Action):
    name, label = "activity.complete", "Oznacz zadanie jako wykonane"

    def run(self, state, payload):
        record = _get(state, "activities", payload)
        if record is None:
            return _missing("activities", payload)
        if record["status"] == "ukończone":
            return refuse(f"Zadanie „{record['title']}” jest już wykonane.")
        record.update(status="ukończone", done_date=state["today"])
        company = find(state, "companies", record["company_id"]) if record["company_id"] else None
        if company:
            log(state, company, "zadanie", f"Wykonano: {record['title']}.")
        return Reply(messages=[f"Zadanie „{record['title']}” jest wykonane."], record_id=record["id"])


@register
class ReopenActivity(Action):
    name, label = "activity.reopen", "Przywróć zadanie do zrobienia"

    def run(self, state, payload):
        record = _get(state, "activities", payload)
        if record is None:
            return _missing("activities", payload)
        if record["status"] != "ukończone":
            return refuse(f"Zadanie „{record['title']}” nie jest wykonane.")
        record.update(status="do zrobienia", done_date="")
        return Reply(messages=[f"Zadanie „{record['title']}” jest znów do zrobienia."], record_id=record["id"])


# --- funnels ----------------------------------------------------------------------------------

def _stage_ids(state: dict) -> set[str]:
    return {s["id"] for f in state["funnels"] for s in f["stages"]}


def _clean_stages(state: dict, raw) -> tuple[list[dict], dict]:
    """Stages as typed in the funnel editor, checked, each with a new id."""
    errors: dict[str, str] = {}
    if not isinstance(raw, list) or not 2 <= len(raw) <= MAX_STAGES:
        return [], {"stages": f"Lejek ma od 2 do {MAX_STAGES} etapów otwartych (wygrana i przegrana są dodawane same)."}
    kinds = rec.choice_list("activity_kinds", state)
    taken = _stage_ids(state)
    stages, names, last = [], [], 0
    for number, item in enumerate(raw, 1):
        where = f"stages.{number}"
        if not isinstance(item, dict):
            errors[where] = f"Etap {number}: zła postać."
            continue
        name, problem = clean_value(rec.Field("name", "Nazwa etapu", "text", True), item.get("name", ""), state)
        if problem:
            errors[f"{where}.name"] = f"Etap {number}: {problem}"
            continue
        if any(same_text(name, n) for n in names):
            errors[f"{where}.name"] = f"Etap {number}: nazwa „{name}” już jest w tym lejku."
        if any(same_text(name, n) for n in ("wygrana", "przegrana", "wygrane", "przegrane")):
            errors[f"{where}.name"] = f"Etap {number}: wygraną i przegraną lejek ma zawsze; nie dodawaj ich jako etapów."
        names.append(name)
        probability, problem = clean_value(rec.Field("probability", "Prawdopodobieństwo", "percent", True),
                                           item.get("probability", ""), state)
        if problem:
            errors[f"{where}.probability"] = f"Etap {number}: {problem}"
        elif not 0 < probability < 100:
            errors[f"{where}.probability"] = f"Etap {number}: etap otwarty ma prawdopodobieństwo większe od 0 i mniejsze od 100%."
        elif probability <= last:
            errors[f"{where}.probability"] = (f"Etap {number}: prawdopodobieństwo ({probability}%) musi być większe niż "
                                              f"w etapie poprzednim ({last}%) — im dalej w lejku, tym bliżej sprzedaży.")
        else:
            last = probability
        required = item.get("required", [])
        if not isinstance(required, list) or any(k not in kinds for k in required):
            errors[f"{where}.required"] = f"Etap {number}: wymagane czynności wybiera się z listy: {', '.join(kinds)}."
            required = []
        plan = []
        for index, step in enumerate(item.get("plan", []) if isinstance(item.get("plan", []), list) else [None], 1):
            title = step.get("title", "").strip() if isinstance(step, dict) and isinstance(step.get("title"), str) else ""
            kind = step.get("kind") if isinstance(step, dict) else None
            offset = parse_number(step.get("day")) if isinstance(step, dict) else None
            if not title or len(title) > rec.MAX_TEXT:
                errors[f"{where}.plan.{index}"] = f"Etap {number}, zadanie {index}: wpisz tytuł zadania."
            elif kind not in kinds:
                errors[f"{where}.plan.{index}"] = f"Etap {number}, zadanie {index}: wybierz rodzaj ({', '.join(kinds)})."
            elif offset is None or offset != int(offset) or not 0 <= offset <= 365:
                errors[f"{where}.plan.{index}"] = (f"Etap {number}, zadanie {index}: termin to liczba dni od wejścia "
                                                   "szansy w etap, od 0 do 365.")
            else:
                plan.append({"title": title, "kind": kind, "day": int(offset)})
        stage_id = next(f"E{n}" for n in itertools.count(1) if f"E{n}" not in taken)
        taken.add(stage_id)
        stages.append({"id": stage_id, "name": name, "probability": probability if isinstance(probability, int) else 0,
                       "required": [k for k in kinds if k in required], "plan": plan})
    return stages, errors


def _funnel_values(state: dict, payload: dict, own_id: str = "") -> tuple[dict, dict]:
    """A funnel's name, purpose and stages as typed in the funnel editor, checked (new stage ids)."""
    errors, values = {}, {}
    for key, label, required in (("name", "Nazwa lejka", True), ("purpose", "Dla kogo i czego", False)):
        value, problem = clean_value(rec.Field(key, label, "text", required), payload.get(key, ""), state)
        if problem:
            errors[key] = problem
        else:
            values[key] = value
    values["stages"], stage_errors = _clean_stages(state, payload.get("stages"))
    errors.update(stage_errors)
    return values, errors


def _same_name(records: list[dict], name: str, own_id: str = "") -> dict | None:
    return next((r for r in records if r["id"] != own_id and same_text(r["name"], name)), None)


def _replace_hint(what: str, other: dict, own: bool) -> str:
    """Saving again under a name already used is not a dead end: say how to correct the saved one."""
    if not own:
        return f"{what} „{other['name']}” należy do danych startowych; nadaj temu inną nazwę."
    return (f"{what} „{other['name']}” już jest zapisany. Aby go poprawić tym, co wpisano, zaznacz „Zastąp zapisany "
            f"pod tą nazwą” i zapisz jeszcze raz; możesz też nadać inną nazwę.")


@register
class CreateFunnel(Action):
    name, label = "funnel.create", "Dodaj lejek sprzedaży"

    def run(self, state, payload):
        values, errors = _funnel_values(state, payload)
        other = _same_name(state["funnels"], values["name"]) if values.get("name") else None
        if other is not None:
            if payload.get("replace") is True and own_record(state, "funnels", other):
                return ACTIONS["funnel.edit"].run(state, {**payload, "id": other["id"]})
            errors["name"] = _replace_hint("Lejek", other, own_record(state, "funnels", other))
        if errors:
            return Reply(False, errors)
        record = {"id": next_id(state, "funnels"), **values}
        state["funnels"].append(record)
        return Reply(messages=[f"Dodano lejek „{record['name']}” z etapami: {', '.join(s['name'] for s in record['stages'])}."],
                     record_id=record["id"])


def _stage_users(state: dict, stage_ids: set[str]) -> tuple[list[str], list[str]]:
    """(opportunities, activities) that stand in, or remember, one of the stages: by name."""
    opportunities = [o["name"] for o in state["opportunities"] if o["stage"] in stage_ids or o["last_stage"] in stage_ids]
    activities = [a["title"] for a in state["activities"] if a.get("stage") in stage_ids]
    return opportunities, activities


@register
class EditFunnel(Action):
    """A funnel the candidate made, typed again: stages keep their identity by name, or by position when
    renamed, so the opportunities in them stay where they are; a stage still in use is not removed."""
    name, label = "funnel.edit", "Zmień lejek sprzedaży"

    def run(self, state, payload):
        record = _funnel(state, payload.get("id")) if isinstance(payload.get("id"), str) else None
        if record is None:
            return refuse("Nie ma już tego lejka; odśwież widok i spróbuj ponownie.")
        if not own_record(state, "funnels", record):
            return refuse(f"Lejek „{record['name']}” należy do danych startowych wariantu: zadania się do niego odwołują, "
                          "więc się go nie zmienia. Dodaj własny lejek.")
        values, errors = _funnel_values(state, payload, record["id"])
        other = _same_name(state["funnels"], values["name"], record["id"]) if values.get("name") else None
        if other is not None:
            errors["name"] = f"Inny lejek ma już nazwę „{other['name']}”."
        if errors:
            return Reply(False, errors)
        old = record["stages"]
        new_names = [s["name"] for s in values["stages"]]
        used: set[str] = set()
        for index, stage in enumerate(values["stages"]):
            same = next((o for o in old if o["id"] not in used and same_text(o["name"], stage["name"])), None)
            if same is None and index < len(old) and old[index]["id"] not in used \
                    and not any(same_text(old[index]["name"], n) for n in new_names):
                same = old[index]   # renamed in place
            if same is not None:
                used.add(same["id"])
                stage["id"] = same["id"]
        # New stages got ids no funnel uses (_clean_stages), so a kept id and a new one never clash.
        gone = {o["id"]: o["name"] for o in old if o["id"] not in used}
        opportunities, activities = _stage_users(state, set(gone))
        if opportunities or activities:
            names = names_list([f"„{n}”" for n in gone.values()])
            users = ([f"szanse {_quoted(opportunities)}"] if opportunities else []) + \
                    ([f"zadania {_quoted(activities)}"] if activities else [])
            return refuse(f"Nie można usunąć z lejka etapu {names}: korzystają z niego {' i '.join(users)}. "
                          "Przenieś je najpierw do innego etapu albo zostaw ten etap.", "stages")
        probabilities = {o["id"]: o["probability"] for o in old}
        record.update(values)
        for opportunity in state["opportunities"]:   # the probability comes from the stage (where it was not changed by hand)
            stage = _stage(record, opportunity["stage"]) if opportunity["funnel_id"] == record["id"] else None
            if stage and opportunity["status"] == "otwarta" and opportunity["probability"] == probabilities.get(stage["id"]):
                opportunity["probability"] = stage["probability"]
        return Reply(messages=[f"Zapisano lejek „{record['name']}” z etapami: {', '.join(new_names)}."], record_id=record["id"])


def _quoted(names: list[str]) -> str:
    shown = [f"„{n}”" for n in names[:4]]
    return names_list(shown) + (f" i {count(len(names) - 4, 'inna', 'inne', 'innych')}" if len(names) > 4 else "")


# --- offer templates and offers ---------------------------------------------------------------

def _template_values(state: dict, payload: dict, existing: dict | None) -> tuple[dict, dict]:
    values, errors = clean_record("templates", payload, state, existing=existing)
    for key in ("subject", "body"):
        if key in values:
            problems = tag_problems(values[key])
            if problems:
                errors[key] = " ".join(problems)
    if values.get("name"):
        for other in state["templates"]:
            if other is not existing and same_text(other["name"], values["name"]):
                errors["name"] = f"Szablon „{other['name']}” już jest zapisany; zmień go na liście szablonów albo nadaj temu inną nazwę."
    return values, errors


@register
class CreateTemplate(Action):
    name, label = "template.create", "Dodaj szablon oferty"

    def run(self, state, payload):
        values, errors = _template_values(state, payload, None)
        if errors:
            return Reply(False, errors)
        record = {"id": next_id(state, "templates"), **values}
        state["templates"].append(record)
        return Reply(messages=[f"Dodano szablon „{record['name']}”."], record_id=record["id"])


@register
class EditTemplate(Action):
    name, label = "template.edit", "Zmień szablon oferty"

    def run(self, state, payload):
        record = _get(state, "templates", payload)
        if record is None:
            return _missing("templates", payload)
        values, errors = _template_values(state, {k: v for k, v in payload.items() if k != "id"}, record)
        if errors:
            return Reply(False, errors)
        record.update(values)
        return Reply(messages=[f"Zapisano szablon „{record['name']}”."], record_id=record["id"])


def _offer(state: dict, payload: dict) -> tuple[dict | None, Reply | None]:
    """Check an offer's template, recipient and items; (parts, None) or (None, refusal)."""
    errors = {}
    template = find(state, "templates", payload.get("template_id"))
    if template is None:
        errors["template_id"] = "Wybierz szablon oferty."
    company = find(state, "companies", payload.get("company_id"))
    if company is None:
        errors["company_id"] = "Wybierz firmę, do której idzie oferta."
    contact = find(state, "contacts", payload.get("contact_id")) if payload.get("contact_id") else None
    if payload.get("contact_id") and contact is None:
        errors["contact_id"] = "Nie ma takiej osoby."
    if contact and company and contact["company_id"] != company["id"]:
        errors["contact_id"] = "Ta osoba pracuje w innej firmie."
    opportunity = find(state, "opportunities", payload.get("opportunity_id")) if payload.get("opportunity_id") else None
    if payload.get("opportunity_id") and (opportunity is None or (company and opportunity["company_id"] != company["id"])):
        errors["opportunity_id"] = "Ta szansa nie należy do wybranej firmy."
    items = payload.get("items")
    clean_items = []
    if not isinstance(items, list) or not items or len(items) > MAX_ITEMS:
        errors["items"] = "Dodaj do oferty co najmniej jedną pozycję (produkt lub usługę i ilość)."
    else:
        for number, item in enumerate(items, 1):
            product = find(state, "products", item.get("product_id")) if isinstance(item, dict) else None
            quantity = parse_number(item.get("quantity", 1)) if isinstance(item, dict) else None
            if product is None:
                errors[f"items.{number}"] = f"Pozycja {number}: wybierz produkt lub usługę."
            elif quantity is None or not 0 < quantity <= 10_000:
                errors[f"items.{number}"] = f"Pozycja {number}: ilość to liczba większa od zera (najwyżej 10 000)."
            else:
                clean_items.append({"product_id": product["id"], "quantity": quantity})
    if errors:
        return None, Reply(False, errors)
    problems = tag_problems(template["subject"]) + tag_problems(template["body"])
    if problems:
        return None, refuse(f"Szablon „{template['name']}” ma błędy: {' '.join(problems)} Popraw go przed użyciem.", "template_id")
    return {"template": template, "company": company, "contact": contact, "opportunity": opportunity,
            "items": clean_items}, None


def _render_offer(state: dict, parts: dict, number: str) -> dict:
    values = offer_values(state, parts["company"], parts["contact"], parts["items"], number=number, day=today(state))
    template = parts["template"]
    _, net, vat = offer_lines(state, parts["items"])
    return {"subject": substitute(template["subject"], values), "text": substitute(template["body"], values),
            "html": to_html(template["body"], values), "net": net, "gross": round(net + vat, 2),
            "empty": empty_tags(template["subject"] + template["body"], values)}


def _document_number(state: dict) -> str:
    return f"OF/{state['today'][:4]}/{len(state['documents']) + 1:03d}"


@register
class PreviewOffer(Action):
    name, label, changes = "offer.preview", "Podgląd oferty", False

    def run(self, state, payload):
        parts, refusal = _offer(state, payload)
        if refusal:
            return refusal
        shown = _render_offer(state, parts, _document_number(state))
        messages = [f"Puste znaczniki dla tego odbiorcy: {', '.join('{{' + t + '}}' for t in shown['empty'])}."] if shown["empty"] else []
        return Reply(messages=messages, data=shown)


@register
class SendOffer(Action):
    name, label = "offer.send", "Wyślij ofertę"

    def run(self, state, payload):
        parts, refusal = _offer(state, payload)
        if refusal:
            return refusal
        contact = parts["contact"]
        if contact is None:
            return refuse("Wybierz osobę, do której idzie oferta: dokument wysyła się do konkretnego adresata.", "contact_id")
        if not contact.get("email"):
            return refuse(f"{contact['first_name']} {contact['last_name']} nie ma adresu e-mail; uzupełnij go w karcie osoby.",
                          "contact_id")
        if parts["opportunity"] and parts["opportunity"]["status"] != "otwarta":
            return refuse("Ta szansa jest już zamknięta.", "opportunity_id")
        number = _document_number(state)
        shown = _render_offer(state, parts, number)
        document = {"id": next_id(state, "documents"), "number": number, "template_id": parts["template"]["id"],
                    "company_id": parts["company"]["id"], "contact_id": contact["id"],
                    "opportunity_id": parts["opportunity"]["id"] if parts["opportunity"] else "",
                    "items": parts["items"], "to": contact["email"], "date": state["today"], "subject": shown["subject"],
                    "text": shown["text"], "html": shown["html"], "net": shown["net"], "gross": shown["gross"]}
        state["documents"].append(document)
        who = f"{contact['first_name']} {contact['last_name']} <{contact['email']}>"
        log(state, parts["company"], "oferta", f"Wysłano ofertę {number} „{shown['subject']}” do: {who}; "
                                               f"wartość netto {pln(shown['net'])}.")
        messages = [f"Wysłano ofertę {number} do: {who}. Zapisano ją w historii firmy „{parts['company']['name']}”."]
        opportunity = parts["opportunity"]
        if opportunity:
            log(state, opportunity, "oferta", f"Wysłano ofertę {number} ({pln(shown['net'])} netto).")
            # Sending is itself the activity that closes an offer stage: record it as done.
            state["activities"].append({
                "id": next_id(state, "activities"), "title": f"Wysłanie oferty {number}", "kind": "oferta",
                "due": state["today"], "priority": "średni", "status": "ukończone", "owner": opportunity["owner"],
                "company_id": opportunity["company_id"], "opportunity_id": opportunity["id"], "stage": opportunity["stage"],
                "done_date": state["today"], "notes": ""})
            messages.append(f"Dodano do szansy „{opportunity['name']}” wykonane zadanie „oferta”.")
        return Reply(messages=messages, record_id=document["id"], data=shown)


# --- goals, reports, exports, settings, answers -------------------------------------------------

def _goal_rules(values: dict, merged: dict, errors: dict) -> None:
    if merged.get("start") and merged.get("deadline") and merged["deadline"] <= merged["start"]:
        errors["deadline"] = "Termin osiągnięcia celu musi być późniejszy niż początek okresu."
    if "target" in values and values["target"] <= 0:
        errors["target"] = "Wartość docelowa musi być większa od zera."


@register
class CreateGoal(Action):
    name, label = "goal.create", "Dodaj cel sprzedażowy"

    def run(self, state, payload):
        values, errors = clean_record("goals", payload, state)
        merged = {f.key: "" for f in COLLECTIONS["goals"].fields} | values
        _goal_rules(values, merged, errors)
        if errors:
            return Reply(False, errors)
        record = {**merged, "id": next_id(state, "goals")}
        state["goals"].append(record)
        return Reply(messages=["Zapisano cel."], record_id=record["id"])


@register
class EditGoal(Action):
    name, label = "goal.edit", "Zmień cel sprzedażowy"

    def run(self, state, payload):
        record = _get(state, "goals", payload)
        if record is None:
            return _missing("goals", payload)
        values, errors = clean_record("goals", {k: v for k, v in payload.items() if k != "id"}, state, existing=record)
        _goal_rules(values, {**record, **values}, errors)
        if errors:
            return Reply(False, errors)
        record.update(values)
        return Reply(messages=["Zapisano cel."], record_id=record["id"])


@register
class RunReport(Action):
    name, label, changes = "report.run", "Pokaż raport", False

    def run(self, state, payload):
        from .reports import build_report, clean_spec
        spec, errors = clean_spec(state, payload.get("spec"))
        if errors:
            return Reply(False, errors)
        return Reply(data=build_report(state, spec))


def _report_name(state: dict, payload: dict, errors: dict) -> str:
    title, problem = clean_value(rec.Field("name", "Nazwa raportu", "text", True), payload.get("name", ""), state)
    if problem:
        errors["name"] = problem
    return title or ""


@register
class SaveReport(Action):
    name, label = "report.save", "Zapisz raport"

    def run(self, state, payload):
        from .reports import build_report, clean_spec
        spec, errors = clean_spec(state, payload.get("spec"))
        title = _report_name(state, payload, errors)
        other = _same_name(state["reports"], title) if title else None
        if other is not None:
            if payload.get("replace") is True:
                return ACTIONS["report.update"].run(state, {**payload, "id": other["id"]})
            errors["name"] = _replace_hint("Raport", other, True)
        if errors:
            return Reply(False, errors)
        record = {"id": next_id(state, "reports"), "name": title, "spec": spec}
        state["reports"].append(record)
        return Reply(messages=[f"Zapisano raport „{title}”."], record_id=record["id"], data=build_report(state, spec))


@register
class UpdateReport(Action):
    """A saved report corrected: its name and everything it shows."""
    name, label = "report.update", "Zmień zapisany raport"

    def run(self, state, payload):
        from .reports import build_report, clean_spec
        record = _get(state, "reports", payload)
        if record is None:
            return refuse("Nie ma już tego raportu; odśwież widok i spróbuj ponownie.")
        spec, errors = clean_spec(state, payload.get("spec"))
        title = _report_name(state, payload, errors)
        other = _same_name(state["reports"], title, record["id"]) if title else None
        if other is not None:
            errors["name"] = f"Inny zapisany raport ma już nazwę „{other['name']}”."
        if errors:
            return Reply(False, errors)
        record.update(name=title, spec=spec)
        return Reply(messages=[f"Zapisano zmiany w raporcie „{title}”."], record_id=record["id"], data=build_report(state, spec))


@register
class CreateExport(Action):
    name, label = "export.create", "Przygotuj eksport danych"

    def run(self, state, payload):
        from .reports import build_report, clean_spec
        errors = {}
        title, problem = clean_value(rec.Field("name", "Nazwa eksportu", "text", True), payload.get("name", ""), state)
        if problem:
            errors["name"] = problem
        purpose, problem = clean_value(rec.Field("purpose", "Cel eksportu", "text", True), payload.get("purpose", ""), state)
        if problem:
            errors["purpose"] = problem
        spec = {"source": "contacts", "fields": payload.get("fields"), "filters": payload.get("filters", []),
                "group_by": "", "aggregate": "count", "measure": "", "chart": "none"}
        spec, spec_errors = clean_spec(state, spec)
        errors.update(spec_errors)
        if errors:
            return Reply(False, errors)
        table = build_report(state, spec)
        record = {"id": next_id(state, "exports"), "name": title, "purpose": purpose, "spec": spec,
                  "contact_ids": table["ids"], "csv": table["csv"], "date": state["today"],
                  "base_size": len(state["contacts"])}  # who was in the base then (contacts are never deleted)
        state["exports"].append(record)
        return Reply(messages=[f"Przygotowano eksport „{title}”: {people(len(table['ids']))}."], record_id=record["id"],
                     data=table)


# --- deleting what the candidate made ----------------------------------------------------------

def own_record(state: dict, collection: str, record: dict) -> bool:
    """Made by the candidate, not part of the variant's starting data. Only such records are deleted
    (and funnels edited): tasks are about the starting records, and a task reset brings them back."""
    from .dataset import starting_of
    return record["id"] not in {r["id"] for r in starting_of(state)[0][collection]}


# What each deletable list is called in a message: (accusative, "the X" in the nominative).
DELETABLE = {"companies": ("firmę", "firma"), "contacts": ("osobę kontaktową", "osoba kontaktowa"),
             "opportunities": ("szansę sprzedaży", "szansa sprzedaży"), "activities": ("zadanie", "zadanie"),
             "templates": ("szablon oferty", "szablon oferty"), "goals": ("cel sprzedażowy", "cel sprzedażowy"),
             "funnels": ("lejek", "lejek"), "reports": ("raport", "raport"), "exports": ("eksport", "eksport")}
DELETE_ACTIONS = {"companies": "company.delete", "contacts": "contact.delete", "opportunities": "opportunity.delete",
                  "activities": "activity.delete", "templates": "template.delete", "goals": "goal.delete",
                  "funnels": "funnel.delete", "reports": "report.delete", "exports": "export.delete"}


def record_name(state: dict, collection: str, record: dict) -> str:
    return display_name(collection, record, state) if collection in COLLECTIONS else record.get("name", "")


def removal(state: dict, collection: str, record: dict) -> tuple[str, list[str]]:
    """Deleting `record`: (why it may not be deleted, or ""; what goes with it). Nothing is left
    pointing at a record that is gone: what depends on it either goes with it (and the confirmation
    says so) or stops the deletion with the names of what to change first."""
    name = record_name(state, collection, record)
    if not own_record(state, collection, record):
        return (f"„{name}” pochodzi z danych startowych wariantu, a zadania się do nich odwołują, więc tego się nie usuwa. "
                "Możesz zmienić dane albo zacząć zadanie od nowa na ekranie „Zadania do wykonania”."), []
    rid, blockers, also = record["id"], [], []

    def block(label: str, names: list[str]) -> None:
        if names:
            blockers.append(f"{label} {_quoted(names)}")
    if collection == "companies":
        block("osoby kontaktowe", [display_name("contacts", c) for c in state["contacts"] if c["company_id"] == rid])
        block("szanse sprzedaży", [o["name"] for o in state["opportunities"] if o["company_id"] == rid])
        block("zadania", [a["title"] for a in state["activities"] if a["company_id"] == rid])
        block("wysłane oferty", [d["number"] for d in state["documents"] if d["company_id"] == rid])
    elif collection == "contacts":
        block("szanse sprzedaży", [o["name"] for o in state["opportunities"] if o["contact_id"] == rid])
        block("wysłane oferty", [d["number"] for d in state["documents"] if d["contact_id"] == rid])
        position = state["contacts"].index(record)
        block("eksporty", [e["name"] for e in state["exports"] if rid in e["contact_ids"] or position < e["base_size"]])
    elif collection == "opportunities":
        block("wysłane oferty", [d["number"] for d in state["documents"] if d["opportunity_id"] == rid])
        tasks = [a["title"] for a in state["activities"] if a["opportunity_id"] == rid]
        if tasks:
            also.append(f"Razem z nią znikną jej zadania: {_quoted(tasks)}.")
    elif collection == "funnels":
        block("szanse sprzedaży", [o["name"] for o in state["opportunities"] if o["funnel_id"] == rid])
        block("zadania", _stage_users(state, {s["id"] for s in record["stages"]})[1])
    elif collection == "templates":
        sent = [d["number"] for d in state["documents"] if d["template_id"] == rid]
        if sent:
            also.append(f"Wysłane z niego oferty ({_quoted(sent)}) zostają w historii klientów bez zmian.")
    if blockers:
        return (f"Nie można usunąć {DELETABLE[collection][0]} „{name}”, dopóki są z tym powiązane: "
                f"{'; '.join(blockers)}. Najpierw usuń je albo powiąż z czymś innym."), []
    return "", also


def drop(state: dict, collection: str, ids: set[str]) -> None:
    """Take records out of a list. Contacts: an export keeps counting the people in the base when it
    was made (`base_size`, by position), so it counts one fewer for each one gone from before it."""
    if collection == "contacts":
        positions = [n for n, c in enumerate(state["contacts"]) if c["id"] in ids]
        for export in state["exports"]:
            export["base_size"] -= sum(1 for n in positions if n < export["base_size"])
            export["contact_ids"] = [i for i in export["contact_ids"] if i not in ids]
    if collection == "opportunities":
        state["activities"] = [a for a in state["activities"] if a["opportunity_id"] not in ids]
    state[collection] = [r for r in state[collection] if r["id"] not in ids]


class Delete(Action):
    """Delete one record the candidate made (see `removal`); the page asks for confirmation first."""

    def __init__(self, collection: str):
        self.collection = collection
        self.name = DELETE_ACTIONS[collection]
        self.label = f"Usuń {DELETABLE[collection][0]}"

    def run(self, state, payload):
        record = _get(state, self.collection, payload)
        if record is None:
            return refuse("Tego już nie ma (usunięto wcześniej albo w innej karcie); odśwież widok.")
        why, also = removal(state, self.collection, record)
        if why:
            return refuse(why)
        name = record_name(state, self.collection, record)
        drop(state, self.collection, {record["id"]})
        return Reply(messages=[f"Usunięto {DELETABLE[self.collection][0]} „{name}”.", *also])


for _collection in DELETE_ACTIONS:
    ACTIONS[DELETE_ACTIONS[_collection]] = Delete(_collection)


SECURITY_FIELDS = {
    "two_factor": ("Logowanie dwuskładnikowe", "flag"), "restore_test": ("Regularne testy odtwarzania kopii", "flag"),
    "audit_log": ("Rejestr zdarzeń (kto, co i kiedy zmienił lub wyeksportował)", "flag"),
    "session_timeout_min": ("Automatyczne wylogowanie po bezczynności (min)", "minutes"),
    "password_min_length": ("Minimalna długość hasła", "length"), "backup": ("Kopia zapasowa", "backup"),
    "export_roles": ("Role, które mogą eksportować dane", "roles"),
}


@register
class SecuritySettings(Action):
    name, label = "settings.security", "Zmień ustawienia bezpieczeństwa"

    def run(self, state, payload):
        security = state["settings"]["security"]
        errors, values = {}, {}
        for key, raw in payload.items():
            if key not in SECURITY_FIELDS:
                errors["_"] = f"Nieznane ustawienie „{key}”."
                continue
            label, kind = SECURITY_FIELDS[key]
            if kind == "flag":
                if isinstance(raw, bool):
                    values[key] = raw
                else:
                    errors[key] = "Wybierz: włączone albo wyłączone."
            elif kind in ("minutes", "length"):
                number = parse_number(raw)
                low, high = (1, 1440) if kind == "minutes" else (4, 128)
                if number is None or number != int(number) or not low <= number <= high:
                    errors[key] = f"Wpisz liczbę całkowitą od {low} do {high}."
                else:
                    values[key] = int(number)
            elif kind == "backup":
                if raw in rec.BACKUP_FREQUENCIES:
                    values[key] = raw
                else:
                    errors[key] = f"Wybierz: {', '.join(rec.BACKUP_FREQUENCIES)}."
            else:
                if isinstance(raw, list) and all(r in rec.ROLES for r in raw):
                    values[key] = [r for r in rec.ROLES if r in raw]
                else:
                    errors[key] = f"Wybierz role spośród: {', '.join(rec.ROLES)}."
        if errors:
            return Reply(False, errors)
        changed = [SECURITY_FIELDS[k][0] for k, v in values.items() if security.get(k) != v]
        security.update(values)
        return Reply(messages=[f"Zapisano ustawienia bezpieczeństwa{': ' + ', '.join(changed) if changed else ''}."])


@register
class Answer(Action):
    """Answers to what a task asks to read from the CRM or to classify (kept per task)."""
    name, label = "answer", "Zapisz odpowiedzi"

    def run(self, state, payload):
        from .tasks import all_tasks

        task, values = payload.get("task"), payload.get("values")
        if task not in {t.id for t in all_tasks()}:  # the reader keeps answers to this site's tasks only
            return refuse("Nie ma takiego zadania.")
        if not isinstance(values, dict):
            return refuse("Odpowiedzi mają złą postać.")
        clean = {}
        for key, value in values.items():
            if not isinstance(key, str) or len(key) > 80:
                return refuse("Odpowiedzi mają złą postać.")
            if isinstance(value, bool) or not isinstance(value, (str, int, float)) or len(str(value)) > MAX_ANSWER:
                return Reply(False, {key: f"Odpowiedź to tekst albo liczba (najwyżej {MAX_ANSWER} znaków)."})
            clean[key] = value.strip() if isinstance(value, str) else value
        kept = {**state["answers"].get(task, {}), **clean}
        if len(kept) > MAX_ANSWERS:
            return refuse(f"Zadanie ma najwyżej {MAX_ANSWERS} odpowiedzi.")
        state["answers"][task] = kept
        return Reply(messages=["Zapisano odpowiedzi."])


@register
class ResetTask(Action):
    """One task started again from its starting records; the others' work stays (task_reset.py)."""
    name, label = "task.reset", "Zacznij zadanie od nowa"

    def run(self, state, payload):
        from .task_reset import reset
        from .tasks import all_tasks
        if payload.get("task") not in {t.id for t in all_tasks()}:
            return refuse("Nie ma takiego zadania.")
        if "exam" in state:
            return refuse("W symulacji części praktycznej zadań nie zaczyna się od nowa pojedynczo.")
        return Reply(messages=reset(state, payload["task"]))
