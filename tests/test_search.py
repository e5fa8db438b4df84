"""The site's own Polish search: its index (sitegen/search_index.py) and its engine
(docs/assets/search/engine.mjs), run under Node on the built site exactly as the browser runs them.

Result quality is measured on a table of real queries (tests/search_quality.py); the browser side
(box, keyboard, loading on first use) is in tests/test_search_browser.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from sitegen import search_forms
from sitegen.catalog_search import CATALOG_FILE
from tests.data import CATALOG, GLOSSARY, PREFIX
from tests.search_quality import CONTENT_QUERIES, TOOL_QUERIES, TOP, measure, page_urls, run_queries


@pytest.fixture(scope="module")
def index_path(site):
    files = list((site / "search").glob("*.json"))
    assert len(files) == 1, files
    return files[0]


@pytest.fixture(scope="module")
def index(index_path):
    return json.loads(index_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def urls(index):
    from sitegen.site_map import PAGES

    built = {section["page"] for section in index["sections"]}
    return {role: PREFIX + url for role, url in page_urls(PAGES).items() if PREFIX + url in built}


@pytest.fixture(scope="module")
def where(site_root, index_path) -> dict:
    """What the box of the qualification's pages searches: its index, and in a catalog the catalog's
    search file too (its own results come first)."""
    return {"index": str(index_path.relative_to(site_root)), "catalog": CATALOG_FILE if CATALOG else None}


@pytest.fixture(scope="module")
def search(site_root, where):
    def run(*queries: str) -> dict[str, dict]:
        return run_queries(site_root, list(queries), **where)
    return run


def locations(answer: dict) -> list[str]:
    return [result["url"] for result in answer["results"]]


def test_index_is_one_file_named_by_the_qualification(index_path, index):
    from tests.data import QUALIFICATION
    from sitegen.pages import store_id

    assert index_path.name == f"{store_id(QUALIFICATION)}.json"
    assert index["format"] == "kwalifikacja-search" and index["version"] == 1
    assert index["qualification"] == {"id": store_id(QUALIFICATION), "name": QUALIFICATION["name"]}


def test_tool_pages_are_found_by_their_purpose(site_root, where, urls):
    score, misses = measure(site_root, TOOL_QUERIES, urls, **where)
    assert score >= 0.9, f"{score:.0%} in the top {TOP}; misses:\n" + "\n".join(misses)


@pytest.mark.content
def test_real_queries_find_the_answering_page_in_the_top_3(site_root, where, urls):
    table = TOOL_QUERIES + CONTENT_QUERIES
    assert len(table) >= 30
    score, misses = measure(site_root, table, urls, **where)
    print(f"search quality: {score:.1%} of {len(table)} queries in the top {TOP}; misses: {misses}")
    assert score >= 0.9, f"{score:.0%} in the top {TOP}; misses:\n" + "\n".join(misses)


def test_pages_whose_text_repeats_others_are_found_by_their_purpose_only(index, urls):
    """The exercises, the mock test and the print view hold text of other pages: none of their
    sections is indexed, only their top, by title, description and keywords."""
    from sitegen.site_map import PAGES

    for spec in PAGES:
        url = PREFIX + spec.url
        if spec.searchable or url not in urls.values():
            continue
        sections = [section for section in index["sections"] if section["page"] == url]
        assert [section["url"] for section in sections] == [url]
        assert all(keyword in sections[0]["keywords"] for keyword in spec.search_keywords)


def test_a_word_not_on_the_site_finds_nothing_and_says_so(search):
    answer = search("kangur")["kangur"]
    assert answer["total"] == 0 and answer["results"] == []
    assert answer["count"] == "Brak wyników"


def test_result_counts_are_worded_in_polish(index):
    count = index["messages"]["count"]
    assert [count[1], count[2], count[5], count[12], count[22]] == ["1 wynik", "2 wyniki", "5 wyników", "12 wyników", "22 wyniki"]
    assert len(count) == len(index["sections"]) + 1
    assert index["messages"]["hint"]
    shown = index["messages"]["shown"]
    assert [shown[1], shown[2], shown[5], shown[22]] == ["pokazano 1 najtrafniejszy", "pokazano 2 najtrafniejsze",
                                                         "pokazano 5 najtrafniejszych", "pokazano 22 najtrafniejsze"]


def test_more_results_than_listed_are_counted_with_how_many_the_list_shows(search, index):
    """A word found in more sections than the box lists: the count says both numbers."""
    word = max(("walidacja", "kwalifikacja", "certyfikat"),
               key=lambda w: sum(w in (s["text"] + s["heading"]).lower() for s in index["sections"]))
    answer = search(word)[word]
    if answer["total"] <= len(answer["results"]):
        pytest.skip(f"„{word}” is in too few sections of this qualification to overflow the list")
    assert answer["count"] == (f"{index['messages']['count'][answer['total']]}, "
                               f"{index['messages']['shown'][len(answer['results'])]}")


def test_snippets_mark_the_words_found_in_any_form(search, index):
    """A page title's word typed in another case and without Polish letters is marked where it stands."""
    title = next(section["title"] for section in index["sections"] if section["page"] == PREFIX + "walidacja/") \
        if any(section["page"] == PREFIX + "walidacja/" for section in index["sections"]) else index["sections"][0]["title"]
    word = max(search_forms.words(title), key=len)
    query = search_forms.folded(word)
    answer = search(query)[query]
    assert answer["results"], query
    first = answer["results"][0]
    shown = first["heading"] + first["snippet"]
    assert "[" in shown, first


def test_the_browser_stems_every_word_of_the_site_as_the_build_does(site_root, index_path, index):
    """The build defines the stemming (sitegen/search_forms.py); the browser applies its rules
    (assets/search/language.mjs): both must give every word of the site the same stem."""
    words = sorted({word for section in index["sections"]
                    for word in search_forms.words(f"{section['heading']} {section['text']} {section['keywords']}")})
    script = f"""
        import {{ readFileSync }} from "node:fs"
        const {{ language }} = await import({json.dumps((site_root / "assets/search/language.mjs").as_uri())})
        const lang = language(JSON.parse(readFileSync({json.dumps(str(index_path))}, "utf8")).language)
        const words = JSON.parse(readFileSync(0, "utf8"))
        console.log(JSON.stringify(words.map(word => lang.words(word).map(w => [w.stem, w.stop]))))
    """
    result = subprocess.run([shutil.which("node"), "--input-type=module", "-e", script], input=json.dumps(words),
                            capture_output=True, text=True, timeout=60, check=True)
    browser = json.loads(result.stdout)
    python = [[[search_forms.stem(word), search_forms.folded(word) in search_forms.STOP_WORDS]] for word in words]
    differ = [(word, b, p) for word, b, p in zip(words, browser, python) if b != p]
    assert not differ, differ[:20]


def test_every_synonym_group_finds_the_pages_of_its_group(search):
    for group in GLOSSARY.get("search_synonyms", []):
        answers = search(*group)
        found = [{url.split("#")[0] for url in locations(answers[entry])} for entry in group]
        # A page found by one entry of the group is found by every entry.
        assert set.intersection(*found), group


@pytest.mark.content
def test_the_fee_question_finds_the_fee_first_and_shows_it(search):
    answer = search("ile kosztuje egzamin")["ile kosztuje egzamin"]
    first = answer["results"][0]
    assert first["url"].split("#")[0] in (PREFIX, PREFIX + "walidacja/"), locations(answer)[:5]
    assert "[kosztuje]" in first["snippet"].lower() or "[koszt]" in first["snippet"].lower(), first


@pytest.mark.content
def test_consent_finds_the_data_protection_pages_first(search):
    answer = search("zgoda")["zgoda"]
    assert answer["results"][0]["url"] == PREFIX + "slowniczek/#rodo", locations(answer)[:5]
    assert PREFIX + "samoocena/rozmowa/#rozmowa-z1-e1" in locations(answer)[:3]  # "po uprzedniej zgodzie odbiorcy"


@pytest.mark.content
def test_heading_matches_come_before_text_matches(search):
    answer = search("procedura odwoławcza")["procedura odwoławcza"]
    assert answer["results"][0]["url"] == PREFIX + "walidacja/#procedura-odwolawcza", locations(answer)[:5]


@pytest.mark.content
def test_an_exact_phrase_comes_before_the_same_words_apart(search):
    answer = search("szansa sprzedaży")["szansa sprzedaży"]
    first = answer["results"][0]
    assert first["url"] == PREFIX + "slowniczek/#szansa-sprzedazy", locations(answer)[:5]


@pytest.mark.content
def test_a_form_the_site_never_uses_finds_its_word(search):
    assert PREFIX + "slowniczek/#asesor" in locations(search("asesora")["asesora"])[:3]
    assert PREFIX + "slowniczek/#lejek-sprzedazy" in locations(search("lejek")["lejek"])[:3]  # the site says "lejki"
