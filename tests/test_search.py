"""Site search finds Polish words in their common forms and typed without diacritics.

The queries run through Material's own search worker (lunr.js) under Node, on the built index.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SEARCH = Path(__file__).resolve().parent / "js" / "search_query.mjs"


@pytest.fixture(scope="module")
def search(site):
    node = shutil.which("node")
    assert node, "Node.js is needed to run the site's search engine in tests"

    def run(*queries: str) -> dict[str, list[str]]:
        result = subprocess.run([node, str(SEARCH), str(site), *queries],
                                capture_output=True, text=True, timeout=60, check=True)
        return json.loads(result.stdout)
    return run


def pages(locations: list[str]) -> set[str]:
    """Result locations ("walidacja/#metody") reduced to pages ("walidacja/")."""
    return {location.split("#")[0] for location in locations}


@pytest.mark.content
@pytest.mark.parametrize("query, expected_page", [
    ("walidacja", "walidacja/"),          # base form
    ("walidacji", "walidacja/"),          # genitive
    ("walidację", "slowniczek/"),         # accusative, a form used on the glossary page
    ("komisji walidacyjnej", "walidacja/"),
    ("certyfikatu", "certyfikat/"),
    ("asesora", "slowniczek/"),           # a form the site never uses, of a glossary heading
    ("szansy sprzedaży", "efekty-uczenia-sie/"),
    ("zarzadzanie", ""),                  # typed without Polish letters
    ("odwolawcza", "walidacja/"),
    ("przedluzenie", "certyfikat/"),
    ("lejki", "efekty-uczenia-sie/"),
    ("lejek", "efekty-uczenia-sie/"),     # the base form; that page says "lejki"
    ("Fundacja", "dane-formalne/"),
])
def test_query_finds_page(search, query, expected_page):
    found = pages(search(query)[query])
    assert expected_page in found, f"{query!r} found {sorted(found)}"


def test_query_for_a_word_not_on_the_site_finds_nothing(search):
    assert search("kangur")["kangur"] == []


@pytest.mark.content  # the words searched for are this qualification's
def test_pages_that_repeat_other_pages_are_left_out_of_search(search):
    assert "druk/" not in pages(search("walidacji")["walidacji"])          # print view
    found = pages(search("harmonogram")["harmonogram"])
    assert "efekty-uczenia-sie/" in found
    assert not {"samoocena/cwiczenia/", "samoocena/test/"} & found  # exercises are not answers


@pytest.mark.content
def test_criterion_is_found_by_its_words(search):
    found = search("harmonogram")["harmonogram"]
    assert any(location.startswith("efekty-uczenia-sie/#z2-e2") for location in found), found


@pytest.mark.content
@pytest.mark.parametrize("query, expected_location", [
    ("ile kosztuje", ""),                           # the fee, on the home page
    ("cena", ""),
    ("gdzie zdawać", "#gdzie-i-kiedy"),            # where to take the exam
])
def test_everyday_question_finds_its_answer_first(search, query, expected_location):
    found = search(query)[query]
    assert found and found[0].endswith(expected_location) and found[0].split("#")[0] in ("", "walidacja/"), found[:5]


def test_every_synonym_finds_the_pages_of_its_group(search):
    from tests.data import GLOSSARY

    for group in GLOSSARY.get("search_synonyms", []):
        results = search(*group)
        found = [pages(results[entry]) for entry in group]
        # A page found by one entry of the group is found by every entry.
        assert set.intersection(*found), group


@pytest.mark.browser
def test_pages_load_the_search_index_only_when_the_visitor_searches(served_site, browser):
    """Every page fetches a stub index (configuration, no documents); the full index and Material's
    search engine come when the visitor goes to the search field, and the results appear as before."""
    import urllib.parse
    import urllib.request

    from tests.browser_visit import goto_settled

    with urllib.request.urlopen(served_site.url + "search/search_index.full.json") as response:
        full = json.loads(response.read())
    # A word of the site's first page title, as a visitor would type it.
    word = max(full["docs"][0]["title"].split(), key=len)
    context = browser.new_context()
    requested = []  # paths only: the worker's own address names the files it may load later
    context.on("request", lambda request: requested.append(urllib.parse.urlsplit(request.url).path))
    page = context.new_page()
    with page.expect_response(lambda response: response.url.endswith("search/search_index.json")):
        goto_settled(page, served_site.url + "walidacja/")
    lazy = [url for url in requested if "search_index.full.json" in url or "/workers/search." in url]
    assert lazy == [], "the full index or the search engine was loaded before any search"

    with page.expect_response(lambda response: "search_index.full.json" in response.url):
        page.keyboard.press("/")  # going to the search field is enough: results are ready sooner
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item")
    assert len([url for url in requested if "search_index.full.json" in url]) == 1
    page.keyboard.type(" ")
    page.keyboard.press("Backspace")
    page.wait_for_selector(".md-search-result__item")
    assert len([url for url in requested if "search_index.full.json" in url]) == 1, "fetched again"
    context.close()


@pytest.mark.browser
def test_search_works_when_the_visitor_reaches_the_field_before_the_page_set_it_up(served_site, browser):
    """The visitor goes to the search field before the page has fetched its (stub) index: the full
    index loads at once, and the stub that arrives afterwards does not replace it."""
    import urllib.request

    with urllib.request.urlopen(served_site.url + "search/search_index.full.json") as response:
        docs = json.loads(response.read())["docs"]
    word = max(docs[0]["title"].split(), key=len)
    # A second query, after the stub surely reached the worker: a page title that is not the first.
    other = next(doc for doc in docs if doc["location"] and "#" not in doc["location"])
    context = browser.new_context()
    page = context.new_page()
    held = []
    page.route("**/search/search_index.json", lambda route: held.append(route))  # the stub waits
    page.goto(served_site.url + "walidacja/", wait_until="load")
    with page.expect_response(lambda response: "search_index.full.json" in response.url):
        page.keyboard.press("/")
    for _ in range(1200):  # until the page's request for the stub is held here, ≤ 60 s
        if held:
            break
        page.wait_for_timeout(50)  # lets Playwright deliver the route
    assert held, "the page never asked for its search index"
    with page.expect_response(lambda response: response.url.endswith("search/search_index.json")):
        held[0].continue_()
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Control+A")
    page.keyboard.type(max(other["title"].split(), key=len))
    page.locator(f'.md-search-result__item a[href*="{other["location"]}"]').first.wait_for()
    context.close()
