"""The candidate's progress as saved in the browser and in export files: a versioned format,
checked field by field so a damaged or foreign file is refused with a reason, never half-read."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from .json_text import read_json
from .polish import count
from .renewal import FIRST_YEAR, LAST_YEAR

FORMAT = "samoocena"
VERSION = 1
RATINGS = ("nie", "czesciowo", "tak")
MAX_DEPTH = 20  # saved progress nests 5 levels at most
MAX_TIME_LIMIT_MIN = 24 * 60  # the page offers minutes, not days; more would overflow the deadline's date
# Files saved before the format stopped naming the site ("<site>/samoocena", version 1) still load.
EARLIER_FORMAT = re.compile(r"^[a-z0-9-]+/samoocena$")


class StateError(ValueError):
    pass


def empty_state(qualification: str = "") -> dict:
    return {"format": FORMAT, "version": VERSION, "qualification": qualification,
            "answers": {}, "ratings": {}, "attempts": [], "interview": {}}


def is_format(value: Any, name: str, earlier: re.Pattern) -> bool:
    return value == name or (isinstance(value, str) and bool(earlier.match(value)))


def load_state(text: str, *, known_questions: set[str], known_criteria: set[str],
               known_interview: set[str] = frozenset(), qualification: str = "") -> tuple[dict, list[str]]:
    """Read saved progress: (state, notes on what was left out).

    A file of the wrong shape is refused whole (StateError, saying what and where). Entries that
    refer to questions, criteria or interview items the bank no longer has are left out, and so
    is a mock test whose dates are unreadable; the notes say what was left out, so a bank edit
    never costs a candidate the rest of their progress.
    """
    data = read_json(text, StateError, max_depth=MAX_DEPTH)
    if not isinstance(data, dict) or not is_format(data.get("format"), FORMAT, EARLIER_FORMAT):
        raise StateError("To nie jest plik postępów zapisany na stronie samooceny.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StateError("Pole version musi być dodatnią liczbą całkowitą.")
    if version > VERSION:
        raise StateError(f"Plik zapisała nowsza wersja strony (format {version}); ta strona zna format {VERSION}.")
    owner = data.get("qualification", "")
    if not isinstance(owner, str):
        raise StateError("qualification: potrzebna nazwa kwalifikacji (tekst).")
    if owner and qualification and owner != qualification:
        raise StateError(f"To postępy innej kwalifikacji: „{owner}”.")
    state = empty_state(qualification or owner)
    dropped = {"answers": 0, "ratings": 0, "interview": 0, "attempts": 0, "attempt_questions": 0}
    for qid, entry in _mapping(data, "answers").items():
        if not isinstance(entry, dict) or not _is_score(entry.get("score")):
            raise StateError(f"answers.{qid}: potrzebny wynik (score) od 0 do 1.")
        if qid not in known_questions:
            dropped["answers"] += 1
            continue
        state["answers"][qid] = {"score": float(entry["score"]), "fields": _fields(entry.get("fields", {}), f"answers.{qid}"),
                                 "at": _moment(entry.get("at", ""), f"answers.{qid}.at", optional=True)}
    for cid, value in _mapping(data, "ratings").items():
        if value not in RATINGS:
            raise StateError(f"ratings.{cid}: dozwolone wartości: {', '.join(RATINGS)}.")
        if cid not in known_criteria:
            dropped["ratings"] += 1
            continue
        state["ratings"][cid] = value
    attempts = data.get("attempts", [])
    if not isinstance(attempts, list):
        raise StateError("attempts: potrzebna lista podejść.")
    for n, attempt in enumerate(attempts, 1):
        try:
            clean, removed = _attempt(attempt, n, known_questions)
        except StateError:
            dropped["attempts"] += 1  # one damaged test does not take the rest of the progress with it
            continue
        dropped["attempt_questions"] += removed
        if clean["questions"]:
            state["attempts"].append(clean)
        else:
            dropped["attempts"] += 1
    for rid, entry in _mapping(data, "interview").items():
        if not isinstance(entry, dict):
            raise StateError(f"interview.{rid}: potrzebny zbiór pól.")
        covered = entry.get("covered", [])
        if not isinstance(covered, list) or not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in covered):
            raise StateError(f"interview.{rid}.covered: potrzebna lista numerów punktów.")
        if rid not in known_interview:
            dropped["interview"] += 1
            continue
        clean = {"answer": _text(entry.get("answer", ""), f"interview.{rid}.answer"), "covered": covered}
        if "share" in entry:
            if not _is_score(entry["share"]):
                raise StateError(f"interview.{rid}.share: potrzebna liczba od 0 do 1.")
            clean["share"] = float(entry["share"])
        state["interview"][rid] = clean
    return state, _notes(dropped)


def _notes(dropped: dict[str, int]) -> list[str]:
    parts = [count(n, *forms) for key, forms in (
        ("answers", ("odpowiedź", "odpowiedzi", "odpowiedzi")),
        ("ratings", ("ocenę kryterium", "oceny kryteriów", "ocen kryteriów")),
        ("interview", ("odpowiedź z rozmowy z komisją", "odpowiedzi z rozmowy z komisją", "odpowiedzi z rozmowy z komisją")),
        ("attempt_questions", ("pytanie z testów próbnych", "pytania z testów próbnych", "pytań z testów próbnych")),
        ("attempts", ("test próbny", "testy próbne", "testów próbnych")),
    ) if (n := dropped[key])]
    if not parts:
        return []
    return ["Pominięto zapisane dane, których ta strona już nie zna (pytania lub kryteria zmieniono albo usunięto, "
            f"albo zapis był uszkodzony): {', '.join(parts)}. Reszta postępów jest wczytana."]


def _mapping(data: dict, key: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise StateError(f"{key}: potrzebny zbiór pól.")
    return value


def _is_score(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > 20_000:
        raise StateError(f"{where}: potrzebny tekst.")
    return value


def _fields(value: Any, where: str) -> dict:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
                                              for k, v in value.items()):
        raise StateError(f"{where}.fields: potrzebne pola formularza (nazwa: lista tekstów).")
    return value


def _moment(value: Any, where: str, *, optional: bool = False, reckoned: bool = False) -> str:
    """An ISO 8601 moment as the page saves it ("2026-11-25T10:05:00.000Z"); "" where optional.
    `reckoned`: time is added to it (a test's deadline), so the year must be a plausible one."""
    text = _text(value, where)
    if optional and not text:
        return ""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise StateError(f"{where}: „{text[:40]}” nie jest datą i godziną.") from None
    if reckoned and not FIRST_YEAR <= moment.year <= LAST_YEAR:  # a typing or clock mistake; near year 9999 the arithmetic fails
        raise StateError(f"{where}: rok {moment.year} jest poza zakresem {FIRST_YEAR}–{LAST_YEAR}.")
    return text


def _attempt(attempt: Any, n: int, known_questions: set[str]) -> tuple[dict, int]:
    """One mock test, and how many of its questions the bank no longer has (left out of it)."""
    where = f"attempts[{n}]"
    if not isinstance(attempt, dict):
        raise StateError(f"{where}: potrzebny zbiór pól.")
    questions = attempt.get("questions")
    if not isinstance(questions, list) or not questions or not all(isinstance(q, str) for q in questions):
        raise StateError(f"{where}.questions: potrzebna niepusta lista pytań.")
    kept = [q for q in questions if q in known_questions]
    seed = attempt.get("seed")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise StateError(f"{where}.seed: potrzebna liczba całkowita.")
    scores = attempt.get("scores", {})
    if not isinstance(scores, dict) or not all(q in questions and _is_score(s) for q, s in scores.items()):
        raise StateError(f"{where}.scores: wyniki muszą dotyczyć pytań tego podejścia i mieścić się w 0–1.")
    total = attempt.get("total")
    if total is not None and not _is_score(total):
        raise StateError(f"{where}.total: potrzebna liczba od 0 do 1.")
    limit = attempt.get("time_limit_min")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= MAX_TIME_LIMIT_MIN):
        raise StateError(f"{where}.time_limit_min: potrzebna liczba minut od 1 do {MAX_TIME_LIMIT_MIN} albo null.")
    responses = attempt.get("responses", {})
    if not isinstance(responses, dict):
        raise StateError(f"{where}.responses: potrzebny zbiór pól.")
    finished = attempt.get("finished")
    clean = {"seed": seed, "questions": kept, "scores": {q: float(s) for q, s in scores.items() if q in kept},
             "responses": {q: _fields(f, f"{where}.responses.{q}") for q, f in responses.items() if q in kept},
             "total": None if total is None else float(total), "time_limit_min": limit,
             "started": _moment(attempt.get("started", ""), f"{where}.started", reckoned=True),
             "finished": None if finished in (None, "") else _moment(finished, f"{where}.finished")}
    return clean, len(questions) - len(kept)
