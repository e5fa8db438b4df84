"""A class report: the practice files of a group of candidates side by side, for a teacher
(`python -m selfcheck tasks report DIR`). Each candidate is said in progress.candidate's terms (the
statuses, best scores and attempts the page kept, per-criterion results as the readiness report
counts them); this adds what only a group shows: its weakest criteria, and files that share a
variant (the same seed: one file copied from another, or work passed round).

The files carry no name of a candidate (nothing personal is saved), so a row is named by its file;
files that could not be read come in `rejected` with the reason, and the rest is reported.
"""

from __future__ import annotations

import string

from . import configuration
from . import tasks as task_defs
from .progress import STATUSES

PARTS = {"seed": "ćwiczeń", "exam_seed": "symulacji"}  # a shared seed of the practice or of the exam


def criteria_in_order() -> list[dict]:
    """The criteria the practical tasks name, in the qualification's order, with their texts."""
    named = {c for t in task_defs.all_tasks() for c in t.criteria}
    return [{"id": c["id"], "text": c["text"]} for s in configuration.sets() for o in s["outcomes"]
            for c in o["criteria"] if c["id"] in named]


def build(candidates: list[tuple[str, dict]], rejected: list[tuple[str, str]]) -> dict:
    """The report of `candidates` ([(file name, progress.candidate(...))], in the order to show) and
    `rejected` ([(file name, reason)]):
        rows      [{"name", "summary", "copies": [label…]}]
        criteria  [{"id", "text", "mean" (None: no data), "with_data"}], the weakest first, those
                  without data last, ties in the qualification's order
        copies    [{"label", "part" (words), "seed", "files"}]: files sharing a seed
        tasks, rejected"""
    criteria = []
    for criterion in criteria_in_order():
        values = [summary["criteria"][criterion["id"]] for _, summary in candidates if criterion["id"] in summary["criteria"]]
        criteria.append({**criterion, "mean": sum(values) / len(values) if values else None, "with_data": len(values)})
    criteria.sort(key=lambda c: (c["mean"] is None, c["mean"] or 0.0))  # stable: ties keep the qualification's order
    copies = []
    for key, part in PARTS.items():
        groups: dict[int, list[str]] = {}
        for name, summary in candidates:
            if summary[key] is not None:
                groups.setdefault(summary[key], []).append(name)
        for seed, names in groups.items():
            if len(names) > 1:
                copies.append({"label": _label(len(copies)), "part": part, "seed": seed, "files": names})
    rows = [{"name": name, "summary": summary,
             "copies": [c["label"] for c in copies if name in c["files"]]} for name, summary in candidates]
    return {"tasks": task_defs.list_tasks(), "rows": rows, "rejected": rejected, "copies": copies, "criteria": criteria}


def _label(n: int) -> str:
    """A short name for the n-th group of files that share a seed: A … Z, AA … ZZ, AAA …"""
    return string.ascii_uppercase[n % 26] * (n // 26 + 1)


def share(value: float | None) -> str:
    """A score for a spreadsheet: a whole percent, empty without data."""
    return "" if value is None else str(round(value * 100))


def table(report: dict) -> tuple[list[str], list[list]]:
    """The report as one table for a spreadsheet: a row per file, read or not (its reason under
    "Uwagi"); per task its status, best score (%) and attempts; per criterion its result (%)."""
    headers = ["Plik", "Uwagi", "Wariant ćwiczeń", "Wariant symulacji",
               *(f"Zadania: {words}" for words in STATUSES.values()), "Średni najlepszy wynik (%)", "Sprawdzeń",
               "Ostatnia symulacja (%)"]
    for task in report["tasks"]:
        headers += [f"{task['id']}: stan", f"{task['id']}: najlepszy wynik (%)", f"{task['id']}: próby"]
    criteria = criteria_in_order()
    headers += [f"{c['id']} (%)" for c in criteria]
    copies = {c["label"]: c for c in report["copies"]}
    rows = []
    for row in report["rows"]:
        summary = row["summary"]
        notes = "; ".join(f"ten sam wariant {copies[label]['part']} co: "
                          + ", ".join(name for name in copies[label]["files"] if name != row["name"]) for label in row["copies"])
        latest = summary["exam"]["latest"]
        cells = [row["name"], notes, _blank(summary["seed"]), _blank(summary["exam_seed"]),
                 *summary["counts"].values(), share(summary["best"]), summary["attempts"],
                 share(latest["score"]) if latest else ""]
        for task in summary["tasks"]:
            cells += [task["status_text"], share(task["best"]), task["attempts"]]
        cells += [share(summary["criteria"].get(c["id"])) for c in criteria]
        rows.append(cells)
    for name, reason in report["rejected"]:
        rows.append([name, f"pominięty: {reason}"] + [""] * (len(headers) - 2))
    return headers, rows


def _blank(value) -> str:
    return "" if value is None else str(value)
