"""The practical mock exam ("Symulacja części praktycznej"): a timed session of tasks on a fresh
variant of the simulated system, results hidden until the end, as at a real validation.

The rule (the exam page states it):
- tasks are drawn across the sets in proportion to the sets' hours: every set that has tasks gets
  one, then each further task goes to the set furthest below its share of the hours (ties: more
  hours, then the qualification's order), never more than a set has; within a set, tasks of
  different outcomes come first; the same seed gives the same exam;
- the time limit is `MINUTES_PER_TASK` minutes per drawn task;
- nothing is checked before the end (the page's task check is refused while the exam is open);
- after the deadline no change enters the exam: the first change sent after it hands the exam in
  as it stood at the deadline (the page also hands it in when its clock reaches the deadline);
- at the end every task is checked once; each criterion gets the mean score of the exam's tasks
  that name it; a finished exam's system is kept as it was handed in (changes are refused), so
  its results can be shown again at any time and always agree with the score;
- finished exams stay in the history (start, end, score, tasks), carried over to the next exam.

The qualification's structure (sets with hours, outcomes, criteria) is given once with the data
(configuration.py; `api.setup` takes it as JSON): the engine reads no files. Which set a task belongs to follows from its outcome in that structure.

Stored in the exam's state (beside the simulated system's data):
    exam:  {"seed", "tasks", "started", "minutes", "deadline", "finished": None | moment,
            after the end also "score", "results": {task: score}, "criteria": {criterion: score},
            "timed_out": bool}
    exams: [{"started", "finished", "score", "tasks", "seed", "timed_out", "criteria"}]   the history,
           newest last; "criteria" ({criterion: score}) is what the readiness report counts
Moments are ISO 8601 with the visitor's UTC offset, as the page sends them ("now").
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from selfcheck.polish import count, date_time, percent, plural
from selfcheck.readiness import level
from selfcheck.structure import anchor
from . import configuration
from . import tasks as task_defs
from .dataset import fresh_state
from .state import MAX_EXAMS as MAX_HISTORY, MAX_MOMENT

TASKS_PER_EXAM = 6
MINUTES_PER_TASK = 10



class ExamError(ValueError):
    """A request the exam cannot carry out; str() says why, in Polish."""


def moment(text) -> datetime:
    try:
        if len(str(text)) > MAX_MOMENT:  # longer than the reader takes (its fraction and offset would be odd)
            raise ValueError(text)
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise ExamError("Czas podaje się jako datę i godzinę ISO 8601, np. 2026-11-25T08:00:00+01:00.") from None
    if value.tzinfo is None:
        raise ExamError("Czas musi mieć strefę (np. +01:00).")
    return value


# --- drawing -------------------------------------------------------------------------------------

def set_of_outcome(sets: list[dict]) -> dict[str, str]:
    """{outcome id: set id} from the structure's sets."""
    return {o["id"]: s["id"] for s in sets for o in s.get("outcomes", [])}


def quotas(sets: list[dict], available: dict[str, int], size: int = TASKS_PER_EXAM) -> dict[str, int]:
    """Tasks per set (see the module's rule): {set id: n}, only sets that have tasks."""
    usable = [s for s in sets if available.get(s["id"], 0) > 0]
    if not usable:
        return {}
    total_hours = sum(max(0, s["hours"]) for s in usable)
    share = {s["id"]: max(0, s["hours"]) / total_hours if total_hours else 1 / len(usable) for s in usable}
    want = max(len(usable), min(size, sum(available[s["id"]] for s in usable)))
    counts = {s["id"]: 1 for s in usable}
    order = {s["id"]: n for n, s in enumerate(usable)}
    while sum(counts.values()) < want:
        room = [k for k in counts if counts[k] < available[k]]
        counts[min(room, key=lambda k: (counts[k] - want * share[k], -share[k], order[k]))] += 1
    return counts


def draw(sets: list[dict], seed: int, size: int = TASKS_PER_EXAM) -> list[str]:
    """Task IDs of an exam; `sets` as in Structure.sets (id, hours, outcomes)."""
    rng = random.Random(f"exam:{int(seed)}")
    owner = set_of_outcome(sets)
    by_set: dict[str, list] = {}
    for task in task_defs.all_tasks():
        if task.outcome in owner:
            by_set.setdefault(owner[task.outcome], []).append(task)
    chosen = []
    for set_id, n in quotas(sets, {k: len(v) for k, v in by_set.items()}, size).items():
        pool = sorted(by_set[set_id], key=lambda t: t.id)
        rng.shuffle(pool)
        seen, first, rest = set(), [], []
        for task in pool:   # different outcomes first
            (rest if task.outcome in seen else first).append(task)
            seen.add(task.outcome)
        chosen += [t.id for t in (first + rest)[:n]]
    rng.shuffle(chosen)
    return chosen


# --- the session ---------------------------------------------------------------------------------

def start(sets: list[dict], seed: int, today: str, now: str, history: list | None = None) -> dict:
    """A fresh variant with an open exam; earlier exams' history is kept."""
    started = moment(now)
    chosen = draw(sets, seed)
    if not chosen:
        raise ExamError("Ta kwalifikacja nie ma zadań praktycznych, z których można złożyć symulację.")
    state = fresh_state(seed, today)
    minutes = MINUTES_PER_TASK * len(chosen)
    state["exam"] = {"seed": int(seed), "tasks": chosen, "started": now, "minutes": minutes,
                     "deadline": (started + timedelta(minutes=minutes)).isoformat(), "finished": None}
    state["exams"] = list(history or [])[-MAX_HISTORY:]
    return state


def is_open(state: dict) -> bool:
    return bool(state.get("exam")) and not state["exam"].get("finished")


def past_deadline(state: dict, now: str) -> bool:
    """True when an open exam's time is over at `now` (an unreadable `now` counts as not over)."""
    if not is_open(state):
        return False
    try:
        return moment(now) > moment(state["exam"]["deadline"])
    except ExamError:
        return False


def finish(state: dict, now: str) -> dict:
    """Check every exam task once, note per-criterion results and add the exam to the history.
    After the deadline the exam is handed in as at the deadline (`timed_out`)."""
    exam = state.get("exam")
    if not exam or exam.get("finished"):
        raise ExamError("Nie ma rozpoczętej symulacji do zakończenia.")
    at = moment(now)
    timed_out = at > moment(exam["deadline"])
    found = evaluate(state)
    results, score = found["tasks"], found["score"]
    exam.update(finished=exam["deadline"] if timed_out else now, score=score, timed_out=timed_out,
                results={r["id"]: r["score"] for r in results},
                criteria={c["id"]: c["score"] for c in found["criteria"]})
    state["exams"] = [*state.get("exams", []),
                      {"started": exam["started"], "finished": exam["finished"], "score": exam["score"],
                       "tasks": len(results), "seed": exam.get("seed", state["seed"]), "timed_out": timed_out,
                       "criteria": dict(exam["criteria"])}
                      ][-MAX_HISTORY:]
    return {"results": results, "score": score}


# --- what the page and the API show --------------------------------------------------------------

def history(state: dict) -> list[dict]:
    return [{"number": n, "started": e["started"], "when": date_time(moment(e["started"])),
             "score": e["score"], "percent": percent(e["score"]),
             "tasks": count(e["tasks"], "zadanie", "zadania", "zadań"),
             "timed_out": bool(e.get("timed_out"))}
            for n, e in enumerate(state.get("exams", []), 1)]


def describe(state: dict) -> dict:
    """The exam in short: open (tasks, deadline) or finished (score), and the history."""
    exam = state.get("exam")
    if not exam:
        return {"open": False, "history": history(state)}
    finished = bool(exam.get("finished"))
    return {"open": not finished, "started": exam["started"], "deadline": exam["deadline"], "minutes": exam["minutes"],
            "deadline_text": date_time(moment(exam["deadline"])), "tasks": list(exam["tasks"]),
            "score": percent(exam.get("score")) if finished else "", "finished": exam.get("finished"),
            "timed_out": bool(exam.get("timed_out")), "criteria": exam.get("criteria", {}), "history": history(state)}


def task_cards(state: dict) -> list[dict]:
    """The open exam's tasks as the candidate reads them (brief, criteria, answer fields); no results."""
    cards = []
    for task_id in state["exam"]["tasks"]:
        card = task_defs.task_view(state, task_id)
        cards.append({k: card[k] for k in ("id", "title", "outcome", "criteria", "brief", "answers", "given")})
    return cards


def evaluate(state: dict, sets: list[dict] | None = None) -> dict:
    """The exam's tasks checked as the state stands: {"tasks": [result], "criteria": [...], "score"};
    each criterion the mean of the exam's tasks naming it, in the qualification's order, with its
    text from the structure (`sets`, else the installed one). A task not begun scores 0 (tasks.assess)."""
    results = [task_defs.assess(state, task_id) for task_id in state["exam"]["tasks"]]
    texts, order = {}, []
    for qset in sets if sets is not None else configuration.sets():
        for outcome in qset.get("outcomes", []):
            for criterion in outcome["criteria"]:
                texts[criterion["id"]] = (outcome["id"], criterion["text"])
                order.append(criterion["id"])
    rank = {c: n for n, c in enumerate(order)}  # the qualification's order; unknown ones last
    named = sorted({c for r in results for c in r["criteria"]}, key=lambda c: (rank.get(c, len(rank)), c))
    criteria = []
    for cid in named:
        scores = [r["score"] for r in results if cid in r["criteria"]]
        value = round(sum(scores) / len(scores), 4)
        outcome, text = texts.get(cid, ("", ""))
        criteria.append({"id": cid, "anchor": anchor(cid), "outcome": outcome, "text": text, "score": value,
                         "percent": percent(value), "level": level(value),
                         "tasks": [r["id"] for r in results if cid in r["criteria"]]})
    score = sum(r["score"] for r in results) / len(results) if results else 0.0
    return {"tasks": results, "criteria": criteria, "score": round(score, 4)}


def summary(state: dict, sets: list[dict] | None = None) -> dict:
    """A finished exam's results: per task (the checks' feedback, hint and model solution, as the
    practice page shows them) and per criterion (see evaluate). The state is the one handed in
    (changes are refused afterwards), so this is the same at every call and agrees with the score."""
    exam = state.get("exam")
    if not exam or not exam.get("finished"):
        raise ExamError("Wyniki będą po zakończeniu symulacji.")
    found = evaluate(state, sets)
    score = exam.get("score", found["score"])
    when = "po upływie czasu (oddana automatycznie)" if exam.get("timed_out") else "w wyznaczonym czasie"
    return {"score": score, "percent": percent(score), "timed_out": bool(exam.get("timed_out")),
            "text": f"Wynik symulacji: {percent(score)} ({count(len(found['tasks']), 'zadanie', 'zadania', 'zadań')}); "
                    f"zakończona {when}.",
            "tasks": found["tasks"], "criteria": found["criteria"]}


# --- handing in ----------------------------------------------------------------------------------

def untouched(state: dict) -> list[str]:
    """The open exam's tasks not begun yet (tasks.begun)."""
    return [task_id for task_id in state["exam"]["tasks"] if not task_defs.begun(state, task_id)]


def hand_in_question(state: dict, now: str) -> str:
    """What the page asks before handing in an open exam: the time left and the tasks not yet begun."""
    seconds = max(0, round((moment(state["exam"]["deadline"]) - moment(now)).total_seconds()))
    minutes = seconds // 60
    left = (f"Do końca symulacji {plural(minutes, 'została', 'zostały', 'zostało')} "
            f"{count(minutes, 'minuta', 'minuty', 'minut')}." if minutes else "Do końca symulacji została niecała minuta.")
    idle = untouched(state)
    total = len(state["exam"]["tasks"])
    if idle:
        titles = ", ".join(f"„{task_defs.task(t).title}”" for t in idle)
        work = f"W {len(idle)} z {count(total, 'zadania', 'zadań', 'zadań')} nic jeszcze nie zmieniono: {titles}."
    else:
        work = "W każdym zadaniu coś już zmieniono."
    return (f"{left} {work} Zakończyć symulację i sprawdzić wszystkie zadania? "
            "Po zakończeniu nie można już niczego zmienić.")
