"""Forgiving comparison of what a candidate typed with what a task expects.

Misspelt or differently typed names are the most common reason a correct hands-on answer fails a
check, so names compare without case, diacritics, extra spaces, quotes and the kind of dash used
(`selfcheck.polish.fold_text`, the engine's one folding of text, plus the quotes);
numbers compare by digits ("123-456-32-18" equals "1234563218").

`same_text` goes further (`equivalent`): the forms of one value that Polish business writing
allows — an abbreviation or the full words ("sp. z o.o." / "spółka z ograniczoną
odpowiedzialnością", "ds." / "do spraw", "wg" / "według", "dyr." / "dyrektorka"), a full stop,
comma, colon or dash more or less ("Budmar – Serwis" / "Budmar: Serwis") — compare equal. What a
field holds may allow more (`form`): a street with or without "ul." and "nr", a voivodeship with
or without "woj.", "SA" in a firm's name. Only spellings of the same thing are folded together;
a different word, number or letter still differs ("Rzemieślnicza 94" is not "Rzemieślnicza 49",
"sp.j." is not "sp.k."). Where one field allows another answer that no general rule gives, the
task's data lists it (`compare: one_of`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from selfcheck.polish import fold_text


def normal(text) -> str:
    """ "  „Termix”  – Serwis " -> "termix - serwis": `fold_text`, and quotes and the spaces around a
    dash do not count. Other punctuation does (unlike `polish.normalise`): "jan.nowak@firma.example"
    is an address, and "jan-nowak@…" another one (`equivalent`, for names, lets dashes go)."""
    return _normal(str(text or ""))


@lru_cache(maxsize=16384)  # a duplicate check compares a name with every other one, at every change
def _normal(text: str) -> str:
    text = re.sub(r"[\"']", "", fold_text(text))
    return " ".join(re.sub(r"\s*-\s*", " - ", text).split())


# --- equivalent forms ----------------------------------------------------------------------------
# Each rule maps every way of writing one thing to one spelling, after `normal` and after full
# stops, commas, colons, dashes and the like have become spaces (so "sp.z o.o." and "sp. z o. o."
# both read "sp z o o"). Longer phrases come first, so a shorter one never eats part of a longer one.
#
# Dashes: a dash between the parts of a name ("Budmar – Serwis drukarek") is punctuation like the
# colon or comma people put there instead ("Budmar: Serwis drukarek", "Budmar Serwis drukarek"),
# and a hyphen inside a compound ("Bielsko-Biała", "kujawsko-pomorskie") is often typed as a space.
# So every dash reads as a space, as a full stop already did ("Firma.A" was "Firma A"); the
# earlier rule that kept "Firma-A" apart from "Firma A" only guarded a made-up example — the
# fictional firms have no hyphens, and no two real names differ by a hyphen alone. What still
# counts: the words and their order, digits and letters ("A-3" is "A 3", not "A3"), "/" and "@".

# Legal forms: a company's name carries its form, spelt out or abbreviated — Kodeks spółek
# handlowych gives the designation in § 1 and the abbreviation allowed in trade in § 2 of art. 24
# ("spółka jawna", "sp.j."), art. 90 ("spółka partnerska", "sp.p."), art. 104 ("spółka
# komandytowa", "sp.k."), art. 127 ("spółka komandytowo-akcyjna", "S.K.A."), art. 160 ("spółka z
# ograniczoną odpowiedzialnością", "spółka z o.o." or "sp. z o.o.") and art. 305 ("spółka akcyjna",
# "S.A."); people also write "Sp.z o.o." or "SA" (read only in a firm's name: see `FIRM`). A
# civil-law partnership is commonly "s.c.", a sole trader's business "JDG".
_LEGAL_FORMS = (
    (r"spolka z ograniczona odpowiedzialnoscia|sp z ograniczona odpowiedzialnoscia"
     r"|(?:spolka|sp) z o ?o|(?:spolka|sp) zoo|spzoo", "sp-z-o-o"),
    (r"spolka komandytowo akcyjna|s k a|ska", "s-k-a"),
    (r"spolka akcyjna|s a", "s-a"),
    (r"spolka jawna|sp j|spj", "sp-j"),
    (r"spolka komandytowa|sp k|spk", "sp-k"),
    (r"spolka partnerska|sp p|spp", "sp-p"),
    (r"spolka cywilna|s c", "s-c"),
    (r"jednoosobowa dzialalnosc gospodarcza|jdg", "jdg"),
)
# Words of titles, addresses and names with a standard abbreviation (Słownik języka polskiego PWN:
# "ds." — do spraw, "al." — aleja/aleje, "pl." — plac, "os." — osiedle, "z-ca" — zastępca, "wg" —
# według, written without a stop as it ends with the word's last letter; "wg." and "d.s." are
# common slips of the same words).
_WORDS = (
    (r"do spraw|d / s|d s|ds", "ds"),
    (r"z ca|zca|zastepca", "zastepca"),
    (r"wedlug|wg", "wg"),
    (r"aleja|aleje|al", "al"),
    (r"plac|pl", "pl"),
    (r"osiedle|os", "os"),
    (r"numer|nr", "nr"),
)
# Abbreviations of job titles that stand for the man's and the woman's title alike ("dyr.
# handlowa" is a dyrektorka, "dyr. handlowy" a dyrektor): the abbreviation matches either word in
# the same place, while the two full words stay different ("specjalistka" is not "specjalista").
_TITLES = {"dyr": ("dyrektor", "dyrektorka"), "kier": ("kierownik", "kierowniczka"),
           "spec": ("specjalista", "specjalistka")}
_RULES = tuple((re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"), spelling)
               for pattern, spelling in _LEGAL_FORMS + _WORDS)

# What a field holds changes what may be left out (`records.Field.compare`):
FIRM = "firm"      # a firm's name or legal form: "SA" without stops is S.A. ("Flotex SA")
STREET = "street"  # "ul." is the default kind of street, "nr" before the number may be written or
                   # not, and a letter after the number is one house number ("12 a" is "12A")
REGION = "region"  # "woj." before the name of a voivodeship
_LEADING = {STREET: re.compile(r"^(?:ulica|ul) (?=\S)"), REGION: re.compile(r"^(?:wojewodztwo|woj) (?=\S)")}


def equivalent(text, form: str = "") -> str:
    """ "Rzemieślnicza 94" == "ul. Rzemieślnicza 94" (form STREET); "Termix spółka z ograniczoną
    odpowiedzialnością" == "TERMIX Sp.z o.o."; "specjalista do spraw zakupów" == "specjalista ds.
    zakupów"; "Budmar – Serwis" == "Budmar: Serwis". "@" and "/" still count."""
    return _equivalent(str(text or ""), form)


@lru_cache(maxsize=16384)
def _equivalent(text: str, form: str) -> str:
    if form == FIRM:
        # "SA" without stops ends a company's name; read before folding, where "są" would become
        # "sa" — and only in a firm's name, where no sentence ends in "są" ("Klienci sa" elsewhere
        # is a sentence with its diacritics lost).
        text = re.sub(r"(?<![\w-])[Ss][Aa]\s*$", "S.A.", text)
    text = re.sub(r"[.,;:!?()\[\]-]", " ", normal(text))
    text = " ".join(re.sub(r"\s*/\s*", " / ", text).split())
    for pattern, spelling in _RULES:
        text = pattern.sub(spelling, text)
    if form in _LEADING:
        text = _LEADING[form].sub("", text)
    if form == STREET:
        text = re.sub(r"(?<![\w-])nr (?=\d)", "", text)
        text = re.sub(r"(?<=\d) ([a-z])(?![\w-])", r"\1", text)
    return text


def same_text(a, b, form: str = "") -> bool:
    first, second = equivalent(a, form), equivalent(b, form)
    if first == second:
        return True
    words, others = first.split(), second.split()
    return len(words) == len(others) and all(
        x == y or y in _TITLES.get(x, ()) or x in _TITLES.get(y, ()) for x, y in zip(words, others))


def contains_text(haystack, needle) -> bool:
    return normal(needle) in normal(haystack)


def same_digits(a, b) -> bool:
    return re.sub(r"\D", "", str(a or "")) == re.sub(r"\D", "", str(b or ""))
