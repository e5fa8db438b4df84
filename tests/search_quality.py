"""The search's result quality: real queries, as candidates type them, and the page that answers.

Pages are named by their role in the page registry (the template name in sitegen/site_map.py), so
the table reads the same for any qualification's site; the queries that rely on this qualification's
own words (RODO, lejki…) are in CONTENT_QUERIES. `measure` runs the browser's own search engine
(assets/search/engine.mjs) under Node on a built site; tests/test_search.py asserts the share found
in the top 3, `make bench` reports it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

QUERY_SCRIPT = Path(__file__).resolve().parent / "js" / "search_query.mjs"
TOP = 3

# The tool pages, found by their purpose (site_map.py `search_keywords`, titles, descriptions).
TOOL_QUERIES = [
    ("zadania praktyczne", "selfcheck_practical"),
    ("zadania praktyczne crm", "selfcheck_practical"),
    ("test próbny", "selfcheck_test"),
    ("test probny", "selfcheck_test"),
    ("egzamin próbny", "selfcheck_test"),
    ("ćwiczenia", "selfcheck_practice"),
    ("cwiczenia", "selfcheck_practice"),
    ("pytania z odpowiedziami", "selfcheck_practice"),
    ("symulacja", "selfcheck_practical_exam"),
    ("symulacja egzaminu praktycznego", "selfcheck_practical_exam"),
    ("raport gotowości", "selfcheck_report"),
    ("raport gotowosci", "selfcheck_report"),
    ("odnowienie certyfikatu", "renewal"),
    ("samoocena", "selfcheck_index"),
    ("rozmowa z komisją", "selfcheck_interview"),
    ("ocena umiejętności", "selfcheck_rating"),
    ("deklaracja dostępności", "accessibility"),
    ("wersja do druku", "print"),
    ("pobierz dane", "open_data"),
    ("moodle", "teachers"),
    ("import pytań do moodle", "teachers"),
    ("dla nauczycieli", "teachers"),
    ("słowniczek", "glossary"),
]

# Questions about this qualification, answered by its own text.
CONTENT_QUERIES = [
    ("ile kosztuje egzamin", "validation"),        # the fee, where and how to take the exam
    ("ile kosztuje", "overview"),
    ("koszt certyfikatu", "overview"),
    ("oplata", "overview"),
    ("zgoda", "glossary"),                          # RODO
    ("zgoda na przetwarzanie danych", "glossary"),
    ("RODO", "glossary"),
    ("gdpr", "glossary"),
    ("gdzie zdawać egzamin", "validation"),
    ("walidacja", "validation"),
    ("walidacji", "validation"),
    ("komisja walidacyjna", "validation"),
    ("komisji walidacyjnej", "validation"),
    ("procedura odwoławcza", "validation"),
    ("odwolanie", "validation"),
    ("metody walidacji", "validation"),
    ("przedłużenie certyfikatu", "certificate"),
    ("waznosc certyfikatu", "certificate"),
    ("certyfikatu", "certificate"),
    ("asesor", "glossary"),
    ("asesora", "glossary"),
    ("lejek sprzedaży", "glossary"),
    ("lejki", "outcomes"),
    ("szansa sprzedazy", "glossary"),
    ("kryteria weryfikacji", "outcomes"),
    ("efekty uczenia się", "outcomes"),
    ("harmonogram", "outcomes"),
    ("raporty sprzedaży", "outcomes"),
    ("dla kogo jest kwalifikacja", "overview"),
    ("wymagania wstępne", "description"),
    ("Polska Rama Kwalifikacji", "glossary"),
    ("wnioskodawca", "formal"),
    ("kod PKD", "formal"),
    ("ile godzin", "overview"),
]


def page_urls(site_pages) -> dict[str, str]:
    """Role (template name) -> the page's URL in the site."""
    return {spec.template.removesuffix(".md.j2"): spec.url for spec in site_pages}


def run_queries(site: Path, queries: list[str], *, index: str | None = None, catalog: str | None = None) -> dict[str, dict]:
    """Each query's answer from the site's own search ({query: {total, count, results, fetched}}), as
    the box of a page whose index is `index` answers it (a site path; by default the site's one index),
    in a catalog with the catalog's search file `catalog`."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run the site's search engine"
    index = index or str(next((site / "search").glob("*.json")).relative_to(site))
    result = subprocess.run([node, str(QUERY_SCRIPT), str(site), index, *(["--catalog", catalog] if catalog else []),
                             *queries], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def measure(site: Path, table: list[tuple[str, str]], urls: dict[str, str], *, index: str | None = None,
            catalog: str | None = None) -> tuple[float, list[str]]:
    """The share of the table's queries whose page is among the first TOP results, and the misses
    (`index`, `catalog`: as run_queries searches)."""
    table = [(query, role) for query, role in table if role in urls]  # a site without the page skips it
    answers = run_queries(site, [query for query, _ in table], index=index, catalog=catalog)
    misses = []
    for query, role in table:
        pages = [result["url"].split("#")[0] for result in answers[query]["results"][:TOP]]
        if urls[role] not in pages:
            misses.append(f"{query!r}: expected {urls[role] or '/'} ({role}), got {pages}")
    return (len(table) - len(misses)) / len(table), misses
