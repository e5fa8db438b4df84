"""The data the site under test is built from, for tests that derive their expectations from it.

The suite runs against this project's qualification, or against another one in the folder named
by QUALIFICATION_DIR (the build reads the same variable): behaviour tests must pass on both.
Checks of this qualification's own facts carry the `content` marker.
"""

from __future__ import annotations

import yaml

from datafiles.location import PROJECT as ROOT, data_dir
from datafiles.location import has_practical
from sitegen.site_map import has_renewal, site_pages

DATA_DIR = data_dir(ROOT)


def _load(name: str):
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


QUALIFICATION = _load("qualification.yaml")
GLOSSARY = _load("glossary.yaml")
PUBLISHER = _load("publisher.yaml")
PAGES = site_pages(QUALIFICATION, practical=has_practical(DATA_DIR))
RENEWAL = QUALIFICATION["certificate"].get("renewal") if has_renewal(QUALIFICATION) else None
OUTCOMES = [outcome for qset in QUALIFICATION["sets"] for outcome in qset["outcomes"]]
CRITERIA = [criterion for outcome in OUTCOMES for criterion in outcome["criteria"]]
