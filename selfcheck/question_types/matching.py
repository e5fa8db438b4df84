"""Matching: pair each item on the left with one on the right. Points = the share of rows matched
correctly; the feedback names each wrong row and warns when one answer was used in several rows."""

from collections import Counter
from dataclasses import dataclass

from .base import InvalidResponse, QuestionType, records


@dataclass(frozen=True)
class Data:
    pairs: tuple[dict, ...]     # ({"left", "right"}, ...) rightly paired; row n is "l<n>", its answer "r<n>"


class Matching(QuestionType):
    name, label = "matching", "dopasowanie"
    schema = {"pairs": {"type": "array", "minItems": 2, "maxItems": 8, "title": "Poprawnie dobrane pary",
                        "items": {"type": "object", "additionalProperties": False, "required": ["left", "right"],
                                  "properties": {"left": {"$ref": "#/$defs/text"}, "right": {"$ref": "#/$defs/text"}}}}}

    def parse(self, raw, label, errors):
        clean = records(raw["pairs"], ("left", "right"), (2, 8), "pairs", "par", label, errors)
        if len({p["left"] for p in clean}) != len(clean) or len({p["right"] for p in clean}) != len(clean):
            errors.append((("pairs",), f"{label}: pairs: teksty po lewej i po prawej muszą być różne"))
        return Data(tuple(clean))

    def display(self, question, rng):
        # Left rows keep the bank's order; the right column is shuffled once, seeded by the question's ID.
        right = [{"id": f"r{n}", "text": p["right"]} for n, p in enumerate(question.data.pairs, 1)]
        while len(right) > 1 and [r["id"] for r in right] == [f"r{n}" for n in range(1, len(right) + 1)]:
            rng.shuffle(right)
        return {"left": [{"id": f"l{n}", "text": p["left"]} for n, p in enumerate(question.data.pairs, 1)], "right": right}

    def read(self, question, fields):
        chosen = {f"l{n}": fields.get(f"match-l{n}", [""])[0] for n in range(1, len(question.data.pairs) + 1)}
        if not all(chosen.values()):
            raise InvalidResponse("Dopasuj każdy element z lewej kolumny.")
        return chosen

    def score(self, question, response):
        if not isinstance(response, dict) or not response:
            raise InvalidResponse("Dopasuj elementy.")
        right = sum(1 for n in range(1, len(question.data.pairs) + 1) if response.get(f"l{n}") == f"r{n}")
        return right / len(question.data.pairs)

    def correct_answer(self, question):
        return "; ".join(f"{p['left']} — {p['right']}" for p in question.data.pairs)

    def right_fields(self, question):
        return {f"match-l{n}": [f"r{n}"] for n in range(1, len(question.data.pairs) + 1)}

    def details(self, question, response):
        if not isinstance(response, dict):
            return []
        texts = {f"r{n}": p["right"] for n, p in enumerate(question.data.pairs, 1)}
        notes = []
        for n, pair in enumerate(question.data.pairs, 1):
            chosen = response.get(f"l{n}")
            if chosen != f"r{n}":
                notes.append(f"Źle: „{pair['left']}” — wybrano „{texts.get(chosen, '—')}”, "
                             f"a pasuje „{pair['right']}”.")
        repeated = [texts[r] for r, times in Counter(response.values()).items() if times > 1 and r in texts]
        if repeated:
            notes.append("Każda odpowiedź z prawej kolumny pasuje tylko do jednego wiersza, a tu powtarza się: "
                         + ", ".join(f"„{text}”" for text in repeated) + ".")
        return notes


TYPE = Matching()
