"""Heading anchors for Polish text."""

from __future__ import annotations

import re
import unicodedata

# NFKD splits "ą" into "a" + ogonek, but "ł" has no decomposition: map it by hand.
_EXTRA = str.maketrans({"ł": "l", "Ł": "L"})


def fold(text: str) -> str:
    """Drop diacritics: "Zarządzanie łańcuchem" -> "Zarzadzanie lancuchem"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(value: str, separator: str = "-") -> str:
    value = fold(value).lower()
    value = re.sub(r"[^\w\s-]", "", value, flags=re.ASCII)
    return re.sub(r"[\s_-]+", separator, value).strip(separator)
