"""A class report from files written by the real page: one browser works through the practice page as
six candidates in turn ("Nowy wariant" gives each a variant of their own; the last one loads the
first one's file, as a candidate copying a classmate's work would, and goes on with it), saving each
one's progress file; `python -m selfcheck tasks report` on the folder must say what each did.

The tasks worked on are those the page lets a candidate finish by answering in the task's card (their
model solution is all answers), found from the data; what each row must say comes from the actions
taken and the scores the page showed."""

from __future__ import annotations

import csv
import io
import re

import pytest

from practical_modules.crm import api, progress
from practical_modules.crm import tasks as task_defs
from practical_modules.crm.ui import NAV, START
from tests.browser_visit import watched_page
from tests.data import PRACTICAL
from tests.practical_crm import given  # noqa: F401 - installs the practical data the tasks come from
from tests.test_crm_browser import KEY, PAGE, fill, saved, screen, submit
from tests.test_crm_cli import selfcheck

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not PRACTICAL, reason="this qualification has no practical tasks")]

SLOW = 120_000  # ms: Pyodide starting on a loaded machine
TASKS = dict(NAV)[START]  # the title of the practice page's first screen, the list of tasks


def answer_tasks(state: dict) -> list[str]:
    """Tasks whose model solution is answers alone: the page's answer form in the card does them."""
    found = []
    for task in task_defs.all_tasks():
        actions = []
        task_defs.apply_solution(state, task.id, lambda action, payload: actions.append(action) or payload)
        if actions and set(actions) == {"answer"}:
            found.append(task.id)
    return found


def answers(page, task_id: str, wrong: int = 0) -> dict[str, str]:
    """The model answers for the variant on the page, as typed in the form; the first `wrong` of
    them replaced by a wrong one (another option, another number)."""
    state = saved(page)
    values = {}
    task_defs.apply_solution(state, task_id, lambda action, payload: values.update(payload["values"]) or payload)
    task = task_defs.task(task_id)
    fields = {f["key"]: f for f in task_defs.answer_fields(task, task_defs.flatten(task_defs.variant_for(task, state)))}
    typed = {}
    for n, (key, value) in enumerate(values.items()):
        if n < wrong:
            value = next(o for o in fields[key]["options"] if o != value) if fields[key].get("options") else value * 2 + 10
        typed[key] = value if isinstance(value, str) else str(int(value)) if float(value).is_integer() \
            else str(value).replace(".", ",")
    return typed


def to_tasks(page) -> None:
    """The list of tasks, where the answer forms and the checks are; moved to only from another screen,
    as a move redraws the screen (what was typed in the old one would be lost)."""
    if page.locator("#crm-title").inner_text() != TASKS:
        screen(page, TASKS)


def answer(page, task_id: str, wrong: int = 0) -> None:
    to_tasks(page)
    fill(page, f"answer:{task_id}", answers(page, task_id, wrong))
    submit(page, f"answer:{task_id}")


def check(page, task_id: str) -> int:
    """Press "Sprawdź zadanie" in the task's card; the percent the page shows."""
    to_tasks(page)
    before = saved(page)["results"].get(task_id, {}).get("attempts", 0)
    card = page.locator(f"#zadanie-{task_id}")
    card.get_by_role("button", name="Sprawdź zadanie").click()
    page.wait_for_function("([key, id, n]) => JSON.parse(localStorage.getItem(key)).results[id]?.attempts === n",
                           arg=[KEY, task_id, before + 1])
    return int(re.search(r"(\d+)%", card.locator(".crm-result__score").inner_text()).group(1))


def new_variant(page) -> None:
    seed = saved(page)["seed"]
    page.evaluate("() => { document.getElementById('crm-message').textContent = '' }")
    page.click("#crm-variant")   # the page asks first; watched_page says yes
    page.locator("#crm-message", has_text="Nowy wariant gotowy").wait_for()
    assert saved(page)["seed"] != seed


def save_file(page, folder, number: int) -> str:
    with page.expect_download() as download:
        page.click("#sc-progress-export")
    name = f"{number}-{download.value.suggested_filename}"
    download.value.save_as(folder / name)
    return name


class Candidate:
    """What one candidate did, and what a report must say of it: per task the status, the checks
    run and the best percent the page showed."""

    def __init__(self, earlier: "Candidate | None" = None):
        self.status = dict(earlier.status) if earlier else {t["id"]: "not_started" for t in api.list_tasks()}
        self.attempts = dict(earlier.attempts) if earlier else {}
        self.best = dict(earlier.best) if earlier else {}
        self.file = ""

    def answered(self, task_id: str) -> None:
        if self.status[task_id] == "not_started":
            self.status[task_id] = "in_progress"

    def checked(self, task_id: str, shown: int) -> None:
        self.attempts[task_id] = self.attempts.get(task_id, 0) + 1
        self.best[task_id] = max(self.best.get(task_id, 0), shown)
        self.status[task_id] = "done" if self.best[task_id] == 100 else "in_progress"


def test_a_class_report_of_files_the_page_wrote(served_site, browser, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = watched_page(context, served_site.url + PAGE)
    page.wait_for_selector(".crm-task", timeout=SLOW)
    tasks = answer_tasks(saved(page))
    if len(tasks) < 2:
        pytest.skip("fewer than two tasks are done by answers alone")
    first, second = tasks[:2]
    folder = tmp_path / "klasa"
    folder.mkdir()
    group = []

    def act(candidate: Candidate, steps) -> None:
        for kind, task_id, wrong in steps:
            if kind == "answer":
                answer(page, task_id, wrong)
                candidate.answered(task_id)
            else:
                candidate.checked(task_id, check(page, task_id))
        candidate.file = save_file(page, folder, len(group) + 1)
        group.append(candidate)

    # Each candidate: some tasks done, some half done (checked or not), the rest untouched.
    act(Candidate(), [("answer", first, 0), ("check", first, 0), ("answer", second, 1), ("check", second, 0)])
    copied_from = group[0]
    for steps in ([("answer", first, 1), ("check", first, 0)],
                  [],
                  [("answer", second, 1), ("check", second, 0), ("answer", second, 0), ("check", second, 0)],
                  [("answer", first, 1)]):
        new_variant(page)
        act(Candidate(), steps)
    # The sixth loads the first one's file and finishes what was left half done.
    page.set_input_files("#sc-progress-import", str(folder / copied_from.file))   # the page asks first: yes
    page.locator("#sc-progress-flash", has_text="Wczytano postępy").wait_for(timeout=SLOW)
    page.wait_for_selector(".crm-task", timeout=SLOW)
    act(Candidate(copied_from), [("answer", second, 0), ("check", second, 0)])
    assert page.errors == []
    context.close()
    shown = [best for candidate in group for best in candidate.best.values()]
    assert 100 in shown and any(0 < best < 100 for best in shown)   # done and half done, as meant

    target = tmp_path / "raport.csv"
    run = selfcheck("tasks", "report", str(folder), "--csv", str(target))
    assert run.returncode == 0, run.stderr
    ids = [t["id"] for t in api.list_tasks()]
    lines = run.stdout.splitlines()
    head = next(n for n, line in enumerate(lines) if line.startswith("Plik "))
    rows = lines[head + 1:head + 1 + len(group)]
    assert all(len(line) <= 100 for line in lines[head - 1:head + 1 + len(group)])
    start, variant = lines[head].index("Zadania"), lines[head].index("Wariant")
    marks = {"done": "✔", "in_progress": "~", "not_started": "·"}
    for candidate, row in zip(group, rows):    # the files in order: 1-…, 2-…, …
        assert row[start:start + len(ids)] == "".join(marks[candidate.status[t]] for t in ids), candidate.file
    flags = [row[variant:].strip() for row in rows]
    assert flags[0] and flags[0] == flags[-1] and not any(flags[1:-1])     # the copy and its source, alone

    table = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig")), delimiter=";"))
    headers, by_file = table[0], {row[0]: row for row in table[1:]}
    for candidate in group:
        row = by_file[candidate.file]
        for task_id in ids:
            assert row[headers.index(f"{task_id}: stan")] == progress.STATUSES[candidate.status[task_id]]
            assert row[headers.index(f"{task_id}: próby")] == str(candidate.attempts.get(task_id, 0))
            assert row[headers.index(f"{task_id}: najlepszy wynik (%)")] == str(candidate.best.get(task_id, ""))
        for criterion in {c for t in ids for c in task_defs.task(t).criteria}:
            shown = [candidate.best[t] for t in candidate.best if criterion in task_defs.task(t).criteria]
            cell = row[headers.index(f"{criterion} (%)")]
            if shown:   # the mean of the best scores the page showed, each rounded to a whole percent there
                assert abs(int(cell) - sum(shown) / len(shown)) <= 1, (candidate.file, criterion)
            else:
                assert cell == ""
    seeds = [by_file[c.file][headers.index("Wariant ćwiczeń")] for c in group]
    assert seeds[0] == seeds[-1] and len(set(seeds)) == len(group) - 1
    assert group[-1].file in by_file[group[0].file][headers.index("Uwagi")]
    assert all(by_file[c.file][headers.index("Uwagi")] == "" for c in group[1:-1])
