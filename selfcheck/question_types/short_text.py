"""A short typed answer: right when it equals one of the accepted answers, ignoring case, Polish
diacritics, punctuation and extra spaces; 1 point or 0."""

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
        return FULL if polish.normalise(response) in {polish.normalise(a) for a in question.data.answer} else 0.0

    def correct_answer(self, question):
        return question.data.answer[0]

    def right_fields(self, question):
        return {"answer": [question.data.answer[0]]}


TYPE = ShortText()
