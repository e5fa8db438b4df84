"""Check a data file against its JSON Schema and word each error for the file's editor.

jsonschema finds the errors; this module only places them (file, line, field path)
and says them in Polish, because the people who edit the data are Polish-speaking staff
of a certifying institution, not programmers.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from .problems import DataError, Problem
from .source import DataPath, Source, format_path, load_source

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

_TYPE_NAMES = {
    "string": "tekst", "integer": "liczba całkowita", "number": "liczba", "boolean": "true albo false",
    "array": "lista", "object": "zbiór pól (klucz: wartość)", "null": "wartość pusta (null)",
}


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    if name == "question-bank.schema.json":  # each question type describes its own fields
        from .bank_schema import compose

        schema = compose(schema)
    return schema


def load_checked(path: Path, schema_name: str, rules=None, *, display_name: str | None = None):
    """Read a data file, check it against its schema and then (if given) `rules(source)`.

    Rules run only on data of the right shape; every problem found is raised at once.
    `display_name`: how messages name the file (default: its name).
    """
    source = load_source(path, display_name=display_name)
    problems = schema_problems(source, schema_name)
    if not problems and rules:
        problems = rules(source)
    if problems:
        raise DataError(problems)
    return source.data


def schema_problems(source: Source, schema_name: str) -> list[Problem]:
    if source.data is None:  # nothing but comments, or nothing at all
        return [Problem(source.file, None, "", "plik jest pusty: nie ma w nim żadnych pól")]
    schema = load_schema(schema_name)
    # The format checker makes "format": "date" a real check: "2026-13-45" is not a date.
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    problems = []
    for error in validator.iter_errors(source.data):
        problems.extend(_explain(error, source, schema.get("$defs", {})))
    return list(dict.fromkeys(problems))  # a rule reached by two schema paths is one problem


def _explain(error: jsonschema.ValidationError, source: Source, defs: dict) -> list[Problem]:
    path: DataPath = tuple(error.absolute_path)
    kind = error.validator
    instance = error.instance

    def at(p: DataPath, message: str) -> Problem:
        return Problem(source.file, source.line_of(p), format_path(p), message)

    if kind == "required":
        missing = [name for name in error.validator_value if name not in instance]
        return [at(path + (name,), f"brak wymaganego pola „{name}”") for name in missing]
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        out = []
        for name in extra:
            guess = difflib.get_close_matches(str(name), allowed, n=1)
            hint = f" — czy chodziło o „{guess[0]}”?" if guess else f"; dozwolone pola: {', '.join(allowed)}"
            out.append(at(path + (name,), f"nieznane pole „{name}”{hint}"))
        return out
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        names = " albo ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return [at(path, f"zły typ wartości: oczekiwano — {names}, jest — {_describe(instance)}")]
    if kind == "minItems":
        if error.validator_value == 1 and not instance:
            what = "kryteriów weryfikacji" if path and path[-1] == "criteria" else "elementów"
            return [at(path, f"lista jest pusta — potrzebny co najmniej jeden element (brak {what})")]
        return [at(path, f"za mało elementów: jest {len(instance)}, potrzeba co najmniej {error.validator_value}")]
    if kind in ("minLength", "pattern") and isinstance(instance, str) and not instance.strip():
        return [at(path, "pole nie może być puste")]
    if kind == "pattern":
        hint = error.schema.get("x-hint")
        detail = f"oczekiwano: {hint}" if hint else f"wartość nie pasuje do wzorca {error.validator_value}"
        label = "identyfikator" if path and path[-1] == "id" else "wartość"
        return [at(path, f"{label} „{instance}” ma zły format; {detail}")]
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        shown = ", ".join(json.dumps(v, ensure_ascii=False) for v in allowed)
        return [at(path, f"niedozwolona wartość {json.dumps(instance, ensure_ascii=False)}; dozwolone: {shown}")]
    if kind in ("minimum", "exclusiveMinimum"):
        sign = "≥" if kind == "minimum" else ">"
        return [at(path, f"wartość {instance} jest za mała; musi być {sign} {error.validator_value}")]
    if kind in ("maximum", "exclusiveMaximum"):
        sign = "≤" if kind == "maximum" else "<"
        return [at(path, f"wartość {instance} jest za duża; musi być {sign} {error.validator_value}")]
    if kind == "format" and error.validator_value == "date":
        return [at(path, f"„{instance}” nie jest poprawną datą; wpisz istniejący dzień jako RRRR-MM-DD, np. 2026-11-24")]
    if kind == "format":
        return [at(path, f"wartość „{instance}” ma zły format ({error.validator_value})")]
    if kind == "maxLength":
        return [at(path, f"tekst jest za długi: ma {len(instance)} znaków, dozwolone najwyżej {error.validator_value}")]
    if kind == "maxItems":
        return [at(path, f"za dużo elementów: jest {len(instance)}, dozwolone najwyżej {error.validator_value}")]
    if kind == "uniqueItems":
        return [at(path, "elementy listy powtarzają się; każdy może wystąpić raz")]
    if kind in ("anyOf", "oneOf"):
        # A value of one alternative's kind that fails inside it: that inner problem is the one to fix.
        deeper = [e for e in error.context if len(e.absolute_path) > len(error.absolute_path)]
        if deeper:
            return _explain(jsonschema.exceptions.best_match(deeper), source, defs)
        hint = error.schema.get("x-hint")
        kinds = " albo ".join(dict.fromkeys(_kind_of(alternative, defs) for alternative in error.validator_value))
        return [at(path, f"zły typ wartości: oczekiwano — {hint or kinds}, jest — {_describe(instance)}")]
    if kind == "minLength":
        return [at(path, f"tekst jest za krótki: ma {len(instance)} znaków, potrzeba co najmniej {error.validator_value}")]
    if kind == "minProperties":
        return [at(path, f"za mało pól: jest {len(instance)}, potrzeba co najmniej {error.validator_value}")]
    if kind == "multipleOf":
        return [at(path, f"wartość {instance} musi być wielokrotnością {error.validator_value}")]
    # Anything not worded above still gets a Polish message and the field's place (jsonschema's
    # own text is English, so it stays out).
    return [at(path, f"wartość nie spełnia reguły schematu „{kind}”; sprawdź opis pola w schemacie")]


def _kind_of(alternative: dict, defs: dict) -> str:
    """Polish name of what an anyOf alternative accepts: "tekst", "lista tekstów"."""
    if "$ref" in alternative:
        alternative = defs.get(alternative["$ref"].rsplit("/", 1)[-1], {})
    kind = alternative.get("type")
    if kind == "array" and isinstance(alternative.get("items"), dict):
        inner = _kind_of(alternative["items"], defs)
        return "lista tekstów" if inner == "tekst" else f"lista ({inner})"
    return _TYPE_NAMES.get(kind, "wartość innego rodzaju") if isinstance(kind, str) else "wartość innego rodzaju"


def _describe(value: object) -> str:
    if value is None:
        return "wartość pusta"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"liczba {value}"
    if isinstance(value, float):
        return f"liczba {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "…"
        return f"tekst „{short}”"
    if isinstance(value, list):
        return "lista"
    if isinstance(value, dict):
        return "zbiór pól"
    return type(value).__name__
