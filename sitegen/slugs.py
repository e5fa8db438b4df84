"""Heading anchors for Polish text."""

from __future__ import annotations

import re

from selfcheck.polish import fold  # noqa: F401 - re-exported: search_forms folds with it too


def slugify(value: str, separator: str = "-") -> str:
    value = fold(value).lower()
    value = re.sub(r"[^\w\s-]", "", value, flags=re.ASCII)
    return re.sub(r"[\s_-]+", separator, value).strip(separator)
