"""Multiple choice: (right options ticked − wrong options ticked) ÷ number of right options, at least 0."""

from .base import InvalidResponse, OPTION_LIST, QuestionType, options


class Multiple(QuestionType):
    name, label = "multiple", "wielokrotny wybór"
    keys = frozenset({"options", "answer"})
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
        return {"options": choices, "answer": frozenset(answer)}

    def display(self, question, rng):
        return {"options": [dict(o) for o in question.options]}

    def read(self, question, fields):
        return list(fields.get("answer", []))

    def score(self, question, response):
        if not isinstance(response, list) or not response:
            raise InvalidResponse("Nie wybrano odpowiedzi.")
        chosen = set(response)
        return (len(chosen & question.answer) - len(chosen - question.answer)) / len(question.answer)

    def correct_answer(self, question):
        return "; ".join(o["text"] for o in question.options if o["id"] in question.answer)


TYPE = Multiple()
