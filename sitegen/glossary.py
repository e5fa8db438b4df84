"""The glossary (słowniczek): terms explained on their own page and as tooltips in text."""

from __future__ import annotations

import html
from pathlib import Path

from datafiles.problems import Problem
from .rich_text import link_problems
from datafiles.schema_check import load_checked
from .site_map import PAGES
from datafiles.source import format_path

SCHEMA = "glossary.schema.json"


def load_glossary(path: Path, shared: dict | None = None) -> dict:
    """A glossary file, checked. In a catalog, `shared` is the site's shared glossary (glossary.yaml
    beside publisher.yaml) and this file a qualification's own terms, which add to it: the result
    is the two merged (`merged`)."""
    own = load_checked(path, SCHEMA, lambda source: _rule_problems(source, shared))
    return merged(shared, own) if shared else own


def glossary_path(folder: Path, site_root: Path) -> Path:
    """The file a qualification's glossary is read from: its folder's glossary.yaml, or, for a folder
    of a catalog without one, the shared glossary.yaml beside publisher.yaml."""
    own = folder / "glossary.yaml"
    return own if folder == site_root or own.is_file() else site_root / "glossary.yaml"


def qualification_glossary(folder: Path, site_root: Path, shared: dict | None) -> dict:
    """A qualification's glossary by the catalog's rule (the build and the tests share it): the site's
    own folder has its glossary.yaml; another folder the shared one (`shared`, None outside a catalog
    or without one) with its own glossary.yaml added, or the shared one alone."""
    path = glossary_path(folder, site_root)
    if folder != site_root and path.parent != folder and shared:
        return shared
    return load_glossary(path, shared if folder != site_root else None)


def merged(shared: dict, own: dict) -> dict:
    """The shared glossary with a qualification's own terms. An own term replaces the shared term of
    the same id, and takes over a form a shared term also had (one form, one tooltip); own groups
    come after the shared ones, and one of the same id renames the shared group's heading."""
    own_ids = {term["id"] for term in own["terms"]}
    own_forms = {form for term in own["terms"] for form in term["forms"]}
    renamed = {group["id"]: group for group in own["groups"]}
    shared_ids = {group["id"] for group in shared["groups"]}
    terms = list(own["terms"])
    for term in shared["terms"]:
        forms = [form for form in term["forms"] if form not in own_forms]
        if term["id"] not in own_ids and forms:
            terms.append({**term, "forms": forms})
    groups = [renamed.get(group["id"], group) for group in shared["groups"]]
    groups += [group for group in own["groups"] if group["id"] not in shared_ids]
    # Groups no term uses would be empty headings on the page.
    used = {term["group"] for term in terms}
    return {"search_synonyms": [*shared.get("search_synonyms", []), *own.get("search_synonyms", [])],
            "groups": [group for group in groups if group["id"] in used], "terms": terms}


def _rule_problems(source, shared: dict | None = None) -> list[Problem]:
    problems = []
    ids: dict[str, int] = {}
    owners: dict[str, str] = {}
    groups = [group["id"] for group in source.data["groups"]]
    known_groups = groups + [group["id"] for group in (shared or {}).get("groups", []) if group["id"] not in groups]
    for g, group in enumerate(groups):
        if groups.index(group) != g:
            where = ("groups", g, "id")
            problems.append(Problem(source.file, source.line_of(where), format_path(where),
                                    f"grupa „{group}” powtarza się"))
    for t, term in enumerate(source.data["terms"]):
        path = ("terms", t)
        if term["group"] not in known_groups:
            where = path + ("group",)
            listed = ", ".join(known_groups) or "żadnych"
            problems.append(Problem(source.file, source.line_of(where), format_path(where),
                                    f"grupy „{term['group']}” nie ma na liście groups (są: {listed}"
                                    + (", z nich część w słowniczku wspólnym)" if shared else ")")))
        if term["id"] in ids:
            problems.append(Problem(source.file, source.line_of(path + ("id",)), format_path(path + ("id",)),
                                    f"identyfikator „{term['id']}” powtarza się (pierwszy raz w haśle nr {ids[term['id']] + 1})"))
        ids.setdefault(term["id"], t)
        for f, form in enumerate(term["forms"]):
            # One form, one tooltip: the page cannot show two explanations for the same word.
            if form in owners and owners[form] != term["id"]:
                where = path + ("forms", f)
                problems.append(Problem(source.file, source.line_of(where), format_path(where),
                                        f"forma „{form}” należy już do hasła „{owners[form]}”"))
            owners.setdefault(form, term["id"])
        # Definitions are rich text: refuse a link the page could not follow before anything is built.
        where = path + ("definition",)
        for message in link_problems(term["definition"], {spec.path for spec in PAGES}):
            problems.append(Problem(source.file, source.line_of(where), format_path(where), message))
    return problems


def abbreviation_lines(glossary: dict) -> list[str]:
    """Markdown `abbr` definitions: each form of each term gets the term's tooltip.

    Longer forms first, so "komisja walidacyjna" is marked as one phrase. Tooltips are plain
    text, but Material shows an abbr's title as HTML (innerHTML), so the title's value must
    itself be escaped HTML: "<b>" arrives as "&lt;b&gt;" and shows as "<b>". Escaped twice,
    because Python-Markdown keeps entities it finds in an abbr definition as they are.
    """
    pairs = [(form, html.escape(html.escape(str(term["tooltip"]), quote=False), quote=False))
             for term in glossary["terms"] for form in term["forms"]]
    pairs.sort(key=lambda pair: -len(pair[0]))
    return [f"*[{form}]: {tooltip}" for form, tooltip in pairs]


def terms_by_group(glossary: dict) -> list[tuple[dict, list[dict]]]:
    """[(group, its terms in alphabetical order), …] in the order the data declares the groups."""
    out = []
    for group in glossary["groups"]:
        terms = [term for term in glossary["terms"] if term["group"] == group["id"]]
        out.append((group, sorted(terms, key=lambda term: term["term"].lower())))
    return out
