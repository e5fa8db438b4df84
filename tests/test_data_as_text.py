"""Data is text: no data field can become an element, an attribute or a link on a page.

Unit checks of the one escape and of the rich-text subset, then a property test: arbitrary
strings (with <, ", ', {, }, &, Markdown and attr_list syntax) in every text field of every
data file, rendered by sitegen and converted by Python-Markdown with the extensions from
mkdocs.yml, give pages with exactly the elements and attributes of a plain-text render.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.glossary import load_glossary
from sitegen.page_text import escape_text
from sitegen.pages import PAGES, render_pages, render_question_parts
from datafiles.problems import DataError
from sitegen.publisher import load_publisher
from datafiles.qualification import load_qualification
from sitegen.rich_text import link_problems, render_rich_text
from datafiles.bank import load_bank
from tests.data_payloads import replace_bank_text, replace_text

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = "X\"><script>alert(1)</script><img src=x onerror=alert(2)>{: onclick=alert(3) }[L](javascript:alert(4))"


# --- the markdown the site engine runs, from mkdocs.yml -------------------------------------

class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


@lru_cache(maxsize=None)
def markdown_config() -> tuple[list, dict]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, settings_ = [], {}
    for entry in config["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        settings_[name] = dict(options or {})
    return names, settings_


def to_html(page_markdown: str) -> tuple[dict, str]:
    _, front, body = page_markdown.split("---\n", 2)
    names, configs = markdown_config()
    return yaml.safe_load(front), markdown.markdown(body, extensions=names, extension_configs=configs)


class _Structure(HTMLParser):
    """Every element with its attribute names, and every attribute that could run or lead somewhere."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.danger: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag != "abbr":  # glossary marks depend on the words of the text, not on its markup
            self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        for name, value in attrs:
            if name.startswith("on"):
                self.danger.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.danger.append(f"<{tag} {name}={value}>")
        if tag == "script":
            self.danger.append("<script>")

    def handle_data(self, data):
        self.text.append(data)


def structure_of(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    return parser


# --- one escape for text, HTML and attributes ------------------------------------------------

@pytest.mark.parametrize("text", [
    PAYLOAD, "# heading", "- item", "1. item", "> quote", "!!! note", "a | b", "Z*1*", "__x__", "`code`",
    "*[ZSK]: tooltip", "<!-- comment -->", "&amp; &lt;", "line\n\n- new block", "{ #id .class }",
])
def test_escaped_text_reads_as_written_in_markdown_and_html(text):
    _, html = to_html(f"---\ntitle: t\n---\n\n{escape_text(text)}\n\n<p>{escape_text(text)}</p>\n")
    parsed = structure_of(html)
    assert parsed.elements == [("p", ()), ("p", ())]
    assert parsed.danger == []
    shown = " ".join(text.split())
    assert "".join(parsed.text).split("\n") == [shown, shown]


def test_no_break_space_and_word_underscores_are_kept():
    assert escape_text("1950\u00a0zł") == "1950\u00a0zł"
    assert escape_text("ZRK_FKU_Zarządzanie") == "ZRK_FKU_Zarządzanie"


# --- the rich-text subset ---------------------------------------------------------------------

PAGE_PATHS = {spec.path for spec in PAGES}


@pytest.mark.parametrize("text, expected", [
    ("[L](javascript:alert(1))", "niedozwolony adres (javascript:)"),
    ("[L](JaVaScRiPt&#58;alert(1))", "niedozwolony adres (javascript:)"),
    ("[L](data:text/html,<b>x</b>)", "niedozwolony adres (data:)"),
    ("[L](nie-ma-takiej.md)", "prowadzi do strony, której nie ma"),
    ("![obraz](https://example.org/x.png)", "obrazy nie są dozwolone"),
    ("[L](//example.org/x)", "niepoprawny adres"),
])
def test_rich_text_refuses_links_the_subset_does_not_allow(text, expected):
    problems = link_problems(text, PAGE_PATHS)
    assert len(problems) == 1 and expected in problems[0]


def test_rich_text_allows_site_pages_and_web_addresses():
    page = next(iter(PAGE_PATHS))
    assert link_problems(f"[a]({page}#x) [b](https://example.org/) [c](mailto:a@b.pl) [d](#x)", PAGE_PATHS) == []


def test_rich_text_shows_raw_html_as_text_and_resolves_page_links():
    html = str(render_rich_text("**B** <script>alert(1)</script> <img src=x onerror=alert(2)> [w](walidacja.md#metody)",
                                lambda path: "../" + path[:-3] + "/"))
    parsed = structure_of(html)
    assert parsed.danger == []
    assert ("a", ("href",)) in parsed.elements and ("strong", ()) in parsed.elements
    assert 'href="../walidacja/#metody"' in html
    assert "<script>alert(1)</script>" in "".join(parsed.text)


def test_glossary_definition_with_a_bad_link_is_a_data_error_with_file_line_and_field(tmp_path):
    data = yaml.safe_load((ROOT / "glossary.yaml").read_text(encoding="utf-8"))
    data["terms"][1]["definition"] = "Zobacz [tutaj](javascript:alert(1))."
    path = tmp_path / "glossary.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_glossary(path)
    [problem] = error.value.problems
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "javascript:" in text)
    assert (problem.file, problem.path) == ("glossary.yaml", "terms[1].definition")
    assert problem.line in (line, line - 1)  # the key's line; the value may follow on the next
    assert "javascript:" in problem.message


def test_an_email_with_markup_is_refused_by_the_schema(tmp_path):
    data = yaml.safe_load((ROOT / "publisher.yaml").read_text(encoding="utf-8"))
    data["contact"]["email"] = "x<svg/onload=alert(1)>@example.pl"
    path = tmp_path / "publisher.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_publisher(path)
    assert [p.path for p in error.value.problems] == ["contact.email"]


# --- the property: every text field of every data file stays text ------------------------------

@lru_cache(maxsize=None)
def real_data():
    qualification = load_qualification(ROOT / "qualification.yaml")
    glossary = load_glossary(ROOT / "glossary.yaml")
    publisher = load_publisher(ROOT / "publisher.yaml")
    bank, _ = load_bank(ROOT, qualification)
    questions = [question.display() for question in bank.questions.values()]
    return qualification, glossary, publisher, questions, list(bank.interview.values())


def render_with(text: str) -> dict[str, tuple[dict, str]]:
    qualification, glossary, publisher, questions, interview = real_data()
    pages = render_pages(
        replace_text(copy.deepcopy(qualification), "qualification.schema.json", text),
        replace_text(copy.deepcopy(glossary), "glossary.schema.json", text),
        replace_text(copy.deepcopy(publisher), "publisher.schema.json", text),
        questions=replace_bank_text(questions, lambda: text), interview=replace_bank_text(interview, lambda: text),
    )
    rendered = {path: to_html(page) for path, page in pages.items()}
    # The question forms the tool pages fetch: HTML as the browser gets it.
    for part, html in render_question_parts(replace_bank_text(questions, lambda: text)).items():
        rendered[f"questions/{part}.html"] = ({"description": "opis"}, html)
    return rendered


@lru_cache(maxsize=None)
def plain_structure() -> dict[str, list]:
    return {path: structure_of(html).elements for path, (_, html) in render_with("Tekst").items()}


HOSTILE = st.text(alphabet=st.sampled_from(list("<>\"'&{}[]()*_`#|!\\:;=/-+. \n\tabcXYZ019ąęó")) | st.characters(),
                  min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE | st.just(PAYLOAD) | st.just("a\x02b\x03c\x00") | st.just("<\xa0"))
def test_any_text_in_any_field_is_shown_as_text(text):
    expected = plain_structure()
    shown = re.sub(r"[ \t\r\n\f\v]+", " ", re.sub(r"[\x00-\x08\x0e-\x1f\x7f]", "\ufffd", text.strip())).strip()
    rendered = render_with(text)
    for path, (meta, html) in rendered.items():
        parsed = structure_of(html)
        assert parsed.danger == [], path
        assert parsed.elements == expected[path], f"{path}: data changed the page's markup"
        # The theme prints meta as it is: parsing it as an attribute gives back the text.
        attribute = structure_of(f'<meta content="{meta["description"]}">')
        assert attribute.elements == [("meta", ("content",))]
    index_text = "".join(structure_of(rendered["index.md"][1]).text)
    assert shown in index_text
