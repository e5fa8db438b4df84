"""The candidate's one record per qualification, as one file: quiz progress (answers, ratings, mock
tests, interview practice) and, for a qualification with a practical part, its practice work and its
timed exam with their history.

In the browser the record is kept in sections, one storage key each, so a page reads and writes
only what it uses (a quiz page never carries the simulated system's data):
    progress  the quiz part (saved_state.py's format)
    work      the practical module's practice state
    exam      the practical module's exam state (the open or last exam and the history of exams)
The file joins them:
    {"format": "samoocena", "version": 2, "qualification", "saved" (when, optional), <the quiz part's fields>,
     "practical": {"module", "work": {...} | null, "exam": {...} | null}}
The core checks the quiz part and the practical part's shape and limits; what a practical state
holds is its module's to check (the page asks the module before anything is stored).
"""

from __future__ import annotations

import json
from typing import Any

from .json_text import read_json
from .polish import count
from .practical import STATE_MAX_BYTES, STATE_MAX_DEPTH
from .saved_state import EARLIER_FORMAT, FORMAT, StateError, empty_state, is_format

VERSION = 2
PRACTICAL_SECTIONS = ("work", "exam")
MAX_FILE_BYTES = 2 * STATE_MAX_BYTES + 1024 * 1024  # two practical states at their limit and the quiz part


def join(progress: dict | None, work: Any, exam: Any, qualification: str, module: str | None, saved: str = "") -> dict:
    """The file's content from the sections (None: nothing saved in that section); `saved`: when the
    file is made (ISO 8601 with the visitor's offset), shown when the file is loaded."""
    record = dict(progress or empty_state(qualification))
    record.update(format=FORMAT, version=VERSION, qualification=qualification)
    if saved:
        record["saved"] = saved
    if module:
        record["practical"] = {"module": module, "work": work, "exam": exam}
    return record


def split(text: str, *, qualification: str, module: str | None, read_progress) -> dict:
    """A file's sections: {"progress": quiz state, "work", "exam" (module states, unchecked here),
    "carries": the sections the file holds, "notes"}. Raises StateError with a Polish sentence naming
    what is wrong. `read_progress(text)` reads the quiz part ((state, notes), the engine's own
    reader). A quiz-progress file of the earlier format (version 1) carries only the quiz part."""
    data = read_json(text, StateError, max_depth=STATE_MAX_DEPTH, max_bytes=MAX_FILE_BYTES)
    if not isinstance(data, dict) or not is_format(data.get("format"), FORMAT, EARLIER_FORMAT):
        raise NotARecord("To nie jest plik postępów zapisany na stronie samooceny.")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise StateError(f"Plik zapisała nowsza wersja tej strony (format {version}); ta strona zna formaty 1–{VERSION}. "
                         "Wczytaj go na stronie, na której go zapisano, albo poproś jej wydawcę o aktualizację.")
    saved = data.pop("saved", None)  # when the file was made: said before loading, not kept
    if version == VERSION:
        practical = data.pop("practical", None)
        data["version"] = 1  # the quiz part is the earlier file's format
    else:
        practical = None
    progress, notes = read_progress(json.dumps(data, ensure_ascii=False))
    sections = {"progress": progress, "work": None, "exam": None, "carries": ["progress"], "notes": notes,
                "saved": saved if isinstance(saved, str) and len(saved) <= 40 else ""}
    if practical is None:
        return sections
    if not isinstance(practical, dict) or set(practical) - {"module", *PRACTICAL_SECTIONS}:
        raise StateError("practical: potrzebne pola module, work i exam.")
    if practical.get("module") != module:
        owner = practical.get("module")
        if not module:
            raise StateError("Plik zawiera część praktyczną, a ta kwalifikacja jej nie ma.")
        raise StateError(f"practical.module: część praktyczna z innego modułu („{str(owner)[:40]}”; ta strona: „{module}”).")
    for name in PRACTICAL_SECTIONS:
        value = practical.get(name)
        if value is not None and not isinstance(value, dict):
            raise StateError(f"practical.{name}: potrzebny zbiór pól albo null.")
        if value is not None and len(json.dumps(value, ensure_ascii=False).encode("utf-8")) > STATE_MAX_BYTES:
            raise StateError(f"practical.{name}: zapis jest za duży (ponad {STATE_MAX_BYTES // 1024 // 1024} MB).")
        sections[name] = value
    sections["carries"] += list(PRACTICAL_SECTIONS)
    return sections


def contents(progress: dict | None, work: Any, exam: Any) -> list[str]:
    """What a record holds, as phrases after "zawiera:" ("odpowiedzi na 12 pytań", "2 testy próbne"…),
    so a candidate knows what a file carries before it replaces anything; [] for an empty record."""
    progress = progress or {}
    phrases = []
    if answers := len(progress.get("answers", {})):
        phrases.append("odpowiedzi na " + count(answers, "pytanie", "pytania", "pytań"))
    if ratings := len(progress.get("ratings", {})):
        phrases.append("samoocenę " + count(ratings, "kryterium", "kryteriów", "kryteriów"))
    if attempts := len(progress.get("attempts", [])):
        phrases.append(count(attempts, "test próbny", "testy próbne", "testów próbnych"))
    if interview := len(progress.get("interview", {})):
        phrases.append("odpowiedzi na " + count(interview, "pytanie z rozmowy", "pytania z rozmowy", "pytań z rozmowy"))
    if isinstance(work, dict):
        results = work.get("results")
        checked = len(results) if isinstance(results, dict) else 0
        phrases.append("wyniki " + count(checked, "zadania praktycznego", "zadań praktycznych", "zadań praktycznych")
                       if checked else "rozpoczęte ćwiczenia praktyczne")
    if isinstance(exam, dict):
        history = exam.get("exams")
        done = len(history) if isinstance(history, list) else 0
        if done:
            phrases.append(count(done, "symulację części praktycznej", "symulacje części praktycznej",
                                 "symulacji części praktycznej"))
        current = exam.get("exam")
        if isinstance(current, dict) and not current.get("finished"):
            phrases.append("symulację w toku")
    return phrases


class NotARecord(StateError):
    """The file is not a self-check record at all: perhaps an earlier file of the practical part,
    which only its module can read."""


def practical_parts(text: str, *, qualification: str, module: str) -> dict | None:
    """The practical sections of a record file ({"work", "exam"}: state or None), for an assessor's
    check; None when the text is not a record (an earlier file of the practical part itself, say).
    Raises StateError for text that is not JSON, or a record of another qualification or module."""
    data = read_json(text, StateError, max_depth=STATE_MAX_DEPTH, max_bytes=MAX_FILE_BYTES)
    if not isinstance(data, dict) or not is_format(data.get("format"), FORMAT, EARLIER_FORMAT):
        return None
    owner = data.get("qualification")
    if owner and owner != qualification:
        raise StateError(f"To postępy innej kwalifikacji: „{str(owner)[:120]}”.")
    practical = data.get("practical")
    if not isinstance(practical, dict):
        raise StateError("Plik postępów nie zawiera ćwiczeń praktycznych.")
    if practical.get("module") != module:  # another kind of practical part (another qualification's module)
        raise StateError(f"Ćwiczenia praktyczne w tym pliku są innego rodzaju (modułu „{str(practical.get('module'))[:40]}”), "
                         f"a ta kwalifikacja ma ćwiczenia modułu „{module}”.")
    return {name: practical.get(name) for name in PRACTICAL_SECTIONS}
