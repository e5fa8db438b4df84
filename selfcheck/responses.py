"""Turn what the page's form sends into an answer the scorer reads.

The page knows nothing about question types: it sends every field of a question's form as
{field name: [values]}. The question's type (selfcheck/question_types) knows which fields it uses.
"""

from __future__ import annotations

from typing import Any

from .bank import Question


def read_response(question: Question, fields: dict[str, list[str]]) -> Any:
    return question.kind.read(question, fields)
