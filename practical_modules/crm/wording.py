"""Small pieces of Polish wording the CRM's messages share."""

from __future__ import annotations


def names_list(items: list[str]) -> str:
    """["a"] -> "a"; ["a", "b", "c"] -> "a, b i c"."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " i " + items[-1]
