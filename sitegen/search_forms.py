"""Polish words as the site search compares them: folded, stemmed, with their other forms and synonyms.

One definition, two runners. The rules here (which characters make a word, how letters fold, which
endings are cut, which words are too common to count) are data that `search_index.py` writes into
the index; the browser's search (docs/assets/search/language.mjs) applies the same rules to the
query and to the text it highlights, and a test checks both stem every word of the site alike.

- **Folding**: lower case, no diacritics ("Zarządzanie" -> "zarzadzanie"), so a query typed without
  Polish letters finds the same words (selfcheck.polish.fold, the project's one folding).
- **Light stemming**: the longest listed ending is cut when a stem of MIN_STEM letters stays:
  case endings of nouns and adjectives ("walidacji", "walidację" -> "walidacj"), the common verb
  endings ("kosztuje", "kosztować", "kosztów" -> "koszt") and verbal nouns ("zarządzanie",
  "zarządzać" -> "zarzadz"). Light on purpose: a missed form costs one result, a wrong join
  puts an unrelated page first.
- **Other forms** the light stemmer cannot join (stem changes: "lejek"/"lejki", "zgoda"/"zgodzie")
  come from the Stempel stemmer (pystempel), run here at build time over every word of the site:
  `aliases` pairs such stems, and the browser searches both.
- **Synonyms**: groups of words and phrases that find each other (glossary.yaml `search_synonyms`,
  and every glossary term with its full name and forms: "RODO", "ogólne rozporządzenie o ochronie
  danych"), as stems.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections import defaultdict
from functools import lru_cache

from selfcheck.polish import fold

WORD = r"[^\W_]+"   # letters and digits; the browser's equivalent is [\p{L}\p{N}]+
_WORD = re.compile(WORD)
MIN_STEM = 3

# Endings, folded (so "ę" is "e" and "ów" is "ow"); the longest that leaves MIN_STEM letters is cut.
ENDINGS = sorted({
    # nouns and adjectives: cases and numbers
    "a", "e", "i", "o", "u", "y", "em", "om", "ie", "ow", "ami", "ach", "owi", "owie", "ego", "emu",
    "ej", "ym", "ymi", "ych", "ich", "imi", "iej", "ia", "iu", "ii", "iem", "iom", "iami", "iach",
    "owy", "owa", "owe", "owych", "owym", "owej", "owego",
    # verbs: infinitive, present, past, participles; verbal nouns
    "ac", "ec", "ic", "yc", "owac", "ywac", "iwac", "uje", "ujesz", "ujemy", "ujecie", "uja", "ujac",
    "owal", "owala", "owali", "owane", "owany", "owana", "owanie", "owania", "owaniu",
    "anie", "ania", "aniu", "aniem", "aniach", "enie", "enia", "eniu", "eniem", "eniach",
}, key=lambda ending: (-len(ending), ending))  # longest first; a fixed order, so builds are reproducible

# Words too common to tell pages apart; dropped from queries, from the index and from synonyms.
STOP_WORDS = frozenset(fold(word) for word in (
    "a i o u w z ze na do od po za ze we są jest to się nie czy jak jaki jaka jakie ile gdzie kiedy "
    "co kto który która które oraz lub albo ten ta te tego tej tym przez dla przy jego jej ich "
    "mnie mi mój moja moje można trzeba być będzie"
).split())


def words(text: str) -> list[str]:
    """The words of `text` as written ("Termin: 12 dni" -> ["Termin", "12", "dni"])."""
    return _WORD.findall(text)


def folded(word: str) -> str:
    return fold(word.lower())


def stem(word: str) -> str:
    """The light stem of one word, folded: "Walidacji" -> "walidacj", "kosztuje" -> "koszt"."""
    word = folded(word)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def terms(text: str) -> list[str]:
    """The stems of the words of `text` that count for search (no stop words)."""
    return [stem(word) for word in words(text) if folded(word) not in STOP_WORDS]


@lru_cache(maxsize=1)
def _stempel():
    from pystempel import Stemmer

    with contextlib.redirect_stderr(io.StringIO()):  # it draws a progress bar while loading its table
        return Stemmer.default()


@lru_cache(maxsize=None)  # a catalog's qualifications share most of their words: stem each once per build
def stempel_stem(word: str) -> str:
    """Stempel's stem, which for most Polish nouns is the base form: "lejki" -> "lejek"."""
    stemmed = _stempel()(word.lower())
    return stemmed if stemmed and stemmed.isalpha() else word


def aliases(texts: list[str]) -> dict[str, list[str]]:
    """Stems that belong together although the light stemmer cuts them apart, from the words of
    `texts`: {"lejek": ["lejk"], "lejk": ["lejek"], "zgodz": ["zgod"], …}, both ways."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for word in {word for text in texts for word in words(text) if word.isalpha() and len(word) > MIN_STEM}:
        light, base = stem(word), stem(stempel_stem(word))
        if light != base and len(base) >= MIN_STEM:
            pairs[light].add(base)
            pairs[base].add(light)
    return {key: sorted(values) for key, values in sorted(pairs.items())}


def synonym_groups(groups: list[list[str]]) -> list[list[str]]:
    """Synonym groups as the search compares them: each entry as the stems of its words that count,
    joined by a space ([["koszt", "ile kosztuje", "płatność"]] -> [["koszt", "platnosc"]])."""
    out = []
    for group in groups:
        entries = list(dict.fromkeys(" ".join(terms(entry)) for entry in group))
        entries = [entry for entry in entries if entry]
        if len(entries) > 1:
            out.append(entries)
    return out


def language_rules() -> dict:
    """The rules the browser applies to queries and text, so it stems as this module does."""
    return {"word": "[\\p{L}\\p{N}]+", "min_stem": MIN_STEM, "endings": ENDINGS,
            "stop_words": sorted(STOP_WORDS), "fold": _fold_table()}


def _fold_table() -> dict[str, str]:
    """Letters whose folding is not "drop the accent" (Unicode gives "ł" no decomposition)."""
    from selfcheck.polish import _NO_DECOMPOSITION

    return {chr(code): (target if isinstance(target, str) else chr(target))
            for code, target in _NO_DECOMPOSITION.items()}
