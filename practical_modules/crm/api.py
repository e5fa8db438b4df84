"""What the browser's Web Worker (and the teacher's command line) call for the practice CRM.

First of all: setup(qualification_json, data_json) -> {"ok", "tasks"}: the qualification (its sets
give the exam's draw and the criteria's names) and this qualification's practical data, as
compile.py made it (the build writes it as JSON; see configuration.py).

Every worker function takes and returns JSON text, like `selfcheck/api.py` does for the quiz, so
JavaScript only sends what the candidate did and draws what comes back. The caller passes the day
("today", YYYY-MM-DD) and, for results, the moment ("now", ISO 8601 with the visitor's offset);
the engine never reads the clock.

    new(seed, today)                  -> {"ok", "state"}      a fresh CRM ("Nowy wariant": a new seed)
    reset(state_json)                 -> {"ok", "state"}      the same seed and day from the start
    page(state_json, request_json)    -> {"ok", "state", "screen", "reply", "result"}  the page's one way in:
                                         request {"screen", "params"} shows a screen (ui.py), plus
                                         {"form": id, "fields": {name: [values]}, "now"} sends a form of
                                         it (forms.py), or {"check": task id, "now"} checks a task as
                                         check() does; a refused form comes back with its reasons per
                                         field (reply.errors) and the state unchanged. {"task": id}: the
                                         task the candidate chose, shown beside every screen
                                         (screen.panel, ui.task_panel). A form whose sending needs a
                                         yes first (the exam's hand-in) answers reply.confirm, the
                                         question, and changes nothing; sent again with
                                         {"confirmed": true} it is carried out
    tasks(state_json)                 -> {"ok", "tasks": [task card…]}
    check(state_json, task_id, now)   -> {"ok", "result", "state"}    the result is kept in the state;
                                         result: score, per-check label/feedback, `hint` (only while not
                                         complete) and `solution` (the page shows it on request, after a check)
    export(state_json)                -> {"ok", "filename", "text"}
    load(text)                        -> {"ok", "state"} or {"ok": false, "error", "foreign"} (nothing changes;
                                         foreign: not this module's file at all)

The practical mock exam (rules in exam.py; its state is a CRM state with `exam` and `exams`):

    exam_start(state_json, seed, now) -> {"ok", "state", "exam"}   a fresh variant (its day: the date of
                                         `now`) with an open exam; state_json is the last exam's state,
                                         whose history is carried over ("" or unreadable: no history)
    exam_open(state_json)             -> {"ok", "exam", "history"}  exam: null when there is none; else
                                         {"open", "started", "deadline", "deadline_text", "minutes",
                                         "tasks": [card: id, title, outcome, criteria, brief, answers, given]}
                                         and, once finished, "summary" as exam_finish gives it
    exam_finish(state_json, now)      -> {"ok", "state", "exam"}   every task checked once; exam.summary:
                                         {"score", "percent", "timed_out", "text",
                                          "tasks": [result as check() gives, without keeping it],
                                          "criteria": [{"id", "anchor", "outcome", "text", "score",
                                                        "percent", "level", "tasks"}]}
While an exam is open, check() (and a check through page) is refused (results are hidden until the end);
after its deadline or its end, changes to its system are refused (see exam.py).

Plain-Python helpers for `python -m selfcheck`: list_tasks(), dataset_as_json(seed, today),
dataset_as_csv(seed, today) -> {filename: text} (a candidate's file is checked by progress.py).
A refused or impossible request answers {"ok": false, "error": Polish sentence}, never a traceback.
"""

from __future__ import annotations

import json

from selfcheck.practical import MAX_ATTEMPTS
from selfcheck.structure import Structure

from . import actions, configuration, exam, tasks as task_defs, ui
from .dataset import fresh_state
from .forms import Change, HandIn, Show
from .records import COLLECTIONS, parse_date
from .reports import csv_text
from .state import CrmStateError, NotAState, is_moment, read_state, state_text
from .views import ViewError, shown_value

MAX_SEED = 2 ** 31 - 1


def _out(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _fail(message: str) -> str:
    return _out({"ok": False, "error": message})


def _state(state_json: str) -> dict:
    return read_state(state_json)


def _seed_and_day(seed, today) -> tuple[int, str]:
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise CrmStateError(f"Numer wariantu (seed) to liczba całkowita od 0 do {MAX_SEED}.")
    if parse_date(today) is None:
        raise CrmStateError("Dzień symulacji podaje się jako RRRR-MM-DD.")
    return seed, today


def new(seed, today: str) -> str:
    try:
        seed, today = _seed_and_day(seed, today)
    except CrmStateError as problem:
        return _fail(str(problem))
    return _out({"ok": True, "state": fresh_state(seed, today)})


def reset(state_json: str) -> str:
    try:
        old = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    return _out({"ok": True, "state": fresh_state(old["seed"], old["today"])})


def _request(text: str) -> dict:
    try:
        request = json.loads(text)
    except (json.JSONDecodeError, TypeError, RecursionError):
        raise CrmStateError("Żądanie nie jest poprawnym JSON-em.") from None
    if not isinstance(request, dict):
        raise CrmStateError("Żądanie ma złą postać.")
    return request


def tasks(state_json: str) -> str:
    try:
        state = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    return _out({"ok": True, "tasks": [task_defs.task_view(state, t.id) for t in task_defs.all_tasks()]})


HIDDEN = "W trakcie symulacji zadań się nie sprawdza: wyniki zobaczysz po jej zakończeniu, jak na walidacji."


class Refused(ValueError):
    """A request the module will not carry out; str() says why, in Polish."""


def check(state_json: str, task_id: str, now: str) -> str:
    """Check one task; keep the attempt count, the last and the best score in the state."""
    try:
        state = _state(state_json)
        result = _check(state, task_id, now)
    except (CrmStateError, Refused) as problem:
        return _fail(str(problem))
    return _out({"ok": True, "result": result, "state": state})


def _check(state: dict, task_id, now: str) -> dict:
    """The task's result, kept in `state` (attempts, last and best score, when)."""
    if exam.is_open(state):
        raise Refused(HIDDEN)
    try:
        result = task_defs.check_task(state, task_id)
    except KeyError:
        raise Refused(f"Nie ma zadania „{str(task_id)[:80]}”.") from None
    previous = state["results"].get(task_id, {})
    # Kept as the reader takes them back: a count it accepts, a moment or nothing.
    state["results"][task_id] = {"attempts": min(int(previous.get("attempts", 0)) + 1, MAX_ATTEMPTS),
                                 "last": result["score"], "best": max(result["score"], float(previous.get("best", 0))),
                                 "at": now if is_moment(now) else ""}
    return result


def export(state_json: str) -> str:
    try:
        state = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    kind = "symulacja-praktyczna" if state.get("exam") else "cwiczenia-praktyczne"
    return _out({"ok": True, "filename": f"{kind}-{state['seed']}-{state['today']}.json", "text": state_text(state)})


def load(text: str) -> str:
    """Read an imported file whole; a bad file changes nothing and says why."""
    try:
        state = read_state(text)
    except CrmStateError as problem:
        return _out({"ok": False, "error": str(problem), "foreign": isinstance(problem, NotAState)})
    return _out({"ok": True, "state": state})


# --- for the command line (plain Python values) -------------------------------------------------

def list_tasks() -> list[dict]:
    return task_defs.list_tasks()


def dataset_as_json(seed: int, today: str) -> str:
    """The starting data for a seed and day, as the page starts it (the same in CPython and Pyodide)."""
    seed, today = _seed_and_day(seed, today)
    return json.dumps(fresh_state(seed, today), ensure_ascii=False, indent=1)


CSV_FILES = {"firmy.csv": "companies", "osoby.csv": "contacts", "szanse.csv": "opportunities", "zadania.csv": "activities",
             "produkty.csv": "products"}


def dataset_as_csv(seed: int, today: str) -> dict[str, str]:
    """The starting data as CSV files (semicolon-separated, Polish labels): {file name: text}."""
    seed, today = _seed_and_day(seed, today)
    state = fresh_state(seed, today)
    files = {}
    for name, collection in CSV_FILES.items():
        fields = COLLECTIONS[collection].fields
        headers = ["ID", *(f.label for f in fields)]
        rows = [[r["id"], *(shown_value(state, f, r.get(f.key, "")) for f in fields)] for r in state[collection]]
        files[name] = csv_text(headers, rows)
    return files


# --- the page's one way in: screens as blocks, forms on them (see ui.py and forms.py) -----------------

def page(state_json: str, request_json: str) -> str:
    """request: {"screen", "params"} to show a screen, plus {"form", "fields", "now"} to send a form on
    it, or {"check": task_id, "now"} to check a task. Returns {"ok", "state", "screen", "reply", "result"}."""
    try:
        state = _state(state_json)
        request = _request(request_json)
        name, params, now = request.get("screen") or ui.START, request.get("params"), request.get("now", "")
        reply = result = None
        if request.get("form"):
            state, reply, shown = _send(state, ui.screen(state, name, params), request["form"], request.get("fields"), now,
                                        confirmed=request.get("confirmed") is True)
        else:
            if request.get("check"):
                result = _check(state, request["check"], now)
            shown = ui.screen(state, name, params)
    except (CrmStateError, ViewError, ui.UiError, exam.ExamError, Refused) as problem:
        return _fail(str(problem))
    screen = {**shown.as_dict(), "panel": ui.task_panel(state, request.get("task"))}
    return _out({"ok": True, "state": state, "screen": screen, "reply": reply, "result": result})


def _send(state: dict, shown: ui.Screen, form_id, fields, now: str, confirmed: bool = False
          ) -> tuple[dict, dict | None, ui.Screen]:
    """(state, reply, screen to show) once a form of the screen `shown` is sent."""
    outcome = shown.sent(form_id, fields)
    if isinstance(outcome, Show):
        return state, None, ui.screen(state, outcome.screen, outcome.params)
    if isinstance(outcome, HandIn) and not confirmed and exam.is_open(state) and not exam.past_deadline(state, now):
        # Handing in cannot be undone: the candidate says yes knowing the time and the tasks left.
        return state, {**actions.Reply().as_dict(), "confirm": exam.hand_in_question(state, now)}, shown
    closed = _closed_to(state, outcome.action, now) if isinstance(outcome, Change) else None
    if isinstance(outcome, HandIn) or closed == TIME_UP:
        exam.finish(state, now)
        done = TIME_UP if closed else "Symulacja zakończona; wyniki są poniżej."
        return state, actions.Reply(messages=[done]).as_dict(), ui.screen(state, ui.START)
    if closed:
        return state, actions.refuse(closed).as_dict(), shown
    changed, answer = actions.apply(state, outcome.action, outcome.payload)
    if changed is state:  # refused, or only shown (a preview, a report): the same screen
        return state, answer.as_dict(), shown
    if outcome.opens and answer.record_id:
        return changed, answer.as_dict(), ui.screen(changed, outcome.opens, {"id": answer.record_id})
    if outcome.then:
        return changed, answer.as_dict(), ui.screen(changed, *outcome.then)
    return changed, answer.as_dict(), ui.screen(changed, shown.name, shown.params)


# --- the practical mock exam (rules in exam.py) ---------------------------------------------------

TIME_UP = "Czas symulacji minął: została zakończona tak, jak stała w chwili końca czasu, a ta zmiana nie weszła do wyniku."
HANDED_IN = ("Ta symulacja jest zakończona i jej wynik jest zapisany, więc zmiany nie są już przyjmowane. "
             "Aby ćwiczyć dalej, rozpocznij nową symulację albo przejdź do zadań praktycznych.")


def _closed_to(state: dict, action: str, now: str) -> str | None:
    """Why a change may not enter an exam's system now (TIME_UP, HANDED_IN), or None. Actions that
    only show something stay open: a handed-in exam can still be looked through."""
    if not state.get("exam") or action not in actions.ACTIONS or not actions.ACTIONS[action].changes:
        return None
    if state["exam"].get("finished"):
        return HANDED_IN
    return TIME_UP if exam.past_deadline(state, now) else None


def setup(qualification_json: str, data_json: str) -> str:
    """Install this qualification's practical data (what compile.py made, as JSON) and its structure
    (from the qualification, for drawing exams and naming criteria). Called once, before the rest."""
    try:
        sets = Structure.from_qualification(json.loads(qualification_json)).sets
        configuration.install(json.loads(data_json), sets)
    except (ValueError, TypeError, KeyError, RecursionError) as problem:
        return _fail(f"Dane części praktycznej mają złą postać ({problem}).")
    return _out({"ok": True, "tasks": len(task_defs.all_tasks())})


def _exam_view(state: dict) -> dict | None:
    if not state.get("exam"):
        return None
    shown = exam.describe(state)
    info = {k: shown[k] for k in ("open", "started", "deadline", "deadline_text", "minutes")}
    info["tasks"] = exam.task_cards(state)
    if not shown["open"]:
        info["summary"] = exam.summary(state)
    return info


def exam_start(state_json: str, seed, now: str) -> str:
    """A fresh variant with an open exam; the history comes from the last exam's state, if readable."""
    history = []
    if state_json:
        try:
            history = read_state(state_json).get("exams", [])
        except CrmStateError:
            history = []
    try:
        seed, _ = _seed_and_day(seed, "2000-01-01")
        day = exam.moment(now).date().isoformat()   # the visitor's calendar day, from their own clock
        state = exam.start(configuration.sets(), seed, day, now, history)
    except (CrmStateError, exam.ExamError) as problem:
        return _fail(str(problem))
    return _out({"ok": True, "state": state, "exam": _exam_view(state)})


def exam_open(state_json: str) -> str:
    """The exam of a saved state, to show after a reload: open (tasks, deadline) or finished (summary)."""
    try:
        state = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    return _out({"ok": True, "exam": _exam_view(state), "history": exam.history(state)})


def exam_finish(state_json: str, now: str) -> str:
    """Hand the exam in: every task checked once; per-task and per-criterion results."""
    try:
        state = _state(state_json)
        exam.finish(state, now)
    except (CrmStateError, exam.ExamError) as problem:
        return _fail(str(problem))
    return _out({"ok": True, "state": state, "exam": _exam_view(state)})


# --- for the build ---------------------------------------------------------------------------------

def exercise(qualification_json: str, data_json: str) -> str:
    """Calls that reach every part the pages use, on the real data: the build runs them in stock
    Pyodide and in the trimmed runtime, finds the standard library they need and compares the
    answers (sitegen/python_runtime.mjs). Any answer is fine; the same answer everywhere is the point."""
    now = "2026-11-25T10:00:00+01:00"
    out = [setup(qualification_json, data_json)]
    if not json.loads(out[0])["ok"]:
        raise ValueError(out[0])
    out.append(new(7, "2026-11-25"))
    state = json.dumps(json.loads(out[-1])["state"])
    for name in ui.SCREENS:
        out.append(page(state, json.dumps({"screen": name, "params": {}})))
    out += [tasks(state), check(state, task_defs.all_tasks()[0].id, now), export(state), load(state), load("{")]
    exam_state = json.loads(exam_start("", 7, now))["state"]
    out.append(exam_finish(json.dumps(exam_state), now))
    return json.dumps(out, ensure_ascii=False)
