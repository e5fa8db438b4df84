"""The practical mock exam ("Symulacja części praktycznej"): a timed session of tasks on a fresh
variant of the simulated system, results hidden until the end, as at a real validation.

The rule (the page states it):
- tasks are drawn across the sets in proportion to the sets' hours (largest remainder; at least
  one task per set that has tasks), from different outcomes first; the same seed, the same exam;
- the time limit is `MINUTES_PER_TASK` minutes per task;
- nothing is checked before the end; at the end every task is checked and each criterion gets the
  mean score of the exam's tasks that name it;
- finished exams stay in the history (date, score, tasks), carried over to the next exam.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from ..polish import count, date_time, percent
from . import tasks as task_defs
from .dataset import fresh_state

TASKS_PER_EXAM = 6
MINUTES_PER_TASK = 10
MAX_HISTORY = 50


class ExamError(ValueError):
    pass


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise ExamError("Czas podaje się jako datę i godzinę ISO 8601.") from None
    if moment.tzinfo is None:
        raise ExamError("Czas musi mieć strefę (np. +01:00).")
    return moment


def quotas(sets: list[dict], available: dict[str, int], size: int) -> dict[str, int]:
    """Tasks per set: in proportion to hours, at least one per set with tasks, never more than it has."""
    usable = [s for s in sets if available.get(s["id"])]
    total_hours = sum(s["hours"] for s in usable) or 1
    exact = {s["id"]: size * s["hours"] / total_hours for s in usable}
    counts = {k: max(1, int(v)) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - int(exact[k]), reverse=True):
        if sum(counts.values()) >= size:
            break
        counts[k] += 1
    return {k: min(v, available[k]) for k, v in counts.items()}


def draw(sets: list[dict], seed: int, size: int = TASKS_PER_EXAM) -> list[str]:
    """Task IDs of an exam; sets: [{"id", "hours"}] in the qualification's order."""
    rng = random.Random(seed)
    by_set: dict[str, list] = {}
    for task in task_defs.all_tasks():
        by_set.setdefault(task.outcome.split(".")[0], []).append(task)
    chosen = []
    for set_id, n in quotas(sets, {k: len(v) for k, v in by_set.items()}, size).items():
        pool = sorted(by_set[set_id], key=lambda t: t.id)
        rng.shuffle(pool)
        seen, first, rest = set(), [], []
        for task in pool:   # different outcomes first
            (rest if task.outcome in seen else first).append(task)
            seen.add(task.outcome)
        chosen += [t.id for t in (first + rest)[:n]]
    rng.shuffle(chosen)
    return chosen


def start(sets: list[dict], seed: int, today: str, now: str, history: list | None = None) -> dict:
    """A fresh variant with an open exam; earlier exams' history is kept."""
    started = _moment(now)
    chosen = draw(sets, seed)
    state = fresh_state(seed, today)
    minutes = MINUTES_PER_TASK * len(chosen)
    state["exam"] = {"tasks": chosen, "started": now, "minutes": minutes,
                     "deadline": (started + timedelta(minutes=minutes)).isoformat(), "finished": None}
    state["exams"] = list(history or [])[-MAX_HISTORY:]
    return state


def finish(state: dict, now: str) -> dict:
    """Check every exam task, note per-criterion results and add the exam to the history."""
    exam = state.get("exam")
    if not exam or exam.get("finished"):
        raise ExamError("Nie ma rozpoczętej symulacji do zakończenia.")
    _moment(now)
    results = [task_defs.check_task(state, task_id) for task_id in exam["tasks"]]
    per_criterion: dict[str, list[float]] = {}
    for result in results:
        for criterion in result["criteria"]:
            per_criterion.setdefault(criterion, []).append(result["score"])
    score = sum(r["score"] for r in results) / len(results) if results else 0.0
    exam.update(finished=now, score=round(score, 4),
                results={r["id"]: r["score"] for r in results},
                criteria={c: round(sum(v) / len(v), 4) for c, v in per_criterion.items()})
    state["exams"] = [*state.get("exams", []), {"started": exam["started"], "finished": now, "score": exam["score"],
                                                  "tasks": len(results)}][-MAX_HISTORY:]
    return {"results": results, "score": score}


def describe(state: dict) -> dict:
    """What the page says about the exam: open (tasks, deadline) or finished (score), and the history."""
    exam = state.get("exam")
    history = [{"when": date_time(_moment(e["started"])), "score": percent(e["score"]),
                "tasks": count(e["tasks"], "zadanie", "zadania", "zadań")} for e in state.get("exams", [])]
    if not exam:
        return {"open": False, "history": history}
    return {"open": not exam.get("finished"), "deadline": exam["deadline"], "minutes": exam["minutes"],
            "tasks": exam["tasks"], "score": percent(exam.get("score")) if exam.get("finished") else "",
            "criteria": exam.get("criteria", {}), "history": history}
