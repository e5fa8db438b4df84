"""Polish text, in one place: plurals, numbers, money, percentages, dates and diacritics, and
the reading of what people type: numbers written the Polish way, text compared without case or
diacritics (`fold_text`, and `normalise`, which drops punctuation too).

The build (sitegen), the command line and the engine in the browser all word numbers
through this module, so "1 pytanie", "2 pytania", "5 pytań" and "28 lutego 2025" read
the same everywhere, and JavaScript only shows text made here.
"""

from __future__ import annotations

import math
import re
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


def file_size(size: int) -> str:
    """A file's size as Polish writing gives it, in decimal units: "850 B", "4,2 kB", "314 kB", "1,5 MB"."""
    for limit, unit in ((1_000_000, "MB"), (1_000, "kB")):
        if size >= limit:
            value = size / limit
            return f"{number(round(value, 1) if value < 10 else round(value))}{NBSP}{unit}"
    return f"{size}{NBSP}B"


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


# A date as Polish writing gives it: ISO ("2026-11-25"), day first with dots, dashes or slashes
# ("25.11.2026", "25-11-2026", "25/11/2026"), the month in words ("25 listopada 2026"; also the
# nominative "25 listopad 2026", common in speech and notes though the genitive is the standard) or
# in Roman numerals ("25 XI 2026", "25.XI.2026", customary in Polish letters), optionally followed
# by "r." (roku).
MONTHS_NOMINATIVE = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
                     "październik", "listopad", "grudzień"]
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_NUMERIC = re.compile(r"(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})")
_DATE_WORDS = re.compile(r"(\d{1,2})(?:\. ?| )([a-z]+)(?:\. ?| )(\d{4})")


def read_date(value) -> date | None:
    """A date as people type it (the forms above), or None when it is not one or not in the
    calendar. "25.11.2026 r." -> date(2026, 11, 25); two-digit years are refused (which century?)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(fold(value.casefold()).split())
    text = re.sub(r"\s*r\.?$", "", text).strip()
    genitive, nominative = [fold(m) for m in MONTHS_GENITIVE], [fold(m) for m in MONTHS_NOMINATIVE]
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_NUMERIC, "dmy")):
        found = pattern.fullmatch(text)
        if found:
            parts = dict(zip(order, (int(g) for g in found.groups())))
            break
    else:
        found = _DATE_WORDS.fullmatch(text)
        if not found:
            return None
        day, word, year = found.groups()
        if word in genitive:
            month = genitive.index(word) + 1
        elif word in nominative:
            month = nominative.index(word) + 1
        elif word in _ROMAN:
            month = _ROMAN.index(word) + 1
        else:
            return None
        parts = {"d": int(day), "m": month, "y": int(year)}
    try:
        return date(parts["y"], parts["m"], parts["d"])
    except ValueError:
        return None


def date_time(moment: datetime) -> str:
    """A moment as the reader's clock shows it: "25.11.2026, 14:05" (the caller gives local time)."""
    return f"{short_date(moment.date())}, {moment.hour:02d}:{moment.minute:02d}"


# NFKD splits "ą" into "a" + ogonek, but "ł" has no decomposition: map it by hand.
_NO_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "L"})


def fold(text: str) -> str:
    """Drop diacritics: "Zarządzanie łańcuchem" -> "Zarzadzanie lancuchem"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# The Polish alphabet's order: a letter with a diacritic follows its base letter ("ł" after "l").
_ALPHABET = {letter: place for place, letter in enumerate("aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż")}


def alphabetical(text: str) -> tuple:
    """A sort key in Polish alphabetical order ("Łódź" after "Lublin", "Ćma" after "Cyrk"); case
    counts only between otherwise equal texts. Spaces, digits and punctuation come before letters."""
    folded = " ".join(text.casefold().split())
    return tuple((1, _ALPHABET[ch]) if ch in _ALPHABET else (0, ord(ch)) for ch in folded), text


# Typographic dashes and quotes as the keyboard types them (NFKD has already made U+2011 a U+2010).
_TYPOGRAPHIC = str.maketrans({**dict.fromkeys("\u2010\u2012\u2013\u2014\u2015\u2212", "-"),
                              **dict.fromkeys("\u201e\u201d\u201c\u00ab\u00bb", '"'),
                              **dict.fromkeys("\u201a\u2018\u2019", "'")})


def plain_marks(text: str) -> str:
    """Typographic dashes and quotes as a keyboard types them: "T – time-bound" -> "T - time-bound"."""
    return text.translate(_TYPOGRAPHIC)


def fold_text(text: str) -> str:
    """Text as compared, punctuation kept: case, diacritics, the kind of dash or quote and extra
    spaces do not count ("  „Firma–A”  Łódź " -> '"firma-a" lodz'). The base of `normalise`, and
    the comparison where punctuation tells things apart (an e-mail address, "Firma-A" and "Firma A")."""
    return " ".join(plain_marks(fold(text.casefold())).split())


def normalise(text: str) -> str:
    """Text as compared, never as shown: `fold_text`, and punctuation does not count either
    ("  Szansa sprzedaży! " -> "szansa sprzedazy"; "e-mail" -> "e mail"). Letters, digits and "_"
    are kept; every other character that is not a space counts as one."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold_text(text)).split())


# A number as typed: an optional sign (also the typographic minus); whole digits, plain or grouped
# by three with spaces ("12 345", also no-break, narrow and thin spaces); a fraction after a comma
# or a dot; then whatever follows the digits (a unit, if the caller allows one). ASCII digits only:
# `\d` would let other scripts' digits through.
_NUMBER = re.compile(r"([-+\u2212]?)([0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+|[0-9]+)(?:[.,]([0-9]+))?\s*([^0-9]*)")


def parse_number(value, units: tuple[str, ...] = ()) -> float | None:
    """A number as people type it, the Polish way or the plain way; None if it is not one.

    Reads "1 234,5", "1234.5", "1 234" (spaces group thousands by three: "12 34" is not a number),
    "-5" and "−5", and an int or a float. Both a comma and a dot are decimal separators, so "1,234"
    is 1.234 and "1.234,5" is not a number. `units`: words that may follow the number, compared
    without case, diacritics, dots or spaces (units=("zł", "p.p.") reads "12 zł", "12zl", "3,5 pp").
    None for everything else: empty text, other words, two separators, exponents ("1e5"),
    NaN and infinities (also too many digits for a float), True and False."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:
            return None
        return number if math.isfinite(number) else None
    if not isinstance(value, str):
        return None
    match = _NUMBER.fullmatch(value.strip())
    if not match:
        return None
    sign, whole, fraction, unit = match.groups()
    if unit and _unit_key(unit) not in {_unit_key(u) for u in units} - {""}:
        return None
    number = float(("-" if sign in ("-", "\u2212") else "") + re.sub(r"[^0-9]", "", whole) + "." + (fraction or "0"))
    return number if math.isfinite(number) else None


def _unit_key(unit: str) -> str:
    return re.sub(r"[.\s]", "", fold(unit.casefold()))
