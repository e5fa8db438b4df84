"""The rules a task file (the data folder's practical/tasks/*.yaml) must follow, checked when the data is compiled.

Problems come back as (file, path, Polish message); `compile.py` turns the path into the line.
Beyond the shape, every tag a brief, a check or a solution step uses must be one its variant
kind gives, every check kind and action must exist with its parameters, and every criterion must
be one of the qualification's.
"""

from __future__ import annotations

import re

from .actions import ACTIONS
from .checks import CHECKS, COMMON
from .templates import TAGS as OFFER_TAGS, tags_in
from .variants import KINDS

TASK_KEYS = {"id", "title", "criteria", "variant", "brief", "checks", "hint", "solution"}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _strings(value, path: tuple):
    """Every string inside a value, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def definition_problems(files: list[dict], world: dict | None, criteria: list[str] | None) -> list[tuple[str, tuple, str]]:
    problems: list[tuple[str, tuple, str]] = []
    seen: dict[str, str] = {}
    known = set(criteria or [])
    for file in files:
        name = file.get("_file", "?")

        def problem(path, message):
            problems.append((name, tuple(path), message))

        outcome = file.get("outcome")
        if not isinstance(outcome, str) or not outcome:
            problem(("outcome",), "potrzebny identyfikator efektu uczenia się, którego dotyczą zadania pliku")
            outcome = ""
        tasks = file.get("tasks")
        if not isinstance(tasks, list) or not tasks:
            problem(("tasks",), "potrzebna lista zadań")
            continue
        for index, item in enumerate(tasks):
            where = ("tasks", index)
            if not isinstance(item, dict):
                problem(where, "zadanie musi być zbiorem pól")
                continue
            unknown = sorted(set(item) - TASK_KEYS)
            if unknown:
                problem(where, f"nieznane pola: {', '.join(unknown)}")
            missing = sorted(TASK_KEYS - set(item))
            if missing:
                problem(where, f"brak pól: {', '.join(missing)}")
                continue
            task_id = item["id"]
            if not isinstance(task_id, str) or not _ID.match(task_id):
                problem(where + ("id",), "identyfikator zadania to małe litery, cyfry i myślniki, np. z1e2-nowy-klient")
            elif task_id in seen:
                problem(where + ("id",), f"identyfikator „{task_id}” jest już w pliku {seen[task_id]}")
            else:
                seen[task_id] = name
            for key in ("title", "brief", "hint"):
                if not isinstance(item[key], str) or not item[key].strip():
                    problem(where + (key,), "potrzebny niepusty tekst")
            if not isinstance(item["criteria"], list) or not item["criteria"]:
                problem(where + ("criteria",), "potrzebna lista kryteriów, które zadanie ćwiczy")
            else:
                for c_index, criterion in enumerate(item["criteria"]):
                    if known and criterion not in known:
                        problem(where + ("criteria", c_index), f"„{criterion}” nie jest kryterium tej kwalifikacji")
                if outcome and not any(isinstance(c, str) and c.startswith(outcome + ".") for c in item["criteria"]):
                    problem(where + ("criteria",), f"co najmniej jedno kryterium musi należeć do efektu {outcome} (efektu pliku)")
            variant = item["variant"] if isinstance(item["variant"], dict) else {"kind": item["variant"]}
            kind = KINDS.get(variant.get("kind"))
            if kind is None:
                problem(where + ("variant",), f"nieznany rodzaj wariantu; dostępne: {', '.join(sorted(KINDS))}")
                continue
            tags = set(kind.slots) | {"task.id"}
            # Texts may show an offer template's own tags to the candidate, as they are.
            shown = tags | set(OFFER_TAGS)
            for path, text in _strings(item["brief"], where + ("brief",)):
                for tag in tags_in(text):
                    if tag not in shown:
                        problem(path, f"znacznika {{{{{tag}}}}} wariant „{kind.name}” nie podaje; dostępne: "
                                      f"{', '.join(sorted(tags))}")
            checks = item["checks"]
            if not isinstance(checks, list) or not checks:
                problem(where + ("checks",), "potrzebna lista sprawdzeń")
                checks = []
            for c_index, spec in enumerate(checks):
                at = where + ("checks", c_index)
                if not isinstance(spec, dict) or spec.get("kind") not in CHECKS:
                    problem(at, f"nieznany rodzaj sprawdzenia; dostępne: {', '.join(sorted(CHECKS))}")
                    continue
                check = CHECKS[spec["kind"]]
                lacking = sorted(check.required - set(spec))
                if lacking:
                    problem(at, f"sprawdzenie „{check.name}” potrzebuje parametrów: {', '.join(lacking)}")
                extra = sorted(set(spec) - check.required - check.optional - COMMON)
                if extra:
                    problem(at, f"sprawdzenie „{check.name}” nie zna parametrów: {', '.join(extra)}")
                weight = spec.get("weight", 1)
                if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
                    problem(at + ("weight",), "waga to liczba większa od zera")
                if not isinstance(spec.get("label"), str) or not spec["label"].strip():
                    problem(at + ("label",), "potrzebny opis tego, co sprawdzenie bada (label)")
                for path, text in _strings(spec, at):
                    for tag in tags_in(text):
                        if tag not in tags:
                            problem(path, f"znacznika {{{{{tag}}}}} wariant „{kind.name}” nie podaje")
            solution = item["solution"]
            if not isinstance(solution, dict) or not isinstance(solution.get("text"), str) or not solution["text"].strip():
                problem(where + ("solution",), "rozwiązanie wzorcowe ma pola text (opis) i steps (czynności)")
                continue
            for tag in [*tags_in(solution["text"]), *tags_in(item["hint"])]:
                if tag not in shown:
                    problem(where + ("solution", "text"), f"znacznika {{{{{tag}}}}} wariant „{kind.name}” nie podaje")
            steps = solution.get("steps")
            if not isinstance(steps, list) or not steps:
                problem(where + ("solution", "steps"), "potrzebna lista czynności rozwiązania (action, payload)")
                continue
            saved = set()
            for s_index, step in enumerate(steps):
                at = where + ("solution", "steps", s_index)
                if not isinstance(step, dict) or step.get("action") not in ACTIONS or not isinstance(step.get("payload"), dict):
                    problem(at, f"krok ma pola action (jedna z: {', '.join(sorted(ACTIONS))}) i payload")
                    continue
                unknown_keys = sorted(set(step) - {"action", "payload", "for_each", "save_as"})
                if unknown_keys:
                    problem(at, f"nieznane pola kroku: {', '.join(unknown_keys)}")
                local = set(tags) | saved
                if step["action"].startswith("template."):
                    local |= set(OFFER_TAGS)  # a template's own tags stay in its text
                if "for_each" in step:
                    slot = tags_in(step["for_each"])
                    if len(slot) != 1 or slot[0] not in kind.items:
                        problem(at + ("for_each",), f"for_each wskazuje listę wariantu: {', '.join(sorted(kind.items)) or 'brak list'}")
                    else:
                        local |= {f"item.{key}" for key in kind.items[slot[0]]}
                for path, text in _strings(step["payload"], at + ("payload",)):
                    for tag in tags_in(text):
                        if tag not in local:
                            problem(path, f"znacznika {{{{{tag}}}}} tu nie ma; dostępne: {', '.join(sorted(local))}")
                if isinstance(step.get("save_as"), str) and step["save_as"]:
                    saved.add(f"saved.{step['save_as']}")
    return problems
