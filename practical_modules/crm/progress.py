"""Where a candidate stands on each practice task, in one place for the page and the assessor's
command line: the words the page uses for the checks it kept (the list of tasks, the task card) and
the status `python -m selfcheck tasks check` and `tasks report` print.

A task's status comes from the results the page keeps (selfcheck.practical: attempts, last and best
score of the checks the candidate ran) and from the state:
    done         "wykonane"        checked on the page with a best result of 100%
    in_progress  "w toku"          checked with a best result below 100% (what the readiness report
                                   lists as "Zadania praktyczne do dokończenia"), or never checked
                                   although something changed in the part of the system the task is
                                   about (tasks.begun, what the exam's hand-in question counts)
    not_started  "nie rozpoczęto"  never checked and nothing changed in its part
`begun` costs the model solution of every task the first time a variant is met (most of a second in
Pyodide), so the page's list of tasks, drawn at every visit, says only what the kept checks say.
"""

from __future__ import annotations

from selfcheck.polish import count, percent
from selfcheck.practical import criterion_scores

from . import exam as exams
from . import tasks as task_defs

STATUSES = {"done": "wykonane", "in_progress": "w toku", "not_started": "nie rozpoczęto"}
NO_SCORE = "—"  # a best score when the task was never checked
CHECK, CROSS = "✔", "✘"


def status(entry: dict | None, begun: bool) -> str:
    """The status key (STATUSES) of a task from its kept result (None: never checked) and `begun`."""
    if entry and entry["best"] >= 1:
        return "done"
    return "in_progress" if entry or begun else "not_started"


def best_text(entry: dict) -> str:
    """A checked task's best score and attempts: "najlepszy wynik 67% (2 próby)"."""
    return f"najlepszy wynik {percent(entry['best'])} ({count(int(entry['attempts']), 'próba', 'próby', 'prób')})"


def last_text(entry: dict | None) -> str:
    """The task card's line about the checks kept ("" before the first)."""
    return f"Ostatnie sprawdzenie: {percent(entry['last'])}; {best_text(entry)}." if entry else ""


def mark(entry: dict | None) -> str:
    """The list of tasks' note beside a task: progress at a glance."""
    return f"najlepszy wynik {percent(entry['best'])}" if entry else "nie sprawdzono"


def check_lines(result: dict) -> list[str]:
    """A task's checks, one a line: "✔ label" or "✘ label — what to correct"; a task not begun has
    none, and its hint says so."""
    if not result["checks"]:
        return [result["hint"]] if result.get("hint") else []
    return [f"{CHECK if c['passed'] else CROSS} {c['label']}" + (f" — {c['feedback']}" if c["feedback"] else "")
            for c in result["checks"]]


def assessed_status(result: dict) -> str:
    """The status of a task checked once as it stands (tasks.assess; an exam's tasks): done when
    complete, in progress when begun, else not started."""
    return "done" if result["complete"] else "in_progress" if result["begun"] else "not_started"


def standing(entry: dict | None, begun: bool) -> dict:
    """Where the candidate stands on one task: status (key and words), attempts, best and last score
    (None when never checked), when it was last checked."""
    key = status(entry, begun)
    return {"status": key, "status_text": STATUSES[key], "attempts": int(entry["attempts"]) if entry else 0,
            "best": entry["best"] if entry else None, "best_percent": percent(entry["best"]) if entry else NO_SCORE,
            "last": entry["last"] if entry else None, "checked_at": entry["at"] if entry else ""}


def task_results(state: dict) -> list[dict]:
    """Every practice task of a practice state: its result as the state stands (tasks.assess: the
    checks with their feedback, or not begun and 0) and where the candidate stands on it (standing)."""
    out = []
    for task in task_defs.all_tasks():
        found = task_defs.assess(state, task.id)
        out.append({**found, **standing(state["results"].get(task.id), found["begun"])})
    return out


def counts(results: list[dict]) -> dict[str, int]:
    """How many tasks have each status, in STATUSES' order."""
    return {key: sum(1 for r in results if r["status"] == key) for key in STATUSES}


def counts_text(found: dict[str, int]) -> str:
    """ "wykonane 1, w toku 3, nie rozpoczęto 17" """
    return ", ".join(f"{words} {found[key]}" for key, words in STATUSES.items())


def totals(tasks: list[dict]) -> dict:
    """A file's tasks (with their standing) in short: how many have each status, the checks run on
    the page, the mean best score over all tasks (a task never checked counts 0)."""
    return {"counts": counts(tasks), "attempts": sum(t["attempts"] for t in tasks),
            "best": sum(t["best"] or 0.0 for t in tasks) / len(tasks) if tasks else 0.0}


def candidate(work: dict | None, exam_state: dict | None) -> dict:
    """A candidate's file in short, for a class report: each task's standing (no checks run: the
    status needs only `begun`), the mean best score over all tasks (never checked: 0), the checks
    run, the result per criterion as the readiness report counts it (selfcheck.practical: best
    scores of checked tasks and the latest handed-in exam; a criterion without either is left out),
    the variant (seed) of the practice and of the exam (None: the file has no such part), and the
    latest handed-in exam (exam.history's entry)."""
    results = work["results"] if work else {}
    tasks = [{"id": t.id, "title": t.title, "criteria": list(t.criteria),
              **standing(results.get(t.id), bool(work) and task_defs.begun(work, t.id))} for t in task_defs.all_tasks()]
    history = exam_state.get("exams", []) if exam_state else []
    scores = criterion_scores(task_defs.list_tasks(), results, history)
    finished = exams.history(exam_state) if exam_state else []
    return {"seed": work["seed"] if work else None, "exam_seed": exam_state["seed"] if exam_state else None,
            "tasks": tasks, **totals(tasks),
            "criteria": {c: sum(v) / len(v) for c, v in scores.items()},
            "exam": {"open": exams.is_open(exam_state) if exam_state else False,
                     "latest": finished[-1] if finished else None}}
