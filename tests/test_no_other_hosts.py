"""The built site loads nothing from another host: no CDN, no web fonts, no analytics.
Every file of the site is read, a catalog's shared files and all its qualifications' too.

This reads the files; the browser tests check the requests a real page makes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT

# Attributes that make the browser fetch something, or send the reader elsewhere.
URL_ATTRIBUTES = ["src", "href", "srcset", "action", "poster", "data", "formaction"]
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")
# Hosts of CDNs, font services and trackers; JavaScript must not name them at all.
FORBIDDEN_IN_JS = ["googleapis.com", "gstatic.com", "jsdelivr.net", "unpkg.com", "cdnjs", "google-analytics",
                   "googletagmanager", "plausible.io", "matomo", "hotjar", "fonts.bunny"]
# Material's bundle names unpkg.com in two fallbacks that never run on this site: a
# ResizeObserver polyfill for browsers without ResizeObserver (every browser since 2020 has
# it), and Mermaid, loaded only for pages with diagrams (there are none: checked below).
MATERIAL_FALLBACKS = ["https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@"]
SITE_HOST = "127.0.0.1"  # site_url's host when SITE_URL is not set (canonical links, sitemap)


def _data_links() -> set[str]:
    """Web addresses the data itself names (e.g. the register of certifying institutions): links
    a reader follows on purpose, not something a page loads. Anything else on another host fails.
    The data of every qualification the site publishes (a catalog's pages hold them all)."""
    from tests.data import PUBLISHER, SITE_QUALIFICATIONS

    found: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            found.update(re.findall(r"https?://[^\s)\]>\"']+", value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk([PUBLISHER, *([q.data, q.glossary] for q in SITE_QUALIFICATIONS)])
    return found


DATA_LINKS = _data_links()


def is_other_host(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and parsed.hostname != SITE_HOST


def test_html_references_no_other_host(site_root: Path):
    offending = []
    for page in site_root.rglob("*.html"):
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in document.find_all(True):
            for attribute in URL_ATTRIBUTES:
                for value in str(tag.get(attribute, "")).split(","):
                    url = value.strip().split(" ")[0]
                    if url and is_other_host(url) and not (tag.name == "a" and attribute == "href" and url in DATA_LINKS):
                        offending.append(f"{page.relative_to(site_root)}: <{tag.name} {attribute}={url}>")
            for url in CSS_URL.findall(tag.get("style", "")):
                if is_other_host(url):
                    offending.append(f"{page.relative_to(site_root)}: style url({url})")
        for style in document.find_all("style"):
            offending += [f"{page.relative_to(site_root)}: <style> {u}" for u in CSS_URL.findall(style.get_text()) if is_other_host(u)]
    assert not offending, "\n".join(offending)


def test_stylesheets_load_nothing_from_another_host(site_root: Path):
    offending = [f"{css.relative_to(site_root)}: {url}" for css in site_root.rglob("*.css")
                 for url in CSS_URL.findall(css.read_text(encoding="utf-8")) if is_other_host(url)]
    assert not offending, "\n".join(offending)


def test_scripts_name_no_cdn_font_service_or_tracker(site_root: Path):
    offending = []
    for js in site_root.rglob("*.js"):
        text = js.read_text(encoding="utf-8", errors="replace")
        for fallback in MATERIAL_FALLBACKS:
            text = text.replace(fallback, "")
        offending += [f"{js.relative_to(site_root)}: {host}" for host in FORBIDDEN_IN_JS if host in text]
    assert not offending, "\n".join(offending)


def test_no_page_has_a_diagram_that_would_load_mermaid_from_a_cdn(site_root: Path):
    for page in site_root.rglob("*.html"):
        assert 'class="mermaid"' not in page.read_text(encoding="utf-8"), page


def test_configuration_turns_off_every_outside_service():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["theme"]["font"] == "false"           # no Google Fonts
    assert "repo_url" not in config                     # no GitHub API calls for repository facts
    assert "analytics" not in config.get("extra", {})
    assert "consent" not in config.get("extra", {})
