"""The renewal form as saved in the browser and in export files: a versioned format, checked
before it replaces anything. Whether the dates make sense (order, range) is judged, field by
field, in renewal.assess; here only what the form itself cannot hold is taken out."""

from __future__ import annotations

import re
from datetime import date

from .json_text import read_json
from .saved_state import MAX_DEPTH, is_format

FORMAT = "odnowienie"
# Files saved before the format stopped naming the site ("<site>/odnowienie") still load.
_EARLIER_FORMAT = re.compile(r"^[a-z0-9-]+/odnowienie$")
VERSION = 1
PERIOD_FIELDS = ("start", "end", "organisation", "role", "tasks", "document")
DATE_FIELDS = {"start": "Od", "end": "Do"}  # the form's labels, for the notes
ONGOING = "ongoing"  # `end` of a period that has not ended
MAX_PERIODS = 50
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class RenewalStateError(ValueError):
    pass


def load_renewal_input(text: str, qualification: str = "") -> tuple[dict, list[str]]:
    """Read a saved or imported renewal form: (form, notes on values that had to be cleared).
    A file that names another qualification than `qualification` is refused (older files name none).

    A file of the wrong shape is refused whole (RenewalStateError, saying what and where). A date
    field holding something that is not a date is cleared, and a note quotes the value: the
    form's date inputs would otherwise blank it without a word.
    """
    data = read_json(text, RenewalStateError, max_depth=MAX_DEPTH)
    if not isinstance(data, dict) or not is_format(data.get("format"), FORMAT, _EARLIER_FORMAT):
        raise RenewalStateError(f"To nie jest plik zestawienia dowodów do odnowienia (brak pola format: „{FORMAT}”).")
    if data.get("version") != VERSION:
        raise RenewalStateError(f"Nieznana wersja pliku: {data.get('version')!r}; ta strona zna wersję {VERSION}.")
    owner = data.get("qualification", "")
    if not isinstance(owner, str):
        raise RenewalStateError("qualification: potrzebna nazwa kwalifikacji (tekst).")
    if owner and qualification and owner != qualification:
        raise RenewalStateError(f"To zestawienie dotyczy innej kwalifikacji: „{owner[:120]}”.")
    notes: list[str] = []
    issued = data.get("issued", "")
    if not isinstance(issued, str):
        raise RenewalStateError("issued: data wydania musi być tekstem RRRR-MM-DD.")
    issued = _day(issued, "Data wydania certyfikatu", notes)
    periods = data.get("periods", [])
    if not isinstance(periods, list) or len(periods) > MAX_PERIODS:
        raise RenewalStateError(f"periods: potrzebna lista okresów (najwyżej {MAX_PERIODS}).")
    clean = []
    for n, period in enumerate(periods, 1):
        if not isinstance(period, dict) or not all(isinstance(period.get(k, ""), str) for k in PERIOD_FIELDS):
            raise RenewalStateError(f"periods[{n}]: każde pole okresu musi być tekstem.")
        row = {k: period.get(k, "") for k in PERIOD_FIELDS}
        for field, label in DATE_FIELDS.items():
            if not (field == "end" and row[field] == ONGOING):
                row[field] = _day(row[field], f"Okres {n}, pole „{label}”", notes)
        clean.append(row)
    checklist = data.get("checklist", [])
    if not isinstance(checklist, list) or not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0
                                                  for i in checklist):
        raise RenewalStateError("checklist: potrzebna lista numerów zebranych dokumentów.")
    form = {"format": FORMAT, "version": VERSION, "qualification": qualification or owner, "issued": issued,
            "periods": clean, "checklist": checklist}
    return form, notes


def _day(value: str, where: str, notes: list[str]) -> str:
    """`value` if a date input can show it (empty, or a real RRRR-MM-DD day); otherwise "" and a note."""
    if not value.strip():
        return ""
    if _DAY.match(value):
        try:
            date.fromisoformat(value)
            return value
        except ValueError:
            pass
    notes.append(f"{where}: zapisana wartość „{value[:40]}” nie jest datą (RRRR-MM-DD), więc pole jest puste — "
                 "wpisz tę datę jeszcze raz.")
    return ""
