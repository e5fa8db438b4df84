"""Make the site search find Polish words in their common forms and without diacritics.

Material's search (lunr.js) has no Polish stemmer. It does match every query word as a
prefix ("walidac" finds "walidacja"), so a search for "walidacji" finds a page when the
page's index holds a word starting with "walidacji". This module adds such words, in an
extra index field `forms` that lunr searches but the result list never shows:

- the other forms of each word on the page that occur anywhere on the site: words that
  share a stem, by the Stempel stemmer (pystempel: lejki, lejka, lejków → lejek) or once a
  Polish case ending is cut off (walidacja, walidacji, walidację), and the Stempel stem
  itself, which is often the base form a searcher types ("lejek" finds "lejki");
- synonyms the data lists (glossary.yaml, `search_synonyms`: koszt, cena, opłata, ile kosztuje);
- for the words of section titles (the key terms: "Asesor", "Szansa sprzedaży"), the
  common case forms even where the site does not use them ("asesora", "szansy");
- every word and form again without diacritics ("zarzadzanie" for "zarządzanie"), for
  people who type without Polish letters.

Taking forms from the site's own vocabulary keeps the index small and the forms real.
The matching lunr settings (no English stemmer, Polish punctuation) are in mkdocs.yml.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .slugs import fold

# Case and number endings of Polish nouns and adjectives; the longest matching one is cut.
ENDINGS = sorted({
    "a", "u", "y", "i", "e", "ę", "ą", "o", "em", "om", "ie", "ów", "ami", "ach", "owi",
    "ego", "emu", "ej", "ym", "ymi", "ych", "ich", "imi", "iej", "ia", "iu", "ii", "ią", "ię",
    "iem", "iom", "iami", "iach", "owie",
}, key=len, reverse=True)
MIN_STEM = 4   # shorter stems would join unrelated words
# Endings generated for title words: the cases a searcher types most (a form that begins
# another, like "a" before "ach", is implied by lunr's prefix matching).
TITLE_ENDINGS = ("", "a", "u", "y", "i", "ę", "ą", "em", "ie", "ów", "om", "ami", "ach")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TAGS = re.compile(r"<[^>]+>")


def stem(word: str) -> str:
    """Cut the longest case ending that leaves a stem of MIN_STEM letters: "walidacji" -> "walidacj"."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=1)
def _stempel():
    from pystempel import Stemmer

    with contextlib.redirect_stderr(io.StringIO()):  # it draws a progress bar while loading its table
        return Stemmer.default()


def stempel_stem(word: str) -> str:
    """Stempel's stem, which for most Polish nouns is the base form: "lejki" -> "lejek"."""
    stemmed = _stempel()(word)
    return stemmed if stemmed and stemmed.isalpha() and len(stemmed) >= MIN_STEM else word


def words_of(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_TAGS.sub(" ", text))}


def extra_forms(words: set[str], families: dict[str, set[str]], title_words: set[str] = frozenset(),
                synonyms: dict[str, set[str]] | None = None) -> set[str]:
    """Forms to add for a page with `words`, given the site's word families (stem -> words)
    and the data's synonyms (word -> the words of its synonym groups)."""
    forms = set(words)
    for word in words:
        forms |= families.get(stem(word), set()) | families.get("=" + stempel_stem(word), set())
        forms.add(stempel_stem(word))
        forms |= (synonyms or {}).get(word, set())
    for word in title_words:
        if len(stem(word)) >= MIN_STEM:
            forms |= {stem(word) + ending for ending in TITLE_ENDINGS}
    forms |= {fold(form) for form in forms}
    # A form that begins another form adds nothing: lunr matches query words as prefixes.
    ordered = sorted(forms)
    kept = {a for a, b in zip(ordered, ordered[1:] + [""]) if not b.startswith(a)}
    return kept - words


def site_families(texts: list[str]) -> dict[str, set[str]]:
    """Words of the site by family: our suffix stem as the key, and "=" + Stempel's stem."""
    families: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for word in words_of(text):
            families[stem(word)].add(word)
            families["=" + stempel_stem(word)].add(word)
    return families


def synonym_map(groups: list[list[str]]) -> dict[str, set[str]]:
    """[["koszt", "cena", "ile kosztuje"]] -> {"koszt": {"cena", "ile", "kosztuje"}, …}: a page with
    any word of a group is found by every word of it (a phrase counts by its words)."""
    out: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        words = set().union(*(words_of(entry) for entry in group))
        for entry in group:
            for word in words_of(entry):
                out[word] |= words
    return out


def enrich_search_index(path: Path, synonyms: list[list[str]] = ()) -> None:
    """Add the `forms` field to every document of Material's search_index.json."""
    if not path.exists():  # search plugin disabled
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    texts = [f"{doc.get('title', '')} {doc.get('text', '')}" for doc in index["docs"]]
    families = site_families(texts)
    by_word = synonym_map(list(synonyms))
    for doc, text in zip(index["docs"], texts):
        title_words = words_of(doc.get("title", ""))
        doc["forms"] = " ".join(sorted(extra_forms(words_of(text), families, title_words, by_word)))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
