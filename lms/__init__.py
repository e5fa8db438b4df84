"""The question bank in the formats learning platforms import (Moodle XML, GIFT, QTI …).

Imports the engine (`selfcheck`) and the standard library only; the command line
(`python -m selfcheck export`) and the build (the "Dla nauczycieli" page) write what `render`
returns. `FORMATS` is the one list of formats: a format is known everywhere once it is there.

Adding a format: a module here with `FORMAT = Format(...)` whose `render(export)` returns the
file's bytes, and its module in `_MODULES` below.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from .common import Export

__all__ = ["Export", "FORMATS", "Format"]


@dataclass(frozen=True)
class Format:
    name: str                           # the `--format` value, e.g. "moodle"
    label: str                          # what the page and the messages call it, e.g. "Moodle XML"
    suffix: str                         # ends the file's name: f"{stem}{suffix}", e.g. "-moodle.xml"
    render: Callable[[Export], bytes]   # the whole file
    keeps: str                          # Polish, for the page: what the format carries …
    loses: str                          # … and what it cannot
    media_type: str = "application/octet-stream"

    def file_name(self, stem: str) -> str:
        return f"{stem}{self.suffix}"


# Module names, in the order the page lists them.
_MODULES: tuple[str, ...] = ("qti",)

FORMATS: dict[str, Format] = {}
for _name in _MODULES:
    _format = importlib.import_module(f"{__name__}.{_name}").FORMAT
    FORMATS[_format.name] = _format
