"""Practical tasks: definitions as data (the data folder's practical/tasks/*.yaml, given through configuration.py), filled for a
state's seed, checked against the candidate's CRM state.

A task has an id, a title, the criteria it practises, a variant kind (variants.py) that picks
what it is about for the seed, a brief written with tags ({{firma.nazwa}}) filled from the
variant, weighted checks (checks.py), a hint and a model solution (text, and the actions that
carry it out, which the tests apply). The score is the weighted share of what the checks found
right, so a half-done task earns part of the credit.

Tags in check parameters and solution steps: a value that is exactly one tag ("{{firmy.lista}}")
stands for the variant's value itself (a list, a number); tags inside longer text are replaced by
their text. In a step with `for_each: "{{a.lista}}"` the tags {{item.…}} name the fields of each
item in turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfcheck.polish import percent
from . import configuration
from . import variants as vk
from .checks import CHECKS, COMMON, Context
from .dataset import fresh_state, starting_of
from .templates import substitute

_WHOLE_TAG = re.compile(r"^\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}$")


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    outcome: str
    criteria: tuple[str, ...]
    variant: str
    params: dict
    brief: str
    checks: tuple[dict, ...]
    hint: str
    solution: str
    steps: tuple[dict, ...]
    file: str


_made: tuple[int, tuple[Task, ...]] = (-1, ())


def all_tasks() -> tuple[Task, ...]:
    """The tasks of the installed data, made once per install (configuration.py)."""
    global _made
    if _made[0] == configuration.generation():
        return _made[1]
    tasks = []
    for file in configuration.task_files():
        for item in file["tasks"]:
            variant = item["variant"] if isinstance(item["variant"], dict) else {"kind": item["variant"]}
            tasks.append(Task(item["id"], item["title"], file["outcome"], tuple(item["criteria"]), variant["kind"],
                              variant.get("params", {}), item["brief"], tuple(item["checks"]), item["hint"],
                              item["solution"]["text"], tuple(item["solution"].get("steps", [])), file["_file"]))
    _made = (configuration.generation(), tuple(tasks))
    return _made[1]


def task(task_id: str) -> Task:
    for t in all_tasks():
        if t.id == task_id:
            return t
    raise KeyError(task_id)


def list_tasks() -> list[dict]:
    """Every task with its outcome and criteria (for the task list and `python -m selfcheck tasks`)."""
    return [{"id": t.id, "title": t.title, "outcome": t.outcome, "criteria": list(t.criteria)} for t in all_tasks()]


# --- variants and tags -------------------------------------------------------------------------

def variant_for(t: Task, state: dict) -> dict:
    start, truth = starting_of(state)
    groups = vk.draw(t.variant, t.params, state["seed"], t.id, start, truth)
    groups["task"] = {"id": t.id}
    return groups


def flatten(groups: dict) -> dict:
    return {f"{group}.{key}": value for group, values in groups.items() for key, value in values.items()}


def _text(value) -> str:
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


def resolve(value, tags: dict):
    """Fill tags in a parameter or a payload (see the module's docstring)."""
    if isinstance(value, str):
        whole = _WHOLE_TAG.match(value)
        if whole and whole.group(1) in tags:
            return tags[whole.group(1)]
        return substitute(value, {k: _text(v) for k, v in tags.items() if not isinstance(v, (list, dict))})
    if isinstance(value, list):
        return [resolve(v, tags) for v in value]
    if isinstance(value, dict):
        return {resolve(k, tags): resolve(v, tags) for k, v in value.items()}
    return value


def brief(t: Task, state: dict) -> str:
    return resolve(t.brief, flatten(variant_for(t, state)))


def apply_solution(state: dict, task_id: str, change=None) -> tuple[dict, list[dict]]:
    """Carry out the model solution through the actions, as a candidate would: (new state, the
    replies). A step's `save_as: name` keeps the id of what it created as the tag {{saved.name}}.
    `change(action, payload)` may alter a step (a test's typical mistake): it returns the payload
    to send, or None to skip the step."""
    from .actions import apply
    t = task(task_id)
    tags = flatten(variant_for(t, state))
    replies = []
    for step in t.steps:
        items = resolve(step["for_each"], tags) if "for_each" in step else [None]
        for item in items:
            local = {**tags, **({f"item.{k}": v for k, v in item.items()} if item else {})}
            payload = resolve(step["payload"], local)
            if change is not None:
                payload = change(step["action"], payload)
                if payload is None:
                    continue
            state, reply = apply(state, step["action"], payload)
            replies.append({"action": step["action"], **reply.as_dict()})
            if reply.ok and step.get("save_as"):
                tags[f"saved.{step['save_as']}"] = reply.record_id
    return state, replies


# --- checking ----------------------------------------------------------------------------------

# A log every change writes to: a change there says nothing about which task was worked on.
SHARED_LOG = ("events",)
_SOLUTION_PARTS: dict[tuple, frozenset[str]] = {}


def _parts(state: dict) -> dict:
    """The state by the parts a task can change: a record ("companies#K001"), a dict's entry
    ("answers.<task>"), any other value whole."""
    parts = {}
    for key, value in state.items():
        if key in SHARED_LOG:
            continue
        if isinstance(value, dict):
            parts.update({f"{key}.{inner}": item for inner, item in value.items()})
        elif isinstance(value, list) and all(isinstance(item, dict) and "id" in item for item in value):
            parts.update({f"{key}#{item['id']}": item for item in value})  # a list of records: by record
            parts[f"{key}+"] = len(value)  # records added: which task added one is not known, so all that add begin
        else:
            parts[key] = value
    return parts


def _changed(before: dict, after: dict) -> set[str]:
    old, new = _parts(before), _parts(after)
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def begun(state: dict, task_id: str) -> bool:
    """Whether anything changed in the part of the system the task's model solution changes on the
    starting data (its records, its answers; a new record counts by its id). Says nothing about
    whether a change is right; tasks that share a record begin together."""
    start = starting_of(state)[0]
    key = (configuration.generation(), task_id, state["seed"], state["today"], start["dataset"])
    if key not in _SOLUTION_PARTS:
        if len(_SOLUTION_PARTS) > 64:
            _SOLUTION_PARTS.clear()
        solved, _ = apply_solution(fresh_state(state["seed"], state["today"], start["dataset"]), task_id)
        _SOLUTION_PARTS[key] = frozenset(_changed(start, solved))
    return bool(_SOLUTION_PARTS[key] & _changed(start, state))


def not_begun(state: dict, task_id: str) -> dict:
    """The result of a task not begun (begun()): 0, and says so."""
    t = task(task_id)
    return {"id": t.id, "title": t.title, "outcome": t.outcome, "criteria": list(t.criteria), "score": 0.0,
            "percent": percent(0.0), "complete": False, "begun": False, "checks": [],
            "hint": "W części systemu, której dotyczy to zadanie, nic nie zmieniono: nie ma czego sprawdzać.",
            "solution": resolve(t.solution, flatten(variant_for(t, state)))}


def check_task(state: dict, task_id: str) -> dict:
    """Run a task's checks on the state: score, per-check feedback, hint and model solution."""
    t = task(task_id)
    tags = flatten(variant_for(t, state))
    start, truth = starting_of(state)
    context = Context(state, start, truth)
    results, total, earned = [], 0.0, 0.0
    for spec in t.checks:
        params = resolve({k: v for k, v in spec.items() if k not in COMMON}, tags)
        score, feedback = CHECKS[spec["kind"]].run(context, params)
        score = max(0.0, min(1.0, score))
        if score < 1 and spec.get("explain"):
            feedback = f"{feedback} {resolve(spec['explain'], tags)}".strip()
        weight = float(spec.get("weight", 1))
        total += weight
        earned += weight * score
        results.append({"label": resolve(spec["label"], tags), "weight": weight, "score": round(score, 4),
                        "passed": score >= 1, "feedback": feedback if score < 1 else ""})
    share = earned / total if total else 0.0
    return {"id": t.id, "title": t.title, "outcome": t.outcome, "criteria": list(t.criteria), "score": round(share, 4),
            "percent": percent(share), "complete": share >= 0.9999, "checks": results,
            "hint": resolve(t.hint, tags) if share < 0.9999 else "", "solution": resolve(t.solution, tags)}


def assess(state: dict, task_id: str) -> dict:
    """A task's result as the state stands, for an exam's score and an assessor's check: its checks
    when it is begun, else 0 and said so (not_begun), whatever its checks would find in the starting
    data (a check that nothing is spoilt passes there): doing nothing earns nothing. `begun` says which."""
    if begun(state, task_id):
        return {**check_task(state, task_id), "begun": True}
    return not_begun(state, task_id)


def answer_fields(t: Task, tags: dict) -> list[dict]:
    """The answers a task asks to type in its card (classification or numbers read from the base):
    [{"key", "label", "options" (a choice) or "kind": "number"}]; [] for tasks done in the CRM itself."""
    fields = []
    for spec in t.checks:
        if spec["kind"] == "answers":
            params = resolve(spec, tags)
            fields += [{"key": item["key"], "label": item[params["label_key"]], "options": params.get("options", [])}
                       for item in params["items"]]
        elif spec["kind"] == "reading":
            params = resolve(spec, tags)
            fields.append({"key": params["key"], "label": params["question"], "kind": "number"})
    return fields


def task_view(state: dict, task_id: str) -> dict:
    """What the task card shows before checking: title, criteria, the brief for this seed, the answer
    fields (if the task asks for answers), what was saved and the last result."""
    t = task(task_id)
    tags = flatten(variant_for(t, state))
    return {"id": t.id, "title": t.title, "outcome": t.outcome, "criteria": list(t.criteria),
            "brief": resolve(t.brief, tags), "answers": answer_fields(t, tags),
            "given": state["answers"].get(t.id, {}), "result": state["results"].get(t.id)}
