"""The practice system in a real browser with real Pyodide: tasks done through the page only (one of
them by keyboard alone), checked by Python; reload, export and import; bad files; accessibility;
template text that looks like code stays text. What to do comes from the engine's own model
solutions for the variant the page drew (read from the page's storage)."""

from __future__ import annotations

import json
import re

from pathlib import Path

import pytest

from practical_modules.crm import tasks as task_defs
from tests.practical_crm import given  # noqa: F401 - installs the practical data the tasks come from
from datafiles.location import has_practical
from datafiles.location import data_dir
from sitegen.pages import store_id
from tests.browser_visit import watched_page
from tests.conftest import ROOT
from tests.data import QUALIFICATION
from tests.site_server import BASE_PATH
from tests.test_accessibility import AXE, axe_violations

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not has_practical(data_dir(ROOT)), reason="this qualification has no practical tasks")]

KEY = f"{store_id(QUALIFICATION)}@{BASE_PATH}:cwiczenia-praktyczne"
PAGE = "samoocena/praktyka/"


@pytest.fixture
def crm(served_site, browser):
    context = browser.new_context(accept_downloads=True)
    page = watched_page(context, served_site.url + PAGE)
    page.wait_for_selector(".crm-task", timeout=120_000)
    yield page
    context.close()


def saved(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))


def steps(page, task_id: str) -> list[dict]:
    """The engine's model solution for the variant on the page."""
    state = saved(page)
    task = task_defs.task(task_id)
    return task_defs.resolve(list(task.steps), task_defs.flatten(task_defs.variant_for(task, state)))


def screen(page, label: str) -> None:
    page.locator("#crm-nav button", has_text=label).click()
    page.locator("#crm-title", has_text=label.split()[0]).wait_for()


def fill(page, form_id: str, payload: dict) -> None:
    form = page.locator(f'form[data-form="{form_id}"]')
    summary = page.locator(f'details:has(form[data-form="{form_id}"]) > summary')
    if summary.count() and not form.is_visible():
        summary.click()
    for key, value in payload.items():
        field = form.locator(f'[name="{key}"]')
        if isinstance(value, bool):
            field.set_checked(value)
        elif isinstance(value, list):
            for index in range(field.count()):
                box = field.nth(index)
                box.set_checked(box.get_attribute("value") in value)
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(str(value))
        else:
            field.fill(str(value))


CHANGED = "([key, before]) => localStorage.getItem(key) !== before"


def raw(page) -> str:
    return page.evaluate("key => localStorage.getItem(key)", KEY)


def submit(page, form_id: str) -> None:
    """Send a form and wait until the changed state is stored."""
    before = raw(page)
    page.locator(f'form[data-form="{form_id}"] button[type=submit]').first.click()
    page.wait_for_function(CHANGED, arg=[KEY, before])


def check_task(page, task_id: str) -> str:
    screen(page, "Zadania do wykonania")
    card = page.locator(f"#zadanie-{task_id}")
    card.get_by_role("button", name="Sprawdź zadanie").click()
    score = card.locator(".crm-result__score")
    score.wait_for()
    return score.inner_text()


def open_opportunity(page, record_id: str) -> None:
    record = next(o for o in saved(page)["opportunities"] if o["id"] == record_id)
    screen(page, "Szanse sprzedaży")
    page.locator('form[data-form="pipeline"] [name="funnel_id"]').select_option(record["funnel_id"])
    page.locator('form[data-form="pipeline"] button[type=submit]').click()
    page.get_by_role("button", name=f"Otwórz: {record['name']}").first.click()
    page.locator("#crm-title", has_text=record["name"]).wait_for()


def test_security_settings_task_through_the_page(crm):
    assert "100%" not in check_task(crm, "z1e3-zabezpieczenia")
    (step,) = steps(crm, "z1e3-zabezpieczenia")
    screen(crm, "Bezpieczeństwo")
    fill(crm, "security", step["payload"])
    submit(crm, "security")
    assert check_task(crm, "z1e3-zabezpieczenia").endswith("100%")
    assert crm.errors == []
    # The readiness report counts the checked task for each criterion it names.
    criteria = len(task_defs.task("z1e3-zabezpieczenia").criteria)
    crm.goto(crm.url.replace(PAGE, "samoocena/raport/"))
    overall = crm.locator(".sc-report__overall")
    overall.wait_for(timeout=120_000)
    assert f"dane dla {criteria} z" in overall.inner_text()


def test_closing_won_and_lost_opportunities_through_the_page(crm):
    for step in steps(crm, "z2e5-zamkniecie"):
        open_opportunity(crm, step["payload"]["id"])
        kind = "win" if step["action"] == "opportunity.win" else "lose"
        fields = {k: v for k, v in step["payload"].items() if k != "id"}
        if kind == "lose":
            submit_refused = crm.locator(f'form[data-form="lose:{step["payload"]["id"]}"]')
            submit_refused.locator("button[type=submit]").click()      # no reason: refused, said next to the field
            crm.locator('[data-error-for="reason"]:not(:empty)').wait_for()
        fill(crm, f"{kind}:{step['payload']['id']}", fields)
        submit(crm, f"{kind}:{step['payload']['id']}")
    assert check_task(crm, "z2e5-zamkniecie").endswith("100%")


def test_smart_goal_through_the_page(crm):
    (step,) = steps(crm, "z2e2-cel-smart")
    screen(crm, "Cele")
    fill(crm, "create:goals", step["payload"])
    submit(crm, "create:goals")
    assert check_task(crm, "z2e2-cel-smart").endswith("100%")


def test_data_types_task_by_keyboard_alone(crm):
    (step,) = steps(crm, "z1e3-typy-danych")
    answers = {item["key"]: item["class"] for item in step["for_each"]}   # each field and its class
    form = crm.locator('form[data-form="answer:z1e3-typy-danych"]')
    form.locator("select").first.focus()
    for key, value in answers.items():
        assert crm.evaluate("() => document.activeElement.name") == key
        crm.keyboard.type(value)                      # a closed select picks the option typed
        crm.keyboard.press("Tab")
    assert crm.evaluate("() => document.activeElement.textContent") == "Zapisz odpowiedzi"
    before = raw(crm)
    crm.keyboard.press("Enter")
    crm.wait_for_function(CHANGED, arg=[KEY, before])
    card = crm.locator("#zadanie-z1e3-typy-danych")
    card.get_by_role("button", name="Sprawdź zadanie").focus()
    crm.keyboard.press("Enter")
    card.locator(".crm-result__score").wait_for()
    assert card.locator(".crm-result__score").inner_text().endswith("100%")


def test_reload_keeps_the_work_and_export_import_round_trips(crm, tmp_path):
    (step,) = steps(crm, "z1e3-zabezpieczenia")
    screen(crm, "Bezpieczeństwo")
    fill(crm, "security", step["payload"])
    submit(crm, "security")
    before = saved(crm)
    crm.reload()
    crm.wait_for_selector(".crm-task", timeout=120_000)
    assert saved(crm) == before
    with crm.expect_download() as download:
        crm.click("#sc-progress-export")
    exported = tmp_path / "postepy.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["practical"]["work"]["settings"] == before["settings"]
    crm.once("dialog", lambda dialog: dialog.accept())
    crm.click("#crm-reset")
    crm.locator("#crm-message", has_text="od nowa").wait_for()
    assert saved(crm)["settings"] != before["settings"]
    bad = tmp_path / "zly.json"
    bad.write_text('{"format": "cos-innego"}', encoding="utf-8")
    reset_state = saved(crm)
    crm.set_input_files("#sc-progress-import", str(bad))
    crm.locator("#sc-progress-message", has_text="Nie wczytano").wait_for()
    assert saved(crm) == reset_state                       # a bad file changes nothing
    crm.once("dialog", lambda dialog: dialog.accept())     # "the file replaces what is saved": yes
    crm.set_input_files("#sc-progress-import", str(exported))
    crm.locator("#sc-progress-flash", has_text=re.compile("^Wczytano postępy z pliku")).wait_for()
    crm.wait_for_selector(".crm-task", timeout=120_000)
    assert saved(crm)["settings"] == before["settings"]


def test_template_text_that_looks_like_code_stays_text(crm):
    screen(crm, "Szablony ofert")
    template = saved(crm)["templates"][0]
    payload = '<script>window.hacked=1</script>{{__class__}} {{firma.nazwa}}'
    fill(crm, f"edit:templates:{template['id']}", {"body": payload})
    submit_form = crm.locator(f'form[data-form="edit:templates:{template["id"]}"] button[type=submit]')
    submit_form.click()
    form = crm.locator(f'form[data-form="edit:templates:{template["id"]}"]')
    error = form.locator('[data-error-for="body"]')
    error.locator("text=__class__").wait_for()                  # an unknown tag is named, as text
    assert form.locator('[name="body"]').input_value() == payload  # and what was typed is still there
    assert crm.evaluate("() => window.hacked") is None
    assert crm.locator("#crm-screen script").count() == 0
    assert crm.errors == []


@pytest.mark.parametrize("label", ["Zadania do wykonania", "Firmy", "Szanse sprzedaży", "Szablony ofert", "Bezpieczeństwo"])
def test_no_accessibility_violations_on_the_screens(crm, label):
    screen(crm, label)
    assert axe_violations(crm, AXE.read_text(encoding="utf-8")) == []


def test_practical_mock_exam_hides_results_until_it_is_handed_in(served_site, browser):
    from practical_modules.crm.exam import TASKS_PER_EXAM
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        page.goto(served_site.url + "samoocena/symulacja/")
        page.wait_for_selector("#crm-exam-start:enabled", timeout=120_000)
        page.click("#crm-exam-start")
        page.locator(".crm-exam-bar .sc-timer", has_text="Pozostały czas").wait_for()
        assert page.locator(".crm-task").count() == TASKS_PER_EXAM
        assert page.get_by_role("button", name="Sprawdź zadanie").count() == 0     # nothing checked before the end
        page.locator('form[data-form="exam.finish"] button[type=submit]').click()
        page.locator("#crm-screen", has_text="Wynik symulacji").wait_for()
        assert page.locator("table:has(caption:text('Wynik według kryteriów')) tbody tr").count() >= 1
        assert page.locator("table:has(caption:text('Historia symulacji')) tbody tr").count() == 1
        page.reload()
        page.locator("#crm-screen", has_text="Wynik symulacji").wait_for(timeout=120_000)
        assert axe_violations(page, AXE.read_text(encoding="utf-8")) == []
    finally:
        context.close()


def test_report_task_through_the_report_builder(crm):
    (step,) = steps(crm, "z2e3-raport-opiekunowie")
    spec = step["payload"]["spec"]
    screen(crm, "Raporty")
    form_id = f"report:{spec['source']}"
    if not crm.locator(f'form[data-form="{form_id}"]').count():
        fill(crm, "report.source", {"source": spec["source"]})
        crm.locator('form[data-form="report.source"] button[type=submit]').click()
        crm.locator(f'form[data-form="{form_id}"]').wait_for()
    values = {"name": step["payload"]["name"], "title": spec.get("title", ""), "fields": spec["fields"],
              "group_by": spec["group_by"], "aggregate": spec["aggregate"], "measure": spec["measure"], "chart": spec["chart"]}
    for n, condition in enumerate(spec["filters"], 1):
        values.update({f"filters.{n}.field": condition["field"], f"filters.{n}.op": condition["op"],
                       f"filters.{n}.value": condition["value"]})
    fill(crm, form_id, values)
    crm.locator(f'form[data-form="{form_id}"] button[name="_second"]').click()      # "Pokaż raport": shown, not saved
    crm.locator(f'form[data-form="{form_id}"] .crm-report svg').wait_for()
    assert saved(crm)["reports"] == []
    with crm.expect_download() as download:  # the report as CSV, marked UTF-8 for Excel
        crm.locator(f'form[data-form="{form_id}"] a[download$=".csv"]').click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data.splitlines()[0]
    submit(crm, form_id)
    assert check_task(crm, "z2e3-raport-opiekunowie").endswith("100%")


@pytest.mark.parametrize("label", ["Lejki", "Raporty", "Eksporty"])
def test_no_accessibility_violations_on_the_builders(crm, label):
    screen(crm, label)
    assert axe_violations(crm, AXE.read_text(encoding="utf-8")) == []
