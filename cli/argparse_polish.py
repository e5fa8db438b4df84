"""The command line's own words in Polish: argparse's usage line, help headings and error messages.

argparse asks gettext for every text it prints (its module-level `_` and `ngettext`), and no Polish
catalogue is installed with Python, so `python -m selfcheck` (cli/main.py) maps them here before it parses.
Texts a newer Python may add stay as argparse wrote them, which is never worse than before.
Only the command line calls `install()`; the engine (selfcheck/, the browser) never does.
"""

from __future__ import annotations

import argparse

MESSAGES = {
    "usage: ": "użycie: ",
    "positional arguments": "argumenty",
    "options": "opcje",
    "optional arguments": "opcje",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: błąd: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "brakuje wymaganych argumentów: %s",
    "one of the arguments %s is required": "potrzebny jest jeden z argumentów: %s",
    "unrecognized arguments: %s": "nieznane argumenty: %s",
    "not allowed with argument %s": "nie można go łączyć z argumentem %s",
    "expected one argument": "potrzebna jest jedna wartość",
    "expected at most one argument": "można podać najwyżej jedną wartość",
    "expected at least one argument": "potrzebna jest co najmniej jedna wartość",
    "ambiguous option: %(option)s could match %(matches)s": "niejednoznaczna opcja %(option)s; pasuje do: %(matches)s",
    "invalid %(type)s value: %(value)r": "niepoprawna wartość %(value)r (potrzebna: %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)": "nieznana wartość %(value)r (do wyboru: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "nieznane polecenie %(parser_name)r (do wyboru: %(choices)s)",
    "ignored explicit argument %r": "zbędna wartość %r",
    "can't open '%(filename)s': %(error)s": "nie można otworzyć „%(filename)s”: %(error)s",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("potrzebna liczba wartości: %s",) * 2,
}


def _text(message: str) -> str:
    return MESSAGES.get(message, message)


def _plural(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    argparse._ = _text
    argparse.ngettext = _plural


def whole_number(text: str) -> int:
    """An argparse type whose name reads well in the message about a bad value."""
    return int(text)


whole_number.__name__ = "liczba całkowita"
