"""Where a qualification's data folder is: the one rule the build, the command line and the tests share."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def data_dir(root: Path = PROJECT) -> Path:
    """The project itself, or the folder named by QUALIFICATION_DIR (relative to the project), which
    holds the same files — qualification.yaml, glossary.yaml, publisher.yaml, selfcheck/bank/ and
    the optional practical part — for another qualification (e.g. the test fixture)."""
    chosen = os.environ.get("QUALIFICATION_DIR")
    return (root / chosen).resolve() if chosen else root


# A data folder's practical part: practical/module.yaml names its module, whose files lie beside it.
PRACTICAL_FOLDER = "practical"
PRACTICAL_DECLARATION = "module.yaml"


def has_practical(data_root: Path) -> bool:
    return (data_root / PRACTICAL_FOLDER / PRACTICAL_DECLARATION).is_file()
