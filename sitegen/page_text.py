"""Data text on a generated page: always shown as text, never read as markup.

The templates write Markdown that contains raw HTML blocks, so a data value can land in
Markdown text, in an HTML element or in an HTML attribute. One escape serves all three:
HTML's own characters become entities (`&lt;`, `&#34;`) and every character that Markdown
or its extensions could read as syntax (`*`, `[`, `{` for attr_list, `|` for tables, …)
becomes a numeric character reference. Markdown passes references through untouched and
browsers show them as the characters they stand for, so "X\"><script>" or
"[L](javascript:…)" in the data reads on the page exactly as written.

How the templates get this without asking for it (escape by construction):
- every string of the data is wrapped in `PageText` before rendering; its `__html__` is
  the escape above, so Jinja's autoescape and markupsafe's `Markup + text`, `join`, `|e`
  all use it;
- the environment's `finalize` applies it to any other plain string that reaches the
  output (template literals, results of filters such as `lower`), so nothing is printed
  raw unless it is `Markup` made by a template or by the rich-text renderer.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup

# Characters Markdown (and the extensions in mkdocs.yml) may read as syntax anywhere in a line.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*[]{}|!"}
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_TABLE = str.maketrans(_HTML | _INLINE)
# "_" starts emphasis only at a word edge; between two letters or digits ("ZRK_FKU_Zarządzanie")
# it stays as is, so the glossary still finds the words around it.
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# Syntax that counts only at the start of a line: headings, lists, quotes, admonitions,
# definition lists, setext underlines. A value may start a line in a template.
_LINE_START = re.compile(r"^([ \t]*)([#+\-=:]|\d+(?=[.)](?:\s|$)))")
# Control characters are no text a reader can see, and Python-Markdown uses \x02/\x03 to mark its
# own placeholders: the loader refuses them in data files, and the escape replaces any that remain.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Only the white space Markdown reads (a no-break space in "2500 zł" stays as it is).
_WHITE_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def escape_text(value: object) -> str:
    """Escape `value` for any place in a generated Markdown page (text, HTML, attribute).

    Runs of white space (line breaks included) become one space: a line break in the
    data must not start a new Markdown block.
    """
    text = _WHITE_SPACE.sub(" ", _CONTROL.sub("\ufffd", str(value)))
    text = _EDGE_UNDERSCORE.sub("&#95;", text.translate(_TABLE))
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text, count=1)


class PageText(str):
    """A string from a data file. Jinja prints it escaped, whatever the template does with it."""

    __slots__ = ()

    def __html__(self) -> str:
        # Edge spaces would end or break Markdown around the value ("**Name **" is not bold).
        return escape_text(self.strip())  # any Unicode space: Markdown's emphasis rules count them all


def as_data(value: Any) -> Any:
    """Wrap every string in a loaded data tree (dicts, lists) as PageText."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return PageText(value)
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_data(item) for item in value]
    return value


def finalize(value: Any) -> Any:
    """Jinja `finalize`: anything not already markup is printed as escaped text."""
    if value is None or hasattr(value, "__html__"):
        return value
    return Markup(escape_text(value))


def attribute_text(value: object) -> str:
    """Plain text for a theme attribute or element that the theme prints as it is (page meta)."""
    return html.escape(" ".join(str(value).split()), quote=True)


def json_for_script(text: str) -> str:
    """JSON safe inside <script>: no "</script>", "<!--" or "]]>" can end or alter the element."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
