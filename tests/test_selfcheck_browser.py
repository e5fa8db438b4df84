"""The self-check in a real browser with real Pyodide: practice, mock test, saved progress,
export and import, damaged data, and a browser where Python cannot start."""

from __future__ import annotations

import json

import pytest

from selfcheck.assembly import quotas
from selfcheck.structure import Structure, anchor
from tests.data import CRITERIA, QUALIFICATION, storage_key
from tests.browser_visit import QUESTIONS_IN_PLACE, answer, answer_and_check, at_path, wait_for_questions
from tests.test_accessibility import AXE, axe_violations

pytestmark = pytest.mark.browser

STORAGE_KEY = storage_key("samoocena")
READY = ".sc-status--ready"


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def open_page(context, url: str, *, ready: bool = True):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.accept()))
    page.goto(url)
    if ready:
        page.wait_for_selector(READY, timeout=120_000)
        wait_for_questions(page)
    page.errors = errors
    return page


def test_practice_answer_gets_feedback_with_explanation_and_criterion_link(served_site, context):
    page = open_page(context, served_site.url + "samoocena/cwiczenia/")
    form = page.locator(".sc-question").first
    feedback = answer_and_check(form)
    feedback.locator("text=Wyjaśnienie").wait_for()
    text = feedback.inner_text()
    assert any(word in text for word in ("Dobrze", "Częściowo dobrze", "Źle"))
    assert "Poprawna odpowiedź" in text and "Źródło" in text
    criterion = form.locator(".sc-question__criteria a").first
    assert "/efekty-uczenia-sie/#z" in criterion.get_attribute("href")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert form.get_attribute("data-question") in saved["answers"]
    assert axe_violations(page, AXE.read_text(encoding="utf-8")) == []  # with feedback shown
    assert page.errors == []


def test_scope_filter_shows_only_questions_of_the_criterion(served_site, context):
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", ready=False)
    page.select_option("#sc-scope", "criterion:Z1.E1.K1")
    visible = page.locator(".sc-question:visible")
    assert visible.count() >= 1
    for index in range(visible.count()):
        assert "Z1.E1.K1" in visible.nth(index).get_attribute("data-criteria").split()
    assert "zakres=criterion%3AZ1.E1.K1" in page.url


def test_full_mock_test_to_its_report(served_site, context):
    page = open_page(context, served_site.url + "samoocena/test/")
    page.select_option("#sc-size", "10")
    page.click("#sc-start")
    page.wait_for_selector("#sc-test-list .sc-question")
    questions = page.locator("#sc-test-list .sc-question")
    assert questions.count() == 10
    sets = [questions.nth(i).get_attribute("data-set") for i in range(10)]
    structure = Structure.from_qualification(QUALIFICATION)
    assert {s: sets.count(s) for s in set(sets)} == {k: n for k, n in quotas(structure, 10).items() if n}  # by hours
    assert len({questions.nth(i).get_attribute("data-outcome") for i in range(10)}) == len(structure.outcome_ids())
    assert page.locator("#sc-test-list .sc-check").count() == 0      # no checking before the end
    for index in range(5):
        answer(questions.nth(index))
    page.locator("#sc-test-progress", has_text="Odpowiedziano na 5 z 10").wait_for()
    page.click("#sc-finish")
    result = page.locator("#sc-result")
    result.locator("text=Wynik:").wait_for()
    assert "z 10 punktów" in result.inner_text()
    assert page.is_hidden("#sc-finish")                               # nothing left to hand in
    outcomes = {questions.nth(i).get_attribute("data-outcome") for i in range(10)}
    assert result.locator("table tbody tr").count() == len(outcomes)  # points per outcome
    assert page.locator("#sc-test-after .sc-new-test").is_visible()    # a new test from the bottom too
    assert page.locator("#sc-test-list .sc-feedback:has-text('Wyjaśnienie')").count() == 10
    assert page.locator("#sc-test-list .sc-feedback:has-text('Bez odpowiedzi')").count() >= 1
    report = open_page(context, served_site.url + "samoocena/raport/")
    report.wait_for_selector("#historia")
    assert "Podejścia do testu próbnego" in report.inner_text("#sc-report")
    assert report.locator("#sc-report table:has(caption:text('Podejścia')) tbody tr").count() == 1
    assert page.errors == [] and report.errors == []


def test_reload_keeps_answers_ratings_and_unsent_drafts(served_site, context):
    page = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    page.check("#ocena-z1-e1-k1-nie")
    page.locator("text=Ocena zapisana.").wait_for()
    page.reload()
    page.locator("#sc-rated", has_text="Oceniono 1 z").wait_for()   # saved progress read and shown
    assert page.is_checked("#ocena-z1-e1-k1-nie")
    practice = open_page(context, served_site.url + "samoocena/cwiczenia/?widok=lista")
    text_input = practice.locator(".sc-question input[type=text]").first
    text_input.fill("1234,5")
    practice.reload()
    assert practice.locator(".sc-question input[type=text]").first.input_value() == "1234,5"
    report = open_page(context, served_site.url + "samoocena/raport/")
    report.wait_for_selector(".sc-report__weakest")
    first = report.locator(".sc-report__weakest li").first
    assert first.inner_text().startswith("Z1.E1.K1") and "0%" in first.inner_text()
    assert first.locator("a").first.get_attribute("href").endswith("/efekty-uczenia-sie/#z1-e1-k1")


def test_export_reset_import_restores_progress(served_site, context, tmp_path):
    page = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    page.check("#ocena-z2-e2-k1-tak")
    page.locator("text=Ocena zapisana.").wait_for()
    report = open_page(context, served_site.url + "samoocena/raport/")
    report.wait_for_selector(".sc-report__weakest")
    with report.expect_download() as download:
        report.click("#sc-progress-export")
    saved = tmp_path / "postepy.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["ratings"] == {"Z2.E2.K1": "tak"}

    report.click("#sc-reset")
    report.locator("text=Postępy usunięte").wait_for()
    assert "Brak danych" in report.inner_text(".sc-report__overall")
    assert report.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None

    report.set_input_files("#sc-progress-import", str(saved))
    report.locator("#sc-progress-flash", has_text="Wczytano postępy z pliku").wait_for()  # after the page opens again
    report.wait_for_selector(".sc-report__overall")
    assert "100%" in report.inner_text(".sc-report__overall")
    assert json.loads(report.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))["ratings"] == {"Z2.E2.K1": "tak"}


def test_malformed_import_file_changes_nothing_and_says_why(served_site, context, tmp_path):
    page = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    page.check(f"#ocena-{anchor(CRITERIA[-1]['id'])}-czesciowo")
    page.locator("text=Ocena zapisana.").wait_for()
    before = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    report = open_page(context, served_site.url + "samoocena/raport/")
    report.wait_for_selector(".sc-report__weakest")
    for name, content, reason in [
        ("zepsuty.json", "{\"format\": ", "To nie jest poprawny plik JSON"),
        ("obcy.json", json.dumps({"format": "inny-program", "version": 1}), "To nie jest plik postępów"),
        ("zla-ocena.json", json.dumps({"format": "samoocena", "version": 1,
                                       "ratings": {"Z1.E1.K1": "super"}}), "ratings.Z1.E1.K1"),
    ]:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        report.set_input_files("#sc-progress-import", str(path))
        message = report.locator("#sc-progress-message")
        message.locator(f"text={reason}").wait_for()
        assert f"Nie wczytano pliku „{name}”" in message.inner_text()
        assert "Twoje obecne postępy się nie zmieniły" in message.inner_text()
        assert report.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == before


def test_unreadable_saved_progress_is_kept_aside_and_reported(served_site, context):
    page = open_page(context, served_site.url + "samoocena/raport/", ready=False)
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{\"format\": \"samoocena\", \"version\": 1, \"answers\": 5}}')")
    page.reload()
    message = page.locator("#sc-data-message")
    message.locator("text=Zapisanych postępów nie da się odczytać").wait_for(timeout=120_000)
    assert "answers: potrzebny zbiór pól" in message.inner_text()
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':nieczytelne:'))")
    assert len(kept) == 1
    assert page.evaluate(f"localStorage.getItem('{kept[0]}')").endswith('"answers": 5}')


def test_when_python_cannot_load_the_page_says_so_and_keeps_answers(served_site, context):
    # Block the Python worker, as a locked-down network or an old browser would.
    context.route(at_path("*/assets/selfcheck/worker.mjs"), lambda route: route.abort())
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", ready=False)
    page.wait_for_selector(".sc-status--failed", timeout=60_000)
    assert "Nie udało się pobrać plików środowiska Python" in page.inner_text("#sc-status")
    form = page.locator(".sc-question").first
    radio = form.locator("input[type=radio], input[type=checkbox]").first
    radio.check()
    form.locator("button.sc-check").click()
    form.locator("text=Twoja odpowiedź jest zapisana").wait_for()
    page.reload()
    page.wait_for_selector(".sc-status--failed", timeout=60_000)
    assert page.locator(".sc-question").first.locator("input[type=radio], input[type=checkbox]").first.is_checked()


def test_interview_answer_and_covered_points_feed_the_report(served_site, context):
    page = open_page(context, served_site.url + "samoocena/rozmowa/")
    form = page.locator(".sc-interview").first
    form.locator("textarea").fill("Sprawdzam dane w KRS i CEIDG, a osobę informuję, skąd mam jej dane.")
    form.locator("summary").click()
    points = form.locator("input[name=covered]")
    points.nth(0).check()
    form.locator("button.sc-check").click()
    form.locator(".sc-feedback").get_by_text("Zapisano.").wait_for()
    share = form.locator(".sc-feedback").inner_text()
    assert f"{round(100 / points.count())}%" in share
    item = form.get_attribute("data-interview")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["interview"][item]["covered"] == [0]
    page.reload()
    page.wait_for_selector(READY)
    assert "KRS i CEIDG" in page.locator(".sc-interview").first.locator("textarea").input_value()
    report = open_page(context, served_site.url + "samoocena/raport/")
    report.wait_for_selector(".sc-report__weakest li")
    assert report.locator(".sc-report__weakest li").count() >= 1


def test_mock_test_starts_empty_whatever_was_practised(served_site, context):
    """Practice answers are drafts of the practice page: a drawn question in a test starts empty."""
    practice = open_page(context, served_site.url + "samoocena/cwiczenia/?widok=lista")
    forms = practice.locator("#sc-questions .sc-question")
    for index in range(forms.count()):
        answer(forms.nth(index))
    page = open_page(context, served_site.url + "samoocena/test/")
    page.select_option("#sc-size", index=0)
    page.click("#sc-start")
    page.wait_for_selector("#sc-test-list .sc-question")
    listed = page.locator("#sc-test-list .sc-question")
    for index in range(listed.count()):
        form = listed.nth(index)
        assert form.locator("input:checked").count() == 0
        assert all(form.locator("select").nth(i).input_value() == "" for i in range(form.locator("select").count()))
        assert all(form.locator("input[type=text]").nth(i).input_value() == ""
                   for i in range(form.locator("input[type=text]").count()))
    page.click("#sc-finish")
    page.locator("#sc-result", has_text="Wynik:").wait_for()
    assert "mimo to" in page.dialogs[-1]                                 # unanswered questions were named first


def test_returning_to_practice_shows_the_last_verdicts(served_site, context):
    page = open_page(context, served_site.url + "samoocena/cwiczenia/?widok=lista")
    form = page.locator(".sc-question").first
    answer(form)
    form.locator("button.sc-check").click()
    verdict = form.locator(".sc-feedback__verdict").inner_text()
    page.reload()
    page.wait_for_selector(READY)
    again = page.locator(".sc-question").first.locator(".sc-feedback__verdict")
    again.wait_for()
    assert again.inner_text() == verdict
    assert page.locator(".sc-question.sc-question--done").count() == 1


def test_a_practice_session_asks_one_question_at_a_time_to_its_summary(served_site, context):
    page = open_page(context, served_site.url + "samoocena/cwiczenia/")
    page.locator("#sc-session-text", has_text="Pytanie 1 z").wait_for()
    page.select_option("#sc-session-size", "5")
    page.click("#sc-session-new")
    page.locator("#sc-session-text", has_text="Pytanie 1 z 5").wait_for()
    asked = []
    while page.is_hidden("#sc-session-summary"):
        assert page.locator("#sc-session-slot .sc-question").count() == 1          # one question on screen
        assert page.locator(".sc-question:visible").count() == 1
        form = page.locator("#sc-session-slot .sc-question")
        asked.append(form.get_attribute("data-question"))
        answer(form)
        form.locator("button.sc-check").click()
        page.locator("#sc-session-next:visible").click()
        page.wait_for_function("n => !document.querySelector('#sc-session-slot .sc-question') || "
                               "document.querySelector('#sc-session-text').textContent.startsWith('Koniec') || "
                               "document.querySelector('#sc-session-text').textContent.startsWith('Pytanie ' + n)",
                               arg=len(asked) + 1)
    text = page.inner_text("#sc-session-summary")
    first_tries = len(set(asked))
    assert first_tries == 5 and len(asked) >= 5                                    # missed ones came back once
    assert f"z {first_tries} pytań" in text
    assert page.errors == []


def test_an_open_test_is_resumed_and_never_replaced_without_a_word(served_site, context):
    page = open_page(context, served_site.url + "samoocena/test/", ready=False)
    assert page.is_hidden("#sc-test-settings")          # not offered before saved progress is known
    page.wait_for_selector(READY, timeout=120_000)
    page.select_option("#sc-size", index=0)
    page.click("#sc-start")
    first = page.locator("#sc-test-list .sc-question").first
    first.wait_for()
    drawn = first.get_attribute("data-question")
    page.reload()
    page.locator("#sc-result", has_text="Wracasz do rozpoczętego testu").wait_for(timeout=120_000)
    assert page.is_hidden("#sc-test-settings")
    assert page.locator("#sc-test-list .sc-question").first.get_attribute("data-question") == drawn


def test_interview_answers_come_back_on_return(served_site, context):
    page = open_page(context, served_site.url + "samoocena/rozmowa/")
    form = page.locator(".sc-interview").first
    form.locator("textarea").fill("Najpierw cel, potem źródła danych.")
    form.locator("summary").click()
    form.locator("input[type=checkbox]").first.check()
    form.locator("button[type=submit]").click()
    form.locator(".sc-feedback", has_text="Zapisano").wait_for()
    page.evaluate("() => { for (const key of Object.keys(localStorage)) if (key.endsWith(':wersje-robocze')) localStorage.removeItem(key) }")
    page.reload()
    page.wait_for_selector(".sc-interview.sc-question--done", timeout=120_000)   # from saved progress, not drafts
    again = page.locator(".sc-interview").first
    assert again.locator("textarea").input_value() == "Najpierw cel, potem źródła danych."
    assert again.locator("input[type=checkbox]").first.is_checked()


def test_feedback_appears_next_to_the_checked_question_and_in_view(served_site, context):
    page = open_page(context, served_site.url + "samoocena/cwiczenia/?widok=lista")
    verdict = answer_and_check(page.locator("#sc-questions .sc-question:visible").last).locator(".sc-feedback__verdict")
    verdict.wait_for()
    box = verdict.bounding_box()
    viewport = page.viewport_size
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]


def test_tool_pages_hold_only_the_questions_they_show(served_site, context):
    """The practice page carries one question's form and the test page none; the rest come by outcome
    (assets/selfcheck/questions/) when shown, and the practice list still shows the whole scope."""
    import html as html_module
    import re
    from urllib.request import urlopen

    def html(path):
        with urlopen(served_site.url + path) as response:
            return response.read().decode("utf-8")

    practice, test = html("samoocena/cwiczenia/"), html("samoocena/test/")
    index = json.loads(html_module.unescape(re.search(r'id="sc-question-index" data-index="([^"]*)"', practice).group(1)))
    assert len(re.findall(r'<form class="sc-question"', practice)) == 1
    assert len(re.findall(r'<form class="sc-question"', test)) == 0

    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = open_page(context, served_site.url + "samoocena/cwiczenia/")
    page.locator("#sc-session-text", has_text="Pytanie 1 z").wait_for()
    shown = page.locator("#sc-session-slot .sc-question").get_attribute("data-question")
    parts = {q["part"] for q in index if q["id"] == shown} | {index[0]["part"]}
    fetched = {url.rsplit("/", 1)[-1].removesuffix(".html") for url in requested if "/questions/" in url}
    assert fetched <= parts, "the session fetched the forms of questions it does not show"
    assert page.locator("form.sc-question").count() == 1

    page.check("#sc-mode-list")
    page.wait_for_function(QUESTIONS_IN_PLACE)
    assert page.locator("#sc-questions .sc-question").count() == len(index)
    assert page.errors == []


def test_the_first_question_is_answerable_before_any_script_and_stays_first_once_begun(served_site, context):
    held = []
    context.route(at_path("*/assets/selfcheck/worker.mjs"), lambda route: held.append(route))  # Python waits for us
    page = open_page(context, served_site.url + "samoocena/cwiczenia/", ready=False)
    form = page.locator("#sc-session-slot .sc-question")
    first = form.get_attribute("data-question")
    answer(form)
    for _ in range(1200):  # until the page asks for its worker (scripts run, Python not started), ≤ 60 s
        if held:
            break
        page.wait_for_timeout(50)  # lets Playwright deliver the route
    assert held, "the page never asked for its Python worker"
    held[0].continue_()
    page.locator("#sc-session-text", has_text="Pytanie 1 z").wait_for()
    assert page.locator("#sc-session-slot .sc-question").get_attribute("data-question") == first
    answered = page.locator("#sc-session-slot .sc-question").evaluate(
        "f => [...new FormData(f).values()].some(v => v !== '')")
    assert answered, "the answer given before Python was ready was cleared"

    blocked = context.new_page()
    blocked.route("**/*.mjs", lambda route: route.abort())  # no script at all: the question is still there
    blocked.goto(served_site.url + "samoocena/cwiczenia/", wait_until="load")
    assert blocked.locator("#sc-session-slot .sc-question input, #sc-session-slot .sc-question select").first.is_visible()
