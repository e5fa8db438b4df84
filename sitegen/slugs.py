"""Heading anchors for Polish text."""

from __future__ import annotations

import html
import re

from selfcheck.polish import fold  # noqa: F401 - re-exported: search_forms folds with it too


def slugify(value: str, separator: str = "-") -> str:
    value = fold(value).lower()
    value = re.sub(r"[^\w\s-]", "", value, flags=re.ASCII)
    return re.sub(r"[\s_-]+", separator, value).strip(separator)


# An ATX heading: its marks, its text, and an attribute list at its end if it has one ("{ #id .class }").
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{:?[ \t]*([^}]*)\}[ \t]*)?$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_ESCAPE = re.compile(r"\\(.)")
_COUNTED = re.compile(r"^(.*)_([0-9]+)$")


def with_heading_ids(markdown: str) -> str:
    """Give every Markdown heading of a generated page its anchor as an explicit `{ #id }`.

    The anchors are then part of the pages, not of an engine's settings: any engine that reads
    attribute lists makes the same ids, with or without our slugify. Ids repeated on a page get
    "_1", "_2"… as Python-Markdown's toc gives them. Front matter and fenced code are left alone.
    """
    lines = markdown.split("\n")
    start = 0
    if lines and lines[0] == "---":  # YAML front matter: its "#" lines are comments
        start = next((i + 1 for i in range(1, len(lines)) if lines[i] == "---"), 0)
    used: set[str] = set()
    fenced = False
    for number in range(start, len(lines)):
        line = lines[number]
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if not match:
            continue
        marks, text, attributes = match.groups()
        if attributes is not None and re.search(r"(^|\s)#", attributes):
            used.add(re.search(r"(?:^|\s)#([^\s}]+)", attributes).group(1))
            continue
        text = text.rstrip("#").rstrip()
        anchor = _unique(slugify(html.unescape(_ESCAPE.sub(r"\1", text))), used)
        rest = f" {attributes.strip()}" if attributes and attributes.strip() else ""
        lines[number] = f"{marks} {text} {{ #{anchor}{rest} }}"
    return "\n".join(lines)


def _unique(anchor: str, used: set[str]) -> str:
    while anchor in used or not anchor:
        counted = _COUNTED.match(anchor)
        anchor = f"{counted.group(1)}_{int(counted.group(2)) + 1}" if counted else f"{anchor}_1"
    used.add(anchor)
    return anchor
