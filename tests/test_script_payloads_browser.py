"""A site built from hostile data runs none of it: every page, every tooltip, a checked answer.

Script payloads go into every plain-text field of every data file (qualification, glossary,
publisher, the question bank), raw HTML into the rich-text glossary definitions and an
`<img onerror>` into the tooltips. The build must pass its checks and, in Chromium, no
dialog opens, no element carries an `on…` attribute and no link is a `javascript:` link.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from tests.browser_visit import QUESTIONS_IN_PLACE
import yaml

from sitegen.pages import PAGES
from tests.conftest import PROJECT_FILES, ROOT, run_mkdocs_build
from tests.data_payloads import replace_bank_text, replace_text
from tests.site_server import BASE_PATH, SiteServer, free_port

pytestmark = pytest.mark.browser

SCRIPT = "\"'><script>alert('s{n}')</script><img src=x onerror=alert('i{n}')>{{: onclick=alert('a{n}') }}[L](javascript:alert('j{n}')) {{{{7*7}}}}"
TOOLTIP = "<img src=x onerror=alert('tooltip')> <b>pogrubienie?</b>"
DEFINITION = "**Objaśnienie** <script>alert('d')</script> <img src=x onerror=alert('d2')> [strona](walidacja.md)"

# What the page must show for the payloads: as text, whole.
SHOWN_SCRIPT = "<script>alert('s"


def _write_yaml(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def poison(project: Path) -> None:
    numbers = itertools.count(1)
    payload = lambda: SCRIPT.format(n=next(numbers))  # noqa: E731 - unique texts: the data wants them unique
    for name, schema in [("qualification.yaml", "qualification.schema.json"), ("publisher.yaml", "publisher.schema.json")]:
        path = project / name
        _write_yaml(path, replace_text(yaml.safe_load(path.read_text(encoding="utf-8")), schema, payload))
    path = project / "glossary.yaml"
    glossary = replace_text(yaml.safe_load(path.read_text(encoding="utf-8")), "glossary.schema.json", payload)
    for term in glossary["terms"]:
        term["tooltip"], term["definition"] = TOOLTIP, DEFINITION
    _write_yaml(path, glossary)
    for path in (project / "selfcheck" / "bank").glob("*.yaml"):
        _write_yaml(path, replace_bank_text(yaml.safe_load(path.read_text(encoding="utf-8")), payload))


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("poisoned")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    poison(project)
    port = free_port()
    site_dir = tmp_path_factory.mktemp("poisoned-site")
    result = run_mkdocs_build(project, site_dir, site_url=f"http://127.0.0.1:{port}{BASE_PATH}")
    assert result.returncode == 0, f"the data checks or the build refused the payloads:\n{result.stdout}\n{result.stderr}"
    with SiteServer(site_dir, port) as server:
        yield server


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


HANDLERS_AND_LINKS = """() => ({
  handlers: [...document.querySelectorAll('*')].flatMap(el =>
      [...el.attributes].filter(a => a.name.startsWith('on')).map(a => `${el.tagName} ${a.name}`)),
  links: [...document.querySelectorAll('a[href], area[href]')].filter(a => a.protocol === 'javascript:').map(a => a.href),
  scripts: [...document.scripts].filter(s => s.type !== 'application/ld+json' && s.textContent.includes('alert(')).length,
})"""


# The practice list shows every question's form, fetched after the page loads.
@pytest.mark.parametrize("path", [spec.url for spec in PAGES] + ["samoocena/cwiczenia/?widok=lista"])
def test_hostile_data_runs_nothing_on_any_page(poisoned_site, context, path):
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(poisoned_site.url + path, wait_until="load")
    if "widok=lista" in path:
        page.wait_for_function(QUESTIONS_IN_PLACE)
        assert page.locator("#sc-questions .sc-question").count() > 1
    for abbr in page.locator("article abbr").all()[:40]:  # every glossary mark (bounded: the same tooltips repeat)
        abbr.hover()
    found = page.evaluate(HANDLERS_AND_LINKS)
    assert dialogs == []
    assert found == {"handlers": [], "links": [], "scripts": 0}
    page.close()


def test_data_is_shown_as_text(poisoned_site, context):
    page = context.new_page()
    page.goto(poisoned_site.url, wait_until="load")
    assert SHOWN_SCRIPT in page.locator("article h1").inner_text()
    page.close()


def test_tooltips_show_markup_as_text(poisoned_site, context):
    page = context.new_page()
    page.goto(poisoned_site.url + "opis/", wait_until="load")
    abbr = page.locator("article abbr").first
    abbr.hover()
    # Material moves the title into a tooltip element; it must hold the tooltip's text, not its markup.
    tooltip = page.locator(".md-tooltip2", has_text="onerror=alert('tooltip')").first
    tooltip.wait_for(state="attached")
    assert tooltip.locator("img, b").count() == 0
    page.close()


def test_checked_answer_shows_explanation_as_text(poisoned_site, context):
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(poisoned_site.url + "samoocena/cwiczenia/", wait_until="load")
    form = page.locator("form.sc-question").filter(has=page.locator("input[type=radio]")).first
    form.locator("input[type=radio]").first.check()
    form.locator("button[type=submit]").click()
    feedback = form.locator(".sc-feedback")
    feedback.filter(has_text=SHOWN_SCRIPT).wait_for(timeout=120_000)  # Python starts first: slow on a loaded machine
    assert feedback.locator("script, img").count() == 0
    assert dialogs == []
    page.close()
