"""A calculation: the number typed as Poles type it ("1 234,5", "12 zł", "25%"), right within the
tolerance; 1 point or 0."""

from dataclasses import dataclass

from .. import polish
from .base import FULL, InvalidResponse, QuestionType

# Words a candidate may write after the number besides the question's own unit ("12 zł", "25%").
UNITS = ("zł", "pln", "%", "p.p.", "dni", "godz.", "h")


@dataclass(frozen=True)
class Data:
    answer: float
    tolerance: float    # how far from `answer` still counts as right
    unit: str           # shown after the field, e.g. "zł"; "" for none


class Numeric(QuestionType):
    name, label = "numeric", "obliczenie"
    optional = frozenset({"tolerance", "unit"})
    schema = {"answer": {"type": "number"},
              "tolerance": {"type": "number", "minimum": 0},
              "unit": {"type": "string", "pattern": "^[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż0-9%.,/ ]{0,16}$",
                       "x-hint": "jednostka: litery, cyfry, %, kropka, przecinek, ukośnik i spacja, do 16 znaków, np. zł, %, dni"}}

    def parse(self, raw, label, errors):
        answer, tolerance = raw["answer"], raw.get("tolerance", 0)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            errors.append((("answer",), f"{label}: answer: potrzebna liczba (ułamek z kropką, np. 12.5)"))
            answer = 0
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            errors.append((("tolerance",), f"{label}: tolerance: potrzebna liczba nieujemna"))
            tolerance = 0
        unit = raw.get("unit", "")
        if not isinstance(unit, str):
            errors.append((("unit",), f"{label}: unit: potrzebny tekst, np. \"zł\""))
            unit = ""
        return Data(float(answer), float(tolerance), unit)

    def display(self, question, rng):
        return {"unit": question.data.unit}

    def score(self, question, response):
        data = question.data
        number = polish.parse_number(response, units=UNITS + (data.unit,))
        if number is None:
            typed = response.strip() if isinstance(response, str) else ""
            raise InvalidResponse(f"„{typed}” nie jest liczbą. Wpisz np. 1234,5." if typed else "Wpisz liczbę.")
        return FULL if abs(number - data.answer) <= data.tolerance + 1e-9 else 0.0

    def correct_answer(self, question):
        return polish.number(question.data.answer) + (f" {question.data.unit}" if question.data.unit else "")

    def right_fields(self, question):
        # Typed the Polish way, with enough decimals to stay within any tolerance.
        return {"answer": [polish.number(question.data.answer, decimals=10)]}


TYPE = Numeric()
