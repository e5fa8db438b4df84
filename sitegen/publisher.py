"""Who publishes the site: an institution's own data, kept apart from the qualification form."""

from __future__ import annotations

from pathlib import Path

from .problems import DataError
from .schema_check import schema_problems
from .source import load_source

SCHEMA = "publisher.schema.json"


def load_publisher(path: Path) -> dict:
    source = load_source(path)
    problems = schema_problems(source, SCHEMA)
    if problems:
        raise DataError(problems)
    return source.data
