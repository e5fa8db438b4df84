"""Candidates' work made through the module's own API, for tests of what an assessor reads from a
file (progress.py, `tasks check`, `tasks report`): a task solved by its model solution, one half
done, the page's check run on it. Which tasks are used is found from the data, never named."""

from __future__ import annotations

import json

from practical_modules.crm import api
from practical_modules.crm import tasks as task_defs

NOW = "2026-11-25T10:00:00+01:00"


def fresh(seed: int, day: str = "2026-11-25") -> dict:
    return json.loads(api.new(seed, day))["state"]


def check(state: dict, task_id: str, now: str = NOW) -> dict:
    """The state after the page's "Sprawdź zadanie" on the task (the result kept in it)."""
    answer = json.loads(api.check(json.dumps(state), task_id, now))
    assert answer["ok"], answer
    return answer["state"]


def solve(state: dict, task_id: str) -> dict:
    return task_defs.apply_solution(state, task_id)[0]


def half_done(state: dict, task_id: str) -> dict | None:
    """The state with the task's model solution carried out in part, when that leaves it begun and
    scoring above 0 and below 100%; else None. Tried in turn: every step but the last; the steps
    with one field of one step left out (a field of its payload, or of a dict in it, such as the
    answers)."""
    for change in _partial_changes(state, task_id):
        changed, _ = task_defs.apply_solution(state, task_id, change)
        if task_defs.begun(changed, task_id) and 0 < task_defs.check_task(changed, task_id)["score"] < 1:
            return changed
    return None


def _partial_changes(state: dict, task_id: str):
    payloads = []
    task_defs.apply_solution(state, task_id, lambda action, payload: payloads.append(payload) or payload)
    last = len(payloads) - 1
    if last > 0:
        yield _nth(lambda n, payload: payload if n < last else None)
    for step, payload in enumerate(payloads):
        for key, value in payload.items():
            inner = list(value) if isinstance(value, dict) and len(value) > 1 else [None]
            for leave_out in inner:
                yield _nth(lambda n, p, step=step, key=key, leave_out=leave_out:
                           p if n != step else _without(p, key, leave_out))


def _without(payload: dict, key: str, inner: str | None) -> dict:
    if inner is None:
        return {k: v for k, v in payload.items() if k != key}
    return {**payload, key: {k: v for k, v in payload[key].items() if k != inner}}


def _nth(change):
    """A change for apply_solution that is told the step's number."""
    seen = [-1]

    def numbered(action, payload):
        seen[0] += 1
        return change(seen[0], payload)
    return numbered


def apart(state: dict) -> list[str]:
    """Tasks whose model solution begins no other task (tasks.begun): doing one leaves the others'
    statuses as they were, so a test can tell what each status must be."""
    ids = [t.id for t in task_defs.all_tasks()]
    alone = []
    for task_id in ids:
        solved = solve(state, task_id)
        if not any(task_defs.begun(solved, other) for other in ids if other != task_id):
            alone.append(task_id)
    return alone


def worked_on(seed: int) -> tuple[dict, dict[str, str]]:
    """A practice state with a task of each kind, and the status (progress.STATUSES) each must have:
    solved and checked (done); half done and checked, half done and not checked, checked with
    nothing done (in progress); the rest untouched (not started). Only tasks whose solution begins
    no other task are used, so the rest stay untouched."""
    state = fresh(seed)
    alone = apart(state)
    halves = [t for t in alone if half_done(state, t) is not None]
    done, checked_half, unchecked_half = alone[0], halves[-1], halves[-2]
    idle = next(t for t in alone if t not in (done, checked_half, unchecked_half))
    state = check(solve(state, done), done)
    state = check(half_done(state, checked_half), checked_half)
    state = half_done(state, unchecked_half)
    state = check(state, idle)
    expected = {t.id: "not_started" for t in task_defs.all_tasks()}
    expected.update({done: "done", checked_half: "in_progress", unchecked_half: "in_progress", idle: "in_progress"})
    return state, expected


def record_file(work: dict | None, exam_state: dict | None, qualification: str) -> str:
    """The candidate's progress file as the page writes it (selfcheck.record.join)."""
    from practical_modules.crm.cli import MODULE  # CPython only: the tests that write files run there
    from selfcheck import record
    return json.dumps(record.join(None, work, exam_state, qualification, MODULE, saved=NOW), ensure_ascii=False)
