"""Read a YAML data file and remember where every value stands in it.

PyYAML's plain `safe_load` forgets line numbers and silently keeps the last of two
equal keys. Editors of `qualification.yaml` need both: an error must name the line,
and a key written twice is a mistake to report, not to hide.

Every data file (the build's, the question bank, the CLI's, the practice tasks' sources) is read
here, so the limits hold for all of them: size, nesting, no anchors/aliases/tags, only JSON's
kinds of value, finite numbers, characters a file may hold. Whatever the file, the reader gets a
DataError with Polish messages at the real line, never a traceback.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yaml_messages
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

    def __init__(self, message: str, mark):
        super().__init__(None, None, message, mark)


# Only JSON's kinds of value: text, number, true/false, empty, list, fields. YAML 1.1 would also
# turn 2026-13-45 into a date (and crash on it), `<<` into a merge and `=` into a "value"; data
# files mean text there, as editors reading YAML 1.2 do, and the schemas check dates as text.
_DROPPED_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}
# Characters YAML itself refuses in a file, which escapes ("\0", "\x07", "\ud800") could still
# put into a text; they break pages and the UTF-8 of bank.json.
_BAD_CHARACTER = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_ANCHORS = "wpisz wartość wprost, bez kotwic (&) i odwołań (*)"


class _DataLoader(yaml.SafeLoader):
    """SafeLoader for data files: no anchors, aliases or tags, keys always text, a nesting limit.

    Aliases let 1 KB of YAML expand into gigabytes ("billion laughs"); data files never need
    them, so they are refused outright, as is nesting deeper than any data file has, and any
    explicit tag (`!!python/…`, `!!binary`, `!!set`): a data file holds text, numbers and lists.
    """

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag not in _DROPPED_TAGS]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self.multiline_quotes: list[yaml.Token] = []

    def scan_flow_scalar(self, style):
        # Remembered to find a quote left open: its text runs over the following lines.
        token = super().scan_flow_scalar(style)
        if token.end_mark.line > token.start_mark.line:
            self.multiline_quotes.append(token)
        return token

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(f"odwołanie YAML „*{event.anchor}” jest niedozwolone: w plikach danych {_ANCHORS}",
                           event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _Refused(f"kotwica YAML „&{event.anchor}” jest niedozwolona: w plikach danych {_ANCHORS}",
                           event.start_mark)
        if getattr(event, "tag", None) not in (None, "!"):
            shown = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(f"znacznik YAML „{shown}” jest niedozwolony: pliki danych zawierają tylko tekst, liczby, "
                           "listy i pola (tekst zaczynający się od ! ujmij w cudzysłów)", event.start_mark)
        nested = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        if nested:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(f"zbyt głębokie zagnieżdżenie list i pól (ponad {MAX_DEPTH} poziomów)",
                               event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            if nested:
                self._depth -= 1

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError):
            # Only a number can fail here (the tags are YAML's own): int() refuses over 4300 digits.
            raise _Refused(f"liczby „{_short(node.value)}” nie da się odczytać (za dużo cyfr?); "
                           "wpisz mniejszą liczbę albo ujmij tekst w cudzysłów", node.start_mark) from None

    def construct_mapping(self, node, deep=False):
        # Keys stay as written: `1:` or `null:` is the name of a field, as in JSON, not a number.
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("nazwa pola musi być zwykłym tekstem, nie listą ani zbiorem pól", key_node.start_mark)
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:17] + "…"


def parse_source(text: str, name: str) -> Source:
    loader = None
    try:
        loader = _DataLoader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _Refused as error:
        raise DataError([Problem(name, error.problem_mark.line + 1, "", error.problem)]) from None
    except yaml.MarkedYAMLError as error:
        runaway = _runaway_quote(text, loader.multiline_quotes, before=error.problem_mark)
        line, message = (runaway if runaway else yaml_messages.explain(error))
        raise DataError([Problem(name, line, "", message)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise DataError([Problem(name, line, "", f"niedozwolony znak o kodzie U+{error.character:04X} w tym wierszu; "
                                                 "usuń go (znaki sterujące trafiają do pliku np. przy kopiowaniu "
                                                 "z innych programów)")]) from None
    except ValueError:
        # The scanner's chr() on an escape beyond Unicode ("\U0011FFFF").
        line = loader.get_mark().line + 1 if loader else None
        raise DataError([Problem(name, line, "", "w tekście w cudzysłowie jest kod znaku spoza Unicode (\\U…); "
                                                 "popraw go albo ujmij tekst w apostrofy")]) from None
    except RecursionError:
        raise DataError([Problem(name, None, "", f"zbyt głębokie zagnieżdżenie (ponad {MAX_DEPTH} poziomów)")]) from None
    finally:
        if loader is not None:
            loader.dispose()

    source = Source(name, data)
    problems: list[Problem] = []
    # A quote left open may still make valid YAML: the text swallows the fields after it.
    runaway = _runaway_quote(text, loader.multiline_quotes)
    if runaway:
        problems.append(Problem(name, runaway[0], "", runaway[1]))
    if node is not None:
        _walk(node, (), source, problems)
        _non_finite_numbers(data, (), source, problems)
    if problems:
        raise DataError(problems)
    return source


# A line that looks like a field (`name:`, `- id: x`) or a list item: data, not the middle of a text.
_LOOKS_LIKE_DATA = re.compile(r"^(\s*)(-(\s|$)|(-\s+)*[^\s#'\"-][^:#]*:(\s|$))")


def _runaway_quote(text: str, quotes: list, before=None) -> tuple[int, str] | None:
    """(line, message) for a quote left open: its text swallows lines that look like fields at the
    opening field's indentation or less. PyYAML accepts that (the next quote in the file closes
    it) or stops lines later; the editor needs the line where the quote was opened."""
    lines = text.splitlines()
    for token in quotes:
        if before is not None and token.start_mark.index >= before.index:
            continue
        opening = lines[token.start_mark.line]
        field_column = len(opening) - len(opening.lstrip(" -"))
        for number in range(token.start_mark.line + 1, token.end_mark.line + 1):
            match = _LOOKS_LIKE_DATA.match(lines[number]) if number < len(lines) else None
            if match and len(match.group(1)) <= field_column:
                return token.start_mark.line + 1, yaml_messages.unclosed_quote(token.start_mark.line + 1,
                                                                               token.end_mark.line + 1)
    return None


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
            key = key_node.value  # the loader refuses keys that are not plain text
            line = key_node.start_mark.line + 1
            if bad := _BAD_CHARACTER.search(key):
                problems.append(Problem(source.file, line, format_path(path),
                                        f"nazwa pola zawiera niedozwolony znak o kodzie U+{ord(bad.group()):04X}; usuń go"))
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
    elif isinstance(node.value, str) and (bad := _BAD_CHARACTER.search(node.value)):
        problems.append(Problem(source.file, node.start_mark.line + 1, format_path(path),
                                f"tekst zawiera niedozwolony znak o kodzie U+{ord(bad.group()):04X} (zapisany "
                                "po ukośniku w cudzysłowie); usuń go"))
