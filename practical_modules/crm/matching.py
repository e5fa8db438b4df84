"""Forgiving comparison of what a candidate typed with what a task expects.

Misspelt or differently typed names are the most common reason a correct hands-on answer fails a
check, so names compare without case, diacritics, extra spaces, quotes and the kind of dash used
(`selfcheck.polish.fold_text`, the engine's one folding of text, plus the quotes);
numbers compare by digits ("123-456-32-18" equals "1234563218").

`same_text` goes further (`equivalent`): the forms of one value that Polish business writing
allows — an abbreviation or the full words ("sp. z o.o." / "spółka z ograniczoną
odpowiedzialnością", "ds." / "do spraw", "al." / "aleja"), a street with or without "ul.", a full
stop or comma more or less — compare equal. Only spellings of the same thing are folded together;
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
    is an address, and "Firma-A" is not "Firma A"."""
    return _normal(str(text or ""))


@lru_cache(maxsize=16384)  # a duplicate check compares a name with every other one, at every change
def _normal(text: str) -> str:
    text = re.sub(r"[\"']", "", fold_text(text))
    return " ".join(re.sub(r"\s*-\s*", " - ", text).split())


# --- equivalent forms ----------------------------------------------------------------------------
# Each rule maps every way of writing one thing to one spelling, after `normal` and after full
# stops, commas and the like have become spaces (so "sp.z o.o." and "sp. z o. o." both read
# "sp z o o"). Longer phrases come first, so a shorter one never eats part of a longer one.

# Legal forms: a company's name carries its form, spelt out or abbreviated — Kodeks spółek
# handlowych gives the designation in § 1 and the abbreviation allowed in trade in § 2 of art. 24
# ("spółka jawna", "sp.j."), art. 90 ("spółka partnerska", "sp.p."), art. 104 ("spółka
# komandytowa", "sp.k."), art. 127 ("spółka komandytowo-akcyjna", "S.K.A."), art. 160 ("spółka z
# ograniczoną odpowiedzialnością", "spółka z o.o." or "sp. z o.o.") and art. 305 ("spółka akcyjna",
# "S.A."); people also write "Sp.z o.o." or "SA". A civil-law partnership is commonly "s.c.", a
# sole trader's business "JDG".
_LEGAL_FORMS = (
    (r"spolka z ograniczona odpowiedzialnoscia|sp z ograniczona odpowiedzialnoscia"
     r"|(?:spolka|sp) z o ?o|(?:spolka|sp) zoo|spzoo", "sp-z-o-o"),
    (r"spolka komandytowo - akcyjna|spolka komandytowo akcyjna|s k a|ska", "s-k-a"),
    (r"spolka akcyjna|s a", "s-a"),
    (r"spolka jawna|sp j|spj", "sp-j"),
    (r"spolka komandytowa|sp k|spk", "sp-k"),
    (r"spolka partnerska|sp p|spp", "sp-p"),
    (r"spolka cywilna|s c", "s-c"),
    (r"jednoosobowa dzialalnosc gospodarcza|jdg", "jdg"),
)
# Words of titles and addresses with a standard abbreviation (Słownik języka polskiego PWN: "ds."
# — do spraw, "al." — aleja/aleje, "pl." — plac, "os." — osiedle, "z-ca" — zastępca…).
_WORDS = (
    (r"do spraw|d / s|ds", "ds"),
    (r"z - ca|zca|zastepca", "zastepca"),
    (r"zastepczyni", "zastepczyni"),
    (r"dyr|dyrektor", "dyrektor"),
    (r"kier|kierownik", "kierownik"),
    (r"spec|specjalista", "specjalista"),
    (r"aleja|aleje|al", "al"),
    (r"plac|pl", "pl"),
    (r"osiedle|os", "os"),
    (r"numer|nr", "nr"),
)
_RULES = tuple((re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"), spelling)
               for pattern, spelling in _LEGAL_FORMS + _WORDS)
# "ul." is the default kind of street, so an address is the same with or without it (and "woj."
# before the name of a voivodeship): only when something follows.
_LEADING = re.compile(r"^(?:ulica|ul|wojewodztwo|woj) (?=\S)")


def equivalent(text) -> str:
    """ "Rzemieślnicza 94" == "ul. Rzemieślnicza 94"; "Termix spółka z ograniczoną
    odpowiedzialnością" == "TERMIX Sp.z o.o."; "specjalista do spraw zakupów" == "specjalista ds.
    zakupów". Dashes still count ("Firma-A" is not "Firma A"), as do "@" and "/"."""
    return _equivalent(str(text or ""))


@lru_cache(maxsize=16384)
def _equivalent(text: str) -> str:
    # "SA" without dots ends a company's name; read before folding, where "są" would become "sa".
    text = re.sub(r"(?<![\w-])[Ss][Aa]\s*$", "S.A.", text)
    text = re.sub(r"[.,;:!?()\[\]]", " ", normal(text))
    text = " ".join(re.sub(r"\s*/\s*", " / ", text).split())
    for pattern, spelling in _RULES:
        text = pattern.sub(spelling, text)
    return _LEADING.sub("", text)


def same_text(a, b) -> bool:
    return equivalent(a) == equivalent(b)


def contains_text(haystack, needle) -> bool:
    return normal(needle) in normal(haystack)


def same_digits(a, b) -> bool:
    return re.sub(r"\D", "", str(a or "")) == re.sub(r"\D", "", str(b or ""))
