"""What every question type is made of, and the small helpers the types share.

A question type is one object (see `QuestionType`) that knows everything particular to it: the
fields a bank entry has (and their JSON Schema), how to check them and what they become, what the
page shows, which form fields it reads, how it scores (with partial credit), how the right answer
reads and which form fields send it. The rest of the engine asks the type and never tests
`question.type` itself, nor reads a type's fields: those are `question.data`, the type's own.
"""

from __future__ import annotations

import random
from typing import Any

# A problem inside one question: (path within it, Polish text naming it).
Error = tuple[tuple[str | int, ...], str]

FULL = 1.0

# YAML reads `- etapy: nazwa, kolejność` as a key and value, not as text: say how to fix it.
COLON_HINT = " (tekst z dwukropkiem i spacją w środku ujmij w cudzysłów)"

# The fields every question has; a type adds its own (`QuestionType.schema`).
COMMON_KEYS = frozenset({"id", "type", "criteria", "prompt", "explanation", "reference"})


class InvalidResponse(ValueError):
    """The response cannot be read (e.g. "12,3,4" typed as a number); the text says what to do."""


class QuestionType:
    """One kind of question. Subclasses set the class attributes and override what differs.

    A type's own fields are declared once, in `schema`; `parse` checks them and returns the type's
    own object for them (by convention a frozen dataclass `Data` in its module), which the question
    keeps as `question.data` and only the type's methods read."""

    name: str = ""              # the bank's `type:` value, e.g. "single"
    label: str = ""             # what the page shows, e.g. "jednokrotny wybór"
    schema: dict = {}           # its own fields in a bank entry: {field: JSON Schema}
    optional: frozenset = frozenset()   # of those, the ones that may be left out

    @property
    def keys(self) -> frozenset:
        """Its own fields in a bank entry."""
        return frozenset(self.schema)

    def parse(self, raw: dict, label: str, errors: list[Error]) -> Any:
        """Check this type's fields of a bank entry (all but the optional ones are there); returns
        what `question.data` will hold. Problems go to `errors` with the field's path and a Polish
        sentence starting with `label`; the question is then left out, so the value may be partial."""
        raise NotImplementedError

    def display(self, question, rng: random.Random) -> dict[str, Any]:
        """What the page's form needs beyond id and prompt (never the answer)."""
        return {}

    def read(self, question, fields: dict[str, list[str]]) -> Any:
        """The response from the form's fields ({name: [values]}); InvalidResponse if it cannot be read."""
        values = fields.get("answer", [])
        return values[0] if values else ""

    def score(self, question, response: Any) -> float:
        """Points from 0 to 1 (the caller clips); InvalidResponse if there is nothing to score."""
        raise NotImplementedError

    def correct_answer(self, question) -> str:
        """The right answer in words, for feedback."""
        raise NotImplementedError

    def right_fields(self, question) -> dict[str, list[str]]:
        """The form fields ({name: [values]}) that a right answer sends, as `read` reads them: the
        tests, the build's runtime checks and the benchmarks answer every type through it."""
        raise NotImplementedError

    def details(self, question, response: Any) -> list[str]:
        """Optional notes after scoring, e.g. which rows of a matching were wrong."""
        return []


def records(raw: Any, keys: tuple[str, ...], bounds: tuple[int, int], field_name: str, what: str,
            label: str, errors: list[Error]) -> list[dict]:
    """A list of small records whose values are texts (options, ordering items, matching pairs),
    with whitespace tidied; problems name the list and the record's number."""
    low, high = bounds
    if not isinstance(raw, list) or not low <= len(raw) <= high:
        errors.append(((field_name,), f"{label}: {field_name}: potrzebne od {low} do {high} {what}"))
        return []
    clean = []
    for n, record in enumerate(raw, 1):
        if not isinstance(record, dict) or not all(isinstance(record.get(k), str) and record[k].strip() for k in keys):
            errors.append(((field_name, n - 1), f"{label}: {field_name}[{n}]: potrzebne pola {' i '.join(keys)} (niepuste teksty)"))
            continue
        clean.append({k: " ".join(record[k].split()) for k in keys})
    return clean


def options(raw: dict, label: str, errors: list[Error]) -> tuple[dict, ...]:
    """The `options` of a choice question: 2–6 records with distinct ids and texts."""
    clean = records(raw["options"], ("id", "text"), (2, 6), "options", "odpowiedzi", label, errors)
    ids, texts = [o["id"] for o in clean], [o["text"] for o in clean]
    if len(set(ids)) != len(ids):
        errors.append((("options",), f"{label}: options: identyfikatory odpowiedzi powtarzają się"))
    if len({t.lower() for t in texts}) != len(texts):
        errors.append((("options",), f"{label}: options: treści odpowiedzi powtarzają się"))
    return tuple(clean)


OPTION_LIST = {"type": "array", "minItems": 2, "maxItems": 6, "items": {"$ref": "#/$defs/option"}}
