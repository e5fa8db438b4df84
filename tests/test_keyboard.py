"""The site works with the keyboard alone: skip link, navigation, search, palette switch."""

from __future__ import annotations

import re

import pytest

from tests.browser_visit import goto_settled, wait_for_questions

from tests.test_browser_pages import PAGE_PATHS

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, cls: el.className || "", href: el.href || "", id: el.id || "",
          visible: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                   && box.left < innerWidth && box.top < innerHeight};
}"""


def tab_through(page, limit: int = 120) -> list[dict]:
    """Press Tab until focus comes back to the first element (or `limit` presses)."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stops and stop == stops[0]:
            break
        stops.append(stop)
    return stops


@pytest.fixture
def page(served_site, browser, request):
    width, height = getattr(request, "param", (1280, 900))
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    goto_settled(page, served_site.url + "walidacja/")
    yield page
    context.close()


def test_first_tab_stop_is_the_skip_link_and_it_moves_focus_to_the_content(page):
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate(FOCUSED)["cls"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#walidacja'")  # the jump is an event, not instant
    page.keyboard.press("Tab")
    # The next stop is inside the article, not back in the header.
    assert page.evaluate("() => document.activeElement.closest('article') !== null")


def test_tab_reaches_every_page_of_the_navigation_search_and_palette_switch(served_site, page):
    stops = tab_through(page)
    hrefs = {stop["href"].split("#")[0] for stop in stops}
    for path in PAGE_PATHS:
        assert served_site.url + path in hrefs, f"navigation link to {path!r} is not reachable"
    assert any("site-search__input" in stop["cls"] for stop in stops)
    assert any("md-option" in stop["cls"] for stop in stops), "palette switch not reachable"
    hidden = [stop for stop in stops if not stop["visible"] and stop["tag"] == "A"]
    assert hidden == [], f"links that take focus while invisible: {hidden}"


def test_search_is_usable_with_the_keyboard_alone(served_site, page):
    goto_settled(page, served_site.url + "opis/")
    page.keyboard.press("/")  # the search box's shortcut; also reachable with Tab (test above)
    assert "site-search__input" in page.evaluate(FOCUSED)["cls"]
    page.keyboard.type("komisji")
    page.wait_for_selector(".site-search__results a")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(FOCUSED)
    assert focused["href"].startswith(served_site.url), focused
    page.keyboard.press("Enter")
    target = re.split(r"[?#]", focused["href"])[0]
    assert target != served_site.url + "opis/"
    page.wait_for_url(lambda url: re.split(r"[?#]", url)[0] == target)


def test_palette_switch_works_with_the_keyboard(page):
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    for _ in range(10):
        page.keyboard.press("Tab")
        if "md-option" in page.evaluate(FOCUSED)["cls"]:
            break
    name = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert name == "Włącz tryb ciemny"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Włącz tryb jasny"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")


@pytest.mark.parametrize("page", [(390, 844)], indirect=True, ids=["phone"])
def test_on_a_phone_the_navigation_is_visible_when_reached_by_keyboard(served_site, page):
    stops = tab_through(page)
    nav_stops = [stop for stop in stops if "md-nav__link" in stop["cls"]]
    assert {stop["href"].split("#")[0] for stop in nav_stops} >= {served_site.url + p for p in PAGE_PATHS}
    hidden = [stop for stop in stops if not stop["visible"] and stop["tag"] == "A"]
    assert hidden == [], f"links that take focus while off screen: {hidden}"


DRAWER_SHOWN = "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().right > 0"


@pytest.mark.parametrize("page", [(390, 844)], indirect=True, ids=["phone"])
def test_on_a_phone_escape_leaves_the_navigation_drawer_for_the_page(page):
    # Reached by keyboard: Escape takes focus back to the page's heading, and the drawer goes.
    for _ in range(20):
        page.keyboard.press("Tab")
        if "md-nav__link" in page.evaluate(FOCUSED)["cls"]:
            break
    assert page.evaluate(DRAWER_SHOWN)
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.matches('.md-content h1')")
    page.wait_for_function(f"() => !({DRAWER_SHOWN})()")
    # Opened with the menu button: Escape closes it as the button would.
    page.locator(".md-header label[for=__drawer]").click()
    page.wait_for_function(DRAWER_SHOWN)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    page.wait_for_function(f"() => !({DRAWER_SHOWN})()")


@pytest.fixture
def tool_page(served_site, browser):
    """A page in a fresh browser profile, opened at a tool's path once Python is ready."""
    context = browser.new_context()
    page = context.new_page()

    def open_at(path: str):
        page.goto(served_site.url + path)
        page.wait_for_selector(".sc-status--ready", timeout=120_000)
        return wait_for_questions(page)

    yield open_at
    context.close()


def test_a_practice_question_can_be_answered_and_checked_with_the_keyboard(tool_page):
    page = tool_page("samoocena/cwiczenia/?widok=lista")
    form = page.locator(".sc-question:has(input[type=radio])").first
    form.locator("input[type=radio]").first.focus()   # start at the question; keys from here on
    page.keyboard.press("ArrowDown")                    # radio group: arrows move and select
    assert form.locator("input[type=radio]:checked").count() == 1
    for _ in range(10):
        page.keyboard.press("Tab")
        if "sc-check" in page.evaluate("() => document.activeElement.className"):
            break
    page.keyboard.press("Enter")
    form.locator(".sc-feedback p").first.wait_for()
    assert "Wyjaśnienie" in form.locator(".sc-feedback").inner_text()


def test_a_practice_session_runs_on_the_keyboard_alone(tool_page):
    """The session focuses each question; keys answer it, Enter checks it and Enter on "Dalej" goes on."""
    page = tool_page("samoocena/cwiczenia/")
    page.locator("#sc-session-text", has_text="Pytanie 1 z").wait_for()
    # The page started the session by itself: focus stayed where the candidate had it, who now goes
    # to the question; from "Dalej" on, the session moves focus to each question.
    first = page.locator("#sc-session-slot .sc-question")
    assert not first.evaluate("f => f.contains(document.activeElement)")
    first.locator("input, select, textarea").first.focus()
    for number in (1, 2):
        form = page.locator("#sc-session-slot .sc-question")
        kind = page.evaluate("() => document.activeElement.type || document.activeElement.tagName")
        assert form.evaluate("f => f.contains(document.activeElement)")            # focus is in the question
        if kind == "radio":
            page.keyboard.press("ArrowDown")
        elif kind == "checkbox":
            page.keyboard.press("Space")
        elif kind == "select-one":   # an ordering or matching question: row n takes the n-th choice
            selects = form.locator("select")
            for index in range(selects.count()):
                selects.nth(index).focus()
                for _ in range(index + 1):
                    page.keyboard.press("ArrowDown")
        else:
            page.keyboard.type("12")
        page.keyboard.press("Enter")
        form.locator(".sc-feedback__verdict").wait_for()
        assert page.evaluate("() => document.activeElement.id") == "sc-session-next"
        assert page.evaluate("""() => { const box = document.activeElement.getBoundingClientRect()
                                        return box.top >= 0 && box.bottom <= innerHeight + 1 }"""), "focus on a button out of view"
        page.keyboard.press("Enter")
        page.locator("#sc-session-text", has_text=f"Pytanie {number + 1} z").wait_for()
