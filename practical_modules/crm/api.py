"""What the browser's Web Worker (and the teacher's command line) call for the practice CRM.

First of all: setup(qualification_json, data_json) -> {"ok", "tasks"}: the qualification (its sets
give the exam's draw and the criteria's names) and this qualification's practical data, as
compile.py made it (the build writes it as JSON; see configuration.py).

Every worker function takes and returns JSON text, like `selfcheck/api.py` does for the quiz, so
JavaScript only sends `{action, payload}` and draws what comes back. The caller passes the day
("today", YYYY-MM-DD) and, for results, the moment ("now", ISO 8601 with the visitor's offset);
the engine never reads the clock.

    new(seed, today)                  -> {"ok", "state", "view"}      a fresh CRM ("Nowy wariant": a new seed)
    reset(state_json)                 -> {"ok", "state", "view"}      the same seed and day from the start
    apply(state_json, request_json)   -> {"ok", "state", "reply", "view"}
                                         request: {"action", "payload", "view": {"screen", "params"}, "now"}
    view(state_json, request_json)    -> {"ok", "view"}                request: {"screen", "params"}
    page(state_json, request_json)    -> {"ok", "state", "screen", "reply", "result"}  the page's one entry
                                         point: a screen as blocks, a form read back into an action (ui.py)
    tasks(state_json)                 -> {"ok", "tasks": [task card…]}
    check(state_json, task_id, now)   -> {"ok", "result", "state"}    the result is kept in the state;
                                         result: score, per-check label/feedback, `hint` (only while not
                                         complete) and `solution` (the page shows it on request, after a check)
    check_all(state_json)             -> {"ok", "results", "score"}
    export(state_json)                -> {"ok", "filename", "text"}
    load(text)                        -> {"ok", "state", "view"} or {"ok": false, "error", "foreign"} (nothing
                                         changes; foreign: not this module's file at all)

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
While an exam is open, check() and check_all() are refused (results are hidden until the end);
after its deadline or its end, changes to its system are refused (see exam.py).

Plain-Python helpers for `python -m selfcheck`: list_tasks(), dataset_as_json(seed, today),
dataset_as_csv(seed, today) -> {filename: text}, check_export(text) -> results.
A refused or impossible request answers {"ok": false, "error": Polish sentence}, never a traceback.
"""

from __future__ import annotations

import json

from selfcheck.structure import Structure

from . import actions, configuration, exam, tasks as task_defs
from .dataset import fresh_state
from .records import COLLECTIONS, parse_date
from .reports import csv_text
from .state import CrmStateError, NotAState, read_state
from .views import ViewError, shown_value
from .views import view as screen_view

MAX_SEED = 2 ** 31 - 1


def _out(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


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
    state = fresh_state(seed, today)
    return _out({"ok": True, "state": state, "view": screen_view(state, "summary")})


def reset(state_json: str) -> str:
    try:
        old = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    state = fresh_state(old["seed"], old["today"])
    return _out({"ok": True, "state": state, "view": screen_view(state, "summary")})


def _request(text: str) -> dict:
    try:
        request = json.loads(text)
    except (json.JSONDecodeError, TypeError, RecursionError):
        raise CrmStateError("Żądanie nie jest poprawnym JSON-em.") from None
    if not isinstance(request, dict):
        raise CrmStateError("Żądanie ma złą postać.")
    return request


def _screen(state: dict, request) -> dict | None:
    if not isinstance(request, dict) or not request.get("screen"):
        return None
    return screen_view(state, request["screen"], request.get("params"))


def apply(state_json: str, request_json: str) -> str:
    """Validate and apply one action; on refusal the state comes back unchanged with the reasons."""
    try:
        state = _state(state_json)
        request = _request(request_json)
        closed = _closed_to(state, request.get("action", ""), request.get("now", ""))
        if closed:
            new_state, reply = state, actions.refuse(closed)
        else:
            new_state, reply = actions.apply(state, request.get("action", ""), request.get("payload", {}))
        shown = _screen(new_state, request.get("view"))
    except (CrmStateError, ViewError) as problem:
        return _fail(str(problem))
    return _out({"ok": reply.ok, "state": new_state, "reply": reply.as_dict(), "view": shown})


def view(state_json: str, request_json: str) -> str:
    try:
        state = _state(state_json)
        request = _request(request_json)
        return _out({"ok": True, "view": screen_view(state, request.get("screen", ""), request.get("params"))})
    except (CrmStateError, ViewError) as problem:
        return _fail(str(problem))


def tasks(state_json: str) -> str:
    try:
        state = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    return _out({"ok": True, "tasks": [task_defs.task_view(state, t.id) for t in task_defs.all_tasks()]})


HIDDEN = "W trakcie symulacji zadań się nie sprawdza: wyniki zobaczysz po jej zakończeniu, jak na walidacji."


def check(state_json: str, task_id: str, now: str) -> str:
    """Check one task; keep the attempt count, the last and the best score in the state."""
    try:
        state = _state(state_json)
        if exam.is_open(state):
            return _fail(HIDDEN)
        result = task_defs.check_task(state, task_id)
    except CrmStateError as problem:
        return _fail(str(problem))
    except KeyError:
        return _fail(f"Nie ma zadania „{task_id}”.")
    previous = state["results"].get(task_id, {})
    state["results"][task_id] = {"attempts": int(previous.get("attempts", 0)) + 1, "last": result["score"],
                                 "best": max(result["score"], float(previous.get("best", 0))), "at": str(now)}
    return _out({"ok": True, "result": result, "state": state})


def check_all(state_json: str) -> str:
    try:
        state = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    if exam.is_open(state):
        return _fail(HIDDEN)
    results = task_defs.check_all(state)
    score = sum(r["score"] for r in results) / len(results) if results else 0.0
    return _out({"ok": True, "results": results, "score": round(score, 4)})


def export(state_json: str) -> str:
    try:
        state = _state(state_json)
    except CrmStateError as problem:
        return _fail(str(problem))
    kind = "symulacja-praktyczna" if state.get("exam") else "cwiczenia-praktyczne"
    return _out({"ok": True, "filename": f"{kind}-{state['seed']}-{state['today']}.json",
                 "text": json.dumps(state, ensure_ascii=False, indent=1)})


def load(text: str) -> str:
    """Read an imported file whole; a bad file changes nothing and says why."""
    try:
        state = read_state(text)
    except CrmStateError as problem:
        return _out({"ok": False, "error": str(problem), "foreign": isinstance(problem, NotAState)})
    return _out({"ok": True, "state": state, "view": screen_view(state, "summary")})


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


def check_export(text: str) -> list[dict]:
    """Check a candidate's exported file: the same per-task results and feedback as the page.
    Raises CrmStateError (a Polish sentence) for a file that cannot be read."""
    return task_defs.check_all(read_state(text))


# --- the page's one entry point: screens as blocks, forms as actions (see ui.py) -------------------

def page(state_json: str, request_json: str) -> str:
    """request: {"screen", "params"} to show a screen, plus {"form", "fields"} to submit a form on it,
    or {"check": task_id, "now"} to check a task. Returns {"ok", "state", "screen", "reply", "result"}:
    a refused form comes back with its reasons per field and the state unchanged."""
    from . import ui

    try:
        state = _state(state_json)
        request = _request(request_json)
        screen_name, params = request.get("screen") or "zadania", request.get("params") or {}
        reply, result = None, None
        if request.get("form"):
            action, payload, moved = ui.submit(state, request["form"], request.get("fields") or {})
            closed = None if moved or action == "exam.finish" else _closed_to(state, action, request.get("now", ""))
            if moved:
                screen_name, params = moved
            elif action == "exam.finish" or closed == TIME_UP:
                try:
                    exam.finish(state, request.get("now", ""))
                except exam.ExamError as problem:
                    return _fail(str(problem))
                done = TIME_UP if closed else "Symulacja zakończona; wyniki są poniżej."
                reply = {"ok": True, "errors": {}, "messages": [done], "record_id": "", "data": {}}
                screen_name, params = "zadania", {}
            elif closed:
                reply = actions.refuse(closed).as_dict()
            else:
                state, answer = actions.apply(state, action, payload)
                reply = answer.as_dict()
                if answer.ok and request["form"].startswith("create:") and answer.record_id:
                    card = {"companies": "firma", "contacts": "osoba", "opportunities": "szansa", "activities": "czynnosc"}
                    collection = request["form"].split(":", 1)[1]
                    if collection in card:
                        screen_name, params = card[collection], {"id": answer.record_id}
        elif request.get("check"):
            if exam.is_open(state):
                return _fail(HIDDEN)
            checked = json.loads(check(json.dumps(state), request["check"], request.get("now", "")))
            if not checked["ok"]:
                return _out(checked)
            state, result = checked["state"], checked["result"]
        shown = ui.screen(state, screen_name, params)
    except (CrmStateError, ViewError, ui.UiError) as problem:
        return _fail(str(problem))
    return _out({"ok": True, "state": state, "screen": shown, "reply": reply, "result": result})


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
    from . import ui

    now = "2026-11-25T10:00:00+01:00"
    out = [setup(qualification_json, data_json)]
    if not json.loads(out[0])["ok"]:
        raise ValueError(out[0])
    out.append(new(7, "2026-11-25"))
    state = json.dumps(json.loads(out[-1])["state"])
    for name in ui.SCREENS:
        out.append(page(state, json.dumps({"screen": name, "params": {}})))
    out += [tasks(state), check_all(state), export(state), load(state), load("{")]
    exam_state = json.loads(exam_start("", 7, now))["state"]
    out.append(exam_finish(json.dumps(exam_state), now))
    return json.dumps(out, ensure_ascii=False)
