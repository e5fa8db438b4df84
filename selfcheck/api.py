"""What the browser's Web Worker calls. Every function takes and returns JSON text, so the
JavaScript side only passes messages and draws what comes back. Moments ("now") come from the
page as ISO 8601 with the visitor's UTC offset, so times are shown as the visitor's clock read.

    setup(qualification_json, bank_json)       -> summary; bank_json: {"files": [bank file…], "practical":
                                                null or {"module", "tasks": [catalog entry…]}} (the build writes it)
    check(state_json, question_id, fields_json, now)  -> {"result", "state"}
    answered(state_json)                        -> {"results": {question_id: result}} the last verdicts, to show again
    practice_start(state_json, scope, size, seed, now, keep) -> {"session", "progress"} or {"error"}
    practice_check(state_json, session_json, fields_json, now) -> {"result", "state", "session", "progress"}
    practice_next(state_json, session_json)     -> {"session", "progress", "summary" (at the end)}
    start_test(state_json, size, seed, time_limit_min, now) -> {"questions", "deadline", "started", "state"}
    open_attempt(state_json)                    -> {"attempt", "deadline"} of an unfinished test
    test_progress(state_json, responses_json)   -> {"answered", "total", "text", "unanswered", "confirm"}
    finish_test(state_json, responses_json, now, started) -> {"results", "total", "percent", "points", "summary",
                                                    "by_outcome", "state"}; a test handed in already: its results, no state
    rate(state_json, criterion_id, value)      -> {"state", "rated_text"}
    rating_progress(state_json)                 -> {"rated_text"}
    interview(state_json, item_id, answer, covered_json) -> {"share", "percent", "text", "state"}
    report(state_json, practice_json, exam_json) -> readiness with SVG charts, each weak criterion's practice
                                                and tasks, unfinished tasks, texts; the practical part's saved
                                                states (practice, timed exam) counted when given (selfcheck.practical)
    moment_text(now)                           -> {"text"} "25.11.2026, 08:05", e.g. a printout's date
    time_left(deadline, now)                    -> {"seconds", "text"} "Pozostały czas: 12 min 05 s" (a timed test's clock)
    load(text)                                 -> {"ok", "state", "notes"} or {"ok": false, "error"}: the stored quiz part
    export_record(progress, work, exam)         -> {"ok", "text"}: the whole record as one file (selfcheck.record)
    import_record(text)                         -> {"ok", "progress", "work", "exam", "notes"} or {"ok": false, "error",
                                                "foreign"}: a file's sections, the practical ones for their module to check
    renewal(input_json, today)                  -> {"ok", "assessment", "timeline"} or {"ok": false, "problems"}
    load_renewal(text)                          -> {"ok", "input", "notes"} or {"ok": false, "error"}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from . import practice_session, record
from .assembly import AssemblyError, assemble_test
from .bank import Bank, parse_bank
from . import polish
from .chart import bar_chart, percent
from .practical import STATE_MAX_BYTES, STATE_MAX_DEPTH, PracticalError, catalog_problems, criterion_scores, read_exam_criteria, read_results
from .readiness import RATING_VALUES, readiness
from .renewal import Evidence, RenewalInputError, assess
from .renewal_state import RenewalStateError, load_renewal_input
from .json_text import read_json
from .saved_state import StateError, empty_state, load_state
from .scoring import InvalidResponse, Result, score
from .structure import Structure
from .timeline import timeline


@dataclass
class Engine:
    structure: Structure
    bank: Bank

    @classmethod
    def from_data(cls, qualification: dict, bank_files: list[dict], practical: dict | None = None) -> "Engine":
        structure = Structure.from_qualification(qualification)
        certificate = qualification["certificate"]
        rules = None  # a certificate without expiry has no renewal to assess
        if certificate.get("validity_years") is not None and certificate.get("renewal"):
            rules = {"validity_years": certificate["validity_years"],
                     "min_practice_years": certificate["renewal"]["min_practice_years"]}
        catalog = (practical or {}).get("tasks", [])
        problems = catalog_problems(catalog, set(structure.criterion_ids()))
        if problems:
            raise ValueError("; ".join(problems))
        return cls(structure, parse_bank(bank_files, structure.criterion_ids()), rules, qualification.get("name", ""), catalog,
                   (practical or {}).get("module"))

    renewal_rules: dict | None = None
    name: str = ""  # the qualification's name, recorded in saved progress
    practical: list[dict] = field(default_factory=list)  # the practical tasks' catalog: id, title, outcome, criteria
    module: str | None = None  # the practical part's module, None without one

    def load(self, text: str) -> dict:
        return self.load_with_notes(text)[0]

    def load_with_notes(self, text: str) -> tuple[dict, list[str]]:
        return load_state(text, known_questions=set(self.bank.questions),
                          known_criteria=set(self.structure.criterion_ids()),
                          known_interview=set(self.bank.interview), qualification=self.name)

    def grade(self, question_id: str, fields: dict) -> Result:
        # The page knows nothing of question types: it sends every field of the question's form
        # ({name: [values]}), and the question's type knows which of them it reads.
        question = self.bank.questions[question_id]
        try:
            response = question.kind.read(question, fields)
        except InvalidResponse as problem:
            return Result(question.id, 0.0, "invalid", str(problem), "", "", "")
        return score(question, response)

    def report(self, state: dict, practical: dict[str, list[float]] | None = None,
               task_results: dict[str, dict] | None = None) -> dict:
        """Readiness (readiness.py) with what the page shows beside it: each weak criterion's way to
        practise (its questions, the practical tasks that name it), the practical tasks begun and not
        yet done in full (`task_results`: the module's checked tasks, selfcheck.practical), the
        charts and the mock tests' history. Every sentence is worded here; the page only draws."""
        by_criterion = {c: [q.id for q in qs] for c, qs in self.bank.by_criterion().items()}
        interview: dict[str, list[str]] = {}
        for rid, item in self.bank.interview.items():
            for c in item["criteria"]:
                interview.setdefault(c, []).append(rid)
        result = readiness(self.structure, by_criterion, state, interview, practical)
        result["charts"] = {
            "outcomes": bar_chart("Gotowość według efektów uczenia się",
                                  [{"label": f"{o['id']} {o['text']}", "value": o["value"], "level": o["level"]["key"]}
                                   for o in result["outcomes"]]),
            "sets": bar_chart("Gotowość według zestawów",
                              [{"label": f"{s['id']} {s['name']}", "value": s["value"], "level": s["level"]["key"]}
                               for s in result["sets"]]),
        }
        result["history"] = [{"number": n, "started": a["started"], "started_text": _when(a["started"]),
                              "finished": a["finished"], "questions": len(a["questions"]), "total": a["total"],
                              "result_text": percent(a["total"]) if a["finished"] else "nieukończony"}
                             for n, a in enumerate(state["attempts"], 1)]
        for entry in result["weakest"] + result["without_data"]:
            entry.update(self._training(entry["id"], by_criterion.get(entry["id"], [])))
        result["unfinished"] = self._unfinished(task_results or {})
        result["texts"] = self._report_texts(result)
        return result

    def _training(self, criterion: str, questions: list[str]) -> dict:
        """Where to practise a criterion: its questions on the practice page (`scope`, the page's
        zakres=…, practice_session.in_scope) and the practical tasks that name it."""
        practice = None
        if questions:
            practice = {"scope": f"criterion:{criterion}",
                        "text": f"Ćwicz pytania z tego kryterium ({len(questions)})"}
        tasks = [self._task_link(task, f"Zadanie praktyczne: {task['title']}")
                 for task in self.practical if criterion in task["criteria"]]
        return {"practice": practice, "tasks": tasks}

    @staticmethod
    def _task_link(task: dict, text: str) -> dict:
        # The practice system's page shows each task's card under the id "zadanie-<task id>" (crm.mjs).
        return {"id": task["id"], "title": task["title"], "anchor": f"zadanie-{task['id']}", "text": text}

    def _unfinished(self, results: dict[str, dict]) -> list[dict]:
        """Practical tasks checked at least once whose best result is below 100%, in the catalog's order."""
        out = []
        for task in self.practical:
            result = results.get(task["id"])
            if result and result["best"] < 1:
                checks = polish.count(result["attempts"], "sprawdzenie", "sprawdzenia", "sprawdzeń")
                out.append({**self._task_link(task, task["title"]), "best": result["best"],
                            "score_text": f"najlepszy wynik {percent(result['best'])} ({checks})"})
        return out

    def _report_texts(self, result: dict) -> dict:
        return {
            "overall": "Gotowość ogólna",
            "charts": "Według zestawów i efektów",
            "outcomes_caption": "Gotowość według efektów uczenia się",
            "outcomes_columns": ["Efekt", "Gotowość", "Kryteria z danymi"],
            "weakest": "Najsłabsze kryteria",
            "history": "Historia testów próbnych",
            "history_caption": "Podejścia do testu próbnego",
            "history_columns": ["Nr", "Rozpoczęty", "Pytań", "Wynik"],
            "weakest_empty": "Jeszcze nie ma danych o żadnym kryterium.",
            "without_data": f"Kryteria bez danych ({len(result['without_data'])})",
            "history_empty": "Nie ma jeszcze żadnego testu próbnego.",
            "unfinished_heading": "Zadania praktyczne do dokończenia" if self.practical else "",
            "unfinished_empty": "Nie ma zadań praktycznych sprawdzonych z wynikiem poniżej 100%.",
        }


def _when(timestamp: str) -> str:
    """A saved moment as the visitor's clock read it: "24.11.2026, 10:05". Moments saved in UTC
    (before the page sent its offset) say so: "24.11.2026, 09:05 UTC"."""
    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    text = polish.date_time(moment)
    return f"{text} UTC" if timestamp.endswith("Z") or moment.utcoffset() is None else text


def _is_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return False
    return True


_engine: Engine | None = None


def _state(state_json: str) -> dict:
    return _engine.load(state_json) if state_json else empty_state(_engine.name)


def setup(qualification_json: str, bank_json: str) -> str:
    global _engine
    bank = json.loads(bank_json)
    _engine = Engine.from_data(json.loads(qualification_json), bank["files"], bank.get("practical"))
    return json.dumps({"questions": len(_engine.bank.questions), "criteria": len(_engine.structure.criterion_ids())})


def check(state_json: str, question_id: str, fields_json: str, now: str) -> str:
    state = _state(state_json)
    fields = json.loads(fields_json)
    result = _engine.grade(question_id, fields)
    if result.verdict != "invalid":
        state["answers"][question_id] = {"score": result.score, "fields": fields, "at": now}
    return json.dumps({"result": result.as_dict(), "state": state}, ensure_ascii=False)


def answered(state_json: str) -> str:
    """The last verdict of every question answered before, graded again from its saved fields, so a
    returning candidate sees what they did (the bank may have changed: a question no longer there is skipped)."""
    state = _state(state_json)
    results = {}
    for qid, saved in state["answers"].items():
        if qid in _engine.bank.questions and isinstance(saved.get("fields"), dict):
            results[qid] = _engine.grade(qid, saved["fields"]).as_dict()
    return json.dumps({"results": results}, ensure_ascii=False)


def practice_start(state_json: str, scope: str, size: int, seed: int, now: str, keep: str = "") -> str:
    """A practice session of `size` questions in `scope`, chosen as practice_session says. `keep`: a
    question the candidate began before Python was ready stays first, so nothing typed is thrown away."""
    state = _state(state_json)
    values = {c["id"]: c["value"] for c in _engine.report(state)["criteria"]}
    try:
        chosen = practice_session.choose(_engine.bank, state, values, scope, int(size), int(seed), now)
        if keep and keep in practice_session.in_scope(_engine.bank, scope):
            chosen = [keep] + [qid for qid in chosen if qid != keep][: int(size) - 1]
    except practice_session.ScopeError as problem:
        return json.dumps({"error": str(problem)}, ensure_ascii=False)
    session = practice_session.start(chosen)
    return json.dumps({"session": session, "progress": practice_session.progress(session)}, ensure_ascii=False)


def practice_check(state_json: str, session_json: str, fields_json: str, now: str) -> str:
    """Check the session's current question (as `check` does) and note it in the session."""
    session = json.loads(session_json)
    current = practice_session.progress(session)["current"]
    out = json.loads(check(state_json, current, fields_json, now))
    if out["result"]["verdict"] != "invalid":
        practice_session.record(session, current, out["result"]["score"])
    out.update(session=session, progress=practice_session.progress(session))
    return json.dumps(out, ensure_ascii=False)


def practice_next(state_json: str, session_json: str) -> str:
    session = json.loads(session_json)
    session["position"] += 1
    progress = practice_session.progress(session)
    out = {"session": session, "progress": progress}
    if progress["done"]:
        out["summary"] = practice_session.summary(_engine.bank, _engine.structure, session)
    return json.dumps(out, ensure_ascii=False)


def start_test(state_json: str, size: int, seed: int, time_limit_min, now: str) -> str:
    """A new mock test, stored with the progress. A test already open (started in another tab after
    this page was drawn) is never replaced: it comes back instead, `resumed`, with a note."""
    state = _state(state_json)
    if (open_one := _open_attempt(state)) is not None:
        return json.dumps({"questions": open_one["questions"], "deadline": deadline(open_one), "started": open_one["started"],
                           "resumed": True, "note": _started_elsewhere(open_one)}, ensure_ascii=False)
    try:
        questions = assemble_test(_engine.bank, _engine.structure, int(size), int(seed))
    except AssemblyError as problem:
        return json.dumps({"error": str(problem)}, ensure_ascii=False)
    state["attempts"].append({"seed": int(seed), "questions": questions, "scores": {}, "responses": {},
                              "total": None, "time_limit_min": time_limit_min or None, "started": now, "finished": None})
    return json.dumps({"questions": questions, "deadline": deadline(state["attempts"][-1]), "started": now, "state": state},
                      ensure_ascii=False)


def deadline(attempt: dict) -> str | None:
    """When a timed attempt ends (ISO 8601, UTC), or None without a time limit."""
    if not attempt.get("time_limit_min"):
        return None
    started = datetime.fromisoformat(attempt["started"].replace("Z", "+00:00"))
    return (started + timedelta(minutes=attempt["time_limit_min"])).isoformat().replace("+00:00", "Z")


def _open_attempt(state: dict) -> dict | None:
    return state["attempts"][-1] if state["attempts"] and not state["attempts"][-1]["finished"] else None


def _started_elsewhere(attempt: dict) -> str:
    return (f"Test rozpoczęty {_when(attempt['started'])} w innej karcie jest jeszcze otwarty, więc nie zaczynamy drugiego: "
            "oto on. Odpowiedzi wpisane tutaj liczą się, jeśli oddasz test w tej karcie.")


def open_attempt(state_json: str, shown: str = "", changed: bool = False) -> str:
    """The unfinished mock test to resume, if there is one, with a `note` for the page. On opening the
    page (`changed` false) it is the candidate's own test coming back. After another tab changed the
    progress (`changed`), `shown` is the start of the test this page shows ("" for none): the note
    says what became of it there (handed in, replaced) or that a test was started there."""
    state = _state(state_json)
    attempt = _open_attempt(state)
    note = ""
    if not changed:
        note = "Wracasz do rozpoczętego testu; odpowiedzi wpisane wcześniej są na miejscu." if attempt else ""
    elif shown and not (attempt and attempt["started"] == shown):
        same = next((a for a in state["attempts"] if a["started"] == shown), None)
        note = (f"Ten test oddano w innej karcie ({_when(same['finished'])}). Przycisk „Oddaj test” pokaże tamten wynik; "
                "odpowiedzi zmienione tutaj nie zostaną już policzone." if same and same["finished"] else
                "Tego testu nie ma już w zapisanych postępach (w innej karcie zaczęto nowy albo wczytano inne postępy). "
                "Odśwież stronę.")
    elif not shown and attempt:
        note = _started_elsewhere(attempt)
    return json.dumps({"attempt": attempt, "deadline": deadline(attempt) if attempt else None, "note": note},
                      ensure_ascii=False)


def test_progress(state_json: str, responses_json: str) -> str:
    """How much of the open test is answered (a question counts when its answer can be read)."""
    attempt = _open_attempt(_state(state_json))
    if attempt is None:
        return json.dumps({"answered": 0, "total": 0, "text": "", "unanswered": [], "confirm": ""})
    responses = json.loads(responses_json)
    unanswered = [n for n, qid in enumerate(attempt["questions"], 1)
                  if _engine.grade(qid, responses.get(qid, {})).verdict == "invalid"]
    total = len(attempt["questions"])
    done = total - len(unanswered)
    text = f"Odpowiedziano na {done} z {polish.count(total, 'pytania', 'pytań', 'pytań')}"
    if unanswered:
        numbers = ", ".join(str(n) for n in unanswered)
        confirm = (f"Bez odpowiedzi {polish.plural(len(unanswered), 'zostaje', 'zostają', 'zostaje')} "
                   f"{polish.count(len(unanswered), 'pytanie', 'pytania', 'pytań')} (nr {numbers}); "
                   "każde bez odpowiedzi to 0 punktów. Oddać test do oceny mimo to?")
    else:
        confirm = "Oddać test do oceny? Po oddaniu nie można zmienić odpowiedzi."
    return json.dumps({"answered": done, "total": total, "text": text + ".", "unanswered": unanswered,
                       "confirm": confirm}, ensure_ascii=False)


def finish_test(state_json: str, responses_json: str, now: str, started: str = "") -> str:
    """Grade the open attempt at once; unanswered questions score 0. `started`: the attempt the page
    shows (its start). Handed in already (in another tab, say): its results as they were graded then,
    nothing changed; replaced by a newer attempt: an error."""
    state = _state(state_json)
    attempt = state["attempts"][-1] if state["attempts"] else None
    if attempt is None or (started and attempt["started"] != started):
        return json.dumps({"error": "Tego testu nie ma już w zapisanych postępach (w innej karcie zaczęto nowy albo "
                                    "wczytano inne postępy). Odśwież stronę."}, ensure_ascii=False)
    already = bool(attempt["finished"])
    responses = attempt["responses"] if already else json.loads(responses_json)
    results = []
    for qid in attempt["questions"]:
        fields = responses.get(qid, {})
        result = _engine.grade(qid, fields)
        if result.verdict == "invalid":  # unanswered or unreadable: no point, but show the right answer
            question = _engine.bank.questions[qid]
            full = score(question, None)
            result = Result(qid, 0.0, "unanswered", result.message, full.correct_answer, full.explanation, full.reference)
        if not already:
            attempt["scores"][qid] = result.score
            attempt["responses"][qid] = fields
            state["answers"][qid] = {"score": result.score, "fields": fields, "at": now}
        results.append(result.as_dict())
    if not already:
        attempt["total"] = sum(attempt["scores"].values()) / len(attempt["questions"])
        attempt["finished"] = now
    points = polish.number(round(sum(attempt["scores"].values()), 1), 1)
    total = len(attempt["questions"])
    summary = f"Wynik: {percent(attempt['total'])} ({points} z {polish.count(total, 'punktu', 'punktów', 'punktów')})."
    if already:
        summary += f" Test oddano już wcześniej ({_when(attempt['finished'])}); to wynik z tamtego oddania."
    out = {"results": results, "total": attempt["total"], "percent": percent(attempt["total"]), "points": points,
           "summary": summary, "by_outcome": _by_outcome(attempt)}
    if not already:
        out["state"] = state
    return json.dumps(out, ensure_ascii=False)


def _by_outcome(attempt: dict) -> list[dict]:
    """Points of a graded test per learning outcome, in the qualification's order."""
    rows = []
    for outcome in _engine.structure.outcomes():
        ids = [qid for qid in attempt["questions"] if _engine.bank.questions[qid].outcome == outcome["id"]]
        if ids:
            got = sum(attempt["scores"].get(qid, 0.0) for qid in ids)
            rows.append({"id": outcome["id"], "text": outcome["text"], "percent": percent(got / len(ids)),
                         "points": f"{polish.number(round(got, 1), 1)} z {len(ids)}"})
    return rows


def rate(state_json: str, criterion_id: str, value: str) -> str:
    state = _state(state_json)
    # A draft kept in the browser may name a criterion the data no longer has: not saved, or the
    # next load would report it as left out every time.
    if value in RATING_VALUES and criterion_id in _engine.structure.criterion_ids():
        state["ratings"][criterion_id] = value
    else:
        state["ratings"].pop(criterion_id, None)
    return json.dumps({"state": state, "rated_text": _rated_text(state)}, ensure_ascii=False)


def rating_progress(state_json: str) -> str:
    """How many criteria the candidate has rated: "Oceniono 5 z 38 kryteriów."."""
    return json.dumps({"rated_text": _rated_text(_state(state_json))}, ensure_ascii=False)


def _rated_text(state: dict) -> str:
    total = len(_engine.structure.criterion_ids())
    return f"Oceniono {len(state['ratings'])} z {polish.count(total, 'kryterium', 'kryteriów', 'kryteriów')}."


def interview(state_json: str, item_id: str, answer: str, covered_json: str) -> str:
    """Record an interview practice answer and the points the candidate says it covered."""
    state = _state(state_json)
    item = _engine.bank.interview[item_id]
    covered = sorted({int(i) for i in json.loads(covered_json) if 0 <= int(i) < len(item["points"])})
    share = len(covered) / len(item["points"])
    state["interview"][item_id] = {"answer": answer, "covered": covered, "share": share}
    text = f"Twoja odpowiedź obejmuje {percent(share)} punktów dobrej odpowiedzi; ta ocena trafia do raportu gotowości."
    return json.dumps({"share": share, "percent": percent(share), "text": text, "state": state}, ensure_ascii=False)


def time_left(deadline: str, now: str) -> str:
    """What is left of a timed test or exam at `now` (both ISO 8601 with an offset), as the page's clock shows it."""
    try:
        left = (datetime.fromisoformat(deadline.replace("Z", "+00:00")) - datetime.fromisoformat(now.replace("Z", "+00:00")))
        seconds = max(0, round(left.total_seconds()))
    except (ValueError, TypeError):
        return json.dumps({"seconds": None, "text": ""})
    return json.dumps({"seconds": seconds, "text": f"Pozostały czas: {seconds // 60} min {seconds % 60:02d} s"}, ensure_ascii=False)


def moment_text(now: str) -> str:
    return json.dumps({"text": _when(now)}, ensure_ascii=False)


def report(state_json: str, practice_json: str = "", exam_json: str = "") -> str:
    """Readiness from the saved progress and, when given, the practical part's saved states (practice
    and timed exam, kept under their own keys in the browser). Unreadable practical data is left
    out with a note."""
    practical, results, notes = _practical_scores(practice_json, exam_json)
    result = _engine.report(_state(state_json), practical, results)
    result["notes"] = notes
    return json.dumps(result, ensure_ascii=False)


def _practical_scores(practice_json: str, exam_json: str) -> tuple[dict[str, list[float]], dict[str, dict], list[str]]:
    """{criterion: [scores]} and the checked tasks' results from the practical part's saved states
    (selfcheck.practical): only their results and exam history are read, so no module code is needed."""
    known_tasks = {t["id"] for t in _engine.practical}
    known_criteria = set(_engine.structure.criterion_ids())
    results, exams, notes = {}, [], []
    for text, what in ((practice_json, "zadań praktycznych"), (exam_json, "symulacji części praktycznej")):
        if not text:
            continue
        try:
            saved = read_json(text, PracticalError, max_depth=STATE_MAX_DEPTH, max_bytes=STATE_MAX_BYTES)
            if not isinstance(saved, dict):
                raise PracticalError("to nie jest zapis części praktycznej.")
            if text is practice_json:
                results = read_results(saved.get("results", {}), known_tasks)
            history = saved.get("exams", [])
            if not isinstance(history, list):
                raise PracticalError("exams: potrzebna lista.")
            exams += [{"finished": e.get("finished"),
                       "criteria": read_exam_criteria(e.get("criteria", {}), f"exams[{n}].criteria", known_criteria)}
                      for n, e in enumerate(history, 1) if isinstance(e, dict)]
        except PracticalError as problem:
            notes.append(f"Wyników {what} nie da się odczytać ({problem}), więc raport ich nie uwzględnia.")
    return criterion_scores(_engine.practical, results, exams), results, notes


def load(text: str) -> str:
    """Check saved progress (from the browser's storage or an imported file)."""
    try:
        state, notes = _engine.load_with_notes(text)
        return json.dumps({"ok": True, "state": state, "notes": notes}, ensure_ascii=False)
    except StateError as problem:
        return json.dumps({"ok": False, "error": str(problem)}, ensure_ascii=False)


def export_record(progress_json: str, work_json: str = "", exam_json: str = "", now: str = "") -> str:
    """The candidate's whole record as one file, from the stored sections (record.py), made at `now`:
    its text, the date for its name, and what it holds in words."""
    try:
        practical = [read_json(text, StateError, max_depth=STATE_MAX_DEPTH, max_bytes=STATE_MAX_BYTES) if text else None
                     for text in (work_json, exam_json)]
        progress = _state(progress_json) if progress_json else None
        data = record.join(progress, *practical, _engine.name, _engine.module, saved=now)
    except StateError as problem:
        return json.dumps({"ok": False, "error": str(problem)}, ensure_ascii=False)
    held = record.contents(progress, *practical)
    return json.dumps({"ok": True, "text": json.dumps(data, ensure_ascii=False, indent=1), "date": now[:10],
                       "empty": not held, "contents": _contents_text(held)}, ensure_ascii=False)


def _contents_text(held: list[str], empty: str = "Nie ma w nim jeszcze żadnych postępów.") -> str:
    return f"Zawiera: {', '.join(held)}." if held else empty


# Why a copy was kept, by what it copies: the record's sections, or the renewal form.
_BACKUP_REASONS = {
    "record": {"import": "kopia postępów sprzed wczytania pliku", "reset": "kopia postępów sprzed ich usunięcia",
               "restore": "kopia postępów sprzed przywrócenia kopii"},
    "renewal": {"import": "kopia zestawienia sprzed wczytania pliku", "reset": "kopia zestawienia sprzed wyczyszczenia formularza",
                "restore": "kopia zestawienia sprzed przywrócenia kopii"},
}


def backup_note(text: str) -> str:
    """The copy a page keeps before an import or a reset replaces saved work ({"when", "reason",
    "sections": {section: stored text}}: the record's sections, or "renewal"), in words:
    {"ok", "text", "confirm"}; ok false for a copy this page cannot read (then nothing is offered)."""
    try:
        backup = read_json(text, StateError, max_depth=4, max_bytes=record.MAX_FILE_BYTES)
        sections = backup["sections"]
        kind = "renewal" if set(sections) == {"renewal"} else "record"
        reason = _BACKUP_REASONS[kind][backup["reason"]]
        if kind == "renewal":
            form = load_renewal_input(sections["renewal"], _engine.name)[0] if sections["renewal"] else {"periods": []}
            n = len(form["periods"])
            held = "Zawiera " + polish.count(n, "okres pracy", "okresy pracy", "okresów pracy") + "." if n else "Nie ma w niej okresów pracy."
        else:
            parts = [read_json(sections[key], StateError, max_depth=STATE_MAX_DEPTH) if sections.get(key) else None
                     for key in ("progress", *record.PRACTICAL_SECTIONS)]
            held = _contents_text(record.contents(*(p if isinstance(p, dict) else None for p in parts)), "Jest pusta.")
    except (StateError, RenewalStateError, KeyError, TypeError):
        return json.dumps({"ok": False, "text": ""})
    when = f" ({_when(backup['when'])})" if _is_moment(backup.get("when")) else ""
    return json.dumps({"ok": True, "text": f"W tej przeglądarce jest {reason}{when}. {held}",
                       "confirm": "Przywrócić tę kopię? To, co jest teraz zapisane w tej przeglądarce, zachowamy jako "
                                  "kopię, więc i ten krok można cofnąć."}, ensure_ascii=False)


def import_record(text: str) -> str:
    """A file's sections, checked as far as the core can (the quiz part whole, the practical part's
    shape); `foreign`: not a record at all, perhaps an earlier practical file for the module to read."""
    try:
        sections = record.split(text, qualification=_engine.name, module=_engine.module,
                                read_progress=_engine.load_with_notes)
    except StateError as problem:
        return json.dumps({"ok": False, "error": str(problem), "foreign": isinstance(problem, record.NotARecord)},
                          ensure_ascii=False)
    held = record.contents(sections["progress"], sections["work"], sections["exam"])
    saved = f" Zapisano go {_when(sections['saved'])}." if _is_moment(sections["saved"]) else ""
    return json.dumps({"ok": True, **sections, "empty": not held, "contents": _contents_text(held) + saved},
                      ensure_ascii=False)


def renewal(input_json: str, today: str) -> str:
    """Assess renewal evidence; bad fields come back as {field: message}, nothing is guessed."""
    data = json.loads(input_json)
    evidence = [Evidence(p.get("start", ""), p.get("end", ""), p.get("organisation", ""), p.get("role", ""),
                         p.get("tasks", ""), p.get("document", "")) for p in data.get("periods", [])]
    if _engine.renewal_rules is None:
        return json.dumps({"ok": False, "problems": {"issued": "certyfikat tej kwalifikacji nie wymaga przedłużania"}},
                          ensure_ascii=False)
    try:
        result = assess(data.get("issued", ""), evidence, today=today, **_engine.renewal_rules)
    except RenewalInputError as problem:
        return json.dumps({"ok": False, "problems": problem.problems}, ensure_ascii=False)
    return json.dumps({"ok": True, "assessment": result.as_dict(), "timeline": timeline(result)}, ensure_ascii=False)


def load_renewal(text: str) -> str:
    """Check a saved or imported renewal file before it replaces anything."""
    try:
        form, notes = load_renewal_input(text, _engine.name)
        return json.dumps({"ok": True, "input": form, "notes": notes}, ensure_ascii=False)
    except RenewalStateError as problem:
        return json.dumps({"ok": False, "error": str(problem)}, ensure_ascii=False)
