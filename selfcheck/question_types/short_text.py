"""A short typed answer: right when it equals one of the accepted answers, ignoring case, Polish
diacritics, punctuation and extra spaces, or when it is accepted answers side by side (a name with
its abbreviation or translation: "pulpit (dashboard)", "T – time-bound"); 1 point or 0."""

import re
from dataclasses import dataclass

from .. import polish
from .base import FULL, InvalidResponse, QuestionType


@dataclass(frozen=True)
class Data:
    answer: tuple[str, ...]     # the accepted answers; the first is the one shown


class ShortText(QuestionType):
    name, label = "short_text", "krótka odpowiedź"
    schema = {"answer": {"anyOf": [{"$ref": "#/$defs/text"},
                                   {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}],
                         "title": "Akceptowane odpowiedzi"}}

    def parse(self, raw, label, errors):
        answer = raw["answer"]
        if isinstance(answer, str):
            answer = [answer]
        if not isinstance(answer, list) or not answer or not all(isinstance(a, str) and a.strip() for a in answer):
            errors.append((("answer",), f"{label}: answer: potrzebna lista akceptowanych odpowiedzi (tekstów)"))
            answer = []
        return Data(tuple(answer))

    def score(self, question, response):
        if not isinstance(response, str) or not response.strip():
            raise InvalidResponse("Wpisz odpowiedź.")
        return FULL if accepted(response, {polish.normalise(a) for a in question.data.answer}) else 0.0

    def correct_answer(self, question):
        return question.data.answer[0]

    def right_fields(self, question):
        return {"answer": [question.data.answer[0]]}


# People write a term with its other name beside it: in brackets, after a spaced dash or a slash.
# Each part must itself be accepted, so a right word next to a wrong one is still wrong.
# Deliberately no looser rule such as "X (any gloss)" passing whenever X passes: the gloss is where a
# wrong idea shows ("T (mierzalny)", "NIP (REGON)", "VIES (KRS)"), and the matcher cannot tell a
# harmless gloss from a contradicting one. A gloss that is right is an accepted answer in the bank
# ("T (czas)" passes because "czas" is listed), so the question's data decides, not a general rule.
_BESIDE = re.compile(r"[()\[\]/]|\s[-\u2013\u2014]\s")


def accepted(response: str, answers: set[str]) -> bool:
    """`response` is one of the (normalised) `answers`, or several of them side by side."""
    if polish.normalise(response) in answers:
        return True
    parts = [polish.normalise(part) for part in _BESIDE.split(response)]
    parts = [part for part in parts if part]
    return len(parts) > 1 and all(part in answers for part in parts)


TYPE = ShortText()
