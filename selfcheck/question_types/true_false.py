"""True or false: 1 point or 0."""

from dataclasses import dataclass

from .base import FULL, InvalidResponse, QuestionType


@dataclass(frozen=True)
class Data:
    answer: bool


class TrueFalse(QuestionType):
    name, label = "true_false", "prawda/fałsz"
    schema = {"answer": {"type": "boolean"}}

    def parse(self, raw, label, errors):
        if not isinstance(raw["answer"], bool):
            errors.append((("answer",), f"{label}: answer: dla pytania prawda/fałsz wpisz true albo false"))
        return Data(raw["answer"])

    def read(self, question, fields):
        values = fields.get("answer", [])
        if not values:
            raise InvalidResponse("Wybierz „prawda” albo „fałsz”.")
        return values[0] == "true"

    def score(self, question, response):
        if not isinstance(response, bool):
            raise InvalidResponse("Wybierz „prawda” albo „fałsz”.")
        return FULL if response is question.data.answer else 0.0

    def correct_answer(self, question):
        return "prawda" if question.data.answer else "fałsz"

    def right_fields(self, question):
        return {"answer": ["true" if question.data.answer else "false"]}


TYPE = TrueFalse()
