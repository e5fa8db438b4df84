"""QTI 2.1: the bank as an IMS content package (a zip with `imsmanifest.xml`, one assessmentItem per
question and interview item, and one assessmentTest), for platforms that read 1EdTech QTI 2.1.

Every item scores as our engine does (selfcheck/question_types), in its own response processing:
- single choice, true/false: 1 point for the right choice (the rule of the `match_correct` template);
- multiple choice: a mapping of +1/n for each right option ticked and −1/n for each wrong one
  (n right options), bounded to 0…1 (the `map_response` rule);
- ordering: the share of pairs of items in the right order relative to each other. QTI has no
  operator for that, so the processing reads each item's place with `index` into an outcome
  `POSITION_<item>`, adds one to `PAIRS_IN_ORDER` for each pair whose places are in order, and
  divides by the number of pairs; an incomplete order scores 0, as on the site;
- matching: a mapping of 1/n for each row matched right (directed pairs "row answer");
- numeric: `equal` with an absolute tolerance, the engine's own plus the 1e-9 it allows for rounding;
- short answer: a case-insensitive mapping over the spellings `lms.common.short_text_spellings` lists;
- interview: an essay (extendedTextInteraction) the teacher scores; the good-answer points are for
  the scorer only (rubricBlock view="scorer").
After an answer the item shows the right answer, the explanation and its source (modalFeedback).

Criteria. An item's identifier is the bank's id and its title names its criteria
(`lms.common.item_name`). In the manifest each item's LOM metadata has the criteria, outcome and set
as keywords and one classification path set → outcome → criterion per criterion, so a bank that
reads LOM can filter by criterion. The test has a section per set and per outcome (every item once);
each item reference carries its criteria, outcome and set as QTI categories, and the test adds up
`SCORE` per criterion (`SCORE_<criterion>`, with `testVariables includeCategory`), so a player
reports results by criterion and a teacher can select items by category.

What QTI cannot carry is said in `FORMAT.loses`: numbers as Poles type them ("12,5", "1 234",
"12 zł"; a QTI float takes "12.5" only, so the item says so), short answers our folding accepts
beyond the listed spellings (see `short_text_spellings`), and partial credit for ordering on a
platform that does not run the item's response processing.
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from itertools import combinations
from typing import Callable

from selfcheck.scoring import correct_answer

from . import Format
from .common import Export, Item, short_text_spellings

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
MD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
QTI_MD = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = {
    QTI: "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd",
    CP: "http://www.imsglobal.org/xsd/imscp_v1p1.xsd",
    MD: "http://www.imsglobal.org/xsd/imsmd_v1p2p4.xsd",
    QTI_MD: "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_metadata_v2p1.xsd",
}
# Readable prefixes in the manifest (ElementTree knows xsi and xml already).
ET.register_namespace("imsmd", MD)
ET.register_namespace("imsqti", QTI_MD)

LANGUAGE = "pl"
TEST_FILE = "test.xml"
ITEMS_FOLDER = "items"
# The engine counts a numeric answer right within tolerance + 1e-9 (float rounding): the item too.
ROUNDING = 1e-9
FEEDBACK_ID = "EXPLANATION"
# A zip's entries carry a date; a fixed one makes the same bank give the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9._-]")
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render(export: Export) -> bytes:
    """The content package (zip bytes) of the whole bank."""
    items = list(export.items())
    ids = identifiers([item.id for item in items])
    files: dict[str, bytes] = {}
    for item in items:
        files[item_path(ids[item.id])] = _document(assessment_item(item, ids[item.id]))
    files[TEST_FILE] = _document(assessment_test(export, items, ids))
    manifest = _document(build_manifest(export, items, ids))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in [("imsmanifest.xml", manifest), *files.items()]:
            package.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def identifier(text: str) -> str:
    """A QTI identifier (an XML NCName) for a bank id: "Z1.E1.Q04" stays as it is; other characters
    become "_", and a name that cannot start an NCName gets "_" in front."""
    name = _NOT_IN_NAME.sub("_", text)
    return name if re.match(r"[A-Za-z_]", name) else "_" + name


def identifiers(ids: list[str]) -> dict[str, str]:
    """Each id's identifier, made unique ("-2", "-3" …) should two ids differ only in characters
    an identifier cannot hold."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for original in ids:
        name, n = identifier(original), 1
        while (name if n == 1 else f"{name}-{n}") in taken:
            n += 1
        out[original] = name if n == 1 else f"{name}-{n}"
        taken.add(out[original])
    return out


def item_path(item_identifier: str) -> str:
    return f"{ITEMS_FOLDER}/{item_identifier}.xml"


# --- Items ---------------------------------------------------------------------------------------

def assessment_item(item: Item, item_identifier: str) -> ET.Element:
    root = _root("assessmentItem", QTI, identifier=item_identifier, title=_clean(item.name), adaptive="false",
              timeDependent="false")
    root.set(XML_LANG, LANGUAGE)
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {SCHEMA_LOCATION[QTI]}")
    if item.interview is not None:
        _interview(root, item)
        return root
    question = item.question
    build = TYPES.get(question.type)
    if build is None:
        raise ValueError(f"{question.id}: typ pytania {question.type!r} nie ma jeszcze zapisu w QTI")
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
        _q("simpleChoice", interaction, _clean(text), identifier=option_id)
    processing = _q("responseProcessing", root)
    condition = _q("responseCondition", processing)
    right_branch = _q("responseIf", condition)
    match = _q("match", right_branch)
    _q("variable", match, identifier="RESPONSE")
    _q("correct", match, identifier="RESPONSE")
    _set(right_branch, "SCORE", _value("float", 1))
    _set(_q("responseElse", condition), "SCORE", _value("float", 0))
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
        _q("simpleChoice", interaction, _clean(option["text"]), identifier=option["id"])
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
    left, right = _q("simpleMatchSet", interaction), _q("simpleMatchSet", interaction)
    for row in shown["left"]:
        _q("simpleAssociableChoice", left, _clean(row["text"]), identifier=row["id"], matchMax="1", fixed="true")
    for answer in shown["right"]:
        _q("simpleAssociableChoice", right, _clean(answer["text"]), identifier=answer["id"], matchMax="0")
    _map_response_processing(root)


def _ordering(root: ET.Element, item: Item) -> None:
    ids = [entry["id"] for entry in item.question.data.items]
    pairs = list(combinations(ids, 2))     # (earlier, later) in the right order
    _response(root, "ordered", "identifier", ids)
    _outcomes(root)
    _q("outcomeDeclaration", root, identifier="PAIRS_IN_ORDER", cardinality="single", baseType="integer")
    for entry_id in ids:
        _q("outcomeDeclaration", root, identifier=f"POSITION_{entry_id}", cardinality="single", baseType="integer")
    # Shown in the site's fixed shuffle (never the right order), and shuffled again where a player can.
    interaction = _interaction(root, "orderInteraction", item, shuffle="true")
    for entry in item.question.display()["items"]:
        _q("simpleChoice", interaction, _clean(entry["text"]), identifier=entry["id"])
    processing = _q("responseProcessing", root)
    complete = _q("responseCondition", processing)
    all_placed = _q("responseIf", complete)
    size = _q("match", all_placed)
    _q("variable", _q("containerSize", size), identifier="RESPONSE")
    size.append(_value("integer", len(ids)))
    for place in range(1, len(ids) + 1):
        which = _q("responseCondition", all_placed)
        for n, entry_id in enumerate(ids):
            branch = _q("responseIf" if n == 0 else "responseElseIf", which)
            match = _q("match", branch)
            _q("variable", _q("index", match, n=str(place)), identifier="RESPONSE")
            match.append(_value("identifier", entry_id))
            _set(branch, f"POSITION_{entry_id}", _value("integer", place))
    _set(all_placed, "PAIRS_IN_ORDER", _value("integer", 0))
    for earlier, later in pairs:
        in_order = _q("responseIf", _q("responseCondition", all_placed))
        before = _q("lt", in_order)
        _q("variable", before, identifier=f"POSITION_{earlier}")
        _q("variable", before, identifier=f"POSITION_{later}")
        total = ET.Element(_tag("sum"))
        _q("variable", total, identifier="PAIRS_IN_ORDER")
        total.append(_value("integer", 1))
        _set(in_order, "PAIRS_IN_ORDER", total)
    share = ET.Element(_tag("divide"))
    _q("variable", share, identifier="PAIRS_IN_ORDER")
    share.append(_value("float", len(pairs)))
    _set(all_placed, "SCORE", share)
    _set(_q("responseElse", complete), "SCORE", _value("float", 0))
    _set_feedback(processing)


def _numeric(root: ET.Element, item: Item) -> None:
    data = item.question.data
    _response(root, "single", "float", [_number(data.answer)])
    _outcomes(root)
    body = _q("itemBody", root)
    _paragraphs(body, item.prompt)
    line = _q("p", body)
    entry = _q("textEntryInteraction", line, responseIdentifier="RESPONSE", expectedLength="12")
    if data.unit:
        entry.tail = f" {_clean(data.unit)}"
    _q("p", body, "Wpisz samą liczbę, część ułamkową po kropce (np. 12.5).")
    processing = _q("responseProcessing", root)
    condition = _q("responseCondition", processing)
    within = _q("responseIf", condition)
    equal = _q("equal", within, toleranceMode="absolute", tolerance=_number(data.tolerance + ROUNDING))
    _q("variable", equal, identifier="RESPONSE")
    equal.append(_value("float", data.answer))
    _set(within, "SCORE", _value("float", 1))
    _set(_q("responseElse", condition), "SCORE", _value("float", 0))
    _set_feedback(processing)


def _short_text(root: ET.Element, item: Item) -> None:
    answers = item.question.data.answer
    response = _response(root, "single", "string", [answers[0]])
    _mapping(response, [(spelling, 1) for spelling in short_text_spellings(answers)], case_sensitive=False)
    _outcomes(root)
    body = _q("itemBody", root)
    _paragraphs(body, item.prompt)
    _q("textEntryInteraction", _q("p", body), responseIdentifier="RESPONSE",
       expectedLength=str(max(len(a) for a in answers)))
    _map_response_processing(root)


def _interview(root: ET.Element, item: Item) -> None:
    _q("responseDeclaration", root, identifier="RESPONSE", cardinality="single", baseType="string")
    # Scored by the teacher: no response processing sets it.
    _outcomes(root, feedback=False)
    body = _q("itemBody", root)
    rubric = _q("rubricBlock", body, view="scorer")
    _q("p", rubric, "Punkty dobrej odpowiedzi:")
    points = _q("ul", rubric)
    for point in item.points:
        _q("li", points, _clean(point))
    interaction = _q("extendedTextInteraction", body, responseIdentifier="RESPONSE", expectedLines="12")
    _q("prompt", interaction, _clean(item.prompt))


TYPES: dict[str, Callable[[ET.Element, Item], None]] = {
    "single": _single, "true_false": _true_false, "multiple": _multiple, "matching": _matching,
    "ordering": _ordering, "numeric": _numeric, "short_text": _short_text,
}


def _response(root: ET.Element, cardinality: str, base_type: str, right: list[str]) -> ET.Element:
    response = _q("responseDeclaration", root, identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    correct = _q("correctResponse", response)
    for value in right:
        _q("value", correct, _clean(value))
    return response


def _mapping(response: ET.Element, entries: list[tuple[str, float]], case_sensitive: bool | None = None) -> None:
    mapping = _q("mapping", response, lowerBound="0", upperBound="1", defaultValue="0")
    for key, value in entries:
        entry = _q("mapEntry", mapping, mapKey=_clean(key), mappedValue=_number(value))
        if case_sensitive is not None:
            entry.set("caseSensitive", "true" if case_sensitive else "false")


def _outcomes(root: ET.Element, feedback: bool = True) -> None:
    score = _q("outcomeDeclaration", root, identifier="SCORE", cardinality="single", baseType="float",
               normalMaximum="1")
    _q("value", _q("defaultValue", score), "0")
    if feedback:
        _q("outcomeDeclaration", root, identifier="FEEDBACK", cardinality="single", baseType="identifier")


def _interaction(root: ET.Element, tag: str, item: Item, **attributes: str) -> ET.Element:
    interaction = _q(tag, _q("itemBody", root), responseIdentifier="RESPONSE", **attributes)
    _q("prompt", interaction, _clean(item.prompt))
    return interaction


def _map_response_processing(root: ET.Element) -> None:
    """The `map_response` template's rule, written out (with the feedback after it)."""
    processing = _q("responseProcessing", root)
    condition = _q("responseCondition", processing)
    unanswered = _q("responseIf", condition)
    _q("variable", _q("isNull", unanswered), identifier="RESPONSE")
    _set(unanswered, "SCORE", _value("float", 0))
    mapped = ET.Element(_tag("mapResponse"), identifier="RESPONSE")
    _set(_q("responseElse", condition), "SCORE", mapped)
    _set_feedback(processing)


def _set_feedback(processing: ET.Element) -> None:
    """Whatever the answer, the feedback is shown after it."""
    _set(processing, "FEEDBACK", _value("identifier", FEEDBACK_ID))


def _feedback(root: ET.Element, item: Item) -> None:
    feedback = _q("modalFeedback", root, outcomeIdentifier="FEEDBACK", identifier=FEEDBACK_ID, showHide="show",
                  title="Wyjaśnienie")
    _q("p", feedback, f"Dobra odpowiedź: {_clean(correct_answer(item.question))}")
    _paragraphs(feedback, item.feedback)


def _paragraphs(parent: ET.Element, text: str) -> None:
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            _q("p", parent, _clean(paragraph))


def _set(parent: ET.Element, outcome: str, expression: ET.Element) -> None:
    _q("setOutcomeValue", parent, identifier=outcome).append(expression)


def _value(base_type: str, value) -> ET.Element:
    element = ET.Element(_tag("baseValue"), baseType=base_type)
    element.text = _number(value) if isinstance(value, (int, float)) and base_type == "float" else str(value)
    return element


def _number(value: float) -> str:
    """A float as XML Schema writes one: "12.5", "0.3333333333333333", "1e-09"."""
    return repr(float(value))


# --- The test and the manifest --------------------------------------------------------------------

def assessment_test(export: Export, items: list[Item], ids: dict[str, str]) -> ET.Element:
    title = f"{export.qualification['name']} — bank pytań"
    root = _root("assessmentTest", QTI, identifier=_package_id(export, "TEST"), title=_clean(title))
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {SCHEMA_LOCATION[QTI]}")
    criteria = [c for c in export.structure.criterion_ids() if any(c in item.criteria for item in items)]
    _q("outcomeDeclaration", root, identifier="SCORE", cardinality="single", baseType="float",
       normalMaximum=str(len(items)))
    for criterion in criteria:
        count = sum(criterion in item.criteria for item in items)
        _q("outcomeDeclaration", root, identifier=f"SCORE_{identifier(criterion)}", cardinality="single",
           baseType="float", normalMaximum=str(count))
    part = _q("testPart", root, identifier="bank", navigationMode="nonlinear", submissionMode="individual")
    _q("itemSessionControl", part, showFeedback="true")
    for qset in export.structure.sets:
        set_items = [item for item in items if item.category[0].id == qset["id"]]
        if not set_items:
            continue
        set_section = _q("assessmentSection", part, identifier=f"SET_{identifier(qset['id'])}",
                         title=_clean(set_items[0].category[0].title), visible="true")
        for outcome in qset["outcomes"]:
            outcome_items = [item for item in set_items if item.category[1].id == outcome["id"]]
            if not outcome_items:
                continue
            section = _q("assessmentSection", set_section, identifier=f"OUTCOME_{identifier(outcome['id'])}",
                         title=_clean(outcome_items[0].category[1].title), visible="true")
            for item in outcome_items:
                _q("assessmentItemRef", section, identifier=ids[item.id], href=item_path(ids[item.id]),
                   category=" ".join(identifier(tag) for tag in item.tags))
    processing = _q("outcomeProcessing", root)
    total = ET.Element(_tag("sum"))
    _q("testVariables", total, variableIdentifier="SCORE")
    _set(processing, "SCORE", total)
    for criterion in criteria:
        by_criterion = ET.Element(_tag("sum"))
        _q("testVariables", by_criterion, variableIdentifier="SCORE", includeCategory=identifier(criterion))
        _set(processing, f"SCORE_{identifier(criterion)}", by_criterion)
    return root


def build_manifest(export: Export, items: list[Item], ids: dict[str, str]) -> ET.Element:
    root = _root("manifest", CP, identifier=_package_id(export, "MANIFEST"))
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {SCHEMA_LOCATION[ns]}" for ns in (CP, MD, QTI_MD)))
    metadata = _cp("metadata", root)
    _cp("schema", metadata, "QTIv2.1 Package")
    _cp("schemaversion", metadata, "1.0.0")
    _cp("organizations", root)
    resources = _cp("resources", root)
    test = _cp("resource", resources, identifier="RES-TEST", type="imsqti_test_xmlv2p1", href=TEST_FILE)
    _cp("file", test, href=TEST_FILE)
    for item in items:
        _cp("dependency", test, identifierref=f"RES-{ids[item.id]}")
    for item in items:
        path = item_path(ids[item.id])
        resource = _cp("resource", resources, identifier=f"RES-{ids[item.id]}", type="imsqti_item_xmlv2p1",
                       href=path)
        _item_metadata(_cp("metadata", resource), export, item)
        _cp("file", resource, href=path)
    return root


def _item_metadata(metadata: ET.Element, export: Export, item: Item) -> None:
    lom = _md("lom", metadata)
    general = _md("general", lom)
    _md("identifier", general, item.id)
    _langstring(_md("title", general), item.name)
    _md("language", general, LANGUAGE)
    for tag in item.tags:
        _langstring(_md("keyword", general), tag)
    classification = _md("classification", lom)
    purpose = _md("purpose", classification)
    _langstring(_md("source", purpose), "LOMv1.0", "x-none")
    _langstring(_md("value", purpose), "Educational Objective", "x-none")
    set_level, outcome_level = item.category
    for criterion in item.criteria:
        path = _md("taxonpath", classification)
        _langstring(_md("source", path), export.qualification["name"])
        for level_id, text in ((set_level.id, set_level.text), (outcome_level.id, outcome_level.text),
                               (criterion, export.structure.criterion(criterion)["text"])):
            taxon = _md("taxon", path)
            _md("id", taxon, level_id)
            _langstring(_md("entry", taxon), text)
    qti = ET.SubElement(metadata, f"{{{QTI_MD}}}qtiMetadata")
    ET.SubElement(qti, f"{{{QTI_MD}}}timeDependent").text = "false"
    ET.SubElement(qti, f"{{{QTI_MD}}}interactionType").text = _interaction_type(item)
    ET.SubElement(qti, f"{{{QTI_MD}}}feedbackType").text = "none" if item.interview else "nonadaptive"
    ET.SubElement(qti, f"{{{QTI_MD}}}solutionAvailable").text = "false" if item.interview else "true"


_INTERACTIONS = {"single": "choiceInteraction", "true_false": "choiceInteraction", "multiple": "choiceInteraction",
                 "matching": "matchInteraction", "ordering": "orderInteraction", "numeric": "textEntryInteraction",
                 "short_text": "textEntryInteraction"}


def _interaction_type(item: Item) -> str:
    return "extendedTextInteraction" if item.interview else _INTERACTIONS[item.question.type]


def _package_id(export: Export, kind: str) -> str:
    """Stable for a qualification and distinct between qualifications: a platform that keeps
    packages by identifier does not take one qualification's bank for another's."""
    digest = hashlib.sha256(export.qualification["name"].encode("utf-8")).hexdigest()[:12]
    return f"{kind}-{digest}"


# --- XML ------------------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _tag(name: str) -> str:
    # Unqualified: the document's root declares its namespace as the default (`_root`), because
    # ElementTree cannot write a default namespace together with unqualified attributes.
    return name


def _root(name: str, namespace: str, **attributes: str) -> ET.Element:
    root = ET.Element(name, {"xmlns": namespace, **attributes})
    return root


def _q(name: str, parent: ET.Element | None = None, text: str | None = None, **attributes: str) -> ET.Element:
    """A QTI element (under `parent` when given); text and attributes are escaped by ElementTree."""
    element = ET.Element(_tag(name), attributes) if parent is None else ET.SubElement(parent, _tag(name), attributes)
    if text is not None:
        element.text = text
    return element


def _cp(name: str, parent: ET.Element, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, name, attributes)
    if text is not None:
        element.text = text
    return element


def _md(name: str, parent: ET.Element, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{MD}}}{name}")
    if text is not None:
        element.text = _clean(text)
    return element


def _langstring(parent: ET.Element, text: str, language: str = LANGUAGE) -> None:
    element = ET.SubElement(parent, f"{{{MD}}}langstring")
    element.set(XML_LANG, language)
    element.text = _clean(text)


def _document(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


FORMAT = Format(
    name="qti",
    label="QTI 2.1 (pakiet IMS)",
    suffix="-qti.zip",
    render=render,
    keeps=("wszystkie typy pytań z punktacją częściową jak na stronie (wielokrotny wybór, kolejność: udział par "
           "we właściwej kolejności, dopasowanie), tolerancję wyniku obliczeń, pisownię krótkiej odpowiedzi "
           "bez polskich znaków i bez znaków przestankowych, pytania do rozmowy z komisją jako wypracowania "
           "z punktami dobrej odpowiedzi widocznymi tylko dla oceniającego, dobrą odpowiedź, wyjaśnienie "
           "i źródło po odpowiedzi, kryteria w nazwach, słowach kluczowych i klasyfikacji pytań, test "
           "z częściami według zestawów i efektów oraz wynikiem według kryteriów"),
    loses=("liczby wpisane po polsku: w obliczeniach wpisuje się samą liczbę z kropką (strona przyjmuje też "
           "„12,5”, „1 234” i liczbę z jednostką), jednostka stoi obok pola; krótkie odpowiedzi, które strona "
           "uznaje poza wypisanymi pisowniami (np. dwie dobre odpowiedzi obok siebie, pisownia mieszana); "
           "punktację częściową kolejności liczy tylko platforma, która wykonuje przetwarzanie odpowiedzi "
           "QTI 2.1 zapisane w pytaniu (np. TAO, OpenOLAT), inne mogą uznać tylko pełną poprawną odpowiedź"),
    media_type="application/zip",
)
