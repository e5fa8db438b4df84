"""The question bank in the formats learning platforms import (Moodle XML, GIFT, QTI …).

Imports the engine (`selfcheck`) and the standard library only; the command line
(`python -m selfcheck export`) and the build (the "Dla nauczycieli" page) write what `render`
returns. `FORMATS` is the one list of formats: a format is known everywhere once it is there.

Adding a format: a module here with `FORMAT = Format(...)` whose `render(export)` returns the
file's bytes, and its module in `_MODULES` below.
"""

from __future__ import annotations

import importlib

from .common import Export, Format

__all__ = ["Export", "FORMATS", "Format"]

# Module names, in the order the page lists them.
_MODULES = ("moodle", "gift", "qti")

FORMATS: dict[str, Format] = {}
for _name in _MODULES:
    _format = importlib.import_module(f"{__name__}.{_name}").FORMAT
    FORMATS[_format.name] = _format
