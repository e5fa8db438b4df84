"""Single choice: one right option of 2–6; 1 point or 0."""

from dataclasses import dataclass

from .base import FULL, InvalidResponse, OPTION_LIST, QuestionType, options


@dataclass(frozen=True)
class Data:
    options: tuple[dict, ...]   # ({"id", "text"}, ...) in the bank's order
    answer: str                 # the right option's id


class Single(QuestionType):
    name, label = "single", "jednokrotny wybór"
    schema = {"options": OPTION_LIST,
              "answer": {"$ref": "#/$defs/partId", "title": "Identyfikator dobrej odpowiedzi"}}

    def parse(self, raw, label, errors):
        choices = options(raw, label, errors)
        answer = raw["answer"]
        if not isinstance(answer, str) or answer not in {o["id"] for o in choices}:
            errors.append((("answer",), f"{label}: answer: {answer!r} nie jest identyfikatorem żadnej odpowiedzi"))
        return Data(choices, answer)

    def display(self, question, rng):
        return {"options": [dict(o) for o in question.data.options]}

    def score(self, question, response):
        if response in (None, ""):
            raise InvalidResponse("Nie wybrano odpowiedzi.")
        return FULL if response == question.data.answer else 0.0

    def correct_answer(self, question):
        return next(o["text"] for o in question.data.options if o["id"] == question.data.answer)

    def right_fields(self, question):
        return {"answer": [question.data.answer]}


TYPE = Single()
