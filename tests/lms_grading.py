"""How Moodle grades an exported question, written from the exported file's data only, and the
sample responses the round-trip tests give both Moodle (so modelled) and our engine.

The readers (tests/test_lms_moodle.py for Moodle XML, tests/test_lms_gift.py for GIFT through a real
GIFT parser) turn a file into `Graded` questions; `moodle_score` grades them as Moodle's question
types do (question/type/*/question.php: multichoice adds the ticked options' fractions and keeps the
sum within 0…1; shortanswer compares without case, after trimming, with "*" as a wildcard;
numerical reads the number as qtype_numerical_answer_processor::apply_units does and accepts it
within the tolerance; matching counts the rows matched; ordering in RELATIVE_ALL_PREVIOUS_AND_NEXT
counts, for every item, the items before and after it that are on the right side of it).

Samples carry a label when they are a form our engine and an LMS may read differently; FORMAT_LOSSES
names the labels each format loses (LOSS_TEXT the direction). Every other sample must score the same.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from selfcheck import polish
from selfcheck.bank import Question
from selfcheck.scoring import score

# Moodle's grades (question/engine/bank.php, fraction_options_full): an imported fraction must be one of
# these, within 0.00001, when the import's "match grades" is "error if a grade is not listed" (its default).
_RAW = (0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571,
        0.125, 0.1111111, 0.1, 0.05)
MOODLE_FRACTIONS = (0.0, 1.0, *_RAW, *(-f for f in _RAW), -1.0)

# Forms of an answer that an LMS reads otherwise than our engine, with the direction: "lower" — our engine
# accepts it and the LMS does not; "higher" — the LMS accepts what our engine refuses. The Polish words are
# the README's ("Dla nauczycieli i asesorów", eksport do LMS).
LOSS_TEXT = {
    "mixed_diacritics": ("lower", "część polskich liter bez ogonków, część z nimi"),
    "extra_punctuation": ("lower", "dodatkowy znak przestankowy"),
    "extra_spaces": ("lower", "podwójna spacja"),
    "side_by_side": ("lower", "dwie dobre odpowiedzi obok siebie"),
    "nbsp_grouping": ("lower", "cyfry grupowane przez twardą spację"),
    "typographic_minus": ("lower", "znak „−” zamiast „-”"),
    "unit_after_number": ("lower", "w GIFT także jednostka po liczbie"),
    "words_after_number": ("higher", "dowolne słowo po liczbie"),
    "exponent": ("higher", "zapis wykładniczy"),
}


RELATIVE_ALL_PREVIOUS_AND_NEXT = 4   # qtype_ordering_question::GRADING_RELATIVE_ALL_PREVIOUS_AND_NEXT

# The labels each format loses (by its name in lms.FORMATS). Moodle XML: short answers are compared with a
# list of spellings; Moodle reads a unit after a number as ours does, drops only plain spaces in a number, and
# reads some forms we refuse. GIFT: the same, and it has no units, so Moodle takes a number only.
_MOODLE = {"mixed_diacritics", "extra_punctuation", "extra_spaces", "side_by_side", "nbsp_grouping",
           "typographic_minus", "words_after_number", "exponent"}
FORMAT_LOSSES = {"moodle": _MOODLE, "gift": _MOODLE | {"unit_after_number"}}


@dataclass
class Graded:
    """One question as an LMS reads it from an exported file: what it grades with."""

    kind: str                       # choice | truefalse | shortanswer | numerical | matching | ordering | essay
    name: str
    single: bool = True             # choice: one answer (radio buttons) or several (checkboxes)
    answers: list[tuple[str, float]] = field(default_factory=list)   # choice, shortanswer: (text, fraction)
    right: bool | None = None       # truefalse
    numbers: list[tuple[float, float, float]] = field(default_factory=list)   # numerical: (value, tolerance, fraction)
    units: dict[str, float] = field(default_factory=dict)   # numerical: unit → multiplier
    unit_typed: bool = True         # numerical: the unit may be typed after the number (UNITINPUT)
    pairs: list[tuple[str, str]] = field(default_factory=list)       # matching: (stem, its answer)
    items: list[str] = field(default_factory=list)                   # ordering: in the right order
    ordering_grading: int = 1       # ordering: qtype_ordering's gradingtype (1, RELATIVE_NEXT_EXCLUDE_LAST, if not said)
    ignore_case: bool = True        # shortanswer
    graderinfo: str = ""            # essay


@dataclass(frozen=True)
class Sample:
    engine: Any                     # the response as our engine reads it (QuestionType.read)
    lms: Any                        # the same response in the LMS: the texts the candidate picked, or what was typed
    label: str | None = None        # a key of LOSS_TEXT, for a form an LMS may read otherwise


def moodle_score(graded: Graded, response: Any) -> float:
    kind = graded.kind
    if kind == "choice":
        chosen = [response] if graded.single else sorted(response)
        total = sum(fraction for text, fraction in graded.answers if text in chosen)
        return min(max(total, 0.0), 1.0)
    if kind == "truefalse":
        return 1.0 if response is graded.right else 0.0
    if kind == "shortanswer":
        if not response.strip():
            return 0.0
        for text, fraction in graded.answers:
            if wildcard_match(response, text, graded.ignore_case):
                return fraction
        return 0.0
    if kind == "numerical":
        value, unit = apply_units(response)
        if value is None or (unit and not graded.unit_typed):
            return 0.0      # Moodle: "not a valid number" (our engine: an invalid response, 0 points)
        for answer, tolerance, fraction in graded.numbers:
            # qtype_numerical_answer::get_tolerance_interval, nominal, with PHP's precision of 14 digits.
            margin = tolerance + 1e-14 * max(1.0, abs(answer))
            if answer - margin <= value <= answer + margin:
                return fraction
        return 0.0
    if kind == "matching":
        right = sum(1 for stem, answer in graded.pairs if response.get(stem) == answer)
        return right / len(graded.pairs)
    if kind == "ordering":
        assert graded.ordering_grading == RELATIVE_ALL_PREVIOUS_AND_NEXT, \
            f"{graded.name}: ordering graded by mode {graded.ordering_grading}, not by pairs"
        return _relative_all_previous_and_next(graded.items, response)
    raise AssertionError(f"{graded.name}: no grading for {kind}")


def _relative_all_previous_and_next(correct: list[str], current: list[str]) -> float:
    """qtype_ordering_question::grade_response with GRADING_RELATIVE_ALL_PREVIOUS_AND_NEXT."""
    def previous_and_next(order):
        return {item: (set(order[:i]), set(order[i + 1:])) for i, item in enumerate(order)}

    right, now = previous_and_next(correct), previous_and_next(current)
    count = total = 0
    for item, (before, after) in right.items():
        if item in now:
            count += len(now[item][0] & before) + len(now[item][1] & after)
        total += len(before) + len(after)
    return count / total if total else 0.0


def wildcard_match(response: str, pattern: str, ignore_case: bool) -> bool:
    """qtype_shortanswer_question::compare_string_with_wildcard: NFC, unescaped runs of "*" match
    anything, "\\*" is a star, the response is trimmed, case ignored when asked (PHP's /iu)."""
    pattern, response = unicodedata.normalize("NFC", pattern), unicodedata.normalize("NFC", response)
    bits = re.split(r"(?<!\\)\*+", pattern)
    regex = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(regex, response.strip(" \t\n\r\0\x0b"), re.IGNORECASE if ignore_case else 0) is not None


def apply_units(response: str) -> tuple[float | None, str]:
    """qtype_numerical_answer_processor::apply_units (units after the number): ASCII spaces dropped;
    a comma is the decimal point unless there is a dot or several commas; the number is what
    PHP's ASCII \\d reads at the start, the unit whatever follows."""
    text = response.replace(" ", "")
    text = re.sub(r"(?:e|E|(?:x|\*|×)10(?:\^|\*\*))([+-]?\d+)", r"e\1", text)
    text = text.replace(",", "") if "." in text or text.count(",") > 1 else text.replace(",", ".")
    found = re.match(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[-+]?[0-9]+)?", text)
    if not found:
        return None, ""
    return float(found.group()), text[found.end():]


def engine_score(question: Question, response: Any) -> float:
    return score(question, response).score


# The sample responses of each type, from the question's own data (what a candidate sees and types).

def samples(question: Question) -> list[Sample]:
    return _SAMPLES[question.type](question.data, random.Random(question.id))


def _single(data, rng) -> list[Sample]:
    return [Sample(option["id"], option["text"]) for option in data.options]


def _true_false(data, rng) -> list[Sample]:
    return [Sample(True, True), Sample(False, False)]


def _multiple(data, rng) -> list[Sample]:
    options = list(data.options)
    return [Sample([o["id"] for o in chosen], {o["text"] for o in chosen})
            for size in range(1, len(options) + 1) for chosen in itertools.combinations(options, size)]


def _ordering(data, rng) -> list[Sample]:
    items = list(data.items)
    if len(items) <= 6:
        orders = list(itertools.permutations(items))
    else:
        orders = [tuple(items), tuple(reversed(items))] + [tuple(rng.sample(items, len(items))) for _ in range(300)]
    return [Sample([i["id"] for i in order], [i["text"] for i in order]) for order in orders]


def _matching(data, rng) -> list[Sample]:
    n = len(data.pairs)
    rows = [f"l{k}" for k in range(1, n + 1)]
    choices = [f"r{k}" for k in range(1, n + 1)]
    texts = {f"r{k}": pair["right"] for k, pair in enumerate(data.pairs, 1)}
    stems = {f"l{k}": pair["left"] for k, pair in enumerate(data.pairs, 1)}
    picks = [tuple(p) for p in itertools.permutations(choices)][:720]
    picks += [tuple(rng.choice(choices) for _ in rows) for _ in range(200)]   # one answer in several rows
    return [Sample(dict(zip(rows, pick)), {stems[row]: texts[r] for row, r in zip(rows, pick)}) for pick in picks]


def _plain(value: float) -> str:
    return f"{value:.10f}".rstrip("0").rstrip(".")


def _numeric(data, rng) -> list[Sample]:
    answer, tolerance, unit = data.answer, data.tolerance, data.unit
    typed = [_plain(answer), _plain(answer).replace(".", ","), "  " + _plain(answer) + " "]
    step = max(tolerance, 0.01 * max(1.0, abs(answer)))
    for value in (answer + tolerance, answer - tolerance, answer + tolerance + step, answer - tolerance - step):
        typed.append(_plain(round(value, 9)).replace(".", ","))
    out = [Sample(t, t) for t in typed]
    if abs(answer) >= 1000:
        whole, _, fraction = _plain(abs(answer)).partition(".")
        grouped = ("-" if answer < 0 else "") + f"{int(whole):,}".replace(",", " ") + ("," + fraction if fraction else "")
        out.append(Sample(grouped, grouped))
        out.append(Sample(grouped.replace(" ", polish.NBSP), grouped.replace(" ", polish.NBSP), "nbsp_grouping"))
    if answer < 0:
        minus = "\u2212" + _plain(-answer)
        out.append(Sample(minus, minus, "typographic_minus"))
    if unit:
        for text in (f"{_plain(answer)} {unit}", f"{_plain(answer)}{unit}"):
            out.append(Sample(text, text, "unit_after_number"))
    words = f"{_plain(answer)} jabłek"
    out.append(Sample(words, words, "words_after_number"))
    if answer:
        exponent = f"{answer:e}"
        out.append(Sample(exponent, exponent, "exponent"))
    return out


def _short_text(data, rng) -> list[Sample]:
    out = []
    for answer in data.answer:
        forms = {answer, answer.upper(), polish.fold(answer), polish.fold(answer).upper(), polish.plain_marks(answer),
                 " ".join(re.sub(r"[^\w\s]", " ", answer).split()), f"  {answer} "}
        out += [Sample(form, form) for form in sorted(forms)]
        words = answer.split()
        marked = [i for i, word in enumerate(words) if polish.fold(word) != word]
        if len(marked) >= 2:
            mixed = " ".join(polish.fold(w) if i == marked[0] else w for i, w in enumerate(words))
            out.append(Sample(mixed, mixed, "mixed_diacritics"))
        out.append(Sample(answer + "!", answer + "!", "extra_punctuation"))
        if len(words) > 1:
            spaced = "  ".join(words)
            out.append(Sample(spaced, spaced, "extra_spaces"))
    listed = {polish.fold_text(a) for a in data.answer}
    for first, second in itertools.combinations(data.answer, 2):
        both = f"{first} ({second})"
        if polish.fold_text(both) not in listed:
            out.append(Sample(both, both, "side_by_side"))
            break
    out.append(Sample("zzz", "zzz"))
    return out


_SAMPLES = {"single": _single, "true_false": _true_false, "multiple": _multiple, "ordering": _ordering,
            "matching": _matching, "numeric": _numeric, "short_text": _short_text}


def round_trip(questions: dict[str, Question], graded: dict[str, Graded], losses: set[str]) -> dict[str, int]:
    """Every sample of every question, scored by our engine and by Moodle from `graded`. Returns how many
    samples of each lost label differed; fails on any other difference (naming question and response)."""
    differed: dict[str, int] = {}
    problems = []
    for qid, question in questions.items():
        for sample in samples(question):
            ours, theirs = engine_score(question, sample.engine), moodle_score(graded[qid], sample.lms)
            if abs(ours - theirs) <= 1e-6:
                continue
            direction = "lower" if theirs < ours else "higher"
            if sample.label in losses and LOSS_TEXT[sample.label][0] == direction:
                differed[sample.label] = differed.get(sample.label, 0) + 1
            else:
                problems.append(f"{qid} {question.type}: {sample.lms!r}: our engine {ours:.4f}, LMS {theirs:.4f}")
    assert not problems, "\n".join(problems[:30])
    return differed


def hostile_export():
    """A small qualification and bank whose texts hold every character a format must escape (XML's
    < & > and "]]>", a comment's "--", GIFT's ~ = # { } : and backslash, Moodle's "*" wildcard and its
    "/" between categories), one question of each type and an interview item."""
    from lms.common import Export
    from selfcheck.bank import parse_bank

    odd = "<b>&amp;</b> ]]> -- ~ = # { } : \\ * / „cudzysłów”"
    qualification = {"name": f"Próba {odd}", "sets": [{
        "id": "Z1", "name": f"Zestaw {odd}/", "hours": 1,
        "outcomes": [{"id": "Z1.E1", "text": f"/Efekt {odd}", "criteria": [
            {"id": "Z1.E1.K1", "text": "pierwsze"}, {"id": "Z1.E1.K2", "text": "drugie"}]}]}]}
    common = {"prompt": f"Pytanie {odd}?", "explanation": f"Wyjaśnienie {odd}.", "reference": f"Źródło {odd}"}
    options = [{"id": "a", "text": f"Tak {odd}"}, {"id": "b", "text": f"Nie {odd}"}, {"id": "c", "text": "Może = ~"}]
    questions = [
        {"id": "Z1.E1.Q01", "type": "single", "criteria": ["Z1.E1.K1", "Z1.E1.K2"], "options": options, "answer": "a"},
        {"id": "Z1.E1.Q02", "type": "multiple", "criteria": ["Z1.E1.K1"], "options": options, "answer": ["a", "c"]},
        {"id": "Z1.E1.Q03", "type": "true_false", "criteria": ["Z1.E1.K2"], "answer": False},
        {"id": "Z1.E1.Q04", "type": "ordering", "criteria": ["Z1.E1.K1"],
         "items": [{"id": f"i{n}", "text": f"Krok {n} {odd}"} for n in range(1, 5)]},
        {"id": "Z1.E1.Q05", "type": "matching", "criteria": ["Z1.E1.K1"],
         "pairs": [{"left": f"Lewo {n} {odd}", "right": f"Prawo {n} -> {odd}"} for n in range(1, 4)]},
        {"id": "Z1.E1.Q06", "type": "numeric", "criteria": ["Z1.E1.K1"], "answer": -1234.5, "tolerance": 0.5,
         "unit": "zł"},
        {"id": "Z1.E1.Q08", "type": "matching", "criteria": ["Z1.E1.K2"],
         "pairs": [{"left": "A -> B", "right": "strzałka"}, {"left": "C", "right": "bez strzałki"}]},
        {"id": "Z1.E1.Q07", "type": "short_text", "criteria": ["Z1.E1.K2"],
         "answer": ["gwiazdka*", "A = B", "zażółć gęślą jaźń", "T – {czas}: #1 ~2"]},
    ]
    bank_file = {"outcome": "Z1.E1", "questions": [{**common, **q} for q in questions],
                 "interview": [{"id": "Z1.E1.R1", "criteria": ["Z1.E1.K1"], "question": f"Opowiedz {odd}",
                                "points": [f"punkt {odd}", "drugi punkt: <i>x</i>"]}]}
    criteria = [c["id"] for c in qualification["sets"][0]["outcomes"][0]["criteria"]]
    return Export.from_data(qualification, parse_bank([bank_file], criteria))
