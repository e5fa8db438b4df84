"""Rich text in the data: a small, documented Markdown subset, rendered once and sanitized.

A field is rich text only where its schema says `"contentMediaType": "text/markdown"`
(today: glossary definitions). The subset, as the README documents it:

- paragraphs (a blank line), **bold**, *italics*, `code`, bulleted and numbered lists;
- links `[text](address)` to another page of this site (`certyfikat.md`,
  `walidacja.md#metody`) or to a web address (`https://…`, `http://…`), and `mailto:`.

Everything else is text: raw HTML is escaped before Markdown sees it, and any other link
address (`javascript:`, `data:`, a file that is not a page) is refused with a message when
the data is checked, before anything is built. What Markdown produces then goes through
nh3 (Ammonia), which keeps only the tags and attributes of the subset: the sanitizer, not
our own filters, decides what may become HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

TAGS = {"p", "strong", "em", "code", "ul", "ol", "li", "a", "br"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
SUBSET = ("dozwolone: odnośniki do stron tej witryny (np. certyfikat.md albo walidacja.md#metody) "
          "i adresy http(s)://… lub mailto:")


def _to_html(text: str) -> str:
    # "<" and ">" are escaped first: raw HTML and block quotes are not part of the subset.
    source = text.replace("<", "&lt;").replace(">", "&gt;")
    return markdown.markdown(source, output_format="html")


class _Links(HTMLParser):
    """Collects link addresses and image sources from rendered HTML (entities decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a":
            self.links.append(values.get("href") or "")
        elif tag == "img":
            self.images.append(values.get("src") or "")


def _split_page_link(href: str) -> tuple[str, str]:
    """"walidacja.md#metody" -> ("walidacja.md", "metody"); "#x" -> ("", "x")."""
    page, _, fragment = href.partition("#")
    return page, fragment


def link_problems(text: str, pages: Collection[str]) -> list[str]:
    """Polish messages for links the subset refuses; `pages` are the site's page paths."""
    parser = _Links()
    parser.feed(_to_html(text))
    problems = [f"obrazy nie są dozwolone w tym polu (znaleziono „{src}”)" for src in parser.images]
    for href in parser.links:
        parts = urlsplit(href)
        if parts.scheme:
            if parts.scheme.lower() not in URL_SCHEMES:
                problems.append(f"odnośnik „{href}” ma niedozwolony adres ({parts.scheme}:); {SUBSET}")
            continue
        page, _ = _split_page_link(href)
        if parts.netloc or (not page and not href.startswith("#")):
            problems.append(f"odnośnik „{href}” ma niepoprawny adres; {SUBSET}")
        elif page and page not in pages:
            known = ", ".join(sorted(pages))
            problems.append(f"odnośnik „{href}” prowadzi do strony, której nie ma w witrynie; strony: {known}")
    return problems


def render_rich_text(text: str, page_url: Callable[[str], str]) -> Markup:
    """HTML for a checked rich-text field; `page_url("walidacja.md")` gives the link to a page."""

    def rewrite(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href" and not urlsplit(value).scheme:
            page, fragment = _split_page_link(value)
            target = page_url(page) if page else ""
            return target + (f"#{fragment}" if fragment else "")
        return value

    clean = nh3.clean(_to_html(text), tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                      attribute_filter=rewrite, link_rel=None)
    return Markup(clean)
