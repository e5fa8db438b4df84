"""Score one answer, with partial credit by question type (never below zero).

Partial credit, as the site explains it to candidates:
- single choice, true/false, numeric, short answer: 1 point or 0;
- multiple choice: (right options ticked − wrong options ticked) ÷ number of right options, at least 0;
- ordering: the share of pairs of items that stand in the right order relative to each other
  (a list with two neighbours swapped still earns most of the point);
- matching: the share of pairs matched correctly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from .bank import Question

FULL = 1.0


@dataclass(frozen=True)
class Result:
    question_id: str
    score: float          # 0.0 … 1.0
    verdict: str          # "correct" | "partial" | "wrong" | "invalid"
    message: str          # what the candidate reads first
    correct_answer: str   # the right answer, in words
    explanation: str
    reference: str

    def as_dict(self) -> dict:
        return {"question_id": self.question_id, "score": round(self.score, 4), "verdict": self.verdict,
                "message": self.message, "correct_answer": self.correct_answer,
                "explanation": self.explanation, "reference": self.reference}


class InvalidResponse(ValueError):
    """The response cannot be read (e.g. "12,3,4" typed as a number)."""


def score(question: Question, response: Any) -> Result:
    try:
        points = _SCORERS[question.type](question, response)
    except InvalidResponse as problem:
        return _result(question, 0.0, "invalid", str(problem))
    points = max(0.0, min(FULL, points))
    if points >= FULL - 1e-9:
        return _result(question, FULL, "correct", "Dobrze.")
    if points > 0:
        return _result(question, points, "partial", f"Zdobywasz {round(points * 100)}% punktu.")
    return _result(question, 0.0, "wrong", "Źle.")


def _result(question: Question, points: float, verdict: str, message: str) -> Result:
    return Result(question.id, points, verdict, message, correct_answer(question),
                  question.explanation, question.reference)


def correct_answer(question: Question) -> str:
    if question.type == "single":
        return next(o["text"] for o in question.options if o["id"] == question.answer)
    if question.type == "multiple":
        return "; ".join(o["text"] for o in question.options if o["id"] in question.answer)
    if question.type == "true_false":
        return "prawda" if question.answer else "fałsz"
    if question.type == "ordering":
        return " → ".join(item["text"] for item in question.items)
    if question.type == "matching":
        return "; ".join(f"{p['left']} — {p['right']}" for p in question.pairs)
    if question.type == "numeric":
        return format_number(question.answer) + (f" {question.unit}" if question.unit else "")
    return question.answer[0]


def _single(question: Question, response: Any) -> float:
    if response in (None, ""):
        raise InvalidResponse("Nie wybrano odpowiedzi.")
    return FULL if response == question.answer else 0.0


def _multiple(question: Question, response: Any) -> float:
    if not isinstance(response, list) or not response:
        raise InvalidResponse("Nie wybrano odpowiedzi.")
    chosen = set(response)
    right = len(chosen & question.answer)
    wrong = len(chosen - question.answer)
    return (right - wrong) / len(question.answer)


def _true_false(question: Question, response: Any) -> float:
    if not isinstance(response, bool):
        raise InvalidResponse("Wybierz „prawda” albo „fałsz”.")
    return FULL if response is question.answer else 0.0


def _ordering(question: Question, response: Any) -> float:
    expected = [item["id"] for item in question.items]
    if not isinstance(response, list) or sorted(response) != sorted(expected):
        raise InvalidResponse("Ułóż wszystkie elementy.")
    position = {item: index for index, item in enumerate(response)}
    pairs = list(combinations(expected, 2))
    in_order = sum(1 for a, b in pairs if position[a] < position[b])
    return in_order / len(pairs)


def _matching(question: Question, response: Any) -> float:
    if not isinstance(response, dict) or not response:
        raise InvalidResponse("Dopasuj elementy.")
    right = sum(1 for n in range(1, len(question.pairs) + 1) if response.get(f"l{n}") == f"r{n}")
    return right / len(question.pairs)


def _numeric(question: Question, response: Any) -> float:
    value = parse_number(response)
    return FULL if abs(value - question.answer) <= question.tolerance + 1e-9 else 0.0


def _short_text(question: Question, response: Any) -> float:
    if not isinstance(response, str) or not response.strip():
        raise InvalidResponse("Wpisz odpowiedź.")
    return FULL if normalise_text(response) in {normalise_text(a) for a in question.answer} else 0.0


_SCORERS = {"single": _single, "multiple": _multiple, "true_false": _true_false, "ordering": _ordering,
            "matching": _matching, "numeric": _numeric, "short_text": _short_text}


def parse_number(value: Any) -> float:
    """Read a number as Poles type it: "1 234,5", "1234.5", "12 zł", "25%", "3 p.p."."""
    if isinstance(value, bool):
        raise InvalidResponse("Wpisz liczbę.")
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        raise InvalidResponse("Wpisz liczbę.")
    text = re.sub(r"[\s\u00a0]", "", value)
    text = re.sub(r"(zł|pln|%|p\.?p\.?|dni|godz\.?|h)$", "", text, flags=re.IGNORECASE)
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
        raise InvalidResponse(f"„{value.strip()}” nie jest liczbą. Wpisz np. 1234,5.")
    return float(text)


def format_number(value: float) -> str:
    """12345.5 -> "12 345,5" (Polish: space for thousands, comma for decimals)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",")


def normalise_text(text: str) -> str:
    """Compare short answers without case, diacritics, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKD", text.lower().replace("ł", "l"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())
