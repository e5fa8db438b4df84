"""The practice CRM's screens as generic blocks the page draws, and its forms read back into actions.

The page knows no screen and no action: it draws blocks (heading, text, facts, table, form, svg,
result) and sends back a form's id with its fields exactly as the browser holds them
({name: [values]}). Here a form id becomes an action of `actions.py` with a typed payload, so every
rule, label and message stays in Python.

    screen(state, name, params)          -> {"title", "nav", "blocks"}
    submit(state, form_id, fields)       -> (action name, payload)   or raises UiError
"""

from __future__ import annotations

from . import records as rec
from . import tasks as task_defs
from .actions import ACTIONS, SECURITY_FIELDS
from .records import COLLECTIONS, choice_list, display_name, find
from .templates import TAGS
from selfcheck.polish import count, percent
from selfcheck.structure import anchor
from .views import ViewError, form_spec
from .views import view as data_view

NAV = [("zadania", "Zadania do wykonania"), ("firmy", "Firmy"), ("osoby", "Osoby kontaktowe"), ("szanse", "Szanse sprzedaży"),
       ("czynnosci", "Zadania handlowe"), ("lejki", "Lejki"), ("produkty", "Produkty"), ("szablony", "Szablony ofert"),
       ("raporty", "Raporty"), ("eksporty", "Eksporty"), ("cele", "Cele"), ("ustawienia", "Bezpieczeństwo")]
STAGE_SLOTS, PLAN_SLOTS, FILTER_SLOTS = 6, 2, 3
# The record screens: the list screen, its collection, the card screen.
LISTS = {"firmy": ("companies", "firma"), "osoby": ("contacts", "osoba")}


class UiError(ValueError):
    """A form the page sent that cannot be read; str() is the Polish message."""


def _open(label: str, screen: str, **params) -> dict:
    return {"label": label, "screen": screen, "params": params}


def _form(form_id: str, title: str, fields: list[dict], submit: str, *, open_: bool = True, note: str = "",
          danger: bool = False, second: str = "") -> dict:
    """A form block; `second`: the label of a second button that sends the field `_second` (e.g. a preview)."""
    return {"kind": "form", "id": form_id, "title": title, "fields": fields, "submit": submit, "open": open_,
            "note": note, "danger": danger, "second": second}


def _field(key: str, label: str, kind: str = "text", value="", *, required=False, choices=None, hint="",
           error_key: str = "") -> dict:
    """kind: text, long_text, select, checkbox, checkboxes, date, number. `error_key`: the name the
    engine uses for this field's problems, when it is not the field's own (a row of a list)."""
    return {"key": key, "label": label, "kind": kind, "value": value, "required": required,
            "choices": choices or [], "hint": hint, "error_key": error_key or key}


def _record_fields(state: dict, collection: str, record: dict | None = None) -> list[dict]:
    """The editable fields of a record form, filled with the record's values for an edit."""
    out = []
    for spec in form_spec(state, collection):
        if not spec["editable"]:
            continue
        value = (record or {}).get(spec["key"], "")
        kind = {"long_text": "long_text", "choice": "select", "ref": "select", "date": "date", "flag": "checkbox"}.get(
            spec["kind"], "text")
        choices = spec.get("choices", [])
        if spec["kind"] == "choice":
            choices = [{"id": c, "label": c} for c in choices]
        if kind == "select":  # an empty first choice: nothing is picked for the candidate
            choices = [{"id": "", "label": "— wybierz —"}, *choices]
        hint = {"nip": "10 cyfr, np. 123-456-32-18", "regon": "9 albo 14 cyfr", "pesel": "11 cyfr",
                "postcode": "np. 00-950", "phone": "np. +48 601 234 567", "money": "kwota w zł, np. 12 500",
                "percent": "liczba od 0 do 100"}.get(spec["kind"], "")
        out.append(_field(spec["key"], spec["label"], kind, value if value is not None else "",
                          required=spec["required"], choices=choices, hint=hint))
    return out


def _table(caption: str, columns: list[str], rows: list[dict]) -> dict:
    """rows: [{"cells": [texts], "open": {label, screen, params} or None}]."""
    return {"kind": "table", "caption": caption, "columns": columns, "rows": rows}


def _history(items: list[dict]) -> dict:
    return _table("Historia zdarzeń", ["Data", "Rodzaj", "Opis"],
                  [{"cells": [h["date"], h["kind"], h["text"]]} for h in items])


def screen(state: dict, name: str, params: dict | None = None) -> dict:
    params = params if isinstance(params, dict) else {}
    build = SCREENS.get(name)
    if build is None:
        raise ViewError(f"Nie ma ekranu „{name}”.")
    title, blocks = build(state, params)
    summary = data_view(state, "summary")
    return {"name": name, "params": params, "title": title, "blocks": blocks,
            "nav": [{"screen": key, "label": label, "current": key == name} for key, label in NAV],
            "context": f"{summary['seller']} · dzień symulacji {summary['today_text']} · wariant {summary['seed']}"}


# --- screens -------------------------------------------------------------------------------------

def _exam(state):
    """The tasks screen of a practical mock exam: the tasks without checking while it is open; the
    results per task and per criterion once it is finished; the history of exams."""
    from . import exam as exams

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
        blocks.append(_form("exam.finish", "Zakończ symulację", [], "Zakończ i sprawdź",
                            note="Po zakończeniu Python sprawdzi wszystkie zadania; wyników nie da się już poprawić."))
    else:
        # The handed-in system is kept as it was (changes are refused), so these results are the score's.
        result = exams.summary(state)
        blocks.append({"kind": "text", "text": result["text"]})
        blocks.append(_table("Wyniki zadań", ["Zadanie", "Wynik", "Do poprawy"],
                             [{"cells": [r["title"], r["percent"], " ".join(c["feedback"] for c in r["checks"] if c["feedback"])]}
                              for r in result["tasks"]]))
        blocks.append(_table("Wynik według kryteriów", ["Kryterium", "Wynik", "Poziom"],
                             [{"cells": [f"{c['id']} {c['text']}".strip(), c["percent"], c["level"]["label"]]}
                              for c in result["criteria"]]))
    blocks.append(_table("Historia symulacji", ["Rozpoczęta", "Zadań", "Wynik"],
                         [{"cells": [h["when"], h["tasks"], h["percent"] + (" (po czasie)" if h["timed_out"] else "")]}
                          for h in info["history"]]))
    return "Symulacja części praktycznej", blocks


def _answers_form(card):
    fields = []
    for answer in card["answers"]:
        given = card["given"].get(answer["key"], "")
        if answer.get("options"):
            fields.append(_field(answer["key"], answer["label"], "select", given,
                                 choices=[{"id": "", "label": "— wybierz —"}] + [{"id": o, "label": o} for o in answer["options"]]))
        else:
            fields.append(_field(answer["key"], answer["label"], "text", given, hint="liczba"))
    return _form(f"answer:{card['id']}", "Twoje odpowiedzi", fields, "Zapisz odpowiedzi") if fields else None


def _tasks(state, params):
    if state.get("exam"):
        return _exam(state)
    blocks = [{"kind": "text", "text": "Wykonaj zadanie w symulowanym systemie (menu powyżej), a potem wróć tu i kliknij "
                                       "„Sprawdź zadanie”. Po pierwszej nieudanej próbie pojawi się wskazówka, "
                                       "a po sprawdzeniu można zobaczyć przykładowe rozwiązanie."}]
    for t in task_defs.all_tasks():
        card = task_defs.task_view(state, t.id)
        last = card["result"]
        blocks.append({"kind": "task", "id": t.id, "title": card["title"], "brief": card["brief"],
                       "criteria": [{"id": c, "anchor": anchor(c)} for c in card["criteria"]],
                       "last": (f"Ostatnie sprawdzenie: {percent(last['last'])}; najlepszy wynik {percent(last['best'])} "
                                f"({count(int(last['attempts']), 'próba', 'próby', 'prób')})." if last else ""),
                       "checkable": True, "answers": _answers_form(card)})
    return "Zadania do wykonania", blocks


def _list(collection, card_screen):
    def build(state, params):
        data = data_view(state, "companies" if collection == "companies" else "contacts", params)
        one = COLLECTIONS[collection].one
        search = _form(f"search:{collection}", "Szukaj i filtruj",
                       [_field("query", "Szukaj (dowolne pole)", "text", params.get("query", ""))]
                       + [_field(f"filter.{f['key']}", f["label"], "select", (params.get("filters") or {}).get(f["key"], ""),
                                 choices=[{"id": "", "label": "wszystkie"}] + [{"id": c, "label": c} for c in f["choices"]])
                          for f in data["filters"][:3]]
                       + [_field("sort", "Sortuj według", "select", data["sort"],
                                 choices=[{"id": c["key"], "label": c["label"]} for c in data["columns"]]),
                          _field("dir", "Kolejność", "select", data["dir"],
                                 choices=[{"id": "asc", "label": "rosnąco"}, {"id": "desc", "label": "malejąco"}])],
                       "Pokaż", open_=bool(params.get("query") or params.get("filters")))
        rows = [{"cells": row["cells"], "open": _open("Otwórz", card_screen, id=row["id"])} for row in data["rows"]]
        create = _form(f"create:{collection}", f"Dodaj: {one}", _record_fields(state, collection), "Dodaj", open_=False)
        return COLLECTIONS[collection].label, [search, {"kind": "text", "text": f"Znaleziono: {data['summary']}."},
                                               _table(COLLECTIONS[collection].label, [c["label"] for c in data["columns"]], rows),
                                               create]
    return build


def _company(state, params):
    card = data_view(state, "company", params)
    record = find(state, "companies", card["id"])
    blocks = [{"kind": "facts", "items": [[f["label"], f["text"]] for f in card["fields"]]},
              _form(f"edit:companies:{card['id']}", "Zmień dane firmy", _record_fields(state, "companies", record), "Zapisz zmiany",
                    open_=False),
              _table("Osoby kontaktowe", ["Imię i nazwisko", "Stanowisko", "E-mail"],
                     [{"cells": [c["title"], next((f["text"] for f in c["fields"] if f["key"] == "position"), ""),
                                 next((f["text"] for f in c["fields"] if f["key"] == "email"), "")],
                       "open": _open("Otwórz", "osoba", id=c["id"])} for c in card["contacts"]]),
              _table("Szanse sprzedaży", ["Nazwa", "Wartość", "Status", "Zamknięcie"],
                     [{"cells": [o["name"], o["value_text"], o["status"], o["close_date"]],
                       "open": _open("Otwórz", "szansa", id=o["id"])} for o in card["opportunities"]]),
              _table("Dokumenty (wysłane oferty)", ["Numer", "Data", "Temat", "Do", "Netto"],
                     [{"cells": [d["number"], d["date"], d["subject"], d["to"], d["net"]]} for d in card["documents"]]),
              _history(card["history"])]
    return card["title"], blocks


def _contact(state, params):
    card = data_view(state, "contact", params)
    record = find(state, "contacts", card["id"])
    return card["title"], [{"kind": "facts", "items": [[f["label"], f["text"]] for f in card["fields"]]},
                           _form(f"edit:contacts:{card['id']}", "Zmień dane osoby",
                                 _record_fields(state, "contacts", record), "Zapisz zmiany", open_=True)]


def _pipeline(state, params):
    data = data_view(state, "pipeline", params)
    blocks = [_form("pipeline", "Lejek i opiekun",
                    [_field("funnel_id", "Lejek", "select", data["funnel"]["id"],
                            choices=[{"id": f["id"], "label": f["name"]} for f in data["funnels"]]),
                     _field("owner", "Opiekun", "select", data["owner"],
                            choices=[{"id": "", "label": "wszyscy"}] + [{"id": o, "label": o} for o in data["owners"]])],
                    "Pokaż"),
              {"kind": "text", "text": f"Otwarte szanse: {data['open_total']}; prognoza ważona: {data['forecast_text']}. "
                                       f"{data['forecast_note']}"}]
    for column in data["columns"]:
        blocks.append(_table(f"{column['name']} ({column['probability']}%): {column['count']} · {column['total_text']} · "
                             f"ważone {column['weighted_text']}", ["Szansa", "Firma", "Opiekun", "Wartość", "Zamknięcie"],
                             [{"cells": [o["name"], o["company"], o["owner"], o["value_text"], o["close_date"]],
                               "open": _open("Otwórz", "szansa", id=o["id"])} for o in column["items"]]))
    blocks.append(_form("create:opportunities", "Dodaj szansę sprzedaży", _record_fields(state, "opportunities"), "Dodaj",
                        open_=False))
    return "Szanse sprzedaży", blocks


def _opportunity(state, params):
    card = data_view(state, "opportunity", params)
    record = find(state, "opportunities", card["id"])
    oid = card["id"]
    stages = [{"id": s["id"], "label": f"{s['name']} ({s['probability']}%)"} for s in card["stages"]]
    path = " → ".join(("[" + s["name"] + "]") if s["current"] else s["name"] for s in card["stages"])
    names = {s["id"]: s["name"] for s in card["stages"]}  # stages are kept by id; the reader sees names
    facts = [[f["label"], names.get(f["value"], f["text"]) if f["key"] in ("stage", "last_stage") else f["text"]]
             for f in card["fields"]]
    blocks = [{"kind": "facts", "items": facts},
              {"kind": "text", "text": f"Etapy lejka: {path}."}]
    if record["status"] == "otwarta":
        blocks += [_form(f"move:{oid}", "Przenieś do etapu", [_field("stage", "Etap", "select", record["stage"], choices=stages)],
                         "Przenieś"),
                   _form(f"win:{oid}", "Oznacz jako wygraną", [], "Wygrana"),
                   _form(f"lose:{oid}", "Oznacz jako przegraną",
                         [_field("reason", "Powód przegranej", "select", "",
                                 choices=[{"id": "", "label": "— wybierz —"}] + [{"id": r, "label": r} for r in card["lost_reasons"]],
                                 required=True),
                          _field("note", "Notatka", "long_text", "")], "Przegrana", danger=True)]
    else:
        blocks.append(_form(f"reopen:{oid}", "Otwórz szansę ponownie", [], "Otwórz ponownie"))
    blocks += [_form(f"edit:opportunities:{oid}", "Zmień szansę", _record_fields(state, "opportunities", record), "Zapisz zmiany",
                     open_=False),
               _activities_table("Zadania tej szansy", card["activities"]),
               _form("create:activities", "Dodaj zadanie do tej szansy",
                     _record_fields(state, "activities", {"opportunity_id": oid, "company_id": record["company_id"]}),
                     "Dodaj", open_=False),
               _history(card["history"])]
    return card["title"], blocks


def _activities_table(caption, rows):
    return _table(caption, ["Termin", "Zadanie", "Priorytet", "Status", "Opiekun", "Firma / szansa"],
                  [{"cells": [a["due_text"] + (" (po terminie)" if a["overdue"] else ""), a["title"], a["priority"],
                              a["status"], a["owner"], " / ".join(x for x in (a["company"], a["opportunity"]) if x)],
                    "open": _open("Otwórz", "czynnosc", id=a["id"])} for a in rows])


def _activities(state, params):
    data = data_view(state, "activities", params)
    blocks = [_form("activities", "Filtruj", [
        _field("owner", "Opiekun", "select", params.get("owner", ""),
               choices=[{"id": "", "label": "wszyscy"}] + [{"id": o, "label": o} for o in data["owners"]]),
        _field("status", "Status", "select", params.get("status", ""),
               choices=[{"id": "", "label": "wszystkie"}] + [{"id": s, "label": s} for s in choice_list("activity_statuses", state)]),
        _field("from", "Od dnia", "date", params.get("from", "")), _field("to", "Do dnia", "date", params.get("to", ""))],
        "Pokaż")]
    done = "" if data["done_share"] is None else f" Wykonano {data['done']} z {data['total']} ({data['done_share']}%)."
    blocks.append({"kind": "text", "text": f"Dzień symulacji: {rec.parse_date(data['today']).strftime('%d.%m.%Y')}.{done}"})
    for day in data["days"]:
        blocks.append(_activities_table(day["label"], day["items"]))
    blocks.append(_form("create:activities", "Dodaj zadanie", _record_fields(state, "activities"), "Dodaj", open_=False))
    return "Zadania handlowe", blocks


def _activity(state, params):
    record = find(state, "activities", params.get("id"))
    if record is None:
        raise ViewError("Nie ma takiego zadania.")
    aid = record["id"]
    status = [_form(f"complete:{aid}", "Oznacz jako wykonane", [], "Wykonane")] if record["status"] != "ukończone" else \
        [_form(f"reopen-activity:{aid}", "Przywróć do zrobienia", [], "Przywróć")]
    return record["title"], status + [_form(f"edit:activities:{aid}", "Zmień zadanie",
                                            _record_fields(state, "activities", record), "Zapisz zmiany")]


def _products(state, params):
    data = data_view(state, "products")
    return "Produkty i usługi", [_table("Cennik", ["Nazwa", "Rodzaj", "Jednostka", "Cena netto", "VAT"],
                                        [{"cells": [p["name"], p["kind"], p["unit"], p["price"], p["vat"]]} for p in data["rows"]])]


def _templates(state, params):
    data = data_view(state, "templates")
    blocks = [_table("Dostępne znaczniki", ["Znacznik", "Co wstawia"], [{"cells": [t["tag"], t["description"]]} for t in data["tags"]])]
    for t in data["templates"]:
        record = find(state, "templates", t["id"])
        blocks.append(_form(f"edit:templates:{t['id']}", f"Szablon „{t['name']}”", _record_fields(state, "templates", record),
                            "Zapisz szablon", open_=False))
    blocks.append(_form("create:templates", "Nowy szablon", _record_fields(state, "templates"), "Dodaj szablon", open_=False))
    blocks.append(_form("offer", "Oferta z szablonu", _offer_fields(state), "Wyślij ofertę", second="Podgląd",
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
        blocks.append(_form(f"edit:goals:{goal['id']}", f"Cel: {display_name('goals', goal, state)}",
                            _record_fields(state, "goals", goal), "Zapisz cel", open_=False))
    blocks.append(_form("create:goals", "Nowy cel sprzedażowy", _record_fields(state, "goals"), "Dodaj cel"))
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
    return "Bezpieczeństwo bazy", [_form("security", "Ustawienia bezpieczeństwa", fields, "Zapisz ustawienia")]


def _choices(pairs, empty: str = "") -> list[dict]:
    return ([{"id": "", "label": empty}] if empty else []) + [{"id": k, "label": v} for k, v in pairs]


def _funnels(state, params):
    kinds = [(k, k) for k in choice_list("activity_kinds", state)]
    blocks = [{"kind": "text", "text": "Wygrana i przegrana są w każdym lejku same; tu ustawiasz etapy otwarte, ich "
                                       "prawdopodobieństwo (rosnące), czynności wymagane do zamknięcia etapu i zadania, "
                                       "które system zaplanuje po wejściu szansy w etap."}]
    for funnel in state["funnels"]:
        blocks.append(_table(f"Lejek „{funnel['name']}”", ["Etap", "Prawdopodobieństwo", "Wymagane czynności", "Zadania w planie"],
                             [{"cells": [st["name"], f"{st['probability']}%", ", ".join(st["required"]) or "—",
                                         "; ".join(f"{p['title']} ({p['kind']}, dzień {p['day']})" for p in st["plan"]) or "—"]}
                              for st in funnel["stages"]]))
    fields = [_field("name", "Nazwa lejka", required=True), _field("purpose", "Dla kogo i czego")]
    for n in range(1, STAGE_SLOTS + 1):
        fields += [_field(f"stages.{n}.name", f"Etap {n}: nazwa", hint="zostaw puste, jeśli etapów jest mniej"),
                   _field(f"stages.{n}.probability", f"Etap {n}: prawdopodobieństwo (%)"),
                   _field(f"stages.{n}.required", f"Etap {n}: czynności wymagane do zamknięcia etapu", "checkboxes", [],
                          choices=_choices(kinds))]
        for m in range(1, PLAN_SLOTS + 1):
            fields += [_field(f"stages.{n}.plan.{m}.title", f"Etap {n}, zadanie {m}: tytuł", error_key=f"stages.{n}.plan.{m}"),
                       _field(f"stages.{n}.plan.{m}.kind", f"Etap {n}, zadanie {m}: rodzaj", "select", "",
                              choices=_choices(kinds, "— wybierz —")),
                       _field(f"stages.{n}.plan.{m}.day", f"Etap {n}, zadanie {m}: termin (dni od wejścia w etap)")]
    blocks.append(_form("funnel.create", "Nowy lejek sprzedaży", fields, "Dodaj lejek", open_=False))
    return "Lejki sprzedaży", blocks


def _spec_fields(catalog: dict, source: str, prefix_fields: list[dict]) -> list[dict]:
    columns = next(s["fields"] for s in catalog["sources"] if s["key"] == source)
    pairs = [(c["key"], c["label"]) for c in columns]
    numeric = [(c["key"], c["label"]) for c in columns if c["kind"] in ("number", "money", "percent")]
    fields = prefix_fields + [_field("fields", "Pola w tabeli", "checkboxes", [], choices=_choices(pairs))]
    for n in range(1, FILTER_SLOTS + 1):
        fields += [_field(f"filters.{n}.field", f"Filtr {n}: pole", "select", "", choices=_choices(pairs, "— bez filtra —"),
                          error_key=f"filters.{n}"),
                   _field(f"filters.{n}.op", f"Filtr {n}: warunek", "select", "=",
                          choices=_choices([(o["key"], o["label"]) for o in catalog["operators"]])),
                   _field(f"filters.{n}.value", f"Filtr {n}: wartość", hint="kilka wartości oddziel średnikiem")]
    return fields, pairs, numeric


def _reports(state, params):
    catalog = data_view(state, "reports")["catalog"]
    sources = [(s["key"], s["label"]) for s in catalog["sources"]]
    source = params.get("source") if params.get("source") in dict(sources) else sources[0][0]
    blocks = [_form("report.source", "Źródło danych", [_field("source", "Z czego raport", "select", source,
                                                              choices=_choices(sources))], "Wybierz")]
    fields, pairs, numeric = _spec_fields(catalog, source, [_field("name", "Nazwa raportu (do zapisania)"),
                                                            _field("title", "Tytuł tabeli i wykresu")])
    fields += [_field("group_by", "Grupuj według", "select", "", choices=_choices(pairs, "— bez grupowania —")),
               _field("aggregate", "Wartość w grupie", "select", "count",
                      choices=_choices([(a["key"], a["label"]) for a in catalog["aggregates"]])),
               _field("measure", "Pole liczbowe (dla sumy i średniej)", "select", "", choices=_choices(numeric, "—")),
               _field("chart", "Wykres", "select", "none", choices=_choices([(c["key"], c["label"]) for c in catalog["charts"]]))]
    blocks.append(_form(f"report:{source}", "Raport", fields, "Zapisz raport", second="Pokaż raport",
                        note="„Pokaż raport” tylko wyświetla tabelę i wykres; „Zapisz raport” zachowuje go w systemie."))
    blocks.append(_table("Zapisane raporty", ["Nazwa", "Źródło"],
                         [{"cells": [r["name"], dict(sources).get(r["spec"]["source"], "")]} for r in state["reports"]]))
    return "Raporty", blocks


def _exports(state, params):
    catalog = data_view(state, "reports")["catalog"]
    fields, _, _ = _spec_fields(catalog, "contacts", [_field("name", "Nazwa eksportu", required=True),
                                                      _field("purpose", "Cel eksportu", required=True)])
    data = data_view(state, "exports")
    return "Eksporty danych", [
        {"kind": "text", "text": "Eksport to lista osób kontaktowych do pliku CSV, np. do kampanii. Zadbaj, by trafiły do niego "
                                 "tylko osoby, których dane wolno do tego celu wykorzystać."},
        _form("export.create", "Nowy eksport osób kontaktowych", fields, "Przygotuj eksport"),
        _table("Przygotowane eksporty", ["Nazwa", "Cel", "Data", "Osób"],
               [{"cells": [e["name"], e["purpose"], e["date"], str(e["people"])]} for e in data["exports"]])]


def _spec_from(fields: dict, source: str) -> dict:
    filters = []
    for n in range(1, FILTER_SLOTS + 1):
        key = _one(fields, f"filters.{n}.field")
        if key:
            filters.append({"field": key, "op": _one(fields, f"filters.{n}.op") or "=", "value": _one(fields, f"filters.{n}.value")})
    return {"source": source, "fields": [v for v in fields.get("fields", []) if isinstance(v, str)], "filters": filters,
            "group_by": _one(fields, "group_by"), "aggregate": _one(fields, "aggregate") or "count",
            "measure": _one(fields, "measure"), "chart": _one(fields, "chart") or "none", "title": _one(fields, "title")}


def _stages_from(fields: dict) -> list[dict]:
    stages = []
    for n in range(1, STAGE_SLOTS + 1):
        name = _one(fields, f"stages.{n}.name")
        if not name.strip():
            continue
        plan = []
        for m in range(1, PLAN_SLOTS + 1):
            title = _one(fields, f"stages.{n}.plan.{m}.title")
            if title.strip():
                plan.append({"title": title, "kind": _one(fields, f"stages.{n}.plan.{m}.kind"),
                             "day": _one(fields, f"stages.{n}.plan.{m}.day")})
        stages.append({"name": name, "probability": _one(fields, f"stages.{n}.probability"),
                       "required": [v for v in fields.get(f"stages.{n}.required", []) if isinstance(v, str)], "plan": plan})
    return stages


SCREENS = {"zadania": _tasks, "firmy": _list("companies", "firma"), "osoby": _list("contacts", "osoba"), "firma": _company,
           "osoba": _contact, "szanse": _pipeline, "szansa": _opportunity, "czynnosci": _activities, "czynnosc": _activity,
           "produkty": _products, "szablony": _templates, "cele": _goals, "ustawienia": _settings, "lejki": _funnels,
           "raporty": _reports, "eksporty": _exports}


# --- forms back into actions -----------------------------------------------------------------------

def _one(fields: dict, key: str) -> str:
    values = fields.get(key) or [""]
    return values[0] if isinstance(values, list) and values and isinstance(values[0], str) else ""


def _record_payload(state: dict, collection: str, fields: dict) -> dict:
    payload = {}
    for spec in form_spec(state, collection):
        if not spec["editable"]:
            continue
        if spec["kind"] == "flag":
            payload[spec["key"]] = bool(fields.get(spec["key"]))
        elif spec["key"] in fields:
            payload[spec["key"]] = _one(fields, spec["key"])
    return payload


def submit(state: dict, form_id: str, fields: dict) -> tuple[str | None, dict, dict | None]:
    """(action, payload, None) for a change, or (None, {}, (screen, params)) for a form that only
    changes what is shown (search, filters)."""
    if not isinstance(form_id, str) or not isinstance(fields, dict):
        raise UiError("Formularz ma złą postać.")
    kind, _, rest = form_id.partition(":")
    if kind == "search":
        collection = rest
        screen_name = next(name for name, (c, _) in LISTS.items() if c == collection)
        filters = {k.removeprefix("filter."): _one(fields, k) for k in fields if k.startswith("filter.") and _one(fields, k)}
        return None, {}, (screen_name, {"query": _one(fields, "query"), "filters": filters, "sort": _one(fields, "sort"),
                                        "dir": _one(fields, "dir")})
    if kind == "pipeline":
        return None, {}, ("szanse", {"funnel_id": _one(fields, "funnel_id"), "owner": _one(fields, "owner")})
    if kind == "activities":
        return None, {}, ("czynnosci", {k: _one(fields, k) for k in ("owner", "status", "from", "to") if _one(fields, k)})
    if kind == "create" and rest in COLLECTIONS:
        return f"{ACTION_PREFIX[rest]}.create", _record_payload(state, rest, fields), None
    if kind == "edit":
        collection, _, record_id = rest.partition(":")
        if collection in COLLECTIONS:
            return f"{ACTION_PREFIX[collection]}.edit", {"id": record_id, **_record_payload(state, collection, fields)}, None
    if kind == "move":
        return "opportunity.move", {"id": rest, "stage": _one(fields, "stage")}, None
    if kind == "win":
        return "opportunity.win", {"id": rest}, None
    if kind == "lose":
        return "opportunity.lose", {"id": rest, "reason": _one(fields, "reason"), "note": _one(fields, "note")}, None
    if kind == "reopen":
        return "opportunity.reopen", {"id": rest}, None
    if kind == "complete":
        return "activity.complete", {"id": rest}, None
    if kind == "reopen-activity":
        return "activity.reopen", {"id": rest}, None
    if kind == "answer":
        return "answer", {"task": rest, "values": {k: _one(fields, k) for k in fields}}, None
    if kind == "offer":
        payload = {k: _one(fields, k) for k in ("template_id", "company_id", "contact_id", "opportunity_id")}
        payload["items"] = [{"product_id": _one(fields, "product_id"), "quantity": _one(fields, "quantity") or "1"}]
        return ("offer.preview" if fields.get("_second") else "offer.send"), payload, None
    if kind == "report.source":
        return None, {}, ("raporty", {"source": _one(fields, "source")})
    if kind == "report":
        spec = _spec_from(fields, rest)
        if fields.get("_second"):
            return "report.run", {"spec": spec}, None
        return "report.save", {"name": _one(fields, "name"), "spec": spec}, None
    if kind == "export.create":
        spec = _spec_from(fields, "contacts")
        return "export.create", {"name": _one(fields, "name"), "purpose": _one(fields, "purpose"), "fields": spec["fields"],
                                 "filters": spec["filters"]}, None
    if kind == "funnel.create":
        return "funnel.create", {"name": _one(fields, "name"), "purpose": _one(fields, "purpose"),
                                 "stages": _stages_from(fields)}, None
    if kind == "exam.finish":
        return "exam.finish", {}, None
    if kind == "security":
        payload = {}
        for key, (_, field_kind) in SECURITY_FIELDS.items():
            if field_kind == "flag":
                payload[key] = bool(fields.get(key))
            elif field_kind == "roles":
                payload[key] = [v for v in fields.get(key, []) if isinstance(v, str)]
            else:
                payload[key] = _one(fields, key)
        return "settings.security", payload, None
    raise UiError(f"Nieznany formularz „{form_id}”.")


ACTION_PREFIX = {"companies": "company", "contacts": "contact", "opportunities": "opportunity", "activities": "activity",
                 "templates": "template", "goals": "goal"}
assert all(f"{p}.create" in ACTIONS for p in ACTION_PREFIX.values())
