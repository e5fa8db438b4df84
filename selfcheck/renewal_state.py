"""The renewal form as saved in the browser and in export files: a versioned format, checked
before it replaces anything. Field-level checks (dates, order) happen in renewal.assess."""

from __future__ import annotations

import re

from .saved_state import is_format, read_json

FORMAT = "odnowienie"
# Files saved before the format stopped naming the site ("<site>/odnowienie") still load.
_EARLIER_FORMAT = re.compile(r"^[a-z0-9-]+/odnowienie$")
VERSION = 1
PERIOD_FIELDS = ("start", "end", "organisation", "role", "tasks", "document")
MAX_PERIODS = 50


class RenewalStateError(ValueError):
    pass


def parse_renewal_input(text: str) -> dict:
    data = read_json(text, RenewalStateError)
    if not isinstance(data, dict) or not is_format(data.get("format"), FORMAT, _EARLIER_FORMAT):
        raise RenewalStateError(f"To nie jest plik zestawienia dowodów do odnowienia (brak pola format: „{FORMAT}”).")
    if data.get("version") != VERSION:
        raise RenewalStateError(f"Nieznana wersja pliku: {data.get('version')!r}; ta strona zna wersję {VERSION}.")
    issued = data.get("issued", "")
    if not isinstance(issued, str):
        raise RenewalStateError("issued: data wydania musi być tekstem RRRR-MM-DD.")
    periods = data.get("periods", [])
    if not isinstance(periods, list) or len(periods) > MAX_PERIODS:
        raise RenewalStateError(f"periods: potrzebna lista okresów (najwyżej {MAX_PERIODS}).")
    clean = []
    for n, period in enumerate(periods, 1):
        if not isinstance(period, dict) or not all(isinstance(period.get(k, ""), str) for k in PERIOD_FIELDS):
            raise RenewalStateError(f"periods[{n}]: każde pole okresu musi być tekstem.")
        clean.append({k: period.get(k, "") for k in PERIOD_FIELDS})
    checklist = data.get("checklist", [])
    if not isinstance(checklist, list) or not all(isinstance(i, int) and i >= 0 for i in checklist):
        raise RenewalStateError("checklist: potrzebna lista numerów zebranych dokumentów.")
    return {"format": FORMAT, "version": VERSION, "issued": issued, "periods": clean, "checklist": checklist}
