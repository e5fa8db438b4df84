"""The catalog's own pages, for a site with two or more qualifications: the catalog (the home page)
and the accessibility statement, which covers the whole site. Each qualification's pages are made
by sitegen/pages.py, as on its own site, and placed under its subtree by sitegen/build.py.
"""

from __future__ import annotations

import yaml

from .catalog import Listed
from .page_text import as_data, attribute_text
from .pages import first_sentence, make_environment
from .site_map import STATEMENT, PageSpec, has_renewal

CATALOG_PAGE = PageSpec("index.md", "catalog.md.j2", "Katalog kwalifikacji",
                        "Kwalifikacje, które można uzyskać w tej instytucji: poziom, nakład pracy, ważność "
                        "certyfikatu i narzędzia do przygotowania się do walidacji.")
CATALOG_DESCRIPTION = ("Katalog kwalifikacji Zintegrowanego Systemu Kwalifikacji: opisy, efekty uczenia się, "
                       "walidacja, certyfikaty i samoocena przed walidacją.")


def catalog_entry(listed: Listed, data: dict, nav: list) -> dict:
    """What the catalog says about one qualification, from its data alone."""
    sets = data["sets"]
    certificate = data["certificate"]
    pages = _paths(nav)
    return {
        "slug": listed.slug,
        "url": listed.prefix,
        "name": data["name"],
        "kind": data["kind"],
        "prk_level": data["prk_level"],
        "sector_level": data.get("sector_framework_level") if data.get("sector_framework_level") not in (None, "", "Nie dotyczy") else None,
        "hours": data["effort"]["hours"],
        "sets": len(sets),
        "outcomes": sum(len(s["outcomes"]) for s in sets),
        "validity_years": certificate.get("validity_years"),
        "blurb": listed.blurb or first_sentence(data["characteristics"]),
        "self_check": any(path.startswith(f"{listed.prefix}samoocena/") for path in pages),
        "practical": f"{listed.prefix}samoocena/praktyka.md" in pages,
        "renewal": has_renewal(data),
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
    """The catalog first, then each qualification as a section of its own pages (the theme draws only
    the current one: overrides/partials/nav.html), then the site's accessibility statement."""
    return [CATALOG_PAGE.path, *({data.get("short_name") or data["name"]: nav} for data, nav in parts), STATEMENT.path]


def _front(spec: PageSpec) -> str:
    meta = {"title": attribute_text(spec.title), "description": attribute_text(spec.description)}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def render_catalog(publisher: dict, parts: list[tuple[Listed, dict, list]]) -> tuple[dict[str, str], dict[str, bytes]]:
    """({page path: Markdown}, {file path: bytes}) of the catalog's own pages and files."""
    env = make_environment()
    entries = [catalog_entry(listed, data, nav) for listed, data, nav in parts]
    pages = {
        CATALOG_PAGE.path: _front(CATALOG_PAGE) + env.get_template(CATALOG_PAGE.template).render(
            entries=as_data(entries), publisher=as_data(publisher), page=CATALOG_PAGE),
        STATEMENT.path: _front(STATEMENT) + env.get_template(STATEMENT.template).render(
            publisher=as_data(publisher), q=None, page=STATEMENT),
    }
    return pages, {}
