"""The question types: one object per type, one module each (see base.QuestionType).

Adding a type: write a module here with a `QuestionType` subclass and `TYPE = …`, add the module
to `_MODULES` below (which registers its `TYPE`), and add the form it shows as
`sitegen/templates/question_types/<name>.html.j2`.
The bank's schema (schemas/question-bank.schema.json) takes its part from `schema`; the tests say
when the published file needs `python -m sitegen bank-schema` to be run again.
"""

from __future__ import annotations

from . import matching, multiple, numeric, ordering, short_text, single, true_false
from .base import COMMON_KEYS, FULL, Error, InvalidResponse, QuestionType

# The types by name. The bank, the scorer, the schema and the forms find a type here, so a type is
# known everywhere once registered; nothing else lists them.
REGISTRY: dict[str, QuestionType] = {}

__all__ = ["COMMON_KEYS", "FULL", "Error", "InvalidResponse", "QuestionType", "REGISTRY", "register", "unregister"]


def register(kind: QuestionType) -> None:
    """Make a type known by its `name`; a name already taken is refused, so no type is replaced unseen."""
    if not kind.name or kind.name in REGISTRY:
        raise ValueError(f"question type name {kind.name!r} is empty or already registered")
    if kind.keys & COMMON_KEYS:
        raise ValueError(f"{kind.name}: its own fields repeat common ones: {', '.join(sorted(kind.keys & COMMON_KEYS))}")
    REGISTRY[kind.name] = kind


def unregister(name: str) -> None:
    """Forget a type (a test's own type, after the test)."""
    del REGISTRY[name]


_MODULES = (single, multiple, true_false, ordering, matching, numeric, short_text)
for _module in _MODULES:
    register(_module.TYPE)
