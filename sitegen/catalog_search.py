"""The search across a catalog: what the search box needs besides each qualification's own index.

A qualification's pages search its own index first (search_index.py, `<slug>/search/<id>.json`), and
the catalog's pages have none; both need to find the other qualifications too, and at a hundred
qualifications (a few megabytes of indexes) the box cannot fetch them all for a first query. So the
build writes, at the site's root:

- `search/catalog.json`, the catalog's index, in the same format as a qualification's (the same
  engine searches it): the catalog's own pages (the catalog by its purpose, the accessibility
  statement by its text) and one section per qualification (its name and catalog blurb, linking to
  its home page); and, under `catalog`, each qualification's name, address and index file, the
  term files below, and how many results and indexes the box takes from the others. Its messages
  count as many results as the box can show.
- `search/terms/<n>.json`, which qualifications have which term: every term that finds something
  in a qualification's index (its words' stems, its other forms, its synonyms), in alphabetical
  order, cut into files of about TERMS_FILE_BYTES, each term with the qualifications as a bit set
  (base64url, six qualifications a character, the first in the lowest bit). The box fetches only the
  files of the words typed, and then only the indexes of the qualifications that have them.

docs/assets/search/answers.mjs reads these files; a one-qualification site has none of them.
"""

from __future__ import annotations

import json
from dataclasses import replace

from . import search_forms
from .search_index import FOLDER, index_json, index_of, index_sections
from .site_map import PageSpec

CATALOG_FILE = f"{FOLDER}/catalog.json"
TERMS_FOLDER = f"{FOLDER}/terms"
TERMS_FILE_BYTES = 16_000
# How many results from outside the page's own index the box adds (after its own results), and
# from how many other qualifications' indexes at most for one query (each is ~15–30 KB gzip).
OTHER_RESULTS = 10
OTHER_INDEXES = 3
_BITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def term_set(index: dict) -> set[str]:
    """Every term a query's word may stand for and still find a section of `index`: the stems of
    its words, the stems its aliases join to them, the words of its synonym groups."""
    terms = {term for section in index["sections"]
             for term in search_forms.terms(f"{section['heading']} {section['text']} {section['keywords']}")}
    terms.update(index["aliases"])
    terms.update(term for group in index["synonyms"] for entry in group for term in entry.split(" "))
    return terms


def bit_set(members: list[int]) -> str:
    """Qualifications (by their place in the catalog) as base64url characters, six a character."""
    values = [0] * (max(members) // 6 + 1)
    for member in members:
        values[member // 6] |= 1 << (member % 6)
    return "".join(_BITS[value] for value in values)


def term_files(indexes: list[dict]) -> tuple[list[str], dict[str, dict]]:
    """(the first term of each file, {site path: {"terms": {term: bit set}}}) for the qualifications' indexes."""
    owners: dict[str, list[int]] = {}
    for number, index in enumerate(indexes):
        for term in term_set(index):
            owners.setdefault(term, []).append(number)
    firsts, files, current, size = [], {}, {}, 0
    for term in sorted(owners):
        bits = bit_set(owners[term])
        entry_size = len(term.encode("utf-8")) + len(bits) + 6  # "term":"bits",
        if current and size + entry_size > TERMS_FILE_BYTES:
            files[f"{TERMS_FOLDER}/{len(files)}.json"] = {"terms": current}
            current, size = {}, 0
        if not current:
            firsts.append(term)
        current[term], size = bits, size + entry_size
    if current:
        files[f"{TERMS_FOLDER}/{len(files)}.json"] = {"terms": current}
    if firsts:
        firsts[0] = ""  # the first file starts before every term
    return firsts, files


def catalog_search_files(pages: dict[str, str], specs: list[PageSpec], qualifications: list[dict]) -> dict[str, bytes]:
    """{site path: bytes} of the catalog's search files. `pages`, `specs`: the catalog's own pages
    (the catalog is found by its purpose: its text repeats the qualifications' sections); each of
    `qualifications`: {"name", "short_name", "url", "blurb", "index" (its site path), "search" (its index)}."""
    catalog_specs = [spec if spec.path != "index.md" else replace(spec, searchable=False) for spec in specs]
    sections = index_sections(pages, catalog_specs, words={"name": "", "practice": ""})
    for q in qualifications:
        sections.append({"url": q["url"], "page": q["url"], "title": q["name"], "heading": "",
                         "text": q["blurb"], "keywords": q["short_name"]})
    synonyms = list(dict.fromkeys(tuple(group) for q in qualifications for group in q["search"]["synonyms"]))
    # The box says how many results it shows: a page's own (as many as its index has sections) and
    # up to OTHER_RESULTS from elsewhere.
    most = max(len(sections), *(len(q["search"]["sections"]) for q in qualifications)) + OTHER_RESULTS
    index = index_of(sections, qualification=None, synonyms=[list(group) for group in synonyms], most=most)
    firsts, terms = term_files([q["search"] for q in qualifications])
    root = "../" * CATALOG_FILE.count("/")  # the catalog file's paths are relative to itself
    index["catalog"] = {
        "qualifications": [{"name": q["name"], "url": q["url"], "index": root + q["index"]} for q in qualifications],
        "terms": {"first": firsts, "files": [root + path for path in terms]},
        "limits": {"others": OTHER_RESULTS, "indexes": OTHER_INDEXES},
    }
    return {CATALOG_FILE: index_json(index),
            **{path: json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
               for path, data in terms.items()}}
