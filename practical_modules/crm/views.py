"""What the practice CRM's screens show that takes computing, as plain data for ui.py to draw.

Lists of records already searched, filtered and sorted; a record's card with what belongs to it;
the pipeline with sums and the weighted forecast per stage; tasks by day with overdue ones marked;
money and dates as the reader sees them; form specs with labels and choices. Nothing here changes
the state.
"""

from __future__ import annotations

from selfcheck.polish import count, long_date, pln, short_date
from . import records as rec
from .matching import contains_text, normal, same_text
from .records import COLLECTIONS, choice_list, display_name, find

LIST_COLUMNS = {
    "companies": ["name", "nip", "city", "voivodeship", "industry", "size", "status", "segment", "owner"],
    "contacts": ["first_name", "last_name", "company_id", "position", "email", "phone", "consent_email", "consent_phone",
                 "objection"],
}
MAX_ROWS = 500


class ViewError(ValueError):
    """A screen or a record that does not exist; str() is the Polish message."""


def short_day(value: str) -> str:
    day = rec.parse_date(value)
    return short_date(day) if day else ""


def shown_value(state: dict, field: rec.Field, value) -> str:
    if value in ("", None):
        return ""
    if field.kind == "money":
        return pln(value)
    if field.kind == "percent":
        return f"{value}%"
    if field.kind == "date":
        return short_day(value)
    if field.kind == "ref":
        target = find(state, field.target, value)
        return display_name(field.target, target, state) if target else value
    if field.kind == "stage":  # stages are kept by id ("E2"); the reader sees the name
        return next((s["name"] for f in state["funnels"] for s in f["stages"] if s["id"] == value), str(value))
    return str(value)


def form_spec(state: dict, collection: str) -> list[dict]:
    """The fields a form shows: key, label, kind, required, choices (for selects), editable."""
    spec = []
    for field in COLLECTIONS[collection].fields:
        item = {"key": field.key, "label": field.label, "kind": field.kind, "required": field.required,
                "editable": field.editable}
        if field.kind == "choice":
            item["choices"] = choice_list(field.choices, state)
        if field.kind == "ref":
            item["choices"] = [{"id": r["id"], "label": display_name(field.target, r, state)} for r in state[field.target]]
        spec.append(item)
    return spec


def record_list(state: dict, collection: str, params: dict) -> dict:
    """A list screen's rows: searched (`query`), filtered (`filters`) and sorted (`sort`, `dir`)."""
    spec = COLLECTIONS[collection]
    columns = [spec.field(k) for k in LIST_COLUMNS[collection]]
    records = state[collection]
    query = params.get("query", "")
    if isinstance(query, str) and query.strip():
        records = [r for r in records if any(contains_text(shown_value(state, f, r.get(f.key, "")), query)
                                             for f in spec.fields if f.kind not in ("long_text",))]
    filters = params.get("filters") or {}
    if isinstance(filters, dict):
        for key, wanted in filters.items():
            if key in spec.keys() and isinstance(wanted, str) and wanted:
                field = spec.field(key)
                records = [r for r in records if same_text(shown_value(state, field, r.get(key, "")), wanted)
                           or same_text(r.get(key, ""), wanted)]
    sort = params.get("sort") if params.get("sort") in spec.keys() else columns[0].key
    field = spec.field(sort)
    numeric = field.kind in ("money", "number", "percent")
    records = sorted(records, key=lambda r: (r.get(sort, 0) or 0) if numeric else normal(shown_value(state, field, r.get(sort, ""))),
                     reverse=params.get("dir") == "desc")
    rows = [{"id": r["id"], "cells": [shown_value(state, f, r.get(f.key, "")) for f in columns]} for r in records[:MAX_ROWS]]
    return {"columns": [{"key": f.key, "label": f.label} for f in columns], "rows": rows, "sort": sort,
            "dir": "desc" if params.get("dir") == "desc" else "asc",
            "summary": count(len(records), "rekord", "rekordy", "rekordów"),
            "filters": [{"key": f.key, "label": f.label, "choices": choice_list(f.choices, state)}
                        for f in spec.fields if f.kind == "choice"]}


def record_card(state: dict, collection: str, record_id) -> dict:
    record = find(state, collection, record_id)
    if record is None:
        raise ViewError(f"Nie ma takiego rekordu ({COLLECTIONS[collection].one}); mógł zniknąć po wczytaniu innego zapisu.")
    fields = [{"key": f.key, "label": f.label, "value": record.get(f.key, ""),
               "text": shown_value(state, f, record.get(f.key, ""))} for f in COLLECTIONS[collection].fields]
    return {"id": record["id"], "title": display_name(collection, record, state), "fields": fields}


def _history(record: dict) -> list[dict]:
    return [{"date": short_day(e["date"]), "kind": e["kind"], "text": e["text"]}
            for e in sorted(record.get("history", []), key=lambda e: (e["date"], e["n"]), reverse=True)]


def _opportunity_row(state: dict, o: dict) -> dict:
    company = find(state, "companies", o["company_id"]) or {}
    return {"id": o["id"], "name": o["name"], "company": company.get("name", ""), "owner": o["owner"], "value": o["value"],
            "value_text": pln(o["value"]), "probability": o["probability"],
            "weighted_text": pln(round(o["value"] * o["probability"] / 100, 2)), "close_date": short_day(o["close_date"]),
            "status": o["status"]}


def _activity_row(state: dict, a: dict) -> dict:
    company = find(state, "companies", a["company_id"]) if a["company_id"] else None
    opportunity = find(state, "opportunities", a["opportunity_id"]) if a["opportunity_id"] else None
    return {"id": a["id"], "title": a["title"], "kind": a["kind"], "due": a["due"], "due_text": short_day(a["due"]),
            "priority": a["priority"], "status": a["status"], "owner": a["owner"],
            "company": company["name"] if company else "", "opportunity": opportunity["name"] if opportunity else "",
            "overdue": a["status"] != "ukończone" and a["due"] < state["today"]}


def company_card(state: dict, params: dict) -> dict:
    card = record_card(state, "companies", params.get("id"))
    cid = card["id"]
    card["contacts"] = [record_card(state, "contacts", c["id"]) for c in state["contacts"] if c["company_id"] == cid]
    card["opportunities"] = [_opportunity_row(state, o) for o in state["opportunities"] if o["company_id"] == cid]
    card["activities"] = [_activity_row(state, a) for a in state["activities"] if a["company_id"] == cid]
    card["documents"] = [{"id": d["id"], "number": d["number"], "date": short_day(d["date"]), "subject": d["subject"],
                          "to": d["to"], "net": pln(d["net"])} for d in state["documents"] if d["company_id"] == cid]
    card["history"] = _history(find(state, "companies", cid))
    return card


def opportunity_card(state: dict, params: dict) -> dict:
    card = record_card(state, "opportunities", params.get("id"))
    record = find(state, "opportunities", card["id"])
    funnel = next(f for f in state["funnels"] if f["id"] == record["funnel_id"])
    done = {a["kind"] for a in state["activities"] if a["opportunity_id"] == record["id"] and a["status"] == "ukończone"}
    card["stages"] = [{"id": s["id"], "name": s["name"], "probability": s["probability"], "current": s["id"] == record["stage"],
                       "required": [{"kind": k, "done": k in done} for k in s["required"]]} for s in funnel["stages"]]
    card["activities"] = [_activity_row(state, a) for a in state["activities"] if a["opportunity_id"] == record["id"]]
    card["history"] = _history(record)
    card["lost_reasons"] = choice_list("lost_reasons", state)
    return card


def pipeline(state: dict, params: dict) -> dict:
    """The board of one funnel: a column per open stage with its sum and weighted sum, then won and lost."""
    funnel = next((f for f in state["funnels"] if f["id"] == params.get("funnel_id")), state["funnels"][0])
    owner = params.get("owner") or ""
    chosen = [o for o in state["opportunities"] if o["funnel_id"] == funnel["id"] and (not owner or o["owner"] == owner)]
    columns = []
    for stage in funnel["stages"]:
        rows = [o for o in chosen if o["status"] == "otwarta" and o["stage"] == stage["id"]]
        columns.append(_column(state, stage["id"], stage["name"], stage["probability"], rows))
    for status, name, probability in (("wygrana", "Wygrana", 100), ("przegrana", "Przegrana", 0)):
        columns.append(_column(state, status, name, probability, [o for o in chosen if o["status"] == status]))
    open_ones = [o for o in chosen if o["status"] == "otwarta"]
    forecast = round(sum(o["value"] * o["probability"] / 100 for o in open_ones), 2)
    return {"funnel": {"id": funnel["id"], "name": funnel["name"]},
            "funnels": [{"id": f["id"], "name": f["name"]} for f in state["funnels"]],
            "owners": choice_list("team", state), "owner": owner, "columns": columns,
            "open_total": pln(round(sum(o["value"] for o in open_ones), 2)), "forecast": forecast, "forecast_text": pln(forecast),
            "forecast_note": "Prognoza ważona: suma wartości otwartych szans × prawdopodobieństwo ich etapu ÷ 100."}


def _column(state: dict, key: str, name: str, probability: int, rows: list[dict]) -> dict:
    total = round(sum(o["value"] for o in rows), 2)
    weighted = round(sum(o["value"] * o["probability"] / 100 for o in rows), 2)
    return {"id": key, "name": name, "probability": probability, "count": len(rows), "total": total, "total_text": pln(total),
            "weighted_text": pln(weighted), "items": [_opportunity_row(state, o) for o in sorted(rows, key=lambda o: o["close_date"])]}


def activities(state: dict, params: dict) -> dict:
    """Tasks by due day (overdue first), filtered by owner, status and a date range."""
    rows = state["activities"]
    if params.get("owner"):
        rows = [a for a in rows if a["owner"] == params["owner"]]
    if params.get("status"):
        rows = [a for a in rows if a["status"] == params["status"]]
    if params.get("from"):
        rows = [a for a in rows if a["due"] >= params["from"]]
    if params.get("to"):
        rows = [a for a in rows if a["due"] <= params["to"]]
    order = {p: i for i, p in enumerate(rec.PRIORITIES)}
    rows = sorted(rows, key=lambda a: (a["due"], order.get(a["priority"], 9), a["id"]))
    days: dict[str, list] = {}
    for a in rows[:MAX_ROWS]:
        days.setdefault(a["due"], []).append(_activity_row(state, a))
    done = sum(a["status"] == "ukończone" for a in rows)
    return {"days": [{"date": d, "label": long_date(rec.parse_date(d)), "items": items} for d, items in days.items()],
            "done": done, "total": len(rows), "done_share": round(100 * done / len(rows)) if rows else None,
            "owners": choice_list("team", state), "today": state["today"]}
