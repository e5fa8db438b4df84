"""Polish identifiers and contact formats: checks that say in Polish what is wrong, and generators
of valid and deliberately wrong numbers for the fictional dataset.

Every check returns None for a correct value or one Polish sentence naming the problem, so a form
can show it beside its field. Separators people type (dashes, spaces; dots in a phone number) and
"PL" before a NIP (the EU VAT number) are accepted and dropped.
Check digits as published: NIP (weights 6 5 7 2 3 4 5 6 7, mod 11, a remainder of 10 is never
issued), REGON 9 (8 9 2 3 4 5 6 7, mod 11, 10 -> 0), REGON 14 (2 4 8 5 0 9 7 3 6 1 2 4 8, mod 11,
10 -> 0; its first nine digits are the parent unit's REGON 9,
so they carry their own check digit), PESEL (1 3 7 9 1 3 7 9 1 3, (10 - sum mod
10) mod 10, month + 80/0/20/40/60 for the centuries 1800/1900/2000/2100/2200, tenth digit odd for
men and even for women).
"""

from __future__ import annotations

import random
import re
from datetime import date

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)
REGON14_WEIGHTS = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)
PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
# PESEL month offsets: 1800-1899 +80, 1900-1999 +0, 2000-2099 +20, 2100-2199 +40, 2200-2299 +60.
_CENTURY_OFFSET = {1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60}

_SEPARATORS = re.compile(r"[\s\-]")
# One practical address shape: local part, @, a domain with at least one dot; no spaces, no quotes.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
_POSTCODE = re.compile(r"^(\d{2})[-\s]?(\d{3})$")
# The EU VAT number of a Polish firm is its NIP after the country code: "PL7938875575".
_VAT_PREFIX = re.compile(r"^\s*PL\s*", re.IGNORECASE)


def digits_only(value: str) -> str:
    """ "123-456-32-18" -> "1234563218" (dashes and spaces are how people write numbers, not part of them)."""
    return _SEPARATORS.sub("", value or "")


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights))


def _digits_problem(value: str, length: int | tuple[int, ...], name: str) -> tuple[str, str | None]:
    number = digits_only(value)
    lengths = (length,) if isinstance(length, int) else length
    if not number:
        return number, f"Wpisz {name}."
    if not number.isdigit():
        return number, f"{name} składa się tylko z cyfr (dopuszczalne są myślniki i spacje między nimi)."
    if len(number) not in lengths:
        expected = " albo ".join(str(n) for n in lengths)
        return number, f"{name} ma {expected} cyfr, a wpisano {len(number)}."
    return number, None


# --- NIP -------------------------------------------------------------------------------------

def nip_check_digit(first_nine: str) -> int:
    """10 means "no such NIP": such a prefix is never issued."""
    return _weighted(first_nine, NIP_WEIGHTS) % 11


def nip_problem(value: str) -> str | None:
    number, problem = _digits_problem(_VAT_PREFIX.sub("", value or ""), 10, "NIP")
    if problem:
        return problem
    check = nip_check_digit(number[:9])
    if check == 10:
        return "Taki NIP nie istnieje: z pierwszych dziewięciu cyfr wychodzi cyfra kontrolna 10."
    if check != int(number[9]):
        return (f"NIP ma błędną cyfrę kontrolną: ostatnia cyfra powinna być {check}, a jest {number[9]} "
                "(najczęściej to literówka w którejś cyfrze).")
    return None


def format_nip(value: str) -> str:
    """ "1234563218" (also "PL1234563218") -> "123-456-32-18", the way NIP is usually written."""
    n = digits_only(_VAT_PREFIX.sub("", value or ""))
    return f"{n[:3]}-{n[3:6]}-{n[6:8]}-{n[8:]}" if len(n) == 10 and n.isdigit() else value


# --- REGON -----------------------------------------------------------------------------------

def regon9_check_digit(first_eight: str) -> int:
    return _weighted(first_eight, REGON9_WEIGHTS) % 11 % 10


def regon14_check_digit(first_thirteen: str) -> int:
    return _weighted(first_thirteen, REGON14_WEIGHTS) % 11 % 10


def regon_problem(value: str) -> str | None:
    number, problem = _digits_problem(value, (9, 14), "REGON")
    if problem:
        return problem
    if regon9_check_digit(number[:8]) != int(number[8]):
        where = "dziewiąta cyfra (cyfra kontrolna pierwszej części)" if len(number) == 14 else "ostatnia cyfra"
        return f"REGON ma błędną cyfrę kontrolną: {where} powinna być {regon9_check_digit(number[:8])}, a jest {number[8]}."
    if len(number) == 14 and regon14_check_digit(number[:13]) != int(number[13]):
        return (f"REGON jednostki lokalnej ma błędną cyfrę kontrolną: ostatnia cyfra powinna być "
                f"{regon14_check_digit(number[:13])}, a jest {number[13]}.")
    return None


# --- PESEL -----------------------------------------------------------------------------------

def pesel_check_digit(first_ten: str) -> int:
    return (10 - _weighted(first_ten, PESEL_WEIGHTS) % 10) % 10


def pesel_birth_date(number: str) -> date | None:
    """The date of birth a PESEL encodes, or None if it encodes no real day."""
    year, month, day = int(number[0:2]), int(number[2:4]), int(number[4:6])
    century = next((c for c, offset in _CENTURY_OFFSET.items() if offset < month <= offset + 12), None)
    if century is None:
        return None
    try:
        return date(century + year, month - _CENTURY_OFFSET[century], day)
    except ValueError:
        return None


def pesel_sex(number: str) -> str:
    """ "K" (kobieta) or "M" (mężczyzna): the tenth digit is even for women, odd for men."""
    return "K" if int(number[9]) % 2 == 0 else "M"


def pesel_problem(value: str, *, birth_date: date | None = None, sex: str | None = None) -> str | None:
    """Checks the check digit and the encoded date; with birth_date or sex given, that they agree."""
    number, problem = _digits_problem(value, 11, "PESEL")
    if problem:
        return problem
    born = pesel_birth_date(number)
    if born is None:
        return "PESEL zawiera nieistniejącą datę urodzenia (cyfry 3–6 to miesiąc z oznaczeniem stulecia i dzień)."
    if pesel_check_digit(number[:10]) != int(number[10]):
        return (f"PESEL ma błędną cyfrę kontrolną: ostatnia cyfra powinna być {pesel_check_digit(number[:10])}, "
                f"a jest {number[10]}.")
    if birth_date is not None and born != birth_date:
        return f"PESEL wskazuje datę urodzenia {born:%d.%m.%Y}, a podano {birth_date:%d.%m.%Y}."
    if sex is not None and pesel_sex(number) != sex:
        return "Dziesiąta cyfra numeru PESEL nie zgadza się z podaną płcią (parzysta: kobieta, nieparzysta: mężczyzna)."
    return None


# --- contact formats -------------------------------------------------------------------------

def postcode_problem(value: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return "Wpisz kod pocztowy."
    if not _POSTCODE.match(value):
        return f"Kod pocztowy zapisuje się jako dwie cyfry, myślnik i trzy cyfry, np. 00-950; wpisano „{value}”."
    return None


def format_postcode(value: str) -> str:
    """ "00950" or "00 950" -> "00-950", the way a postcode is written (five digits are unambiguous)."""
    found = _POSTCODE.match((value or "").strip())
    return f"{found[1]}-{found[2]}" if found else value


def email_problem(value: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return "Wpisz adres e-mail."
    if len(value) > 254:
        return "Adres e-mail jest za długi (najwyżej 254 znaki)."
    if value.count("@") != 1:
        return f"Adres e-mail ma jeden znak @ między nazwą a domeną, np. anna.nowak@firma.example; wpisano „{value}”."
    if not _EMAIL.match(value):
        return f"Adres e-mail „{value}” ma niedozwolone znaki albo domenę bez kropki (np. firma.example)."
    return None


def phone_digits(value: str) -> str:
    """The nine national digits of a Polish number, with +48 / 0048 / 48 in front dropped."""
    number = re.sub(r"[\s\-().]", "", value or "")
    for prefix in ("+48", "0048"):
        if number.startswith(prefix):
            return number[len(prefix):]
    return number[2:] if len(number) == 11 and number.startswith("48") else number


def phone_problem(value: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return "Wpisz numer telefonu."
    number = phone_digits(value)
    if not number.isdigit():
        return f"Numer telefonu składa się z cyfr (z +48 na początku albo bez); wpisano „{value}”."
    if len(number) != 9:
        return f"Polski numer telefonu ma 9 cyfr (bez +48), a wpisano {len(number)}."
    return None


def format_phone(value: str) -> str:
    """ "601234567" -> "+48 601 234 567"."""
    n = phone_digits(value)
    return f"+48 {n[:3]} {n[3:6]} {n[6:]}" if len(n) == 9 and n.isdigit() else value


# --- generators (for the fictional dataset; always from the caller's Random) ----------------

def make_nip(rng: random.Random, *, valid: bool = True) -> str:
    """A NIP with a right (or, with valid=False, a wrong) check digit. The first three digits are a
    tax office code and are never 0."""
    while True:
        first = str(rng.randint(100, 999)) + "".join(str(rng.randint(0, 9)) for _ in range(6))
        check = nip_check_digit(first)
        if check != 10:
            break
    if valid:
        return first + str(check)
    return first + str((check + rng.randint(1, 9)) % 10)


def typo(rng: random.Random, number: str, problem) -> str:
    """The same number with one digit changed so that `problem` flags it: the kind of mistake
    a record gets when someone retypes it."""
    while True:
        position = rng.randrange(len(number))
        changed = number[:position] + str((int(number[position]) + rng.randint(1, 9)) % 10) + number[position + 1:]
        if problem(changed):
            return changed


def make_regon9(rng: random.Random) -> str:
    first = "".join(str(rng.randint(0, 9)) for _ in range(8))
    return first + str(regon9_check_digit(first))


def make_pesel(rng: random.Random, born: date, sex: str) -> str:
    century = born.year // 100 * 100
    month = born.month + _CENTURY_OFFSET[century]
    serial = "".join(str(rng.randint(0, 9)) for _ in range(3))
    sex_digit = rng.choice("02468" if sex == "K" else "13579")
    first = f"{born.year % 100:02d}{month:02d}{born.day:02d}{serial}{sex_digit}"
    return first + str(pesel_check_digit(first))
