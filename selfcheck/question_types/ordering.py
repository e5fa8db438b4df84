"""Ordering: put 3–8 items in order. Points = the share of pairs of items that stand in the right
order relative to each other, so a list with two neighbours swapped still earns most of the point."""

from dataclasses import dataclass
from itertools import combinations

from .base import InvalidResponse, QuestionType, records


@dataclass(frozen=True)
class Data:
    items: tuple[dict, ...]     # ({"id", "text"}, ...) in the right order


class Ordering(QuestionType):
    name, label = "ordering", "kolejność"
    schema = {"items": {"type": "array", "minItems": 3, "maxItems": 8, "items": {"$ref": "#/$defs/option"},
                        "title": "Elementy w poprawnej kolejności"}}

    def parse(self, raw, label, errors):
        clean = records(raw["items"], ("id", "text"), (3, 8), "items", "elementów w poprawnej kolejności", label, errors)
        if len({i["id"] for i in clean}) != len(clean):
            errors.append((("items",), f"{label}: items: identyfikatory elementów powtarzają się"))
        return Data(tuple(clean))

    def display(self, question, rng):
        # A fixed shuffle (seeded by the question's ID): every build and every visitor sees the same.
        items = [dict(item) for item in question.data.items]
        while len(items) > 1 and [i["id"] for i in items] == [i["id"] for i in question.data.items]:
            rng.shuffle(items)
        return {"items": items}

    def read(self, question, fields):
        positions = {}
        for item in question.data.items:
            chosen = fields.get(f"pos-{item['id']}", [""])[0]
            if not chosen:
                raise InvalidResponse("Nadaj pozycję każdemu elementowi.")
            try:
                positions[item["id"]] = int(chosen)
            except ValueError:
                raise InvalidResponse("Nadaj pozycję każdemu elementowi.") from None
        if len(set(positions.values())) != len(positions):
            raise InvalidResponse("Każdą pozycję można nadać tylko jednemu elementowi.")
        return sorted(positions, key=positions.get)

    def score(self, question, response):
        expected = [item["id"] for item in question.data.items]
        if not isinstance(response, list) or sorted(response) != sorted(expected):
            raise InvalidResponse("Ułóż wszystkie elementy.")
        position = {item: index for index, item in enumerate(response)}
        pairs = list(combinations(expected, 2))
        return sum(1 for a, b in pairs if position[a] < position[b]) / len(pairs)

    def correct_answer(self, question):
        return " → ".join(item["text"] for item in question.data.items)

    def right_fields(self, question):
        return {f"pos-{item['id']}": [str(n)] for n, item in enumerate(question.data.items, 1)}


TYPE = Ordering()
