"""Screenshots of every page at desktop and phone width (test-artifacts/screenshots/), the
layout checks a screenshot makes obvious, and the print view.

Look at the saved pictures after a change to the layout; the assertions catch the rest.
"""

from __future__ import annotations

import pytest

from tests.browser_visit import goto_settled

from tests.conftest import ARTIFACTS
from tests.test_browser_pages import PAGE_PATHS

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "screenshots"
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def shot_name(path: str, viewport: str, suffix: str = "") -> str:
    return f"{(path.strip('/') or 'index')}-{viewport}{suffix}.png"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_screenshot_and_no_sideways_scrolling(served_site, browser, path, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        goto_settled(page, served_site.url + path)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / shot_name(path, viewport), full_page=True)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    finally:
        context.close()


@pytest.fixture(scope="module")
def print_page(served_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    goto_settled(page, served_site.url + "druk/")
    page.emulate_media(media="print")
    yield page
    context.close()


def test_print_view_hides_site_chrome(print_page):
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]:
        assert print_page.eval_on_selector(selector, "el => getComputedStyle(el).display") == "none", selector


def test_print_view_prints_the_whole_qualification_as_pdf(print_page):
    pdf = print_page.pdf(format="A4", print_background=False)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "cala-kwalifikacja.pdf").write_bytes(pdf)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 5 <= pages <= 30, f"{pages} pages"
    print_page.screenshot(path=SHOTS / "druk-print.png", full_page=True)
