"""Load `qualification.yaml`, check it against the schema and the rules a schema cannot say."""

from __future__ import annotations

from pathlib import Path

from selfcheck.structure import anchor  # noqa: F401 - the one anchor rule, re-exported for templates

from .problems import Problem
from .schema_check import load_checked
from .source import DataPath, Source, format_path

SCHEMA = "qualification.schema.json"


def load_qualification(path: Path) -> dict:
    """Return the validated data, or raise DataError listing every problem with its line."""
    return load_checked(path, SCHEMA, rule_problems)


def rule_problems(source: Source) -> list[Problem]:
    data = source.data
    problems: list[Problem] = []

    def at(path: DataPath, message: str) -> None:
        problems.append(Problem(source.file, source.line_of(path), format_path(path), message))

    seen_ids: dict[str, DataPath] = {}

    def check_id(path: DataPath, identifier: str, expected_prefix: str | None) -> None:
        if identifier in seen_ids:
            first = seen_ids[identifier]
            at(path, f"identyfikator „{identifier}” powtarza się (pierwszy raz: {format_path(first)}, "
                     f"wiersz {source.line_of(first)}); identyfikatory muszą być niepowtarzalne")
            return
        seen_ids[identifier] = path
        if expected_prefix and not identifier.startswith(expected_prefix + "."):
            at(path, f"identyfikator „{identifier}” nie należy do „{expected_prefix}”; "
                     f"powinien zaczynać się od „{expected_prefix}.”")

    # Sets, outcomes and criteria: stable, unique IDs that nest (Z1 > Z1.E1 > Z1.E1.K1).
    for s, qset in enumerate(data["sets"]):
        set_path: DataPath = ("sets", s)
        if qset["id"] != f"Z{qset['number']}":
            at(set_path + ("id",), f"identyfikator zestawu „{qset['id']}” nie zgadza się z numerem "
                                   f"zestawu {qset['number']}; powinien brzmieć „Z{qset['number']}”")
        check_id(set_path + ("id",), qset["id"], None)
        for o, outcome in enumerate(qset["outcomes"]):
            outcome_path = set_path + ("outcomes", o)
            check_id(outcome_path + ("id",), outcome["id"], qset["id"])
            for c, criterion in enumerate(outcome["criteria"]):
                check_id(outcome_path + ("criteria", c, "id"), criterion["id"], outcome["id"])

    numbers = [qset["number"] for qset in data["sets"]]
    if numbers != list(range(1, len(numbers) + 1)):
        at(("sets",), f"zestawy muszą mieć kolejne numery 1, 2, … w kolejności formularza; są: "
                      f"{', '.join(map(str, numbers))}")

    # Hours must add up: the sets' hours and the learning/self-study split both make the total.
    effort = data["effort"]
    set_hours = sum(qset["hours"] for qset in data["sets"])
    if set_hours != effort["hours"]:
        parts = " + ".join(f"{qset['id']}: {qset['hours']}" for qset in data["sets"])
        at(("effort", "hours"), f"godziny zestawów ({parts} = {set_hours}) nie sumują się do "
                                f"nakładu pracy kwalifikacji ({effort['hours']} godz.)")
    split = effort["learning_hours"] + effort["self_study_hours"]
    if split != effort["hours"]:
        at(("effort",), f"learning_hours + self_study_hours = {effort['learning_hours']} + "
                        f"{effort['self_study_hours']} = {split}, a nakład pracy to {effort['hours']} godz.")

    # The renewal rule names one of the listed methods, and that method belongs to renewal.
    methods = data["validation"]["verification"]["methods"]["list"]
    method_ids = [m["id"] for m in methods]
    for m, method in enumerate(methods):
        if method_ids.index(method["id"]) != m:
            at(("validation", "verification", "methods", "list", m, "id"),
               f"identyfikator metody „{method['id']}” powtarza się")
    certificate = data["certificate"]
    renewal, validity = certificate.get("renewal"), certificate.get("validity_years")
    if renewal and validity is None:
        at(("certificate", "renewal"), "certyfikat bezterminowy (validity_years: null) nie ma zasad przedłużania; "
                                       "usuń blok renewal albo podaj validity_years")
    if renewal and renewal["method"] not in method_ids:
        at(("certificate", "renewal", "method"),
           f"metoda „{renewal['method']}” nie występuje w validation.verification.methods.list "
           f"(są: {', '.join(method_ids)})")
    if renewal and validity is not None and renewal["min_practice_years"] > validity:
        at(("certificate", "renewal", "min_practice_years"),
           "wymagana praktyka jest dłuższa niż okres ważności certyfikatu")

    document_numbers = [d["number"] for d in data["documents"]]
    if document_numbers != list(range(1, len(document_numbers) + 1)):
        at(("documents",), "dokumenty muszą mieć kolejne numery 1, 2, …")
    return problems


def criteria(data: dict) -> list[dict]:
    """All criteria in form order, each with its outcome and set (for pages and tests)."""
    return [
        {"set": qset, "outcome": outcome, "criterion": criterion}
        for qset in data["sets"]
        for outcome in qset["outcomes"]
        for criterion in outcome["criteria"]
    ]
