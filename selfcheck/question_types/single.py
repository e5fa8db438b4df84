"""Single choice: one right option of 2–6; 1 point or 0."""

from .base import FULL, InvalidResponse, OPTION_LIST, QuestionType, options


class Single(QuestionType):
    name, label = "single", "jednokrotny wybór"
    keys = frozenset({"options", "answer"})
    schema = {"options": OPTION_LIST,
              "answer": {"$ref": "#/$defs/partId", "title": "Identyfikator dobrej odpowiedzi"}}

    def parse(self, raw, label, errors):
        choices = options(raw, label, errors)
        answer = raw["answer"]
        if not isinstance(answer, str) or answer not in {o["id"] for o in choices}:
            errors.append((("answer",), f"{label}: answer: {answer!r} nie jest identyfikatorem żadnej odpowiedzi"))
        return {"options": choices, "answer": answer}

    def display(self, question, rng):
        return {"options": [dict(o) for o in question.options]}

    def score(self, question, response):
        if response in (None, ""):
            raise InvalidResponse("Nie wybrano odpowiedzi.")
        return FULL if response == question.answer else 0.0

    def correct_answer(self, question):
        return next(o["text"] for o in question.options if o["id"] == question.answer)


TYPE = Single()
