"""What each kind of record consists of: fields with Polish labels, types and the rule that checks
a typed value. Actions, the saved-state reader, reports, views and task checks all read this one
catalog, so a field is named and checked the same way everywhere.

A field's `kind` says how a value is checked and compared:
  text, long_text  — a string (long_text keeps line breaks)
  choice           — one of a list (`choices` names it: a world list, or a list the engine defines)
  date             — "YYYY-MM-DD"
  money, number    — a number (money is net PLN, two decimals)
  percent          — a whole number 0–100
  ref              — the id of a record in `target`
  nip, regon, pesel, postcode, email, phone — formats with check digits (see identifiers.py)
  flag             — true/false
  stage            — the id of a funnel's stage (shown by its name; a form may name it)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from selfcheck.polish import parse_number, read_date

from . import identifiers as ids
from .matching import FIRM, REGION, STREET, same_text

MAX_TEXT = 200
MAX_LONG_TEXT = 5000
PRIORITIES = ("wysoki", "średni", "niski")
ACTIVITY_STATUSES = ("do zrobienia", "ukończone")
COMPANY_STATUSES = ("lead", "klient", "były klient")
OPPORTUNITY_STATUSES = ("otwarta", "wygrana", "przegrana")
CONSENT_STATUSES = ("brak", "udzielona", "wycofana")
# Lawful bases of RODO art. 6 ust. 1 that a sales database meets; consent to marketing by e-mail
# or phone is a separate requirement of art. 398 ust. 1 Prawa komunikacji elektronicznej.
PROCESSING_BASES = ("art. 6 ust. 1 lit. a RODO – zgoda", "art. 6 ust. 1 lit. b RODO – umowa",
                    "art. 6 ust. 1 lit. c RODO – obowiązek prawny",
                    "art. 6 ust. 1 lit. f RODO – prawnie uzasadniony interes")
GOAL_METRICS = ("wartość sprzedaży netto", "liczba sprzedanych usług", "liczba wygranych szans",
                "liczba nowych klientów")
ROLES = ("administrator", "kierownik sprzedaży", "handlowiec", "stażysta")
BACKUP_FREQUENCIES = ("brak", "co miesiąc", "co tydzień", "codziennie")
# What may follow a number typed in a field of each numeric kind ("12 500 zł", "25%"); a goal's
# target (a plain number) may be an amount of money.
UNITS = {"money": ("zł", "PLN"), "number": ("zł", "PLN"), "percent": ("%",)}


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str
    required: bool = False
    choices: str = ""       # the list a choice comes from (see `choice_list`)
    target: str = ""        # the collection a ref points to
    editable: bool = True   # False: set by the engine (status, history…), not typed in a form
    compare: str = ""       # what a text or choice holds, for `matching.same_text` (FIRM, STREET, REGION)


@dataclass(frozen=True)
class Collection:
    key: str
    prefix: str             # ids: F001, K001…
    one: str                # "firma": a record, in the nominative
    label: str              # "Firmy": the screen
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def keys(self) -> list[str]:
        return [f.key for f in self.fields]


COLLECTIONS = {c.key: c for c in (
    Collection("companies", "F", "firma", "Firmy", (
        Field("name", "Nazwa", "text", True, compare=FIRM),
        Field("legal_form", "Forma prawna", "choice", True, "legal_forms", compare=FIRM),
        Field("nip", "NIP", "nip", True),
        Field("regon", "REGON", "regon"),
        Field("street", "Ulica i numer", "text", compare=STREET),
        Field("postcode", "Kod pocztowy", "postcode"),
        Field("city", "Miejscowość", "text", True),
        Field("voivodeship", "Województwo", "choice", True, "voivodeships", compare=REGION),
        Field("industry", "Branża", "choice", True, "industries"),
        Field("size", "Wielkość", "choice", True, "sizes"),
        Field("status", "Status", "choice", True, "company_statuses"),
        Field("source", "Źródło pozyskania", "choice", False, "acquisition_sources"),
        Field("data_source", "Źródło danych rejestrowych", "choice", False, "data_sources"),
        Field("segment", "Segment", "choice", False, "segments"),
        Field("channel", "Kanał pierwszego kontaktu", "choice", False, "channels"),
        Field("owner", "Opiekun", "choice", True, "team"),
        Field("email", "E-mail", "email"),
        Field("phone", "Telefon", "phone"),
        Field("notes", "Notatki", "long_text"),
    )),
    Collection("contacts", "K", "osoba kontaktowa", "Osoby kontaktowe", (
        Field("company_id", "Firma", "ref", True, target="companies"),
        Field("first_name", "Imię", "text", True),
        Field("last_name", "Nazwisko", "text", True),
        Field("position", "Stanowisko", "text"),
        Field("email", "E-mail", "email"),
        Field("phone", "Telefon", "phone"),
        Field("pesel", "PESEL", "pesel"),
        Field("source", "Źródło pozyskania", "choice", False, "acquisition_sources"),
        Field("basis", "Podstawa przetwarzania danych", "choice", False, "processing_bases"),
        Field("consent_email", "Zgoda na marketing e-mailem", "choice", True, "consent_statuses"),
        Field("consent_email_date", "Data zgody lub jej wycofania (e-mail)", "date"),
        Field("consent_phone", "Zgoda na marketing telefoniczny i SMS", "choice", True, "consent_statuses"),
        Field("consent_phone_date", "Data zgody lub jej wycofania (telefon)", "date"),
        Field("objection", "Sprzeciw wobec marketingu (data)", "date"),
        Field("notes", "Notatki", "long_text"),
    )),
    Collection("opportunities", "S", "szansa sprzedaży", "Szanse sprzedaży", (
        Field("name", "Nazwa", "text", True),
        Field("company_id", "Firma", "ref", True, target="companies"),
        Field("contact_id", "Osoba kontaktowa", "ref", target="contacts"),
        Field("product_id", "Produkt lub usługa", "ref", target="products"),
        Field("value", "Wartość netto", "money", True),
        Field("funnel_id", "Lejek", "ref", True, target="funnels"),
        Field("stage", "Etap", "stage", True, editable=False),
        Field("probability", "Prawdopodobieństwo", "percent", True),
        Field("owner", "Opiekun", "choice", True, "team"),
        Field("close_date", "Przewidywana data zamknięcia", "date", True),
        Field("status", "Status", "choice", True, "opportunity_statuses", editable=False),
        Field("lost_reason", "Powód przegranej", "choice", False, "lost_reasons", editable=False),
        Field("lost_note", "Opis powodu przegranej", "long_text", editable=False),
        Field("closed_date", "Data zamknięcia", "date", editable=False),
        Field("last_stage", "Ostatni etap przed zamknięciem", "stage", editable=False),
    )),
    Collection("activities", "Z", "zadanie", "Zadania", (
        Field("title", "Tytuł", "text", True),
        Field("kind", "Rodzaj", "choice", True, "activity_kinds"),
        Field("due", "Termin", "date", True),
        Field("priority", "Priorytet", "choice", True, "priorities"),
        Field("status", "Status", "choice", True, "activity_statuses", editable=False),
        Field("owner", "Wykonawca", "choice", True, "team"),
        Field("company_id", "Firma", "ref", target="companies"),
        Field("opportunity_id", "Szansa sprzedaży", "ref", target="opportunities"),
        Field("stage", "Etap lejka", "stage"),
        Field("done_date", "Data wykonania", "date", editable=False),
        Field("notes", "Notatki", "long_text"),
    )),
    Collection("products", "P", "produkt lub usługa", "Produkty i usługi", (
        Field("name", "Nazwa", "text", True),
        Field("kind", "Rodzaj", "text", True),
        Field("unit", "Jednostka", "text", True),
        Field("price", "Cena netto", "money", True),
        Field("vat", "Stawka VAT (%)", "percent", True),
    )),
    Collection("templates", "T", "szablon oferty", "Szablony ofert", (
        Field("name", "Nazwa szablonu", "text", True),
        Field("subject", "Temat", "text", True),
        Field("body", "Treść", "long_text", True),
    )),
    Collection("goals", "C", "cel sprzedażowy", "Cele sprzedażowe", (
        Field("description", "Treść celu", "long_text", True),
        Field("metric", "Miernik", "choice", True, "goal_metrics"),
        Field("target", "Wartość docelowa", "number", True),
        Field("product_id", "Produkt lub usługa", "ref", target="products"),
        Field("industry", "Branża klientów", "choice", False, "industries"),
        Field("size", "Wielkość klientów", "choice", False, "sizes"),
        Field("start", "Początek okresu", "date", True),
        Field("deadline", "Termin osiągnięcia", "date", True),
        Field("owner", "Osoba odpowiedzialna", "choice", False, "team"),
    )),
)}


def choice_list(name: str, state: dict) -> list[str]:
    """The allowed values of a choice field. World lists travel in the state (`vocabulary`), so a
    saved file is read with the lists it was made with."""
    fixed = {"company_statuses": COMPANY_STATUSES, "opportunity_statuses": OPPORTUNITY_STATUSES,
             "activity_statuses": ACTIVITY_STATUSES, "priorities": PRIORITIES, "consent_statuses": CONSENT_STATUSES,
             "processing_bases": PROCESSING_BASES, "goal_metrics": GOAL_METRICS}
    if name in fixed:
        return list(fixed[name])
    if name == "team":
        return [person["name"] for person in state["seller"]["team"]]
    return list(state["vocabulary"].get(name, []))


def display_name(collection: str, record: dict, state: dict | None = None) -> str:
    """How a record is named in messages: "Termix sp. z o.o.", "Anna Nowak (Termix sp. z o.o.)"."""
    if collection == "contacts":
        person = f"{record.get('first_name', '')} {record.get('last_name', '')}".strip()
        company = find(state, "companies", record.get("company_id")) if state else None
        return f"{person} ({company['name']})" if company else person
    if collection == "activities":
        return record.get("title", "")
    if collection == "goals":
        text = record.get("description", "")
        return text if len(text) <= 60 else text[:59] + "…"
    return record.get("name", record.get("id", ""))


def find(state: dict, collection: str, record_id) -> dict | None:
    for record in state.get(collection, []):
        if record.get("id") == record_id:
            return record
    return None


# Id prefixes of what the engine keeps in lists beside the records of the catalog.
LIST_PREFIXES = {"funnels": "L", "reports": "R", "exports": "E", "documents": "D"}


def next_id(state: dict, collection: str) -> str:
    """The id after the highest one of `collection` ("F035" after "F034")."""
    prefix = COLLECTIONS[collection].prefix if collection in COLLECTIONS else LIST_PREFIXES[collection]
    used = [int(r["id"][len(prefix):]) for r in state.get(collection, [])
            if str(r.get("id", "")).startswith(prefix) and r["id"][len(prefix):].isdigit()]
    return f"{prefix}{max(used, default=0) + 1:03d}"


# --- checking typed values -------------------------------------------------------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value) -> date | None:
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def clean_value(field: Field, raw, state: dict) -> tuple[object, str | None]:
    """(normalised value, None) or (None, a Polish sentence saying what is wrong)."""
    if raw is None:
        raw = ""
    if field.kind == "flag":
        return (bool(raw), None) if isinstance(raw, bool) else (None, "Wybierz tak albo nie.")
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and field.kind in ("money", "number", "percent"):
        text = raw
    elif not isinstance(raw, str):
        return None, "Nieprawidłowa wartość."
    else:
        text = raw.strip() if field.kind != "long_text" else raw.strip("\n ").replace("\r\n", "\n")
    if text == "":
        return ("", None) if not field.required else (None, f"Pole „{field.label}” jest wymagane.")
    kind = field.kind
    if kind == "stage":  # which stage, and of which funnel, the action decides
        kind = "text"
    if kind in ("text", "long_text"):
        limit = MAX_LONG_TEXT if kind == "long_text" else MAX_TEXT
        if len(text) > limit:
            return None, f"Najwyżej {limit} znaków (wpisano {len(text)})."
        if kind == "text" and ("\n" in text or "\r" in text):
            return None, "To pole mieści jeden wiersz tekstu."
        return text, None
    if kind == "choice":
        allowed = choice_list(field.choices, state)
        for option in allowed:
            if option == text:
                return option, None
        for option in allowed:  # folded comparison: "srednia" finds "średnia", "woj. śląskie" "śląskie"
            if same_text(option, text, field.compare):
                return option, None
        shown = ", ".join(allowed) if len(allowed) <= 12 else ", ".join(allowed[:12]) + "…"
        return None, f"„{text}” nie jest na liście; do wyboru: {shown}."
    if kind == "date":
        # Typed as Polish writing gives it ("25.11.2026", "25 listopada 2026 r."), kept as RRRR-MM-DD.
        day = read_date(text)
        return (day.isoformat(), None) if day else (
            None, f"Wpisz datę, która istnieje w kalendarzu, np. 2026-11-25 albo 25.11.2026; wpisano „{text}”.")
    if kind in ("money", "number", "percent"):
        number = parse_number(text, UNITS[kind])
        if number is None:
            return None, f"Wpisz liczbę; wpisano „{text}”."
        if number < 0:
            return None, "Wartość nie może być ujemna."
        if kind == "percent":
            if number != int(number) or number > 100:
                return None, "Wpisz liczbę całkowitą od 0 do 100."
            return int(number), None
        if number > 1e12:
            return None, "Ta liczba jest za duża."
        return (round(number, 2) if kind == "money" else number), None
    if kind == "ref":
        record = find(state, field.target, text)
        if record is None:
            what = COLLECTIONS[field.target].one if field.target in COLLECTIONS else "rekordu"
            return None, f"Wybierz z listy: nie ma takiego rekordu ({what})."
        return text, None
    checks = {"nip": ids.nip_problem, "regon": ids.regon_problem, "pesel": ids.pesel_problem,
              "postcode": ids.postcode_problem, "email": ids.email_problem, "phone": ids.phone_problem}
    problem = checks[kind](text)
    if problem:
        return None, problem
    # Kept in one canonical form, so the record reads the same however it was typed: "PL7938875575"
    # -> "793-887-55-75", "85377" -> "85-377", "770.494.743" -> "+48 770 494 743".
    if kind == "nip":
        return ids.format_nip(text), None
    if kind == "postcode":
        return ids.format_postcode(text), None
    if kind in ("regon", "pesel"):
        return ids.digits_only(text), None
    if kind == "phone":
        return ids.format_phone(text), None
    return text, None


def clean_record(collection: str, payload: dict, state: dict, *, existing: dict | None = None) -> tuple[dict, dict]:
    """Check the editable fields of `payload` for a new record (all required fields needed) or an
    edit of `existing` (only the fields given change). Returns (values, {field: message})."""
    spec = COLLECTIONS[collection]
    values, errors = {}, {}
    for field in spec.fields:
        if not field.editable:
            if field.key in payload and (existing is None or payload[field.key] != existing.get(field.key)):
                errors[field.key] = f"Pola „{field.label}” nie zmienia się w formularzu; służy do tego osobna czynność."
            continue
        if field.key not in payload:
            if existing is None and field.required:
                errors[field.key] = f"Pole „{field.label}” jest wymagane."
            continue
        value, problem = clean_value(field, payload[field.key], state)
        if problem:
            errors[field.key] = problem
        else:
            values[field.key] = value
    unknown = sorted(set(payload) - set(spec.keys()) - {"id"})
    if unknown:
        errors["_"] = f"Nieznane pola: {', '.join(unknown)}; {spec.one} ma pola: {', '.join(spec.keys())}."
    return values, errors
