"""Polish text, in one place: plurals, numbers, money, percentages, dates and diacritics.

The build (sitegen), the command line and the engine in the browser all word numbers
through this module, so "1 pytanie", "2 pytania", "5 pytań" and "28 lutego 2025" read
the same everywhere, and JavaScript only shows text made here.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

NBSP = "\u00a0"
MONTHS_GENITIVE = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                   "października", "listopada", "grudnia"]


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun after the number n: 1 rok, 2–4 lata (but 12–14 lat), 5+ lat, 22 lata.

    Fractions take the genitive singular ("1,5 roku"), which callers pass as `few`'s
    counterpart where they need it (see `years_genitive`)."""
    n = abs(int(n))
    if n == 1:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count(n: int, one: str, few: str, many: str) -> str:
    """ "5 pytań", "1 pytanie", "22 pytania"."""
    return f"{number(n)} {plural(n, one, few, many)}"


def number(value: int | float, decimals: int = 2) -> str:
    """Polish digits: 2500, 12 500 (a no-break space from five digits up), 2,5."""
    if float(value) == int(value):
        whole = int(value)
        return f"{whole:,}".replace(",", NBSP) if abs(whole) >= 10_000 else str(whole)
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    if abs(float(value)) < 10_000:
        whole = whole.replace(",", "")
    return whole.replace(",", NBSP) + ("," + fraction if fraction else "")


def pln(amount: int | float) -> str:
    """2500 -> "2500 zł"; 2500.5 -> "2500,50 zł" (money keeps two decimals once it has any)."""
    if float(amount) == int(amount):
        return f"{number(int(amount))}{NBSP}zł"
    whole = int(amount)
    return f"{number(whole)},{round((amount - whole) * 100):02d}{NBSP}zł"


def percent(share: float | None, *, missing: str = "brak danych") -> str:
    """0.67 -> "67%"; None -> "brak danych"."""
    return missing if share is None else f"{round(share * 100)}%"


def years(n: int | float) -> str:
    """Nominative: "1 rok", "2 lata", "5 lat" ("certyfikat ważny 5 lat")."""
    if float(n) != int(n):
        return f"{number(n)} roku"
    return count(int(n), "rok", "lata", "lat")


def years_genitive(n: int | float) -> str:
    """Genitive: "co najmniej 1 roku", "co najmniej 2 lat", "1,5 roku"."""
    if float(n) != int(n):
        return f"{number(n)} roku"
    n = int(n)
    return f"{n} roku" if n == 1 else f"{number(n)} lat"


def hours(n: int) -> str:
    return count(n, "godzina", "godziny", "godzin")


def days(n: int) -> str:
    return count(n, "dzień", "dni", "dni")


def people(n: int) -> str:
    return count(n, "osoba", "osoby", "osób")


def long_date(day: date) -> str:
    """2025-02-28 -> "28 lutego 2025"."""
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """2021-05-01 -> "01.05.2021" (the form Polish documents use; does not break in narrow columns)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def date_time(moment: datetime) -> str:
    """A moment as the reader's clock shows it: "25.11.2026, 14:05" (the caller gives local time)."""
    return f"{short_date(moment.date())}, {moment.hour:02d}:{moment.minute:02d}"


# NFKD splits "ą" into "a" + ogonek, but "ł" has no decomposition: map it by hand.
_NO_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "L"})


def fold(text: str) -> str:
    """Drop diacritics: "Zarządzanie łańcuchem" -> "Zarzadzanie lancuchem"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
