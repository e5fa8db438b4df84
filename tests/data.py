"""The data the site under test is built from, for tests that derive their expectations from it.

The suite runs against this project's qualification, or against another one in the folder named
by QUALIFICATION_DIR (the build reads the same variable): behaviour tests must pass on both.
Checks of this qualification's own facts carry the `content` marker.

When QUALIFICATION_DIR's publisher.yaml lists two or more qualifications (a catalog, e.g.
tests/fixtures/catalog), CATALOG_QUALIFICATION names the one under test, by its folder (relative to
the project, as QUALIFICATION_DIR is: `.` for the project's own) or by its slug; its data is loaded
here and the `site` and `served_site` fixtures (tests/conftest.py) give its subtree, so the same
tests run against each qualification of a catalog.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from datafiles.location import PROJECT as ROOT, data_dir
from datafiles.location import has_practical
from sitegen.catalog import Listed, listed_qualifications, place
from sitegen.glossary import load_glossary, qualification_glossary
from sitegen.pages import store_id
from sitegen.site_map import has_renewal, site_pages
from tests.site_server import BASE_PATH


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class SiteQualification:
    """One qualification the site publishes: where it is (its folder, its subtree) and its data."""
    listed: Listed
    data: dict
    glossary: dict

    @property
    def prefix(self) -> str:
        """Its pages' paths within the site: "" on a one-qualification site, "<slug>/" in a catalog."""
        return self.listed.prefix

    def storage_key(self, section: str) -> str:
        """The localStorage key its pages keep `section` under on the served site
        (docs/assets/selfcheck/storage.mjs: its id @ the path of its pages' root)."""
        return f"{store_id(self.data)}@{BASE_PATH}{self.prefix}:{section}"


SITE_DIR = data_dir(ROOT)  # the site's data: publisher.yaml, and the folders it lists
PUBLISHER = _load(SITE_DIR / "publisher.yaml")


def _site_qualifications() -> list[SiteQualification]:
    """Every qualification of the site, placed by the build's own rule (sitegen.catalog), with the
    glossary the build gives it: a catalog's shared glossary.yaml plus the folder's own terms."""
    entries = listed_qualifications(SITE_DIR, PUBLISHER)
    folders = [(SITE_DIR / entry["folder"]).resolve() for entry in entries]
    shared = SITE_DIR / "glossary.yaml"
    shared = load_glossary(shared) if len(entries) > 1 and shared.is_file() else None
    out = []
    for listed in place(entries, SITE_DIR, [_load(folder / "qualification.yaml") for folder in folders]):
        glossary = qualification_glossary(listed.folder, SITE_DIR.resolve(), shared)
        out.append(SiteQualification(listed, _load(listed.folder / "qualification.yaml"), glossary))
    return out


SITE_QUALIFICATIONS = _site_qualifications()
CATALOG = len(SITE_QUALIFICATIONS) > 1


def _under_test() -> SiteQualification:
    chosen = os.environ.get("CATALOG_QUALIFICATION")
    if not CATALOG:
        assert not chosen, f"CATALOG_QUALIFICATION={chosen}: {SITE_DIR} lists one qualification, not a catalog"
        return SITE_QUALIFICATIONS[0]
    options = ", ".join(f"{q.listed.slug} ({os.path.relpath(q.listed.folder, ROOT)})" for q in SITE_QUALIFICATIONS)
    assert chosen, f"{SITE_DIR} is a catalog: set CATALOG_QUALIFICATION to the slug or folder of one of: {options}"
    found = [q for q in SITE_QUALIFICATIONS if chosen == q.listed.slug or (ROOT / chosen).resolve() == q.listed.folder]
    assert found, f"CATALOG_QUALIFICATION={chosen}: not in {SITE_DIR / 'publisher.yaml'}; choose one of: {options}"
    return found[0]


UNDER_TEST = _under_test()
DATA_DIR = UNDER_TEST.listed.folder  # its data folder: qualification.yaml, selfcheck/bank/, practical/
PREFIX = UNDER_TEST.prefix
QUALIFICATION = UNDER_TEST.data
GLOSSARY = UNDER_TEST.glossary
PRACTICAL = has_practical(DATA_DIR)
PAGES = site_pages(QUALIFICATION, practical=PRACTICAL, catalog=CATALOG)
RENEWAL = QUALIFICATION["certificate"].get("renewal") if has_renewal(QUALIFICATION) else None
OUTCOMES = [outcome for qset in QUALIFICATION["sets"] for outcome in qset["outcomes"]]
CRITERIA = [criterion for outcome in OUTCOMES for criterion in outcome["criteria"]]
storage_key = UNDER_TEST.storage_key
