"""What a candidate meets first, on a phone (390 px) and on a desktop: the home page's tools, the
Samoocena hub, the tools' status line with and without JavaScript, pages that fit a phone, the
self-rating row, a practice session that grows, and the readiness report leading to practice."""

from __future__ import annotations

import json
import re

import pytest

from bs4 import BeautifulSoup

from datafiles.bank import load_bank
from practical_modules.loading import load_practical
from tests.browser_visit import answer, goto_settled, wait_for_questions
from tests.data import CRITERIA, DATA_DIR, PAGES, PRACTICAL, QUALIFICATION, storage_key

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
READY = ".sc-status--ready"
HUB = next(spec for spec in PAGES if spec.template == "selfcheck_index.md.j2")
CATALOG = (load_practical(DATA_DIR, [c["id"] for c in CRITERIA]).data["tasks"]
           if PRACTICAL else [])
QUESTIONS_BY_CRITERION = load_bank(DATA_DIR, QUALIFICATION)[0].by_criterion()
# Pages with the tools' status line: every page with a script of its own.
TOOL_PAGES = [spec for spec in PAGES if spec.script]


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def context(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    context.viewport_name = request.param
    yield context
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


def open_page(context, url: str):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    goto_settled(page, url)
    return page


def test_the_home_page_offers_the_candidates_tool_first_and_the_holders_after(served_site, context):
    page = open_page(context, served_site.url)
    buttons = page.locator(".q-tools a.md-button")
    tools = [spec for spec in PAGES if spec.tool]
    assert buttons.count() == len(tools)
    hrefs = [buttons.nth(i).get_attribute("href") for i in range(buttons.count())]
    expected = [spec for spec in tools if not spec.for_holders] + [spec for spec in tools if spec.for_holders]
    assert [page.evaluate("h => new URL(h, location.href).href", h) for h in hrefs] == \
        [served_site.url + spec.url for spec in expected]
    assert "md-button--primary" in buttons.first.get_attribute("class")
    first, last = buttons.first.bounding_box(), buttons.last.bounding_box()
    assert (first["y"], first["x"]) <= (last["y"], last["x"])   # first on screen too, stacked or side by side


def test_the_hub_lists_every_tool_page_of_its_section(served_site, context):
    page = open_page(context, served_site.url + HUB.url)
    links = page.eval_on_selector_all(".md-content .grid.cards a", "links => links.map(a => [a.href, a.textContent])")
    expected = [[served_site.url + spec.url, spec.title] for spec in PAGES
                if spec.section == HUB.section and spec is not HUB]
    assert links == expected
    for n in range(len(expected)):   # each with a line on what it offers
        assert page.locator(".md-content .grid.cards > ul > li").nth(n).inner_text().strip() != expected[n][1]


# Records, before the page's own parsing, every text node that asks to enable JavaScript outside <noscript>.
WATCH_NO_JS_NOTE = """
window.__noJsNoteShown = false
const outsideNoscript = node => !(node.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.closest("noscript")
const asks = node => {
  const texts = node.nodeType === Node.TEXT_NODE ? [node] : []
  if (node.nodeType === Node.ELEMENT_NODE) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) texts.push(walker.currentNode)
  }
  return texts.some(text => /włącz JavaScript/i.test(text.data) && outsideNoscript(text))
}
new MutationObserver(records => {
  for (const record of records) for (const node of record.addedNodes) if (asks(node)) window.__noJsNoteShown = true
}).observe(document, { childList: true, subtree: true, characterData: true })
"""


@pytest.mark.parametrize("spec", TOOL_PAGES, ids=lambda spec: spec.url)
def test_a_tool_page_says_what_it_offers_while_python_starts_and_never_asks_for_javascript(served_site, phone, spec):
    phone.add_init_script(WATCH_NO_JS_NOTE)
    page = phone.new_page()
    response = page.goto(served_site.url + spec.url, wait_until="load")
    html = BeautifulSoup(response.text(), "html.parser")
    status = html.find(id="sc-status")
    starting = status["data-starting-text"]
    # Before any script: the line says what the page offers meanwhile; the JavaScript note is in <noscript>.
    assert html.find(id="sc-status-text").get_text() == starting
    assert html.find("noscript").find(class_="sc-nojs") is not None
    has_questions = bool(html.select("form.sc-question, form.sc-interview"))
    assert ("pytania" in starting) == has_questions, starting
    page.wait_for_selector(".sc-status--ready, .sc-status--failed", timeout=120_000)
    assert page.evaluate("window.__noJsNoteShown") is False
    assert page.locator(".sc-nojs").count() == 0 or page.locator(".sc-nojs").is_hidden()


def test_without_javascript_a_tool_page_says_so_and_hides_the_status_line(served_site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url + "samoocena/cwiczenia/", wait_until="load")
        assert page.locator(".sc-nojs").is_visible()
        assert "Włącz JavaScript" in page.locator(".sc-nojs").inner_text()
        assert page.locator("#sc-status").is_hidden()
    finally:
        context.close()


# Every element in the page's content ends inside the screen, or inside a box that scrolls sideways
# and itself fits (a wide table may scroll in its own box; the page never does).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = []
  for (const element of document.querySelectorAll('.md-content *')) {
    const box = element.getBoundingClientRect()
    if (!box.width || box.right <= width + 0.5) continue
    let scroller = element.parentElement
    while (scroller && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement
    if (scroller && scroller.getBoundingClientRect().right <= width + 0.5) continue
    out.push(`${element.tagName.toLowerCase()}.${element.className}: ${Math.round(box.right - width)} px`)
  }
  return [document.documentElement.scrollWidth - width, out.slice(0, 5)]
}"""


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url or "index")
def test_no_page_is_wider_than_a_phone(served_site, phone, spec):
    page = open_page(phone, served_site.url + spec.url)
    assert page.evaluate(OVERFLOW) == [0, []]
    page.close()


def test_the_three_self_ratings_stay_in_one_row(served_site, context):
    spec = next(spec for spec in PAGES if spec.template == "selfcheck_rating.md.j2")
    page = open_page(context, served_site.url + spec.url)
    rows = page.eval_on_selector_all(".sc-rating__criterion", """sets => sets.map(set =>
        [...set.querySelectorAll('.sc-rating__option')].map(option => Math.round(option.getBoundingClientRect().top)))""")
    assert len(rows) == len(CRITERIA)
    assert all(len(row) == 3 and len(set(row)) == 1 for row in rows)
    # No answer's words part: each label is one line.
    labels = page.eval_on_selector_all(".sc-rating__option label", "labels => labels.map(l => l.getClientRects().length)")
    assert set(labels) == {1}


def test_a_session_grown_by_mistakes_says_why_beside_the_count(served_site, phone):
    page = open_page(phone, served_site.url + "samoocena/cwiczenia/")
    page.wait_for_selector(READY, timeout=120_000)
    wait_for_questions(page)
    page.select_option("#sc-session-size", "5")
    page.click("#sc-session-new")
    text = page.locator("#sc-session-text")
    text.filter(has_text=re.compile(r"^Pytanie 1 z 5$")).wait_for()
    for number in range(1, 6):
        form = page.locator("#sc-session-slot .sc-question")
        answer(form)
        form.locator("button.sc-check").click()
        page.locator("#sc-session-next:visible").wait_for()
        if "(" in text.inner_text():
            break
        page.click("#sc-session-next")
        text.filter(has_text=f"Pytanie {number + 1} z").wait_for()
    shown = text.inner_text()
    assert re.fullmatch(r"Pytanie \d+ z 6 \(5 pytań sesji i 1 powtórka po błędnej odpowiedzi\)", shown), shown
    assert text.is_visible() and text.bounding_box()["x"] + text.bounding_box()["width"] <= PHONE["width"]
    assert page.errors == []


def test_the_report_leads_each_weak_criterion_to_its_practice_and_lists_unfinished_tasks(served_site, phone):
    # A criterion with questions, trained by a practical task when the qualification has them.
    task = next((t for t in CATALOG if any(c in QUESTIONS_BY_CRITERION for c in t["criteria"])), None)
    criterion = next(c for c in (task["criteria"] if task else [c["id"] for c in CRITERIA]) if c in QUESTIONS_BY_CRITERION)
    with_data = set(task["criteria"] if task else []) | {criterion}
    rating = open_page(phone, served_site.url + "samoocena/umiejetnosci/")
    rating.wait_for_selector(READY, timeout=120_000)
    rating.check(f"#ocena-{criterion.lower().replace('.', '-')}-nie")
    rating.locator("text=Ocena zapisana.").wait_for()
    if task:
        results = {"results": {task["id"]: {"attempts": 2, "last": 0.5, "best": 0.94, "at": "2026-11-25T10:00:00+01:00"}}}
        rating.evaluate("([key, value]) => localStorage.setItem(key, value)",
                        [storage_key("cwiczenia-praktyczne"), json.dumps(results)])
    report = open_page(phone, served_site.url + "samoocena/raport/")
    report.wait_for_selector(".sc-report__weakest")
    weakest = report.locator(".sc-report__weakest > li").first
    assert weakest.inner_text().startswith(criterion)
    practice = weakest.locator(".sc-report__practice a[href*='zakres=']")
    assert practice.count() == 1 and f"({len(QUESTIONS_BY_CRITERION[criterion])})" in practice.inner_text()
    assert practice.is_visible() and practice.bounding_box()["x"] + practice.bounding_box()["width"] <= PHONE["width"]
    trained_by = [t for t in CATALOG if criterion in t["criteria"]]
    task_links = weakest.locator(".sc-report__practice a[href*='#zadanie-']")
    assert task_links.count() == len(trained_by)
    for n, trained in enumerate(trained_by):
        assert task_links.nth(n).get_attribute("href").endswith(f"samoocena/praktyka/#zadanie-{trained['id']}")
        assert trained["title"] in task_links.nth(n).inner_text()
    assert report.locator(".sc-report__without summary").inner_text() == f"Kryteria bez danych ({len(CRITERIA) - len(with_data)})"
    if task:
        unfinished = report.locator(".sc-report__unfinished > li")
        assert unfinished.count() == 1
        assert task["title"] in unfinished.inner_text() and "94%" in unfinished.inner_text()
        assert unfinished.locator("a").get_attribute("href").endswith(f"#zadanie-{task['id']}")
    else:
        assert report.locator("#niedokonczone").count() == 0
    # The practice link opens the practice page on that criterion's questions only.
    practice.click()
    report.wait_for_selector(READY, timeout=120_000)
    wait_for_questions(report)
    assert report.locator("#sc-scope").input_value() == f"criterion:{criterion}"
    asked = report.locator("#sc-session-slot .sc-question")
    assert criterion in asked.get_attribute("data-criteria").split()
    assert report.errors == [] and rating.errors == []
