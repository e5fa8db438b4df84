"""Who publishes the site: an institution's own data, kept apart from the qualification form."""

from __future__ import annotations

from pathlib import Path

from datafiles.schema_check import load_checked

SCHEMA = "publisher.schema.json"


def load_publisher(path: Path) -> dict:
    return load_checked(path, SCHEMA)
