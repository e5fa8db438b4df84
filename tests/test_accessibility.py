"""axe-core (WCAG 2.1 A and AA rules) finds no violation on any page, in light and dark palettes."""

from __future__ import annotations

import pytest

from tests.browser_visit import goto_settled

from tests.conftest import ROOT
from tests.test_browser_pages import PAGE_PATHS

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), "axe-core is missing: run `npm ci` (the Makefile does)"
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list[str]:
    # Colours are measured once nothing moves: a button fading in (Material's "back to top" after
    # focus scrolled the page) has half its contrast mid-transition.
    page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)))")
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_has_no_wcag_violations(served_site, browser, axe_source, path, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        goto_settled(page, served_site.url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        assert axe_violations(page, axe_source) == []
    finally:
        context.close()
