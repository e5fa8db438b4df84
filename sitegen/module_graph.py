"""Which modules a tool page's script imports, directly or not, so the page can ask for all of
them at once (<link rel="modulepreload">) instead of discovering them one level at a time, a round
trip each: on a phone that is the time before Python even starts downloading."""

from __future__ import annotations

import re
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[1] / "docs" / "assets" / "selfcheck"
# Static imports of a sibling module: `import "./x.mjs"` and `import { a } from "./x.mjs"`.
IMPORT = re.compile(r"""^\s*import\s+(?:[^"';]*?\bfrom\s+)?["']\./([\w.-]+\.mjs)["']""", re.M)


def module_closure(script: str, folder: Path = SCRIPTS) -> list[str]:
    """`script` and every module it imports, in the order found (the page's own first)."""
    found, queue = [], [script]
    while queue:
        name = queue.pop(0)
        if name in found or not (folder / name).is_file():
            continue
        found.append(name)
        queue.extend(IMPORT.findall((folder / name).read_text(encoding="utf-8")))
    return found
