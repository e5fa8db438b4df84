"""The accessibility statement has the structure the ministry's validator checks.

"Warunki techniczne publikacji oraz struktura dokumentu elektronicznego Deklaracji Dostępności",
version 2.0 (Ministerstwo Cyfryzacji, 31 July 2024; copy: https://www.deklaracja-dostepnosci.info/dd-opis-2,
validator: https://www.deklaracja-dostepnosci.info/walidator): the validator finds the statement
through the link or the <meta name="deklaracja-dostępności"> tag, then looks for elements by their
`a11y-…` id, the dates in <time datetime="RRRR-MM-DD">, and the section headings.
Expectations come from publisher.yaml (the data under test), not from values written here.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from datafiles.problems import DataError
from sitegen.pages import render_pages
from sitegen.publisher import load_publisher
from sitegen.site_map import STATEMENT
from tests.data import DATA_DIR, PUBLISHER
from tests.test_data_as_text import real_data, to_html

STATEMENT_FILE = STATEMENT.url + "index.html"
ORIGIN = "https://example.test/"  # any origin: addresses are compared after resolving against it


def expected_ids(acc: dict) -> list[str]:
    """The ids the conditions define, in the order of the document, for this data: the ones that
    depend on the situation (a review done, excessive costs claimed, mobile apps, a separate
    description of the building, an external audit) only when the data has them."""
    ids = ["a11y-wstep", "a11y-podmiot", "a11y-zakres", "a11y-url",
           "a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-status"]
    if acc["status"] != "zgodna" and acc.get("excessive_costs"):
        ids.append("a11y-ocena")
    ids.append("a11y-data-sporzadzenie")
    if acc.get("reviewed"):
        ids.append("a11y-data-przeglad")
    if acc["method"] != "samoocena":
        ids.append("a11y-audytor")  # the auditor's name (version 1.0's id; harmless to a 2.0 check)
    ids += ["a11y-kontakt", "a11y-email", "a11y-telefon", "a11y-procedura"]
    if acc.get("mobile_apps"):
        ids.append("a11y-aplikacje")
    ids.append("a11y-architektura")
    if acc.get("architecture_url"):
        ids.append("a11y-architektura-url")
    ids.append("a11y-komunikacja")
    return ids


def expected_headings(acc: dict) -> list[str]:
    """Section titles of the conditions, in their order (h2, and h3 under them)."""
    titles = ["Deklaracja dostępności", "Stan dostępności cyfrowej"]
    if acc["status"] != "zgodna":
        titles.append("Niedostępne treści")
        for field, title in [("inaccessible", "Niezgodność z załącznikiem"), ("exempt", "Treści nieobjęte przepisami"),
                             ("excessive_costs", "Nadmierne koszty")]:
            if acc.get(field):
                titles.append(title)
    titles += ["Przygotowanie deklaracji dostępności i jej aktualizacja", "Skróty klawiszowe",
               "Informacje zwrotne i dane kontaktowe", "Obsługa wniosków i skarg związanych z dostępnością",
               "Pozostałe informacje"]
    if acc.get("mobile_apps"):
        titles.append("Aplikacje mobilne")
    return titles + ["Dostępność architektoniczna", "Dostępność komunikacyjno-informacyjna"]


DATES = {"a11y-data-publikacja": "published", "a11y-data-aktualizacja": "updated",
         "a11y-data-sporzadzenie": "prepared", "a11y-data-przeglad": "reviewed"}


def a11y_ids(document) -> list[str]:
    return [element["id"] for element in document.find_all(id=re.compile(r"^a11y-"))]


def headings(article) -> list[str]:
    return [" ".join(h.get_text(" ", strip=True).removesuffix("¶").split()) for h in article.find_all(["h1", "h2", "h3"])]


@pytest.fixture(scope="module")
def statement(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / STATEMENT_FILE).read_text(encoding="utf-8"), "html.parser")


# --- the built statement ---------------------------------------------------------------------------

def test_statement_has_every_required_id_once_in_the_order_of_the_conditions(statement):
    # The whole page, header and navigation included: an id repeated anywhere confuses the validator.
    assert a11y_ids(statement) == expected_ids(PUBLISHER["accessibility"])


def test_statement_headings_are_those_of_the_conditions_in_order(statement):
    assert headings(statement.find("article")) == expected_headings(PUBLISHER["accessibility"])


def test_dates_are_time_elements_with_the_dates_of_the_data(statement):
    acc = PUBLISHER["accessibility"]
    for element_id, field in DATES.items():
        element = statement.find(id=element_id)
        if field not in acc:
            assert element is None, f"{element_id}: no {field} in the data, so no element"
            continue
        assert element.name == "time", element_id
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", element["datetime"]), element_id
        date.fromisoformat(element["datetime"])  # a real day
        assert element["datetime"] == element.get_text(strip=True) == acc[field], element_id


def test_statement_names_the_entity_the_site_and_the_status_from_the_data(statement):
    name = PUBLISHER["name"] or "Instytucja publikująca tę stronę"
    assert statement.find(id="a11y-podmiot").get_text(strip=True) == name
    assert statement.find(id="a11y-zakres").get_text(strip=True) == "strony internetowej"
    # a11y-url is a link to the site the statement covers: its home page.
    link = statement.find(id="a11y-url")
    assert link.name == "a" and urljoin(ORIGIN + STATEMENT.url, link["href"]) == ORIGIN
    assert PUBLISHER["site_name"] in link.get_text()
    status = statement.find(id="a11y-status").get_text(" ", strip=True)
    assert f"jest {PUBLISHER['accessibility']['status']} z ustawą" in status
    wstep = statement.find(id="a11y-wstep")
    assert all(wstep.find(id=inner) for inner in ("a11y-podmiot", "a11y-zakres", "a11y-url"))


def test_contact_elements_hold_the_data_or_say_it_is_missing(statement):
    contact = PUBLISHER["contact"]
    for element_id, field in [("a11y-kontakt", "person"), ("a11y-email", "email"), ("a11y-telefon", "phone")]:
        text = statement.find(id=element_id).get_text(" ", strip=True)
        assert text == (contact[field] or text) and (contact[field] or "nie uzupełniono") in text, element_id
    if contact["email"]:
        assert statement.find(id="a11y-email")["href"] == f"mailto:{contact['email']}"


def test_every_page_names_the_statement_in_its_head(site: Path):
    # Pages a visitor opens; not the question forms under assets/, documents the tool pages fetch.
    pages = [path for path in site.rglob("*.html") if not path.relative_to(site).parts[0] == "assets"]
    assert len(pages) > 10
    for path in pages:
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        tags = document.head.find_all("meta", attrs={"name": "deklaracja-dostępności"})
        assert len(tags) == 1, path
        where = path.relative_to(site).as_posix().removesuffix("index.html")
        assert urljoin(ORIGIN + where, tags[0]["content"]) == ORIGIN + STATEMENT.url, path


# --- the same structure for data the site's own publisher.yaml does not have ------------------------

def rendered_statement(accessibility: dict, **publisher) -> BeautifulSoup:
    qualification, glossary, real_publisher, questions, interview = real_data()
    data = copy.deepcopy(real_publisher) | publisher
    data["accessibility"] = accessibility
    pages = render_pages(qualification, glossary, data, questions=questions, interview=interview)
    _, html = to_html(pages[STATEMENT.path])
    return BeautifulSoup(html, "html.parser")


def test_optional_elements_appear_when_the_data_has_them():
    acc = {**PUBLISHER["accessibility"], "status": "niezgodna", "method": "badanie przez podmiot zewnętrzny",
           "auditor": "Audytor Przykładowy", "exempt": ["Nagrania sprzed 23 września 2020 r."],
           "excessive_costs": ["Archiwalne skany: koszt dostosowania nieproporcjonalny (ocena z 2026-11-20)."],
           "mobile_apps": [{"name": "Aplikacja (Android)", "url": "https://example.org/app"}],
           "architecture_url": "https://example.org/budynek"}
    document = rendered_statement(acc, contact={"person": "Dział Dostępności", "email": "a@example.org",
                                                "phone": "+48 22 123 45 67"})
    assert a11y_ids(document) == expected_ids(acc)
    assert headings(document) == expected_headings(acc)
    assert document.find(id="a11y-audytor").get_text(strip=True) == "Audytor Przykładowy"
    assert document.find(id="a11y-architektura-url")["href"] == "https://example.org/budynek"
    assert document.find(id="a11y-aplikacje").find("a")["href"] == "https://example.org/app"
    assert document.find(id="a11y-email")["href"] == "mailto:a@example.org"
    assert document.find(id="a11y-telefon").get_text(strip=True) == "+48 22 123 45 67"


def test_before_the_first_review_there_is_no_review_date():
    acc = {key: value for key, value in PUBLISHER["accessibility"].items() if key != "reviewed"}
    document = rendered_statement(acc)
    assert document.find(id="a11y-data-przeglad") is None
    assert a11y_ids(document) == expected_ids(acc)


# --- bad statement data: a Polish message with file, line and field ----------------------------------

# (case id, (section, field), new value or None to delete it, marker of the expected line, field path, words)
STATEMENT_DATA_CASES = [
    ("phone_with_letters", ("contact", "phone"), "zadzwoń do nas", "phone:", "contact.phone",
     "wartość „zadzwoń do nas” ma zły format; oczekiwano: numer telefonu"),
    ("building_link_not_a_web_address", ("accessibility", "architecture_url"), "www.example.org/budynek",
     "architecture_url:", "accessibility.architecture_url", "ma zły format; oczekiwano: pełny adres zaczynający się od https://"),
    ("no_communication", ("accessibility", "communication"), None, "accessibility:",
     "accessibility.communication", "brak wymaganego pola „communication”"),
    ("empty_communication", ("accessibility", "communication"), "  ", "communication:",
     "accessibility.communication", "pole nie może być puste"),
    ("app_without_address", ("accessibility", "mobile_apps"), [{"name": "Aplikacja"}], "- name: Aplikacja",
     "accessibility.mobile_apps[0].url", "brak wymaganego pola „url”"),
    ("update_before_publication", ("accessibility", "updated"), "2020-01-01", "updated:",
     "accessibility.updated", "data ostatniej istotnej aktualizacji 2020-01-01 jest wcześniejsza niż data publikacji"),
    ("review_before_preparation", ("accessibility", "reviewed"), "2020-01-01", "reviewed:",
     "accessibility.reviewed", "data przeglądu deklaracji 2020-01-01 jest wcześniejsza niż data jej sporządzenia"),
    ("external_audit_without_auditor", ("accessibility", "method"), "badanie przez podmiot zewnętrzny", "method:",
     "accessibility.method", "podaj w polu „auditor”, kto przeprowadził badanie"),
    ("not_a_day", ("accessibility", "prepared"), "2026-02-30", "prepared:",
     "accessibility.prepared", "„2026-02-30” nie jest poprawną datą"),
]


@pytest.mark.parametrize("section_field, value, marker, path, words", [case[1:] for case in STATEMENT_DATA_CASES],
                         ids=[case[0] for case in STATEMENT_DATA_CASES])
def test_bad_statement_data_is_reported_in_polish_with_line_and_field(tmp_path, section_field, value, marker, path, words):
    data = yaml.safe_load((DATA_DIR / "publisher.yaml").read_text(encoding="utf-8"))
    section, field = section_field
    if value is None:
        del data[section][field]
    else:
        data[section][field] = value
    file = tmp_path / "publisher.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_publisher(file)
    [problem] = caught.value.problems
    assert (problem.file, problem.path) == ("publisher.yaml", path)
    assert words in problem.message
    lines = file.read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].lstrip().startswith(marker), (problem.line, marker)


def test_status_must_agree_with_the_list_of_inaccessible_content(tmp_path):
    data = yaml.safe_load((DATA_DIR / "publisher.yaml").read_text(encoding="utf-8"))
    acc = data["accessibility"]
    acc["status"] = "zgodna" if not acc["inaccessible"] else "częściowo zgodna"
    acc["inaccessible"] = ["Pliki PDF bez struktury."] if acc["status"] == "zgodna" else []
    acc.pop("exempt", None), acc.pop("excessive_costs", None)
    file = tmp_path / "publisher.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_publisher(file)
    [problem] = caught.value.problems
    assert problem.path == "accessibility.status" and "status „" in problem.message
