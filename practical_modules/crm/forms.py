"""The forms on the CRM's screens, each knowing what its submission means.

A screen (ui.py) makes its forms as it draws them. A form has an id that is unique on its screen
and opaque to the page, and a `read` that turns the fields the page sends back ({name: [values]},
exactly as the browser holds them) into what happens next:

    Change(action, payload, opens)   an action of actions.py; `opens`: the card screen that shows
                                     the record it made; `then`: the screen to show once it is done
    Show(screen, params)             the same data seen another way (search, filters, a report's source)
    HandIn()                         the practical mock exam handed in

The page sends only the form's id and its fields; `api.page` draws the screen it names again (the
state, the screen and its params make the same screen every time), finds the form there and asks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .actions import ACTIONS, MAX_STAGES, SECURITY_FIELDS
from .reports import MAX_FILTERS
from .records import COLLECTIONS

# Rows a builder form offers: stages of a funnel, planned tasks of a stage, filters of a report.
STAGE_SLOTS, PLAN_SLOTS, FILTER_SLOTS = 6, 2, 3
MAX_PLAN = 10   # planned tasks of a stage read back from a form (an edited funnel shows all it has)
# The actions that create and edit records of each collection a form edits.
ACTION_PREFIX = {"companies": "company", "contacts": "contact", "opportunities": "opportunity", "activities": "activity",
                 "templates": "template", "goals": "goal"}
assert all(f"{p}.create" in ACTIONS and f"{p}.edit" in ACTIONS for p in ACTION_PREFIX.values())


@dataclass(frozen=True)
class Change:
    action: str
    payload: dict
    opens: str = ""
    then: tuple = ()   # (screen, params) to show once done, when not the same screen (a deleted record's card)


@dataclass(frozen=True)
class Show:
    screen: str
    params: dict


@dataclass(frozen=True)
class HandIn:
    pass


Outcome = Change | Show | HandIn


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    fields: list[dict]
    submit: str
    read: Callable[[dict], Outcome]
    open: bool = True
    note: str = ""
    danger: bool = False
    second: str = ""   # the label of a second button, which sends the field `_second` (e.g. a preview)
    focus: bool = False  # the step the candidate just asked for (a confirmation): drawn in view, its button focused

    def block(self) -> dict:
        """The form as the page draws it."""
        return {"kind": "form", "id": self.id, "title": self.title, "fields": self.fields, "submit": self.submit,
                "open": self.open, "note": self.note, "danger": self.danger, "second": self.second,
                "focus": self.focus}


# --- reading the fields ----------------------------------------------------------------------------

def one(fields: dict, key: str) -> str:
    """A field's value ("" when the page sent none)."""
    values = fields.get(key)
    return values[0] if isinstance(values, list) and values and isinstance(values[0], str) else ""


def many(fields: dict, key: str) -> list[str]:
    """Every value of a field of checkboxes."""
    values = fields.get(key)
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _record_payload(collection: str, fields: dict) -> dict:
    payload = {}
    for field in COLLECTIONS[collection].fields:
        if not field.editable:
            continue
        if field.kind == "flag":
            payload[field.key] = bool(fields.get(field.key))
        elif field.key in fields:
            payload[field.key] = one(fields, field.key)
    return payload


# --- what a form does: each function gives a form's `read` ------------------------------------------

def create(collection: str, opens: str = "") -> Callable[[dict], Outcome]:
    return lambda fields: Change(f"{ACTION_PREFIX[collection]}.create", _record_payload(collection, fields), opens)


def create_opportunity(fields: dict) -> Outcome:
    """A new opportunity starts in the stage chosen; its probability comes from that stage."""
    return Change("opportunity.create", {**_record_payload("opportunities", fields), "stage": one(fields, "stage")},
                  "opportunity")


def confirm(action: str, payload: dict, done: tuple, back: tuple) -> Callable[[dict], Outcome]:
    """The confirmation of a change that cannot be undone (a deletion, a task started again): its
    first button does it and shows `done` (screen, params); the second ("Anuluj") goes `back`."""
    def read(fields: dict) -> Outcome:
        if fields.get("_second"):
            return Show(*back)
        return Change(action, payload, then=done)
    return read


def show(screen: str, params: dict) -> Callable[[dict], Outcome]:
    """Another view of the same data, fixed by the form (e.g. the confirmation step of a deletion)."""
    return lambda fields: Show(screen, params)


def edit(collection: str, record_id: str) -> Callable[[dict], Outcome]:
    return lambda fields: Change(f"{ACTION_PREFIX[collection]}.edit", {"id": record_id, **_record_payload(collection, fields)})


def act(action: str, payload: dict, keys: tuple[str, ...] = ()) -> Callable[[dict], Outcome]:
    """An action on one record: its fixed payload (the record's id) and the fields `keys`."""
    return lambda fields: Change(action, {**payload, **{key: one(fields, key) for key in keys}})


def view(screen: str, keys: tuple[str, ...]) -> Callable[[dict], Outcome]:
    """The screen again with the fields `keys` as its params (those left empty are left out)."""
    return lambda fields: Show(screen, {key: one(fields, key) for key in keys if one(fields, key)})


def search(screen: str) -> Callable[[dict], Outcome]:
    def read(fields: dict) -> Outcome:
        filters = {k.removeprefix("filter."): one(fields, k) for k in fields if k.startswith("filter.") and one(fields, k)}
        return Show(screen, {"query": one(fields, "query"), "filters": filters, "sort": one(fields, "sort"),
                             "dir": one(fields, "dir")})
    return read


def answer(task_id: str) -> Callable[[dict], Outcome]:
    return lambda fields: Change("answer", {"task": task_id, "values": {k: one(fields, k) for k in fields}})


def offer(fields: dict) -> Outcome:
    payload = {k: one(fields, k) for k in ("template_id", "company_id", "contact_id", "opportunity_id")}
    payload["items"] = [{"product_id": one(fields, "product_id"), "quantity": one(fields, "quantity") or "1"}]
    return Change("offer.preview" if fields.get("_second") else "offer.send", payload)


def report(source: str) -> Callable[[dict], Outcome]:
    def read(fields: dict) -> Outcome:
        spec = _spec(fields, source)
        if fields.get("_second"):
            return Change("report.run", {"spec": spec})
        return Change("report.save", {"name": one(fields, "name"), "spec": spec, "replace": bool(fields.get("replace"))})
    return read


def report_update(source: str, report_id: str) -> Callable[[dict], Outcome]:
    def read(fields: dict) -> Outcome:
        spec = _spec(fields, source)
        if fields.get("_second"):
            return Change("report.run", {"spec": spec})
        return Change("report.update", {"id": report_id, "name": one(fields, "name"), "spec": spec})
    return read


def export(fields: dict) -> Outcome:
    spec = _spec(fields, "contacts")
    return Change("export.create", {"name": one(fields, "name"), "purpose": one(fields, "purpose"),
                                    "fields": spec["fields"], "filters": spec["filters"]})


def funnel(fields: dict) -> Outcome:
    return Change("funnel.create", {"name": one(fields, "name"), "purpose": one(fields, "purpose"), "stages": _stages(fields),
                                    "replace": bool(fields.get("replace"))})


def funnel_edit(funnel_id: str) -> Callable[[dict], Outcome]:
    return lambda fields: Change("funnel.edit", {"id": funnel_id, "name": one(fields, "name"), "purpose": one(fields, "purpose"),
                                                 "stages": _stages(fields)})


def security(fields: dict) -> Outcome:
    payload = {}
    for key, (_, kind) in SECURITY_FIELDS.items():
        if kind == "flag":
            payload[key] = bool(fields.get(key))
        elif kind == "roles":
            payload[key] = many(fields, key)
        else:
            payload[key] = one(fields, key)
    return Change("settings.security", payload)


def hand_in(fields: dict) -> Outcome:
    return HandIn()


def _spec(fields: dict, source: str) -> dict:
    filters = []
    for n in range(1, MAX_FILTERS + 1):   # a saved report's form may show more rows than a new one
        key = one(fields, f"filters.{n}.field")
        if key:
            filters.append({"field": key, "op": one(fields, f"filters.{n}.op") or "=", "value": one(fields, f"filters.{n}.value")})
    return {"source": source, "fields": many(fields, "fields"), "filters": filters, "group_by": one(fields, "group_by"),
            "aggregate": one(fields, "aggregate") or "count", "measure": one(fields, "measure"),
            "chart": one(fields, "chart") or "none", "title": one(fields, "title")}


def _stages(fields: dict) -> list[dict]:
    stages = []
    for n in range(1, MAX_STAGES + 1):   # an edited funnel's form may show more rows than a new one
        name = one(fields, f"stages.{n}.name")
        if not name.strip():
            continue
        plan = []
        for m in range(1, MAX_PLAN + 1):
            title = one(fields, f"stages.{n}.plan.{m}.title")
            if title.strip():
                plan.append({"title": title, "kind": one(fields, f"stages.{n}.plan.{m}.kind"),
                             "day": one(fields, f"stages.{n}.plan.{m}.day")})
        stages.append({"name": name, "probability": one(fields, f"stages.{n}.probability"),
                       "required": many(fields, f"stages.{n}.required"), "plan": plan})
    return stages
