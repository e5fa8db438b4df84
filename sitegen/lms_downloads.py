"""The question bank in every LMS format (lms.FORMATS), made at build time for the "Dla nauczycieli"
page: the files, and what the page says of each (name, format, size, what it keeps and loses).

The files are named as `python -m selfcheck export` names them (sitegen.catalog.default_slug), so a
teacher who downloads one and one who exports it get the same file.
"""

from __future__ import annotations

from lms import FORMATS, Export
from selfcheck import polish
from selfcheck.bank import Bank

from .catalog import default_slug
from .site_map import LMS_DIR


def lms_downloads(data: dict, bank: Bank) -> tuple[dict[str, bytes], list[dict]]:
    """({site path: bytes}, [{"path", "name", "format", "label", "size", "keeps", "loses"}]) in FORMATS' order;
    paths relative to the qualification's pages (its subtree in a catalog)."""
    export = Export.from_data(data, bank)
    files, listed = {}, []
    for chosen in FORMATS.values():
        name = chosen.file_name(default_slug(data))
        content = chosen.render(export)
        files[f"{LMS_DIR}/{name}"] = content
        listed.append({"path": f"{LMS_DIR}/{name}", "name": name, "format": chosen.name, "label": chosen.label,
                       "size": polish.file_size(len(content)), "keeps": chosen.keeps, "loses": chosen.loses})
    return files, listed
