"""Put chosen text into every plain-text field of the data: for tests that data stays text.

Which fields are plain text comes from the schemas: a string with no enum, const or format
pattern, and not marked as rich text (`contentMediaType`). The question bank has its checks
in `selfcheck.bank`; its reader-facing fields are listed here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def replace_text(value, schema_name: str, text):
    """A copy of `value` with every plain-text string replaced by `text` (a string, or a
    callable returning one: e.g. numbered payloads where the data wants unique texts)."""
    root = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    make = text if callable(text) else (lambda: text)
    return _replace(value, root, root, make)


def _is_free_text(node: dict, root: dict) -> bool:
    """A plain-text string field: no enum, const or format pattern, and not rich text
    (rich text is a checked Markdown subset, tested in tests/test_data_as_text.py)."""
    rich = "contentMediaType" in node
    while "$ref" in node:
        node = root["$defs"][node["$ref"].split("/")[-1]]
    return not rich and not ({"enum", "const", "format"} & node.keys()) and node.get("pattern", "\\S") == "\\S"


def _replace(value, node: dict, root: dict, make: Callable[[], str]):
    if isinstance(value, str):
        return make() if _is_free_text(node, root) else value
    while "$ref" in node:
        node = root["$defs"][node["$ref"].split("/")[-1]]
    if "anyOf" in node:
        branch = next(b for b in node["anyOf"] if _matches(value, b, root))
        return _replace(value, branch, root, make)
    if isinstance(value, list):
        return [_replace(item, node.get("items", {}), root, make) for item in value]
    if isinstance(value, dict):
        props = node.get("properties", {})
        return {key: _replace(item, props.get(key, {}), root, make) for key, item in value.items()}
    return value


def _matches(value, node: dict, root: dict) -> bool:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].split("/")[-1]]
    kind = node.get("type")
    return {"string": isinstance(value, str), "array": isinstance(value, list), "object": isinstance(value, dict)}.get(kind, True)


# What a candidate reads in the bank (as files and as the page's display form).
BANK_TEXT_FIELDS = {"prompt", "text", "question", "explanation", "reference", "left", "right"}
BANK_TEXT_LISTS = {"points"}


def replace_bank_text(value, make: Callable[[], str]):
    if isinstance(value, dict):
        return {key: (make() if key in BANK_TEXT_FIELDS and isinstance(item, str)
                      else [make() for _ in item] if key in BANK_TEXT_LISTS
                      else replace_bank_text(item, make))
                for key, item in value.items()}
    if isinstance(value, list):
        return [replace_bank_text(item, make) for item in value]
    return value


