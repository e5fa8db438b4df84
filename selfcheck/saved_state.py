"""The candidate's progress as saved in the browser and in export files: a versioned format,
checked field by field so a damaged or foreign file is refused with a reason, never half-read."""

from __future__ import annotations

import json
from typing import Any

FORMAT = "kwalifikacja-crm/samoocena"
VERSION = 1
RATINGS = ("nie", "czesciowo", "tak")


class StateError(ValueError):
    pass


def empty_state() -> dict:
    return {"format": FORMAT, "version": VERSION, "answers": {}, "ratings": {}, "attempts": [], "interview": {}}


def read_json(text: str, error: type[ValueError]) -> Any:
    """Parse a saved or imported file; raise `error` with a reader's message if it is not JSON."""
    try:
        return json.loads(text)
    except (json.JSONDecodeError, TypeError) as problem:
        line = getattr(problem, "lineno", None)
        raise error(f"To nie jest poprawny plik JSON{f' (wiersz {line})' if line else ''}.") from None


def parse_state(text: str, *, known_questions: set[str], known_criteria: set[str],
                known_interview: set[str] = frozenset()) -> dict:
    """Read saved progress; raise StateError saying what is wrong and where."""
    data = read_json(text, StateError)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StateError("To nie jest plik postępów samooceny tej kwalifikacji (brak pola format: "
                         f"„{FORMAT}”).")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise StateError("Pole version musi być dodatnią liczbą całkowitą.")
    if version > VERSION:
        raise StateError(f"Plik zapisała nowsza wersja strony (format {version}); ta strona zna format {VERSION}.")
    state = empty_state()
    answers = _mapping(data, "answers")
    for qid, entry in answers.items():
        if qid not in known_questions:
            raise StateError(f"answers: nieznane pytanie „{qid}”.")
        if not isinstance(entry, dict) or not _is_score(entry.get("score")):
            raise StateError(f"answers.{qid}: potrzebny wynik (score) od 0 do 1.")
        state["answers"][qid] = {"score": float(entry["score"]), "fields": _fields(entry.get("fields", {}), f"answers.{qid}"),
                                 "at": _text(entry.get("at", ""), f"answers.{qid}.at")}
    for cid, value in _mapping(data, "ratings").items():
        if cid not in known_criteria:
            raise StateError(f"ratings: nieznane kryterium „{cid}”.")
        if value not in RATINGS:
            raise StateError(f"ratings.{cid}: dozwolone wartości: {', '.join(RATINGS)}.")
        state["ratings"][cid] = value
    attempts = data.get("attempts", [])
    if not isinstance(attempts, list):
        raise StateError("attempts: potrzebna lista podejść.")
    for n, attempt in enumerate(attempts, 1):
        state["attempts"].append(_attempt(attempt, n, known_questions))
    for rid, entry in _mapping(data, "interview").items():
        if rid not in known_interview:
            raise StateError(f"interview: nieznane pytanie rozmowy „{rid}”.")
        if not isinstance(entry, dict):
            raise StateError(f"interview.{rid}: potrzebny zbiór pól.")
        covered = entry.get("covered", [])
        if not isinstance(covered, list) or not all(isinstance(i, int) and i >= 0 for i in covered):
            raise StateError(f"interview.{rid}.covered: potrzebna lista numerów punktów.")
        clean = {"answer": _text(entry.get("answer", ""), f"interview.{rid}.answer"), "covered": covered}
        if "share" in entry:
            if not _is_score(entry["share"]):
                raise StateError(f"interview.{rid}.share: potrzebna liczba od 0 do 1.")
            clean["share"] = float(entry["share"])
        state["interview"][rid] = clean
    return state


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


def _attempt(attempt: Any, n: int, known_questions: set[str]) -> dict:
    where = f"attempts[{n}]"
    if not isinstance(attempt, dict):
        raise StateError(f"{where}: potrzebny zbiór pól.")
    questions = attempt.get("questions")
    if not isinstance(questions, list) or not questions or not all(q in known_questions for q in questions):
        raise StateError(f"{where}.questions: lista pytań zawiera nieznane pytanie albo jest pusta.")
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
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0):
        raise StateError(f"{where}.time_limit_min: potrzebna dodatnia liczba minut albo null.")
    responses = attempt.get("responses", {})
    if not isinstance(responses, dict):
        raise StateError(f"{where}.responses: potrzebny zbiór pól.")
    return {"seed": seed, "questions": list(questions), "scores": {q: float(s) for q, s in scores.items()},
            "responses": {q: _fields(f, f"{where}.responses.{q}") for q, f in responses.items()},
            "total": None if total is None else float(total), "time_limit_min": limit,
            "started": _text(attempt.get("started", ""), f"{where}.started"),
            "finished": _text(attempt.get("finished") or "", f"{where}.finished") or None}
