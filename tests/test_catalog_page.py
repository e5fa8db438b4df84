"""The catalog's own pages in a catalog build (tests/fixtures/catalog: two qualifications): the list with
its filters and orders, its open data (catalog.json, catalog.csv, JSON-LD) and the comparison of two.

Every expected fact comes from the qualifications' data files as publisher.yaml lists them. The site
is built once for the module, for and served under a GitHub-Pages-like sub-path.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from datafiles.location import has_practical
from selfcheck import polish
from sitegen.catalog import listed_qualifications, place
from sitegen.catalog_data import catalog_csv, csv_cell
from sitegen.catalog_pages import catalog_controls, catalog_entry, catalog_navigation, count_messages
from sitegen.site_map import STATEMENT, has_renewal, site_pages
from tests.browser_visit import goto_settled
from tests.conftest import ROOT, build_site
from tests.test_accessibility import AXE, axe_violations
from tests.test_html_validity import VNU, allowed_by

CATALOG_DIR = "tests/fixtures/catalog"
PUBLISHER = yaml.safe_load((ROOT / CATALOG_DIR / "publisher.yaml").read_text(encoding="utf-8"))


def _listed():
    entries = listed_qualifications(ROOT / CATALOG_DIR, PUBLISHER)
    data = [yaml.safe_load((ROOT / CATALOG_DIR / e["folder"] / "qualification.yaml").read_text(encoding="utf-8"))
            for e in entries]
    return place(entries, ROOT / CATALOG_DIR, data), data


LISTED, DATA = _listed()
# What each listed qualification's data says, as a reader of its files would count it.
FACTS = [{
    "slug": listed.slug, "name": data["name"], "kind": data["kind"], "prk_level": data["prk_level"],
    "hours": data["effort"]["hours"], "sets": len(data["sets"]),
    "outcomes": sum(len(s["outcomes"]) for s in data["sets"]), "validity_years": data["certificate"].get("validity_years"),
    "cost_pln": data["cost_pln"], "practical": has_practical(listed.folder), "renewal": has_renewal(data),
} for listed, data in zip(LISTED, DATA)]


def _entries(data_list=DATA):
    """Catalog entries made from (possibly altered) data, as the build makes them."""
    return [catalog_entry(listed, data, [listed.prefix + spec.path for spec in
                                         site_pages(data, practical=has_practical(listed.folder), catalog=True)])
            for listed, data in zip(LISTED, data_list)]


@pytest.fixture(scope="module")
def catalog_site(tmp_path_factory):
    """The catalog fixture built for http://127.0.0.1:PORT/kwalifikacja-crm/, and served there."""
    from tests.site_server import BASE_PATH, SiteServer, free_port

    port = free_port()
    site_dir = tmp_path_factory.mktemp("catalog-site")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("QUALIFICATION_DIR", CATALOG_DIR)  # whatever data the session runs with
        result = build_site(ROOT, site_dir, site_url=f"http://127.0.0.1:{port}{BASE_PATH}")
    assert result.returncode == 0, f"catalog build failed:\n{result.stdout}\n{result.stderr}"
    with SiteServer(site_dir, port) as server:
        server.dir = site_dir
        yield server


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# --- The pages as built ---

def test_the_fixture_lists_qualifications_that_differ_where_the_filters_look():
    assert len(FACTS) >= 2
    assert len({f["prk_level"] for f in FACTS}) > 1 and len({f["practical"] for f in FACTS}) > 1
    assert len({f["validity_years"] for f in FACTS}) > 1


def test_each_entry_says_what_its_data_says(catalog_site):
    page = _soup(catalog_site.dir, "")
    items = page.select("ul.q-catalog > li")
    assert [item.h2["id"] for item in items] == [f["slug"] for f in FACTS]
    for item, facts, data in zip(items, FACTS, DATA):
        link = item.h2.a
        assert link.get_text() == facts["name"] and link["href"] == f"{facts['slug']}/"
        shown = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in item.select("dl dt")}
        assert shown["Rodzaj"] == facts["kind"]
        assert shown["Poziom PRK"] == str(facts["prk_level"])
        assert shown["Nakład pracy"] == polish.hours(facts["hours"])
        assert polish.count(facts["sets"], "zestaw", "zestawy", "zestawów") in shown["Zakres"]
        assert str(facts["outcomes"]) in shown["Zakres"]
        validity = shown["Certyfikat"]
        assert (polish.years(facts["validity_years"]) in validity) if facts["validity_years"] else validity == "bezterminowy"
        sector = data.get("sector_framework_level")
        assert ("Sektorowa rama kwalifikacji" in shown) == (sector not in (None, "", "Nie dotyczy"))
        tools = [a["href"] for a in item.select(".q-catalog__tools a")]
        assert f"{facts['slug']}/samoocena/" in tools
        assert (f"{facts['slug']}/samoocena/praktyka/" in tools) == facts["practical"]
        assert (f"{facts['slug']}/odnowienie/" in tools) == facts["renewal"]
        for href in tools:
            assert (catalog_site.dir / href / "index.html").is_file(), href
        assert item.select_one(".q-catalog__compare a")["href"] == f"porownanie/?a={facts['slug']}"
        # The filters' and orders' attributes, from the same facts.
        assert item["data-filter-prk"] == str(facts["prk_level"])
        assert item["data-filter-zadania"] == ("tak" if facts["practical"] else "nie")
        assert item["data-filter-waznosc"] == str(facts["validity_years"] or "bezterminowa")


def test_the_filters_offer_the_values_found_in_the_data(catalog_site):
    page = _soup(catalog_site.dir, "")
    options = {select["name"]: [o["value"] for o in select.find_all("option")] for select in page.select(".q-filters select")}
    assert options["prk"] == ["", *map(str, sorted({f["prk_level"] for f in FACTS}))]
    assert set(options["waznosc"][1:]) == {str(f["validity_years"] or "bezterminowa") for f in FACTS}
    # A filter whose entries all agree is left out: it could only hide all or nothing.
    assert ("rodzaj" in options) == (len({f["kind"] for f in FACTS}) > 1)
    assert page.select_one(".q-filters input[type=checkbox]")["name"] == "zadania"
    count = page.select_one("[data-catalog-count]")
    assert count["role"] == "status"
    assert json.loads(count["data-messages"]) == count_messages(len(FACTS))


def test_catalog_json_and_csv_hold_one_record_per_qualification(catalog_site):
    site = catalog_site.dir
    document = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert document["site_name"] == PUBLISHER["site_name"]
    records = document["qualifications"]
    assert len(records) == len(FACTS)
    for record, facts, data in zip(records, FACTS, DATA):
        for key in ("slug", "name", "kind", "prk_level", "hours", "sets", "outcomes", "validity_years", "cost_pln"):
            assert record[key] == facts[key], key
        assert record["validation_methods"] == [m["name"] for m in data["validation"]["verification"]["methods"]["list"]
                                                if m["part"] in ("theory", "practice")]
        assert record["register_entry_url"] == (data.get("candidate_guide", {}).get("register_entry_url") or None)
        assert (site / record["page"] / "index.html").is_file()
        for key in ("data_yaml", "data_json", "data_schema"):
            assert (site / record[key]).is_file(), record[key]
        assert json.loads((site / record["data_json"]).read_text(encoding="utf-8"))["name"] == facts["name"]
        assert (record["practical_tasks_page"] is not None) == facts["practical"]
        assert (record["renewal_page"] is not None) == facts["renewal"]

    raw = (site / "catalog.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(records[0])
    assert len(rows) == len(records) + 1
    for row, record in zip(rows[1:], records):
        as_text = {key: "" if value is None else ", ".join(value) if isinstance(value, list) else str(value)
                   for key, value in record.items()}
        assert dict(zip(rows[0], row)) == as_text
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row)


def test_no_csv_cell_can_start_a_formula():
    hostile = copy.deepcopy(DATA)
    hostile[0]["name"] = "=HYPERLINK(\"http://example.org\",\"x\")"
    hostile[0]["kind"] = "+48 kwalifikacja"
    hostile[1]["name"] = "@SUM(A1:A2)"
    hostile[1]["kind"] = "\t-1"
    hostile[1]["validation"]["verification"]["methods"]["list"][0]["name"] = "-2+3"
    rows = list(csv.reader(io.StringIO(catalog_csv(_entries(hostile)).decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in cells)
    assert "'=HYPERLINK(\"http://example.org\",\"x\")" in cells and "'@SUM(A1:A2)" in cells
    assert [csv_cell(v) for v in ("\rx", "a=b", None, 5, ["-x", "y"])] == ["'\rx", "a=b", "", "5", "'-x, y"]


def test_the_catalog_page_describes_the_catalog_for_search_engines(catalog_site):
    page = _soup(catalog_site.dir, "")
    blocks = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
    assert len(blocks) == 1
    item_list = blocks[0]
    assert item_list["@context"] == "https://schema.org" and item_list["@type"] == "ItemList"
    assert item_list["numberOfItems"] == len(FACTS)
    for element, facts in zip(item_list["itemListElement"], FACTS, strict=True):
        credential = element["item"]
        assert credential["@type"] == "EducationalOccupationalCredential"
        assert credential["name"] == facts["name"]
        assert credential["educationalLevel"]["termCode"] == str(facts["prk_level"])
        assert credential["timeRequired"] == f"PT{facts['hours']}H"
        assert credential.get("validFor") == (f"P{facts['validity_years']}Y" if facts["validity_years"] else None)
        assert element["url"] == credential["url"] == f"{facts['slug']}/"


def test_the_comparison_page_offers_every_qualification_and_draws_the_first_two(catalog_site):
    page = _soup(catalog_site.dir, "porownanie")
    for select in page.select(".q-compare__choose select"):
        assert [o.get_text() for o in select.find_all("option")] == [f["name"] for f in FACTS]
        assert page.find("label", attrs={"for": select["id"]}).get_text().strip()
    heads = [th.get_text() for th in page.select(".q-compare__table thead th")]
    assert heads == [FACTS[0]["name"], FACTS[1]["name"]]
    hours = [td.get_text() for td in page.select("[data-compare-row=hours] td")]
    assert hours == [polish.hours(FACTS[0]["hours"]), polish.hours(FACTS[1]["hours"])]
    # Without the script, the page says where to compare the others: every qualification's page.
    fallback = [a["href"] for a in page.select(".q-compare__without-script li a")]
    assert fallback == [f"../{f['slug']}/" for f in FACTS]


def test_catalog_pages_come_first_in_the_navigation_and_the_statement_last():
    nav = catalog_navigation([(data, []) for data in DATA])
    assert nav[:2] == ["index.md", "porownanie.md"] and nav[-1] == STATEMENT.path


def test_a_one_qualification_site_has_no_catalog_pages(monkeypatch):
    from sitegen.build import build_content
    monkeypatch.delenv("QUALIFICATION_DIR", raising=False)
    content = build_content(ROOT)
    assert not content.catalog
    assert "porownanie.md" not in content.pages and not any(path.startswith("catalog.") for path in content.files)
    assert "page_script" not in content.pages["index.md"].split("---")[1]


# --- The words and orders, without a build ---

def test_results_lines_are_natural_polish():
    lines = count_messages(22)
    assert lines[0].startswith("Żadna kwalifikacja")
    assert lines[1] == "Pasuje 1 kwalifikacja z 22."
    assert lines[3] == "Pasują 3 kwalifikacje z 22."
    assert lines[5] == "Pasuje 5 kwalifikacji z 22."
    assert lines[12] == "Pasuje 12 kwalifikacji z 22."
    assert "22" in lines[22] and "wszystkie" in lines[22]


def test_a_kind_filter_appears_when_kinds_differ_and_orders_follow_the_polish_alphabet():
    varied = copy.deepcopy(DATA)
    varied[0]["kind"], varied[1]["kind"] = "kwalifikacja rynkowa", "kwalifikacja pełna"
    varied[0]["name"], varied[1]["name"] = "Łowiectwo", "Lutnictwo"
    controls = catalog_controls(_entries(varied))
    kinds = next(f for f in controls["filters"] if f["name"] == "rodzaj")
    assert [o["text"] for o in kinds["options"]] == ["kwalifikacja pełna", "kwalifikacja rynkowa"]
    ranks = [attrs["data-rank-nazwa"] for attrs in controls["attributes"]]
    assert ranks == ["1", "0"]  # "Lutnictwo" before "Łowiectwo": ł follows l


# --- In the browser ---

@pytest.fixture(scope="module")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def _context(browser, width=1280, **options):
    return browser.new_context(viewport={"width": width, "height": 900}, **options)


def _ready(page, url: str, marker: str = "[data-catalog-filters][data-ready]"):
    goto_settled(page, url)
    page.wait_for_selector(marker, state="attached")
    return page


def _visible_names(page) -> list[str]:
    return page.eval_on_selector_all("ul.q-catalog > li:not([hidden]) h2", "hs => hs.map(h => h.textContent)")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_filters_work_by_keyboard_and_stay_in_the_address(catalog_site, browser, width):
    context = _context(browser, width)
    try:
        page = _ready(context.new_page(), catalog_site.url)
        total = len(FACTS)
        assert _visible_names(page) == [f["name"] for f in FACTS]
        # The first PRK level by keyboard: the list keeps the qualifications of that level only.
        page.focus("#q-filter-prk")
        assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("ArrowDown")
        page.wait_for_function("() => new URLSearchParams(location.search).has('prk')")
        level = min(f["prk_level"] for f in FACTS)
        expected = [f["name"] for f in FACTS if f["prk_level"] == level]
        assert _visible_names(page) == expected
        assert page.text_content("[data-catalog-count]") == count_messages(total)[len(expected)]
        # Tab on to the check box and tick it with the space bar: only those with practical tasks.
        for _ in range(6):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.name") == "zadania":
                break
        page.keyboard.press("Space")
        page.wait_for_function("() => new URLSearchParams(location.search).get('zadania') === 'tak'")
        expected = [f["name"] for f in FACTS if f["prk_level"] == level and f["practical"]]
        assert _visible_names(page) == expected
        query = parse_qs(urlsplit(page.url).query)
        assert query == {"prk": [str(level)], "zadania": ["tak"]}
        # A reload and a shared link find the same list.
        filtered_url = page.url
        page.reload(wait_until="load")
        page.wait_for_selector("[data-catalog-filters][data-ready]", state="attached")
        assert _visible_names(page) == expected and page.is_checked("#q-filter-zadania")
        other = _ready(context.new_page(), filtered_url)
        assert _visible_names(other) == expected and other.input_value("#q-filter-prk") == str(level)
        # "Wyczyść wybór" brings the whole list back and the address loses the choice.
        page.click("[data-catalog-reset]")
        page.wait_for_function("() => location.search === ''")
        assert _visible_names(page) == [f["name"] for f in FACTS]
        assert page.text_content("[data-catalog-count]") == count_messages(total)[total]
    finally:
        context.close()


@pytest.mark.browser
def test_the_back_button_returns_to_the_filtered_and_ordered_list(catalog_site, browser):
    context = _context(browser)
    try:
        page = _ready(context.new_page(), catalog_site.url + "?kolejnosc=nazwa&waznosc=bezterminowa")
        unlimited = [f["name"] for f in FACTS if f["validity_years"] is None]
        assert _visible_names(page) == sorted(unlimited, key=polish.alphabetical)
        page.select_option("#q-sort", "prk-malejaco")
        page.wait_for_function("() => new URLSearchParams(location.search).get('kolejnosc') === 'prk-malejaco'")
        page.select_option("#q-filter-waznosc", "")
        page.wait_for_function("() => !new URLSearchParams(location.search).has('waznosc')")
        by_level = [f["name"] for f in sorted(FACTS, key=lambda f: -f["prk_level"])]
        assert _visible_names(page) == by_level
        with page.expect_navigation(wait_until="load"):
            page.click(f"ul.q-catalog > li >> nth=0 >> h2 a")
        page.go_back(wait_until="load")
        page.wait_for_selector("[data-catalog-filters][data-ready]", state="attached")
        assert parse_qs(urlsplit(page.url).query) == {"kolejnosc": ["prk-malejaco"]}
        assert _visible_names(page) == by_level and page.input_value("#q-sort") == "prk-malejaco"
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_the_whole_list_and_a_way_to_compare_are_there(catalog_site, browser):
    context = _context(browser, 360, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(catalog_site.url + "?prk=999", wait_until="load")
        assert _visible_names(page) == [f["name"] for f in FACTS]
        assert page.eval_on_selector_all("ul.q-catalog > li", "items => items.every(li => li.offsetHeight > 0)")
        assert not page.is_visible(".q-filters")
        page.goto(catalog_site.url + "porownanie/", wait_until="load")
        assert not page.is_visible(".q-compare__choose")
        assert page.is_visible(".q-compare__without-script")
        for facts in FACTS:
            assert page.is_visible(f".q-compare__without-script a[href='../{facts['slug']}/']")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_choosing_two_qualifications_to_compare(catalog_site, browser, width):
    first, second = FACTS[0], FACTS[1]
    context = _context(browser, width)
    try:
        # From the catalog's link at the second entry: it stands first, the other beside it.
        page = _ready(context.new_page(), catalog_site.url)
        with page.expect_navigation(wait_until="load"):
            page.click(f".q-catalog__compare a[href='porownanie/?a={second['slug']}']")
        page.wait_for_selector("[data-compare][data-ready]", state="attached")
        heads = lambda: page.eval_on_selector_all(".q-compare__table thead th", "ths => ths.map(th => th.textContent)")
        cells = lambda row: page.eval_on_selector_all(f"[data-compare-row={row}] td", "tds => tds.map(td => td.textContent)")
        assert heads() == [second["name"], first["name"]]
        assert cells("hours") == [polish.hours(second["hours"]), polish.hours(first["hours"])]
        assert not page.is_visible(".q-compare__without-script")
        # By keyboard: the second select moved onto the first one's qualification says so; moved back, it does not.
        page.focus("#q-compare-b")
        page.keyboard.press("ArrowDown")
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('b') === {json.dumps(second['slug'])}")
        assert page.text_content("[data-compare-message]").strip()
        page.keyboard.press("ArrowUp")
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('b') === {json.dumps(first['slug'])}")
        assert page.text_content("[data-compare-message]") == ""
        assert parse_qs(urlsplit(page.url).query) == {"a": [second["slug"]], "b": [first["slug"]]}
        assert heads() == [second["name"], first["name"]]
        assert cells("sets") == [polish.count(f["sets"], "zestaw", "zestawy", "zestawów") for f in (second, first)]
        # The choice is in the address: a reload keeps it.
        page.reload(wait_until="load")
        page.wait_for_selector("[data-compare][data-ready]", state="attached")
        assert heads() == [second["name"], first["name"]]
        assert (page.input_value("#q-compare-a"), page.input_value("#q-compare-b")) == (second["slug"], first["slug"])
        # On a phone the table fits the screen's width: nothing scrolls sideways but its own box.
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "?prk={level}&kolejnosc=nazwa", "porownanie/", "porownanie/?a={slug}&b={slug}"])
def test_catalog_pages_have_no_wcag_violations(catalog_site, browser, axe_source, path, scheme):
    path = path.format(level=FACTS[0]["prk_level"], slug=FACTS[0]["slug"])
    for width in (1280, 360):
        context = _context(browser, width, color_scheme=scheme)
        try:
            marker = "[data-compare][data-ready]" if path.startswith("porownanie") else "[data-catalog-filters][data-ready]"
            page = _ready(context.new_page(), catalog_site.url + path, marker)
            assert axe_violations(page, axe_source) == [], f"{path} at {width} px"
        finally:
            context.close()


@pytest.mark.browser
def test_print_leaves_out_the_controls(catalog_site, browser):
    context = _context(browser)
    try:
        level = FACTS[0]["prk_level"]
        page = _ready(context.new_page(), catalog_site.url + f"?prk={level}")
        page.emulate_media(media="print")
        assert not page.is_visible(".q-filters__fields") and not page.is_visible("[data-catalog-reset]")
        assert page.is_visible("ul.q-catalog")
        # A filtered list says so on paper: the count of what it shows is printed.
        shown = sum(f["prk_level"] == level for f in FACTS)
        assert page.is_visible("[data-catalog-count]")
        assert page.text_content("[data-catalog-count]") == count_messages(len(FACTS))[shown]
        page = _ready(context.new_page(), catalog_site.url + "porownanie/", "[data-compare][data-ready]")
        page.emulate_media(media="print")
        assert not page.is_visible(".q-compare__choose") and page.is_visible(".q-compare__table")
    finally:
        context.close()


@pytest.mark.browser
def test_catalog_pages_are_valid_html(catalog_site):
    java = shutil.which("java")
    assert java and VNU.exists(), "the Nu Html Checker needs Java and `npm ci`"
    pages = [str(catalog_site.dir / path / "index.html") for path in ("", "porownanie")]
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    errors = json.loads(result.stderr or result.stdout)["messages"]
    assert [f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors if not allowed_by(e)] == []
