"""Moodle XML (qformat_xml) of the whole bank: every question with our partial credit, interview
items as essays, categories set → outcome, criteria as tags.

How each type maps, and why (Moodle's import and grading code, question/format/xml/format.php and
question/type/*/question.php, is what the tests re-enact):
- single → multichoice, one answer 100%; true_false → truefalse;
- multiple → multichoice with single=false: each right option +100/n %, each wrong one −100/n %
  (n right options). Moodle adds the ticked options' fractions and keeps the sum within 0…1, which is
  our (right − wrong) ÷ n, at least 0. 1/n for n ≤ 6 is on Moodle's list of allowed grades, so the
  import's "match grades" check passes; the values have Moodle's 7 decimals (3 × 33.33333% = 99.99999%,
  which Moodle's own check of a multichoice question's total rounds to 100%);
- ordering → qtype_ordering (core since Moodle 4.4) with gradingtype RELATIVE_ALL_PREVIOUS_AND_NEXT:
  for every item, the items before and after it that stand on the right side of it, over all of
  them, which counts each pair twice, so it is our share of pairs in the right order;
- matching → matching: the share of rows matched, as ours;
- numeric → numerical with the tolerance, the unit (multiplier 1) typed in the answer field and not
  graded, as ours (the unit may be left out);
- short_text → shortanswer, case ignored, with the spellings of lms.common.short_text_spellings;
- interview items → essay: the good-answer points are the grader's information and the general
  feedback (the site shows them after an answer too).

Texts are plain text (format "plain_text"), which Moodle shows escaped, with line breaks; the
grader's information is a small HTML list built as elements. Shown as on the site: options in the
bank's order without letters, matching rows in the bank's order (Moodle always shuffles the
choices, as the site does), ordering items shuffled (Moodle always does).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .common import Category, Export, Format, Item, short_text_spellings

PLAIN = {"format": "plain_text"}
# qtype_ordering's grading mode that is our pairwise rule (see above).
ORDERING_GRADING = "RELATIVE_ALL_PREVIOUS_AND_NEXT"


def render(export: Export) -> bytes:
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" Bank pytań: {_comment_text(export.qualification['name'])}. Import: Bank pytań → "
                           "Importuj → format „Moodle XML”. "))
    current: tuple[Category, ...] = ()
    for item in export.items():
        if item.category != current:
            quiz.append(_category(item.category))
            current = item.category
        quiz.append(_essay(item) if item.interview else _question(item))
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="UTF-8", xml_declaration=True) + b"\n"


def category_path(path: tuple[Category, ...]) -> str:
    """ "$course$/top/Z1 …/Z1.E1 …": Moodle splits on "/", so a "/" in a name is written "//" (and a name
    may not start or end with one: a space keeps it apart), as qformat_default::assemble_category_path."""
    names = []
    for level in path:
        name = level.title.replace("/", "//")
        names.append((" " if name.startswith("/") else "") + name + (" " if name.endswith("/") else ""))
    return "/".join(["$course$", "top", *names])


def _category(path: tuple[Category, ...]) -> ET.Element:
    question = ET.Element("question", type="category")
    _text(ET.SubElement(question, "category"), category_path(path))
    _text(ET.SubElement(question, "info", PLAIN), path[-1].text)
    return question


def _question(item: Item) -> ET.Element:
    question = item.question
    element = _head(item, TYPES[question.type][0])
    TYPES[question.type][1](element, question.data)
    return element


def _head(item: Item, moodle_type: str) -> ET.Element:
    element = ET.Element("question", type=moodle_type)
    _text(ET.SubElement(element, "name"), item.name)
    _text(ET.SubElement(element, "questiontext", PLAIN), item.prompt)
    _text(ET.SubElement(element, "generalfeedback", PLAIN), item.feedback)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = item.id
    tags = ET.SubElement(element, "tags")
    for tag in item.tags:
        _text(ET.SubElement(tags, "tag"), tag)
    return element


def _choices(element: ET.Element, single: bool) -> None:
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "false"
    ET.SubElement(element, "answernumbering").text = "none"
    ET.SubElement(element, "showstandardinstruction").text = "0"


def _single(element: ET.Element, data) -> None:
    _choices(element, single=True)
    for option in data.options:
        _answer(element, 1.0 if option["id"] == data.answer else 0.0, option["text"])


def _multiple(element: ET.Element, data) -> None:
    _choices(element, single=False)
    share = 1 / len(data.answer)
    for option in data.options:
        _answer(element, share if option["id"] in data.answer else -share, option["text"])


def _true_false(element: ET.Element, data) -> None:
    for value in (True, False):
        # Moodle reads the words "true" and "false" (never translated) to know which answer is which.
        _answer(element, 1.0 if value is data.answer else 0.0, "true" if value else "false")


def _ordering(element: ET.Element, data) -> None:
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(data.items))),
                       ("gradingtype", ORDERING_GRADING), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        ET.SubElement(element, tag).text = value
    for position, item in enumerate(data.items, 1):
        # The order of the answers is the right order; the fraction only numbers them, as Moodle's export does.
        _text(ET.SubElement(element, "answer", {"fraction": str(position), **PLAIN}), item["text"])


def _matching(element: ET.Element, data) -> None:
    ET.SubElement(element, "shuffleanswers").text = "false"
    for pair in data.pairs:
        row = ET.SubElement(element, "subquestion", PLAIN)
        _text(row, pair["left"])
        _text(ET.SubElement(row, "answer"), pair["right"])


def _numeric(element: ET.Element, data) -> None:
    answer = _answer(element, 1.0, number(data.answer))
    ET.SubElement(answer, "tolerance").text = number(data.tolerance)
    if data.unit:
        unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = data.unit
    # The unit is typed after the number (showunits 0, "UNITINPUT") and never graded (unitgradingtype 0).
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0"), ("showunits", "0"), ("unitsleft", "0")):
        ET.SubElement(element, tag).text = value


def _short_text(element: ET.Element, data) -> None:
    ET.SubElement(element, "usecase").text = "0"
    for spelling in short_text_spellings(data.answer):
        _answer(element, 1.0, wildcard_escaped(spelling))


def _essay(item: Item) -> ET.Element:
    element = _head(item, "essay")
    for tag, value in (("responseformat", "plain"), ("responserequired", "1"), ("responsefieldlines", "10"),
                       ("attachments", "0"), ("attachmentsrequired", "0")):
        ET.SubElement(element, tag).text = value
    heading, listing = ET.Element("p"), ET.Element("ul")
    heading.text = "Dobra odpowiedź obejmuje:"
    for point in item.points:
        ET.SubElement(listing, "li").text = point
    # The HTML is built as elements too, then kept as the text Moodle reads: escaped by construction twice.
    html = "".join(ET.tostring(part, encoding="unicode") for part in (heading, listing))
    _text(ET.SubElement(element, "graderinfo", format="html"), html)
    _text(ET.SubElement(element, "responsetemplate", format="plain_text"), "")
    return element


def _answer(element: ET.Element, fraction: float, text: str) -> ET.Element:
    answer = ET.SubElement(element, "answer", {"fraction": percent(fraction), **PLAIN})
    _text(answer, text)
    return answer


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value


def percent(fraction: float) -> str:
    """A fraction as Moodle writes it in the file: per cent, with the 7 decimals of Moodle's list of
    grades ("33.33333", "-16.66667", "100", "0")."""
    value = round(round(fraction, 7) * 100, 5)
    return f"{value:.5f}".rstrip("0").rstrip(".") if value else "0"


def number(value: float) -> str:
    """A number as Moodle's answer field reads it: a dot, no exponent, no needless ".0"."""
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def wildcard_escaped(text: str) -> str:
    """A shortanswer's answer: "*" is Moodle's wildcard, "\\*" a star."""
    return text.replace("*", "\\*")


def _comment_text(text: str) -> str:
    # An XML comment may not hold "--".
    return text.replace("--", "- -")


# Each type of the bank: Moodle's question type and what fills it.
TYPES = {
    "single": ("multichoice", _single),
    "multiple": ("multichoice", _multiple),
    "true_false": ("truefalse", _true_false),
    "ordering": ("ordering", _ordering),
    "matching": ("matching", _matching),
    "numeric": ("numerical", _numeric),
    "short_text": ("shortanswer", _short_text),
}


FORMAT = Format(
    name="moodle", label="Moodle XML", suffix="-moodle.xml", render=render, media_type="application/xml",
    keeps="wszystkie typy pytań z tą samą punktacją częściową co na stronie (kolejność jako pytanie typu "
          "„Ordering”, w Moodle od wersji 4.4), pytania do rozmowy z komisją jako eseje z punktami dobrej "
          "odpowiedzi (w informacji dla oceniającego i w informacji zwrotnej po odpowiedzi), wyjaśnienia i źródła jako informację zwrotną, kategorie (zestaw → efekt) "
          "i tagi z identyfikatorami kryteriów",
    loses="krótka odpowiedź jest uznawana tylko w wypisanych pisowniach (z polskimi literami albo bez nich, "
          "bez zestawień kilku odpowiedzi w nawiasie, których bank nie wymienia); liczba zapisana z twardą spacją "
          "albo ze znakiem „−” nie jest czytana",
)
