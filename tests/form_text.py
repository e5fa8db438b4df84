"""Read the sets, outcomes and criteria straight from the ZRK form preview (the source text).

Tests compare the site with this, not with qualification.yaml alone, so a transcription
mistake in the YAML is caught too.
"""

from __future__ import annotations

import re
from pathlib import Path

FORM = Path(__file__).resolve().parent / "fixtures" / "zrk-form-preview.txt"


def normalise(text: str) -> str:
    return " ".join(text.split())


def form_sets() -> list[dict]:
    text = FORM.read_text(encoding="utf-8")
    body = text.split("Zestawy efektów uczenia się", 1)[1].split("Informacje o instytucjach", 1)[0]
    sets = []
    for chunk in body.split("Numer zestawu w kwalifikacji*")[1:]:
        name = re.search(r"Nazwa zestawu\*\s+(.+?)\n", chunk).group(1)
        hours = int(re.search(r"Orientacyjny nakład pracy \[godz\.\]\*\s+(\d+)", chunk).group(1))
        outcomes = []
        for part in chunk.split("Efekt uczenia się\n")[1:]:
            outcome_text, criteria_text = part.split("Kryteria weryfikacji*", 1)
            # Extraction artifacts: bullets mix "-" and "●", lines break mid-sentence.
            items = re.split(r"\s*●\s*|^\s*-\s*", normalise(criteria_text))
            criteria = [item.strip(" ,.") for item in items if item.strip(" ,.")]
            outcomes.append({"text": normalise(outcome_text), "criteria": criteria})
        sets.append({"name": normalise(name), "hours": hours, "outcomes": outcomes})
    return sets
