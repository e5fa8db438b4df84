"""The CRM state as saved in the browser and in export files: versioned JSON, read field by field.

A file of the wrong shape is refused whole with a Polish sentence saying what is wrong and where
(the record, the field); it never half-loads, so a bad import leaves the current state as it was.
Values are checked for their type and references, not for check digits: the starting data holds
wrong NIPs on purpose, and a candidate's unfinished work may too.

The reader's limits (MAX_RECORDS in each list, MAX_BYTES of text) are also what the actions keep to
(actions.apply), measured on `state_text`, the one form in which the engine writes a state, so
the engine never writes a state this reader refuses.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from selfcheck.json_text import read_json
from selfcheck.practical import STATE_MAX_BYTES as MAX_BYTES, STATE_MAX_DEPTH as MAX_DEPTH
from selfcheck.practical import PracticalError, read_exam_criteria, read_results

from .dataset import DATASET_VERSION, DATASET_VERSIONS, FORMAT, STATE_VERSION
from .records import COLLECTIONS, MAX_LONG_TEXT, ROLES, BACKUP_FREQUENCIES, parse_date

MAX_RECORDS = 1000
# Fields the engine keeps beside the catalog's (history, creation day, funnel stage of a task).
ENGINE_FIELDS = {"companies": {"created", "history"}, "contacts": {"created"},
                 "opportunities": {"created", "history"}, "activities": set(), "products": {"service"},
                 "templates": set(), "goals": set()}
COLLECTION_KEYS = ("products", "companies", "contacts", "opportunities", "activities", "templates", "goals")
# Every list of records in the state: at most MAX_RECORDS entries each.
LISTS = ("funnels", "reports", "exports", "documents", *COLLECTION_KEYS)
# What may still be written after the last action measured the state: a check keeps one result per
# task, a handed-in exam its results and one more line of history. A few kilobytes; this leaves room.
WRITE_ROOM = 64 * 1024
MAX_MOMENT = 40  # characters of a moment ("2026-11-25T10:00:00.123456+01:00" has 32)
TOP_KEYS = {"format", "version", "dataset", "seed", "today", "seller", "vocabulary", "funnels", "reports", "exports",
            "documents", "answers", "results", "settings", "events", *COLLECTION_KEYS}
# Only in the practical mock exam's state: the open or last exam and the history of exams.
OPTIONAL_KEYS = {"exam", "exams"}
WHAT = {"companies": "Firma", "contacts": "Osoba kontaktowa", "opportunities": "Szansa", "activities": "Zadanie",
        "products": "Produkt", "templates": "Szablon", "goals": "Cel"}


class CrmStateError(ValueError):
    """The saved or imported file cannot be used; str() says why, in Polish."""


class NotAState(CrmStateError):
    """Not this module's file at all (another format): the caller may have another reader for it."""


def read_state(text: str) -> dict:
    """Parse and check a saved or imported state; raise CrmStateError if anything is off."""
    data = read_json(text, CrmStateError, max_depth=MAX_DEPTH, max_bytes=MAX_BYTES)
    check_state(data)
    return data


_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode   # made once: a record a call


def state_text(state: dict) -> str:
    """The state as the engine writes it: one top-level field a line and one record a line, so a
    file stays readable, and the fast encoder writes it (an indented dump is several times slower)."""
    fields = [_LINE(key) + ":" + ("[\n" + ",\n".join(map(_LINE, value)) + "\n]" if isinstance(value, list) and value
                                  else _LINE(value))
              for key, value in state.items()]
    return "{\n" + ",\n".join(fields) + "\n}\n"


def size(text: str) -> int:
    """Bytes of a state's text, counted as the reader counts them."""
    return len(text.encode("utf-8", "surrogatepass"))


def check_state(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotAState("To nie jest plik ćwiczeń praktycznych zapisany na stronie.")
    version = data.get("version")
    if not _int(version) or version < 1:
        raise CrmStateError("Pole version musi być dodatnią liczbą całkowitą.")
    if version > STATE_VERSION:
        raise CrmStateError(f"Plik zapisała nowsza wersja strony (format {version}); ta strona zna format {STATE_VERSION}.")
    if type(data.get("dataset")) is not int or data["dataset"] not in DATASET_VERSIONS:
        raise CrmStateError(f"Plik powstał dla innej wersji danych ćwiczeń ({data.get('dataset')!r}; obecna: "
                            f"{DATASET_VERSION}). Zacznij od nowa albo wczytaj nowszy zapis.")
    unknown = sorted(set(data) - TOP_KEYS - OPTIONAL_KEYS)
    if unknown:
        raise CrmStateError(f"Nieznane pola w pliku: {', '.join(unknown)}.")
    missing = sorted(TOP_KEYS - set(data))
    if missing:
        raise CrmStateError(f"W pliku brakuje pól: {', '.join(missing)}.")
    if not _int(data["seed"]) or not 0 <= data["seed"] < 2 ** 31:
        raise CrmStateError("seed: potrzebna liczba całkowita od 0 do 2147483647.")
    if parse_date(data["today"]) is None:
        raise CrmStateError("today: potrzebna data RRRR-MM-DD.")
    if not _int(data["events"]) or data["events"] < 0:
        raise CrmStateError("events: potrzebna nieujemna liczba całkowita.")
    _seller(data["seller"])
    vocabulary = data["vocabulary"]
    if not isinstance(vocabulary, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in vocabulary.items()):
        raise CrmStateError("vocabulary: potrzebne listy napisów.")
    for key in LISTS:
        if not isinstance(data[key], list):
            raise CrmStateError(f"{key}: potrzebna lista rekordów.")
        if len(data[key]) > MAX_RECORDS:
            raise CrmStateError(f"{key}: za dużo rekordów ({len(data[key])}; najwyżej {MAX_RECORDS}).")
    _funnels(data["funnels"], vocabulary.get("activity_kinds", []))
    ids = {key: _ids(data[key], key) for key in LISTS}
    days = _Days()
    for key in COLLECTION_KEYS:
        for record in data[key]:
            _record(key, record, ids, days)
    _stages_known(data)
    _reports_and_exports(data)
    _documents(data)
    _settings(data["settings"])
    from .tasks import all_tasks
    known = {t.id for t in all_tasks()}
    if not isinstance(data["answers"], dict) or not all(k in known and isinstance(v, dict) for k, v in data["answers"].items()):
        raise CrmStateError("answers: potrzebny słownik odpowiedzi przypisanych do zadań tej strony.")
    try:  # the part the readiness report reads: checked by the core's one reader
        data["results"] = read_results(data["results"], known)
    except PracticalError as problem:
        raise CrmStateError(str(problem)) from None
    _exam(data)


EXAM_KEYS = {"seed", "tasks", "started", "minutes", "deadline", "finished", "score", "results", "criteria", "timed_out"}
HISTORY_KEYS = {"started", "finished", "score", "tasks", "seed", "timed_out", "criteria"}
MAX_EXAMS = 50


def is_moment(value) -> bool:
    """An ISO 8601 moment with its UTC offset, as the page sends "now"."""
    if not isinstance(value, str) or len(value) > MAX_MOMENT:
        return False
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _share(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


def _exam(data: dict) -> None:
    """The practical mock exam's part (exam.py): its tasks must be this site's tasks and its
    results shares, so a tampered file cannot make the exam page check or show odd values."""
    from .tasks import all_tasks

    exam = data.get("exam")
    if exam is not None:
        known = {t.id for t in all_tasks()}
        if not isinstance(exam, dict) or set(exam) - EXAM_KEYS:
            raise CrmStateError("exam: zapis symulacji ma złą postać (nieznane pola).")
        tasks = exam.get("tasks")
        if not isinstance(tasks, list) or not tasks or len(tasks) > len(known) or len(set(map(str, tasks))) != len(tasks) \
                or any(t not in known for t in tasks):
            raise CrmStateError("exam: symulacja wskazuje zadania, których ta strona nie zna, albo powtarza zadanie.")
        if not is_moment(exam.get("started")) or not is_moment(exam.get("deadline")) \
                or not _int(exam.get("minutes")) or not 0 < exam["minutes"] <= 24 * 60:
            raise CrmStateError("exam: początek, koniec czasu albo limit minut symulacji mają złą postać.")
        if "seed" in exam and (not _int(exam["seed"]) or not 0 <= exam["seed"] < 2 ** 31):
            raise CrmStateError("exam.seed: potrzebna liczba całkowita od 0 do 2147483647.")
        if exam.get("finished") is not None:
            results, criteria = exam.get("results", {}), exam.get("criteria", {})
            if not is_moment(exam["finished"]) or not _share(exam.get("score")) or not isinstance(exam.get("timed_out", False), bool) \
                    or not isinstance(results, dict) or not all(k in tasks and _share(v) for k, v in results.items()) \
                    or not isinstance(criteria, dict) or not all(isinstance(k, str) and _share(v) for k, v in criteria.items()):
                raise CrmStateError("exam: wynik zakończonej symulacji ma złą postać.")
    from .configuration import sets
    criteria = {c["id"] for s in sets() for o in s["outcomes"] for c in o["criteria"]}
    exams = data.get("exams", [])
    if not isinstance(exams, list) or len(exams) > MAX_EXAMS:
        raise CrmStateError(f"exams: potrzebna lista (najwyżej {MAX_EXAMS} symulacji).")
    for number, entry in enumerate(exams, 1):
        if not isinstance(entry, dict) or set(entry) - HISTORY_KEYS or not is_moment(entry.get("started")) \
                or not (entry.get("finished") is None or is_moment(entry["finished"])) or not _share(entry.get("score")) \
                or not _int(entry.get("tasks")) or not 0 <= entry["tasks"] <= 1000 \
                or not isinstance(entry.get("timed_out", False), bool) \
                or not (entry.get("seed") is None or _int(entry["seed"])):
            raise CrmStateError(f"exams: wpis nr {number} historii symulacji ma złą postać.")
        if "criteria" in entry:
            try:
                entry["criteria"] = read_exam_criteria(entry["criteria"], f"exams[{number}].criteria", criteria)
            except PracticalError as problem:
                raise CrmStateError(str(problem)) from None


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _seller(seller) -> None:
    if not isinstance(seller, dict) or not isinstance(seller.get("name"), str) or not isinstance(seller.get("team"), list):
        raise CrmStateError("seller: potrzebne pola name i team.")
    for person in seller["team"]:
        if not isinstance(person, dict) or not all(isinstance(person.get(k), str) for k in ("name", "role", "email", "phone")):
            raise CrmStateError("seller.team: każda osoba zespołu ma pola name, role, email, phone.")


def _ids(records: list, key: str) -> set[str]:
    seen = set()
    for index, record in enumerate(records, 1):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not record["id"]:
            raise CrmStateError(f"{key}: rekord nr {index} nie ma identyfikatora (id).")
        if record["id"] in seen:
            raise CrmStateError(f"{key}: identyfikator {record['id']} powtarza się.")
        seen.add(record["id"])
    return seen


class _Days:
    """Dates checked once a file: the same few hundred days stand in thousands of records."""

    def __init__(self):
        self.good: set[str] = set()

    def __call__(self, value) -> bool:
        if isinstance(value, str) and value in self.good:
            return True
        if parse_date(value) is None:
            return False
        self.good.add(value)
        return True


# The fields a record of each collection may have: the catalog's and the engine's own.
_ALLOWED = {key: {"id", *COLLECTIONS[key].keys(), *ENGINE_FIELDS[key]} for key in COLLECTION_KEYS}


def _record(key: str, record: dict, ids: dict[str, set[str]], days: _Days) -> None:
    where = f"{WHAT[key]} {record['id']}"
    unknown = sorted(record.keys() - _ALLOWED[key])
    if unknown:
        raise CrmStateError(f"{where}: nieznane pola {', '.join(unknown)}.")
    for field in COLLECTIONS[key].fields:  # thousands of records: the label is made for a problem only
        value = record.get(field.key, "")
        if field.kind in ("money", "number", "percent"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0 or value > 1e12:
                problem = "potrzebna nieujemna liczba"
            elif field.kind == "percent" and (not _int(value) or value > 100):
                problem = "potrzebna liczba całkowita od 0 do 100"
            else:
                continue
        elif not isinstance(value, str):
            problem = "potrzebny tekst"
        elif len(value) > MAX_LONG_TEXT:
            problem = "tekst jest za długi"
        elif field.required and not value.strip():
            problem = "pole jest wymagane"
        elif value and field.kind == "date" and not days(value):
            problem = "potrzebna data RRRR-MM-DD"
        elif value and field.kind == "ref" and value not in ids[field.target]:
            problem = f"wskazuje rekord {value}, którego nie ma w pliku"
        else:
            continue
        raise CrmStateError(f"{where} (pole „{field.label}”): {problem}.")
    if "history" in record:
        history = record["history"]
        if not isinstance(history, list) or not all(
                isinstance(e, dict) and _int(e.get("n")) and days(e.get("date")) and isinstance(e.get("text"), str)
                and isinstance(e.get("kind"), str) for e in history):
            raise CrmStateError(f"{where}: historia zdarzeń ma złą postać (każde zdarzenie: n, date, kind, text).")
    if "created" in record and not days(record["created"]):
        raise CrmStateError(f"{where}: data utworzenia ma złą postać.")


def _funnels(funnels: list, kinds: list[str]) -> None:
    for funnel in funnels:
        if not isinstance(funnel, dict) or not isinstance(funnel.get("name"), str) or not isinstance(funnel.get("stages"), list) \
                or not funnel["stages"] or not isinstance(funnel.get("purpose", ""), str):
            raise CrmStateError("funnels: każdy lejek ma nazwę i co najmniej jeden etap.")
        for stage in funnel["stages"]:
            if not isinstance(stage, dict) or not isinstance(stage.get("id"), str) or not isinstance(stage.get("name"), str) \
                    or not _int(stage.get("probability")) or not 0 <= stage["probability"] <= 100:
                raise CrmStateError(f"Lejek {funnel.get('id')}: etap ma pola id, name i probability (0–100).")
            if not isinstance(stage.get("required"), list) or any(k not in kinds for k in stage["required"]):
                raise CrmStateError(f"Lejek {funnel.get('id')}, etap {stage['name']}: wymagane czynności spoza listy rodzajów zadań.")
            plan = stage.get("plan")
            if not isinstance(plan, list) or not all(
                    isinstance(p, dict) and isinstance(p.get("title"), str) and p.get("kind") in kinds and _int(p.get("day"))
                    and 0 <= p["day"] <= 365 for p in plan):
                raise CrmStateError(f"Lejek {funnel.get('id')}, etap {stage['name']}: plan zadań ma złą postać "
                                    "(tytuł, rodzaj, dzień od wejścia w etap 0–365).")


def _stages_known(data: dict) -> None:
    stages = {f["id"]: {s["id"] for s in f["stages"]} for f in data["funnels"]}
    for opportunity in data["opportunities"]:
        known = stages.get(opportunity["funnel_id"], set())
        if opportunity["stage"] not in known:
            raise CrmStateError(f"Szansa {opportunity['id']}: etap {opportunity['stage']} nie należy do jej lejka.")
        if opportunity["last_stage"] and opportunity["last_stage"] not in known:
            raise CrmStateError(f"Szansa {opportunity['id']}: ostatni etap nie należy do jej lejka.")
    all_stages = set().union(*stages.values()) if stages else set()
    for activity in data["activities"]:
        if activity.get("stage") and activity["stage"] not in all_stages:
            raise CrmStateError(f"Zadanie {activity['id']}: etap {activity['stage']} nie należy do żadnego lejka.")


def _reports_and_exports(data: dict) -> None:
    """Saved reports and exports keep a report spec: it is checked like one typed in the form, and
    kept in its checked form, so a tampered file cannot feed the report engine odd values."""
    from .reports import clean_spec
    contacts = {c["id"] for c in data["contacts"]}
    for key, what in (("reports", "Raport"), ("exports", "Eksport")):
        for record in data[key]:
            if not isinstance(record.get("name"), str) or not isinstance(record.get("spec"), dict):
                raise CrmStateError(f"{what} {record['id']}: potrzebne pola name i spec.")
            spec, errors = clean_spec(data, record["spec"])
            if errors:
                raise CrmStateError(f"{what} {record['id']}: zapisane ustawienia są niepoprawne ({next(iter(errors.values()))})")
            record["spec"] = spec
    for record in data["exports"]:
        ids = record.get("contact_ids")
        if not isinstance(ids, list) or any(i not in contacts for i in ids) or not isinstance(record.get("csv"), str) \
                or not isinstance(record.get("purpose"), str) or parse_date(record.get("date")) is None \
                or not _int(record.get("base_size")) or not 0 <= record["base_size"] <= len(data["contacts"]):
            raise CrmStateError(f"Eksport {record['id']}: ma złą postać albo wskazuje osoby, których nie ma w pliku.")


def _documents(data: dict) -> None:
    companies = {c["id"] for c in data["companies"]}
    products = {p["id"] for p in data["products"]}
    for document in data["documents"]:
        items = document.get("items")
        if document.get("company_id") not in companies or not all(
                isinstance(document.get(k), str) for k in ("subject", "text", "html", "date", "template_id", "contact_id",
                                                           "opportunity_id", "number", "to")) \
                or not isinstance(items, list) or not all(
                    isinstance(i, dict) and i.get("product_id") in products and isinstance(i.get("quantity"), (int, float))
                    and not isinstance(i.get("quantity"), bool) for i in items) \
                or not all(isinstance(document.get(k), (int, float)) for k in ("net", "gross")):
            raise CrmStateError(f"Dokument {document.get('id')}: ma złą postać albo wskazuje nieistniejącą firmę lub produkt.")


def _settings(settings) -> None:
    security = settings.get("security") if isinstance(settings, dict) else None
    if not isinstance(security, dict):
        raise CrmStateError("settings.security: brak ustawień bezpieczeństwa.")
    if not all(isinstance(security.get(k), bool) for k in ("two_factor", "restore_test", "audit_log")):
        raise CrmStateError("settings.security: pola two_factor, restore_test i audit_log mają wartość tak/nie.")
    if not all(_int(security.get(k)) and 0 < security[k] <= 1440 for k in ("session_timeout_min", "password_min_length")):
        raise CrmStateError("settings.security: czas wylogowania i długość hasła to liczby całkowite.")
    if security.get("backup") not in BACKUP_FREQUENCIES:
        raise CrmStateError(f"settings.security.backup: jedna z wartości {', '.join(BACKUP_FREQUENCIES)}.")
    roles = security.get("export_roles")
    if not isinstance(roles, list) or any(r not in ROLES for r in roles):
        raise CrmStateError(f"settings.security.export_roles: lista ról spośród {', '.join(ROLES)}.")
