"""The generated pages' Markdown and wording, read straight from the build's output (no browser):
lists stay lists, method names stand where their nominative reads right, and the register link
goes to the qualification's entry when the data has its address."""

from __future__ import annotations

import re

import pytest
import yaml

from sitegen.build import build_content
from tests.conftest import ROOT
from tests.data import QUALIFICATION
from tests.form_text import FORM


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return build_content(ROOT).pages


def test_no_list_item_runs_into_the_line_before_it(pages):
    # A template tag that swallows a line end glues the next "- item" to the text before it.
    for path, text in pages.items():
        glued = [line for line in text.splitlines() if re.search(r"\S {2,}(?:[-*]|\d+\.) \S", line)]
        assert glued == [], f"{path}: {glued[:2]}"


def test_method_names_follow_a_noun_never_a_verb_that_needs_another_case(pages):
    methods = QUALIFICATION["validation"]["verification"]["methods"]["list"]
    names = [m["name"] for m in methods if m["part"] in ("theory", "practice")]
    for path, text in pages.items():
        for name in names:
            assert not re.search(r"\b(obejmuje|stosuje się|przeprowadza się)\s*:?\s*" + re.escape(name), text), (path, name)
    if QUALIFICATION.get("candidate_guide"):
        assert f"Metody walidacji według opisu kwalifikacji: {', '.join(names)}" in pages["index.md"]


def _guide_text(project) -> str:
    return build_content(project).pages["walidacja.md"]


def test_the_register_link_goes_to_the_entry_when_the_data_has_its_address(project_copy, monkeypatch):
    monkeypatch.delenv("QUALIFICATION_DIR", raising=False)  # the copy holds the data under test (project_copy)
    data = yaml.safe_load((project_copy / "qualification.yaml").read_text(encoding="utf-8"))
    if not data.get("candidate_guide"):
        pytest.skip("this qualification's data has no guide for candidates")
    name = data["name"]
    data["candidate_guide"]["register_entry_url"] = ""
    (project_copy / "qualification.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    home = data["candidate_guide"]["register_url"]
    text = _guide_text(project_copy)
    assert f"[{home}]({home}) — wyszukaj w nim kwalifikację „{name}”" in text   # no entry: the register, and what to look for
    entry = home.rstrip("/") + "/wpis-testowy"
    data["candidate_guide"]["register_entry_url"] = entry
    (project_copy / "qualification.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text = _guide_text(project_copy)
    assert f"[wpis tej kwalifikacji w Zintegrowanym Rejestrze Kwalifikacji]({entry})" in text
    assert "wyszukaj w nim" not in text


@pytest.mark.content
def test_the_form_states_no_register_entry_so_the_data_leaves_it_empty():
    # The entry's address may only come from the form (or a documented pattern with the form's code).
    form = FORM.read_text(encoding="utf-8")
    assert not re.search(r"https?://|kwalifikacje\.gov\.pl|Kod kwalifikacji", form)
    assert QUALIFICATION["candidate_guide"]["register_entry_url"] == ""
