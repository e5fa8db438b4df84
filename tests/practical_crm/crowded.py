"""States filled to a number of records per collection, for the tests of the limits and for the
benchmark (tests/benchmarks/engine_timings.mjs runs this file inside Pyodide, so it imports nothing
from the tests).

A crowded collection holds copies of its own first records under new ids. Names and NIPs of the
copies are new too, so a form that refuses duplicates (a company saved as it stands) still goes
through on a crowded state, and the state reads back like any saved one.
"""

from __future__ import annotations

import itertools
import json

from practical_modules.crm import identifiers as ids
from practical_modules.crm.records import COLLECTIONS, LIST_PREFIXES

MAIN = ("companies", "contacts", "opportunities", "activities")


def crowded(state: dict, size: int, collections: tuple[str, ...] = MAIN) -> dict:
    """`state` (changed in place and returned) with each of `collections` filled to `size` records;
    a collection must hold at least one record to copy."""
    for key in collections:
        records = state[key]
        originals = list(records)
        prefix = COLLECTIONS[key].prefix if key in COLLECTIONS else LIST_PREFIXES[key]
        used = {r["id"] for r in records}
        numbers = (n for n in itertools.count(len(records) + 1) if f"{prefix}{n:03d}" not in used)
        nips = _new_nips(state)
        for original in itertools.islice(itertools.cycle(originals), max(0, size - len(records))):
            copy = json.loads(json.dumps(original))
            copy["id"] = f"{prefix}{next(numbers):03d}"
            if key in ("companies", "opportunities", "templates", "funnels", "reports", "exports"):
                copy["name"] = f"{original['name']} {copy['id']}"
            if key == "companies":
                copy["nip"] = next(nips)
            records.append(copy)
    return state


def _new_nips(state: dict):
    """Valid NIPs no company of `state` has, in order."""
    used = {ids.digits_only(c["nip"]) for c in state["companies"]}
    for first in itertools.count(900_000_000):
        check = ids.nip_check_digit(str(first))
        number = f"{first}{check}"
        if check != 10 and number not in used:
            yield ids.format_nip(number)
