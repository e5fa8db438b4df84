"""What the simulated system is given once, before anything else: this qualification's practical
data (its fictional world and its task files, compiled from the data folder by `compile.py`) and
the qualification's structure (sets with hours, outcomes, criteria: `Structure.sets`).

The engine reads no files: in the browser the worker passes both to `api.setup`, in CPython the
command line and the tests call `install` with what `compile.compile_folder` made. A candidate's
work never lives here: it travels in the saved record.
"""

from __future__ import annotations


class NotInstalled(RuntimeError):
    """The module was used before `install` (a caller's mistake, not a candidate's)."""


_given: dict | None = None
_generation = 0  # changes with every install, so caches made from older data are never used


def install(data: dict, sets: list[dict]) -> None:
    """Keep the compiled data ({"world", "task_files"}) and the structure's sets."""
    global _given, _generation
    if not isinstance(data, dict) or not isinstance(data.get("world"), dict) or not isinstance(data.get("task_files"), list):
        raise ValueError("dane części praktycznej mają złą postać (potrzebne pola world i task_files)")
    if not isinstance(sets, (list, tuple)) or not all(
            isinstance(s, dict) and isinstance(s.get("id"), str) and isinstance(s.get("hours"), (int, float))
            and not isinstance(s.get("hours"), bool) and isinstance(s.get("outcomes"), list) for s in sets):
        raise ValueError("struktura kwalifikacji ma złą postać (potrzebne zestawy z godzinami i efektami)")
    _given = {"world": data["world"], "task_files": data["task_files"], "sets": list(sets)}
    _generation += 1


def installed() -> bool:
    return _given is not None


def generation() -> int:
    return _generation


def _part(name: str):
    if _given is None:
        raise NotInstalled("selfcheck: najpierw install() z danymi części praktycznej")
    return _given[name]


def world() -> dict:
    return _part("world")


def task_files() -> list[dict]:
    return _part("task_files")


def sets() -> list[dict]:
    return _part("sets")
