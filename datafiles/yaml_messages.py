"""PyYAML's syntax errors said in Polish, at the line where the editor should look.

PyYAML words its errors for programmers ("expected <block end>, but found '<scalar>'") and puts
them where the parser noticed them, which is often lines after the mistake. The people who edit
the data files are not programmers: each message here says what to do, and where the start of
the broken construct (an opening quote or bracket, a key without a colon) is the better place,
that is the line reported.
"""

from __future__ import annotations

import yaml

# (start of PyYAML's problem text, Polish explanation); the first match wins, so longer prefixes go first.
_PROBLEMS: list[tuple[str, str]] = [
    ("found character '\\t' that cannot start any token", "znak tabulacji — wcięcia rób spacjami"),
    ("found a tab character", "znak tabulacji — wcięcia rób spacjami"),
    ("found character", "ten znak nie może zaczynać wartości — ujmij wartość w cudzysłów"),
    ("mapping values are not allowed here",
     "dwukropek w niedozwolonym miejscu (tekst z dwukropkiem i spacją ujmij w cudzysłów)"),
    ("sequence entries are not allowed here", "myślnik elementu listy w niedozwolonym miejscu — sprawdź wcięcie"),
    ("mapping keys are not allowed here", "znak „?” w niedozwolonym miejscu — tekst zaczynający się od ? ujmij w cudzysłów"),
    ("could not find expected ':'", "brak dwukropka po nazwie pola (albo tekst ciągnie się bez wcięcia w następny wiersz)"),
    ("found unknown escape character",
     "nieznany znak po ukośniku \\ w tekście w cudzysłowie (użyj apostrofów albo podwój ukośnik)"),
    ("expected escape sequence of",
     "po \\x, \\u albo \\U w tekście w cudzysłowie muszą stać cyfry szesnastkowe (użyj apostrofów albo podwój ukośnik)"),
    ("expected alphabetic or numeric character",
     "po znaku & albo * musi stać nazwa; tekst zaczynający się od tych znaków ujmij w cudzysłów"),
    ("expected chomping or indentation indicators",
     "po znaku | albo > może stać tylko -, + albo cyfra; tekst zacznij w następnym wierszu, z wcięciem"),
    ("expected indentation indicator in the range 1-9",
     "po znaku | albo > może stać tylko -, + albo cyfra od 1 do 9"),
    ("invalid indentation or unclosed '[' or '{'", "złe wcięcie albo niezamknięty nawias [ lub {"),
    ("found undefined tag handle", "nieznany znacznik YAML (zaczynający się od !) — tekst zaczynający się od ! ujmij w cudzysłów"),
    ("expected non-empty name appended to the tag", "niepełny znacznik YAML (!) — tekst zaczynający się od ! ujmij w cudzysłów"),
    ("expected '!', but found", "niepoprawny znacznik YAML (!) — tekst zaczynający się od ! ujmij w cudzysłów"),
    ("expected '>', but found", "niepoprawny znacznik YAML (!<…>) — tekst zaczynający się od ! ujmij w cudzysłów"),
    ("expected URI", "niepoprawny znacznik YAML (!) — tekst zaczynający się od ! ujmij w cudzysłów"),
    ("expected ' ', but found", "po znaczniku YAML (!) brak spacji — tekst zaczynający się od ! ujmij w cudzysłów"),
    ("expected a digit", "niepoprawna dyrektywa YAML (wiersz zaczynający się od %); usuń ją"),
    ("found duplicate YAML directive", "dyrektywa %YAML powtarza się; usuń ją"),
    ("found incompatible YAML document", "nieobsługiwana wersja w dyrektywie %YAML; usuń ją"),
    ("duplicate tag handle", "dyrektywa %TAG powtarza się; usuń ją"),
    ("found unexpected document separator", "wiersz „---” albo „...” w środku wartości"),
    ("found unexpected end of stream", "plik kończy się w połowie wartości (niezamknięty cudzysłów?)"),
    ("expected <block end>, but found '-'", "element listy ma złe wcięcie"),
    ("expected <block end>, but found '<scalar>'",
     "po wartości w tym wierszu jest dodatkowy tekst (np. za zamykającym cudzysłowem)"),
    ("expected <block end>, but found ']'", "nawias zamykający ] bez otwierającego ["),
    ("expected <block end>, but found '}'", "nawias zamykający } bez otwierającego {"),
    ("expected <block end>", "zła liczba spacji we wcięciu"),
    ("did not find expected key", "zła liczba spacji we wcięciu albo brak nazwy pola"),
    ("expected ',' or ']'", "w liście w nawiasach kwadratowych brak przecinka albo nawiasu zamykającego ]"),
    ("expected ',' or '}'", "w polach w nawiasach klamrowych brak przecinka albo nawiasu zamykającego }"),
    ("expected a comment or a line break", "po wartości w tym wierszu jest coś zbędnego"),
    ("expected the node content, but found ','", "brak wartości przed przecinkiem"),
    ("expected the node content", "brak wartości tam, gdzie powinna być"),
    ("expected '<document start>'", "plik zawiera więcej niż jeden dokument YAML (---) albo tekst po końcu danych"),
    ("but found another document", "plik zawiera więcej niż jeden dokument YAML (---)"),
    ("expected a single document", "plik zawiera więcej niż jeden dokument YAML (---)"),
]

# Contexts whose start is where the mistake is ("while scanning a simple key" starts at the key
# that lacks its colon), rather than where the parser gave up.
_CONTEXT_IS_THE_PLACE = ("while scanning a simple key",)
# Contexts that open a bracket: the message says where it was opened.
_OPENED = {
    "while parsing a flow sequence": "lista otwarta nawiasem [ w wierszu {line}",
    "while parsing a flow mapping": "pola otwarte nawiasem {{ w wierszu {line}",
}


def explain(error: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """(line, Polish message) for a PyYAML syntax error."""
    problem, context = error.problem or "", error.context or ""
    problem_line = error.problem_mark.line + 1 if error.problem_mark else None
    context_line = error.context_mark.line + 1 if error.context_mark else None
    if "quoted scalar" in context and context_line and (
            problem.startswith("found unexpected end of stream") or problem.startswith("found unexpected document separator")):
        return context_line, unclosed_quote(context_line)
    message = translate(problem or context)
    if context.startswith(_CONTEXT_IS_THE_PLACE) and context_line:
        return context_line, f"błąd składni YAML: {message}"
    for lead, opened in _OPENED.items():
        if context.startswith(lead) and context_line and context_line != problem_line:
            message += f" ({opened.format(line=context_line)})"
    return problem_line or context_line, f"błąd składni YAML: {message}"


def translate(problem: str) -> str:
    for english, polish in _PROBLEMS:
        if problem.startswith(english):
            return polish
    # PyYAML may word a new error differently: still Polish, still pointing at the line.
    return "nieoczekiwany zapis w tym wierszu; sprawdź wcięcia, dwukropki, cudzysłowy i nawiasy"


def unclosed_quote(line: int, until: int | None = None) -> str:
    reach = f"; tekst ciągnie się do wiersza {until} i zabiera następne pola" if until else ""
    return f"niezamknięty cudzysłów otwarty w wierszu {line}{reach}: dopisz cudzysłów na końcu tekstu"
