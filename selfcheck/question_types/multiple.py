"""Multiple choice: (right options ticked − wrong options ticked) ÷ number of right options, at least 0."""

from dataclasses import dataclass

from .base import InvalidResponse, OPTION_LIST, QuestionType, options


@dataclass(frozen=True)
class Data:
    options: tuple[dict, ...]   # ({"id", "text"}, ...) in the bank's order
    answer: frozenset           # the right options' ids


class Multiple(QuestionType):
    name, label = "multiple", "wielokrotny wybór"
    schema = {"options": OPTION_LIST,
              "answer": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/partId"},
                         "title": "Identyfikatory dobrych odpowiedzi"}}

    def parse(self, raw, label, errors):
        choices = options(raw, label, errors)
        ids = {o["id"] for o in choices}
        answer = raw["answer"]
        if not isinstance(answer, list) or not answer or not all(isinstance(a, str) for a in answer):
            errors.append((("answer",), f"{label}: answer: dla wielokrotnego wyboru potrzebna lista identyfikatorów"))
            answer = []
        for n, a in enumerate(answer):
            if a not in ids:
                errors.append((("answer", n), f"{label}: answer: {a!r} nie jest identyfikatorem żadnej odpowiedzi"))
        return Data(choices, frozenset(answer))

    def display(self, question, rng):
        return {"options": [dict(o) for o in question.data.options]}

    def read(self, question, fields):
        return list(fields.get("answer", []))

    def score(self, question, response):
        if not isinstance(response, list) or not response:
            raise InvalidResponse("Nie wybrano odpowiedzi.")
        chosen, right = set(response), question.data.answer
        return (len(chosen & right) - len(chosen - right)) / len(right)

    def correct_answer(self, question):
        return "; ".join(o["text"] for o in question.data.options if o["id"] in question.data.answer)

    def right_fields(self, question):
        # In the form's order, as a browser sends ticked checkboxes.
        return {"answer": [o["id"] for o in question.data.options if o["id"] in question.data.answer]}


TYPE = Multiple()
