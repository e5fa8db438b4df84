"""A practice session: a handful of questions, one at a time, chosen for the candidate.

The rule (the practice page states it):
- questions never answered come first, weak criteria before strong ones (a criterion's readiness,
  0 when it has no data, makes its questions more likely to be drawn early);
- up to a third of the session goes to earlier mistakes that are due again: a question answered
  wrongly or in part comes back once at least `DUE_AFTER` has passed since that answer (mistakes
  are repeated after a pause, which helps them stick better than repeating at once);
- when the session is not yet full: more mistakes that are due, then questions answered correctly
  longest ago, and only then mistakes not yet due;
- a mistake made during the session brings the question back once, a few questions later.
The draw is seeded, so the same state, scope and seed give the same session.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from . import polish
from .bank import Bank
from .structure import anchor

DUE_AFTER = timedelta(minutes=10)
RETRY_GAP = 3           # a question missed in the session comes back after this many others
MISTAKE_SHARE = 1 / 3   # of a session, at most this much for mistakes due again


class ScopeError(ValueError):
    pass


def in_scope(bank: Bank, scope: str) -> list[str]:
    """Question IDs of "" (all), "set:Z1", "outcome:Z1.E1" or "criterion:Z1.E1.K1"."""
    kind, _, ident = (scope or "").partition(":")
    ids = []
    for qid, question in bank.questions.items():
        if (not kind or (kind == "set" and question.outcome.split(".")[0] == ident)
                or (kind == "outcome" and question.outcome == ident)
                or (kind == "criterion" and ident in question.criteria)):
            ids.append(qid)
    if kind not in ("", "set", "outcome", "criterion") or not ids:
        raise ScopeError(f"Zakres „{scope}” nie obejmuje żadnego pytania.")
    return ids


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def choose(bank: Bank, state: dict, criterion_values: dict[str, float | None], scope: str, size: int,
           seed: int, now: str) -> list[str]:
    """The session's questions, in the order they are asked."""
    rng = random.Random(seed)
    answers = state.get("answers", {})
    current = _moment(now)
    fresh, due, later, known = [], [], [], []
    for qid in in_scope(bank, scope):
        saved = answers.get(qid)
        if saved is None:
            weakness = min((criterion_values.get(c) or 0.0) for c in bank.questions[qid].criteria)
            fresh.append((rng.random() * (0.5 + weakness), qid))   # weak criteria: smaller keys, asked earlier
            continue
        at = _moment(saved.get("at", "")) or datetime.min.replace(tzinfo=current.tzinfo if current else None)
        if saved.get("score", 0) < 1:
            is_due = current is None or at <= current - DUE_AFTER
            (due if is_due else later).append((at, qid))
        else:
            known.append((at, qid))
    fresh.sort()
    due.sort()
    later.sort()
    known.sort()
    mistakes = [qid for _, qid in due][: math.ceil(size * MISTAKE_SHARE)]
    chosen = mistakes + [qid for _, qid in fresh][: size - len(mistakes)]
    for _, qid in due + known + later:          # fill up when there is not enough new
        if len(chosen) >= size:
            break
        if qid not in chosen:
            chosen.append(qid)
    rng.shuffle(chosen)
    return chosen[:size]


def start(questions: list[str]) -> dict:
    return {"queue": list(questions), "position": 0, "retried": [], "first_scores": {}}


def record(session: dict, question_id: str, score: float) -> dict:
    """Note an answer to the current question; a first mistake brings it back a few questions later."""
    if question_id not in session["first_scores"]:
        session["first_scores"][question_id] = score
    if score < 1 and question_id not in session["retried"]:
        session["retried"].append(question_id)
        at = min(len(session["queue"]), session["position"] + 1 + RETRY_GAP)
        session["queue"].insert(at, question_id)
    return session


def progress(session: dict) -> dict:
    total, position = len(session["queue"]), session["position"]
    done = position >= total
    return {"current": None if done else session["queue"][position], "number": min(position + 1, total),
            "total": total, "done": done,
            "text": "Koniec sesji." if done else f"Pytanie {position + 1} z {total}{_growth(session)}",
            # The button after a checked answer: the last question leads to the summary.
            "next": "Zobacz podsumowanie" if position + 1 >= total else "Dalej"}


def _growth(session: dict) -> str:
    """Why the session is longer than chosen, said beside the count: the mistakes brought back."""
    again = len(session["retried"])
    if not again:
        return ""
    chosen = len(session["queue"]) - again
    return (f" ({polish.count(chosen, 'pytanie', 'pytania', 'pytań')} sesji i "
            f"{polish.count(again, 'powtórka', 'powtórki', 'powtórek')} po błędnej odpowiedzi)")


def summary(bank: Bank, structure, session: dict) -> dict:
    """What the session showed: right at the first try, and the criteria of the mistakes to go back to."""
    first = session["first_scores"]
    right = sum(1 for score in first.values() if score >= 1)
    asked = len(first)
    missed = [qid for qid, score in first.items() if score < 1]
    criteria = sorted({c for qid in missed if qid in bank.questions for c in bank.questions[qid].criteria})
    return {
        "text": f"Dobrze za pierwszym razem: {right} z {polish.count(asked, 'pytania', 'pytań', 'pytań')}."
                if asked else "W tej sesji nie sprawdzono żadnej odpowiedzi.",
        "review": [{"id": c, "anchor": anchor(c), "text": structure.criterion(c)["text"]} for c in criteria],
    }
