"""The built site shows the whole qualification, faithfully, where a reader expects it.

Expectations come from the data files (tests/data.py), so the same tests hold for any
qualification; checks against this qualification's form text are marked `content`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from bs4 import BeautifulSoup

from datafiles.bank import load_bank
from lms import FORMATS, Export
from lms.gift import left_out
from selfcheck import polish
from sitegen.catalog import default_slug
from datafiles.qualification import anchor
from sitegen.site_map import STATEMENT
from tests.data import CRITERIA, DATA_DIR, GLOSSARY, OUTCOMES, PAGES, PUBLISHER, QUALIFICATION, RENEWAL
from tests.form_text import form_sets, normalise
from tests.lms_readers import gift_questions, moodle_import, parse_gift


def page_file(spec) -> str:
    """The built file of a page: "walidacja/index.html" (directory URLs)."""
    return spec.url + "index.html"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    """Visible text with single spaces; inline tags (abbr, a) leave no gap before punctuation."""
    text = normalise(element.get_text(" "))
    text = re.sub(r"\s+([.,;:!?)”])", r"\1", text)
    return re.sub(r"([(„])\s+", r"\1", text)


@pytest.mark.content
def test_yaml_sets_outcomes_and_criteria_match_the_form_text():
    form = form_sets()
    data = QUALIFICATION["sets"]
    assert [(s["name"], s["hours"]) for s in form] == [(s["name"], s["hours"]) for s in data]
    for form_set, data_set in zip(form, data):
        assert [o["text"] for o in form_set["outcomes"]] == [o["text"] for o in data_set["outcomes"]]
        for form_outcome, data_outcome in zip(form_set["outcomes"], data_set["outcomes"]):
            assert form_outcome["criteria"] == [normalise(c["text"]) for c in data_outcome["criteria"]]


@pytest.mark.content
def test_form_has_2_sets_8_outcomes_and_38_criteria():
    assert (len(QUALIFICATION["sets"]), len(OUTCOMES), len(CRITERIA)) == (2, 8, 38)


def test_every_set_outcome_and_criterion_appears_under_its_anchor(site):
    page = soup(site, "efekty-uczenia-sie/index.html")
    for qset in QUALIFICATION["sets"]:
        heading = page.find(id=anchor(qset["id"]))
        assert heading is not None and normalise(qset["name"]) in text_of(heading)
        for outcome in qset["outcomes"]:
            heading = page.find(id=anchor(outcome["id"]))
            assert heading is not None, outcome["id"]
            assert text_of(heading).startswith(f"{outcome['id']} {normalise(outcome['text'])}")
            for criterion in outcome["criteria"]:
                item = page.find(id=anchor(criterion["id"]))
                assert item is not None, criterion["id"]
                assert text_of(item) == f"{criterion['id']} {normalise(criterion['text'])}"


def test_anchors_are_lower_case_with_dashes(site):
    page = soup(site, "efekty-uczenia-sie/index.html")
    for criterion in (CRITERIA[0], CRITERIA[-1]):
        expected = criterion["id"].lower().replace(".", "-")
        assert page.find("li", id=expected) is not None
        assert page.find("a", href=f"#{expected}").get_text() == criterion["id"]


def test_set_hours_and_levels_are_shown(site):
    page = soup(site, "efekty-uczenia-sie/index.html")
    for qset in QUALIFICATION["sets"]:
        badges = page.find(id=anchor(qset["id"])).find_next_sibling("p", class_="q-badges")
        assert text_of(badges) == (f"{qset['id']} Poziom {qset['prk_level']} PRK {polish.hours(qset['hours'])} "
                                   f"Zestaw {qset['kind']}")


def overview_facts() -> list[str]:
    q, certificate = QUALIFICATION, QUALIFICATION["certificate"]
    facts = [q["kind"], f"Poziom {q['prk_level']} PRK / EQF", polish.hours(q["effort"]["hours"]),
             polish.hours(q["effort"]["learning_hours"]), polish.hours(q["effort"]["self_study_hours"]),
             f"Koszt {polish.pln(q['cost_pln'])}".replace("\u00a0", " "),
             q["institutions"]["applicant"], q["institutions"]["minister"]]
    if certificate.get("validity_years") is None:
        facts.append("Certyfikat bezterminowy")
    else:
        facts.append(f"Certyfikat ważny {polish.years(certificate['validity_years'])}")
    if RENEWAL:
        facts.append(f"co najmniej {polish.years_genitive(RENEWAL['min_practice_years'])} {RENEWAL['practice']}")
    return facts


@pytest.mark.parametrize("fact", overview_facts())
def test_overview_states_key_fact(site, fact):
    assert normalise(fact) in text_of(soup(site, "index.html").find("article")).replace("\u00a0", " ")


@pytest.mark.content
@pytest.mark.parametrize("fact", ["co najmniej 1 roku pracy z systemem CRM", "Certyfikat ważny 5 lat", "Koszt 1950 zł"])
def test_overview_words_this_qualification_as_the_form_does(site, fact):
    assert fact in text_of(soup(site, "index.html").find("article")).replace("\u00a0", " ")


def formal_facts() -> list[str]:
    q, applicant = QUALIFICATION, QUALIFICATION["applicant"]
    facts = [f"{q['codes']['education_field']['code']} — {q['codes']['education_field']['name']}",
             *(f"{pkd['code']} — {pkd['name']}" for pkd in q["codes"]["pkd"]),
             q["institutions"]["applicant"], q["institutions"]["minister"],
             applicant["name"], applicant["address"], applicant["nip"], applicant["regon"], applicant["krs"],
             *(f"{r['person']} — {r['role']}" for r in applicant["representation"]),
             *(doc["title"] for doc in q["documents"])]
    return [normalise(fact) for fact in facts if fact]


@pytest.mark.parametrize("fact", formal_facts())
def test_formal_data_page_states(site, fact):
    assert fact in text_of(soup(site, "dane-formalne/index.html").find("article"))


def test_validation_page_holds_every_requirement_of_the_form(site):
    page = text_of(soup(site, "walidacja/index.html").find("article"))
    v = QUALIFICATION["validation"]["verification"]
    blocks = [v["methods"]["intro"], *v["methods"]["text"], *v["staff"]["text"], *v["staff"]["exam_operator"]["text"],
              *v["staff"]["commission"]["text"], *v["staff"]["impartiality"]["text"], *v["organisation"]["text"],
              *v["organisation"]["appeal"]]
    for block in blocks:
        for paragraph in ([block] if isinstance(block, str) else block):
            assert normalise(paragraph) in page
    for method in v["methods"]["list"]:
        assert normalise(method["name"]) in page


@pytest.mark.content
def test_validation_page_states_there_are_no_requirements_for_identification(site):
    assert "Nie określa się wymagań." in text_of(soup(site, "walidacja/index.html").find("article"))


def test_certificate_page_quotes_validity_and_renewal_rule(site):
    page = text_of(soup(site, "certyfikat/index.html").find("article"))
    assert normalise(QUALIFICATION["certificate"]["validity_text"]) in page
    if RENEWAL:
        method = next(m for m in QUALIFICATION["validation"]["verification"]["methods"]["list"] if m["id"] == RENEWAL["method"])
        assert normalise(method["name"]) in page
    else:
        assert "bezterminowo" in page and "przedłuż" in page


def test_overview_carries_schema_org_credential(site):
    script = soup(site, "index.html").find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "EducationalOccupationalCredential"
    assert data["name"] == QUALIFICATION["name"]
    assert data["educationalLevel"]["termCode"] == str(QUALIFICATION["prk_level"])
    assert data["timeRequired"] == f"PT{QUALIFICATION['effort']['hours']}H"
    validity = QUALIFICATION["certificate"].get("validity_years")
    assert data.get("validFor") == (f"P{validity}Y" if validity is not None else None)
    assert data["offers"]["price"] == QUALIFICATION["cost_pln"] and data["offers"]["priceCurrency"] == "PLN"
    assert [c["termCode"] for c in data["competencyRequired"]] == [o["id"] for o in OUTCOMES]


@pytest.mark.parametrize("spec", PAGES, ids=[spec.path for spec in PAGES])
def test_every_page_has_language_title_and_description(site, spec):
    page = soup(site, page_file(spec))
    assert page.html["lang"] == "pl"
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert len(description) > 40 and description != page.find("title").get_text()


def test_without_a_site_url_pages_name_no_canonical_address(site, site_root):
    # A local build does not know where the site will live: no canonical link to a made-up address.
    # (With SITE_URL, as on GitHub Pages, the browser tests check the sitemap and navigation.)
    for spec in PAGES:
        assert soup(site, page_file(spec)).find("link", rel="canonical") is None, spec.path
    tree = ElementTree.parse(site_root / "sitemap.xml")
    assert list(tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")) == []


def test_glossary_page_explains_every_term_under_its_anchor(site):
    page = soup(site, "slowniczek/index.html")
    for term in GLOSSARY["terms"]:
        heading = page.find(id=term["id"])
        assert heading is not None and normalise(term["term"]) in text_of(heading)
    for group in GLOSSARY["groups"]:
        assert normalise(group["heading"]) in text_of(page.find(id=f"pojecia-{group['id']}"))


@pytest.mark.content
def test_glossary_explains_the_terms_candidates_meet():
    ids = {term["id"] for term in GLOSSARY["terms"]}
    assert {"zsk", "zrk", "prk", "walidacja", "certyfikacja", "asesor", "komisja-walidacyjna", "kwalifikacja-czastkowa",
            "lead", "szansa-sprzedazy", "etap-sprzedazy", "lejek-sprzedazy", "segmentacja", "smart", "rodo"} <= ids


def test_glossary_terms_show_as_tooltips_where_they_occur(site):
    page = soup(site, "walidacja/index.html").find("article")
    titles = {abbr["title"] for abbr in page.find_all("abbr")}
    text = text_of(page)
    used = []
    # Longer forms first: "komisja walidacyjna" is marked as one phrase, so its words are not marked again.
    for form, term in sorted(((f, t) for t in GLOSSARY["terms"] for f in t["forms"]), key=lambda pair: -len(pair[0])):
        pattern = rf"(?<!\w){re.escape(form)}(?!\w)"
        if re.search(pattern, text):
            used.append(term["id"])
            assert term["tooltip"] in titles, form
            text = re.sub(pattern, " ", text)
    assert used, "the validation page should use at least one glossary term"


def test_print_view_holds_the_whole_qualification(site):
    page = soup(site, "druk/index.html").find("article")
    text = text_of(page)
    for qset in QUALIFICATION["sets"]:
        for outcome in qset["outcomes"]:
            for criterion in outcome["criteria"]:
                assert page.find(id=anchor(criterion["id"])) is not None
                assert normalise(criterion["text"]) in text
    codes = QUALIFICATION["codes"]["education_field"]
    for fact in [normalise(QUALIFICATION["demand"]), normalise(QUALIFICATION["certificate"]["validity_text"]),
                 normalise(f"{codes['code']} — {codes['name']}"), "Procedura odwoławcza"]:
        assert fact in text


def test_open_data_downloads_are_published_and_consistent(site):
    data_dir = site / "dane"
    assert (data_dir / "qualification.yaml").read_bytes() == (DATA_DIR / "qualification.yaml").read_bytes()
    as_json = json.loads((data_dir / "qualification.json").read_text(encoding="utf-8"))
    assert as_json == QUALIFICATION
    schema = json.loads((data_dir / "qualification.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(as_json)
    page = soup(site, "otwarte-dane/index.html")
    links = {a["href"] for a in page.find("article").find_all("a", href=True)}
    assert {"../dane/qualification.yaml", "../dane/qualification.json", "../dane/qualification.schema.json"} <= links


def test_the_teachers_page_offers_each_lms_file_of_the_bank_and_the_files_read_back(site):
    # Every registered format's file, built from the bank, beside the page; the page links to it and
    # says its format, size and what it keeps and loses; Moodle XML reads back as Moodle imports it and
    # GIFT through a real GIFT parser (the round trips are tests/test_lms_moodle.py and test_lms_gift.py).
    spec = next(spec for spec in PAGES if spec.template == "teachers.md.j2")
    page = soup(site, page_file(spec))
    article = page.find("article")
    bank, _ = load_bank(DATA_DIR, QUALIFICATION)
    export = Export.from_data(QUALIFICATION, bank)
    links = {a["href"]: a for a in article.find_all("a", href=True)}
    for chosen in FORMATS.values():
        name = chosen.file_name(default_slug(QUALIFICATION))
        assert name in links, name
        written = site / spec.url / name
        assert written.read_bytes() == chosen.render(export)
        row = text_of(links[name].find_parent("div", class_="q-download"))
        for fact in (chosen.label, polish.file_size(written.stat().st_size), chosen.keeps, chosen.loses):
            assert normalise(fact) in row, fact
    by_format = {chosen.name: site / spec.url / chosen.file_name(default_slug(QUALIFICATION)) for chosen in FORMATS.values()}
    assert {entry["idnumber"] for entry in moodle_import(by_format["moodle"].read_bytes())} == \
        set(bank.questions) | set(bank.interview)
    assert {entry["id"] for entry in gift_questions(parse_gift(by_format["gift"]))} == \
        {qid for qid, question in bank.questions.items() if not left_out(question)} | set(bank.interview)
    assert "Import do Moodle" in text_of(article)


def test_yaml_points_editors_to_the_schema():
    first_line = (DATA_DIR / "qualification.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=schemas/qualification.schema.json"


def test_accessibility_statement_has_the_required_sections(site_root):
    # One statement for the whole site: a catalog's covers all its qualifications, at its root.
    text = text_of(soup(site_root, STATEMENT.url + "index.html").find("article"))
    for required in ["ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej", "Data publikacji strony internetowej",
                     "Data ostatniej istotnej aktualizacji", PUBLISHER["accessibility"]["status"],
                     "Data sporządzenia deklaracji", "Informacje zwrotne i dane kontaktowe",
                     "Obsługa wniosków i skarg związanych z dostępnością", "nie później niż w ciągu 7 dni",
                     "Rzecznika Praw Obywatelskich", "Dostępność architektoniczna",
                     "Dostępność komunikacyjno-informacyjna"]:
        assert required in text, required


def test_empty_form_fields_stay_empty(site):
    text = text_of(soup(site, "dane-formalne/index.html").find("article"))
    for label, value in [("Skrót nazwy", QUALIFICATION["short_name"]), ("Status", QUALIFICATION["status"])]:
        expected = "(pole w formularzu puste)" if not value else normalise(value)
        assert f"{label} {expected}" in text


def test_self_check_pages_say_the_date_of_their_legal_status(site):
    """The date the bank was checked against the law (publisher.yaml) stands on every quiz page."""
    from datetime import date

    if "self_check" not in PUBLISHER:
        pytest.skip("this publisher keeps no legal-status date")
    expected = f"Stan prawny na dzień {polish.long_date(date.fromisoformat(PUBLISHER['self_check']['legal_status']))}"
    quiz_pages = [spec for spec in PAGES if spec.script and spec.path.startswith("samoocena/")]
    assert quiz_pages
    for spec in quiz_pages:
        assert expected in soup(site, page_file(spec)).get_text(" "), spec.path
