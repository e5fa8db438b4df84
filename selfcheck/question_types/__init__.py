"""The question types: one object per type, one module each (see base.QuestionType).

Adding a type: write a module here with a `QuestionType` subclass and `TYPE = …`, add it to
`_MODULES` below, and add the form it shows as `sitegen/templates/question_types/<name>.html.j2`.
The bank's schema (schemas/question-bank.schema.json) takes its part from `schema`; the tests say
when the published file needs `python -m sitegen bank-schema` to be run again.
"""

from __future__ import annotations

from . import matching, multiple, numeric, ordering, short_text, single, true_false
from .base import COMMON_KEYS, FULL, Error, InvalidResponse, QuestionType

_MODULES = (single, multiple, true_false, ordering, matching, numeric, short_text)
REGISTRY: dict[str, QuestionType] = {module.TYPE.name: module.TYPE for module in _MODULES}
NAMES = tuple(REGISTRY)

__all__ = ["COMMON_KEYS", "FULL", "Error", "InvalidResponse", "NAMES", "QuestionType", "REGISTRY", "get"]


def get(name: str) -> QuestionType:
    return REGISTRY[name]
