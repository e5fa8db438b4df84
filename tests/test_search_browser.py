"""The search box in a real browser: results with snippets as the visitor types, the keyboard,
a result's link to its section, the index fetched only on first use, nothing from other hosts.

In a catalog a query may get two answers (the page's own results, then the others'): the tests
read the box's "site-search:answer" events and look at the results once the full answer is in."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from tests.browser_visit import goto_settled, origin_of

pytestmark = pytest.mark.browser

FOCUSED_CLASS = "() => document.activeElement.className || ''"
RECORD_ANSWERS = """() => { window.searchAnswers = []
    document.querySelector('[data-site-search]').addEventListener('site-search:answer',
        event => window.searchAnswers.push(event.detail)) }"""


def answered(page, query: str) -> None:
    """Wait for the full answer to `query` (docs/assets/search/search.mjs: the last has `done`)."""
    page.wait_for_function("q => window.searchAnswers.some(a => a.query === q && a.done)", arg=query)


@pytest.fixture
def visit(served_site, browser):
    """A fresh browser context on a content page, recording every request."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    goto_settled(page, served_site.url + "walidacja/")
    page.evaluate(RECORD_ANSWERS)
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
    answered(page, "certyfikat")
    page.wait_for_selector(".site-search__results a[href*='certyfikat']")
    fetched = search_requests(requested)
    assert len(fetched) == len(set(fetched)), f"an index was fetched again: {fetched}"


def test_typing_shows_results_with_counts_and_marked_snippets(visit, served_site):
    page, requested = visit
    page.locator("#site-search-input").fill("walidacji")
    answered(page, "walidacji")
    page.wait_for_selector(".site-search__results a")
    status = page.locator(".site-search__status").inner_text()
    # "32 wyniki", or with more found than listed "32 wyniki, pokazano 30 najtrafniejszych"
    assert re.fullmatch(r"\d+ (wynik|wyniki|wyników)(, pokazano \d+ najtrafniejsz(y|e|ych))?", status), status
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
    answered(page, "procedura odwoławcza")
    page.wait_for_selector(".site-search__results a[href*='#procedura-odwolawcza']")
    page.keyboard.press("ArrowDown")
    assert "site-search__link" in page.evaluate(FOCUSED_CLASS)
    page.keyboard.press("ArrowUp")
    assert "site-search__input" in page.evaluate(FOCUSED_CLASS)
    page.keyboard.press("Escape")
    assert page.locator(".site-search__panel").is_hidden()
    page.keyboard.type(" ")  # typing again opens the results
    page.wait_for_selector(".site-search__panel:not([hidden])")
    answered(page, "procedura odwoławcza ")
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
    page.evaluate(RECORD_ANSWERS)
    page.locator("#site-search-input").tap()
    page.keyboard.type("test probny")
    answered(page, "test probny")
    link = page.locator(".site-search__results a[href*='samoocena/test/']").first
    link.wait_for()
    box = page.locator(".site-search__panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    link.tap()
    page.wait_for_url(re.compile(r"samoocena/test/$"))
    context.close()
