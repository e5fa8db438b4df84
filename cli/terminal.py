"""Text that reaches an assessor's terminal or spreadsheet from a candidate's file, made harmless.

A candidate's file holds what they typed into the simulated system, and a file name is whatever the
file was called: control characters there (ESC sequences clear the screen, move the cursor or
repaint a line into a forged "✔"; a line break starts a line of its own; bidirectional overrides
show text in another order than it is read) must never reach a terminal raw. The command line
therefore writes through SafeOutput, which escapes them in every write, and writes JSON with
json_text, which leaves none raw in a string (the standard encoder escapes only C0 controls).
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

# Controls (C0, DEL, C1: Unicode's Cc), line and paragraph separators (Zl, Zp), the characters that
# set the direction of text (Bidi_Control), and lone surrogates (a file name that is not UTF-8, as
# Python reads it: a terminal cannot even be sent one).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
UNSAFE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
# In JSON text the encoder has already escaped C0 controls inside strings; a raw one left is layout.
_UNSAFE_IN_JSON = re.compile(f"[{_BEYOND_C0}]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every unsafe character written as an escape a reader can see: ESC as \\x1b, a line
    break as \\x0a, a right-to-left override as \\u202e."""
    return UNSAFE.sub(_escaped, text)


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON with no unsafe character raw: those the standard encoder leaves (DEL, C1, separators,
    direction marks, lone surrogates) become \\uXXXX escapes, which read back as the same text."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeOutput:
    """A text stream for print() that escapes unsafe characters in everything written (visible), but
    for a write of exactly "\\n", which is print's own end of line: a line break inside a piece of
    text is shown as \\x0a, so only the program ends lines, one print() a line."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(text if text == "\n" else visible(text))

    def flush(self) -> None:
        self.stream.flush()


def print_lines(text: str, out) -> None:
    """A multi-line text whose line breaks are layout (JSON from json_text, which has none inside
    its strings) written a line a print(), so `out` may be a SafeOutput."""
    for line in text.rstrip("\n").split("\n"):
        print(line, file=out)
