"""The browser never lies about saving and never loses progress.

Storage that is full, blocked or forbidden, damaged saved data, a bank that changed, two sites
on one origin, and Python files that do not arrive: each in a real Chromium with real Pyodide.
"""

from __future__ import annotations

import json
import re
from urllib.request import urlopen

import pytest

from sitegen.pages import store_id
from tests.data import CRITERIA, PAGES, QUALIFICATION, RENEWAL, storage_key
from tests.browser_visit import QUESTIONS_IN_PLACE, answer, at_path, wait_for_questions

pytestmark = pytest.mark.browser

KEY = storage_key("samoocena")
DRAFTS = f"{KEY}:wersje-robocze"
RENEWAL_KEY = storage_key("odnowienie")
TOOL_PAGES = ["samoocena/cwiczenia/", "samoocena/umiejetnosci/", "samoocena/test/", "samoocena/rozmowa/", "samoocena/raport/",
              *(["samoocena/praktyka/", "samoocena/symulacja/"] if any(spec.needs_tasks for spec in PAGES) else [])]
NO_STORAGE = "nie pozwala stronie niczego zapisać"
needs_renewal = pytest.mark.skipif(RENEWAL is None, reason="this qualification's certificate does not expire: no renewal page")
READY = ".sc-status--ready"
PYTHON_START = 180_000  # ms: the first Python start on a loaded 2-core machine
SET_ITEM_THROWS = """Storage.prototype.setItem = function () { throw new DOMException("QuotaExceededError", "QuotaExceededError") }"""
STORAGE_FORBIDDEN = """Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError") } })"""


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def open_page(context, url: str, *, init: str = "", ready: bool = True):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    if init:
        page.add_init_script(init)
    page.goto(url, wait_until="domcontentloaded")
    if ready:
        page.wait_for_selector(READY, state="attached", timeout=PYTHON_START)
        wait_for_questions(page)
    return page


def seed(context, served_site, items: dict[str, str]):
    """Put items into this site's localStorage before any tool page runs."""
    page = context.new_page()
    page.goto(served_site.url, wait_until="domcontentloaded")
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v) }", items)
    page.close()


def bank_questions(served_site) -> list[str]:
    """Question IDs as the built site has them (the bank under test, whichever it is)."""
    with urlopen(served_site.url + "assets/selfcheck/bank.json") as response:
        bank = json.load(response)
    return [question["id"] for file in bank["files"] for question in file["questions"]]


def answer_first_question(page):
    """Answer and check the question on screen (in a practice session: the session's current one)."""
    form = page.locator(".sc-question:visible").first
    answer(form)
    form.locator("button.sc-check").click()
    return form


@pytest.mark.parametrize("init", [SET_ITEM_THROWS, STORAGE_FORBIDDEN], ids=["storage-full", "storage-forbidden"])
def test_a_checked_answer_that_could_not_be_stored_says_so_next_to_it(served_site, context, init):
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", init=init)
    form = answer_first_question(page)
    warning = form.locator(".sc-not-saved")
    warning.wait_for()
    assert "Nie udało się zapisać" in warning.inner_text()
    with page.expect_download() as download:
        warning.get_by_role("button", name="Zapisz postępy do pliku").click()
    assert re.fullmatch(rf"samoocena-{re.escape(store_id(QUALIFICATION))}-\d{{4}}-\d\d-\d\d\.json",
                        download.value.suggested_filename)  # dated, so files of several days never clash
    saved = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert saved["format"] == "samoocena" and saved["answers"]
    assert "✔" not in warning.inner_text()
    assert page.errors == []


@pytest.mark.parametrize("path", ["", "slowniczek/", *TOOL_PAGES, *(["odnowienie/"] if RENEWAL else [])])
def test_forbidden_storage_breaks_no_page_and_tool_pages_say_so(served_site, context, path):
    page = open_page(context, served_site.url + path, init=STORAGE_FORBIDDEN, ready=path in TOOL_PAGES)
    page.wait_for_load_state("load")
    if path in TOOL_PAGES:
        page.get_by_text(NO_STORAGE).first.wait_for()
    assert page.errors == []


def test_a_rating_that_could_not_be_stored_is_not_called_saved(served_site, context):
    page = open_page(context, served_site.url + "samoocena/umiejetnosci/", init=SET_ITEM_THROWS)
    fieldset = page.locator(".sc-rating__criterion").first
    fieldset.locator("input[type=radio]").last.check()
    fieldset.locator(".sc-not-saved").wait_for()
    assert "Ocena zapisana" not in fieldset.inner_text()


def test_an_import_that_could_not_be_stored_is_not_called_loaded(served_site, context, tmp_path):
    page = open_page(context, served_site.url + "samoocena/raport/")
    export = {"format": "samoocena", "version": 1, "ratings": {CRITERIA[0]["id"]: "tak"}}
    path = tmp_path / "postepy.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    page.evaluate(f"() => {{ {SET_ITEM_THROWS} }}")
    page.set_input_files("#sc-progress-import", str(path))
    message = page.locator("#sc-progress-message")
    message.locator("text=nie pozwoliła zapisać wczytanych danych").wait_for()
    assert "Wczytano postępy" not in message.inner_text()


def test_an_import_larger_than_the_browser_keeps_is_not_called_loaded(served_site, context, tmp_path):
    # No stand-in here: Chromium's real storage quota (about 10 MB per origin) refuses a 10.5 MB file,
    # which is within what a progress file may hold (selfcheck.record.MAX_FILE_BYTES).
    before = json.dumps({"format": "samoocena", "version": 1, "ratings": {CRITERIA[0]["id"]: "nie"}})
    seed(context, served_site, {KEY: before})
    page = open_page(context, served_site.url + "samoocena/raport/")
    page.on("dialog", lambda dialog: dialog.accept())  # "the file replaces…": yes
    question = bank_questions(served_site)[0]
    big = {"format": "samoocena", "version": 1,
           "answers": {question: {"score": 1, "fields": {"answer": ["x" * 10_500_000]}, "at": "2026-11-24T10:00:00Z"}}}
    path = tmp_path / "duzy.json"
    path.write_text(json.dumps(big), encoding="utf-8")
    page.set_input_files("#sc-progress-import", str(path))
    message = page.locator("#sc-progress-message")
    message.locator("text=nie pozwoliła zapisać wczytanych danych").wait_for(timeout=PYTHON_START)
    assert "Wczytano postępy" not in message.inner_text()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before  # the earlier progress is untouched


def test_unreadable_progress_is_never_removed_unless_its_copy_is_stored(served_site, context):
    seed(context, served_site, {KEY: '{"format": "samoocena", "version": 1, "answers": 5}'})
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", init=SET_ITEM_THROWS)
    page.get_by_text("nie udało się ich odłożyć").wait_for()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == '{"format": "samoocena", "version": 1, "answers": 5}'


def test_unreadable_progress_is_set_aside_and_the_page_goes_on(served_site, context):
    seed(context, served_site, {KEY: "{to nie json"})
    page = open_page(context, served_site.url + "samoocena/cwiczenia/")
    page.get_by_text("Zachowaliśmy je bez zmian").wait_for()
    kept = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{KEY}:nieczytelne'))")
    assert len(kept) == 1 and page.evaluate(f"localStorage.getItem('{kept[0]}')") == "{to nie json"


@pytest.mark.parametrize("drafts", [
    lambda q, c: {q: {"answer": 5}},
    lambda q, c: {"oceny": {c: None}},
    lambda q, c: "tekst zamiast zbioru",
], ids=["answer-not-a-list", "rating-null", "json-string"])
@pytest.mark.parametrize("path", ["samoocena/cwiczenia/", "samoocena/umiejetnosci/"])
def test_a_bad_draft_never_stops_a_page(served_site, context, drafts, path):
    first_question = bank_questions(served_site)[0]
    seed(context, served_site, {DRAFTS: json.dumps(drafts(first_question, CRITERIA[0]["id"]))})
    page = open_page(context, served_site.url + path)
    page.get_by_text("Odłożyliśmy je bez zmian").first.wait_for()
    if path.endswith("cwiczenia/"):
        form = answer_first_question(page)
        form.locator(".sc-feedback__verdict").wait_for()
    else:
        fieldset = page.locator(".sc-rating__criterion").first
        fieldset.locator("input[type=radio]").last.check()
        fieldset.get_by_text("Ocena zapisana.").wait_for()
    assert page.url.startswith(served_site.url + path) and "?" not in page.url  # no native GET submission
    assert page.errors == []


def test_bad_drafts_that_cannot_be_set_aside_stay_as_they_are_and_answers_are_still_saved(served_site, context):
    bad = json.dumps({bank_questions(served_site)[0]: {"answer": 5}})
    seed(context, served_site, {DRAFTS: bad})
    only_copies_fail = """const setItem = Storage.prototype.setItem
    Storage.prototype.setItem = function (key, value) {
      if (String(key).includes(":nieczytelne:")) throw new DOMException("QuotaExceededError", "QuotaExceededError")
      return setItem.call(this, key, value)
    }"""
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", init=only_copies_fail)
    page.get_by_text("nie dało się ich odłożyć").wait_for()
    form = answer_first_question(page)
    form.locator(".sc-feedback__verdict").wait_for()
    assert form.locator(".sc-not-saved").count() == 0
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["answers"]
    assert page.evaluate(f"localStorage.getItem('{DRAFTS}')") == bad
    assert page.errors == []


@pytest.mark.parametrize("path", ["samoocena/test/", "samoocena/rozmowa/"])
def test_a_bad_draft_is_set_aside_on_the_test_and_interview_pages_too(served_site, context, path):
    seed(context, served_site, {DRAFTS: json.dumps("tekst zamiast zbioru")})
    page = open_page(context, served_site.url + path)
    page.get_by_text("Odłożyliśmy je bez zmian").first.wait_for()
    aside = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{DRAFTS}:nieczytelne'))")
    assert len(aside) == 1 and page.evaluate(f"localStorage.getItem('{aside[0]}')") == json.dumps("tekst zamiast zbioru")
    if path.endswith("test/"):
        page.locator("#sc-start").click()
        page.locator("#sc-test-list .sc-question").first.wait_for()
    else:
        form = page.locator(".sc-interview").first
        form.locator("textarea").fill("Moja odpowiedź.")
        form.locator("button[type=submit]").click()
        form.get_by_text("Zapisano.").wait_for()
    assert page.url == served_site.url + path  # no native GET submission
    assert page.errors == []


def test_a_saved_test_with_a_bad_date_does_not_block_a_new_test(served_site, context):
    question = bank_questions(served_site)[0]
    saved = {"format": "samoocena", "version": 1, "attempts": [
        {"seed": 1, "questions": [question], "scores": {}, "responses": {}, "total": None, "time_limit_min": None,
         "started": "nie-data", "finished": None}]}
    seed(context, served_site, {KEY: json.dumps(saved)})
    page = open_page(context, served_site.url + "samoocena/test/")
    page.get_by_text("1 test próbny").wait_for()
    start = page.locator("#sc-start")
    assert start.is_enabled()
    start.click()
    page.locator("#sc-test-list .sc-question").first.wait_for()


def test_progress_on_removed_questions_is_dropped_and_the_rest_kept(served_site, context):
    criterion = CRITERIA[0]["id"]
    saved = {"format": "samoocena", "version": 1, "ratings": {criterion: "tak"},
             "answers": {"Z9.E9.Q99": {"score": 1, "fields": {}, "at": "2026-11-24T10:00:00Z"}}}
    seed(context, served_site, {KEY: json.dumps(saved)})
    page = open_page(context, served_site.url + "samoocena/raport/")
    page.get_by_text("Pominięto zapisane dane").wait_for()
    assert "1 odpowiedź" in page.inner_text("#sc-data-message")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is not None
    # The rating still known is kept and counts in the report.
    assert "Brak danych" not in page.inner_text(".sc-report__overall")


def test_two_sites_on_one_origin_keep_their_own_progress(served_site, context):
    # Another site on the same origin (org.github.io/other/) saved progress under its own key.
    other = f"{store_id(QUALIFICATION)}@/inna-strona/:samoocena"
    foreign = json.dumps({"format": "samoocena", "version": 1, "ratings": {CRITERIA[0]["id"]: "nie"}})
    seed(context, served_site, {other: foreign})
    page = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    assert page.locator(".sc-rating__criterion input:checked").count() == 0
    assert page.evaluate(f"localStorage.getItem('{other}')") == foreign


# The runtime lives in one folder per build (assets/pyodide/<key>/, see sitegen/python_runtime.py).
@pytest.mark.parametrize("blocked", ["pyodide/*/pyodide.asm.wasm", "pyodide/*/pyodide.mjs", "pyodide/*/stdlib.zip",
                                     "pyodide/*/selfcheck.zip", "selfcheck/runtime.json", "selfcheck/worker.mjs"])
def test_python_files_that_do_not_arrive_are_named_as_such(served_site, context, blocked):
    context.route(at_path(f"*/assets/{blocked}"), lambda route: route.fulfill(status=404, body="nie ma"))
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", ready=False)
    page.wait_for_selector(".sc-status--failed", timeout=PYTHON_START)
    text = page.inner_text("#sc-status")
    assert "Nie udało się pobrać plików środowiska Python" in text and "WebAssembly" not in text
    assert f"{blocked.split('/')[-1]}: HTTP 404" in text
    answer_first_question(page).get_by_text("Twoja odpowiedź jest zapisana").wait_for()


def test_python_files_that_cannot_arrive_offline_are_blamed_on_the_connection(served_site, context):
    def go_offline(route):
        context.set_offline(True)
        route.abort("internetdisconnected")
    context.route("**/assets/pyodide/*/pyodide.asm.wasm", go_offline)
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", ready=False)
    page.wait_for_selector(".sc-status--failed", timeout=PYTHON_START)
    text = page.inner_text("#sc-status")
    assert "Brak połączenia z internetem" in text and "WebAssembly" not in text


def test_a_browser_without_webassembly_is_told_so(served_site, context):
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", init="delete globalThis.WebAssembly", ready=False)
    page.wait_for_selector(".sc-status--failed", timeout=PYTHON_START)
    text = page.inner_text("#sc-status")
    assert "nie obsługuje WebAssembly" in text and "pobrać" not in text
    answer_first_question(page).get_by_text("Twoja odpowiedź jest zapisana").wait_for()


@needs_renewal
def test_a_renewal_form_that_could_not_be_stored_says_so_below_the_field(served_site, context):
    page = open_page(context, served_site.url + "odnowienie/", init=SET_ITEM_THROWS)
    page.fill("#rn-issued", "2023-01-15")
    row = page.locator("#rn-issued").locator("xpath=ancestor::p[1]")
    warning = row.locator("xpath=following-sibling::*[1]").locator(".sc-not-saved")
    warning.wait_for()
    assert warning.is_visible() and "nie pozwala zapisać tego formularza" in warning.inner_text()
    with page.expect_download() as download:
        warning.get_by_role("button", name="Zapisz postępy do pliku").click()
    assert download.value.suggested_filename == f"odnowienie-{store_id(QUALIFICATION)}.json"
    saved = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert (saved["format"], saved["issued"]) == ("odnowienie", "2023-01-15")
    assert page.errors == []


@needs_renewal
def test_unreadable_renewal_data_is_never_removed_unless_its_copy_is_stored(served_site, context):
    seed(context, served_site, {RENEWAL_KEY: '{"format": "obcy"}'})
    page = open_page(context, served_site.url + "odnowienie/", init=SET_ITEM_THROWS)
    page.locator("#rn-message").get_by_text("ani odłożyć").wait_for()
    assert page.evaluate(f"localStorage.getItem('{RENEWAL_KEY}')") == '{"format": "obcy"}'


@needs_renewal
def test_a_saved_renewal_date_that_is_not_a_date_is_named_and_the_rest_kept(served_site, context):
    saved = {"format": "odnowienie", "version": 1, "issued": "2023-01-15", "checklist": [],
             "periods": [{"start": "2023-13-45", "end": "2023-12-31", "organisation": "Pierwsza"}]}
    seed(context, served_site, {RENEWAL_KEY: json.dumps(saved)})
    page = open_page(context, served_site.url + "odnowienie/")
    message = page.locator("#rn-message")
    message.get_by_text("„2023-13-45”").wait_for()
    assert "Okres 1, pole „Od”" in message.inner_text()
    assert page.input_value("#rn-p1-organisation") == "Pierwsza"
    assert page.input_value("#rn-p1-end") == "2023-12-31"
    assert page.input_value("#rn-issued") == "2023-01-15"


def test_question_forms_that_do_not_arrive_are_said_where_the_candidate_looks(served_site, context):
    """The practice list fetches its forms by outcome: when they cannot come, the page says so next to
    the scope, and choosing a scope again tries again."""
    context.route("**/assets/selfcheck/questions/*.html", lambda route: route.fulfill(status=404, body="nie ma"))
    page = open_page(context, served_site.url + "samoocena/cwiczenia/?widok=lista")
    assert "Nie udało się wczytać pytań" in page.inner_text("#sc-count")
    assert "HTTP 404" in page.inner_text("#sc-count")
    context.unroute("**/assets/selfcheck/questions/*.html")
    page.select_option("#sc-scope", index=1)
    page.wait_for_function(QUESTIONS_IN_PLACE)
    assert page.locator("#sc-questions .sc-question").count() > 0
    assert "Nie udało się" not in page.inner_text("#sc-count")


def test_a_mock_test_whose_questions_do_not_arrive_says_so_and_can_be_started_again(served_site, context):
    context.route("**/assets/selfcheck/questions/*.html", lambda route: route.fulfill(status=404, body="nie ma"))
    page = open_page(context, served_site.url + "samoocena/test/")
    page.wait_for_selector("#sc-test-settings:not([hidden])")
    page.click("#sc-start")
    page.locator("#sc-result", has_text="Nie udało się wczytać pytań").wait_for()
    context.unroute("**/assets/selfcheck/questions/*.html")
    page.click("#sc-start")
    page.wait_for_selector("#sc-test-list .sc-question")
