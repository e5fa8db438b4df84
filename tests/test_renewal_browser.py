"""The renewal page in a real browser: periods in, verdict and timeline out, kept on reload,
clear messages for bad input and bad files, a printable summary."""

from __future__ import annotations

import json

import pytest

from tests.browser_visit import watched_page
from tests.data import QUALIFICATION, RENEWAL, storage_key
from tests.test_accessibility import AXE, axe_violations

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(RENEWAL is None, reason="this qualification's certificate does not expire: no renewal page")]

KEY = storage_key("odnowienie")


@pytest.fixture
def page(served_site, browser):
    context = browser.new_context(accept_downloads=True)
    page = watched_page(context, served_site.url + "odnowienie/")
    page.wait_for_selector(".sc-status--ready", timeout=120_000)
    yield page
    context.close()


def fill_period(page, n: int, start: str, end: str, organisation: str) -> None:
    if n > 1:
        page.click("#rn-add")
    page.fill(f"#rn-p{n}-start", start)
    if end == "ongoing":
        page.check(f"#rn-p{n}-ongoing")
    else:
        page.fill(f"#rn-p{n}-end", end)
    page.fill(f"#rn-p{n}-organisation", organisation)


def enter_ready_case(page) -> None:
    page.fill("#rn-issued", "2023-01-15")
    fill_period(page, 1, "2023-02-01", "2023-12-31", "Hurtownia Alfa")       # 334 days
    fill_period(page, 2, "2024-03-01", "2024-04-30", "Sklep internetowy Beta")  # 61 days
    page.click("#rn-check")
    page.wait_for_selector("#rn-result h2")


def test_periods_give_a_verdict_figures_and_a_timeline(page):
    enter_ready_case(page)
    result = page.inner_text("#rn-result")
    assert "Możesz wystąpić o przedłużenie" in result
    assert "395 dni (wymagane co najmniej 365 dni)" in result
    assert "01.02.2023 – 31.12.2023" in result                                 # dates that do not break
    assert page.text_content("#rn-print-issued") == "15 stycznia 2023"          # the printout's heading
    assert "15 stycznia 2028" in result                                        # art. 112 KC
    assert page.locator("#rn-result svg.rn-timeline title").text_content() == "Oś czasu dowodów"
    assert page.locator("#rn-result table tbody tr").count() == 2
    assert "decyduje instytucja certyfikująca" in result
    assert axe_violations(page, AXE.read_text(encoding="utf-8")) == []
    assert page.errors == []


def test_not_yet_says_what_is_missing_and_by_when(page):
    page.fill("#rn-issued", "2025-06-01")
    fill_period(page, 1, "2025-07-01", "2025-12-31", "Przychodnia Gamma")
    page.click("#rn-check")
    verdict = page.locator(".rn-verdict")
    verdict.wait_for()
    assert "Brakuje 181 dni" in verdict.inner_text()
    assert "przed końcem ważności certyfikatu (1 czerwca 2030)" in verdict.inner_text()


def test_reload_keeps_the_form_and_the_result(page):
    enter_ready_case(page)
    page.reload()
    page.wait_for_selector("#rn-result h2", timeout=120_000)
    assert page.input_value("#rn-issued") == "2023-01-15"
    assert page.input_value("#rn-p2-organisation") == "Sklep internetowy Beta"
    assert "Możesz wystąpić o przedłużenie" in page.inner_text("#rn-result")


def test_bad_input_is_shown_next_to_each_field(page):
    page.fill("#rn-issued", "2030-01-01")
    fill_period(page, 1, "2024-05-01", "2024-04-01", "")
    page.click("#rn-check")
    page.locator("#rn-issued-error").get_by_text("w przyszłości").wait_for()
    assert "przed jego początkiem" in page.inner_text("#rn-p1-end-error")
    assert "pracodawcy" in page.inner_text("#rn-p1-organisation-error")
    assert page.get_attribute("#rn-p1-end", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "rn-issued"
    assert axe_violations(page, AXE.read_text(encoding="utf-8")) == []


def test_export_then_import_restores_and_a_bad_file_changes_nothing(page, tmp_path):
    enter_ready_case(page)
    with page.expect_download() as download:
        page.click("#rn-export")
    saved = tmp_path / "odnowienie.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["issued"] == "2023-01-15"
    page.click("#rn-reset")
    assert page.input_value("#rn-issued") == ""
    bad = tmp_path / "zly.json"
    bad.write_text('{"format": "odnowienie", "version": 1, "periods": "dużo"}', encoding="utf-8")
    page.set_input_files("#rn-import", str(bad))
    page.locator("#rn-message").get_by_text("Formularz się nie zmienił").wait_for()
    assert "periods: potrzebna lista okresów" in page.inner_text("#rn-message")
    assert page.input_value("#rn-issued") == ""
    page.set_input_files("#rn-import", str(saved))
    page.wait_for_selector("#rn-result h2")
    assert page.input_value("#rn-p1-organisation") == "Hurtownia Alfa"
    assert "395" in page.inner_text("#rn-result")


def test_a_cleared_form_comes_back_with_restore_and_the_restore_can_be_undone(page):
    enter_ready_case(page)
    page.click("#rn-reset")
    assert page.input_value("#rn-issued") == ""
    restore = page.locator("#rn-backup")
    restore.get_by_text("sprzed wyczyszczenia formularza").wait_for()
    assert "2 okresy pracy" in restore.inner_text()
    restore.get_by_role("button", name="Przywróć kopię").click()
    page.wait_for_selector("#rn-result h2")
    assert page.input_value("#rn-issued") == "2023-01-15" and page.input_value("#rn-p2-organisation") == "Sklep internetowy Beta"
    assert page.evaluate("document.activeElement.id") == "rn-message"
    # The form held nothing a moment ago: no copy of nothing is offered.
    restore.wait_for(state="hidden")


def test_unreadable_saved_data_is_kept_aside_and_reported(served_site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served_site.url + "odnowienie/")
    page.evaluate(f"localStorage.setItem('{KEY}', '{{\"format\": \"obcy\"}}')")
    page.reload()
    page.locator("#rn-message").get_by_text("nie da się odczytać").wait_for(timeout=120_000)
    kept = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{KEY}:nieczytelne'))")
    assert len(kept) == 1
    context.close()


def test_print_view_is_a_one_page_summary_without_the_form(page):
    enter_ready_case(page)
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1, "zestawienie dowodów should fit one page"
    page.emulate_media(media="print")
    assert page.eval_on_selector("#rn-form", "el => getComputedStyle(el).display") == "none"
    assert page.eval_on_selector("#rn-result table", "el => getComputedStyle(el).display") != "none"
    assert page.eval_on_selector(".md-header", "el => getComputedStyle(el).display") == "none"


def _years_ago(years: int) -> str:
    from datetime import date
    today = date.today()
    return date(today.year - years, 1, 15 if today.month > 1 else 1).isoformat()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_an_expired_certificate_links_to_where_and_when_to_take_the_validation(served_site, browser, viewport):
    context = browser.new_context(viewport=viewport)
    try:
        page = watched_page(context, served_site.url + "odnowienie/")
        page.wait_for_selector(".sc-status--ready", timeout=120_000)
        validity = QUALIFICATION["certificate"]["validity_years"]
        page.fill("#rn-issued", _years_ago(validity + 1))
        fill_period(page, 1, _years_ago(validity + 1)[:4] + "-03-01", "ongoing", "Hurtownia Alfa")
        page.click("#rn-check")
        link = page.locator("#rn-result .rn-retake a")
        link.wait_for()
        assert link.inner_text() == "Gdzie i kiedy przystąpić do walidacji"
        assert link.get_attribute("href").endswith("/walidacja/#gdzie-i-kiedy")
        assert link.is_visible() and link.bounding_box()["x"] + link.bounding_box()["width"] <= viewport["width"]
        # The period still runs: said in the evidence table and drawn open-ended, though validity ended.
        assert "nadal trwa" in page.inner_text("#rn-result table tbody tr")
        assert page.locator("#rn-result svg path.rn-timeline__ongoing").count() >= 1
        link.click()
        page.wait_for_url("**/walidacja/#gdzie-i-kiedy")
        assert page.locator("#gdzie-i-kiedy").is_visible()
        assert page.errors == []
    finally:
        context.close()


def test_the_counting_rules_are_separate_bullets(page):
    items = page.locator(".rn-intro .admonition li")
    texts = [items.nth(n).inner_text() for n in range(items.count())]
    assert len(texts) >= 2
    assert not any(" - " in text or "- **" in text for text in texts), texts
    assert any(text.startswith("Rok praktyki") for text in texts)

