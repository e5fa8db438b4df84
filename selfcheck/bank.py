"""The question bank: questions of the registered types (selfcheck/question_types) and interview items,
validated with messages naming the question and field."""

from __future__ import annotations

import difflib
import random
from dataclasses import dataclass, field
from typing import Any

from .question_types.base import COLON_HINT
from .question_types import COMMON_KEYS, REGISTRY, QuestionType

FILE_KEYS = {"outcome", "questions", "interview"}
# A problem inside one question or interview item: (path within it, Polish text naming it).
Error = tuple[tuple[str | int, ...], str]


@dataclass(frozen=True)
class BankProblem:
    """One problem: the file, the place in that file's data and what is wrong (naming the question).

    The path lets the build, which still has the YAML, add the line; the browser shows str()."""

    file: str
    path: tuple[str | int, ...]   # e.g. ("questions", 3, "answer"); () for the whole file
    text: str                     # e.g. "pytanie Z1.E1.Q04: answer: 'z' nie jest identyfikatorem …"

    def __str__(self) -> str:
        return f"{self.file}: {self.text}"


class BankError(Exception):
    """Problems in the question bank; str() lists one per line, each naming question and field."""

    def __init__(self, problems: list[BankProblem]):
        self.details = problems
        self.problems = [str(problem) for problem in problems]
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Question:
    """One question: the fields every type has, and `data`, its type's own fields as the type parsed
    them (e.g. numeric.Data(answer, tolerance, unit)). Only the type reads `data`; the rest of the
    engine asks the type (`kind`)."""

    id: str
    type: str
    outcome: str
    criteria: tuple[str, ...]
    prompt: str
    explanation: str
    reference: str
    data: Any

    @property
    def kind(self) -> QuestionType:
        """The object that knows this question's type (parse, form, scoring, right answer)."""
        return REGISTRY[self.type]

    def display(self) -> dict:
        """What the page shows: no answers; any shuffle is fixed by the question's ID, so every
        build and every visitor sees the same."""
        shown: dict[str, Any] = {"id": self.id, "type": self.type, "type_name": self.kind.label,
                                 "outcome": self.outcome, "criteria": list(self.criteria), "prompt": self.prompt}
        shown.update(self.kind.display(self, random.Random(self.id)))
        return shown


@dataclass
class Bank:
    questions: dict[str, Question] = field(default_factory=dict)
    interview: dict[str, dict] = field(default_factory=dict)

    def by_criterion(self) -> dict[str, list[Question]]:
        out: dict[str, list[Question]] = {}
        for question in self.questions.values():
            for criterion in question.criteria:
                out.setdefault(criterion, []).append(question)
        return out


def parse_bank(files: list[dict], criterion_ids: list[str]) -> Bank:
    """Check and build the bank from the outcome files' data. Raises BankError with every problem."""
    known = set(criterion_ids)
    outcomes = {c.rsplit(".", 1)[0] for c in criterion_ids}
    bank, problems = Bank(), []
    for number, data in enumerate(files, 1):
        where = data.get("_file", f"plik {number}") if isinstance(data, dict) else f"plik {number}"

        def report(path: tuple, text: str, where: str = where) -> None:
            problems.append(BankProblem(where, path, text))

        if not isinstance(data, dict) or not (set(data) - {"_file"}):
            report((), "plik jest pusty albo nie jest zbiorem pól; potrzebne pola outcome i questions")
            continue
        unknown = sorted(set(data) - FILE_KEYS - {"_file"}, key=str)
        for key in unknown:
            guess = difflib.get_close_matches(str(key), sorted(FILE_KEYS), n=1)
            hint = f" — czy chodziło o „{guess[0]}”?" if guess else f"; dozwolone pola: {', '.join(sorted(FILE_KEYS))}"
            report((key,), f"nieznane pole „{key}”{hint}")
        outcome = data.get("outcome")
        if not isinstance(outcome, str) or outcome not in outcomes:
            report(("outcome",), f"outcome: nieznany efekt uczenia się {outcome!r}")
            continue
        raw_questions = data.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            report(("questions",), "questions: potrzebna niepusta lista pytań")
            raw_questions = []
        for index, raw in enumerate(raw_questions):
            qid = raw.get("id") if isinstance(raw, dict) else None
            label = f"pytanie {qid or f'nr {index + 1}'}"
            question, errors = _parse_question(raw, outcome, known, label)
            for path, text in errors:
                report(("questions", index) + path, text)
            if question:
                if question.id in bank.questions:
                    report(("questions", index, "id"), f"{label}: id: identyfikator powtarza się")
                else:
                    bank.questions[question.id] = question
        interview = data.get("interview") or []
        if not isinstance(interview, list):
            report(("interview",), "interview: potrzebna lista pytań do rozmowy z komisją")
            interview = []
        for index, raw in enumerate(interview):
            for path, text in _parse_interview(raw, outcome, known, f"rozmowa nr {index + 1}", bank):
                report(("interview", index) + path, text)
    if problems:
        raise BankError(problems)
    return bank


def _text(raw: dict, key: str, label: str, errors: list[Error]) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        errors.append(((key,), f"{label}: {key}: potrzebny niepusty tekst{COLON_HINT if isinstance(value, dict) else ''}"))
        return ""
    return " ".join(value.split())


def _parse_question(raw: Any, outcome: str, known: set[str], label: str) -> tuple[Question | None, list[Error]]:
    errors: list[Error] = []
    if not isinstance(raw, dict):
        return None, [((), f"{label}: pytanie musi być zbiorem pól (id, type, prompt, …)")]
    qtype = raw.get("type")
    if not isinstance(qtype, str) or qtype not in REGISTRY:
        return None, [(("type",), f"{label}: type: nieznany typ {qtype!r}; dozwolone: {', '.join(REGISTRY)}")]
    kind = REGISTRY[qtype]
    qid = _text(raw, "id", label, errors)
    if qid and not qid.startswith(outcome + ".Q"):
        errors.append((("id",), f"{label}: id: identyfikator pytania musi zaczynać się od „{outcome}.Q”"))
    unknown = set(raw) - COMMON_KEYS - kind.keys
    if unknown:
        errors.append(((sorted(unknown)[0],), f"{label}: nieznane pola dla typu {qtype}: {', '.join(sorted(unknown))}"))
    missing = (COMMON_KEYS | kind.keys) - kind.optional - set(raw)
    for key in sorted(missing):
        errors.append(((), f"{label}: {key}: brak wymaganego pola"))
    criteria = raw.get("criteria")
    if not isinstance(criteria, list) or not criteria:
        errors.append((("criteria",), f"{label}: criteria: potrzebna lista kryteriów (np. [{outcome}.K1])"))
        criteria = []
    for n, criterion in enumerate(criteria):
        if not isinstance(criterion, str) or criterion not in known:
            errors.append((("criteria", n), f"{label}: criteria: nieznane kryterium {criterion!r}"))
        elif not str(criterion).startswith(outcome + "."):
            errors.append((("criteria", n), f"{label}: criteria: kryterium {criterion} należy do innego efektu niż {outcome}"))
    if missing:
        return None, errors
    data = kind.parse(raw, label, errors)
    question = Question(
        id=qid, type=qtype, outcome=outcome, criteria=tuple(criteria),
        prompt=_text(raw, "prompt", label, errors), explanation=_text(raw, "explanation", label, errors),
        reference=_text(raw, "reference", label, errors), data=data,
    )
    return (None if errors else question), errors


def _parse_interview(raw: Any, outcome: str, known: set[str], label: str, bank: Bank) -> list[Error]:
    errors: list[Error] = []
    if not isinstance(raw, dict):
        return [((), f"{label}: pytanie musi mieć id, criteria, question i points")]
    rid = _text(raw, "id", label, errors)
    question = _text(raw, "question", label, errors)
    criteria = raw.get("criteria") or []
    if not isinstance(criteria, list) or not criteria or any(
            not isinstance(c, str) or c not in known or not c.startswith(outcome + ".") for c in criteria):
        errors.append((("criteria",), f"{label}: criteria: potrzebna lista kryteriów efektu {outcome}"))
    points = raw.get("points")
    if not isinstance(points, list) or len(points) < 2:
        errors.append((("points",), f"{label}: points: potrzebne co najmniej 2 punkty dobrej odpowiedzi"))
        points = []
    for n, point in enumerate(points, 1):
        if not isinstance(point, str) or not point.strip():
            errors.append((("points", n - 1), f"{label}: points[{n}]: punkt musi być tekstem{COLON_HINT if isinstance(point, dict) else ''}"))
    if rid in bank.interview:
        errors.append((("id",), f"{label}: id: identyfikator {rid} powtarza się"))
    if not errors:
        bank.interview[rid] = {"id": rid, "outcome": outcome, "criteria": list(criteria), "question": question,
                               "points": [" ".join(p.split()) for p in points]}
    return errors
