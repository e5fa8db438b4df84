"""Two qualifications of one catalog in one browser: each keeps the candidate's progress under its
own storage keys, a progress file of one is refused by the other with a clear message, practical
tasks run in their own qualification's subtree, and the Python runtime one of them fetched serves
the other from the cache.

Needs a catalog build (`make test` runs it with QUALIFICATION_DIR=tests/fixtures/catalog);
qualifications, criteria and names come from the data (tests/data.py).
"""

from __future__ import annotations

import json
from itertools import permutations

import pytest

from datafiles.location import has_practical
from selfcheck.structure import anchor
from sitegen.site_map import PAGES
from tests.browser_visit import wait_for_questions
from tests.data import CATALOG, SITE_QUALIFICATIONS
from tests.test_python_runtime_browser import PRACTICE, PYTHON_START, RUNTIME_FILES, runtime_requests, visit

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CATALOG, reason="needs a catalog: QUALIFICATION_DIR=tests/fixtures/catalog")]

READY = ".sc-status--ready"
RATINGS = "samoocena/umiejetnosci/"
REPORT = "samoocena/raport/"
PAIRS = list(permutations(SITE_QUALIFICATIONS, 2))
PAIR_IDS = [f"{one.listed.slug}-to-{other.listed.slug}" for one, other in PAIRS]
TASKS = next(spec for spec in PAGES if spec.template == "selfcheck_practical.md.j2")
WITH_TASKS = [q for q in SITE_QUALIFICATIONS if has_practical(q.listed.folder)]


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def url_of(served_site, qualification, path: str) -> str:
    return served_site.site_url + qualification.prefix + path


def open_page(context, url: str):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector(READY, timeout=PYTHON_START)
    wait_for_questions(page)
    return page


def stored(page, key: str):
    text = page.evaluate("key => localStorage.getItem(key)", key)
    return json.loads(text) if text else None


def first_criterion(qualification) -> str:
    return qualification.data["sets"][0]["outcomes"][0]["criteria"][0]["id"]


def rate(page, criterion: str, value: str) -> None:
    page.check(f"#ocena-{anchor(criterion)}-{value}")
    page.locator("text=Ocena zapisana.").first.wait_for()


def test_each_qualification_keeps_its_own_progress(served_site, context):
    one, other = SITE_QUALIFICATIONS[:2]
    assert one.storage_key("samoocena") != other.storage_key("samoocena")
    mine, theirs = first_criterion(one), first_criterion(other)
    first = open_page(context, url_of(served_site, one, RATINGS))
    rate(first, mine, "nie")
    second = open_page(context, url_of(served_site, other, RATINGS))
    assert second.locator(".sc-rating__criterion input:checked").count() == 0  # nothing of the first one's
    rate(second, theirs, "tak")
    assert stored(second, one.storage_key("samoocena"))["ratings"] == {mine: "nie"}
    assert stored(second, other.storage_key("samoocena"))["ratings"] == {theirs: "tak"}
    first.reload()
    first.wait_for_selector(READY, timeout=PYTHON_START)
    first.locator("#sc-rated", has_text="Oceniono 1 z").wait_for()  # its own progress read back and shown
    assert first.locator(".sc-rating__criterion input:checked").count() == 1
    assert first.is_checked(f"#ocena-{anchor(mine)}-nie")
    assert first.errors == [] and second.errors == []


@pytest.mark.parametrize("one, other", PAIRS, ids=PAIR_IDS)
def test_a_progress_file_of_one_qualification_is_refused_by_another(served_site, context, tmp_path, one, other):
    ratings = open_page(context, url_of(served_site, one, RATINGS))
    rate(ratings, first_criterion(one), "tak")
    report = open_page(context, url_of(served_site, one, REPORT))
    with report.expect_download() as download:
        report.click("#sc-progress-export")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["qualification"] == one.data["name"]

    theirs = open_page(context, url_of(served_site, other, RATINGS))
    rate(theirs, first_criterion(other), "nie")
    key = other.storage_key("samoocena")
    before = stored(theirs, key)
    elsewhere = open_page(context, url_of(served_site, other, REPORT))
    elsewhere.set_input_files("#sc-progress-import", str(path))
    message = elsewhere.locator("#sc-progress-message")
    message.get_by_text("To postępy innej kwalifikacji").wait_for(timeout=PYTHON_START)
    text = message.inner_text()
    assert f"Nie wczytano pliku „{path.name}”" in text and f"„{one.data['name']}”" in text, text
    assert "Twoje obecne postępy się nie zmieniły" in text, text
    assert stored(elsewhere, key) == before
    assert ratings.errors == [] and report.errors == [] and elsewhere.errors == []


@pytest.mark.skipif(not WITH_TASKS, reason="no qualification of this catalog has practical tasks")
def test_practical_tasks_run_and_keep_their_work_in_their_own_subtree(served_site, context):
    one = WITH_TASKS[0]
    page = open_page(context, url_of(served_site, one, TASKS.url))
    card = page.locator(".crm-task").first
    card.get_by_role("button", name="Sprawdź zadanie").click()
    card.locator(".crm-result__score").wait_for()
    assert len(stored(page, one.storage_key("cwiczenia-praktyczne"))["results"]) == 1
    assert [stored(page, q.storage_key("cwiczenia-praktyczne")) for q in SITE_QUALIFICATIONS if q is not one] == \
        [None] * (len(SITE_QUALIFICATIONS) - 1)
    assert page.errors == []


def test_the_python_runtime_one_qualification_fetched_serves_the_other(served_site, context):
    one, other = SITE_QUALIFICATIONS[:2]
    visit(context, url_of(served_site, one, PRACTICE), keep_snapshot=True).close()
    requested = runtime_requests(context)
    second = visit(context, url_of(served_site, other, PRACTICE))
    assert not [name for name in requested if name in RUNTIME_FILES], requested
    assert not any("Pobieranie" in text for text in second.evaluate("window.statusTexts"))
    assert not [line for line in second.console if "migawka" in line], second.console  # the same snapshot, restored
