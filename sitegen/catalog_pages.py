"""The catalog's own pages, for a site with two or more qualifications: the catalog (the home page,
with its filters and its open data), the comparison of two qualifications, and the accessibility
statement, which covers the whole site. Each qualification's pages are made by sitegen/pages.py, as
on its own site, and placed under its subtree by sitegen/build.py.

Every word and number the catalog's scripts show is written here (docs/assets/catalog/ only shows,
hides and orders what the pages hold), so the plurals and the order of the alphabet are Polish
(selfcheck.polish) whatever the browser.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from selfcheck import polish

from .catalog import Listed
from .catalog_data import catalog_csv, catalog_json, catalog_json_ld
from .page_text import as_data, attribute_text, json_for_script
from .pages import first_sentence, make_environment
from .site_map import DATA_FILES, PAGES, STATEMENT, PageSpec
from .slugs import slugify

# The catalog's pages load their own script and stylesheet (overrides/main.html): site paths.
SCRIPTS = "assets/catalog"
STYLESHEET = f"{SCRIPTS}/catalog.css"

CATALOG_PAGE = PageSpec("index.md", "catalog.md.j2", "Katalog kwalifikacji",
                        "Kwalifikacje, które można uzyskać w tej instytucji: poziom, nakład pracy, ważność "
                        "certyfikatu i narzędzia do przygotowania się do walidacji.")
COMPARE_PAGE = PageSpec("porownanie.md", "compare.md.j2", "Porównaj kwalifikacje",
                        "Dwie kwalifikacje obok siebie: poziom, nakład pracy, efekty uczenia się, metody walidacji "
                        "i ważność certyfikatu.")
CATALOG_DESCRIPTION = ("Katalog kwalifikacji Zintegrowanego Systemu Kwalifikacji: opisy, efekty uczenia się, "
                       "walidacja, certyfikaty i samoocena przed walidacją.")

# What the catalog offers for each qualification besides its description: its tools' pages, by template.
TOOLS = {"self_check": "selfcheck_index.md.j2", "practical": "selfcheck_practical.md.j2", "renewal": "renewal.md.j2"}
_SPECS = {spec.template: spec for spec in PAGES}


def catalog_entry(listed: Listed, data: dict, nav: list) -> dict:
    """What the catalog says about one qualification, from its data alone. The tools (`self_check`,
    `practical`, `renewal`) are the site URLs of their pages, None where the qualification has none."""
    sets = data["sets"]
    certificate = data["certificate"]
    pages = set(_paths(nav))
    sector = data.get("sector_framework_level")
    tools = {key: listed.prefix + _SPECS[template].url if listed.prefix + _SPECS[template].path in pages else None
             for key, template in TOOLS.items()}
    return {
        "slug": listed.slug,
        "url": listed.prefix,
        "name": data["name"],
        "kind": data["kind"],
        "prk_level": data["prk_level"],
        "sector_level": sector if sector not in (None, "", "Nie dotyczy") else None,
        "hours": data["effort"]["hours"],
        "sets": len(sets),
        "outcomes": sum(len(s["outcomes"]) for s in sets),
        "validity_years": certificate.get("validity_years"),
        "cost_pln": data["cost_pln"],
        # The methods of the validation itself (a renewal's own method is the renewal page's matter).
        "methods": [m["name"] for m in data["validation"]["verification"]["methods"]["list"]
                    if m["part"] in ("theory", "practice")],
        "register_entry_url": (data.get("candidate_guide") or {}).get("register_entry_url") or None,
        "data_files": {key: listed.prefix + path for key, path in DATA_FILES.items()},
        "blurb": listed.blurb or first_sentence(data["characteristics"]),
        **tools,
        "tool_links": [{"title": _SPECS[template].title, "url": tools[key]} for key, template in TOOLS.items() if tools[key]],
    }


def _paths(nav: list) -> list[str]:
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        else:
            for children in item.values():
                out.extend(_paths(children))
    return out


def catalog_navigation(parts: list[tuple[dict, list]]) -> list:
    """The catalog's own pages first, then each qualification as a section of its own pages (the theme
    draws only the current one: overrides/partials/nav.html), then the site's accessibility statement."""
    return [CATALOG_PAGE.path, COMPARE_PAGE.path,
            *({data.get("short_name") or data["name"]: nav} for data, nav in parts), STATEMENT.path]


# --- Filters and orders of the catalog page: each control's name is its key in the address. ---

@dataclass(frozen=True)
class Filter:
    name: str    # the query-string key, and the entry's attribute data-filter-<name>
    label: str
    any: str     # the first option's text: no choice made
    value: Callable[[dict], str]   # an entry's value for this filter
    text: Callable[[dict], str]    # the text of an entry's option
    order: Callable[[dict], object]  # where an entry's option stands among the options


def _validity(entry: dict) -> str:
    return "bezterminowa" if entry["validity_years"] is None else polish.years(entry["validity_years"])  # (ważność) bezterminowa


FILTERS = [
    Filter("rodzaj", "Rodzaj kwalifikacji", "dowolny", lambda e: slugify(e["kind"]), lambda e: e["kind"],
           lambda e: polish.alphabetical(e["kind"])),
    Filter("prk", "Poziom PRK", "dowolny", lambda e: str(e["prk_level"]), lambda e: f"poziom {e['prk_level']}",
           lambda e: e["prk_level"]),
    Filter("waznosc", "Ważność certyfikatu", "dowolna",
           lambda e: "bezterminowa" if e["validity_years"] is None else str(e["validity_years"]), _validity,
           lambda e: (e["validity_years"] is None, e["validity_years"] or 0)),
]
# A check box: only the qualifications whose data has practical tasks.
TASKS_FILTER = {"name": "zadania", "value": "tak", "label": "Tylko z zadaniami praktycznymi do przećwiczenia w serwisie"}

# Orders of the list: (key, option text after "Uporządkuj według", an entry's sort key). The first
# is the publisher's order, and every order falls back on it where the keys are equal.
SORTS = [
    ("katalog", "kolejności katalogu", lambda e: 0),
    ("nazwa", "nazwy (od A do Ż)", lambda e: polish.alphabetical(e["name"])),
    ("prk-rosnaco", "poziomu PRK: od najniższego", lambda e: e["prk_level"]),
    ("prk-malejaco", "poziomu PRK: od najwyższego", lambda e: -e["prk_level"]),
    ("godziny", "nakładu pracy: od najmniejszego", lambda e: e["hours"]),
    # A certificate without an end date first, then the longest validity.
    ("waznosc", "ważności certyfikatu: od najdłuższej", lambda e: (e["validity_years"] is not None, -(e["validity_years"] or 0))),
]


def catalog_controls(entries: list[dict]) -> dict:
    """The filters worth offering (a filter whose entries all agree would only hide everything or
    nothing), the orders, each entry's attributes for them, and the results line for every count."""
    filters = []
    for spec in FILTERS:
        options = {spec.value(e): e for e in sorted(entries, key=spec.order)}
        if len(options) > 1:
            filters.append({"name": spec.name, "label": spec.label, "any": spec.any,
                            "options": [{"value": value, "text": spec.text(e)} for value, e in options.items()]})
    tasks = {bool(e["practical"]) for e in entries}
    attributes = []
    for index, entry in enumerate(entries):
        attrs = {f"data-filter-{spec.name}": spec.value(entry) for spec in FILTERS
                 if any(f["name"] == spec.name for f in filters)}
        if len(tasks) > 1:
            attrs[f"data-filter-{TASKS_FILTER['name']}"] = TASKS_FILTER["value"] if entry["practical"] else "nie"
        attributes.append(attrs)
    for key, _, sort_key in SORTS:
        ranked = sorted(range(len(entries)), key=lambda i: (sort_key(entries[i]), i))
        for rank, index in enumerate(ranked):
            attributes[index][f"data-rank-{key}"] = str(rank)
    return {"filters": filters, "tasks": TASKS_FILTER if len(tasks) > 1 else None,
            "sorts": [{"value": key, "text": text} for key, text, _ in SORTS],
            "attributes": attributes, "messages": json.dumps(count_messages(len(entries)), ensure_ascii=False),
            "all_shown": count_messages(len(entries))[-1]}


def count_messages(total: int) -> list[str]:
    """The results line for 0…total qualifications shown, indexed by the count."""
    def shown(n: int) -> str:
        if n == 0:
            return "Żadna kwalifikacja nie spełnia wybranych warunków."
        if n == total:
            return f"Widoczne są wszystkie kwalifikacje katalogu ({total})."
        return (f"{polish.plural(n, 'Pasuje', 'Pasują', 'Pasuje')} "
                f"{polish.count(n, 'kwalifikacja', 'kwalifikacje', 'kwalifikacji')} z {total}.")
    return [shown(n) for n in range(total + 1)]


# --- The comparison: one row per fact, each qualification's cells written here, drawn by compare.mjs. ---

COMPARE_ROWS = [
    ("kind", "Rodzaj"),
    ("prk", "Poziom Polskiej Ramy Kwalifikacji"),
    ("sector", "Poziom sektorowej ramy kwalifikacji"),
    ("hours", "Nakład pracy"),
    ("sets", "Zestawy efektów uczenia się"),
    ("outcomes", "Efekty uczenia się"),
    ("methods", "Metody walidacji"),
    ("validity", "Ważność certyfikatu"),
    ("cost", "Koszt uzyskania certyfikatu"),
    ("tools", "Przygotowanie w serwisie"),
]


def compare_cells(entry: dict, link) -> dict[str, list[dict]]:
    """{row: [{"text", "href"?}, …]} for one qualification: one item is shown as text, more as a list
    (a row without any shows a dash).
    `link` makes a site URL relative to the comparison page."""
    def text(value) -> list[dict]:
        return [{"text": value}]
    cells = {
        "kind": text(entry["kind"]),
        "prk": text(f"poziom {entry['prk_level']}"),
        "sector": text(entry["sector_level"] or "nie dotyczy"),
        "hours": text(polish.hours(entry["hours"])),
        "sets": text(polish.count(entry["sets"], "zestaw", "zestawy", "zestawów")),
        "outcomes": text(polish.count(entry["outcomes"], "efekt", "efekty", "efektów")),
        "methods": [{"text": method} for method in entry["methods"]],
        "validity": text(_validity(entry)),
        "cost": text(polish.pln(entry["cost_pln"])),
        "tools": [{"text": tool["title"], "href": link(tool["url"])} for tool in entry["tool_links"]],
    }
    return {row: items or text("—") for row, items in cells.items()}


def _front(spec: PageSpec, script: str = "", **extra) -> str:
    """The page's front matter; `script`: its module in assets/catalog/, which comes with the catalog's stylesheet."""
    meta = {"title": attribute_text(spec.title), "description": attribute_text(spec.description)}
    if script:
        meta["page_script"] = f"{SCRIPTS}/{script}"
        meta["page_stylesheet"] = STYLESHEET
    meta.update({key: attribute_text(value) if key == "description" else value for key, value in extra.items()})
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def render_catalog(publisher: dict, parts: list[tuple[Listed, dict, list]]) -> tuple[dict[str, str], dict[str, bytes]]:
    """({page path: Markdown}, {file path: bytes}) of the catalog's own pages and files."""
    env = make_environment()
    entries = [catalog_entry(listed, data, nav) for listed, data, nav in parts]
    # Raw HTML links are URLs relative to the page; Markdown links name the page's source, as MkDocs wants.
    compare = [{"slug": e["slug"], "name": e["name"], "url": COMPARE_PAGE.link_to(e["url"]), "page": f"{e['url']}index.md",
                "cells": compare_cells(e, COMPARE_PAGE.link_to)} for e in entries]
    json_ld = json_for_script(json.dumps(catalog_json_ld(entries, [data for _, data, _ in parts]), ensure_ascii=False))
    pages = {
        CATALOG_PAGE.path: _front(CATALOG_PAGE, "catalog.mjs", json_ld=json_ld) + env.get_template(CATALOG_PAGE.template).render(
            entries=as_data(entries), controls=as_data(catalog_controls(entries)), publisher=as_data(publisher),
            page=CATALOG_PAGE, compare_url=COMPARE_PAGE.url, compare_page=COMPARE_PAGE.path),
        COMPARE_PAGE.path: _front(COMPARE_PAGE, "compare.mjs") + env.get_template(COMPARE_PAGE.template).render(
            qualifications=as_data(compare), rows=COMPARE_ROWS, page=COMPARE_PAGE,
            data=json.dumps([{key: q[key] for key in ("slug", "name", "url", "cells")} for q in compare],
                            ensure_ascii=False, separators=(",", ":")),
            catalog_page=CATALOG_PAGE.path),
        # The statement covers the whole site; its description names the site, not one qualification.
        STATEMENT.path: _front(STATEMENT, description=f"Deklaracja dostępności strony „{publisher['site_name']}”.")
        + env.get_template(STATEMENT.template).render(
            publisher=as_data(publisher), q=None, page=STATEMENT),
    }
    return pages, {"catalog.json": catalog_json(publisher, entries), "catalog.csv": catalog_csv(entries)}
