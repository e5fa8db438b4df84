"""A small QTI 2.1 response processor for the tests: it scores a response with nothing but an item's
XML (its responseDeclaration, outcomeDeclarations and responseProcessing), as a QTI player would,
so the round-trip test compares our engine with what the exported file says, not with lms/qti.py.

It knows exactly the operators the export uses, with the QTI 2.1 semantics (NULL propagation,
numeric outcomes starting at 0, a container's values mapped once each); any other element in the
processing raises `Unsupported`, so a new construct in the export cannot pass unchecked.

Values: NULL is None (an empty container or an empty string is NULL too, as in QTI); a single value
is a str, int, float or (for directedPair) a (source, target) tuple; a multiple container is a
frozenset, an ordered one a tuple.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
# xs:double's lexical form (XML Schema 1.0, whitespace collapsed): what a QTI float response takes.
_DOUBLE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN")
# A number the item itself writes: plain decimals. The schema allows "1e-09" too, but TAO's qti-sdk
# reads `tolerance="1e-09"` as a variable's name, so an exponent fails here as it does there.
_PLAIN = re.compile(r"-?\d+(\.\d+)?")


class Unsupported(AssertionError):
    """The item uses a construct this evaluator does not know."""


def typed_float(text: str) -> float | None:
    """What a QTI float response holds when a candidate types `text`, or None when QTI cannot read it."""
    text = " ".join(text.split())
    return float(text) if _DOUBLE.fullmatch(text) else None


def _name(element: ET.Element) -> str:
    if not element.tag.startswith(QTI):
        raise Unsupported(f"element outside the QTI namespace: {element.tag}")
    return element.tag[len(QTI):]


def number(text: str) -> float:
    """A number written in the item (a float value or attribute)."""
    if not _PLAIN.fullmatch(text):
        raise Unsupported(f"a number written {text!r}, not in plain decimals")
    return float(text)


def _parse(base_type: str, text: str):
    if base_type in ("identifier", "string"):
        return text
    if base_type == "integer":
        return int(text)
    if base_type == "float":
        return number(text)
    if base_type == "directedPair":
        source, target = text.split()
        return (source, target)
    if base_type == "boolean":
        return text == "true"
    raise Unsupported(f"baseType {base_type}")


def _null(value) -> bool:
    return value is None or value == "" or (isinstance(value, (frozenset, tuple)) and not value)


@dataclass
class Declaration:
    identifier: str
    cardinality: str
    base_type: str
    correct: object = None
    mapping: dict | None = None     # {"entries": [(key, value, case_sensitive)], "lower", "upper", "default"}
    default: object = None


@dataclass
class Item:
    """One assessmentItem, read from its XML."""

    root: ET.Element
    responses: dict[str, Declaration] = field(default_factory=dict)
    outcomes: dict[str, Declaration] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, data: bytes) -> "Item":
        root = ET.fromstring(data)
        assert _name(root) == "assessmentItem"
        item = cls(root)
        for element in root:
            kind = _name(element)
            if kind in ("responseDeclaration", "outcomeDeclaration"):
                declaration = Declaration(element.get("identifier"), element.get("cardinality"),
                                          element.get("baseType"))
                declaration.correct = _container(declaration, element.find(f"{QTI}correctResponse"))
                declaration.default = _container(declaration, element.find(f"{QTI}defaultValue"))
                mapping = element.find(f"{QTI}mapping")
                if mapping is not None:
                    declaration.mapping = {
                        "entries": [(entry.get("mapKey"), number(entry.get("mappedValue")),
                                     entry.get("caseSensitive", "true") == "true") for entry in mapping],
                        "lower": number(mapping.get("lowerBound")) if mapping.get("lowerBound") else None,
                        "upper": number(mapping.get("upperBound")) if mapping.get("upperBound") else None,
                        "default": number(mapping.get("defaultValue", "0")),
                    }
                (item.responses if kind == "responseDeclaration" else item.outcomes)[declaration.identifier] = declaration
        return item

    def process(self, response) -> dict:
        """The outcomes after response processing of `response` (the value of RESPONSE)."""
        state = {"RESPONSE": None if _null(response) else response}
        for identifier, declaration in self.outcomes.items():
            if declaration.default is not None:
                state[identifier] = declaration.default
            elif declaration.cardinality == "single" and declaration.base_type in ("integer", "float"):
                state[identifier] = 0 if declaration.base_type == "integer" else 0.0
            else:
                state[identifier] = None
        processing = self.root.find(f"{QTI}responseProcessing")
        if processing is not None:
            if processing.get("template") or processing.get("templateLocation"):
                raise Unsupported("response processing by template")
            self._rules(list(processing), state)
        return state

    # -- rules --

    def _rules(self, rules: list[ET.Element], state: dict) -> None:
        for rule in rules:
            kind = _name(rule)
            if kind == "setOutcomeValue":
                identifier = rule.get("identifier")
                (expression,) = list(rule)
                value = self._expression(expression, state)
                declaration = self.outcomes[identifier]
                if value is not None and declaration.base_type == "float":
                    value = float(value)
                state[identifier] = value
            elif kind == "responseCondition":
                for branch in rule:
                    branch_kind = _name(branch)
                    if branch_kind == "responseElse":
                        self._rules(list(branch), state)
                        break
                    if branch_kind not in ("responseIf", "responseElseIf"):
                        raise Unsupported(branch_kind)
                    condition, *body = list(branch)
                    if self._expression(condition, state) is True:
                        self._rules(body, state)
                        break
            else:
                raise Unsupported(f"rule {kind}")

    # -- expressions --

    def _expression(self, element: ET.Element, state: dict):
        kind = _name(element)
        args = list(element)
        if kind == "baseValue":
            return _parse(element.get("baseType"), element.text)
        if kind == "variable":
            return state[element.get("identifier")]
        if kind == "correct":
            return self.responses[element.get("identifier")].correct
        if kind == "mapResponse":
            return self._map_response(element.get("identifier"), state)
        values = [self._expression(arg, state) for arg in args]
        if kind == "isNull":
            return _null(values[0])
        if kind == "containerSize":
            return 0 if values[0] is None else len(values[0])
        if any(value is None for value in values):
            return None         # every other operator used here is NULL when an argument is
        if kind == "match":
            return values[0] == values[1]
        if kind == "lt":
            return values[0] < values[1]
        if kind == "sum":
            return sum(values)
        if kind == "divide":
            return None if values[1] == 0 else values[0] / values[1]
        if kind == "index":
            n = int(element.get("n"))
            return values[0][n - 1] if n <= len(values[0]) else None
        if kind == "equal":
            return _equal(element, *values)
        raise Unsupported(f"operator {kind}")

    def _map_response(self, identifier: str, state: dict) -> float:
        declaration = self.responses[identifier]
        mapping = declaration.mapping
        value = state[identifier]
        values = [value] if declaration.cardinality == "single" else sorted(value or (), key=repr)
        total = 0.0
        for one in values:
            mapped = [amount for key, amount, case in mapping["entries"]
                      if _key_matches(declaration.base_type, key, one, case)]
            total += sum(mapped) if mapped else mapping["default"]
        if mapping["lower"] is not None:
            total = max(total, mapping["lower"])
        if mapping["upper"] is not None:
            total = min(total, mapping["upper"])
        return total


def _container(declaration: Declaration, element: ET.Element | None):
    if element is None:
        return None
    values = [_parse(declaration.base_type, value.text) for value in element.findall(f"{QTI}value")]
    if declaration.cardinality == "single":
        (value,) = values
        return value
    return frozenset(values) if declaration.cardinality == "multiple" else tuple(values)


def _key_matches(base_type: str, key: str, value, case_sensitive: bool) -> bool:
    if value is None:
        return False
    if base_type == "string" and not case_sensitive:
        return key.lower() == value.lower()
    return _parse(base_type, key) == value


def _equal(element: ET.Element, x: float, y: float) -> bool:
    mode = element.get("toleranceMode", "exact")
    if mode == "exact":
        return x == y
    if mode != "absolute":
        raise Unsupported(f"equal toleranceMode={mode}")
    tolerances = [number(t) for t in element.get("tolerance").split()]
    below, above = tolerances[0], tolerances[-1]
    low_ok = x - below <= y if element.get("includeLowerBound", "true") == "true" else x - below < y
    high_ok = y <= x + above if element.get("includeUpperBound", "true") == "true" else y < x + above
    return low_ok and high_ok
