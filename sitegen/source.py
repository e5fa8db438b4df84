"""Read a YAML data file and remember where every value stands in it.

PyYAML's plain `safe_load` forgets line numbers and silently keeps the last of two
equal keys. Editors of `qualification.yaml` need both: an error must name the line,
and a key written twice is a mistake to report, not to hide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Problem

# A path into the data: keys and list indices, e.g. ("sets", 0, "outcomes", 1, "id").
DataPath = tuple[str | int, ...]


@dataclass
class Source:
    """Parsed data with the line of every value and of every mapping key."""

    file: str
    data: Any
    value_lines: dict[DataPath, int] = field(default_factory=dict)
    key_lines: dict[DataPath, int] = field(default_factory=dict)

    def line_of(self, path: DataPath) -> int | None:
        """Line where the field at `path` is written (its key), else its nearest parent's."""
        path = tuple(path)
        while path:
            line = self.key_lines.get(path) or self.value_lines.get(path)
            if line:
                return line
            path = path[:-1]
        return self.value_lines.get((), 1)


# Data files are small: a limit keeps a wrong file (or a hostile one) from eating the machine.
MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40


def load_source(path: Path, *, display_name: str | None = None) -> Source:
    """Parse `path`; raise DataError with the line for syntax errors and duplicate keys."""
    name = display_name or path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(name, None, "", "nie ma takiego pliku")]) from None
    except OSError as error:
        raise DataError([Problem(name, None, "", f"nie da się odczytać pliku ({error.strerror})")]) from None
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(name, None, "", f"plik ma {len(raw) / 1024 / 1024:.1f} MB; plik danych może mieć "
                                                 f"najwyżej {MAX_BYTES // 1024 // 1024} MB")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise DataError([Problem(name, line, "", f"plik nie jest zapisany w UTF-8: bajt 0x{raw[error.start]:02x} w tym "
                                                 "wierszu nie jest znakiem UTF-8 (zapisz plik w edytorze jako UTF-8)")]) from None
    return parse_source(text, name)


class _Refused(yaml.MarkedYAMLError):
    """A construct data files do not use; the message is already Polish."""


class _DataLoader(yaml.SafeLoader):
    """SafeLoader without anchors and aliases, and with a nesting limit.

    Aliases let 1 KB of YAML expand into gigabytes ("billion laughs"); data files never need
    them, so they are refused outright, as is nesting deeper than any data file has.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(None, None, f"odwołanie YAML „*{event.anchor}” jest niedozwolone: w plikach danych "
                                       "wpisz wartość wprost, bez kotwic (&) i odwołań (*)", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _Refused(None, None, f"kotwica YAML „&{event.anchor}” jest niedozwolona: w plikach danych "
                                       "wpisz wartość wprost, bez kotwic (&) i odwołań (*)", event.start_mark)
        nested = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        if nested:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(None, None, f"zbyt głębokie zagnieżdżenie list i pól (ponad {MAX_DEPTH} poziomów)",
                               event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            if nested:
                self._depth -= 1


def parse_source(text: str, name: str) -> Source:
    loader = _DataLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        line, message = _explain_yaml_error(error)
        raise DataError([Problem(name, line, "", message)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, None, "", f"błąd składni YAML ({error})")]) from None
    except RecursionError:
        raise DataError([Problem(name, None, "", f"zbyt głębokie zagnieżdżenie (ponad {MAX_DEPTH} poziomów)")]) from None
    finally:
        loader.dispose()

    source = Source(name, data)
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), source, problems)
        _non_finite_numbers(data, (), source, problems)
    if problems:
        raise DataError(problems)
    return source


def _non_finite_numbers(value, path: DataPath, source: Source, problems: list[Problem]) -> None:
    """YAML's .inf and .nan are numbers no field means: refuse them where they stand."""
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(Problem(source.file, source.line_of(path), format_path(path),
                                f"wartość {value} nie jest liczbą skończoną; wpisz zwykłą liczbę"))
    elif isinstance(value, dict):
        for key, item in value.items():
            _non_finite_numbers(item, path + (key,), source, problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _non_finite_numbers(item, path + (index,), source, problems)


def _explain_yaml_error(error: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """(line, Polish message) for a YAML error, placed where the editor should look."""
    if isinstance(error, _Refused):
        return error.problem_mark.line + 1, error.problem
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    if "quoted scalar" in context and problem.startswith("found unexpected end of stream") and error.context_mark:
        opened = error.context_mark.line + 1
        return opened, f"niezamknięty cudzysłów otwarty w wierszu {opened}: dopisz cudzysłów na końcu tekstu"
    if problem.startswith("could not determine a constructor for the tag"):
        tag = problem.split("'")[1] if "'" in problem else ""
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        return line, (f"znacznik YAML „{shown}” jest niedozwolony: pliki danych zawierają tylko tekst, liczby, "
                      "listy i pola")
    return line, f"błąd składni YAML: {_translate_syntax(problem or context or 'nieznany błąd')}"


def format_path(path: DataPath) -> str:
    """("sets", 0, "id") -> "sets[0].id" — the way an editor reads a field's place."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _walk(node: yaml.Node, path: DataPath, source: Source, problems: list[Problem]) -> None:
    source.value_lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(Problem(
                    source.file, line, format_path(path + (key,)),
                    f"klucz „{key}” występuje dwa razy (pierwszy raz w wierszu {seen[key]}); "
                    "zostaw jeden",
                ))
                continue
            seen[key] = line
            source.key_lines[path + (key,)] = line
            _walk(value_node, path + (key,), source, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), source, problems)


_SYNTAX = {
    "found character '\\t' that cannot start any token": "znak tabulacji — wcięcia rób spacjami",
    "found a tab character": "znak tabulacji — wcięcia rób spacjami",
    "mapping values are not allowed here": "dwukropek w niedozwolonym miejscu (tekst z dwukropkiem ujmij w cudzysłów)",
    "could not find expected ':'": "brak dwukropka po nazwie pola",
    "found unexpected end of stream": "plik kończy się w połowie wartości (niezamknięty cudzysłów?)",
    "did not find expected key": "zła liczba spacji we wcięciu albo brak nazwy pola",
    "expected <block end>, but found '-'": "element listy ma złe wcięcie",
    "expected <block end>, but found '<scalar>'": "po wartości w tym wierszu jest dodatkowy tekst (np. za zamykającym cudzysłowem)",
    "expected <block end>": "zła liczba spacji we wcięciu",
    "expected ',' or ']'": "w liście w nawiasach kwadratowych brak przecinka albo nawiasu zamykającego ]",
    "expected ',' or '}'": "w polach w nawiasach klamrowych brak przecinka albo nawiasu zamykającego }",
    "found unknown escape character": "nieznany znak po ukośniku \\ w tekście w cudzysłowie (użyj apostrofów albo podwój ukośnik)",
    "expected a comment or a line break": "po wartości w tym wierszu jest coś zbędnego",
    "found character": "ten znak nie może zaczynać wartości — ujmij wartość w cudzysłów",
    "expected the node content": "brak wartości tam, gdzie powinna być",
    "found undefined tag handle": "nieznany znacznik YAML (zaczynający się od !)",
    "expected '<document start>'": "plik zawiera więcej niż jeden dokument YAML (---)",
    "but found another document": "plik zawiera więcej niż jeden dokument YAML (---)",
}


def _translate_syntax(problem: str) -> str:
    for english, polish in _SYNTAX.items():
        if problem.startswith(english) or english in problem:
            return polish
    return f"nieoczekiwany zapis w tym wierszu (parser YAML: {problem})"
