"""What follows the engine's HTML, the same for every engine: `python -m sitegen finish SITE_DIR`.

hooks/qualification.py calls `finish_site` after MkDocs has written the site; a build from the staged
folder (sitegen/stage.py) calls the command after its engine.
"""

from __future__ import annotations

from pathlib import Path

from .build import SiteContent


def finish_site(site_dir: Path, content: SiteContent) -> None:
    keep_permalinks_out_of_tab_order(site_dir, content.script_pages)


def keep_permalinks_out_of_tab_order(site_dir: Path, page_urls: list[str]) -> None:
    """On tool pages the heading permalinks ("¶") would be an extra Tab stop before every form:
    keep them for the mouse, out of the keyboard's way."""
    for url in page_urls:
        page = site_dir / url / "index.html"
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            page.write_text(html.replace('<a class="headerlink" href=', '<a class="headerlink" tabindex="-1" href='),
                            encoding="utf-8")
