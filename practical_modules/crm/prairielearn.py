"""A checked file in the shape of PrairieLearn's external grading results (`results.json`), so a
teacher can run `python -m selfcheck tasks check FILE --format prairielearn --out
/grade/results/results.json` as a question's grader unchanged (docs: "External Grading", section
"Grading results"):

    {"gradable": true, "score": 0–1, "message",
     "tests": [{"name", "description", "points", "max_points", "message", "output"}]}
    {"gradable": false, "format_errors": [reason]}   a file that cannot be checked

One test per task, worth one point: its points are its score as the file stands (tasks.assess), so
the score is the tests' points over their maximum; `output` lists its checks as `tasks check
--details` prints them, `message` says what to correct.
"""

from __future__ import annotations

from .progress import STATUSES, check_lines

def results(tasks: list[dict], score: float, message: str) -> dict:
    """Gradable results: `tasks` as progress.task_results or an exam's evaluation gives them (with
    "status"), `score` the file's score, `message` a sentence about the whole."""
    tests = []
    for task in tasks:
        feedback = " ".join(c["feedback"] for c in task["checks"] if c["feedback"])
        tests.append({"name": f"{task['title']} ({task['id']})",
                      "description": "Kryteria: " + ", ".join(task["criteria"]),
                      "points": round(task["score"], 4), "max_points": 1,
                      "message": STATUSES[task["status"]] + (f": {feedback}" if feedback else ""), "output": "\n".join(check_lines(task))})
    return {"gradable": True, "score": round(score, 4), "message": message, "tests": tests}


def not_gradable(reason: str) -> dict:
    return {"gradable": False, "format_errors": [reason]}
