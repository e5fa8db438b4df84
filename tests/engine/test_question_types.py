"""A new question type with a field of its own is its module and its form template only: once
registered, a bank file's question of that type is checked, scored, shown and published in the
bank's schema, with no change to the bank, the scorer, the worker's API or the pages."""

import copy
import importlib.util
import json
import unittest
from dataclasses import dataclass
from unittest import mock

from selfcheck import api, question_types
from selfcheck.bank import BankError, parse_bank
from selfcheck.question_types import InvalidResponse, QuestionType
from tests.engine.fixtures import COMMON, CRITERIA, QUALIFICATION, bank_files


# --- the type: what a module in selfcheck/question_types would hold ---------------------------

@dataclass(frozen=True)
class Data:
    steps: tuple[str, ...]      # the scale, from one end to the other
    answer: int                 # the right step's place on it


class Scale(QuestionType):
    """Where on a scale: the further the chosen step from the right one, the fewer points."""

    name, label = "scale", "skala"
    schema = {"steps": {"type": "array", "minItems": 3, "items": {"type": "string", "minLength": 1}},
              "answer": {"type": "string", "minLength": 1}}

    def parse(self, raw, label, errors):
        steps = raw["steps"]
        if not isinstance(steps, list) or len(steps) < 3 or not all(isinstance(s, str) and s.strip() for s in steps):
            errors.append((("steps",), f"{label}: steps: potrzebne co najmniej 3 stopnie skali"))
            return Data((), 0)
        if raw["answer"] not in steps:
            errors.append((("answer",), f"{label}: answer: {raw['answer']!r} nie jest stopniem skali"))
            return Data(tuple(steps), 0)
        return Data(tuple(steps), steps.index(raw["answer"]))

    def display(self, question, rng):
        return {"steps": [{"id": f"s{n}", "text": text} for n, text in enumerate(question.data.steps)]}

    def read(self, question, fields):
        chosen = fields.get("answer", [""])[0]
        ids = [f"s{n}" for n in range(len(question.data.steps))]
        if chosen not in ids:
            raise InvalidResponse("Wybierz stopień skali.")
        return ids.index(chosen)

    def score(self, question, response):
        return 1 - abs(response - question.data.answer) / (len(question.data.steps) - 1)

    def correct_answer(self, question):
        return question.data.steps[question.data.answer]

    def right_fields(self, question):
        return {"answer": [f"s{question.data.answer}"]}


# --- and its form: what sitegen/templates/question_types/scale.html.j2 would hold -------------
TEMPLATE = """{# A scale: radio buttons named "answer", one per step. Variables: q, fid. #}
<ul class="sc-choices sc-choices--inline">
{% for step in q.steps %}
<li><input type="radio" name="answer" value="{{ step.id }}" id="{{ fid }}-{{ step.id }}"> <label for="{{ fid }}-{{ step.id }}">{{ step.text }}</label></li>
{% endfor %}
</ul>
"""

QUESTION = {"id": "Z1.E1.Q09", "type": "scale", "criteria": ["Z1.E1.K1"],
            "prompt": "Jak często warto aktualizować dane kontaktowe klienta?",
            "steps": ["nigdy", "raz na kilka lat", "przy każdym kontakcie", "codziennie"],
            "answer": "przy każdym kontakcie", **COMMON}


def files_with(question: dict) -> list[dict]:
    files = bank_files()
    files[0]["questions"].append(copy.deepcopy(question))
    return files


class RegisteredType(unittest.TestCase):
    def setUp(self):
        question_types.register(Scale())
        self.addCleanup(question_types.unregister, Scale.name)


class NewTypeTest(RegisteredType):
    def test_its_own_field_is_parsed_and_kept_for_it(self):
        question = parse_bank(files_with(QUESTION), CRITERIA).questions["Z1.E1.Q09"]
        self.assertEqual(question.data, Data(tuple(QUESTION["steps"]), 2))
        self.assertEqual(question.prompt, QUESTION["prompt"])

    def test_its_checks_name_the_question_and_the_field(self):
        with self.assertRaises(BankError) as caught:
            parse_bank(files_with({**QUESTION, "answer": "zawsze"}), CRITERIA)
        self.assertEqual(caught.exception.problems,
                         ["z1-e1.yaml: pytanie Z1.E1.Q09: answer: 'zawsze' nie jest stopniem skali"])
        with self.assertRaises(BankError) as caught:
            parse_bank(files_with({k: v for k, v in QUESTION.items() if k != "steps"}), CRITERIA)
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q09: steps: brak wymaganego pola", caught.exception.problems)

    def test_its_field_is_unknown_to_other_types(self):
        with self.assertRaises(BankError) as caught:
            parse_bank(files_with({**QUESTION, "type": "single", "options": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}],
                                   "answer": "a"}), CRITERIA)
        self.assertIn("z1-e1.yaml: pytanie Z1.E1.Q09: nieznane pola dla typu single: steps", caught.exception.problems)

    def test_the_worker_scores_it_by_its_own_rule(self):
        api.setup(json.dumps(QUALIFICATION), json.dumps({"files": files_with(QUESTION)}))
        question = api._engine.bank.questions["Z1.E1.Q09"]

        def check(fields):
            return json.loads(api.check("", "Z1.E1.Q09", json.dumps(fields), "2026-11-25T08:00:00+01:00"))["result"]

        right = check(question.kind.right_fields(question))
        self.assertEqual((right["verdict"], right["correct_answer"]), ("correct", "przy każdym kontakcie"))
        near = check({"answer": ["s3"]})
        self.assertEqual((near["verdict"], near["score"]), ("partial", round(2 / 3, 4)))
        self.assertEqual(check({})["message"], "Wybierz stopień skali.")

    def test_it_is_shown_with_its_field_and_without_its_answer(self):
        shown = parse_bank(files_with(QUESTION), CRITERIA).questions["Z1.E1.Q09"].display()
        self.assertEqual((shown["type"], shown["type_name"]), ("scale", "skala"))
        self.assertEqual([step["text"] for step in shown["steps"]], QUESTION["steps"])
        self.assertNotIn("answer", shown)

    def test_a_name_is_registered_once(self):
        with self.assertRaises(ValueError):
            question_types.register(Scale())


@unittest.skipUnless(all(importlib.util.find_spec(name) for name in ("sitegen", "datafiles", "jinja2", "jsonschema")),
                     "needs the site generator: runs in CPython only")
class NewTypeOnTheSiteTest(RegisteredType):
    def test_its_form_is_its_template(self):
        import jinja2
        from sitegen import pages

        plain = pages.make_environment

        def with_its_template():
            env = plain()
            env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"question_types/scale.html.j2": TEMPLATE}), env.loader])
            return env

        question = parse_bank(files_with(QUESTION), CRITERIA).questions["Z1.E1.Q09"]
        with mock.patch.object(pages, "make_environment", with_its_template):
            html = pages.render_question_parts([question.display()])["z1-e1"]
        self.assertIn('data-question="Z1.E1.Q09"', html)
        self.assertIn("Z1.E1.Q09 · skala", html)
        self.assertIn('<input type="radio" name="answer" value="s2" id="q-z1-e1-q09-s2">', html)
        self.assertIn("przy każdym kontakcie", html)

    def test_the_bank_schema_takes_its_fields_from_it(self):
        import jsonschema
        from datafiles.bank_schema import SCHEMA_PATH, compose

        schema = compose(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
        validator = jsonschema.Draft202012Validator(schema)
        self.assertEqual(list(validator.iter_errors({"outcome": "Z1.E1", "questions": [QUESTION]})), [])
        self.assertTrue(list(validator.iter_errors({"outcome": "Z1.E1", "questions": [{**QUESTION, "stepz": []}]})))


if __name__ == "__main__":
    unittest.main()
