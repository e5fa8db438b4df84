"""The search box in a real browser: results with snippets as the visitor types, the keyboard,
a result's link to its section, the index fetched only on first use, nothing from other hosts."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from tests.browser_visit import goto_settled, origin_of

pytestmark = pytest.mark.browser

FOCUSED_CLASS = "() => document.activeElement.className || ''"


@pytest.fixture
def visit(served_site, browser):
    """A fresh browser context on a content page, recording every request."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    goto_settled(page, served_site.url + "walidacja/")
    yield page, requested
    context.close()


def search_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if re.search(r"/search/[^/]+\.json$", urllib.parse.urlsplit(url).path)]


def test_index_and_engine_load_only_when_the_visitor_goes_to_the_box(visit):
    page, requested = visit
    assert search_requests(requested) == [], "the index was fetched before any search"
    assert not [url for url in requested if re.search(r"/assets/search/(worker|engine|minisearch)", url)]
    with page.expect_response(lambda response: re.search(r"/search/[^/]+\.json$", response.url)):
        page.keyboard.press("/")  # going to the box is enough: results are ready sooner
    page.keyboard.type("walidacji")
    page.wait_for_selector(".site-search__results a")
    page.keyboard.press("Control+A")
    page.keyboard.type("certyfikat")
    page.wait_for_selector(".site-search__results a[href*='certyfikat']")
    assert len(search_requests(requested)) == 1, "the index was fetched again"


def test_typing_shows_results_with_counts_and_marked_snippets(visit, served_site):
    page, requested = visit
    page.locator("#site-search-input").fill("walidacji")
    page.wait_for_selector(".site-search__results a")
    status = page.locator(".site-search__status").inner_text()
    assert re.fullmatch(r"\d+ (wynik|wyniki|wyników)", status), status
    first = page.locator(".site-search__results a").first
    assert first.locator(".site-search__page").inner_text()
    assert first.locator("mark").count() >= 1, first.inner_html()
    assert [url for url in requested if not url.startswith(origin_of(served_site.url))] == []


def test_no_results_say_so_with_a_hint(visit):
    page, _ = visit
    page.locator("#site-search-input").fill("kangur")
    page.wait_for_function("() => document.querySelector('.site-search__status').textContent === 'Brak wyników'")
    assert page.locator(".site-search__hint").is_visible()
    assert page.locator(".site-search__results a").count() == 0


def test_arrows_enter_and_escape_work_and_the_link_lands_on_the_section(visit, served_site):
    page, _ = visit
    page.keyboard.press("/")
    page.keyboard.type("procedura odwoławcza")
    page.wait_for_selector(".site-search__results a[href*='#procedura-odwolawcza']")
    page.keyboard.press("ArrowDown")
    assert "site-search__link" in page.evaluate(FOCUSED_CLASS)
    page.keyboard.press("ArrowUp")
    assert "site-search__input" in page.evaluate(FOCUSED_CLASS)
    page.keyboard.press("Escape")
    assert page.locator(".site-search__panel").is_hidden()
    page.keyboard.type(" ")  # typing again opens the results
    page.wait_for_selector(".site-search__panel:not([hidden])")
    href = page.locator(".site-search__results a").first.get_attribute("href")
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(href)
    anchor = urllib.parse.urlsplit(href).fragment
    assert anchor and page.locator(f"[id='{anchor}']").is_visible()
    assert page.evaluate(f"() => document.getElementById('{anchor}').getBoundingClientRect().top") < 400


def test_search_works_on_a_phone(served_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    goto_settled(page, served_site.url)
    page.locator("#site-search-input").tap()
    page.keyboard.type("test probny")
    link = page.locator(".site-search__results a[href*='samoocena/test/']").first
    link.wait_for()
    box = page.locator(".site-search__panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    link.tap()
    page.wait_for_url(re.compile(r"samoocena/test/$"))
    context.close()
