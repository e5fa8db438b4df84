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
from tests.browser_visit import watched_page
from tests.data import PRACTICAL, storage_key
from tests.test_accessibility import AXE, axe_violations

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not PRACTICAL, reason="this qualification has no practical tasks")]

KEY = storage_key("cwiczenia-praktyczne")
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
    form.wait_for(state="attached")  # a form a click has just asked for (count() below does not wait)
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


# --- correcting one's own work (issue 19) ---------------------------------------------------------

def funnel_form(payload: dict) -> dict:
    """The funnel builder's fields for a funnel payload as the model solution sends it."""
    values = {"name": payload["name"], "purpose": payload.get("purpose", "")}
    for n, stage in enumerate(payload["stages"], 1):
        values.update({f"stages.{n}.name": stage["name"], f"stages.{n}.probability": str(stage["probability"]),
                       f"stages.{n}.required": stage["required"]})
        for m, planned in enumerate(stage["plan"], 1):
            values.update({f"stages.{n}.plan.{m}.title": planned["title"], f"stages.{n}.plan.{m}.kind": planned["kind"],
                           f"stages.{n}.plan.{m}.day": str(planned["day"])})
    return values


def press(page, form_id: str, title: str) -> None:
    """A button that only shows something (the confirmation step): wait for what it shows."""
    page.locator(f'form[data-form="{form_id}"] button[type=submit]').first.click()
    page.locator(f'form[data-form="{form_id}"]', has_text=title).wait_for()


def open_row(page, label: str) -> None:
    page.get_by_role("button", name=label).click()


def security_done(page) -> None:
    (step,) = steps(page, "z1e3-zabezpieczenia")
    screen(page, "Bezpieczeństwo")
    fill(page, "security", step["payload"])
    submit(page, "security")


def test_a_wrong_funnel_is_corrected_then_deleted_without_losing_other_work(crm):
    security_done(crm)
    (step,) = steps(crm, "z2e2-lejek-serwis")
    good = step["payload"]
    screen(crm, "Lejki")
    wrong = funnel_form({**good, "stages": [{**s, "required": []} for s in good["stages"]]})
    fill(crm, "funnel.create", wrong)
    submit(crm, "funnel.create")
    first = check_task(crm, "z2e2-lejek-serwis")
    assert not first.endswith("100%")
    screen(crm, "Lejki")
    open_row(crm, f"Zmień albo usuń: {good['name']}")
    funnel_id = saved(crm)["funnels"][-1]["id"]
    form_id = f"funnel.edit:{funnel_id}"
    fill(crm, form_id, {f"stages.{n}.required": s["required"] for n, s in enumerate(good["stages"], 1)})
    submit(crm, form_id)
    crm.locator(f'form[data-form="{form_id}"] .crm-reply', has_text="Zapisano lejek").wait_for()
    assert check_task(crm, "z2e2-lejek-serwis").endswith("100%")
    assert check_task(crm, "z1e3-zabezpieczenia").endswith("100%")      # the other task's work is still there
    screen(crm, "Lejki")
    open_row(crm, f"Zmień albo usuń: {good['name']}")
    press(crm, f"delete:funnels:{funnel_id}", "Usunąć lejek")
    submit(crm, f"delete:funnels:{funnel_id}")
    crm.locator("#crm-screen-reply", has_text=f"Usunięto lejek „{good['name']}”").wait_for()
    assert [f["id"] for f in saved(crm)["funnels"]] == [saved(crm)["funnels"][0]["id"]]
    assert crm.errors == []


def report_builder(page, source: str) -> str:
    """The Raporty screen with the builder for `source`; the builder form's id."""
    screen(page, "Raporty")
    form_id = f"report:{source}"
    if not page.locator(f'form[data-form="{form_id}"]').count():
        fill(page, "report.source", {"source": source})
        page.locator('form[data-form="report.source"] button[type=submit]').click()
        page.locator(f'form[data-form="{form_id}"]').wait_for()
    return form_id


def test_a_saved_report_is_corrected_and_deleted_from_its_card(crm):
    (step,) = steps(crm, "z2e3-forma-prezentacji")
    spec = step["payload"]["spec"]
    form_id = report_builder(crm, spec["source"])
    values = {"name": step["payload"]["name"], "title": spec.get("title", ""), "fields": spec["fields"],
              "group_by": spec["group_by"], "aggregate": spec["aggregate"], "measure": spec["measure"], "chart": "none"}
    for n, condition in enumerate(spec["filters"], 1):
        values.update({f"filters.{n}.field": condition["field"], f"filters.{n}.op": condition["op"],
                       f"filters.{n}.value": condition["value"]})
    fill(crm, form_id, values)
    submit(crm, form_id)
    assert not check_task(crm, "z2e3-forma-prezentacji").endswith("100%")
    report_builder(crm, spec["source"])
    fill(crm, form_id, values)                          # saved again under the same name: how to go on
    crm.locator(f'form[data-form="{form_id}"] button[type=submit]').first.click()
    crm.locator(f'form[data-form="{form_id}"] [data-error-for="name"]', has_text="Zastąp").wait_for()
    open_row(crm, f"Zmień albo usuń: {step['payload']['name']}")
    report_id = saved(crm)["reports"][0]["id"]
    fill(crm, f"report.edit:{report_id}", {"chart": spec["chart"]})
    submit(crm, f"report.edit:{report_id}")
    assert check_task(crm, "z2e3-forma-prezentacji").endswith("100%")
    screen(crm, "Raporty")
    open_row(crm, f"Zmień albo usuń: {step['payload']['name']}")
    press(crm, f"delete:reports:{report_id}", "Usunąć raport")
    submit(crm, f"delete:reports:{report_id}")
    crm.locator("#crm-title", has_text="Raporty").wait_for()
    assert saved(crm)["reports"] == []


def test_one_task_starts_again_and_another_task_keeps_its_records(crm):
    security_done(crm)
    (goal,) = steps(crm, "z2e2-cel-smart")
    screen(crm, "Cele")
    fill(crm, "create:goals", goal["payload"])
    submit(crm, "create:goals")
    assert check_task(crm, "z2e2-cel-smart").endswith("100%")
    settings = saved(crm)["settings"]
    card = crm.locator("#zadanie-z2e2-cel-smart")
    press(crm, "reset:z2e2-cel-smart", "Zacząć to zadanie od nowa?")
    assert "Pozostałe zadania" in card.locator('form[data-form="reset:z2e2-cel-smart"]').inner_text()
    submit(crm, "reset:z2e2-cel-smart")
    crm.locator('form[data-form="reset:z2e2-cel-smart"] .crm-reply', has_text="od nowa").wait_for()
    after = saved(crm)
    assert all(g["description"] != goal["payload"]["description"] for g in after["goals"])
    assert after["settings"] == settings
    assert not check_task(crm, "z2e2-cel-smart").endswith("100%")
    assert check_task(crm, "z1e3-zabezpieczenia").endswith("100%")


def test_new_opportunity_takes_the_stage_and_offers_the_chosen_firm_s_people(crm):
    state = saved(crm)
    funnel = state["funnels"][0]
    stage = funnel["stages"][0]
    firm = next(c for c in state["companies"] if sum(p["company_id"] == c["id"] for p in state["contacts"]) >= 1)
    people = {p["id"] for p in state["contacts"] if p["company_id"] == firm["id"]}
    screen(crm, "Szanse sprzedaży")
    form = crm.locator('form[data-form="create:opportunities"]')
    crm.locator('details:has(form[data-form="create:opportunities"]) > summary').click()
    assert form.locator('[name="probability"]').count() == 0
    form.locator('[name="company_id"]').select_option(firm["id"])
    shown = form.locator('[name="contact_id"] option:not([disabled])').evaluate_all("os => os.map(o => o.value)")
    assert set(shown) - {""} == people
    form.locator('[name="stage"]').focus()              # the stage by keyboard: its probability is in its label
    assert f"({stage['probability']}%)" in form.locator('[name="stage"] option:checked').inner_text()
    fill(crm, "create:opportunities", {"name": "Szansa z etapem", "contact_id": sorted(people)[0], "value": "1000",
                                       "owner": state["seller"]["team"][0]["name"], "close_date": "2099-12-31"})
    submit(crm, "create:opportunities")
    crm.locator("#crm-title", has_text="Szansa z etapem").wait_for()
    made = next(o for o in saved(crm)["opportunities"] if o["name"] == "Szansa z etapem")
    assert (made["stage"], made["probability"]) == (stage["id"], stage["probability"])


def test_a_task_card_leads_back_to_its_opportunity(crm):
    state = saved(crm)
    activity = next(a for a in state["activities"] if a["opportunity_id"])
    opportunity = next(o for o in state["opportunities"] if o["id"] == activity["opportunity_id"])
    open_opportunity(crm, opportunity["id"])
    crm.locator("tr", has_text=activity["title"]).get_by_role("button").first.click()   # a row of its tasks
    crm.locator("#crm-title", has_text=activity["title"]).wait_for()
    crm.get_by_role("button", name=f"Szansa: {opportunity['name']}").click()
    crm.locator("#crm-title", has_text=opportunity["name"]).wait_for()
