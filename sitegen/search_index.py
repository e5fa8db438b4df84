"""Keep the search index off every page load until the visitor searches.

Material's page script fetches `search/search_index.json` on every page, so the whole site's text
(and its Polish word forms) was most of what a first visit downloaded. The build moves the full
index to `search/search_index.full.json` and leaves a stub in its place: the configuration, which
the page needs for highlighting, and no documents. The site's search worker
(docs/assets/javascripts/site-search/worker.js, wired in overrides/main.html) fetches the full
index on the first real query and hands it to Material's own worker.
"""

from __future__ import annotations

import json
from pathlib import Path

FULL_INDEX = "search_index.full.json"  # the name overrides/main.html gives the worker


def defer_search_index(path: Path) -> None:
    """Move the index at `path` next to itself under FULL_INDEX; leave the stub at `path`."""
    if not path.exists():  # search plugin disabled
        return
    text = path.read_text(encoding="utf-8")
    index = json.loads(text)
    path.with_name(FULL_INDEX).write_text(text, encoding="utf-8")
    stub = {"config": index["config"], "docs": []}
    path.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
