"""Who publishes the site: an institution's own data, kept apart from the qualification form.

The accessibility part feeds the statement page (templates/accessibility.md.j2), built to the
ministry's "Warunki techniczne publikacji oraz struktura dokumentu elektronicznego Deklaracji
Dostępności", version 2.0. The schema checks each field; the rules below check what one field
says about another, which a schema words badly.
"""

from __future__ import annotations

from pathlib import Path

from datafiles.problems import Problem
from datafiles.schema_check import load_checked
from datafiles.source import Source, format_path

from .catalog import catalog_problems

SCHEMA = "publisher.schema.json"
EXTERNAL_AUDIT = "badanie przez podmiot zewnętrzny"


def load_publisher(path: Path) -> dict:
    # The catalog's folders are named relative to publisher.yaml (sitegen/catalog.py).
    return load_checked(path, SCHEMA, lambda source: statement_rules(source) + catalog_problems(source, path.parent))


def statement_rules(source: Source) -> list[Problem]:
    acc = source.data["accessibility"]

    def at(field: str, message: str) -> Problem:
        path = ("accessibility", field)
        return Problem(source.file, source.line_of(path), format_path(path), message)

    problems = []
    # ISO dates compare as text. The update and the review follow what they update and review.
    if acc["updated"] < acc["published"]:
        problems.append(at("updated", f"data ostatniej istotnej aktualizacji {acc['updated']} jest wcześniejsza "
                                      f"niż data publikacji strony {acc['published']} (pole „published”)"))
    if "reviewed" in acc and acc["reviewed"] < acc["prepared"]:
        problems.append(at("reviewed", f"data przeglądu deklaracji {acc['reviewed']} jest wcześniejsza niż data "
                                       f"jej sporządzenia {acc['prepared']} (pole „prepared”)"))
    if acc["method"] == EXTERNAL_AUDIT and "auditor" not in acc:
        problems.append(at("method", f"przy metodzie „{EXTERNAL_AUDIT}” podaj w polu „auditor”, "
                                     "kto przeprowadził badanie"))
    # The status sentence of a partly or not compliant site points at the list below it.
    listed = sum(len(acc.get(name, [])) for name in ("inaccessible", "exempt", "excessive_costs"))
    if acc["status"] == "zgodna" and acc["inaccessible"]:
        problems.append(at("status", "status „zgodna” przeczy liście niezgodności w polu „inaccessible”; "
                                     "zmień status na „częściowo zgodna” albo usuń pozycje z listy"))
    elif acc["status"] != "zgodna" and not listed:
        problems.append(at("status", f"status „{acc['status']}” wymaga wypisania niedostępnych treści: "
                                     "dodaj co najmniej jedną pozycję w polu „inaccessible”, „exempt” albo "
                                     "„excessive_costs”"))
    return problems
