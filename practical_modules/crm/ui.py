"""The practice CRM's screens as generic blocks the page draws, with their forms (forms.py).

The page knows no screen and no action: it draws blocks (heading, text, facts, table, form, svg,
result, links to other screens) and sends back a form's id with its fields exactly as the browser holds them
({name: [values]}). A screen is made the same way every time from the state, its name and its params,
so `api.page` makes the screen a form came from again and asks the form what it means; every rule,
label and message stays in Python.

    screen(state, name, params)   -> Screen: .as_dict() for the page, .sent(form_id, fields) for a form

Screens are named after what they show: a list after its collection ("companies"), a record's card
in the singular ("company"); CARDS is the one map between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfcheck.polish import count, long_date, pln
from selfcheck.structure import anchor
from . import exam as exams
from . import forms
from . import progress
from . import records as rec
from . import tasks as task_defs
from .task_reset import describe as reset_effects
from . import views
from .actions import DELETABLE, DELETE_ACTIONS, SECURITY_FIELDS, own_record, record_name, removal
from .forms import FILTER_SLOTS, PLAN_SLOTS, STAGE_SLOTS, Form
from .records import COLLECTIONS, choice_list, display_name, find
from .reports import SOURCES, catalog as report_catalog
from .templates import TAGS
from .views import ViewError, form_spec

START = "tasks"
NAV = [("tasks", "Zadania do wykonania"), ("companies", "Firmy"), ("contacts", "Osoby kontaktowe"),
       ("pipeline", "Szanse sprzedaży"), ("activities", "Zadania handlowe"), ("funnels", "Lejki"), ("products", "Produkty"),
       ("templates", "Szablony ofert"), ("reports", "Raporty"), ("exports", "Eksporty"), ("goals", "Cele"),
       ("settings", "Bezpieczeństwo")]
# The card screen of a record of each collection: where a row opens and where a new record is shown.
CARDS = {"companies": "company", "contacts": "contact", "opportunities": "opportunity", "activities": "activity"}


class UiError(ValueError):
    """A form the page sent that cannot be read; str() is the Polish message."""


@dataclass(frozen=True)
class Screen:
    name: str
    params: dict
    title: str
    blocks: list[dict]
    forms: dict[str, Form]   # by id: the forms drawn, and those the system takes from any screen
    context: str

    def as_dict(self) -> dict:
        """The screen as the page draws it."""
        return {"name": self.name, "params": self.params, "title": self.title, "blocks": self.blocks,
                "nav": [{"screen": key, "label": label, "current": key == self.name} for key, label in NAV],
                "context": self.context}

    def sent(self, form_id, fields) -> forms.Outcome:
        """What sending the form `form_id` of this screen with `fields` means."""
        if not isinstance(form_id, str) or not isinstance(fields, dict):
            raise UiError("Formularz ma złą postać.")
        form = self.forms.get(form_id)
        if form is None:
            raise UiError(f"Na tym ekranie nie ma formularza „{form_id[:80]}”; odśwież stronę i spróbuj jeszcze raz.")
        return form.read(fields)


def screen(state: dict, name: str, params: dict | None = None) -> Screen:
    params = params if isinstance(params, dict) else {}
    build = SCREENS.get(name)
    if build is None:
        raise ViewError(f"Nie ma ekranu „{str(name)[:80]}”.")
    title, parts = build(state, params)
    found = {form.id: form for form in _anywhere(state)}
    blocks = [_drawn(part, found) for part in parts]
    context = f"{state['seller']['name']} · dzień symulacji {long_date(rec.parse_date(state['today']))} · wariant {state['seed']}"
    return Screen(name, params, title, blocks, found, context)


def _drawn(part, found: dict[str, Form]) -> dict:
    """A block as the page draws it; its forms (a form block, or a task card's answers) go to `found`."""
    if isinstance(part, Form):
        found[part.id] = part
        return part.block()
    return {key: _drawn(value, found) if isinstance(value, Form) else value for key, value in part.items()}


def _anywhere(state: dict) -> list[Form]:
    """Forms the page may send from any screen: the mock exam's hand-in, which its clock sends when the
    time is up, wherever the candidate is."""
    return [_hand_in()] if state.get("exam") else []


def _hand_in() -> Form:
    return Form("exam.finish", "Zakończ symulację", [], "Zakończ i sprawdź", forms.hand_in,
                note="Po zakończeniu Python sprawdzi wszystkie zadania; wyników nie da się już poprawić.")


def _open(label: str, screen_name: str, **params) -> dict:
    return {"label": label, "screen": screen_name, "params": params}


def _field(key: str, label: str, kind: str = "text", value="", *, required=False, choices=None, hint="",
           error_key: str = "", filter_by: str = "") -> dict:
    """kind: text, long_text, select, checkbox, checkboxes, date, number. `error_key`: the name the
    engine uses for this field's problems, when it is not the field's own (a row of a list).
    `filter_by`: a select whose choices carry a `group` shows only those of the group chosen in that
    other field of the form (all of them while it is empty), e.g. the people of the chosen firm."""
    return {"key": key, "label": label, "kind": kind, "value": value, "required": required,
            "choices": choices or [], "hint": hint, "error_key": error_key or key, "filter_by": filter_by}


# Choices of a reference that belong to a record chosen in another field of the same form:
# (collection, field) -> (the field it depends on, how a choice's record names its group).
GROUPED = {("opportunities", "contact_id"): "company_id", ("activities", "opportunity_id"): "company_id"}


def _stage_choices(state: dict) -> list[dict]:
    """Every stage of every funnel, grouped by its funnel, with the probability it gives."""
    return [{"id": st["id"], "label": f"{st['name']} ({st['probability']}%)", "group": f["id"]}
            for f in state["funnels"] for st in f["stages"]]


def _record_fields(state: dict, collection: str, record: dict | None = None) -> list[dict]:
    """The editable fields of a record form, filled with the record's values for an edit."""
    out = []
    for spec in form_spec(state, collection):
        if not spec["editable"]:
            continue
        value = (record or {}).get(spec["key"], "")
        kind = {"long_text": "long_text", "choice": "select", "ref": "select", "date": "date", "flag": "checkbox",
                "stage": "select"}.get(spec["kind"], "text")
        choices = spec.get("choices", [])
        if spec["kind"] == "choice":
            choices = [{"id": c, "label": c} for c in choices]
        filter_by = GROUPED.get((collection, spec["key"]), "")
        if filter_by:  # each choice names the record it belongs to (a person's firm)
            target = COLLECTIONS[collection].field(spec["key"]).target
            group = {r["id"]: r[filter_by] for r in state[target]}   # one pass: a thousand people, no search each
            choices = [{**c, "group": group[c["id"]]} for c in choices]
        if spec["kind"] == "stage":
            funnels = {f["id"]: f["name"] for f in state["funnels"]}
            choices = [{**c, "label": f"{funnels[c['group']]}: {c['label']}"} for c in _stage_choices(state)]
        if kind == "select":  # an empty first choice: nothing is picked for the candidate
            choices = [{"id": "", "label": "— wybierz —"}, *choices]
        hint = {"nip": "10 cyfr, np. 123-456-32-18", "regon": "9 albo 14 cyfr", "pesel": "11 cyfr",
                "postcode": "np. 00-950", "phone": "np. +48 601 234 567", "money": "kwota w zł, np. 12 500",
                "percent": "liczba od 0 do 100"}.get(spec["kind"], "")
        if filter_by:
            hint = f"lista pokazuje tylko wybraną firmę (pole „{COLLECTIONS[collection].field(filter_by).label}”)"
        out.append(_field(spec["key"], spec["label"], kind, value if value is not None else "",
                          required=spec["required"], choices=choices, hint=hint, filter_by=filter_by))
    return out


def _new_opportunity(state: dict) -> Form:
    """The new-opportunity form: a stage to start in, whose probability the opportunity takes (as in
    EspoCRM or SuiteCRM, where the stage sets the probability); it can be changed later in the card."""
    fields = [f for f in _record_fields(state, "opportunities") if f["key"] != "probability"]
    funnel = state["funnels"][0]
    stage = _field("stage", "Etap", "select", funnel["stages"][0]["id"], required=True,
                   choices=_stage_choices(state), filter_by="funnel_id",
                   hint="prawdopodobieństwo szansy wynika z etapu; inne ustawisz potem w karcie szansy")
    at = next(n for n, f in enumerate(fields) if f["key"] == "funnel_id") + 1
    fields[at - 1] = {**fields[at - 1], "value": funnel["id"]}
    fields.insert(at, stage)
    return Form("create:opportunities", "Dodaj szansę sprzedaży", fields, "Dodaj", forms.create_opportunity, open=False)


def _create(state: dict, collection: str, title: str, submit: str, *, record: dict | None = None, open_: bool = False) -> Form:
    """The form that adds a record (`record`: values filled in beforehand); a new record's card opens."""
    return Form(f"create:{collection}", title, _record_fields(state, collection, record), submit,
                forms.create(collection, CARDS.get(collection, "")), open=open_)


def _edit(state: dict, collection: str, record: dict, title: str, submit: str, *, open_: bool = False) -> Form:
    return Form(f"edit:{collection}:{record['id']}", title, _record_fields(state, collection, record), submit,
                forms.edit(collection, record["id"]), open=open_)


def _table(caption: str, columns: list[str], rows: list[dict]) -> dict:
    """rows: [{"cells": [texts], "open": {label, screen, params} or None}]."""
    return {"kind": "table", "caption": caption, "columns": columns, "rows": rows}


def _history(items: list[dict]) -> dict:
    return _table("Historia zdarzeń", ["Data", "Rodzaj", "Opis"],
                  [{"cells": [h["date"], h["kind"], h["text"]]} for h in items])


def _deletion(state: dict, collection: str, record: dict, here: tuple[str, dict], done: tuple[str, dict]) -> Form | None:
    """Deleting a record the candidate made, in two steps the page only draws: the button "Usuń …"
    shows the same screen with params {"delete": id}, where the same form is the confirmation, which
    says what goes with the record or why it cannot go. `here`: the screen and params showing the
    record; `done`: where to go once it is deleted. None for a starting record (it is not deleted)."""
    if not own_record(state, collection, record):
        return None
    form_id, what = f"delete:{collection}:{record['id']}", DELETABLE[collection][0]
    name = record_name(state, collection, record)
    screen_name, params = here
    back = (screen_name, {k: v for k, v in params.items() if k != "delete"})
    if params.get("delete") != record["id"]:
        return Form(form_id, f"Usuń {what}", [], f"Usuń {what}…", forms.show(screen_name, {**back[1], "delete": record["id"]}),
                    danger=True)
    why, also = removal(state, collection, record)
    if why:
        return Form(form_id, f"Nie można usunąć: „{name}”", [], "Wróć", forms.show(*back), note=why, focus=True)
    return Form(form_id, f"Usunąć {what} „{name}”?", [], "Tak, usuń",
                forms.confirm(DELETE_ACTIONS[collection], {"id": record["id"]}, done, back), second="Anuluj", danger=True,
                note=" ".join(["Tego nie da się cofnąć.", *also]), focus=True)


def _with_deletion(blocks: list, deletion: Form | None, params: dict) -> list:
    """The confirmation first (it is what the candidate just asked for); the button last."""
    if deletion is None:
        return blocks
    return [deletion, *blocks] if params.get("delete") else [*blocks, deletion]


def _place(blocks: list, deletion: Form | None, params: dict, record_id: str) -> None:
    """A deletion on a list screen: its confirmation at the top, or its button after the record."""
    if deletion is None:
        return
    if params.get("delete") == record_id:
        blocks.insert(0, deletion)
    else:
        blocks.append(deletion)


def _link(label: str, screen_name: str, **params) -> dict:
    return {"kind": "links", "items": [_open(label, screen_name, **params)]}


# --- screens -------------------------------------------------------------------------------------

def _exam(state):
    """The tasks screen of a practical mock exam: the tasks without checking while it is open; the
    results per task and per criterion once it is finished; the history of exams."""
    info = exams.describe(state)
    blocks = []
    if info["open"]:
        blocks.append({"kind": "exam", "deadline": info["deadline"],
                       "text": f"Symulacja trwa: {count(len(info['tasks']), 'zadanie', 'zadania', 'zadań')}, "
                               f"{count(info['minutes'], 'minuta', 'minuty', 'minut')} (koniec: {info['deadline_text']}). "
                               "Wyniki zobaczysz po zakończeniu."})
        for task_id in info["tasks"]:
            card = task_defs.task_view(state, task_id)
            blocks.append({"kind": "task", "id": task_id, "title": card["title"], "brief": card["brief"],
                           "criteria": [{"id": c, "anchor": anchor(c)} for c in card["criteria"]], "last": "",
                           "checkable": False, "answers": _answers_form(card)})
        blocks.append(_hand_in())
    else:
        # The handed-in system is kept as it was (changes are refused), so these results are the score's.
        result = exams.summary(state)
        blocks.append({"kind": "text", "text": result["text"]})
        blocks.append(_table("Wyniki zadań", ["Zadanie", "Wynik", "Do poprawy"],
                             [{"cells": [r["title"], r["percent"], _to_correct(r["checks"])]} for r in result["tasks"]]))
        blocks.append(_table("Wynik według kryteriów", ["Kryterium", "Wynik", "Poziom"],
                             [{"cells": [f"{c['id']} {c['text']}".strip(), c["percent"], c["level"]["label"]]}
                              for c in result["criteria"]]))
    blocks.append(_table("Historia symulacji", ["Rozpoczęta", "Zadań", "Wynik"],
                         [{"cells": [h["when"], h["tasks"], h["percent"] + (" (po czasie)" if h["timed_out"] else "")]}
                          for h in info["history"]]))
    return "Symulacja części praktycznej", blocks


# Where a sentence ends: its mark, a space, and a capital letter or an opening quote (not "art. 7", "sp. z o.o.").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ„])")


def _to_correct(checks: list[dict]) -> str:
    """A task's feedback in one cell. Several checks of one record begin with the same finding ("Nie ma
    zapisanego celu…") before their own explanation; the finding is said once."""
    sentences = []
    for check in checks:
        for sentence in _SENTENCE_END.split(check["feedback"]):
            if sentence and (sentence not in sentences or len(sentence) < 12):
                sentences.append(sentence)
    return " ".join(sentences)


def _answers_form(card):
    fields = []
    for answer in card["answers"]:
        given = card["given"].get(answer["key"], "")
        if answer.get("options"):
            fields.append(_field(answer["key"], answer["label"], "select", given,
                                 choices=[{"id": "", "label": "— wybierz —"}] + [{"id": o, "label": o} for o in answer["options"]]))
        else:
            fields.append(_field(answer["key"], answer["label"], "text", given, hint="liczba"))
    if not fields:
        return None
    return Form(f"answer:{card['id']}", "Twoje odpowiedzi", fields, "Zapisz odpowiedzi", forms.answer(card["id"]))


def _tasks(state, params):
    if state.get("exam"):
        return _exam(state)
    blocks = [{"kind": "text", "text": "Wykonaj zadanie w symulowanym systemie (menu powyżej), a potem wróć tu i kliknij "
                                       "„Sprawdź zadanie”. Po pierwszej nieudanej próbie pojawi się wskazówka, "
                                       "a po sprawdzeniu można zobaczyć przykładowe rozwiązanie. Przycisk „Zacznij to "
                                       "zadanie od nowa” w karcie zadania przywraca tylko jego rekordy; praca nad "
                                       "pozostałymi zadaniami zostaje."}]
    for t in task_defs.all_tasks():
        card = task_defs.task_view(state, t.id)
        last = card["result"]
        blocks.append({"kind": "task", "id": t.id, "title": card["title"], "brief": card["brief"],
                       "criteria": [{"id": c, "anchor": anchor(c)} for c in card["criteria"]],
                       "last": progress.last_text(last), "mark": progress.mark(last),
                       "checkable": True, "answers": _answers_form(card), "reset": _reset_form(state, t.id, params)})
    return "Zadania do wykonania", blocks


def _reset_form(state: dict, task_id: str, params: dict) -> Form:
    """"Zacznij to zadanie od nowa", then (params {"reset": task id}) the same form as its confirmation,
    which says what will come back and what will go (task_reset.describe)."""
    form_id = f"reset:{task_id}"
    if params.get("reset") != task_id:
        return Form(form_id, "Tylko to zadanie od nowa", [], "Zacznij to zadanie od nowa…",
                    forms.show("tasks", {"reset": task_id}), open=True)
    return Form(form_id, "Zacząć to zadanie od nowa?", [], "Tak, zacznij od nowa",
                forms.confirm("task.reset", {"task": task_id}, ("tasks", {}), ("tasks", {})), second="Anuluj",
                danger=True, note=" ".join(reset_effects(state, task_id)), focus=True)


def _list(collection):
    def build(state, params):
        data = views.record_list(state, collection, params)
        search = Form(f"search:{collection}", "Szukaj i filtruj",
                      [_field("query", "Szukaj (dowolne pole)", "text", params.get("query", ""))]
                      + [_field(f"filter.{f['key']}", f["label"], "select", (params.get("filters") or {}).get(f["key"], ""),
                                choices=[{"id": "", "label": "wszystkie"}] + [{"id": c, "label": c} for c in f["choices"]])
                         for f in data["filters"][:3]]
                      + [_field("sort", "Sortuj według", "select", data["sort"],
                                choices=[{"id": c["key"], "label": c["label"]} for c in data["columns"]]),
                         _field("dir", "Kolejność", "select", data["dir"],
                                choices=[{"id": "asc", "label": "rosnąco"}, {"id": "desc", "label": "malejąco"}])],
                      "Pokaż", forms.search(collection), open=bool(params.get("query") or params.get("filters")))
        rows = [{"cells": row["cells"], "open": _open("Otwórz", CARDS[collection], id=row["id"])} for row in data["rows"]]
        label = COLLECTIONS[collection].label
        return label, [search, {"kind": "text", "text": f"Znaleziono: {data['summary']}."},
                       _table(label, [c["label"] for c in data["columns"]], rows),
                       _create(state, collection, f"Dodaj: {COLLECTIONS[collection].one}", "Dodaj")]
    return build


def _company(state, params):
    card = views.company_card(state, params)
    record = find(state, "companies", card["id"])
    blocks = [{"kind": "facts", "items": [[f["label"], f["text"]] for f in card["fields"]]},
              _edit(state, "companies", record, "Zmień dane firmy", "Zapisz zmiany"),
              _table("Osoby kontaktowe", ["Imię i nazwisko", "Stanowisko", "E-mail"],
                     [{"cells": [c["title"], next((f["text"] for f in c["fields"] if f["key"] == "position"), ""),
                                 next((f["text"] for f in c["fields"] if f["key"] == "email"), "")],
                       "open": _open("Otwórz", CARDS["contacts"], id=c["id"])} for c in card["contacts"]]),
              _table("Szanse sprzedaży", ["Nazwa", "Wartość", "Status", "Zamknięcie"],
                     [{"cells": [o["name"], o["value_text"], o["status"], o["close_date"]],
                       "open": _open("Otwórz", CARDS["opportunities"], id=o["id"])} for o in card["opportunities"]]),
              _table("Dokumenty (wysłane oferty)", ["Numer", "Data", "Temat", "Do", "Netto"],
                     [{"cells": [d["number"], d["date"], d["subject"], d["to"], d["net"]]} for d in card["documents"]]),
              _history(card["history"])]
    deletion = _deletion(state, "companies", record, ("company", params), ("companies", {}))
    return card["title"], _with_deletion(blocks, deletion, params)


def _contact(state, params):
    card = views.record_card(state, "contacts", params.get("id"))
    record = find(state, "contacts", card["id"])
    blocks = [{"kind": "facts", "items": [[f["label"], f["text"]] for f in card["fields"]]},
              _link(f"Firma: {find(state, 'companies', record['company_id'])['name']}", "company", id=record["company_id"]),
              _edit(state, "contacts", record, "Zmień dane osoby", "Zapisz zmiany", open_=True)]
    deletion = _deletion(state, "contacts", record, ("contact", params), ("contacts", {}))
    return card["title"], _with_deletion(blocks, deletion, params)


def _pipeline(state, params):
    data = views.pipeline(state, params)
    blocks = [Form("pipeline", "Lejek i opiekun",
                   [_field("funnel_id", "Lejek", "select", data["funnel"]["id"],
                           choices=[{"id": f["id"], "label": f["name"]} for f in data["funnels"]]),
                    _field("owner", "Opiekun", "select", data["owner"],
                           choices=[{"id": "", "label": "wszyscy"}] + [{"id": o, "label": o} for o in data["owners"]])],
                   "Pokaż", forms.view("pipeline", ("funnel_id", "owner"))),
              {"kind": "text", "text": f"Otwarte szanse: {data['open_total']}; prognoza ważona: {data['forecast_text']}. "
                                       f"{data['forecast_note']}"}]
    for column in data["columns"]:
        blocks.append(_table(f"{column['name']} ({column['probability']}%): {column['count']} · {column['total_text']} · "
                             f"ważone {column['weighted_text']}", ["Szansa", "Firma", "Opiekun", "Wartość", "Zamknięcie"],
                             [{"cells": [o["name"], o["company"], o["owner"], o["value_text"], o["close_date"]],
                               "open": _open("Otwórz", CARDS["opportunities"], id=o["id"])} for o in column["items"]]))
    blocks.append(_new_opportunity(state))
    return "Szanse sprzedaży", blocks


def _opportunity(state, params):
    card = views.opportunity_card(state, params)
    record = find(state, "opportunities", card["id"])
    oid = card["id"]
    stages = [{"id": s["id"], "label": f"{s['name']} ({s['probability']}%)"} for s in card["stages"]]
    path = " → ".join(("[" + s["name"] + "]") if s["current"] else s["name"] for s in card["stages"])
    names = {s["id"]: s["name"] for s in card["stages"]}  # stages are kept by id; the reader sees names
    facts = [[f["label"], names.get(f["value"], f["text"]) if f["key"] in ("stage", "last_stage") else f["text"]]
             for f in card["fields"]]
    company = find(state, "companies", record["company_id"])
    blocks = [{"kind": "facts", "items": facts},
              _link(f"Firma: {company['name']}", "company", id=company["id"]),
              {"kind": "text", "text": f"Etapy lejka: {path}."}]
    if record["status"] == "otwarta":
        blocks += [Form(f"move:{oid}", "Przenieś do etapu", [_field("stage", "Etap", "select", record["stage"], choices=stages)],
                        "Przenieś", forms.act("opportunity.move", {"id": oid}, ("stage",))),
                   Form(f"win:{oid}", "Oznacz jako wygraną", [], "Wygrana", forms.act("opportunity.win", {"id": oid})),
                   Form(f"lose:{oid}", "Oznacz jako przegraną",
                        [_field("reason", "Powód przegranej", "select", "",
                                choices=[{"id": "", "label": "— wybierz —"}] + [{"id": r, "label": r} for r in card["lost_reasons"]],
                                required=True),
                         _field("note", "Notatka", "long_text", "")], "Przegrana",
                        forms.act("opportunity.lose", {"id": oid}, ("reason", "note")), danger=True)]
    else:
        blocks.append(Form(f"reopen:{oid}", "Otwórz szansę ponownie", [], "Otwórz ponownie",
                           forms.act("opportunity.reopen", {"id": oid})))
    blocks += [_edit(state, "opportunities", record, "Zmień szansę", "Zapisz zmiany"),
               _activities_table("Zadania tej szansy", card["activities"]),
               _create(state, "activities", "Dodaj zadanie do tej szansy", "Dodaj",
                       record={"opportunity_id": oid, "company_id": record["company_id"]}),
               _history(card["history"])]
    deletion = _deletion(state, "opportunities", record, ("opportunity", params), ("pipeline", {"funnel_id": record["funnel_id"]}))
    return card["title"], _with_deletion(blocks, deletion, params)


def _activities_table(caption, rows):
    return _table(caption, ["Termin", "Zadanie", "Priorytet", "Status", "Opiekun", "Firma / szansa"],
                  [{"cells": [a["due_text"] + (" (po terminie)" if a["overdue"] else ""), a["title"], a["priority"],
                              a["status"], a["owner"], " / ".join(x for x in (a["company"], a["opportunity"]) if x)],
                    "open": _open("Otwórz", CARDS["activities"], id=a["id"])} for a in rows])


def _activities(state, params):
    data = views.activities(state, params)
    blocks = [Form("activities", "Filtruj", [
        _field("owner", "Opiekun", "select", params.get("owner", ""),
               choices=[{"id": "", "label": "wszyscy"}] + [{"id": o, "label": o} for o in data["owners"]]),
        _field("status", "Status", "select", params.get("status", ""),
               choices=[{"id": "", "label": "wszystkie"}] + [{"id": s, "label": s} for s in choice_list("activity_statuses", state)]),
        _field("from", "Od dnia", "date", params.get("from", "")), _field("to", "Do dnia", "date", params.get("to", ""))],
        "Pokaż", forms.view("activities", ("owner", "status", "from", "to")))]
    done = "" if data["done_share"] is None else f" Wykonano {data['done']} z {data['total']} ({data['done_share']}%)."
    blocks.append({"kind": "text", "text": f"Dzień symulacji: {rec.parse_date(data['today']).strftime('%d.%m.%Y')}.{done}"})
    for day in data["days"]:
        blocks.append(_activities_table(day["label"], day["items"]))
    blocks.append(_create(state, "activities", "Dodaj zadanie", "Dodaj"))
    return "Zadania handlowe", blocks


def _activity(state, params):
    record = find(state, "activities", params.get("id"))
    if record is None:
        raise ViewError("Nie ma takiego zadania.")
    aid = record["id"]
    if record["status"] != "ukończone":
        status = Form(f"complete:{aid}", "Oznacz jako wykonane", [], "Wykonane", forms.act("activity.complete", {"id": aid}))
    else:
        status = Form(f"reopen-activity:{aid}", "Przywróć do zrobienia", [], "Przywróć", forms.act("activity.reopen", {"id": aid}))
    links = []   # the way back to what the task is for
    opportunity = find(state, "opportunities", record["opportunity_id"]) if record["opportunity_id"] else None
    company = find(state, "companies", record["company_id"]) if record["company_id"] else None
    if opportunity:
        links.append(_open(f"Szansa: {opportunity['name']}", "opportunity", id=opportunity["id"]))
    if company:
        links.append(_open(f"Firma: {company['name']}", "company", id=company["id"]))
    card = views.record_card(state, "activities", aid)
    blocks = [{"kind": "facts", "items": [[f["label"], f["text"]] for f in card["fields"]]},
              *([{"kind": "links", "items": links}] if links else []),
              status, _edit(state, "activities", record, "Zmień zadanie", "Zapisz zmiany", open_=True)]
    deletion = _deletion(state, "activities", record, ("activity", params), ("activities", {}))
    return record["title"], _with_deletion(blocks, deletion, params)


def _products(state, params):
    return "Produkty i usługi", [_table("Cennik", ["Nazwa", "Rodzaj", "Jednostka", "Cena netto", "VAT"],
                                        [{"cells": [p["name"], p["kind"], p["unit"], pln(p["price"]), f"{p['vat']}%"]}
                                         for p in state["products"]])]


def _templates(state, params):
    blocks = [_table("Dostępne znaczniki", ["Znacznik", "Co wstawia"],
                     [{"cells": ["{{" + tag + "}}", description]} for tag, description in TAGS.items()])]
    for template in state["templates"]:
        blocks.append(_edit(state, "templates", template, f"Szablon „{template['name']}”", "Zapisz szablon"))
        deletion = _deletion(state, "templates", template, ("templates", params), ("templates", {}))
        _place(blocks, deletion, params, template["id"])
    blocks.append(_create(state, "templates", "Nowy szablon", "Dodaj szablon"))
    blocks.append(Form("offer", "Oferta z szablonu", _offer_fields(state), "Wyślij ofertę", forms.offer, second="Podgląd",
                       note="„Podgląd” pokazuje gotową ofertę bez wysyłania; „Wyślij ofertę” zapisuje ją w historii klienta."))
    return "Szablony ofert", blocks


def _offer_fields(state):
    def options(collection):
        return [{"id": "", "label": "— wybierz —"}] + [{"id": r["id"], "label": display_name(collection, r, state)}
                                                      for r in state[collection]]
    return [_field("template_id", "Szablon", "select", "", choices=options("templates"), required=True),
            _field("company_id", "Firma", "select", "", choices=options("companies"), required=True),
            _field("contact_id", "Osoba (adresat)", "select", "", choices=options("contacts"), required=True),
            _field("opportunity_id", "Szansa (opcjonalnie)", "select", "", choices=options("opportunities")),
            _field("product_id", "Pozycja oferty: produkt lub usługa", "select", "", choices=options("products"), required=True),
            _field("quantity", "Ilość", "text", "1")]


def _goals(state, params):
    blocks = []
    for goal in state["goals"]:
        blocks.append(_edit(state, "goals", goal, f"Cel: {display_name('goals', goal, state)}", "Zapisz cel"))
        deletion = _deletion(state, "goals", goal, ("goals", params), ("goals", {}))
        _place(blocks, deletion, params, goal["id"])
    blocks.append(_create(state, "goals", "Nowy cel sprzedażowy", "Dodaj cel", open_=True))
    return "Cele sprzedażowe", blocks


def _settings(state, params):
    security = state["settings"]["security"]
    fields = []
    for key, (label, kind) in SECURITY_FIELDS.items():
        value = security[key]
        if kind == "flag":
            fields.append(_field(key, label, "checkbox", bool(value)))
        elif kind == "backup":
            fields.append(_field(key, label, "select", value, choices=[{"id": b, "label": b} for b in rec.BACKUP_FREQUENCIES]))
        elif kind in ("minutes", "length"):
            fields.append(_field(key, label, "text", str(value), hint="liczba całkowita"))
        else:
            fields.append(_field(key, label, "checkboxes", value, choices=[{"id": r, "label": r} for r in rec.ROLES]))
    return "Bezpieczeństwo bazy", [Form("security", "Ustawienia bezpieczeństwa", fields, "Zapisz ustawienia", forms.security)]


def _choices(pairs, empty: str = "") -> list[dict]:
    return ([{"id": "", "label": empty}] if empty else []) + [{"id": k, "label": v} for k, v in pairs]


REPLACE = "Zastąp zapisany pod tą nazwą (jeśli już jest)"


def _funnel_fields(state: dict, funnel: dict | None = None) -> list[dict]:
    """The funnel builder's fields, filled with `funnel`'s name, purpose and stages for an edit."""
    kinds = [(k, k) for k in choice_list("activity_kinds", state)]
    funnel = funnel or {"name": "", "purpose": "", "stages": []}
    fields = [_field("name", "Nazwa lejka", value=funnel["name"], required=True),
              _field("purpose", "Dla kogo i czego", value=funnel.get("purpose", ""))]
    for n in range(1, max(STAGE_SLOTS, len(funnel["stages"])) + 1):
        stage = funnel["stages"][n - 1] if n <= len(funnel["stages"]) else {"name": "", "probability": "", "required": [], "plan": []}
        fields += [_field(f"stages.{n}.name", f"Etap {n}: nazwa", value=stage["name"], hint="zostaw puste, jeśli etapów jest mniej"),
                   _field(f"stages.{n}.probability", f"Etap {n}: prawdopodobieństwo (%)", value=str(stage["probability"])),
                   _field(f"stages.{n}.required", f"Etap {n}: czynności wymagane do zamknięcia etapu", "checkboxes",
                          list(stage["required"]), choices=_choices(kinds))]
        for m in range(1, max(PLAN_SLOTS, len(stage["plan"])) + 1):
            step = stage["plan"][m - 1] if m <= len(stage["plan"]) else {"title": "", "kind": "", "day": ""}
            fields += [_field(f"stages.{n}.plan.{m}.title", f"Etap {n}, zadanie {m}: tytuł", value=step["title"],
                              error_key=f"stages.{n}.plan.{m}"),
                       _field(f"stages.{n}.plan.{m}.kind", f"Etap {n}, zadanie {m}: rodzaj", "select", step["kind"],
                              choices=_choices(kinds, "— wybierz —")),
                       _field(f"stages.{n}.plan.{m}.day", f"Etap {n}, zadanie {m}: termin (dni od wejścia w etap)",
                              value=str(step["day"]))]
    return fields


def _funnels(state, params):
    blocks = [{"kind": "text", "text": "Wygrana i przegrana są w każdym lejku same; tu ustawiasz etapy otwarte, ich "
                                       "prawdopodobieństwo (rosnące), czynności wymagane do zamknięcia etapu i zadania, "
                                       "które system zaplanuje po wejściu szansy w etap."}]
    editing = find(state, "funnels", params.get("edit"))
    if editing is not None and own_record(state, "funnels", editing):
        # One funnel's card: its builder filled in, and its deletion.
        blocks = [Form(f"funnel.edit:{editing['id']}", f"Zmień lejek „{editing['name']}”", _funnel_fields(state, editing),
                       "Zapisz zmiany", forms.funnel_edit(editing["id"]),
                       note="Etap, w którym są szanse albo zadania, zostaje w lejku; zmienić można jego nazwę i ustawienia."),
                  _link("Wróć do listy lejków", "funnels")]
        return f"Lejek „{editing['name']}”", _with_deletion(
            blocks, _deletion(state, "funnels", editing, ("funnels", params), ("funnels", {})), params)
    own = [f for f in state["funnels"] if own_record(state, "funnels", f)]
    if own:
        blocks.append(_table("Twoje lejki", ["Nazwa", "Etapy"],
                             [{"cells": [f["name"], " → ".join(st["name"] for st in f["stages"])],
                               "open": _open("Zmień albo usuń", "funnels", edit=f["id"])} for f in own]))
    for funnel in state["funnels"]:
        blocks.append(_table(f"Lejek „{funnel['name']}”", ["Etap", "Prawdopodobieństwo", "Wymagane czynności", "Zadania w planie"],
                             [{"cells": [st["name"], f"{st['probability']}%", ", ".join(st["required"]) or "—",
                                         "; ".join(f"{p['title']} ({p['kind']}, dzień {p['day']})" for p in st["plan"]) or "—"]}
                              for st in funnel["stages"]]))
    fields = _funnel_fields(state) + [_field("replace", REPLACE, "checkbox", False)]
    blocks.append(Form("funnel.create", "Nowy lejek sprzedaży", fields, "Dodaj lejek", forms.funnel, open=False))
    return "Lejki sprzedaży", blocks


def _spec_fields(catalog: dict, source: str, prefix_fields: list[dict], spec: dict | None = None) -> tuple[list[dict], list, list]:
    """A report's (or an export's) fields; `spec`: a saved one's choices, filled in for an edit."""
    spec = spec or {"fields": [], "filters": []}
    columns = next(s["fields"] for s in catalog["sources"] if s["key"] == source)
    pairs = [(c["key"], c["label"]) for c in columns]
    numeric = [(c["key"], c["label"]) for c in columns if c["kind"] in ("number", "money", "percent")]
    fields = prefix_fields + [_field("fields", "Pola w tabeli", "checkboxes", list(spec["fields"]), choices=_choices(pairs))]
    for n in range(1, max(FILTER_SLOTS, len(spec["filters"])) + 1):
        rule = spec["filters"][n - 1] if n <= len(spec["filters"]) else {"field": "", "op": "=", "value": ""}
        value = rule["value"]
        value = "; ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
        fields += [_field(f"filters.{n}.field", f"Filtr {n}: pole", "select", rule["field"], choices=_choices(pairs, "— bez filtra —"),
                          error_key=f"filters.{n}"),
                   _field(f"filters.{n}.op", f"Filtr {n}: warunek", "select", rule["op"],
                          choices=_choices([(o["key"], o["label"]) for o in catalog["operators"]])),
                   _field(f"filters.{n}.value", f"Filtr {n}: wartość", value=value, hint="kilka wartości oddziel średnikiem")]
    return fields, pairs, numeric


def _report_form(state: dict, catalog: dict, source: str, saved: dict | None) -> Form:
    spec = saved["spec"] if saved else {}
    fields, pairs, numeric = _spec_fields(catalog, source, [_field("name", "Nazwa raportu (do zapisania)",
                                                                   value=saved["name"] if saved else ""),
                                                            _field("title", "Tytuł tabeli i wykresu", value=spec.get("title", ""))],
                                          spec or None)
    fields += [_field("group_by", "Grupuj według", "select", spec.get("group_by", ""), choices=_choices(pairs, "— bez grupowania —")),
               _field("aggregate", "Wartość w grupie", "select", spec.get("aggregate", "count"),
                      choices=_choices([(a["key"], a["label"]) for a in catalog["aggregates"]])),
               _field("measure", "Pole liczbowe (dla sumy i średniej)", "select", spec.get("measure", ""),
                      choices=_choices(numeric, "—")),
               _field("chart", "Wykres", "select", spec.get("chart", "none"),
                      choices=_choices([(c["key"], c["label"]) for c in catalog["charts"]]))]
    if saved:
        return Form(f"report.edit:{saved['id']}", f"Zmień raport „{saved['name']}”", fields, "Zapisz zmiany",
                    forms.report_update(source, saved["id"]), second="Pokaż raport",
                    note="„Pokaż raport” tylko wyświetla tabelę i wykres; „Zapisz zmiany” poprawia zapisany raport.")
    fields.append(_field("replace", REPLACE, "checkbox", False))
    return Form(f"report:{source}", "Raport", fields, "Zapisz raport", forms.report(source), second="Pokaż raport",
                note="„Pokaż raport” tylko wyświetla tabelę i wykres; „Zapisz raport” zachowuje go w systemie.")


def _reports(state, params):
    catalog = report_catalog()
    saved = find(state, "reports", params.get("edit"))
    if saved is not None:
        # One saved report's card: its form filled in, and its deletion.
        blocks = [_report_form(state, catalog, saved["spec"]["source"], saved), _link("Wróć do raportów", "reports")]
        return f"Raport „{saved['name']}”", _with_deletion(
            blocks, _deletion(state, "reports", saved, ("reports", params), ("reports", {})), params)
    source = params.get("source") if params.get("source") in SOURCES else next(iter(SOURCES))
    blocks = [Form("report.source", "Źródło danych", [_field("source", "Z czego raport", "select", source,
                                                             choices=_choices(SOURCES.items()))],
                   "Wybierz", forms.view("reports", ("source",))),
              _report_form(state, catalog, source, None),
              _table("Zapisane raporty", ["Nazwa", "Źródło"],
                     [{"cells": [r["name"], SOURCES.get(r["spec"]["source"], "")],
                       "open": _open("Zmień albo usuń", "reports", edit=r["id"])} for r in state["reports"]])]
    return "Raporty", blocks


def _exports(state, params):
    fields, _, _ = _spec_fields(report_catalog(), "contacts", [_field("name", "Nazwa eksportu", required=True),
                                                               _field("purpose", "Cel eksportu", required=True)])
    blocks = [
        {"kind": "text", "text": "Eksport to lista osób kontaktowych do pliku CSV, np. do kampanii. Zadbaj, by trafiły do niego "
                                 "tylko osoby, których dane wolno do tego celu wykorzystać."},
        Form("export.create", "Nowy eksport osób kontaktowych", fields, "Przygotuj eksport", forms.export),
        _table("Przygotowane eksporty", ["Nazwa", "Cel", "Data", "Osób"],
               [{"cells": [e["name"], e["purpose"], views.short_day(e["date"]), str(len(e["contact_ids"]))],
                 "open": _open("Usuń…", "exports", delete=e["id"]) if own_record(state, "exports", e) else None}
                for e in state["exports"]])]
    chosen = find(state, "exports", params.get("delete"))
    if chosen is not None:
        _place(blocks, _deletion(state, "exports", chosen, ("exports", params), ("exports", {})), params, chosen["id"])
    return "Eksporty danych", blocks


SCREENS = {"tasks": _tasks, "companies": _list("companies"), "contacts": _list("contacts"), "company": _company,
           "contact": _contact, "pipeline": _pipeline, "opportunity": _opportunity, "activities": _activities,
           "activity": _activity, "products": _products, "templates": _templates, "goals": _goals, "settings": _settings,
           "funnels": _funnels, "reports": _reports, "exports": _exports}
assert set(CARDS.values()) <= set(SCREENS) and {key for key, _ in NAV} <= set(SCREENS)


# --- the task beside every screen ------------------------------------------------------------------

# The words of the task panel and of choosing a task; the page draws them as given.
PANEL = {"heading": "Twoje zadanie", "choose": "Pracuj nad tym zadaniem", "check": "Sprawdź zadanie",
         "contents": "Spis zadań", "close": "Zamknij to zadanie"}


def task_panel(state: dict, task_id) -> dict:
    """The task the candidate chose (the page remembers which and sends its id), to keep in view
    while working on other screens: its brief and, in practice, its check. `task` is None when no
    task, or one not in this practice or exam, is chosen."""
    chosen = state["exam"]["tasks"] if state.get("exam") else [t.id for t in task_defs.all_tasks()]
    if task_id not in chosen:
        return {"kind": "panel", **PANEL, "task": None}
    card = task_defs.task_view(state, task_id)
    return {"kind": "panel", **PANEL,
            "task": {"id": task_id, "title": card["title"], "brief": card["brief"],
                     "criteria": [{"id": c, "anchor": anchor(c)} for c in card["criteria"]],
                     "checkable": not state.get("exam"), "last": "" if state.get("exam") else progress.last_text(card["result"])}}
