"""The site search's index: one JSON file per qualification, made from the generated pages.

`search_index(...)` reads the Markdown pages `pages.py` renders (the same text every engine turns
into HTML), cuts each into sections at its headings (heading, anchor, text) and writes them with
what the browser needs to search them the Polish way (search_forms.py): the stemming rules, the
stems that belong together, the synonym groups. Pages are known by the page registry
(site_map.py): a tool page whose text is not an answer (the exercises, the mock test, the practical
tasks) is found by its purpose only, its title, description and `search_keywords`; the print view
by its purpose; every other page by its text as well.

Nothing here knows the engine: the headings' anchors are the ids the pages give them, else the ids
the site's slugify gives (sitegen.slugs), which every engine is configured with.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

from selfcheck import polish

from . import search_forms
from .site_map import PageSpec
from .slugs import slugify

FORMAT = "kwalifikacja-search"
VERSION = 1
FOLDER = "search"  # the site folder of the index files: search/<qualification>.json
MAX_PHRASE_WORDS = 5  # longer glossary names are not used as synonyms

# What our pages are written with (mkdocs.yml `markdown_extensions`, and fenced code, which MkDocs
# always adds), to read their text.
_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "fenced_code", "md_in_html", "tables", "toc"]
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HEADINGS = {"h1", "h2", "h3", "h4"}
# Text that is not the page's content: scripts, the no-script notice, the tools' status lines and
# buttons, form fields, hidden parts.
_SKIPPED = {"script", "style", "template", "noscript", "button", "textarea", "select", "progress"}
_SKIPPED_CLASSES = {"sc-status", "sc-screen-only", "headerlink"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCKS = {"p", "li", "dt", "dd", "div", "td", "th", "tr", "blockquote", "section", "summary", "legend",
           "label", "pre", "ol", "ul", "dl", "table", "details", "form", "fieldset"}


@dataclass
class Section:
    anchor: str
    heading: str
    text_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


class _Sections(HTMLParser):
    """HTML cut at its headings: [Section(anchor, heading, text)], the text before any heading first."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", "")]
        self._skip_depth = 0      # inside skipped elements (a stack depth, void elements never count)
        self._stack: list[bool] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        attributes = dict(attrs)
        skipped = (tag in _SKIPPED or "hidden" in attributes
                   or bool(_SKIPPED_CLASSES & set((attributes.get("class") or "").split())))
        self._stack.append(skipped)
        self._skip_depth += skipped
        if tag in _HEADINGS and not self._skip_depth:
            self.sections.append(Section(attributes.get("id") or "", ""))
            self._heading = []
        elif tag in _BLOCKS:
            self._text(" ")

    def handle_endtag(self, tag):
        if tag in _VOID or not self._stack:
            return
        if tag in _HEADINGS and self._heading is not None:
            heading = " ".join("".join(self._heading).split())
            self.sections[-1].heading = heading
            self.sections[-1].anchor = self.sections[-1].anchor or slugify(heading)
            self._heading = None
        self._skip_depth -= self._stack.pop()
        if tag in _BLOCKS:
            self._text(" ")

    def handle_data(self, data):
        if self._skip_depth:
            return
        if self._heading is not None:
            self._heading.append(data)
        else:
            self._text(data)

    def _text(self, data):
        self.sections[-1].text_parts.append(data)


def page_sections(page_markdown: str) -> list[Section]:
    """A generated page's sections in order; the first is the page's top (anchor "")."""
    body = _FRONT_MATTER.sub("", page_markdown, count=1)
    html = markdown.markdown(body, extensions=_EXTENSIONS, extension_configs={"toc": {"slugify": slugify}})
    parser = _Sections()
    parser.feed(html)
    parser.close()
    sections = [section for section in parser.sections if section.heading or section.text]
    if sections and sections[0].anchor and sections[0] is parser.sections[1]:
        sections[0].anchor = ""  # the page's title: its link is the page itself
    return sections


def index_sections(pages: dict[str, str], specs: list[PageSpec], *, words: dict, prefix: str = "") -> list[dict]:
    """The index's sections of the given pages (see the module's docstring for what they hold).
    `prefix`: where the pages are in a catalog ("<slug>/"), so a result links into its subtree."""
    sections = []
    for spec in specs:
        found = page_sections(pages[spec.path]) if spec.path in pages else []
        page_title = spec.title
        # Every page's top is found by its purpose: title, description, search keywords. The
        # qualification's name is left out of them: it is on every page and tells none apart.
        keywords = " ".join([spec.description.format(**{**words, "name": ""}).replace("„”", ""), *spec.search_keywords])
        top_text = found[0].text if found and spec.searchable and not found[0].anchor else ""
        sections.append({"url": prefix + spec.url, "page": prefix + spec.url, "title": page_title, "heading": "",
                         "text": top_text or spec.description.format(**words), "keywords": keywords})
        if not spec.searchable:
            continue
        for section in found:
            if not section.anchor:
                continue
            sections.append({"url": f"{prefix}{spec.url}#{section.anchor}", "page": prefix + spec.url, "title": page_title,
                             "heading": section.heading, "text": section.text, "keywords": ""})
    return sections


def search_index(pages: dict[str, str], specs: list[PageSpec], *, qualification: dict, words: dict,
                 synonym_groups: list[list[str]], prefix: str = "") -> dict:
    """The index of one qualification's site (see the module's docstring for what it holds).
    `prefix`: where its pages are in a catalog ("<slug>/"), so a result links into its subtree."""
    return index_of(index_sections(pages, specs, words=words, prefix=prefix), qualification=qualification,
                    synonyms=search_forms.synonym_groups(synonym_groups))


def index_of(sections: list[dict], *, qualification: dict | None, synonyms: list[list[str]],
             most: int | None = None) -> dict:
    """An index of `sections`; `synonyms` as search_forms.synonym_groups gives them; its messages count
    up to `most` results (by default, one for each section)."""
    vocabulary = [f"{s['heading']} {s['text']} {s['keywords']}" for s in sections]
    return {
        "format": FORMAT, "version": VERSION,
        "qualification": qualification,
        "language": search_forms.language_rules(),
        "aliases": search_forms.aliases(vocabulary),
        "synonyms": synonyms,
        "messages": messages(len(sections) if most is None else most),
        "sections": sections,
    }


# The most results the box lists for a query (docs/assets/search/answers.mjs: the page's own and the others').
SHOWN_MOST = 40


def messages(most: int) -> dict:
    """What the search box says, worded here like every message with a number in it (selfcheck.polish):
    `count[n]` for n results; `shown[n]` when the box lists only the n best of them ("67 wyników,
    pokazano 30 najtrafniejszych")."""
    return {
        "count": ["Brak wyników"] + [polish.count(n, "wynik", "wyniki", "wyników") for n in range(1, most + 1)],
        "shown": [""] + [f"pokazano {polish.count(n, 'najtrafniejszy', 'najtrafniejsze', 'najtrafniejszych')}"
                         for n in range(1, SHOWN_MOST + 1)],
        "hint": "Sprawdź pisownię albo wpisz mniej słów lub inne słowo, np. „walidacja”, „certyfikat”, „test próbny”.",
    }


def glossary_synonyms(glossary: dict) -> list[list[str]]:
    """The glossary's synonym groups: `search_synonyms`, and each term with its full name, its
    forms and its search synonyms (an abbreviation finds its full name and the other way round)."""
    groups = [list(group) for group in glossary.get("search_synonyms", [])]
    for term in glossary.get("terms", []):
        group = [term["term"], *([term["full"]] if term.get("full") else []), *term.get("forms", [])]
        # A long full name (RODO's is the regulation's title) would make every word of it a synonym.
        group = [entry for entry in group if len(search_forms.words(entry)) <= MAX_PHRASE_WORDS]
        if len(set(group)) > 1:
            groups.append(list(dict.fromkeys(group)))
    return groups


def index_file(qualification_id: str) -> str:
    """The index's path in the site: one file per qualification, so a catalog can load each."""
    return f"{FOLDER}/{qualification_id}.json"


def index_json(index: dict) -> bytes:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
