"""The question bank's JSON Schema takes each question type's part from the type itself.

schemas/question-bank.schema.json is published for editors (every bank file points to it). Its
common part is written by hand; the list of types and each type's fields come from
selfcheck/question_types, so a new type is described where it is defined. The build always checks
against the composed schema; `python -m sitegen bank-schema` rewrites the published file, and a
test says when it is out of date.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from selfcheck.question_types import COMMON_KEYS, REGISTRY

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "question-bank.schema.json"


def compose(base: dict) -> dict:
    """`base` with the type enum and one if/then block per registered type."""
    schema = copy.deepcopy(base)
    question = schema["$defs"]["question"]
    question["properties"]["type"] = {"enum": list(REGISTRY)}
    blocks = [{"$ref": "#/$defs/common"}]
    common = {key: True for key in ("id", "type", "criteria", "prompt", "explanation", "reference")}
    assert set(common) == COMMON_KEYS, "the schema's common fields and the engine's must agree"
    for kind in REGISTRY.values():
        blocks.append({"if": {"properties": {"type": {"const": kind.name}}}, "then": {
            "properties": {**common, **kind.schema},
            "required": sorted(kind.keys - kind.optional), "additionalProperties": False}})
    question["allOf"] = blocks
    return schema


def composed_text() -> str:
    """The published file as it should read."""
    return json.dumps(compose(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))), ensure_ascii=False, indent=2) + "\n"
