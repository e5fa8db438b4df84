"""Reports: choose a source, fields, filters, grouping, an aggregate and a chart type; get a table,
an SVG chart and CSV text. The campaign export uses the same machinery on contacts.

A spec (what the report form sends, and what a saved report keeps):
    {"source": "opportunities", "fields": ["name", "owner", "value"],
     "filters": [{"field": "stage", "op": "=", "value": "Negocjacje"}],
     "group_by": "owner", "aggregate": "sum", "measure": "value", "chart": "bar", "title": "…"}
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Callable

from selfcheck.polish import count, number, parse_number, plural, pln
from . import records as rec
from .matching import contains_text, normal, same_text
from .report_charts import CHARTS, chart_svg

SOURCES = {"opportunities": "Szanse sprzedaży", "companies": "Firmy", "contacts": "Osoby kontaktowe",
           "activities": "Zadania"}
AGGREGATES = {"count": "liczba", "sum": "suma", "avg": "średnia"}
OPERATORS = {"=": "jest równe", "!=": "jest różne od", "in": "jest jednym z", "contains": "zawiera",
             ">": "większe niż", ">=": "co najmniej", "<": "mniejsze niż", "<=": "najwyżej",
             "empty": "jest puste", "not_empty": "nie jest puste"}
MAX_FIELDS = 20
MAX_FILTERS = 10


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str                       # text, number, money, percent, date, month
    get: Callable[[dict, dict], object]


def _company(state: dict, record: dict) -> dict:
    return rec.find(state, "companies", record.get("company_id")) or {}


def _stage_name(state: dict, stage_id: str) -> str:
    for funnel in state["funnels"]:
        for stage in funnel["stages"]:
            if stage["id"] == stage_id:
                return stage["name"]
    return ""


def _opportunity_stage(state: dict, o: dict) -> str:
    """Closed opportunities stand in the columns "Wygrana" and "Przegrana", not in their last open stage."""
    return {"wygrana": "Wygrana", "przegrana": "Przegrana"}.get(o["status"], _stage_name(state, o["stage"]))


def _company_columns(prefix: str, label: str, company: Callable[[dict, dict], dict]) -> list[Column]:
    return [Column(f"{prefix}{key}", f"{label}{title}", "text", lambda s, r, key=key: company(s, r).get(key, ""))
            for key, title in (("industry", "branża"), ("size", "wielkość"), ("voivodeship", "województwo"),
                               ("city", "miejscowość"), ("segment", "segment"), ("status", "status"))]


def _columns() -> dict[str, list[Column]]:
    direct = lambda key: (lambda s, r: r.get(key, ""))  # noqa: E731 — a getter per field
    company_of = lambda s, r: _company(s, r)  # noqa: E731
    opportunities = [
        Column("name", "Nazwa szansy", "text", direct("name")),
        Column("company", "Firma", "text", lambda s, r: _company(s, r).get("name", "")),
        *_company_columns("company.", "Firma – ", company_of),
        Column("stage", "Etap", "text", _opportunity_stage),
        Column("status", "Status", "text", direct("status")),
        Column("owner", "Opiekun", "text", direct("owner")),
        Column("product", "Produkt lub usługa", "text", lambda s, r: (rec.find(s, "products", r.get("product_id")) or {}).get("name", "")),
        Column("value", "Wartość netto", "money", direct("value")),
        Column("probability", "Prawdopodobieństwo", "percent", direct("probability")),
        Column("weighted", "Wartość ważona (wartość × prawdopodobieństwo)", "money",
               lambda s, r: round(r["value"] * r["probability"] / 100, 2)),
        Column("close_date", "Przewidywana data zamknięcia", "date", direct("close_date")),
        Column("close_month", "Miesiąc zamknięcia (przewidywany)", "month", lambda s, r: r["close_date"][:7]),
        Column("closed_date", "Data zamknięcia", "date", direct("closed_date")),
        Column("closed_month", "Miesiąc zamknięcia", "month", lambda s, r: r["closed_date"][:7]),
        Column("lost_reason", "Powód przegranej", "text", direct("lost_reason")),
    ]
    companies = [Column(f.key, f.label, "text", direct(f.key)) for f in rec.COLLECTIONS["companies"].fields
                 if f.key not in ("notes", "street", "postcode")]
    contacts = [
        Column("first_name", "Imię", "text", direct("first_name")),
        Column("last_name", "Nazwisko", "text", direct("last_name")),
        Column("company", "Firma", "text", lambda s, r: _company(s, r).get("name", "")),
        *_company_columns("company.", "Firma – ", company_of),
        *[Column(f.key, f.label, "date" if f.kind == "date" else "text", direct(f.key))
          for f in rec.COLLECTIONS["contacts"].fields if f.key not in ("company_id", "first_name", "last_name", "notes")],
    ]
    activities = [
        Column("title", "Tytuł", "text", direct("title")),
        Column("kind", "Rodzaj", "text", direct("kind")),
        Column("due", "Termin", "date", direct("due")),
        Column("priority", "Priorytet", "text", direct("priority")),
        Column("status", "Status", "text", direct("status")),
        Column("owner", "Wykonawca", "text", direct("owner")),
        Column("company", "Firma", "text", lambda s, r: _company(s, r).get("name", "")),
        Column("opportunity", "Szansa sprzedaży", "text",
               lambda s, r: (rec.find(s, "opportunities", r.get("opportunity_id")) or {}).get("name", "")),
        Column("stage", "Etap lejka", "text", lambda s, r: _stage_name(s, r.get("stage", ""))),
        Column("done_date", "Data wykonania", "date", direct("done_date")),
    ]
    return {"opportunities": opportunities, "companies": companies, "contacts": contacts, "activities": activities}


COLUMNS = _columns()


def column(source: str, key: str) -> Column | None:
    return next((c for c in COLUMNS.get(source, []) if c.key == key), None)


def catalog() -> dict:
    """What the report form offers: sources with their fields, operators, aggregates, chart types."""
    return {"sources": [{"key": key, "label": label,
                         "fields": [{"key": c.key, "label": c.label, "kind": c.kind} for c in COLUMNS[key]]}
                        for key, label in SOURCES.items()],
            "operators": [{"key": k, "label": v} for k, v in OPERATORS.items()],
            "aggregates": [{"key": k, "label": v} for k, v in AGGREGATES.items()],
            "charts": [{"key": k, "label": v} for k, v in CHARTS.items()]}


def _numeric(kind: str) -> bool:
    return kind in ("number", "money", "percent")


def clean_spec(state: dict, raw) -> tuple[dict, dict]:
    """(spec, {field: message}). Checks every choice against the catalog."""
    if not isinstance(raw, dict):
        return {}, {"spec": "Wybierz źródło danych raportu."}
    errors = {}
    source = raw.get("source")
    if source not in SOURCES:
        return {}, {"source": f"Wybierz źródło danych: {', '.join(SOURCES.values())}."}
    known = {c.key: c for c in COLUMNS[source]}
    fields = raw.get("fields") or []
    if not isinstance(fields, list) or not 1 <= len(fields) <= MAX_FIELDS or not all(isinstance(f, str) for f in fields):
        errors["fields"] = f"Wybierz od 1 do {MAX_FIELDS} pól raportu."
        fields = []
    unknown = [f for f in fields if f not in known]
    if unknown:
        errors["fields"] = f"Nieznane pola: {', '.join(unknown)}."
    filters = []
    raw_filters = raw.get("filters") or []
    if not isinstance(raw_filters, list) or len(raw_filters) > MAX_FILTERS:
        errors["filters"] = f"Najwyżej {MAX_FILTERS} filtrów."
        raw_filters = []
    for position, item in enumerate(raw_filters, 1):
        where = f"filters.{position}"
        if not isinstance(item, dict) or item.get("field") not in known:
            errors[where] = f"Filtr {position}: wybierz pole."
            continue
        col, op, value = known[item["field"]], item.get("op", "="), item.get("value", "")
        if op not in OPERATORS:
            errors[where] = f"Filtr {position}: wybierz warunek ({', '.join(OPERATORS.values())})."
            continue
        if op in (">", ">=", "<", "<=") and _numeric(col.kind):
            value = parse_number(value, rec.UNITS[col.kind])
            if value is None:
                errors[where] = f"Filtr {position}: „{col.label}” porównuje się z liczbą."
                continue
        elif op in (">", ">=", "<", "<=") and col.kind in ("date", "month"):
            if not isinstance(value, str) or (rec.parse_date(value) is None and rec.parse_date(value + "-01") is None):
                errors[where] = f"Filtr {position}: podaj datę RRRR-MM-DD."
                continue
        elif op in (">", ">=", "<", "<="):
            errors[where] = f"Filtr {position}: pole „{col.label}” nie jest liczbą ani datą; użyj „jest równe” albo „zawiera”."
            continue
        elif op == "in":
            if isinstance(value, str):
                value = [v.strip() for v in value.split(";") if v.strip()]
            if not isinstance(value, list) or not value or not all(isinstance(v, (str, int, float)) for v in value):
                errors[where] = f"Filtr {position}: podaj wartości (oddzielone średnikiem)."
                continue
        elif op in ("=", "!=", "contains"):
            if isinstance(value, bool) or not isinstance(value, (str, int, float)) or str(value).strip() == "":
                errors[where] = f"Filtr {position}: podaj wartość."
                continue
            if _numeric(col.kind) and op != "contains":
                number_value = parse_number(value, rec.UNITS[col.kind])
                if number_value is None:
                    errors[where] = f"Filtr {position}: „{col.label}” porównuje się z liczbą."
                    continue
                value = number_value
        else:
            value = ""
        filters.append({"field": col.key, "op": op, "value": value})
    group_by = raw.get("group_by") or ""
    if group_by and group_by not in known:
        errors["group_by"] = "Wybierz pole grupowania z listy."
    aggregate = raw.get("aggregate") or "count"
    if aggregate not in AGGREGATES:
        errors["aggregate"] = "Wybierz: liczba, suma albo średnia."
    measure = raw.get("measure") or ""
    if aggregate in ("sum", "avg"):
        if measure not in known or not _numeric(known[measure].kind):
            numeric = [c.label for c in COLUMNS[source] if _numeric(c.kind)]
            errors["measure"] = (f"Suma i średnia liczą się z pola liczbowego: {', '.join(numeric)}." if numeric
                                 else "To źródło nie ma pól liczbowych: wybierz „liczba”.")
    else:
        measure = ""
    chart = raw.get("chart") or "none"
    if chart not in CHARTS:
        errors["chart"] = f"Wybierz rodzaj prezentacji: {', '.join(CHARTS.values())}."
    elif chart != "none" and not group_by:
        errors["chart"] = "Wykres pokazuje wartości grup: wybierz pole grupowania albo „tylko tabela”."
    title = raw.get("title") or ""
    if not isinstance(title, str) or len(title) > rec.MAX_TEXT:
        errors["title"] = "Tytuł ma najwyżej 200 znaków."
        title = ""
    spec = {"source": source, "fields": fields, "filters": filters, "group_by": group_by, "aggregate": aggregate,
            "measure": measure, "chart": chart, "title": title.strip()}
    return spec, errors


def _matches(state: dict, source: str, record: dict, rule: dict) -> bool:
    col = column(source, rule["field"])
    value = col.get(state, record)
    op, wanted = rule["op"], rule["value"]
    if op == "empty":
        return value in ("", None)
    if op == "not_empty":
        return value not in ("", None)
    if op == "contains":
        return contains_text(value, wanted)
    if op == "in":
        if _numeric(col.kind):
            return any(value == parse_number(w, rec.UNITS[col.kind]) for w in wanted)
        return any(same_text(value, w) for w in wanted)
    if op in ("=", "!="):
        equal = value == wanted if _numeric(col.kind) else same_text(value, wanted)
        return equal if op == "=" else not equal
    if value in ("", None):
        return False
    if col.kind in ("date", "month"):
        wanted = str(wanted)[:len(value)] if col.kind == "month" else str(wanted)
    return {">": value > wanted, ">=": value >= wanted, "<": value < wanted, "<=": value <= wanted}[op]


def selected(state: dict, spec: dict) -> list[dict]:
    """The records of the spec's source that pass every filter (filters combine with AND)."""
    return [r for r in state[spec["source"]] if all(_matches(state, spec["source"], r, f) for f in spec["filters"])]


def shown(kind: str, value) -> str:
    if value in ("", None):
        return ""
    if kind == "money":
        return pln(value)
    if kind == "percent":
        return f"{number(value)}%"
    if kind == "number":
        return number(value)
    return str(value)


def _aggregate(values: list[float], how: str) -> float:
    if how == "count":
        return float(len(values))
    if not values:
        return 0.0
    total = sum(values)
    return round(total if how == "sum" else total / len(values), 2)


def build_report(state: dict, spec: dict) -> dict:
    source = spec["source"]
    records = selected(state, spec)
    ids = [r["id"] for r in records]
    columns = [column(source, key) for key in spec["fields"]]
    title = spec.get("title") or SOURCES[source]
    measure = column(source, spec["measure"]) if spec["measure"] else None
    value_kind = measure.kind if measure else "number"
    result = {"title": title, "ids": ids, "count": len(records), "groups": [], "chart": "", "summary": ""}
    if spec["group_by"]:
        group = column(source, spec["group_by"])
        buckets: dict[str, list[float]] = {}
        for r in records:
            label = str(group.get(state, r) or "(brak)")
            buckets.setdefault(label, []).append(float(measure.get(state, r)) if measure else 1.0)
        groups = [{"label": label, "value": _aggregate(values, spec["aggregate"]), "records": len(values)}
                  for label, values in buckets.items()]
        if group.kind in ("date", "month"):
            groups.sort(key=lambda g: g["label"])
        else:
            groups.sort(key=lambda g: (-g["value"], normal(g["label"])))
        aggregate_label = AGGREGATES[spec["aggregate"]] + (f": {measure.label}" if measure else " rekordów")
        result["groups"] = groups
        result["headers"] = [group.label, aggregate_label.capitalize()]
        kind = value_kind if spec["aggregate"] != "count" else "number"
        result["rows"] = [[g["label"], shown(kind, g["value"])] for g in groups]
        csv_rows = [[g["label"], _csv_number(g["value"])] for g in groups]
        if spec["chart"] != "none":
            result["chart"] = chart_svg(spec["chart"], title, [{"label": g["label"], "value": g["value"],
                                                                 "text": shown(kind, g["value"])} for g in groups],
                                        f"{group.label}; {aggregate_label}")
    else:
        result["headers"] = [c.label for c in columns]
        result["rows"] = [[shown(c.kind, c.get(state, r)) for c in columns] for r in records]
        csv_rows = [[_csv_number(c.get(state, r)) if _numeric(c.kind) else c.get(state, r) for c in columns] for r in records]
    result["csv"] = csv_text(result["headers"], csv_rows)
    n = len(records)
    result["summary"] = f"{count(n, 'rekord', 'rekordy', 'rekordów')} {plural(n, 'spełnia', 'spełniają', 'spełnia')} warunki."
    return result


def _csv_number(value) -> str:
    """Numbers the way Polish spreadsheets read them: a decimal comma, no thousands separator."""
    if value in ("", None):
        return ""
    value = float(value)
    return str(int(value)) if value == int(value) else f"{value:.2f}".replace(".", ",")


# A telephone number as the engine writes it ("+48 601 234 567"): a plus, then digits in groups.
# Read as a formula it holds no function, reference, link or operator that computes anything (the
# harm OWASP's "CSV injection" is about: HYPERLINK, DDE, cell references), and spreadsheets keep such
# a cell as text; so it is written as it is, where an apostrophe would stay in the number a person
# reads and dials. Hyphens and brackets are left out of the pattern: "+48-601" would be a subtraction.
_PHONE = re.compile(r"^\+[0-9]{1,3}( [0-9]{2,4})+$")


def csv_cell(value) -> str:
    """A cell that a spreadsheet will not run: text starting with = + - @ (or a tab) gets a leading
    apostrophe (OWASP "CSV injection"), except a telephone number (see _PHONE)."""
    text = "" if value is None else str(value)
    if _PHONE.match(text):
        return text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(headers: list[str], rows: list[list]) -> str:
    """Semicolon-separated, as Polish spreadsheets expect; every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in headers])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue()
