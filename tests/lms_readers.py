"""Exported files read back as the LMS reads them, for the round-trip tests (tests/lms_grading.py grades
what these return):

- Moodle XML as Moodle's import reads it (qformat_xml, question/format/xml/format.php, and each
  question type's import_from_xml): `moodle_import`;
- GIFT parsed by a real GIFT parser, gift-pegjs from npm (tests/js/gift_parse.mjs), then read as
  Moodle's GIFT import makes questions of it (question/format/gift/format.php): `gift_questions`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.lms_grading import Graded

ROOT = Path(__file__).resolve().parent.parent
GIFT_PARSER = ROOT / "tests" / "js" / "gift_parse.mjs"

# qtype_ordering's grading types by the names its import reads (questiontype.php, set_layout_select_count_grading).
ORDERING_GRADING = {"ALL_OR_NOTHING": -1, "ABSOLUTE_POSITION": 0, "RELATIVE_NEXT_EXCLUDE_LAST": 1,
                    "RELATIVE_NEXT_INCLUDE_LAST": 2, "RELATIVE_ONE_PREVIOUS_AND_NEXT": 3,
                    "RELATIVE_ALL_PREVIOUS_AND_NEXT": 4, "LONGEST_ORDERED_SUBSET": 5, "LONGEST_CONTIGUOUS_SUBSET": 6,
                    "RELATIVE_TO_CORRECT": 7}


def text(element: ET.Element | None, default: str = "") -> str:
    """qformat_xml::getpath(…, istext): the <text> of an element, trimmed."""
    found = element.find("text") if element is not None else None
    return (found.text or "").strip() if found is not None else default


def value(question: ET.Element, tag: str, default: str) -> str:
    found = question.find(tag)
    return (found.text or "").strip() if found is not None else default


def trans_single(word: str) -> bool:
    """qformat_xml::trans_single."""
    word = word.strip()
    return not (word == "false" or not word or word == "0")


def split_category_path(path: str) -> list[str]:
    """qformat_default::split_category_path ("//" is a "/" within a name)."""
    return [name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", path)]


def moodle_import(data: bytes) -> list[dict]:
    """Every question of the file as Moodle's import makes it: its category, name, idnumber, tags, type,
    settings, and what it grades with (Graded)."""
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    category: list[str] = []
    imported = []
    for question in root.findall("question"):
        kind = question.get("type")
        if kind == "category":
            category = split_category_path(text(question.find("category")))
            continue
        entry = {"type": kind, "category": category, "name": text(question.find("name")),
                 "idnumber": value(question, "idnumber", ""), "questiontext": text(question.find("questiontext")),
                 "generalfeedback": text(question.find("generalfeedback")),
                 "tags": [text(tag) for tag in question.findall("tags/tag")], "settings": {}}
        answers = [(text(a), float(a.get("fraction", "0")) / 100, a) for a in question.findall("answer")]
        graded = Graded(kind=kind, name=entry["name"])
        settings = entry["settings"]
        if kind == "multichoice":
            graded.kind = "choice"
            graded.single = trans_single(value(question, "single", "true"))
            settings["shuffleanswers"] = trans_single(value(question, "shuffleanswers", "false"))
            settings["answernumbering"] = value(question, "answernumbering", "abc") or "abc"
            graded.answers = [(t, f) for t, f, _ in answers]
        elif kind == "truefalse":
            for answer_text, _, answer in answers:   # import_truefalse: the answer is read from the fractions
                if answer_text == "true":
                    graded.right = answer.get("fraction") == "100"
                else:
                    graded.right = answer.get("fraction") != "100"
        elif kind == "shortanswer":
            graded.ignore_case = value(question, "usecase", "0") in ("0", "")
            graded.answers = [(t, f) for t, f, _ in answers]
        elif kind == "numerical":
            graded.numbers = [(float(t), float(value(a, "tolerance", "0")), f) for t, f, a in answers]
            units = question.findall("units/unit")
            graded.units = {value(u, "unit_name", ""): float(value(u, "multiplier", "1")) for u in units}
            showunits = int(value(question, "showunits", "0" if units else "3"))
            graded.unit_typed = showunits == 0   # qtype_numerical::UNITINPUT
            settings["unitgradingtype"] = int(value(question, "unitgradingtype", "0"))
        elif kind == "matching":
            settings["shuffleanswers"] = trans_single(value(question, "shuffleanswers", "1"))
            graded.pairs = [(text(sub), text(sub.find("answer"))) for sub in question.findall("subquestion")]
        elif kind == "ordering":
            grading = value(question, "gradingtype", "RELATIVE")
            settings.update(layouttype=value(question, "layouttype", "VERTICAL"),
                            selecttype=value(question, "selecttype", "RANDOM"),
                            selectcount=int(value(question, "selectcount", "6")),
                            gradingtype=ORDERING_GRADING.get(grading.upper(), 1))
            graded.items = [t for t, _, _ in answers]   # import_from_xml: the answers' order is the right order
            graded.ordering_grading = settings["gradingtype"]
        elif kind == "essay":
            graded.graderinfo = text(question.find("graderinfo"))
            settings["graderinfo_format"] = question.find("graderinfo").get("format")
        entry["fractions"] = [f for _, f, _ in answers]
        entry["graded"] = graded
        imported.append(entry)
    return imported


def parse_gift(path: Path) -> list[dict]:
    """gift-pegjs's reading of the GIFT file at `path`; fails with the parser's line and column."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run the GIFT parser (gift-pegjs)"
    run = subprocess.run([node, str(GIFT_PARSER), str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


# gift-pegjs 1.0.2 leaves Moodle's placeholders for escaped characters in a matching row's answer
# (it forgets qformat_gift::escapedchar_post there); Moodle restores them, and so does the reader.
_PLACEHOLDERS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~",
                 "&&010": "\n", "&&092;": "\\"}


def gift_questions(parsed: list[dict]) -> list[dict]:
    """The parsed questions as Moodle's GIFT import makes them: category, name, idnumber, tags, type,
    and what they grade with."""
    category: list[str] = []
    out = []
    for question in parsed:
        kind = question["type"]
        if kind == "Category":
            category = split_category_path(question["title"])
            continue
        graded = Graded(kind=kind, name=question["title"])
        choices = question.get("choices") or []
        if kind == "MC":
            graded.kind = "choice"
            # qformat_gift: a question with an "=" answer has one right answer, else several.
            graded.single = any(choice["isCorrect"] for choice in choices)
            graded.answers = [(c["text"]["text"], 1.0 if c["isCorrect"] else (c["weight"] or 0) / 100) for c in choices]
        elif kind == "TF":
            graded.kind, graded.right = "truefalse", question["isTrue"]
        elif kind == "Short":
            graded.kind = "shortanswer"
            graded.answers = [(c["text"]["text"], 1.0 if c["weight"] is None else c["weight"] / 100) for c in choices]
        elif kind == "Numerical":
            graded.kind = "numerical"
            graded.numbers = [(choices["number"], choices.get("range") or 0.0, 1.0)]
            graded.unit_typed = False   # no units: Moodle's import sets showunits to UNITNONE
        elif kind == "Matching":
            graded.kind = "matching"
            graded.pairs = [(pair["subquestion"]["text"], _restored(pair["subanswer"])) for pair in question["matchPairs"]]
        elif kind == "Essay":
            graded.kind = "essay"
        out.append({"category": category, "id": question.get("id"), "tags": question.get("tags") or [],
                    "stem": question["stem"], "feedback": (question.get("globalFeedback") or {}).get("text", ""),
                    "choices": choices, "graded": graded})
    return out


def _restored(text: str) -> str:
    return re.sub("|".join(map(re.escape, _PLACEHOLDERS)), lambda m: _PLACEHOLDERS[m.group()], text)
