"""Open a page in the browser and record what it did: requests, statuses, console errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page


@dataclass
class Visit:
    page: Page
    requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def other_hosts(self, origin: str) -> list[str]:
        return [url for url in self.requests
                if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                and f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" != origin]


def visit(context: BrowserContext, url: str, *, expect_status: int = 200) -> Visit:
    page = context.new_page()
    record = Visit(page)
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("requestfailed", lambda request: record.failed.append(f"{request.url}: {request.failure}"))
    page.on("console", lambda message: message.type == "error" and record.console_errors.append(
        f"{message.text} ({message.location.get('url', '')})"))
    page.on("pageerror", lambda error: record.console_errors.append(f"uncaught: {error}"))

    def check_response(response):
        expected = expect_status if response.url == url else 200
        if response.status != expected and response.status not in (301, 304):
            record.bad_responses.append(f"{response.status} {response.url}")
    page.on("response", check_response)

    goto_settled(page, url)
    return record


SLOW = 120_000  # ms: generous, for a loaded 2-core machine; nothing here sleeps


def goto_settled(page: Page, url: str):
    """Open `url` and wait for the events a page's checks depend on, not for a quiet network: the
    load event, which comes after the page's module scripts have run (the search box is set up)."""
    page.goto(url, wait_until="load", timeout=SLOW)
    return page


def at_path(pattern: str):
    """A route's URL matcher on the path alone, whatever the query: the shared Python worker's URL
    names its qualification's data in one (docs/assets/selfcheck/python.mjs), which Playwright's
    own glob would have to spell out."""
    return lambda url: fnmatch(urlsplit(url).path, pattern)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def answer(form) -> None:
    """Give some answer to a question of any type, the way a candidate would with the mouse."""
    choices = form.locator("input[type=radio], input[type=checkbox]")
    if choices.count():
        choices.first.check()
    selects = form.locator("select")
    for index in range(selects.count()):
        selects.nth(index).select_option(index=index + 1)
    if form.locator("input[type=text]").count():
        form.locator("input[type=text]").fill("12")


def answer_and_check(form):
    """Answer a question form and press its check button; returns its feedback area."""
    answer(form)
    form.locator("button.sc-check").click()
    return form.locator(".sc-feedback")


def watched_page(context: BrowserContext, url: str) -> Page:
    """A page that records its script errors in `page.errors` and accepts every dialog."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(url)
    return page


# Question forms come by outcome after the page loads (docs/assets/selfcheck/question-forms.mjs):
# a list of them says aria-busy="true" until they are all in place, and a practice session box
# data-loading until the session's question replaced the one shown before Python was ready.
QUESTIONS_IN_PLACE = "() => !document.querySelector('[aria-busy=true], [data-loading]')"


def wait_for_questions(page: Page) -> Page:
    """Once a tool page is ready: its lists of questions are in place."""
    page.wait_for_function(QUESTIONS_IN_PLACE)
    return page
