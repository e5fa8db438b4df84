"""Read a YAML data file and remember where every value stands in it.

PyYAML's plain `safe_load` forgets line numbers and silently keeps the last of two
equal keys. Editors of `qualification.yaml` need both: an error must name the line,
and a key written twice is a mistake to report, not to hide.
"""

from __future__ import annotations

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


def load_source(path: Path, *, display_name: str | None = None) -> Source:
    """Parse `path`; raise DataError with the line for syntax errors and duplicate keys."""
    name = display_name or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(name, None, "", "nie ma takiego pliku")]) from None
    except UnicodeDecodeError as error:
        raise DataError([Problem(name, None, "", f"plik nie jest zapisany w UTF-8 ({error.reason})")]) from None
    return parse_source(text, name)


def parse_source(text: str, name: str) -> Source:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = error.problem or error.context or "błąd składni"
        raise DataError([Problem(name, line, "", f"błąd składni YAML: {_translate_syntax(what)}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, None, "", f"błąd składni YAML: {error}")]) from None
    finally:
        loader.dispose()

    source = Source(name, data)
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), source, problems)
    if problems:
        raise DataError(problems)
    return source


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


def format_path(path: DataPath) -> str:
    """("sets", 0, "id") -> "sets[0].id" — the way an editor reads a field's place."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_SYNTAX = {
    "found character '\\t' that cannot start any token": "znak tabulacji — wcięcia rób spacjami",
    "mapping values are not allowed here": "dwukropek w niedozwolonym miejscu (tekst z dwukropkiem ujmij w cudzysłów)",
    "could not find expected ':'": "brak dwukropka po nazwie pola",
    "found unexpected end of stream": "plik kończy się w połowie wartości (niezamknięty cudzysłów?)",
    "did not find expected key": "zła liczba spacji we wcięciu albo brak nazwy pola",
    "expected <block end>, but found '-'": "element listy ma złe wcięcie",
}


def _translate_syntax(problem: str) -> str:
    for english, polish in _SYNTAX.items():
        if problem.startswith(english):
            return f"{polish} ({problem})"
    return problem
