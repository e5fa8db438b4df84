"""The search across a catalog (sitegen/catalog_search.py, docs/assets/search/answers.mjs), on the
catalog fixture (tests/fixtures/catalog) built once for this module and served under a sub-path.

Expected words and pages come from the data: a word of both qualifications' names finds both; a
word of one's name that the other's index lacks finds it from the other's pages. The search runs
under Node exactly as the browser's worker runs it (tests/js/search_query.mjs); the browser tests
(marker `browser`) drive the box itself. A one-qualification site has none of this: the tests of
tests/test_search.py and tests/test_search_browser.py keep it as it was.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest
import yaml

from sitegen import search_forms
from sitegen.catalog_search import CATALOG_FILE, term_set
from sitegen.site_map import PAGES, STATEMENT
from tests.browser_visit import goto_settled, origin_of
from tests.conftest import ROOT, build_site
from tests.search_quality import CONTENT_QUERIES, TOOL_QUERIES, TOP, measure, page_urls, run_queries
from tests.site_server import BASE_PATH, SiteServer, free_port

CATALOG_DATA = ROOT / "tests" / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(site folder, its address when served): the catalog fixture's site, built once."""
    port = free_port()
    site_url = f"http://127.0.0.1:{port}{BASE_PATH}"
    site_dir = tmp_path_factory.mktemp("catalog-search-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QUALIFICATION_DIR", str(CATALOG_DATA))
        result = build_site(ROOT, site_dir, site_url=site_url)
    assert result.returncode == 0, f"catalog build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir, port


@pytest.fixture(scope="module")
def catalog_site(built) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def catalog(catalog_site) -> dict:
    return json.loads((catalog_site / CATALOG_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def listed(catalog_site, catalog) -> list[dict]:
    """Each qualification of the catalog's data, in publisher.yaml's order, with where the build put
    it: {name, folder, url, index (site path), terms (what its index can find)}."""
    publisher = yaml.safe_load((CATALOG_DATA / "publisher.yaml").read_text(encoding="utf-8"))
    built_entries = {q["name"]: q for q in catalog["catalog"]["qualifications"]}
    out = []
    for entry in publisher["qualifications"]:
        folder = (CATALOG_DATA / entry["folder"]).resolve()
        name = yaml.safe_load((folder / "qualification.yaml").read_text(encoding="utf-8"))["name"]
        assert name in built_entries, f"{name} is not in {CATALOG_FILE}"
        index = urllib.parse.urljoin(CATALOG_FILE, built_entries[name]["index"])
        out.append({"name": name, "folder": folder, "url": built_entries[name]["url"], "index": index,
                    "terms": term_set(json.loads((catalog_site / index).read_text(encoding="utf-8")))})
    assert len(out) >= 2
    return out


def name_words(q: dict) -> list[str]:
    """The words of a qualification's name that the search counts, longest first."""
    words = [word for word in search_forms.words(q["name"])
             if search_forms.folded(word) not in search_forms.STOP_WORDS and len(word) > 3]
    return sorted(dict.fromkeys(words), key=len, reverse=True)


def common_word(listed: list[dict]) -> str:
    """A word of every qualification's name (each of their indexes finds it)."""
    found = [word for word in name_words(listed[0])
             if all(search_forms.stem(word) in q["terms"] and word in name_words(q) for q in listed)]
    assert found, "the catalog's qualifications share no word of their names; the test needs one"
    return found[0]


def own_word(q: dict, others: list[dict]) -> str:
    """A word of `q`'s name that no other qualification's index has."""
    found = [word for word in name_words(q) if all(search_forms.stem(word) not in other["terms"] for other in others)]
    assert found, f"every word of „{q['name']}” is in another qualification's index; the test needs one that is not"
    return found[0]


def pairs(listed):
    return [(here, there) for here in listed for there in listed if here is not there]


def search_from(site: Path, q: dict | None, *queries: str) -> dict[str, dict]:
    """The answers of the box of `q`'s pages (None: the catalog's pages)."""
    return run_queries(site, list(queries), index=q["index"] if q else CATALOG_FILE, catalog=CATALOG_FILE)


def in_subtree(url: str, q: dict) -> bool:
    return url.startswith(q["url"])


# --- Where the box looks ---

def box_files(page: Path, site: Path) -> tuple[str, str]:
    """The site paths of a built page's search box's index and catalog file."""
    html = page.read_text(encoding="utf-8")
    folder = page.parent.relative_to(site).as_posix()
    base = "/" if folder == "." else f"/{folder}/"
    return tuple(urllib.parse.urljoin(base, re.search(rf'data-{name}="([^"]+)"', html).group(1)).lstrip("/")
                 for name in ("index", "catalog"))


def test_catalog_pages_search_the_catalog_and_each_qualification_its_own_index(catalog_site, listed):
    for path in ("index.html", STATEMENT.url + "index.html"):
        assert box_files(catalog_site / path, catalog_site) == (CATALOG_FILE, CATALOG_FILE), path
    for q in listed:
        for spec in PAGES:
            page = catalog_site / q["url"] / spec.url / "index.html"
            if page.exists():
                assert box_files(page, catalog_site) == (q["index"], CATALOG_FILE), page


# --- What it finds (the worker's code under Node) ---

def test_a_word_of_every_qualification_finds_each_labelled_the_pages_own_first(catalog_site, listed):
    word = common_word(listed)
    for here in listed:
        results = search_from(catalog_site, here, word)[word]["results"]
        labels = [r["label"] for r in results]
        assert labels[0] == here["name"], results[:3]
        for q in listed:
            assert any(r["label"] == q["name"] and in_subtree(r["url"], q) for r in results), (q["name"], labels)
        # Every result of this qualification before any of another's.
        first_other = min(i for i, r in enumerate(results) if r["label"] and r["label"] != here["name"])
        assert all(r["label"] != here["name"] for r in results[first_other:]), labels


def test_a_word_only_in_another_qualification_is_found_from_this_ones_pages(catalog_site, listed):
    for here, there in pairs(listed):
        word = own_word(there, [here])
        answer = search_from(catalog_site, here, word)[word]
        sections = [r for r in answer["results"] if in_subtree(r["url"], there) and r["url"] != there["url"]]
        assert sections, f"{word!r} from „{here['name']}”: {answer['results']}"
        assert all(r["label"] == there["name"] for r in sections)
        # This qualification has not the word: its results, if any, are guesses at a typo, and come last.
        assert in_subtree(answer["results"][0]["url"], there), answer["results"][:3]
        mine = [i for i, r in enumerate(answer["results"]) if in_subtree(r["url"], here)]
        assert not mine or min(mine) > answer["results"].index(sections[-1]), answer["results"]
        assert answer["count"] != "Brak wyników"


def test_results_link_to_pages_of_the_subtree_they_are_labelled_with(catalog_site, listed):
    word = common_word(listed)
    for here in [None, *listed]:
        for result in search_from(catalog_site, here, word)[word]["results"]:
            page, _, anchor = result["url"].partition("#")
            html = (catalog_site / page / "index.html").read_text(encoding="utf-8")
            assert not anchor or f'id="{anchor}"' in html, result["url"]
            owner = [q for q in listed if in_subtree(page, q)]
            if owner:
                assert result["label"] == owner[0]["name"] or result["url"] == owner[0]["url"], result
            else:  # a page of the catalog's own
                assert result["label"] is None, result


def test_the_catalog_page_finds_a_qualification_by_a_word_of_its_name_first(catalog_site, listed):
    for q in listed:
        word = own_word(q, [other for other in listed if other is not q])
        results = search_from(catalog_site, None, word)[word]["results"]
        assert results[0]["url"] == q["url"], results[:3]
        assert any(in_subtree(r["url"], q) and r["url"] != q["url"] for r in results), "its own pages follow"


def test_a_query_fetches_only_the_indexes_it_needs(catalog_site, catalog, listed):
    """A word one qualification alone has: from its pages no other index is fetched; from another's,
    its index is. A word all have: at most `limits.indexes` besides the page's own."""
    indexes = {q["index"] for q in listed}
    for here, there in pairs(listed):
        mine, theirs = own_word(here, [there]), own_word(there, [here])
        answers = search_from(catalog_site, here, mine, theirs)
        assert CATALOG_FILE in answers[mine]["fetched"]
        assert [path for path in answers[mine]["fetched"] if path in indexes] == [here["index"]]
        assert [path for path in answers[theirs]["fetched"] if path in indexes] == [there["index"]]
    word = common_word(listed)
    fetched = search_from(catalog_site, listed[0], word)[word]["fetched"]
    assert len([path for path in fetched if path in indexes]) <= 1 + catalog["catalog"]["limits"]["indexes"]


def test_the_pages_own_results_come_at_once_the_others_after(catalog_site, listed):
    """A first query: one answer from the page's own index (and the catalog's file, fetched beside
    it: its pages are unlabelled), before the others' indexes are fetched; then the full one."""
    word = common_word(listed)
    for here in listed:
        steps = search_from(catalog_site, here, word)[word]["steps"]
        assert [step["done"] for step in steps] == [False, True], steps
        assert here["name"] in steps[0]["labels"] and set(steps[0]["labels"]) <= {here["name"], None}, steps[0]
        assert {q["name"] for q in listed} <= set(steps[1]["labels"]), steps[1]


def quality_urls(site: Path, catalog: dict, q: dict) -> dict[str, str]:
    """Role -> URL for the query table, from `q`'s pages: its own pages, and the catalog's (the statement)."""
    own = {section["page"] for section in json.loads((site / q["index"]).read_text(encoding="utf-8"))["sections"]}
    shared = {section["page"] for section in catalog["sections"]}
    urls = {}
    for role, url in page_urls(PAGES).items():
        if q["url"] + url in own:
            urls[role] = q["url"] + url
        elif url and url in shared:
            urls[role] = url
    return urls


def test_tool_pages_are_found_in_the_top_3_from_every_qualifications_pages(catalog_site, catalog, listed):
    for q in listed:
        urls = quality_urls(catalog_site, catalog, q)
        score, misses = measure(catalog_site, TOOL_QUERIES, urls, index=q["index"], catalog=CATALOG_FILE)
        assert score >= 0.9, f"„{q['name']}”: {score:.0%} in the top {TOP}; misses:\n" + "\n".join(misses)


@pytest.mark.content
def test_the_query_table_reaches_90_percent_for_this_projects_qualification_in_the_catalog(catalog_site, catalog, listed):
    q = next(q for q in listed if q["folder"] == ROOT)
    table = TOOL_QUERIES + CONTENT_QUERIES
    score, misses = measure(catalog_site, table, quality_urls(catalog_site, catalog, q), index=q["index"], catalog=CATALOG_FILE)
    print(f"catalog search quality, „{q['name']}”: {score:.1%} in the top {TOP}; misses: {misses}")
    assert score >= 0.9, f"{score:.0%} in the top {TOP}; misses:\n" + "\n".join(misses)


# --- The box in a browser ---

@pytest.fixture(scope="module")
def served(built):
    site_dir, port = built
    with SiteServer(site_dir, port) as server:
        yield server


@pytest.fixture
def visit(served, browser):
    """open(path) -> (page, requested URLs): a fresh context on a page of the catalog, its answers
    recorded from the box's "site-search:answer" events."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))

    def open_page(path: str):
        page = context.new_page()
        goto_settled(page, served.url + path)
        page.evaluate("""() => { window.searchAnswers = []
            document.querySelector('[data-site-search]').addEventListener('site-search:answer',
                event => window.searchAnswers.push(event.detail)) }""")
        return page, requested
    yield open_page
    context.close()


def search_in(page, query: str) -> list[dict]:
    """Type `query` into the box; the drawn results once the full answer is in: [{label, href}]."""
    page.locator("#site-search-input").fill(query)
    page.wait_for_function("q => window.searchAnswers.some(a => a.query === q && a.done)", arg=query)
    page.wait_for_selector(".site-search__results a")
    return page.eval_on_selector_all(".site-search__results a", """links => links.map(link => ({
        label: link.querySelector('.site-search__qualification')?.textContent ?? null, href: link.href }))""")


def index_requests(requested: list[str]) -> list[str]:
    paths = [urllib.parse.urlsplit(url).path for url in requested]
    return [path for path in paths if re.search(r"/search/.+\.json$", path)]


@pytest.mark.browser
def test_the_box_shows_both_qualifications_labelled_the_pages_own_first(visit, served, listed):
    word = common_word(listed)
    for here in listed:
        page, requested = visit(here["url"])
        results = search_in(page, word)
        labels = [r["label"] for r in results]
        assert labels[0] == here["name"], labels
        first_other = min(i for i, label in enumerate(labels) if label and label != here["name"])
        assert here["name"] not in labels[first_other:], labels
        for q in listed:
            assert any(r["label"] == q["name"] and r["href"].startswith(served.url + q["url"]) for r in results), labels
        assert [url for url in requested if not url.startswith(origin_of(served.url))] == []


@pytest.mark.browser
def test_a_word_only_in_the_other_qualification_leads_into_its_subtree(visit, served, listed):
    here, there = listed[0], listed[1]
    page, requested = visit(here["url"])
    word = own_word(there, [here])
    results = search_in(page, word)
    assert index_requests(requested).count(BASE_PATH + there["index"]) == 1
    link = page.locator(".site-search__results a", has=page.locator(".site-search__qualification", has_text=there["name"])).first
    href = link.get_attribute("href")
    assert href.startswith(served.url + there["url"]), results
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert page.locator("h1").first.is_visible()


@pytest.mark.browser
def test_a_visitor_on_a_result_stays_on_it_when_the_others_results_arrive(served, browser, listed):
    """The page's own results come first; the others' redraw the list. Held back until the visitor
    has moved onto the first result, they must not throw the focus back to the page."""
    here, there = listed[0], listed[1]
    context = browser.new_context()
    held = []
    try:
        context.route(re.compile(r".*/search/terms/.*\.json$"), lambda route: held.append(route))
        page = context.new_page()
        goto_settled(page, served.url + here["url"])
        page.evaluate("""() => { window.searchAnswers = []
            document.querySelector('[data-site-search]').addEventListener('site-search:answer',
                event => window.searchAnswers.push(event.detail)) }""")
        word = common_word(listed)
        page.locator("#site-search-input").fill(word)
        page.wait_for_function("q => window.searchAnswers.some(a => a.query === q && !a.done && a.results.length)", arg=word)
        page.keyboard.press("ArrowDown")
        first = page.evaluate("() => document.activeElement.href")
        assert first and first.startswith(served.url + here["url"])
        page.wait_for_function("n => n > 0", arg=len(held))  # the others' term file was asked for
        for route in held:
            route.continue_()
        context.unroute(re.compile(r".*/search/terms/.*\.json$"))
        page.wait_for_function("q => window.searchAnswers.some(a => a.query === q && a.done)", arg=word)
        assert page.evaluate("() => document.activeElement.href") == first
        labels = page.eval_on_selector_all(".site-search__qualification", "spans => spans.map(s => s.textContent)")
        assert there["name"] in labels  # the redraw did happen
    finally:
        context.close()


@pytest.mark.browser
def test_the_catalog_page_loads_the_catalogs_index_and_finds_a_qualification_by_name(visit, served, listed):
    page, requested = visit("")
    with page.expect_response(lambda response: response.url.endswith("/" + CATALOG_FILE)):
        page.keyboard.press("/")
    q = listed[-1]
    results = search_in(page, own_word(q, listed[:-1]))
    assert results[0]["href"] == served.url + q["url"], results[:3]
    fetched = index_requests(requested)
    assert fetched[0] == BASE_PATH + CATALOG_FILE, fetched
    assert BASE_PATH + listed[0]["index"] not in fetched, "the first qualification's index is not the catalog's"


@pytest.mark.browser
def test_labelled_results_have_no_wcag_violations_on_a_phone(served, browser, listed):
    from tests.test_accessibility import axe_violations

    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        goto_settled(page, served.url + listed[0]["url"])
        page.locator("#site-search-input").tap()
        page.keyboard.type(common_word(listed))
        label = page.locator(".site-search__qualification", has_text=listed[1]["name"]).first
        label.wait_for()
        panel = page.locator(".site-search__panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360
        label_box = label.bounding_box()
        assert label_box["x"] + label_box["width"] <= 360
        assert axe_violations(page, axe) == []
    finally:
        context.close()


def test_a_one_qualification_site_has_no_catalog_search(site):
    """The default build (conftest's `site`): its one index, no catalog file, no label data."""
    assert not (site / CATALOG_FILE).exists() and not (site / "search" / "terms").exists()
    assert [path.name for path in (site / "search").iterdir()] == [next((site / "search").glob("*.json")).name]
    for page in site.rglob("index.html"):
        assert "data-catalog=" not in page.read_text(encoding="utf-8"), page
