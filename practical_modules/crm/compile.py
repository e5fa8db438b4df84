"""Read and check this qualification's practical data for the simulated system (CPython only).

The data folder's `practical/` holds what people edit: `world.yaml` (the fictional firm and its
surroundings) and `tasks/*.yaml` (one file per learning outcome). They are read with the project's
loading layer (`datafiles`: line numbers, no anchors, size limits), checked with the engine's own
rules (world.py, definitions.py) against the qualification's criteria, and returned as plain data,
which the build writes as JSON for the browser and the command line and tests `install` directly.
Nothing generated is kept in git.
"""

from __future__ import annotations

from pathlib import Path

from datafiles.problems import DataError, Problem
from datafiles.source import format_path, load_source

from .definitions import definition_problems
from .exam import MINUTES_PER_TASK, TASKS_PER_EXAM
from .world import world_problems


def compile_folder(folder: Path, criteria: list[str], shown: str = "practical") -> dict:
    """{"tasks" (the catalog: id, title, outcome, criteria), "world", "task_files"} from `folder`, or DataError listing every problem with file and line.
    `shown`: how messages name the folder (relative to the data folder)."""
    world = load_source(folder / "world.yaml", display_name=f"{shown}/world.yaml")
    task_paths = sorted((folder / "tasks").glob("*.yaml"))
    if not task_paths:
        raise DataError([Problem(f"{shown}/tasks", None, "", "brak plików zadań praktycznych (*.yaml)")])
    problems, files = [], []
    for path in task_paths:
        try:
            files.append(load_source(path, display_name=f"{shown}/tasks/{path.name}"))
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    problems = [Problem(world.file, world.line_of(path), format_path(path), message)
                for path, message in world_problems(world.data)]
    task_files = [{**(source.data if isinstance(source.data, dict) else {}), "_file": source.file} for source in files]
    by_file = {source.file: source for source in files}
    for file, path, message in definition_problems(task_files, world.data if not problems else None, criteria):
        source = by_file.get(file)
        problems.append(Problem(file, source.line_of(path) if source else None, format_path(path), message))
    if problems:
        raise DataError(problems)
    catalog = [{"id": item["id"], "title": item["title"], "outcome": file["outcome"], "criteria": list(item["criteria"])}
               for file in task_files for item in file["tasks"]]
    # What the exam page says of the exam: the module's own rule, not the generator's.
    exam = {"minutes_per_task": MINUTES_PER_TASK, "tasks": TASKS_PER_EXAM}
    return {"tasks": catalog, "exam": exam, "world": world.data, "task_files": task_files}
