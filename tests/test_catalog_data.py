"""A catalog's data: publisher.yaml's list of folders, the shared glossary and a qualification's own
terms, and the messages a wrong list gets. Built from copies of the fixture qualification, so the
checks hold whatever the published qualification is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from datafiles.problems import DataError
from sitegen.build import build_content
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "other-qualification"


def _catalog(tmp_path: Path, entries: list[dict], *, shared_glossary: bool = True, missing: tuple = ()) -> Path:
    """A site folder: publisher.yaml (the fixture's, with `entries`), the fixture's glossary as the
    shared one, and each entry's folder a copy of the fixture qualification with its own name."""
    site = tmp_path / "site"
    site.mkdir()
    publisher = yaml.safe_load((FIXTURE / "publisher.yaml").read_text(encoding="utf-8"))
    publisher["qualifications"] = entries
    (site / "publisher.yaml").write_text(yaml.safe_dump(publisher, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if shared_glossary:
        shutil.copy2(FIXTURE / "glossary.yaml", site / "glossary.yaml")
    for n, entry in enumerate(entries, 1):
        folder = site / entry["folder"]
        if folder.exists() or entry["folder"] in missing:
            continue
        shutil.copytree(FIXTURE / "selfcheck", folder / "selfcheck")
        data = (FIXTURE / "qualification.yaml").read_text(encoding="utf-8")
        name = yaml.safe_load(data)["name"]
        (folder / "qualification.yaml").write_text(data.replace(name, f"{name} {n}"), encoding="utf-8")
    return site


def _build(monkeypatch, site: Path):
    monkeypatch.setenv("QUALIFICATION_DIR", str(site))
    (site / "node_modules").symlink_to(ROOT / "node_modules")
    return build_content(ROOT)


def test_each_qualification_gets_its_subtree_and_the_catalog_its_root(tmp_path, monkeypatch):
    site = _catalog(tmp_path, [{"folder": "a", "slug": "pierwsza"}, {"folder": "b"}])
    content = _build(monkeypatch, site)
    assert content.catalog
    names = [yaml.safe_load((site / f / "qualification.yaml").read_text(encoding="utf-8"))["name"] for f in "ab"]
    slugs = ["pierwsza", None]
    assert "index.md" in content.pages  # the catalog
    for name in names:
        assert name in content.pages["index.md"]
    # The default slug comes from the name, whole words only.
    second = next(path.split("/")[0] for path in content.pages if path.endswith("/opis.md") and not path.startswith("pierwsza/"))
    slugs[1] = second
    for slug in slugs:
        assert f"{slug}/index.md" in content.pages and f"{slug}/dane/qualification.json" in content.files
        assert f"{slug}/assets/selfcheck/runtime.json" in content.files
    # One runtime for all: both manifests name the same folder.
    import json
    folders = {json.loads(content.files[f"{slug}/assets/selfcheck/runtime.json"])["key"] for slug in slugs}
    assert len(folders) == 1


def test_own_terms_add_to_the_shared_glossary_and_replace_a_shared_term(tmp_path, monkeypatch):
    site = _catalog(tmp_path, [{"folder": "a", "slug": "pierwsza"}, {"folder": "b", "slug": "druga"}])
    shared = yaml.safe_load((site / "glossary.yaml").read_text(encoding="utf-8"))
    first, second = shared["terms"][0], shared["terms"][1]
    own = {"groups": [{"id": "wlasne", "heading": "Pojęcia własne tej kwalifikacji"}],
           "terms": [{**first, "tooltip": "Własne objaśnienie tej kwalifikacji.", "definition": "Własna definicja."},
                     {"id": "haslo-wlasne", "term": "hasło własne", "group": "wlasne", "forms": ["hasło własne"],
                      "tooltip": "Hasło tylko tej kwalifikacji.", "definition": "Hasło tylko tej kwalifikacji.",
                      "source": "dane testowe"}]}
    (site / "b" / "glossary.yaml").write_text(yaml.safe_dump(own, allow_unicode=True), encoding="utf-8")
    content = _build(monkeypatch, site)
    mine, other = content.pages["druga/slowniczek.md"], content.pages["pierwsza/slowniczek.md"]
    assert "Pojęcia własne tej kwalifikacji" in mine and "Pojęcia własne tej kwalifikacji" not in other
    assert "Własna definicja." in mine and "Własna definicja." not in other
    assert second["term"] in mine and second["term"] in other  # the shared terms are on both


def test_a_wrong_list_is_named_with_its_line(tmp_path, monkeypatch):
    site = _catalog(tmp_path, [{"folder": "a", "slug": "porownanie"}, {"folder": "nie-ma"}, {"folder": "a"}], missing=("nie-ma",))
    with pytest.raises(DataError) as caught:
        _build(monkeypatch, site)
    messages = [str(problem) for problem in caught.value.problems]
    assert any("publisher.yaml:" in m and "qualifications[0].slug" in m and "zajmuje strona katalogu" in m for m in messages)
    assert any("qualifications[1].folder" in m and "nie ma takiego katalogu" in m for m in messages)
    assert any("qualifications[2].folder" in m and "jest już na liście (pozycja 1)" in m for m in messages)


def test_a_broken_file_in_a_listed_folder_is_named_with_its_folder(tmp_path, monkeypatch):
    site = _catalog(tmp_path, [{"folder": "a"}, {"folder": "kwalifikacje/b"}])
    path = site / "kwalifikacje" / "b" / "qualification.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("prk_level:", "prk_level: dziewięć\nx_prk:", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        _build(monkeypatch, site)
    assert all(str(p).startswith("kwalifikacje/b/qualification.yaml:") for p in caught.value.problems), caught.value.report()
