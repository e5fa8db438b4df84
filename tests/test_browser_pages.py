"""Every page, as a visitor's browser meets it under a GitHub-Pages-like sub-path.

For each page: HTTP 200 for the page and everything it loads, no request to any other host,
no console errors, and every internal link and anchor leads somewhere real.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from tests.data import PAGES, SITE_QUALIFICATIONS
from tests.browser_visit import origin_of, visit

pytestmark = pytest.mark.browser

PAGE_PATHS = [spec.url for spec in PAGES]


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def sitemap_urls(base: str) -> list[str]:
    with urllib.request.urlopen(base + "sitemap.xml") as response:
        tree = ElementTree.fromstring(response.read())
    return [el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


@lru_cache(maxsize=None)
def fetch(url: str) -> tuple[int, str]:
    """(status, html) after redirects; 4xx/5xx are returned, not raised."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def anchors_of(html: str) -> set[str]:
    document = BeautifulSoup(html, "html.parser")
    return {tag["id"] for tag in document.find_all(id=True)} | {tag["name"] for tag in document.find_all("a", attrs={"name": True})}


def test_sitemap_and_navigation_list_the_same_pages(served_site, context):
    base = served_site.url
    listed = sitemap_urls(served_site.site_url)
    assert sorted(url for url in listed if url.startswith(base)) == sorted(base + path for path in PAGE_PATHS)
    # In a catalog a page's navigation holds its own qualification's pages and the catalog's own
    # (those outside every qualification's subtree, the catalog first), never another qualification's.
    subtrees = tuple(served_site.site_url + q.prefix for q in SITE_QUALIFICATIONS if q.prefix)
    catalog_pages = {url for url in listed if not url.startswith(subtrees)} if subtrees else set()
    assert not subtrees or served_site.site_url in catalog_pages
    page = visit(context, base).page
    nav = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    assert {urldefrag(url)[0] for url in nav} == {base + path for path in PAGE_PATHS} | catalog_pages
    page.close()


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_loads_cleanly_under_sub_path(served_site, context, path):
    url = served_site.url + path
    record = visit(context, url)
    try:
        assert record.bad_responses == []
        assert record.failed == []
        assert record.other_hosts(origin_of(url)) == []
        assert record.console_errors == []
        assert not any(re.search(r"/search/[^/]+\.json$", r) for r in record.requests), "the search index loaded before any search"
        links = record.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    finally:
        record.page.close()

    broken = []
    for link in links:
        target, fragment = urldefrag(link)
        if urlsplit(link).scheme in ("mailto", "tel") or not target.startswith(origin_of(url)):
            continue
        assert target.startswith(served_site.site_url), f"link leaves the site's sub-path: {link}"
        status, html = fetch(target)
        if status != 200:
            broken.append(f"{link} -> HTTP {status}")
        elif fragment and fragment not in anchors_of(html):
            broken.append(f"{link} -> no element with id {fragment!r}")
    assert broken == [], "\n".join(broken)


def test_missing_page_shows_the_sites_404_page_with_working_resources(served_site, context):
    url = served_site.url + "nie-ma-takiej-strony/"
    record = visit(context, url, expect_status=404)
    try:
        assert record.bad_responses == [] and record.failed == []
        assert record.other_hosts(origin_of(url)) == []
        # Chromium reports the 404 status of the page itself; nothing else may fail.
        assert [e for e in record.console_errors if not e.endswith(f"(Not Found) ({url})")] == []
        assert "Nie ma takiej strony" in record.page.inner_text("article")
        # The 404 page is served at any depth: its links must still point into the site.
        home = record.page.eval_on_selector("a.md-header__button.md-logo", "a => a.href")
        assert home == served_site.site_url
        assert record.page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)") == [served_site.site_url]
    finally:
        record.page.close()


@pytest.mark.parametrize("spec", [spec for spec in PAGES if spec.script], ids=lambda spec: spec.url)
def test_a_tool_page_asks_for_its_modules_at_once(served_site, context, spec):
    """Every module the page's script loads is named in <link rel="modulepreload">, and nothing else
    is, so none waits for the module that imports it (sitegen/module_graph.py)."""
    record = visit(context, served_site.url + spec.url)
    try:
        preloaded = set(record.page.eval_on_selector_all("link[rel=modulepreload]", "links => links.map(l => l.href)"))
        page_modules = set(record.page.evaluate(
            "() => performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => n.endsWith('.mjs') && n.includes('/assets/selfcheck/'))"))
        page_modules -= {url for url in page_modules if url.endswith(("/worker.mjs", "/warm-up.mjs"))}
        assert preloaded == page_modules
    finally:
        record.page.close()
