"""QTI 2.1: the bank as an IMS content package, for platforms that read 1EdTech QTI 2.1 (e.g. TAO,
OpenOLAT): a zip with `imsmanifest.xml`, one assessmentItem per question and interview item
(lms/qti_items.py: how each type scores as our engine does) and one assessmentTest.

Criteria. An item's identifier is the bank's id and its title names its criteria
(`lms.common.item_name`). In the manifest each item's LOM metadata has its criteria, outcome and set
as keywords and one classification path set → outcome → criterion per criterion, so an item bank
that reads LOM can filter by criterion. The test has a section per set and per outcome (every item
once); each item reference carries its criteria, outcome and set as QTI categories, and the test adds
up `SCORE` per criterion (`SCORE_<criterion>`, with `testVariables includeCategory`), so a player
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

from .common import Export, Format, Item
from .qti_items import (LANGUAGE, QTI, QTI_SCHEMA, XML_LANG, XSI, assessment_item, clean, document, element,
                        root_element, set_outcome)

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
MD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
QTI_MD = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"
SCHEMA_LOCATION = {
    QTI: QTI_SCHEMA,
    CP: "http://www.imsglobal.org/xsd/imscp_v1p1.xsd",
    MD: "http://www.imsglobal.org/xsd/imsmd_v1p2p4.xsd",
    QTI_MD: "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_metadata_v2p1.xsd",
}
# Readable prefixes in the manifest (ElementTree knows xsi and xml already).
ET.register_namespace("imsmd", MD)
ET.register_namespace("imsqti", QTI_MD)

TEST_FILE = "test.xml"
ITEMS_FOLDER = "items"
# A zip's entries carry a date; a fixed one makes the same bank give the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9._-]")


def render(export: Export) -> bytes:
    """The content package (zip bytes) of the whole bank."""
    items = list(export.items())
    ids = identifiers([item.id for item in items])
    roots = {item.id: assessment_item(item, ids[item.id]) for item in items}
    files = {"imsmanifest.xml": document(build_manifest(export, items, ids, roots))}
    files.update((item_path(ids[item.id]), document(roots[item.id])) for item in items)
    files[TEST_FILE] = document(assessment_test(export, items, ids))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, ZIP_DATE)
            entry.external_attr = 0o644 << 16   # readable by all once unpacked (a bare ZipInfo has none)
            package.writestr(entry, data, zipfile.ZIP_DEFLATED)
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
    for original in ids:
        name, n = identifier(original), 1
        while (name if n == 1 else f"{name}-{n}") in out.values():
            n += 1
        out[original] = name if n == 1 else f"{name}-{n}"
    return out


def item_path(item_identifier: str) -> str:
    return f"{ITEMS_FOLDER}/{item_identifier}.xml"


def assessment_test(export: Export, items: list[Item], ids: dict[str, str]) -> ET.Element:
    """One test of every item: a section per set and, in it, per outcome; results in total and per criterion."""
    title = f"{export.qualification['name']} — bank pytań"
    root = root_element("assessmentTest", QTI, identifier=_package_id(export, "TEST"), title=clean(title))
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {SCHEMA_LOCATION[QTI]}")
    criteria = [c for c in export.structure.criterion_ids() if any(c in item.criteria for item in items)]
    element("outcomeDeclaration", root, identifier="SCORE", cardinality="single", baseType="float",
            normalMaximum=str(len(items)))
    for criterion in criteria:
        element("outcomeDeclaration", root, identifier=f"SCORE_{identifier(criterion)}", cardinality="single",
                baseType="float", normalMaximum=str(sum(criterion in item.criteria for item in items)))
    part = element("testPart", root, identifier="bank", navigationMode="nonlinear", submissionMode="individual")
    element("itemSessionControl", part, showFeedback="true")
    for qset in export.structure.sets:
        set_items = [item for item in items if item.category[0].id == qset["id"]]
        if not set_items:
            continue
        set_section = element("assessmentSection", part, identifier=f"SET_{identifier(qset['id'])}",
                              title=clean(set_items[0].category[0].title), visible="true")
        for outcome in qset["outcomes"]:
            outcome_items = [item for item in set_items if item.category[1].id == outcome["id"]]
            if not outcome_items:
                continue
            section = element("assessmentSection", set_section, identifier=f"OUTCOME_{identifier(outcome['id'])}",
                              title=clean(outcome_items[0].category[1].title), visible="true")
            for item in outcome_items:
                element("assessmentItemRef", section, identifier=ids[item.id], href=item_path(ids[item.id]),
                        category=" ".join(identifier(tag) for tag in item.tags))
    processing = element("outcomeProcessing", root)
    for outcome, category in [("SCORE", None)] + [(f"SCORE_{identifier(c)}", identifier(c)) for c in criteria]:
        total = element("sum")
        element("testVariables", total, variableIdentifier="SCORE",
                **({"includeCategory": category} if category else {}))
        set_outcome(processing, outcome, total)
    return root


def build_manifest(export: Export, items: list[Item], ids: dict[str, str],
                   roots: dict[str, ET.Element]) -> ET.Element:
    """The package's manifest: the test, then each item with its metadata (`roots`: the items' XML)."""
    root = root_element("manifest", CP, identifier=_package_id(export, "MANIFEST"))
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {SCHEMA_LOCATION[ns]}" for ns in (CP, MD, QTI_MD)))
    metadata = element("metadata", root)
    element("schema", metadata, "QTIv2.1 Package")
    element("schemaversion", metadata, "1.0.0")
    element("organizations", root)
    resources = element("resources", root)
    test = element("resource", resources, identifier="RES-TEST", type="imsqti_test_xmlv2p1", href=TEST_FILE)
    element("file", test, href=TEST_FILE)
    for item in items:
        element("dependency", test, identifierref=f"RES-{ids[item.id]}")
    for item in items:
        path = item_path(ids[item.id])
        resource = element("resource", resources, identifier=f"RES-{ids[item.id]}", type="imsqti_item_xmlv2p1",
                           href=path)
        _item_metadata(element("metadata", resource), export, item, roots[item.id])
        element("file", resource, href=path)
    return root


def _item_metadata(metadata: ET.Element, export: Export, item: Item, item_root: ET.Element) -> None:
    """LOM: the item's id, name and tags, and a classification path set → outcome → criterion per
    criterion; QTI metadata: its interaction and whether it has feedback and a solution."""
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
    for interaction in item_root.iter():
        if interaction.tag.endswith("Interaction"):
            ET.SubElement(qti, f"{{{QTI_MD}}}interactionType").text = interaction.tag
    ET.SubElement(qti, f"{{{QTI_MD}}}feedbackType").text = "nonadaptive"
    ET.SubElement(qti, f"{{{QTI_MD}}}solutionAvailable").text = "false" if item.interview else "true"


def _package_id(export: Export, kind: str) -> str:
    """Stable for a qualification and distinct between qualifications: a platform that keeps
    packages by identifier does not take one qualification's bank for another's."""
    digest = hashlib.sha256(export.qualification["name"].encode("utf-8")).hexdigest()[:12]
    return f"{kind}-{digest}"


def _md(name: str, parent: ET.Element, text: str | None = None) -> ET.Element:
    made = ET.SubElement(parent, f"{{{MD}}}{name}")
    if text is not None:
        made.text = clean(text)
    return made


def _langstring(parent: ET.Element, text: str, language: str = LANGUAGE) -> None:
    made = ET.SubElement(parent, f"{{{MD}}}langstring")
    made.set(XML_LANG, language)
    made.text = clean(text)


FORMAT = Format(
    name="qti", label="QTI 2.1 (pakiet IMS)", suffix="-qti.zip", render=render, media_type="application/zip",
    keeps="wszystkie typy pytań z tą samą punktacją częściową co na stronie (kolejność: udział par we właściwej "
          "kolejności), tolerancję wyniku obliczeń, pytania do rozmowy z komisją jako eseje z punktami dobrej "
          "odpowiedzi (dla oceniającego i po odpowiedzi), dobrą odpowiedź, wyjaśnienie i źródło po odpowiedzi, "
          "kryteria w nazwach, słowach kluczowych i klasyfikacji pytań, test z częściami według zestawów i efektów "
          "oraz z wynikiem według kryteriów",
    loses="w obliczeniach wpisuje się samą liczbę z kropką, np. 12.5 (strona przyjmuje też „12,5”, „1 234” i liczbę "
          "z jednostką; jednostka stoi obok pola); krótka odpowiedź jest uznawana tylko w wypisanych pisowniach "
          "(z polskimi literami albo bez nich, bez zestawień kilku odpowiedzi w nawiasie, których bank nie wymienia); "
          "punktację liczy platforma, która wykonuje przetwarzanie odpowiedzi zapisane w pytaniu (np. TAO, OpenOLAT) "
          "— inna może uznać tylko pełną poprawną odpowiedź; Moodle nie importuje QTI (dla Moodle jest plik Moodle XML)",
)
