"""One QTI 2.1 assessmentItem per question or interview item (lms/qti.py packs them), scoring as our
engine does (selfcheck/question_types), in the item's own response processing:

- single choice, true/false: 1 point for the right choice (the rule of the `match_correct` template);
- multiple choice: a mapping of +1/n for each right option ticked and −1/n for each wrong one
  (n right options), bounded to 0…1 (the `map_response` rule);
- ordering: the share of pairs of items in the right order relative to each other. QTI has no
  operator for that, so the processing reads each item's place with `index` into an outcome
  `POSITION_<item>`, adds one to `PAIRS_IN_ORDER` for each pair whose places are in order, and
  divides by the number of pairs; an incomplete order scores 0, as on the site;
- matching: a mapping of 1/n for each row matched right (directed pairs "row answer");
- numeric: `equal` with an absolute tolerance, the engine's own plus the 1e-9 it allows for rounding;
  the number is typed alone (a QTI float), the unit stands beside the field;
- short answer: a case-insensitive mapping over the spellings `lms.common.short_text_spellings` lists;
- interview: an essay (extendedTextInteraction) the teacher scores, with the good-answer points for
  the scorer (rubricBlock view="scorer") and, after the answer, for the candidate, as on the site.

The standard templates' rules are written out, not named (`responseProcessing template=…`): the same
processing then also sets the feedback, and a player needs no template file. After an answer the item
shows the right answer, the explanation and its source (modalFeedback; an interview item the
good-answer points). Every text goes into the tree
as text or an attribute, so ElementTree escapes it; characters XML cannot hold at all are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from itertools import combinations
from typing import Callable

from selfcheck.scoring import correct_answer

from .common import Item, short_text_spellings

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QTI_SCHEMA = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
LANGUAGE = "pl"
# The engine counts a numeric answer right within tolerance + 1e-9 (float rounding): the item too.
ROUNDING = 1e-9
FEEDBACK_ID = "EXPLANATION"
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def assessment_item(item: Item, item_identifier: str) -> ET.Element:
    root = root_element("assessmentItem", QTI, identifier=item_identifier, title=clean(item.name),
                        adaptive="false", timeDependent="false")
    root.set(XML_LANG, LANGUAGE)
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_SCHEMA}")
    if item.interview is not None:
        _interview(root, item)
    else:
        build = TYPES.get(item.question.type)
        if build is None:
            raise ValueError(f"{item.id}: typ pytania {item.question.type!r} nie ma jeszcze zapisu w QTI")
        build(root, item)
    _feedback(root, item)
    return root


def _single(root: ET.Element, item: Item) -> None:
    question = item.question
    _choice_item(root, item, question.data.answer, [(o["id"], o["text"]) for o in question.display()["options"]])


def _true_false(root: ET.Element, item: Item) -> None:
    _choice_item(root, item, "true" if item.question.data.answer else "false",
                 [("true", "Prawda"), ("false", "Fałsz")])


def _choice_item(root: ET.Element, item: Item, right: str, options: list[tuple[str, str]]) -> None:
    _response(root, "single", "identifier", [right])
    _outcomes(root)
    interaction = _interaction(root, "choiceInteraction", item, shuffle="false", maxChoices="1")
    for option_id, text in options:
        element("simpleChoice", interaction, clean(text), identifier=option_id)
    processing = element("responseProcessing", root)
    condition = element("responseCondition", processing)
    right_branch = element("responseIf", condition)
    match = element("match", right_branch)
    element("variable", match, identifier="RESPONSE")
    element("correct", match, identifier="RESPONSE")
    set_outcome(right_branch, "SCORE", _value("float", 1))
    set_outcome(element("responseElse", condition), "SCORE", _value("float", 0))
    _set_feedback(processing)


def _multiple(root: ET.Element, item: Item) -> None:
    data = item.question.data
    options = item.question.display()["options"]
    share = 1 / len(data.answer)
    response = _response(root, "multiple", "identifier", [o["id"] for o in options if o["id"] in data.answer])
    _mapping(response, [(o["id"], share if o["id"] in data.answer else -share) for o in options])
    _outcomes(root)
    interaction = _interaction(root, "choiceInteraction", item, shuffle="false", maxChoices="0")
    for option in options:
        element("simpleChoice", interaction, clean(option["text"]), identifier=option["id"])
    _map_response_processing(root)


def _matching(root: ET.Element, item: Item) -> None:
    shown = item.question.display()
    rows = len(shown["left"])
    # Row n's answer is "r<n>" (selfcheck/question_types/matching.py).
    pairs = [f"l{n} r{n}" for n in range(1, rows + 1)]
    response = _response(root, "multiple", "directedPair", pairs)
    _mapping(response, [(pair, 1 / rows) for pair in pairs])
    _outcomes(root)
    # Left rows keep their order and the answers are shuffled, as on the site; every row takes one
    # answer, and an answer may be chosen for several rows (the site allows it too, and scores per row).
    interaction = _interaction(root, "matchInteraction", item, shuffle="true", maxAssociations=str(rows),
                               minAssociations=str(rows))
    left, right = element("simpleMatchSet", interaction), element("simpleMatchSet", interaction)
    for row in shown["left"]:
        element("simpleAssociableChoice", left, clean(row["text"]), identifier=row["id"], matchMax="1", fixed="true")
    for answer in shown["right"]:
        element("simpleAssociableChoice", right, clean(answer["text"]), identifier=answer["id"], matchMax="0")
    _map_response_processing(root)


def _ordering(root: ET.Element, item: Item) -> None:
    ids = [entry["id"] for entry in item.question.data.items]
    pairs = list(combinations(ids, 2))     # (earlier, later) in the right order
    _response(root, "ordered", "identifier", ids)
    _outcomes(root)
    element("outcomeDeclaration", root, identifier="PAIRS_IN_ORDER", cardinality="single", baseType="integer")
    for entry_id in ids:
        element("outcomeDeclaration", root, identifier=f"POSITION_{entry_id}", cardinality="single", baseType="integer")
    # Shown in the site's fixed shuffle (never the right order), and shuffled again where a player can.
    interaction = _interaction(root, "orderInteraction", item, shuffle="true")
    for entry in item.question.display()["items"]:
        element("simpleChoice", interaction, clean(entry["text"]), identifier=entry["id"])
    processing = element("responseProcessing", root)
    complete = element("responseCondition", processing)
    all_placed = element("responseIf", complete)
    size = element("match", all_placed)
    element("variable", element("containerSize", size), identifier="RESPONSE")
    size.append(_value("integer", len(ids)))
    for place in range(1, len(ids) + 1):
        which = element("responseCondition", all_placed)
        for n, entry_id in enumerate(ids):
            branch = element("responseIf" if n == 0 else "responseElseIf", which)
            match = element("match", branch)
            element("variable", element("index", match, n=str(place)), identifier="RESPONSE")
            match.append(_value("identifier", entry_id))
            set_outcome(branch, f"POSITION_{entry_id}", _value("integer", place))
    set_outcome(all_placed, "PAIRS_IN_ORDER", _value("integer", 0))
    for earlier, later in pairs:
        in_order = element("responseIf", element("responseCondition", all_placed))
        before = element("lt", in_order)
        element("variable", before, identifier=f"POSITION_{earlier}")
        element("variable", before, identifier=f"POSITION_{later}")
        total = element("sum")
        element("variable", total, identifier="PAIRS_IN_ORDER")
        total.append(_value("integer", 1))
        set_outcome(in_order, "PAIRS_IN_ORDER", total)
    share = element("divide")
    element("variable", share, identifier="PAIRS_IN_ORDER")
    share.append(_value("float", len(pairs)))
    set_outcome(all_placed, "SCORE", share)
    set_outcome(element("responseElse", complete), "SCORE", _value("float", 0))
    _set_feedback(processing)


def _numeric(root: ET.Element, item: Item) -> None:
    data = item.question.data
    _response(root, "single", "float", [_number(data.answer)])
    _outcomes(root)
    body = element("itemBody", root)
    _paragraphs(body, item.prompt)
    line = element("p", body)
    entry = element("textEntryInteraction", line, responseIdentifier="RESPONSE", expectedLength="12")
    if data.unit:
        entry.tail = f" {clean(data.unit)}"
    element("p", body, "Wpisz samą liczbę; część ułamkową oddziel kropką (np. 12.5).")
    processing = element("responseProcessing", root)
    condition = element("responseCondition", processing)
    within = element("responseIf", condition)
    equal = element("equal", within, toleranceMode="absolute", tolerance=_number(data.tolerance + ROUNDING))
    element("variable", equal, identifier="RESPONSE")
    equal.append(_value("float", data.answer))
    set_outcome(within, "SCORE", _value("float", 1))
    set_outcome(element("responseElse", condition), "SCORE", _value("float", 0))
    _set_feedback(processing)


def _short_text(root: ET.Element, item: Item) -> None:
    answers = item.question.data.answer
    response = _response(root, "single", "string", [answers[0]])
    _mapping(response, [(spelling, 1) for spelling in short_text_spellings(answers)], case_sensitive=False)
    _outcomes(root)
    body = element("itemBody", root)
    _paragraphs(body, item.prompt)
    element("textEntryInteraction", element("p", body), responseIdentifier="RESPONSE",
            expectedLength=str(max(len(a) for a in answers)))
    _map_response_processing(root)


def _interview(root: ET.Element, item: Item) -> None:
    element("responseDeclaration", root, identifier="RESPONSE", cardinality="single", baseType="string")
    _outcomes(root)
    body = element("itemBody", root)
    rubric = element("rubricBlock", body, view="scorer")
    element("p", rubric, "Punkty dobrej odpowiedzi:")
    points = element("ul", rubric)
    for point in item.points:
        element("li", points, clean(point))
    interaction = element("extendedTextInteraction", body, responseIdentifier="RESPONSE", expectedLines="12")
    element("prompt", interaction, clean(item.prompt))
    # The teacher gives the score: the processing only shows the good-answer points, as the site does.
    _set_feedback(element("responseProcessing", root))


TYPES: dict[str, Callable[[ET.Element, Item], None]] = {
    "single": _single, "true_false": _true_false, "multiple": _multiple, "matching": _matching,
    "ordering": _ordering, "numeric": _numeric, "short_text": _short_text,
}


def _response(root: ET.Element, cardinality: str, base_type: str, right: list[str]) -> ET.Element:
    response = element("responseDeclaration", root, identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    correct = element("correctResponse", response)
    for value in right:
        element("value", correct, clean(value))
    return response


def _mapping(response: ET.Element, entries: list[tuple[str, float]], case_sensitive: bool | None = None) -> None:
    mapping = element("mapping", response, lowerBound="0", upperBound="1", defaultValue="0")
    for key, value in entries:
        entry = element("mapEntry", mapping, mapKey=clean(key), mappedValue=_number(value))
        if case_sensitive is not None:
            entry.set("caseSensitive", "true" if case_sensitive else "false")


def _outcomes(root: ET.Element) -> None:
    score = element("outcomeDeclaration", root, identifier="SCORE", cardinality="single", baseType="float",
                    normalMaximum="1")
    element("value", element("defaultValue", score), "0")
    element("outcomeDeclaration", root, identifier="FEEDBACK", cardinality="single", baseType="identifier")


def _interaction(root: ET.Element, tag: str, item: Item, **attributes: str) -> ET.Element:
    interaction = element(tag, element("itemBody", root), responseIdentifier="RESPONSE", **attributes)
    element("prompt", interaction, clean(item.prompt))
    return interaction


def _map_response_processing(root: ET.Element) -> None:
    """The `map_response` template's rule, written out (with the feedback after it)."""
    processing = element("responseProcessing", root)
    condition = element("responseCondition", processing)
    unanswered = element("responseIf", condition)
    element("variable", element("isNull", unanswered), identifier="RESPONSE")
    set_outcome(unanswered, "SCORE", _value("float", 0))
    set_outcome(element("responseElse", condition), "SCORE", element("mapResponse", identifier="RESPONSE"))
    _set_feedback(processing)


def _set_feedback(processing: ET.Element) -> None:
    """Whatever the answer, the feedback is shown after it."""
    set_outcome(processing, "FEEDBACK", _value("identifier", FEEDBACK_ID))


def _feedback(root: ET.Element, item: Item) -> None:
    """The right answer (for a question), then `item.feedback` (lms.common), a paragraph per line."""
    feedback = element("modalFeedback", root, outcomeIdentifier="FEEDBACK", identifier=FEEDBACK_ID,
                       showHide="show", title="Wyjaśnienie")
    if item.question is not None:
        element("p", feedback, f"Dobra odpowiedź: {clean(correct_answer(item.question))}")
    _paragraphs(feedback, item.feedback)


def _paragraphs(parent: ET.Element, text: str) -> None:
    for paragraph in text.splitlines():
        if paragraph.strip():
            element("p", parent, clean(paragraph))


def _value(base_type: str, value) -> ET.Element:
    return element("baseValue", None, _number(value) if base_type == "float" else str(value), baseType=base_type)


def _number(value: float) -> str:
    """A float in plain decimals, as short as it stays exact: "12.5", "0.3333333333333333",
    "0.000000001". Never with an exponent: XML Schema allows "1e-09", but a player may not (TAO's
    qti-sdk reads `tolerance="1e-09"` as the name of a variable)."""
    return format(Decimal(repr(float(value))), "f")


# --- XML ------------------------------------------------------------------------------------------

def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def root_element(name: str, namespace: str, **attributes: str) -> ET.Element:
    """A document's root, declaring `namespace` as the default; the elements under it are
    unqualified, because ElementTree cannot write a default namespace together with unqualified
    attributes."""
    return ET.Element(name, {"xmlns": namespace, **attributes})


def element(name: str, parent: ET.Element | None = None, text: str | None = None, **attributes: str) -> ET.Element:
    """An element (under `parent` when given); text and attributes are escaped by ElementTree."""
    made = ET.Element(name, attributes) if parent is None else ET.SubElement(parent, name, attributes)
    if text is not None:
        made.text = text
    return made


def set_outcome(parent: ET.Element, outcome: str, expression: ET.Element) -> None:
    element("setOutcomeValue", parent, identifier=outcome).append(expression)


def document(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
