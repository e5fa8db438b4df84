"""Score one answer, with partial credit by question type (never below zero).

Partial credit, as the site explains it to candidates (each type's module says its own rule):
- single choice, true/false, numeric, short answer: 1 point or 0;
- multiple choice: (right options ticked − wrong options ticked) ÷ number of right options, at least 0;
- ordering: the share of pairs of items that stand in the right order relative to each other
  (a list with two neighbours swapped still earns most of the point);
- matching: the share of pairs matched correctly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .bank import Question
from .question_types import FULL, InvalidResponse
__all__ = ["FULL", "InvalidResponse", "Result", "correct_answer", "score"]


@dataclass(frozen=True)
class Result:
    question_id: str
    score: float          # 0.0 … 1.0
    verdict: str          # "correct" | "partial" | "wrong" | "invalid" | "unanswered"
    message: str          # what the candidate reads first
    correct_answer: str   # the right answer, in words
    explanation: str
    reference: str
    details: tuple[str, ...] = field(default=())   # the type's notes, e.g. which matching rows were wrong

    def as_dict(self) -> dict:
        return {"question_id": self.question_id, "score": round(self.score, 4), "verdict": self.verdict,
                "message": self.message, "correct_answer": self.correct_answer,
                "explanation": self.explanation, "reference": self.reference, "details": list(self.details)}


def score(question: Question, response: Any) -> Result:
    kind = question.kind
    try:
        points = kind.score(question, response)
    except InvalidResponse as problem:
        return _result(question, 0.0, "invalid", str(problem))
    points = max(0.0, min(FULL, points))
    details = tuple(kind.details(question, response))
    if points >= FULL - 1e-9:
        return _result(question, FULL, "correct", "Dobrze.", details)
    if points > 0:
        return _result(question, points, "partial", f"Zdobywasz {round(points * 100)}% punktu.", details)
    return _result(question, 0.0, "wrong", "Źle.", details)


def _result(question: Question, points: float, verdict: str, message: str, details: tuple[str, ...] = ()) -> Result:
    return Result(question.id, points, verdict, message, correct_answer(question),
                  question.explanation, question.reference, details)


def correct_answer(question: Question) -> str:
    return question.kind.correct_answer(question)
