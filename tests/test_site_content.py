"""The built site shows the whole qualification, faithfully, where a reader expects it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.pages import PAGES
from sitegen.qualification import anchor
from tests.conftest import ROOT
from tests.form_text import form_sets, normalise

QUALIFICATION = yaml.safe_load((ROOT / "qualification.yaml").read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load((ROOT / "glossary.yaml").read_text(encoding="utf-8"))


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


def test_yaml_sets_outcomes_and_criteria_match_the_form_text():
    form = form_sets()
    data = QUALIFICATION["sets"]
    assert [(s["name"], s["hours"]) for s in form] == [(s["name"], s["hours"]) for s in data]
    for form_set, data_set in zip(form, data):
        assert [o["text"] for o in form_set["outcomes"]] == [o["text"] for o in data_set["outcomes"]]
        for form_outcome, data_outcome in zip(form_set["outcomes"], data_set["outcomes"]):
            assert form_outcome["criteria"] == [normalise(c["text"]) for c in data_outcome["criteria"]]


def test_form_has_2_sets_8_outcomes_and_38_criteria():
    outcomes = [o for s in QUALIFICATION["sets"] for o in s["outcomes"]]
    assert (len(QUALIFICATION["sets"]), len(outcomes), sum(len(o["criteria"]) for o in outcomes)) == (2, 8, 38)


def test_every_set_outcome_and_criterion_appears_under_its_anchor(site):
    page = soup(site, "efekty-uczenia-sie/index.html")
    for number, form_set in enumerate(form_sets(), 1):
        set_id = f"Z{number}"
        heading = page.find(id=anchor(set_id))
        assert heading is not None and form_set["name"] in text_of(heading)
        for o, form_outcome in enumerate(form_set["outcomes"], 1):
            outcome_id = f"{set_id}.E{o}"
            heading = page.find(id=anchor(outcome_id))
            assert heading is not None, outcome_id
            assert text_of(heading).startswith(f"{outcome_id} {form_outcome['text']}")
            for k, criterion in enumerate(form_outcome["criteria"], 1):
                criterion_id = f"{outcome_id}.K{k}"
                item = page.find(id=anchor(criterion_id))
                assert item is not None, criterion_id
                assert text_of(item) == f"{criterion_id} {criterion}"


def test_anchors_are_lower_case_with_dashes(site):
    page = soup(site, "efekty-uczenia-sie/index.html")
    assert page.find("li", id="z1-e1-k1") and page.find("li", id="z2-e5-k6")
    assert page.find("a", href="#z2-e3-k4").get_text() == "Z2.E3.K4"


def test_set_hours_and_levels_are_shown(site):
    page = soup(site, "efekty-uczenia-sie/index.html")
    for set_id, hours in [("z1", 20), ("z2", 40)]:
        badges = page.find(id=set_id).find_next_sibling("p", class_="q-badges")
        assert text_of(badges) == f"{set_id.upper()} Poziom 4 PRK {hours} godzin Zestaw obowiązkowy"


@pytest.mark.parametrize("fact", [
    "kwalifikacja cząstkowa", "Poziom 4 PRK / EQF", "60 godzin", "46 godzin", "14 godzin",
    "Koszt 1950 zł", "Certyfikat ważny 5 lat", "co najmniej 1 rok pracy z systemem CRM",
    "Fundacja VCC", "Ministerstwo Przedsiębiorczości i Technologii",
])
def test_overview_states_key_fact(site, fact):
    assert fact in text_of(soup(site, "index.html").find("article"))


@pytest.mark.parametrize("fact", [
    "341 — Handel hurtowy i detaliczny",
    "62.09 — Pozostała działalność usługowa w zakresie technologii informatycznych i komputerowych",
    "Fundacja VCC", "Ministerstwo Przedsiębiorczości i Technologii", "7123281299", "061608116",
    "0000479551", "Radosław Panas — Prezes Zarządu", "Matki Teresy z Kalkuty 18 lok.16, 20-538 Lublin",
    "ZRK_FKU_Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM",
])
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
        assert method["name"] in page
    assert "Nie określa się wymagań." in page


def test_certificate_page_quotes_validity_and_renewal_rule(site):
    page = text_of(soup(site, "certyfikat/index.html").find("article"))
    assert normalise(QUALIFICATION["certificate"]["validity_text"]) in page
    assert "analiza dowodów i deklaracji" in page


def test_overview_carries_schema_org_credential(site):
    script = soup(site, "index.html").find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "EducationalOccupationalCredential"
    assert data["name"] == QUALIFICATION["name"]
    assert data["educationalLevel"]["termCode"] == "4"
    assert data["validFor"] == "P5Y" and data["timeRequired"] == "PT60H"
    assert data["offers"]["price"] == 1950 and data["offers"]["priceCurrency"] == "PLN"
    assert len(data["competencyRequired"]) == 8


@pytest.mark.parametrize("spec", PAGES, ids=[spec.path for spec in PAGES])
def test_every_page_has_language_title_and_description(site, spec):
    page = soup(site, page_file(spec))
    assert page.html["lang"] == "pl"
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert len(description) > 40 and description != page.find("title").get_text()


def test_sitemap_lists_every_page(site):
    tree = ElementTree.parse(site / "sitemap.xml")
    locations = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locations == {"http://127.0.0.1:8000/" + spec.url for spec in PAGES}


def test_glossary_page_explains_every_term_under_its_anchor(site):
    page = soup(site, "slowniczek/index.html")
    for term in GLOSSARY["terms"]:
        heading = page.find(id=term["id"])
        assert heading is not None and term["term"] in text_of(heading)
    for required in ["zsk", "zrk", "prk", "walidacja", "certyfikacja", "asesor", "komisja-walidacyjna",
                     "kwalifikacja-czastkowa", "lead", "szansa-sprzedazy", "etap-sprzedazy", "lejek-sprzedazy",
                     "segmentacja", "smart", "rodo"]:
        assert page.find(id=required) is not None, required


def test_glossary_terms_show_as_tooltips_where_they_occur(site):
    page = soup(site, "walidacja/index.html").find("article")
    titles = {abbr.get_text(): abbr["title"] for abbr in page.find_all("abbr")}
    walidacja = next(t for t in GLOSSARY["terms"] if t["id"] == "walidacja")
    assert titles.get("walidacji") == walidacja["tooltip"]
    assert "komisja walidacyjna" in titles
    outcomes = soup(site, "efekty-uczenia-sie/index.html").find("article")
    assert "SMART" in {abbr.get_text() for abbr in outcomes.find_all("abbr")}


def test_print_view_holds_the_whole_qualification(site):
    page = soup(site, "druk/index.html").find("article")
    text = text_of(page)
    for qset in QUALIFICATION["sets"]:
        for outcome in qset["outcomes"]:
            for criterion in outcome["criteria"]:
                assert page.find(id=anchor(criterion["id"])) is not None
                assert normalise(criterion["text"]) in text
    for fact in [normalise(QUALIFICATION["demand"]), normalise(QUALIFICATION["certificate"]["validity_text"]),
                 "341 — Handel hurtowy i detaliczny", "Procedura odwoławcza"]:
        assert fact in text


def test_open_data_downloads_are_published_and_consistent(site):
    data_dir = site / "dane"
    assert (data_dir / "qualification.yaml").read_bytes() == (ROOT / "qualification.yaml").read_bytes()
    as_json = json.loads((data_dir / "qualification.json").read_text(encoding="utf-8"))
    assert as_json == QUALIFICATION
    schema = json.loads((data_dir / "qualification.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(as_json)
    page = soup(site, "otwarte-dane/index.html")
    links = {a["href"] for a in page.find("article").find_all("a", href=True)}
    assert {"../dane/qualification.yaml", "../dane/qualification.json", "../dane/qualification.schema.json"} <= links


def test_yaml_points_editors_to_the_schema():
    first_line = (ROOT / "qualification.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=schemas/qualification.schema.json"


def test_accessibility_statement_has_the_required_sections(site):
    text = text_of(soup(site, "deklaracja-dostepnosci/index.html").find("article"))
    for required in ["ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej", "Data publikacji strony internetowej",
                     "Data ostatniej istotnej aktualizacji", "częściowo zgodna", "Treści niedostępne",
                     "Data sporządzenia deklaracji", "samooceny", "Informacje zwrotne i dane kontaktowe",
                     "Procedura wnioskowo-skargowa", "Rzecznika Praw Obywatelskich", "Dostępność architektoniczna"]:
        assert required in text, required


def test_empty_form_fields_stay_empty(site):
    text = text_of(soup(site, "dane-formalne/index.html").find("article"))
    assert re.search(r"Skrót nazwy \(pole w formularzu puste\)", text)
    assert re.search(r"Status \(pole w formularzu puste\)", text)
