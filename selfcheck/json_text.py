"""Reading a saved or imported JSON file safely: the one reader every kind of saved work uses
(quiz progress, renewal form, a practical module's state), so each refuses the same hostile input
with a Polish sentence instead of a traceback or a dead worker."""

from __future__ import annotations

import json
import re
from typing import Any

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_JSON_STARTS = set('{["-0123456789tfn')  # the first character of any JSON text (RFC 8259 § 2)


def _deepest(brackets: str) -> int:
    depth = deepest = 0
    for bracket in brackets:
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def nesting(text: str, limit: int) -> int:
    """How deep brackets nest outside strings. Checked before parsing: in Pyodide the parser's
    recursion on a hostile file ("[[[[…") exhausts the WebAssembly stack and kills the worker
    instead of raising an error. Counting every bracket is quick and can only overestimate;
    brackets inside strings are set aside only when that estimate is above `limit`."""
    rough = _deepest(_NOT_BRACKET.sub("", text))
    return rough if rough <= limit else _deepest(_NOT_BRACKET.sub("", _STRING.sub('""', text)))


def read_json(text: Any, error: type[ValueError], *, max_depth: int, max_bytes: int | None = None) -> Any:
    """Parse `text`; raise `error` with a reader's message when it is empty, too large, nested too
    deep, not JSON, or holds a number Python will not read (over 4300 digits, NaN, Infinity)."""
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors save UTF-8
    if not isinstance(text, str) or not text.strip():
        raise error("Plik jest pusty.")
    if max_bytes is not None and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise error(f"Plik jest za duży (ponad {max_bytes // 1024 // 1024} MB).")
    if text.lstrip()[:1] not in _JSON_STARTS:
        # Checked first: a picture or a document renamed to .json is not "nested too deep", it is not JSON.
        raise error("To nie jest plik JSON (plik tekstowy zaczynający się od „{” albo „[”); może to inny plik niż zapisany na tej stronie.")
    if nesting(text, max_depth) > max_depth:
        raise error(f"Plik ma zbyt głęboko zagnieżdżone dane (ponad {max_depth} poziomów).")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as problem:
        raise error(f"To nie jest poprawny plik JSON (wiersz {problem.lineno}).") from None
    except (ValueError, RecursionError):  # a number of over 4300 digits, NaN/Infinity
        raise error("Plik zawiera liczbę, której nie da się odczytać (zbyt długą albo NaN/Infinity).") from None


def _no_constant(name: str):
    raise ValueError(name)
