"""The practical part as the core sees it, with no module code: the task catalog the build gives
(`setup`), and the results a practical module keeps in its saved state, read value by value.

A practical module (practical_modules/) keeps in its state, beside its own data:
    results: {task id: {"attempts": int, "last": 0–1, "best": 0–1, "at": moment or ""}}
    exams:   [{…, "finished": moment, "criteria": {criterion id: 0–1}}]   (a timed exam's history)
These two are the interface: the readiness report counts them (readiness.py), and every reader of
a saved or imported state checks them here, in one place, by type and range.
"""

from __future__ import annotations

from typing import Any

MAX_ATTEMPTS = 1_000_000
# The limits of a module's saved state: what a module writes stays within them (its reader refuses more).
STATE_MAX_BYTES = 5 * 1024 * 1024
STATE_MAX_DEPTH = 40


class PracticalError(ValueError):
    """A value of the practical part that cannot be right; str() says which, in Polish."""


def catalog_problems(tasks: Any, criteria: set[str]) -> list[str]:
    """Why a catalog ([{"id", "title", "outcome", "criteria"}]) cannot be used; [] when it can."""
    if not isinstance(tasks, list):
        return ["lista zadań praktycznych ma złą postać"]
    problems, seen = [], set()
    for n, task in enumerate(tasks, 1):
        if not isinstance(task, dict) or not all(isinstance(task.get(k), str) and task[k] for k in ("id", "title", "outcome")) \
                or not isinstance(task.get("criteria"), list) or not task["criteria"]:
            problems.append(f"zadanie nr {n}: potrzebne pola id, title, outcome i niepusta lista criteria")
            continue
        if task["id"] in seen:
            problems.append(f"zadanie {task['id']}: identyfikator powtarza się")
        seen.add(task["id"])
        unknown = [c for c in task["criteria"] if c not in criteria]
        if unknown:
            problems.append(f"zadanie {task['id']}: {', '.join(map(str, unknown))} nie są kryteriami tej kwalifikacji")
    return problems


def _share(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


def read_results(results: Any, known_tasks: set[str]) -> dict[str, dict]:
    """The checked-tasks section; PracticalError naming the task and the field otherwise."""
    if not isinstance(results, dict):
        raise PracticalError("results: potrzebny zbiór wyników zadań.")
    clean = {}
    for task_id, entry in results.items():
        if task_id not in known_tasks:
            raise PracticalError(f"results: zadania „{str(task_id)[:60]}” nie ma na tej stronie.")
        where = f"results.{task_id}"
        if not isinstance(entry, dict):
            raise PracticalError(f"{where}: potrzebny zbiór pól.")
        attempts = entry.get("attempts")
        if not isinstance(attempts, int) or isinstance(attempts, bool) or not 1 <= attempts <= MAX_ATTEMPTS:
            raise PracticalError(f"{where}.attempts: potrzebna liczba całkowita od 1 do {MAX_ATTEMPTS}.")
        for key in ("last", "best"):
            if not _share(entry.get(key)):
                raise PracticalError(f"{where}.{key}: potrzebna liczba od 0 do 1.")
        if entry["best"] < entry["last"]:
            raise PracticalError(f"{where}.best: najlepszy wynik nie może być niższy od ostatniego.")
        at = entry.get("at", "")
        if not isinstance(at, str) or len(at) > 40:
            raise PracticalError(f"{where}.at: potrzebna data i godzina.")
        clean[task_id] = {"attempts": attempts, "last": float(entry["last"]), "best": float(entry["best"]), "at": at}
    return clean


def read_exam_criteria(criteria: Any, where: str, known_criteria: set[str]) -> dict[str, float]:
    """A handed-in exam's per-criterion results."""
    if not isinstance(criteria, dict) or not all(c in known_criteria and _share(v) for c, v in criteria.items()):
        raise PracticalError(f"{where}: wyniki według kryteriów muszą dotyczyć kryteriów tej kwalifikacji i mieścić się w 0–1.")
    return {c: float(v) for c, v in criteria.items()}


def criterion_scores(catalog: list[dict], results: dict[str, dict], exams: list[dict]) -> dict[str, list[float]]:
    """{criterion: [scores]} for the readiness report (P in readiness.py): the best score of each
    task checked at least once that names the criterion, and the criterion's result in the latest
    handed-in exam that tested it."""
    scores: dict[str, list[float]] = {}
    for task in catalog:
        if task["id"] in results:
            for criterion in task["criteria"]:
                scores.setdefault(criterion, []).append(results[task["id"]]["best"])
    latest: dict[str, float] = {}
    for exam in exams:  # oldest first: a later exam replaces an earlier one's result
        if exam.get("finished"):
            latest.update(exam.get("criteria", {}))
    for criterion, value in latest.items():
        scores.setdefault(criterion, []).append(value)
    return scores
