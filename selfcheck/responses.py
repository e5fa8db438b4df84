"""Turn what the page's form sends into an answer the scorer reads.

The page knows nothing about question types: it sends every field of a question's form as
{field name: [values]}. This module knows which fields each type uses.
"""

from __future__ import annotations

from typing import Any

from .bank import Question
from .scoring import InvalidResponse


def read_response(question: Question, fields: dict[str, list[str]]) -> Any:
    values = fields.get("answer", [])
    if question.type in ("single", "short_text", "numeric"):
        return values[0] if values else ""
    if question.type == "multiple":
        return list(values)
    if question.type == "true_false":
        if not values:
            raise InvalidResponse("Wybierz „prawda” albo „fałsz”.")
        return values[0] == "true"
    if question.type == "ordering":
        positions = {}
        for item in question.items:
            chosen = fields.get(f"pos-{item['id']}", [""])[0]
            if not chosen:
                raise InvalidResponse("Nadaj pozycję każdemu elementowi.")
            positions[item["id"]] = int(chosen)
        if len(set(positions.values())) != len(positions):
            raise InvalidResponse("Każdą pozycję można nadać tylko jednemu elementowi.")
        return sorted(positions, key=positions.get)
    if question.type == "matching":
        chosen = {f"l{n}": fields.get(f"match-l{n}", [""])[0] for n in range(1, len(question.pairs) + 1)}
        if not all(chosen.values()):
            raise InvalidResponse("Dopasuj każdy element z lewej kolumny.")
        return chosen
    raise InvalidResponse("Nieznany typ pytania.")
