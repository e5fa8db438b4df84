"""Which qualifications a site publishes, and where each one lives in it.

publisher.yaml lists the data folders (`qualifications:`); without the list the site has one
qualification, the one beside publisher.yaml, and is built exactly as a one-qualification site
always was: its pages at the site's root. With two or more, the home page is the catalog and each
qualification has its own subtree, /<slug>/, holding every page it would have on its own site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from datafiles.problems import Problem
from datafiles.source import Source, format_path

from .slugs import slugify

# Site paths the catalog's own pages and shared files take: no qualification's slug may be one of them.
RESERVED_SLUGS = frozenset({"assets", "search", "dane", "porownanie", "deklaracja-dostepnosci", "katalog"})


@dataclass(frozen=True)
class Listed:
    """One qualification of the site, as publisher.yaml lists it."""
    folder: Path       # its data folder (qualification.yaml, selfcheck/bank/, …)
    shown: str         # the folder as the editor wrote it, for messages
    slug: str          # its subtree in a catalog ("" on a one-qualification site)
    blurb: str | None  # the catalog's short text; None: the first sentence of its characteristics
    index: int         # its place in publisher.yaml's list

    @property
    def prefix(self) -> str:
        """What its site paths start with: "" on a one-qualification site, "<slug>/" in a catalog."""
        return f"{self.slug}/" if self.slug else ""


def listed_qualifications(site_root: Path, publisher: dict) -> list[dict]:
    """publisher.yaml's entries, or the one default entry: the folder of publisher.yaml itself."""
    return publisher.get("qualifications") or [{"folder": "."}]


def catalog_problems(source: Source, site_root: Path) -> list[Problem]:
    """What publisher.yaml's list says wrong about the folders: each must exist, hold a
    qualification.yaml, and appear once (a folder and the same folder written another way too)."""
    entries = source.data.get("qualifications") or []
    problems, seen, slugs = [], {}, {}

    def at(index: int, field: str, message: str) -> Problem:
        path = ("qualifications", index, field)
        return Problem(source.file, source.line_of(path), format_path(path), message)

    for i, entry in enumerate(entries):
        folder = (site_root / entry["folder"]).resolve()
        if not (folder / "qualification.yaml").is_file():
            what = "nie ma takiego katalogu" if not folder.is_dir() else "w katalogu nie ma pliku qualification.yaml"
            problems.append(at(i, "folder", f"„{entry['folder']}”: {what}"))
            continue
        if folder in seen:
            problems.append(at(i, "folder", f"katalog „{entry['folder']}” jest już na liście (pozycja {seen[folder] + 1})"))
        seen.setdefault(folder, i)
        slug = entry.get("slug")
        if slug in RESERVED_SLUGS:
            problems.append(at(i, "slug", f"adres „{slug}” zajmuje strona katalogu; wybierz inny "
                                          f"(zajęte: {', '.join(sorted(RESERVED_SLUGS))})"))
        elif slug and slug in slugs:
            problems.append(at(i, "slug", f"adres „{slug}” ma już pozycja {slugs[slug] + 1}; każda kwalifikacja "
                                          "potrzebuje własnego"))
        if slug:
            slugs.setdefault(slug, i)
    return problems


MAX_SLUG = 80


def default_slug(data: dict) -> str:
    """A qualification's address in the catalog when publisher.yaml gives none: its short name, else its name."""
    slug = slugify(data.get("short_name") or data["name"])
    # Long enough for a long official name's last, telling word ("…-systemu-crm", not "…-systemu");
    # cut at whole words only: "…-z-wykorzystaniem", never "…-z-wykorzystanie".
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG + 1].rsplit("-", 1)[0]
        while "-" in slug and len(slug.rsplit("-", 1)[1]) <= 2:  # nor "…-podrozy-z": no dangling "z", "w", "i"
            slug = slug.rsplit("-", 1)[0]
    return slug.strip("-") or "kwalifikacja"


def place(entries: list[dict], site_root: Path, loaded: list[dict]) -> list[Listed]:
    """Each listed folder with its address. `loaded`: each folder's qualification data, in order.
    One qualification keeps the site's root; two or more get a subtree each, slugs made unique."""
    catalog = len(entries) > 1
    taken = set(RESERVED_SLUGS) | {entry["slug"] for entry in entries if entry.get("slug")}
    listed = []
    for i, (entry, data) in enumerate(zip(entries, loaded)):
        slug = ""
        if catalog:
            slug = entry.get("slug")
            if not slug:
                base = slug = default_slug(data)
                n = 2
                while slug in taken:
                    slug, n = f"{base}-{n}", n + 1
                taken.add(slug)
        listed.append(Listed((site_root / entry["folder"]).resolve(), entry["folder"], slug, entry.get("blurb"), i))
    return listed
