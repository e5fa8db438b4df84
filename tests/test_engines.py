"""Two engines, one site: the folder `python -m sitegen stage` writes builds with the second engine
(MkDocs NG + its Material fork, no hooks) into the same pages, downloads and main content as the
default MkDocs build through the hook."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.slugs import with_heading_ids
from tests.conftest import ENGINE, ENGINE_PYTHON, ROOT, build_site

# Files the theme brings (its scripts, styles, fonts, icons), named after its version: not ours to compare.
THEME_FILES = ("assets/javascripts/bundle.", "assets/javascripts/workers/", "assets/javascripts/lunr/",
               "assets/stylesheets/", "assets/images/", "sitemap.xml.gz")


@pytest.fixture(scope="module")
def sites(site, tmp_path_factory) -> dict[str, Path]:
    """The session's site, and the same site built by the other engine."""
    other = "mkdocs-ng" if ENGINE == "mkdocs" else "mkdocs"
    if not ENGINE_PYTHON["mkdocs-ng"].exists():
        pytest.skip("the second engine is not installed: `make test` installs it (.venv-mkdocs-ng)")
    site_dir = tmp_path_factory.mktemp(f"site-{other}")
    result = build_site(ROOT, site_dir, engine=other)
    assert result.returncode == 0, f"{other} build failed:\n{result.stdout}\n{result.stderr}"
    return {ENGINE: site, other: site_dir}


def _our_files(site_dir: Path) -> dict[str, str]:
    return {path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site_dir.rglob("*")) if path.is_file()
            and not path.relative_to(site_dir).as_posix().startswith(THEME_FILES) and path.suffix != ".map"}


def _main_content(page: Path) -> dict:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    return {
        "title": soup.title.get_text(),
        "description": soup.find("meta", attrs={"name": "description"})["content"],
        "statement": soup.find("meta", attrs={"name": "deklaracja-dostępności"})["content"],
        "navigation": [link.get_text(" ", strip=True) for link in soup.select("nav.md-nav--primary a.md-nav__link")],
        "text": article.get_text(" ", strip=True),
        "ids": [element["id"] for element in article.select("[id]")],
        "scripts": [script.get("src") for script in soup.select("script[type=module]")],
    }


def test_both_engines_build_the_same_pages_downloads_and_runtime_files(sites):
    first, second = (_our_files(site_dir) for site_dir in sites.values())
    assert sorted(first) == sorted(second)
    assert [path for path in first if path.endswith(".html")], "no pages built"
    # Pages differ by the theme's asset names and the generator tag; everything else is ours, byte for byte.
    differing = [path for path in first if first[path] != second[path] and not path.endswith(".html")
                 and not path.startswith("search/")]
    assert differing == []


@pytest.mark.parametrize("page", ["index.html", "walidacja/index.html", "efekty-uczenia-sie/index.html",
                                  "slowniczek/index.html", "samoocena/cwiczenia/index.html",
                                  "deklaracja-dostepnosci/index.html"])
def test_both_engines_render_the_same_main_content(sites, page):
    first, second = (site_dir / page for site_dir in sites.values())
    if not first.exists():
        pytest.skip(f"{page}: not a page of this qualification")
    assert _main_content(first) == _main_content(second)


def test_every_page_reads_the_same_on_both_engines(sites):
    first, second = sites.values()
    for page in sorted(first.rglob("index.html")):
        path = page.relative_to(first)
        assert _main_content(page)["text"] == _main_content(second / path)["text"], path


def test_staged_config_has_the_data_and_no_hooks(tmp_path):
    from sitegen.build import build_content
    from sitegen.stage import stage_site
    from tests.data import PUBLISHER

    config_path = stage_site(build_content(ROOT), ROOT, tmp_path)
    text = config_path.read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL, null]" in text  # the engine reads the address when it builds
    config = yaml.load(text.replace("!ENV", ""), Loader=yaml.SafeLoader)
    assert "hooks" not in config and "watch" not in config
    assert config["site_name"] == PUBLISHER["site_name"]
    assert config["nav"][0] == "index.md"
    assert (tmp_path / "docs" / "index.md").is_file() and (tmp_path / "docs" / "assets" / "site.css").is_file()
    assert (tmp_path / config["theme"]["custom_dir"] / "main.html").is_file()


def test_heading_without_id_gets_its_polish_slug():
    assert with_heading_ids("## Zapotrzebowanie na kwalifikację") == "## Zapotrzebowanie na kwalifikację { #zapotrzebowanie-na-kwalifikacje }"


def test_heading_with_id_keeps_it_and_others_class_gains_one():
    markdown = "## Metody { #metody }\n### Słowniczek { .wide }"
    assert with_heading_ids(markdown) == "## Metody { #metody }\n### Słowniczek { #slowniczek .wide }"


def test_repeated_heading_gets_numbered_ids_like_toc():
    assert with_heading_ids("## Dla kogo\n## Dla kogo") == "## Dla kogo { #dla-kogo }\n## Dla kogo { #dla-kogo_1 }"


def test_front_matter_and_fenced_code_keep_their_hash_lines():
    markdown = "---\n# a YAML comment\ntitle: x\n---\n```\n# code\n```\n# Tytuł"
    assert with_heading_ids(markdown) == "---\n# a YAML comment\ntitle: x\n---\n```\n# code\n```\n# Tytuł { #tytul }"
