"""The candidate's one record in a real browser: one file carries everything to a fresh profile; quick
successive clicks and two open tabs lose nothing; a handed-in test stays handed in.

Expectations come from what the pages themselves show and store (the report, the storage), not from
this qualification's numbers.
"""

from __future__ import annotations

import json

import pytest

from selfcheck.structure import anchor
from tests.browser_visit import wait_for_questions
from tests.data import CRITERIA, PRACTICAL, storage_key

pytestmark = pytest.mark.browser

PROGRESS, WORK, EXAM = (storage_key(name) for name in ("samoocena", "cwiczenia-praktyczne", "symulacja-praktyczna"))
READY = ".sc-status--ready"
needs_practical = pytest.mark.skipif(not PRACTICAL, reason="this qualification has no practical part")


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def open_crm(context, url: str):
    page = open_page(context, url)
    page.wait_for_selector(".crm-task", timeout=120_000)
    return page


def open_page(context, url: str):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())  # "the file replaces…", "hand the test in?": yes
    page.goto(url)
    page.wait_for_selector(READY, timeout=120_000)
    wait_for_questions(page)
    return page


def stored(page, key: str):
    text = page.evaluate("key => localStorage.getItem(key)", key)
    return json.loads(text) if text else None


def rate(page, criterion: str, value: str) -> None:
    page.check(f"#ocena-{anchor(criterion)}-{value}")


def answer_first_choice_question(page) -> str:
    """Check the first single-choice question of the practice list with its first option; its id."""
    form = page.locator(".sc-question:has(input[type=radio])").first
    form.locator("input[type=radio]").first.check()
    form.locator(".sc-check").click()
    form.locator(".sc-feedback__verdict").wait_for()
    return form.get_attribute("data-question")


def check_task(page, index: int) -> None:
    card = page.locator(".crm-task").nth(index)
    card.get_by_role("button", name="Sprawdź zadanie").click()
    card.locator(".crm-result__score").wait_for()


def report_text(page) -> str:
    page.wait_for_selector(".sc-report__overall")
    return page.inner_text("#sc-report")


@needs_practical
def test_one_file_moves_quiz_practical_work_and_exam_to_a_fresh_profile(served_site, browser, tmp_path):
    first = browser.new_context(accept_downloads=True)
    try:
        practice = open_page(first, served_site.url + "samoocena/cwiczenia/?widok=lista")
        answered = answer_first_choice_question(practice)
        ratings = open_page(first, served_site.url + "samoocena/umiejetnosci/")
        rate(ratings, CRITERIA[0]["id"], "tak")
        ratings.locator("text=Ocena zapisana.").first.wait_for()
        crm = open_crm(first, served_site.url + "samoocena/praktyka/")
        check_task(crm, 0)
        check_task(crm, 1)
        exam = open_page(first, served_site.url + "samoocena/symulacja/")
        exam.click("#crm-exam-start:enabled")
        exam.get_by_role("button", name="Zakończ i sprawdź").click()
        exam.locator("#crm-screen", has_text="Wynik symulacji").wait_for()
        report = open_page(first, served_site.url + "samoocena/raport/")
        before = report_text(report)
        with report.expect_download() as download:
            report.click("#sc-progress-export")
        path = tmp_path / "postepy.json"
        download.value.save_as(path)
        record = json.loads(path.read_text(encoding="utf-8"))
        assert answered in record["answers"] and record["ratings"] == {CRITERIA[0]["id"]: "tak"}
        assert len(record["practical"]["work"]["results"]) == 2
        assert record["practical"]["exam"]["exam"]["finished"] and len(record["practical"]["exam"]["exams"]) == 1
    finally:
        first.close()

    fresh = browser.new_context()
    try:
        report = open_page(fresh, served_site.url + "samoocena/raport/")
        report.set_input_files("#sc-progress-import", str(path))
        report.locator("#sc-progress-flash", has_text="Wczytano postępy z pliku").wait_for(timeout=120_000)
        assert report_text(report) == before                      # criterion by criterion, the same report
        assert stored(report, WORK)["results"] == record["practical"]["work"]["results"]
        assert stored(report, EXAM)["exams"] == record["practical"]["exam"]["exams"]
        assert report.errors == []
    finally:
        fresh.close()


def test_two_ratings_clicked_together_are_both_kept(served_site, context):
    page = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    # Both clicks in one task: the second is sent before the first reply comes back.
    page.evaluate("""([a, b]) => { document.getElementById(a).click(); document.getElementById(b).click() }""",
                  [f"ocena-{anchor(CRITERIA[0]['id'])}-tak", f"ocena-{anchor(CRITERIA[1]['id'])}-nie"])
    page.wait_for_function("([key, n]) => Object.keys(JSON.parse(localStorage.getItem(key) || '{}').ratings || {}).length === n",
                           arg=[PROGRESS, 2])
    assert stored(page, PROGRESS)["ratings"] == {CRITERIA[0]["id"]: "tak", CRITERIA[1]["id"]: "nie"}


def test_quiz_answers_and_ratings_in_two_tabs_are_all_kept(served_site, context):
    one = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    two = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    practice = open_page(context, served_site.url + "samoocena/cwiczenia/?widok=lista")
    rate(one, CRITERIA[0]["id"], "tak")
    one.locator("text=Ocena zapisana.").first.wait_for()
    rate(two, CRITERIA[-1]["id"], "czesciowo")   # tab two never reloaded: it must build on tab one's write
    two.locator("text=Ocena zapisana.").first.wait_for()
    answered = answer_first_choice_question(practice)
    saved = stored(practice, PROGRESS)
    assert saved["ratings"] == {CRITERIA[0]["id"]: "tak", CRITERIA[-1]["id"]: "czesciowo"}
    assert answered in saved["answers"]
    # Tab one sees tab two's rating without a reload.
    one.wait_for_function("id => document.getElementById(id).checked", arg=f"ocena-{anchor(CRITERIA[-1]['id'])}-czesciowo")


def test_a_mock_test_handed_in_in_one_tab_stays_handed_in_in_the_other(served_site, context):
    one = open_page(context, served_site.url + "samoocena/test/")
    one.click("#sc-start")
    one.locator("#sc-test-list .sc-question").first.wait_for()
    two = open_page(context, served_site.url + "samoocena/test/")
    two.locator("#sc-test-list .sc-question").first.wait_for()   # the open test, resumed
    one.click("#sc-finish")
    one.locator("#sc-result h2", has_text="Wynik testu").wait_for()
    first_total = stored(one, PROGRESS)["attempts"][-1]["total"]
    two.click("#sc-finish")
    two.locator("#sc-result", has_text="Test oddano już wcześniej").wait_for()
    attempts = stored(two, PROGRESS)["attempts"]
    assert len(attempts) == 1 and attempts[0]["total"] == first_total   # handed in once, its result kept


def test_a_mock_test_started_in_another_tab_is_shown_and_never_doubled(served_site, context):
    waiting = open_page(context, served_site.url + "samoocena/test/")   # opened before the test starts
    waiting.locator("#sc-test-settings").wait_for()
    starter = open_page(context, served_site.url + "samoocena/test/")
    starter.click("#sc-start")
    starter.locator("#sc-test-list .sc-question").first.wait_for()
    # The waiting tab shows that test, without a reload, and says where it came from.
    waiting.locator("#sc-result", has_text="w innej karcie").wait_for()
    assert waiting.locator("#sc-test-list .sc-question").count() == starter.locator("#sc-test-list .sc-question").count()
    assert waiting.locator("#sc-test-settings").is_hidden()
    assert len(stored(waiting, PROGRESS)["attempts"]) == 1


def test_after_loading_a_file_its_outcome_is_in_view_and_the_earlier_progress_can_be_restored(served_site, context, tmp_path):
    ratings = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    rate(ratings, CRITERIA[0]["id"], "tak")
    ratings.locator("text=Ocena zapisana.").first.wait_for()
    before = stored(ratings, PROGRESS)
    other = dict(before, ratings={CRITERIA[-1]["id"]: "nie"})
    path = tmp_path / "inne.json"
    path.write_text(json.dumps(other), encoding="utf-8")
    dialogs = []
    ratings.on("dialog", lambda dialog: dialogs.append(dialog.message))
    ratings.set_input_files("#sc-progress-import", str(path))
    message = ratings.locator("#sc-progress-flash", has_text="Wczytano postępy z pliku")
    message.wait_for(timeout=120_000)
    # The page opened again: its outcome has the focus and is on screen.
    ratings.wait_for_function("document.activeElement?.id === 'sc-progress-flash'")
    assert message.is_visible() and ratings.evaluate(
        "() => { const r = document.getElementById('sc-progress-flash').getBoundingClientRect(); "
        "return r.top >= 0 && r.bottom <= innerHeight }")
    assert "samoocenę 1 kryterium" in dialogs[0] and "kluczem" not in message.inner_text()
    assert stored(ratings, PROGRESS)["ratings"] == other["ratings"]
    restore = ratings.locator("#sc-progress-backup")
    restore.wait_for()
    assert "sprzed wczytania pliku" in restore.inner_text()
    restore.get_by_role("button", name="Przywróć kopię").click()
    ratings.locator("#sc-progress-flash", has_text="Przywrócono kopię").wait_for(timeout=120_000)
    assert stored(ratings, PROGRESS)["ratings"] == before["ratings"]
    ratings.wait_for_function("id => document.getElementById(id).checked", arg=f"ocena-{anchor(CRITERIA[0]['id'])}-tak")
    assert ratings.errors == []


def test_a_reset_keeps_a_copy_that_brings_everything_back(served_site, context):
    ratings = open_page(context, served_site.url + "samoocena/umiejetnosci/")
    rate(ratings, CRITERIA[0]["id"], "tak")
    ratings.locator("text=Ocena zapisana.").first.wait_for()
    report = open_page(context, served_site.url + "samoocena/raport/")
    report_text(report)
    report.click("#sc-reset")
    report.locator("#sc-data-message", has_text="Postępy usunięte").wait_for()
    assert stored(report, PROGRESS) is None
    report.locator("#sc-progress-backup", has_text="sprzed ich usunięcia").wait_for()
    report.get_by_role("button", name="Przywróć kopię").click()
    report.locator("#sc-progress-flash", has_text="Przywrócono kopię").wait_for(timeout=120_000)
    assert stored(report, PROGRESS)["ratings"] == {CRITERIA[0]["id"]: "tak"}


@needs_practical
def test_practical_work_in_two_tabs_is_all_kept_and_a_handed_in_exam_stays_handed_in(served_site, context):
    one = open_crm(context, served_site.url + "samoocena/praktyka/")
    two = open_crm(context, served_site.url + "samoocena/praktyka/")
    tasks = [card.get_attribute("id").removeprefix("zadanie-") for card in one.locator(".crm-task").all()[:2]]
    check_task(one, 0)
    check_task(two, 1)                              # tab two was opened before tab one's check
    assert set(stored(two, WORK)["results"]) == set(tasks)

    exam_one = open_page(context, served_site.url + "samoocena/symulacja/")
    exam_one.click("#crm-exam-start:enabled")
    exam_one.get_by_role("button", name="Zakończ i sprawdź").wait_for()
    exam_two = open_page(context, served_site.url + "samoocena/symulacja/")
    exam_two.get_by_role("button", name="Zakończ i sprawdź").wait_for()
    exam_one.get_by_role("button", name="Zakończ i sprawdź").click()
    exam_one.locator("#crm-screen", has_text="Wynik symulacji").wait_for()
    handed_in = stored(exam_one, EXAM)
    # Tab two, open before the hand-in, sees it handed in and cannot reopen or change it.
    exam_two.locator("#crm-screen", has_text="Wynik symulacji").wait_for()
    assert stored(exam_two, EXAM) == handed_in


@needs_practical
def test_a_form_sent_and_a_menu_click_at_once_keep_what_was_sent(served_site, context):
    page = open_crm(context, served_site.url + "samoocena/praktyka/")
    page.locator("#crm-nav button", has_text="Bezpieczeństwo").click()
    page.locator("#crm-title", has_text="Bezpieczeństwo").wait_for()
    before = stored(page, WORK)["settings"]
    box = page.locator("#crm-screen form input[type=checkbox]").first
    name = box.get_attribute("name")
    box.set_checked(not box.is_checked())
    # The form and a menu button in one task: the menu's call starts before the save's reply.
    page.evaluate("""() => {
        document.querySelector("#crm-screen form").requestSubmit()
        document.querySelector("#crm-nav button").click()
    }""")
    page.wait_for_function("([key, before]) => JSON.stringify(JSON.parse(localStorage.getItem(key)).settings) !== "
                           "JSON.stringify(before)", arg=[WORK, before])
    page.locator("#crm-title", has_text="Zadania").wait_for()       # the menu's screen came after the save
    after = stored(page, WORK)["settings"]
    assert after != before and after["security"][name] != before["security"][name]
