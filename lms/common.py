"""What every LMS format shares: the bank's questions and interview items in the data's order, each
with its category path, name, tags and plain feedback, and the spellings of a short answer that an
LMS without Polish folding must list.

Built from the engine's own objects (selfcheck.bank.Bank, selfcheck.structure.Structure and the
qualification's dict as `qualification.json` holds it), so an export says what the site says.

Categories and criteria. A question may test several criteria of its outcome, but an LMS keeps a
question in one category only. So the category path is set → outcome (every question of an
outcome is in one place), and the criteria travel with the question itself: every criterion id is
in its name ("Z1.E1.Q02 [Z1.E1.K1, Z1.E1.K3]") and is one of its tags. A teacher builds a quiz per
criterion from the outcome's category filtered by the criterion's tag (Moodle: a random question
of the category with that tag, or the question bank's tag filter).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from selfcheck import polish
from selfcheck.bank import Bank, Question
from selfcheck.structure import Structure


TITLE_LIMIT = 250


@dataclass(frozen=True)
class Category:
    """One level of the category path: the set's or the outcome's id and its words."""

    id: str
    text: str

    @property
    def title(self) -> str:
        """ "Z1 Budowanie bazy klientów"; formats escape it as they need. At most TITLE_LIMIT characters,
        cut at a word (Moodle keeps a category's name in 255 characters; an outcome's text may be longer)."""
        title = " ".join(f"{self.id} {self.text}".split())
        if len(title) <= TITLE_LIMIT:
            return title
        return title[:TITLE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-") + "…"


@dataclass(frozen=True)
class Item:
    """One exported entry: a question of the bank (`question` set) or an interview item (`interview` set)."""

    id: str
    name: str                       # starts with the id and names every criterion
    category: tuple[Category, ...]  # (set, outcome)
    criteria: tuple[str, ...]
    tags: tuple[str, ...]           # the criteria ids, then the outcome's and the set's id
    prompt: str                     # plain text
    feedback: str                   # plain text: explanation and source; an interview item's good-answer points
    question: Question | None = None
    interview: dict | None = None   # {"id", "outcome", "criteria", "question", "points"}

    @property
    def points(self) -> tuple[str, ...]:
        """An interview item's good-answer points (the grader's information)."""
        return tuple(self.interview["points"]) if self.interview else ()


@dataclass(frozen=True)
class Export:
    """Everything a format writes: the qualification (its dict), its structure and its bank."""

    qualification: dict
    structure: Structure
    bank: Bank

    @classmethod
    def from_data(cls, qualification: dict, bank: Bank) -> "Export":
        return cls(qualification, Structure.from_qualification(qualification), bank)

    def items(self) -> Iterator[Item]:
        """Every question, then every interview item, of each outcome in the qualification's order
        (sets, then outcomes); within an outcome, in the bank's order."""
        by_outcome: dict[str, list] = {}
        for question in self.bank.questions.values():
            by_outcome.setdefault(question.outcome, []).append(question)
        interviews: dict[str, list] = {}
        for entry in self.bank.interview.values():
            interviews.setdefault(entry["outcome"], []).append(entry)
        for qset in self.structure.sets:
            for outcome in qset["outcomes"]:
                path = (Category(qset["id"], qset["name"]), Category(outcome["id"], outcome["text"]))
                for question in by_outcome.get(outcome["id"], []):
                    yield Item(question.id, item_name(question.id, question.criteria), path, question.criteria,
                               tags(question.criteria, path), question.prompt, feedback(question),
                               question=question)
                for entry in interviews.get(outcome["id"], []):
                    criteria = tuple(entry["criteria"])
                    yield Item(entry["id"], item_name(entry["id"], criteria), path, criteria, tags(criteria, path),
                               entry["question"], points_feedback(entry["points"]), interview=entry)

    def questions(self) -> Iterator[Item]:
        return (item for item in self.items() if item.question is not None)


@dataclass(frozen=True)
class Format:
    name: str                           # the `--format` value, e.g. "moodle"
    label: str                          # what the page and the messages call it, e.g. "Moodle XML"
    suffix: str                         # ends the file's name: f"{stem}{suffix}", e.g. "-moodle.xml"
    render: Callable[[Export], bytes]   # the whole file
    keeps: str                          # Polish, for the page: what the format carries …
    loses: str                          # … and what it cannot
    media_type: str = "application/octet-stream"

    def file_name(self, stem: str) -> str:
        return f"{stem}{self.suffix}"


def item_name(item_id: str, criteria: tuple[str, ...]) -> str:
    """ "Z1.E1.Q02 [Z1.E1.K1, Z1.E1.K3]": the id first (the bank's order sorts the same), then every criterion."""
    return f"{item_id} [{', '.join(criteria)}]"


def tags(criteria: tuple[str, ...], path: tuple[Category, ...]) -> tuple[str, ...]:
    return tuple(criteria) + tuple(level.id for level in reversed(path))


def feedback(question: Question) -> str:
    """The explanation the site shows after an answer, and where it comes from."""
    return f"{question.explanation}\n\nŹródło: {question.reference}"


def points_feedback(points: list[str]) -> str:
    """What a candidate reads after answering an interview item, as the site shows it: the good-answer points."""
    return "Dobra odpowiedź obejmuje:\n" + "\n".join(f"– {point}" for point in points)


def short_text_spellings(answers: tuple[str, ...] | list[str]) -> list[str]:
    """The answers an LMS must list to accept what our short-text rule accepts, as far as a list can.

    Our rule (selfcheck/question_types/short_text.py with `polish.normalise`) ignores case, Polish
    diacritics, the kind of dash or quote, punctuation and extra spaces, and accepts accepted answers
    side by side ("pulpit (dashboard)"). An LMS compares a typed answer with each listed one, at most
    ignoring case (Moodle's shortanswer with "usecase" 0) and the spaces around it. So each answer is
    listed as written, without diacritics, with typographic dashes and quotes made plain, and without
    punctuation ("T – time-bound", "T - time-bound", "T time bound"), with and without diacritics;
    spellings equal but for case are listed once, first seen first.

    What a list cannot carry, and so an LMS marks wrong although our engine accepts it:
    - a mixture of the two spellings within one answer (some letters with diacritics, some without),
    - punctuation or spaces other than the answer's own or none (e.g. "time-bound!", "time  bound"),
    - accepted answers side by side that the bank does not list as one answer ("pulpit (kokpit)"):
      their combinations grow with the square of the list and its separators, so they are left out.
    """
    seen: dict[str, str] = {}
    for answer in answers:
        shown = " ".join(answer.split())
        plain_marks = polish.plain_marks(shown)
        for text, fold in itertools.product((shown, plain_marks, _without_punctuation(shown)), (False, True)):
            spelling = polish.fold(text) if fold else text
            seen.setdefault(spelling.casefold(), spelling)
    return [spelling for spelling in seen.values() if spelling]


def _without_punctuation(text: str) -> str:
    """`polish.normalise` but keeping case and diacritics: punctuation counts as a space."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())
