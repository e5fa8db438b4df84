"""The question model: seven question types, validated with messages naming the question and field."""

from __future__ import annotations

import difflib
import random
from dataclasses import dataclass, field
from typing import Any

TYPES = ("single", "multiple", "true_false", "ordering", "matching", "numeric", "short_text")
TYPE_NAMES = {
    "single": "jednokrotny wybór", "multiple": "wielokrotny wybór", "true_false": "prawda/fałsz",
    "ordering": "kolejność", "matching": "dopasowanie", "numeric": "obliczenie", "short_text": "krótka odpowiedź",
}
COMMON_KEYS = {"id", "type", "criteria", "prompt", "explanation", "reference"}
TYPE_KEYS = {
    "single": {"options", "answer"},
    "multiple": {"options", "answer"},
    "true_false": {"answer"},
    "ordering": {"items"},
    "matching": {"pairs"},
    "numeric": {"answer", "tolerance", "unit"},
    "short_text": {"answer"},
}
OPTIONAL_KEYS = {"unit", "tolerance"}
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
    id: str
    type: str
    outcome: str
    criteria: tuple[str, ...]
    prompt: str
    explanation: str
    reference: str
    options: tuple[dict, ...] = ()          # single, multiple: ({"id", "text"}, ...)
    answer: Any = None                      # single: id; multiple: frozenset; true_false: bool; numeric: float; short_text: tuple
    items: tuple[dict, ...] = ()            # ordering: in the correct order
    pairs: tuple[dict, ...] = ()            # matching: ({"left", "right"}, ...) correctly paired
    tolerance: float = 0.0
    unit: str = ""

    def display(self) -> dict:
        """What the page shows: no answers, and a fixed shuffled order for ordering/matching.

        The order comes from the question ID, so every build and every visitor sees the same.
        """
        shown: dict[str, Any] = {"id": self.id, "type": self.type, "type_name": TYPE_NAMES[self.type],
                                 "outcome": self.outcome, "criteria": list(self.criteria), "prompt": self.prompt}
        rng = random.Random(self.id)
        if self.type in ("single", "multiple"):
            shown["options"] = [dict(o) for o in self.options]
        elif self.type == "ordering":
            items = [dict(item) for item in self.items]
            while len(items) > 1 and [i["id"] for i in items] == [i["id"] for i in self.items]:
                rng.shuffle(items)
            shown["items"] = items
        elif self.type == "matching":
            shown["left"] = [{"id": f"l{n}", "text": p["left"]} for n, p in enumerate(self.pairs, 1)]
            right = [{"id": f"r{n}", "text": p["right"]} for n, p in enumerate(self.pairs, 1)]
            while len(right) > 1 and [r["id"] for r in right] == [f"r{n}" for n in range(1, len(right) + 1)]:
                rng.shuffle(right)
            shown["right"] = right
        elif self.type == "numeric":
            shown["unit"] = self.unit
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


# YAML reads `- etapy: nazwa, kolejność` as a key and value, not as text: say how to fix it.
COLON_HINT = " (tekst z dwukropkiem i spacją w środku ujmij w cudzysłów)"


def _text(raw: dict, key: str, label: str, errors: list[Error]) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        errors.append(((key,), f"{label}: {key}: potrzebny niepusty tekst{COLON_HINT if isinstance(value, dict) else ''}"))
        return ""
    return " ".join(value.split())


def _records(raw: Any, keys: tuple[str, ...], bounds: tuple[int, int], field_name: str, what: str,
             label: str, errors: list[Error]) -> list[dict]:
    """A list of small records whose values are texts (options, ordering items, matching pairs),
    with whitespace tidied; problems name the list and the record's number."""
    low, high = bounds
    if not isinstance(raw, list) or not low <= len(raw) <= high:
        errors.append(((field_name,), f"{label}: {field_name}: potrzebne od {low} do {high} {what}"))
        return []
    clean = []
    for n, record in enumerate(raw, 1):
        if not isinstance(record, dict) or not all(isinstance(record.get(k), str) and record[k].strip() for k in keys):
            errors.append(((field_name, n - 1), f"{label}: {field_name}[{n}]: potrzebne pola {' i '.join(keys)} (niepuste teksty)"))
            continue
        clean.append({k: " ".join(record[k].split()) for k in keys})
    return clean


def _parse_question(raw: Any, outcome: str, known: set[str], label: str) -> tuple[Question | None, list[Error]]:
    errors: list[Error] = []
    if not isinstance(raw, dict):
        return None, [((), f"{label}: pytanie musi być zbiorem pól (id, type, prompt, …)")]
    qtype = raw.get("type")
    if not isinstance(qtype, str) or qtype not in TYPES:
        return None, [(("type",), f"{label}: type: nieznany typ {qtype!r}; dozwolone: {', '.join(TYPES)}")]
    qid = _text(raw, "id", label, errors)
    if qid and not qid.startswith(outcome + ".Q"):
        errors.append((("id",), f"{label}: id: identyfikator pytania musi zaczynać się od „{outcome}.Q”"))
    unknown = set(raw) - COMMON_KEYS - TYPE_KEYS[qtype]
    if unknown:
        errors.append(((sorted(unknown)[0],), f"{label}: nieznane pola dla typu {qtype}: {', '.join(sorted(unknown))}"))
    missing = (COMMON_KEYS | TYPE_KEYS[qtype]) - OPTIONAL_KEYS - set(raw)
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
    fields: dict[str, Any] = {}
    if qtype in ("single", "multiple"):
        options = _records(raw["options"], ("id", "text"), (2, 6), "options", "odpowiedzi", label, errors)
        ids, texts = [o["id"] for o in options], [o["text"] for o in options]
        if len(set(ids)) != len(ids):
            errors.append((("options",), f"{label}: options: identyfikatory odpowiedzi powtarzają się"))
        if len({t.lower() for t in texts}) != len(texts):
            errors.append((("options",), f"{label}: options: treści odpowiedzi powtarzają się"))
        fields["options"] = tuple(options)
        answer = raw["answer"]
        if qtype == "single":
            if not isinstance(answer, str) or answer not in ids:
                errors.append((("answer",), f"{label}: answer: {answer!r} nie jest identyfikatorem żadnej odpowiedzi"))
            fields["answer"] = answer
        else:
            if not isinstance(answer, list) or not answer or not all(isinstance(a, str) for a in answer):
                errors.append((("answer",), f"{label}: answer: dla wielokrotnego wyboru potrzebna lista identyfikatorów"))
                answer = []
            for n, a in enumerate(answer):
                if a not in ids:
                    errors.append((("answer", n), f"{label}: answer: {a!r} nie jest identyfikatorem żadnej odpowiedzi"))
            fields["answer"] = frozenset(answer)
    elif qtype == "true_false":
        if not isinstance(raw["answer"], bool):
            errors.append((("answer",), f"{label}: answer: dla pytania prawda/fałsz wpisz true albo false"))
        fields["answer"] = raw["answer"]
    elif qtype == "ordering":
        clean = _records(raw["items"], ("id", "text"), (3, 8), "items", "elementów w poprawnej kolejności", label, errors)
        if len({i["id"] for i in clean}) != len(clean):
            errors.append((("items",), f"{label}: items: identyfikatory elementów powtarzają się"))
        fields["items"] = tuple(clean)
    elif qtype == "matching":
        clean = _records(raw["pairs"], ("left", "right"), (2, 8), "pairs", "par", label, errors)
        if len({p["left"] for p in clean}) != len(clean) or len({p["right"] for p in clean}) != len(clean):
            errors.append((("pairs",), f"{label}: pairs: teksty po lewej i po prawej muszą być różne"))
        fields["pairs"] = tuple(clean)
    elif qtype == "numeric":
        answer, tolerance = raw["answer"], raw.get("tolerance", 0)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            errors.append((("answer",), f"{label}: answer: potrzebna liczba (ułamek z kropką, np. 12.5)"))
            answer = 0
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            errors.append((("tolerance",), f"{label}: tolerance: potrzebna liczba nieujemna"))
            tolerance = 0
        unit = raw.get("unit", "")
        if not isinstance(unit, str):
            errors.append((("unit",), f"{label}: unit: potrzebny tekst, np. \"zł\""))
            unit = ""
        fields.update(answer=float(answer), tolerance=float(tolerance), unit=unit)
    elif qtype == "short_text":
        answer = raw["answer"]
        if isinstance(answer, str):
            answer = [answer]
        if not isinstance(answer, list) or not answer or not all(isinstance(a, str) and a.strip() for a in answer):
            errors.append((("answer",), f"{label}: answer: potrzebna lista akceptowanych odpowiedzi (tekstów)"))
            answer = []
        fields["answer"] = tuple(answer)
    question = Question(
        id=qid, type=qtype, outcome=outcome, criteria=tuple(criteria),
        prompt=_text(raw, "prompt", label, errors), explanation=_text(raw, "explanation", label, errors),
        reference=_text(raw, "reference", label, errors), **fields,
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
