"""MkDocs adapter: feed the pages and downloads made by `sitegen` into the build.

All knowledge of the qualification lives in `sitegen`; this file only translates between
its output and MkDocs events, so moving to another engine means rewriting only this file.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by file path; make `sitegen` importable
    sys.path.insert(0, str(ROOT))

from sitegen.build import SiteContent, build_content  # noqa: E402
from sitegen.page_text import attribute_text  # noqa: E402
from datafiles.problems import DataError  # noqa: E402
from sitegen.slugs import slugify  # noqa: E402

log = logging.getLogger("mkdocs.hooks.qualification")
_content: SiteContent | None = None


def on_config(config):
    global _content
    try:
        _content = build_content(ROOT)
    except DataError as error:
        # PluginError makes MkDocs stop with this message and no traceback.
        raise PluginError(error.report()) from None
    # Name, description and navigation come from the data. The theme prints the name and the
    # description as they are (MkDocs' Jinja has no autoescape) in some places and escaped in
    # others: the schema keeps the name to characters that read the same either way, and the
    # description, printed raw only, is given escaped.
    config.site_name = _content.site_name
    config.site_description = attribute_text(_content.site_description)
    config.nav = _content.nav
    # Every page's head names the accessibility statement (overrides/main.html).
    config.extra["accessibility_statement"] = _content.accessibility_statement
    # The header's search box loads this qualification's index (overrides/partials/site-search.html).
    config.extra["search_index"] = _content.search_index
    # Anchors from headings keep Polish letters readable: "Słowniczek" -> "slowniczek", not "sowniczek".
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    return config


def on_files(files: Files, config) -> Files:
    for path, markdown in _content.pages.items():
        files.append(File.generated(config, path, content=markdown))
    for path, data in _content.files.items():
        files.append(File.generated(config, path, content=data))
    for path, source in _content.copies.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


def on_page_content(html, page, config, files):
    # On tool pages the heading permalinks ("¶") would be an extra Tab stop before every form:
    # keep them for the mouse, out of the keyboard's way.
    if page.meta.get("script"):
        return html.replace('class="headerlink"', 'class="headerlink" tabindex="-1"')
    return html


def on_serve(server, config, builder):
    for path in _content.sources:
        server.watch(str(path))
    return server
