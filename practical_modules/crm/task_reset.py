"""Starting one task again ("Zacznij to zadanie od nowa") without touching the work on the others.

What a task's starting records are. A task is about records of the variant's starting data (the firms
whose NIP is wrong, the opportunity to close) and about records the candidate makes (a funnel, a
report, a sent offer). The engine's own model solution says which: carried out on the starting data
(tasks.apply_solution), it changes some fields of some starting records and adds some records.
Resetting the task therefore

- puts back, on each starting record the solution changes, the fields it changes, as they were at the
  start; other fields stay as the candidate left them, since two tasks may edit one firm (one its
  REGON, another its segment). Two refinements: a check over a whole group (`set_equals`: "exactly
  these firms are in segment X") is also about firms put in the group by mistake, so its field is put
  back on every starting record of that list; and an opportunity is put back whole, its history
  included (the `stage_path` check reads it; variants.picks gives every task opportunities of its own);
- takes away the records the candidate made that stand where the solution's new records stand (MATCH:
  a funnel, report, export, template or opportunity of the same name, a firm of the same name or NIP,
  a person of the same name, a task or sent offer for the same firm and opportunity, a goal), and what
  points at them (nothing is left referring to a record that is gone);
- forgets the task's saved answers and results.

Records the solution does not touch stay, whatever task the candidate made them for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import records as rec
from .actions import DELETABLE, drop, record_name
from .dataset import starting_of
from .matching import FIRM, same_digits, same_text
from .state import COLLECTION_KEYS
from .wording import names_list
from selfcheck.polish import count

# Lists whose records a task's solution may change or add, in the order they are taken away (what
# points at a record goes before it).
LISTS = ("documents", "activities", "opportunities", "contacts", "companies", "goals", "templates", "reports", "exports",
         "funnels")
# How a record the candidate made is known as the one the model solution makes: (solution's, candidate's) -> bool.
_NAME = lambda made, mine: same_text(made["name"], mine["name"])  # noqa: E731
MATCH = {
    "funnels": _NAME, "reports": _NAME, "exports": _NAME, "templates": _NAME, "opportunities": _NAME,
    "companies": lambda made, mine: same_text(made["name"], mine["name"], FIRM) or same_digits(made["nip"], mine["nip"]),
    "contacts": lambda made, mine: same_text(made["first_name"], mine["first_name"])
    and same_text(made["last_name"], mine["last_name"]),
    # A task or a sent offer is the task's when it is for the same firm and the same (starting) opportunity.
    "activities": lambda made, mine: made["company_id"] == mine["company_id"] and made["opportunity_id"] == mine["opportunity_id"],
    "documents": lambda made, mine: made["company_id"] == mine["company_id"],
    # Only the SMART-goal task sets goals: every goal the candidate set is that task's work.
    "goals": lambda made, mine: True,
}
# Words for the confirmation: a list's records in the nominative plural.
PLURAL = {"companies": "firmy", "contacts": "osoby kontaktowe", "opportunities": "szanse sprzedaży", "activities": "zadania",
          "templates": "szablony ofert", "goals": "cele sprzedażowe", "funnels": "lejki", "reports": "raporty",
          "exports": "eksporty", "documents": "wysłane oferty"}


@dataclass
class Plan:
    restore: dict[str, dict[str, set[str]]] = field(default_factory=dict)   # list -> record id -> fields put back
    remove: dict[str, set[str]] = field(default_factory=dict)               # list -> ids of the candidate's records
    security: set[str] = field(default_factory=set)                          # settings put back

    def empty(self) -> bool:
        return not any(self.restore.values()) and not any(self.remove.values()) and not self.security


_SOLVED: dict[tuple, dict] = {}


def _solved(task_id: str, seed: int, today: str, version: int) -> dict:
    """The starting state with the task's model solution carried out (cached: the same for a seed)."""
    from .configuration import generation
    from .dataset import fresh_state
    from .tasks import apply_solution
    key = (generation(), task_id, seed, today, version)
    if key not in _SOLVED:
        if len(_SOLVED) > 32:
            _SOLVED.clear()
        _SOLVED[key] = apply_solution(fresh_state(seed, today, version), task_id)[0]
    return _SOLVED[key]


def _name(state: dict, collection: str, record: dict) -> str:
    return record.get("number", "") if collection == "documents" else record_name(state, collection, record)


def plan(state: dict, task_id: str) -> Plan:
    from .tasks import task
    t = task(task_id)   # KeyError for an unknown task
    start = starting_of(state)[0]
    solved = _solved(t.id, state["seed"], state["today"], start["dataset"])
    out = Plan()
    started_opportunities = {o["id"] for o in start["opportunities"]}
    for collection in LISTS:
        before = {r["id"]: r for r in start[collection]}
        restore: dict[str, set[str]] = {}
        made = []
        for record in solved[collection]:
            old = before.get(record["id"])
            if old is None:
                made.append(record)
            elif old != record:
                whole = collection == "opportunities"
                restore[record["id"]] = {k for k in old.keys() | record.keys()
                                         if old.get(k) != record.get(k) and (whole or k != "history")} | (
                    set(old) if whole else set())
        for spec in t.checks:   # a group check: its field on every starting record of the list
            if spec["kind"] == "set_equals" and spec["collection"] == collection:
                for record_id in before:
                    restore.setdefault(record_id, set()).add(spec["field"])
        # Only what differs now is put back: the confirmation names what actually changes.
        current = {r["id"]: r for r in state[collection]}
        restore = {i: {k for k in keys if i in current and current[i].get(k) != before[i].get(k)} for i, keys in restore.items()}
        out.restore[collection] = {i: keys for i, keys in restore.items() if keys}
        mine = [r for r in state[collection] if r["id"] not in before]
        if collection == "activities":
            # A task the solution adds to an opportunity it made itself goes with that opportunity (its id
            # in the solution's state means nothing in the candidate's): see _follow_references.
            made = [m for m in made if not m["opportunity_id"] or m["opportunity_id"] in started_opportunities]
        match = MATCH.get(collection)
        out.remove[collection] = {r["id"] for r in mine if match and any(match(m, r) for m in made)}
    _follow_references(state, start, out)
    security = state["settings"]["security"]
    out.security = {k for k, v in solved["settings"]["security"].items()
                    if v != start["settings"]["security"][k] and security.get(k) != start["settings"]["security"][k]}
    return out


def _follow_references(state: dict, start: dict, out: Plan) -> None:
    """Whatever the candidate made that points at a record being taken away goes too; a starting
    record pointing at one gets that field back as it was at the start."""
    started = {c: {r["id"] for r in start[c]} for c in LISTS}
    refs = {c: [(f.key, f.target) for f in rec.COLLECTIONS[c].fields if f.kind == "ref"] for c in COLLECTION_KEYS}
    refs["documents"] = [("company_id", "companies"), ("contact_id", "contacts"), ("opportunity_id", "opportunities")]
    changed = True
    while changed:
        changed = False
        for collection in LISTS:
            for record in state[collection]:
                for key, target in refs.get(collection, []):
                    if record.get(key) and record[key] in out.remove.get(target, set()):
                        if record["id"] not in started[collection]:
                            if record["id"] not in out.remove[collection]:
                                out.remove[collection].add(record["id"])
                                changed = True
                        else:
                            out.restore[collection].setdefault(record["id"], set()).add(key)


def describe(state: dict, task_id: str) -> list[str]:
    """What resetting the task will do, in sentences for the confirmation."""
    p = plan(state, task_id)
    lines = []
    restored = []
    for collection, records in p.restore.items():
        if records:
            names = [_name(state, collection, rec.find(state, collection, i)) for i in sorted(records)]
            restored.append(f"{PLURAL[collection]} {_quoted(names)}")
    if p.security:
        restored.append("ustawienia bezpieczeństwa")
    if restored:
        lines.append(f"Wrócą do stanu z początku: {'; '.join(restored)}.")
    removed = []
    for collection, ids in p.remove.items():
        if ids:
            names = [_name(state, collection, rec.find(state, collection, i)) for i in sorted(ids)]
            removed.append(f"{PLURAL[collection]} {_quoted(names)}")
    if removed:
        lines.append(f"Znikną rekordy dodane do tego zadania: {'; '.join(removed)}.")
    if state["answers"].get(task_id) or state["results"].get(task_id):
        lines.append("Odpowiedzi i wyniki sprawdzeń tego zadania zostaną wyczyszczone.")
    if not lines:
        lines.append("To zadanie jest już w stanie początkowym; nic się nie zmieni.")
    lines.append("Pozostałe zadania i ich rekordy zostaną tak, jak są.")
    return lines


def reset(state: dict, task_id: str) -> list[str]:
    """Reset the task in `state` (a copy the caller owns); returns what was done, for the reply."""
    p = plan(state, task_id)
    start = starting_of(state)[0]
    for collection, records in p.restore.items():
        for record_id, keys in records.items():
            old = rec.find(start, collection, record_id)
            record = rec.find(state, collection, record_id)
            for key in keys:
                if key in old:
                    record[key] = _copy(old[key])
                else:
                    record.pop(key, None)
    for collection in LISTS:
        if p.remove.get(collection):
            drop(state, collection, p.remove[collection])
    # A task of the candidate's that named a stage of a funnel now gone keeps no stage.
    stages = {s["id"] for f in state["funnels"] for s in f["stages"]}
    for activity in state["activities"]:
        if activity.get("stage") and activity["stage"] not in stages:
            activity["stage"] = ""
    for key in p.security:
        state["settings"]["security"][key] = _copy(start["settings"]["security"][key])
    state["answers"].pop(task_id, None)
    state["results"].pop(task_id, None)
    restored = sum(len(r) for r in p.restore.values()) + (1 if p.security else 0)
    removed = sum(len(r) for r in p.remove.values())
    return [f"Zadanie zaczęte od nowa: przywrócono {count(restored, 'rekord', 'rekordy', 'rekordów')} z początku wariantu, "
            f"usunięto {count(removed, 'rekord dodany', 'rekordy dodane', 'rekordów dodanych')} do niego; "
            "inne zadania zostały bez zmian."]


def _copy(value):
    import copy
    return copy.deepcopy(value)


def _quoted(names: list[str]) -> str:
    shown = [f"„{n}”" for n in names[:4]]
    more = len(names) - 4
    return names_list(shown) + (f" i {more} innych" if more > 0 else "")


assert set(MATCH) <= set(LISTS) and set(DELETABLE) <= set(PLURAL)
