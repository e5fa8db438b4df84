"""A broken data file stops the build with a message naming the file, line, field and problem.

The edits below apply to a frozen copy of the data (tests/fixtures/validator/), not to the
qualification the site publishes: these tests check the validator, whatever the data is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.glossary import load_glossary
from datafiles.problems import DataError
from datafiles.qualification import load_qualification
from tests.conftest import ROOT, run_mkdocs_build

FROZEN = ROOT / "tests" / "fixtures" / "validator"
ORIGINAL = (FROZEN / "qualification.yaml").read_text(encoding="utf-8")


def edited(old: str, new: str, text: str = ORIGINAL) -> str:
    assert text.count(old) == 1, f"the test's anchor text must occur once: {old!r}"
    return text.replace(old, new)


def line_of(text: str, marker: str | tuple[str, int]) -> int:
    """1-based line of the first line containing `marker` (or (marker, offset from that line))."""
    marker, offset = marker if isinstance(marker, tuple) else (marker, 0)
    return next(n for n, line in enumerate(text.splitlines(), 1) if marker in line) + offset


def problems_for(tmp_path: Path, text: str) -> list:
    path = tmp_path / "qualification.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_qualification(path)
    return caught.value.problems


# (case id, old text, new text, marker on the expected line (or marker and offset), expected field path, words in the message)
CASES = [
    ("missing_field", "application_type: Wniosek o włączenie kwalifikacji do ZSK\n", "",
     "schema_version:", "application_type", "brak wymaganego pola „application_type”"),
    ("wrong_type", "prk_level: 4\n\ncharacteristics", "prk_level: cztery\n\ncharacteristics",
     "prk_level: cztery", "prk_level", "oczekiwano — liczba całkowita"),
    ("unknown_key_with_suggestion", "cost_pln: 1950", "cost_pl: 1950",
     "cost_pl: 1950", "cost_pl", "nieznane pole „cost_pl” — czy chodziło o „cost_pln”"),
    ("unknown_key", "short_name: \"\"\n", "short_name: \"\"\nulubiony_kolor: zielony\n",
     "ulubiony_kolor", "ulubiony_kolor", "nieznane pole „ulubiony_kolor”"),
    ("duplicate_id", "- id: Z1.E1.K2\n", "- id: Z1.E1.K1\n",
     ("text: wskazuje źródła danych", -1), "sets[0].outcomes[0].criteria[1].id", "„Z1.E1.K1” powtarza się"),
    ("malformed_id", "- id: Z1.E1.K3\n", "- id: Z1-E1-K3\n",
     "- id: Z1-E1-K3", "sets[0].outcomes[0].criteria[2].id", "„Z1-E1-K3” ma zły format"),
    ("id_under_wrong_outcome", "- id: Z1.E2.K1\n", "- id: Z1.E3.K9\n",
     "- id: Z1.E3.K9", "sets[0].outcomes[1].criteria[0].id", "nie należy do „Z1.E2”"),
    ("set_id_does_not_match_number", "  - id: Z2\n", "  - id: Z7\n",
     "  - id: Z7", "sets[1].id", "powinien brzmieć „Z2”"),
    ("empty_criteria_list",
     "        criteria:\n          - id: Z1.E3.K1\n            text: wymienia typy danych\n"
     "          - id: Z1.E3.K2\n            text: wyjaśnia zasady przetwarzania danych osobowych wynikające z obowiązujących przepisów prawa\n"
     "          - id: Z1.E3.K3\n            text: omawia zasady i metody zabezpieczania danych przetwarzanych w systemie CRM\n",
     "        criteria: []\n",
     "criteria: []", "sets[0].outcomes[2].criteria", "lista jest pusta"),
    ("set_hours_do_not_add_up", "    hours: 40\n", "    hours: 45\n",
     "  hours: 60", "effort.hours", "Z1: 20 + Z2: 45 = 65"),
    ("learning_split_does_not_add_up", "learning_hours: 46", "learning_hours: 40",
     "effort:", "effort", "40 + 14 = 54"),
    ("duplicate_key", "name: Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM\n",
     "name: Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM\nname: Inna nazwa\n",
     "name: Inna nazwa", "name", "występuje dwa razy"),
    ("empty_required_text", "entry_conditions: Brak wymagań\n", "entry_conditions: \"  \"\n",
     "entry_conditions:", "entry_conditions", "nie może być puste"),
    ("unknown_renewal_method", "    method: evidence\n", "    method: egzamin\n",
     "method: egzamin", "certificate.renewal.method", "metoda „egzamin” nie występuje"),
    ("code_written_as_number", "  - code: \"62.09\"\n", "  - code: 62.09\n",
     "code: 62.09", "codes.pkd[0].code", "oczekiwano — tekst, jest — liczba 62.09"),
    ("bad_enum_value", "          part: theory\n", "          part: teoria\n",
     "part: teoria", "validation.verification.methods.list[0].part", "dozwolone: \"theory\", \"practice\", \"renewal\""),
    ("paragraph_of_wrong_shape", "      appeal:\n        - >-\n", "      appeal:\n        - {a: 1}\n        - >-\n",
     "{a: 1}", "validation.verification.organisation.appeal[0]", "akapit (tekst) albo wypunktowanie (lista tekstów)"),
]


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_broken_qualification_is_reported_with_line_field_and_reason(tmp_path, case):
    _, old, new, marker, field_path, words = case
    text = edited(old, new)
    problems = problems_for(tmp_path, text)
    matching = [p for p in problems if p.path == field_path and words in p.message]
    assert matching, f"no problem at {field_path} saying {words!r}; got:\n" + "\n".join(map(str, problems))
    assert matching[0].line == line_of(text, marker)
    assert str(matching[0]).startswith(f"qualification.yaml:{matching[0].line}: {field_path}: ")


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = edited("kind: kwalifikacja cząstkowa\n", "kind: \"kwalifikacja cząstkowa\n")
    (problem,) = problems_for(tmp_path, text)
    opened = line_of(text, "kind: \"kwal")
    # PyYAML only stops where the next quote of the file closes the text; the editor needs the opening line.
    assert problem.line == opened and f"niezamknięty cudzysłów otwarty w wierszu {opened}" in problem.message


def test_tab_indentation_is_explained(tmp_path):
    text = edited("  learning_hours: 46\n", "\tlearning_hours: 46\n")
    (problem,) = problems_for(tmp_path, text)
    assert "tabulacji" in problem.message and problem.line == line_of(text, "learning_hours")


def test_every_problem_is_reported_in_one_run(tmp_path):
    text = edited("- id: Z1.E1.K2\n", "- id: Z1.E1.K1\n", edited("cost_pln: 1950", "cost_pln: tanio"))
    problems = problems_for(tmp_path, text)
    # Schema problems come first; rule checks run once the shape is right.
    assert [p.path for p in problems] == ["cost_pln"]
    text = edited("- id: Z1.E1.K2\n", "- id: Z1.E1.K1\n", edited("    hours: 40\n", "    hours: 41\n"))
    assert len(problems_for(tmp_path, text)) == 2


def test_glossary_form_given_to_two_terms_is_reported(tmp_path):
    original = (FROZEN / "glossary.yaml").read_text(encoding="utf-8")
    text = original.replace("forms: [ZRK,", "forms: [ZSK, ZRK,", 1)
    assert text != original
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(path)
    (problem,) = caught.value.problems
    assert "forma „ZSK” należy już do hasła „zsk”" in problem.message
    assert problem.line == line_of(text, "forms: [ZSK, ZRK,")


def test_build_with_broken_data_fails_with_a_clear_message_and_no_traceback(project_copy):
    path = project_copy / "qualification.yaml"
    path.write_text(edited("- id: Z2.E3.K4\n", "- id: Z2.E3.K44x\n"), encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    line = line_of(path.read_text(encoding="utf-8"), "Z2.E3.K44x")
    assert f"qualification.yaml:{line}: sets[1].outcomes[2].criteria[3].id: identyfikator „Z2.E3.K44x” ma zły format" in output
    assert not (project_copy / "site" / "index.html").exists()
