"""The QTI 2.1 export (lms/qti.py) of the bank under test.

- The package validates against the 1EdTech schemas shipped in tests/schemas/qti/ (every item, the
  test and the manifest), offline; its manifest and its zip list the same files.
- Every question and interview item is there once, named by its id and criteria, and a teacher can
  pick items by criterion (manifest keywords and classification, test categories and results).
- Round trip: for every question and a set of sample responses, our engine's score
  (selfcheck.scoring.score) equals the score a QTI player computes from the exported item, computed
  here by tests/qti_evaluator.py from the item's XML alone.

Known losses: responses our engine accepts that a QTI item cannot take or does not list (each
sample below says which); they are checked to be accepted by the engine and never to score more in
QTI, and `FORMAT.loses` tells teachers about them.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import random
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile

import pytest
import xmlschema

from datafiles.bank import load_bank
from lms import FORMATS, Export
from lms import qti as qti_format
from lms import qti_items
from selfcheck import polish
from selfcheck.question_types import FULL, REGISTRY
from selfcheck.scoring import score
from tests.conftest import ROOT
from tests.data import DATA_DIR, QUALIFICATION
from tests.qti_evaluator import QTI, Item, Unsupported, typed_float

SCHEMAS = ROOT / "tests" / "schemas" / "qti"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
MD = "{http://www.imsglobal.org/xsd/imsmd_v1p2}"
QTI_METADATA = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"

BANK, _ = load_bank(DATA_DIR, QUALIFICATION)
EXPORT = Export.from_data(QUALIFICATION, BANK)
PACKAGE = FORMATS["qti"].render(EXPORT)
with zipfile.ZipFile(io.BytesIO(PACKAGE)) as _package:
    FILES = {name: _package.read(name) for name in _package.namelist()}
MANIFEST = ET.fromstring(FILES["imsmanifest.xml"])
TEST = ET.fromstring(FILES[qti_format.TEST_FILE])

# Each bank id's item file, as the manifest's metadata names it.
ITEM_FILES = {resource.find(f"{CP}metadata/{MD}lom/{MD}general/{MD}identifier").text: resource.get("href")
              for resource in MANIFEST.iter(f"{CP}resource") if resource.get("type") == "imsqti_item_xmlv2p1"}


# Every exported entry: its outcome and criteria, for questions and interview items alike.
ENTRIES = {**{q.id: (q.outcome, tuple(q.criteria)) for q in BANK.questions.values()},
           **{r["id"]: (r["outcome"], tuple(r["criteria"])) for r in BANK.interview.values()}}


def item_root(item_id: str) -> ET.Element:
    return ET.fromstring(FILES[ITEM_FILES[item_id]])


@pytest.fixture(scope="module")
def schemas() -> tuple[xmlschema.XMLSchema, xmlschema.XMLSchema]:
    """The QTI 2.1 schema, and the content packaging one with the QTI metadata schema beside it."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # xmlschema only warns when an import fails: fail instead
        qti = xmlschema.XMLSchema(str(SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd"), allow="local")
        package = xmlschema.XMLSchema(str(SCHEMAS / "imscp_v1p1.xsd"), allow="local",
                                      locations=[(QTI_METADATA, str(SCHEMAS / "qtiv2p1" / "imsqti_metadata_v2p1.xsd"))])
    return qti, package


# --- The package ----------------------------------------------------------------------------------

def test_the_shipped_schemas_import_only_local_files():
    for schema in SCHEMAS.rglob("*.xsd"):
        root = ET.parse(schema).getroot()
        for reference in root.iter():
            if reference.tag.rsplit("}", 1)[-1] in ("import", "include", "redefine") and reference.get("schemaLocation"):
                location = reference.get("schemaLocation")
                assert "://" not in location and (schema.parent / location).is_file(), (schema, location)


def test_every_item_and_the_test_are_valid_qti_2_1(schemas):
    qti, _ = schemas
    documents = [name for name in FILES if name != "imsmanifest.xml"]
    assert len(documents) == len(BANK.questions) + len(BANK.interview) + 1
    problems = {name: str(error) for name in documents for error in qti.iter_errors(io.BytesIO(FILES[name]))}
    assert problems == {}


def test_the_manifest_is_valid_and_every_namespace_in_it_is_checked(schemas):
    _, package = schemas
    assert list(package.iter_errors(io.BytesIO(FILES["imsmanifest.xml"]))) == []
    # The manifest's metadata is open to any namespace ("lax"): only a namespace the schemas know is checked.
    used = {element.tag[1:].split("}")[0] for element in MANIFEST.iter()}
    assert used <= set(package.maps.namespaces), used - set(package.maps.namespaces)


def test_the_schemas_refuse_what_breaks_them(schemas):
    qti, package = schemas
    item = FILES[next(iter(ITEM_FILES.values()))].replace(b'adaptive="false"', b'adaptive="no"')
    assert list(qti.iter_errors(io.BytesIO(item)))
    manifest = FILES["imsmanifest.xml"].replace(b"<imsqti:timeDependent>false<", b"<imsqti:timeDependent>no<", 1)
    assert list(package.iter_errors(io.BytesIO(manifest)))


def test_the_manifest_lists_every_file_in_the_zip_and_nothing_else():
    listed = [file.get("href") for file in MANIFEST.iter(f"{CP}file")]
    assert sorted(listed) == sorted(set(FILES) - {"imsmanifest.xml"})
    resources = {resource.get("identifier"): resource for resource in MANIFEST.iter(f"{CP}resource")}
    assert len(resources) == len(listed)
    for resource in resources.values():
        assert [file.get("href") for file in resource.findall(f"{CP}file")] == [resource.get("href")]
        for dependency in resource.findall(f"{CP}dependency"):
            assert dependency.get("identifierref") in resources


def test_the_package_is_the_same_for_the_same_bank():
    assert FORMATS["qti"].render(EXPORT) == PACKAGE


def test_every_question_type_has_a_qti_item():
    assert set(qti_items.TYPES) == set(REGISTRY)


# --- Items, criteria, feedback ----------------------------------------------------------------------

def test_every_question_and_interview_item_is_one_item_named_by_its_id_and_criteria():
    assert set(ITEM_FILES) == set(ENTRIES)
    for item_id, (_, criteria) in ENTRIES.items():
        root = item_root(item_id)
        assert root.get("identifier") == qti_format.identifier(item_id)
        assert root.get("title").startswith(item_id) and all(c in root.get("title") for c in criteria)


def test_a_teacher_can_pick_items_by_criterion_in_the_manifest():
    for resource in MANIFEST.iter(f"{CP}resource"):
        if resource.get("type") != "imsqti_item_xmlv2p1":
            continue
        lom = resource.find(f"{CP}metadata/{MD}lom")
        outcome, criteria = ENTRIES[lom.find(f"{MD}general/{MD}identifier").text]
        keywords = [k.text for k in lom.iterfind(f"{MD}general/{MD}keyword/{MD}langstring")]
        assert set(criteria) | {outcome} <= set(keywords)
        paths = [[t.text for t in path.iterfind(f"{MD}taxon/{MD}id")] for path in lom.iter(f"{MD}taxonpath")]
        assert [path[1:] for path in paths] == [[outcome, criterion] for criterion in criteria]


def test_the_test_has_every_item_once_in_its_outcomes_section_and_results_by_criterion():
    refs = list(TEST.iter(f"{QTI}assessmentItemRef"))
    assert sorted(ref.get("href") for ref in refs) == sorted(ITEM_FILES.values())
    by_file = {href: item_id for item_id, href in ITEM_FILES.items()}
    for section in TEST.iter(f"{QTI}assessmentSection"):
        for ref in section.findall(f"{QTI}assessmentItemRef"):
            outcome, criteria = ENTRIES[by_file[ref.get("href")]]
            assert section.get("title").startswith(outcome + " ")
            assert {qti_format.identifier(c) for c in criteria} <= set(ref.get("category").split())
    tested = {criterion for _, criteria in ENTRIES.values() for criterion in criteria}
    by_criterion = {variables.get("includeCategory") for variables in TEST.iter(f"{QTI}testVariables")}
    assert by_criterion == {qti_format.identifier(c) for c in tested} | {None}


def test_after_an_answer_the_item_shows_the_explanation_and_its_source():
    for question in BANK.questions.values():
        root = item_root(question.id)
        shown = Item.from_xml(FILES[ITEM_FILES[question.id]]).process(None)["FEEDBACK"]
        (feedback,) = [f for f in root.iter(f"{QTI}modalFeedback") if f.get("identifier") == shown]
        assert feedback.get("showHide") == "show" and feedback.get("outcomeIdentifier") == "FEEDBACK"
        text = " ".join(feedback.itertext())
        assert question.explanation in text and question.reference in text


def test_text_is_escaped_by_construction(schemas):
    qti, _ = schemas
    hostile = 'A <b>bold</b> & "quoted" ]]> \x1b[2J\x01 „cytat” — </prompt><!-- x -->'
    first = next(EXPORT.questions())
    item = dataclasses.replace(first, prompt=hostile, name=hostile, feedback=hostile)
    written = qti_items.document(qti_items.assessment_item(item, "ITEM"))
    assert list(qti.iter_errors(io.BytesIO(written))) == []
    root = ET.fromstring(written)
    kept = hostile.replace("\x1b", "").replace("\x01", "")
    assert root.get("title") == kept
    assert kept in {"".join(e.itertext()).strip() for e in root.iter() if e.tag in (f"{QTI}prompt", f"{QTI}p")}


def test_an_interview_item_is_an_essay_the_teacher_scores_with_its_points_for_the_scorer():
    for entry in BANK.interview.values():
        root = item_root(entry["id"])
        scored = [rule for rule in root.iter(f"{QTI}setOutcomeValue") if rule.get("identifier") == "SCORE"]
        assert scored == []
        shown = Item.from_xml(FILES[ITEM_FILES[entry["id"]]]).process("Odpowiedź kandydata.")["FEEDBACK"]
        (feedback,) = [f for f in root.iter(f"{QTI}modalFeedback") if f.get("identifier") == shown]
        assert all(point in " ".join(feedback.itertext()) for point in entry["points"])
        interaction = root.find(f"{QTI}itemBody/{QTI}extendedTextInteraction")
        assert " ".join(interaction.itertext()).strip() == entry["question"]
        (rubric,) = root.iter(f"{QTI}rubricBlock")
        assert rubric.get("view") == "scorer"
        assert [li.text for li in rubric.iter(f"{QTI}li")] == entry["points"]


# --- Round trip -------------------------------------------------------------------------------------

def samples(question) -> list[tuple[object, object, str | None]]:
    """(our engine's response, the QTI response, known loss or None) for `question`."""
    kind, data = question.type, question.data
    if kind == "single":
        return [(o["id"], o["id"], None) for o in data.options] + [(None, None, None)]
    if kind == "true_false":
        return [(True, "true", None), (False, "false", None), (None, None, None)]
    if kind == "multiple":
        ids = [o["id"] for o in data.options]
        return [(list(chosen), frozenset(chosen), None)
                for size in range(len(ids) + 1) for chosen in itertools.combinations(ids, size)]
    if kind == "ordering":
        ids = [item["id"] for item in data.items]
        if len(ids) <= 6:
            orders = [list(order) for order in itertools.permutations(ids)]
        else:
            rng = random.Random(question.id)
            swaps = [ids[:n] + [ids[n + 1], ids[n]] + ids[n + 2:] for n in range(len(ids) - 1)]
            orders = [ids, ids[::-1], *swaps, *(rng.sample(ids, len(ids)) for _ in range(300))]
        return [(order, tuple(order), None) for order in orders + [ids[:-1], []]]
    if kind == "matching":
        rows = len(data.pairs)
        rng = random.Random(question.id)
        right = {f"l{n}": f"r{n}" for n in range(1, rows + 1)}
        answers = [right, {f"l{n}": f"r{n % rows + 1}" for n in range(1, rows + 1)},
                   {f"l{n}": "r1" for n in range(1, rows + 1)}, {"l1": "r1"}, {}]
        for a, b in itertools.combinations(range(1, rows + 1), 2):
            answers.append({**right, f"l{a}": f"r{b}", f"l{b}": f"r{a}"})
        answers += [{f"l{n}": f"r{rng.randint(1, rows)}" for n in range(1, rows + 1)} for _ in range(50)]
        return [(answer, frozenset(answer.items()), None) for answer in answers]
    if kind == "numeric":
        return numeric_samples(data)
    if kind == "short_text":
        return short_text_samples(data.answer)
    raise AssertionError(f"no sample responses for the type {kind}")


def numeric_samples(data) -> list[tuple[object, object, str | None]]:
    answer, tolerance = data.answer, data.tolerance
    outside = tolerance + 1e-6 * max(1.0, abs(answer))
    # At the tolerance's ends, within the engine's allowance for rounding (1e-9) and just beyond.
    typed = [repr(answer), repr(answer + tolerance), repr(answer - tolerance), repr(answer + tolerance + 5e-10),
             repr(answer - tolerance - 5e-10), repr(answer + outside), repr(answer - outside), repr(-answer - 1),
             "+" + repr(abs(answer)), "", "abc"]
    if answer == int(answer):
        typed.append(str(int(answer)))
    out = [(text, typed_float(text), None) for text in typed]
    # As Poles type numbers, and with the unit: the site reads them, a QTI float does not.
    polish_way = polish.number(answer, decimals=10)
    if typed_float(polish_way) is None:
        out.append((polish_way, None, "liczba zapisana po polsku (przecinek, odstępy w tysiącach)"))
    if data.unit:
        out.append((f"{repr(answer)} {data.unit}", None, "liczba z jednostką"))
    if answer < 0:
        out.append(("\u2212" + repr(-answer), None, "minus typograficzny"))
    return out


def short_text_samples(answers: tuple[str, ...]) -> list[tuple[object, object, str | None]]:
    typed = ["", "zzz"]
    for answer in answers:
        without_marks = " ".join(re.sub(r"[^\w\s]", " ", answer).split())
        for spelling in (answer, polish.plain_marks(answer), without_marks):
            typed += [spelling, spelling.upper(), spelling.lower(), polish.fold(spelling), polish.fold(spelling).upper()]
    out = [(text, text, None) for text in typed]
    if len(answers) > 1:
        out.append((f"{answers[0]} ({answers[1]})", f"{answers[0]} ({answers[1]})",
                    "dobre odpowiedzi obok siebie"))
    for answer in answers:
        marked = [n for n, letter in enumerate(answer) if polish.fold(letter) != letter]
        if len(marked) > 1:  # one letter without its diacritic, the others with
            mixed = answer[:marked[0]] + polish.fold(answer[marked[0]]) + answer[marked[0] + 1:]
            out.append((mixed, mixed, "pisownia mieszana (część liter bez polskich znaków)"))
        if " " in answer:
            spaced = answer.replace(" ", "  ", 1)
            out.append((spaced, spaced, "inne odstępy niż w odpowiedzi"))
    return out


@pytest.mark.parametrize("question_id", sorted(BANK.questions))
def test_the_exported_item_scores_every_sample_as_our_engine(question_id):
    question = BANK.questions[question_id]
    item = Item.from_xml(FILES[ITEM_FILES[question_id]])
    for ours_response, qti_response, loss in samples(question):
        ours = score(question, ours_response).score
        theirs = item.process(qti_response)["SCORE"]
        if loss:
            assert ours == FULL and theirs <= ours, (loss, ours_response, ours, theirs)
        else:
            assert theirs == pytest.approx(ours, abs=1e-9), (ours_response, ours, theirs)


def test_the_known_losses_are_real_losses():
    """Each kind of loss the samples name happens on this bank where it can: the engine gives the
    point and the QTI item does not (were it not so, the loss would not need telling)."""
    found: dict[str, int] = {}
    possible: set[str] = set()
    for question in BANK.questions.values():
        item = Item.from_xml(FILES[ITEM_FILES[question.id]])
        for ours_response, qti_response, loss in samples(question):
            if loss:
                possible.add(loss)
                if item.process(qti_response)["SCORE"] < score(question, ours_response).score:
                    found[loss] = found.get(loss, 0) + 1
    assert set(found) == possible


def test_the_evaluator_refuses_what_it_does_not_know():
    question_id = next(iter(BANK.questions))
    changed = FILES[ITEM_FILES[question_id]].replace(b"<responseProcessing>", b"<responseProcessing><exitResponse />")
    with pytest.raises(Unsupported):
        Item.from_xml(changed).process(None)
