"""Forgiving comparison of what a candidate typed with what a task expects.

Misspelt or differently typed names are the most common reason a correct hands-on answer fails a
check, so names compare without case, diacritics, extra spaces, quotes and the kind of dash used
(`selfcheck.polish.fold_text`, the engine's one folding of text, plus the quotes);
numbers compare by digits ("123-456-32-18" equals "1234563218").
"""

from __future__ import annotations

import re

from selfcheck.polish import fold_text


def normal(text) -> str:
    """ "  „Termix”  – Serwis " -> "termix - serwis": `fold_text`, and quotes and the spaces around a
    dash do not count. Other punctuation does (unlike `polish.normalise`): "jan.nowak@firma.example"
    is an address, and "Firma-A" is not "Firma A"."""
    text = re.sub(r"[\"']", "", fold_text(str(text or "")))
    return " ".join(re.sub(r"\s*-\s*", " - ", text).split())


def same_text(a, b) -> bool:
    return normal(a) == normal(b)


def contains_text(haystack, needle) -> bool:
    return normal(needle) in normal(haystack)


def same_digits(a, b) -> bool:
    return re.sub(r"\D", "", str(a or "")) == re.sub(r"\D", "", str(b or ""))
