"""Small, readable data for the engine tests: two sets (20 h and 40 h) and one question of each type."""

from __future__ import annotations

import copy

QUALIFICATION = {
    "name": "Kwalifikacja testowa",
    "certificate": {"validity_years": 5, "renewal": {"min_practice_years": 1}},
    "sets": [
        {"id": "Z1", "name": "Budowanie bazy klientów", "hours": 20, "outcomes": [
            {"id": "Z1.E1", "text": "Pozyskuje dane klientów", "criteria": [
                {"id": "Z1.E1.K1", "text": "wymienia zasady"}, {"id": "Z1.E1.K2", "text": "wskazuje źródła"}]},
            {"id": "Z1.E2", "text": "Wprowadza dane", "criteria": [{"id": "Z1.E2.K1", "text": "tworzy konta"}]},
        ]},
        {"id": "Z2", "name": "Prowadzenie procesu", "hours": 40, "outcomes": [
            {"id": "Z2.E1", "text": "Monitoruje przebieg procesu", "criteria": [{"id": "Z2.E1.K1", "text": "tworzy listy zadań"}]},
            {"id": "Z2.E2", "text": "Projektuje lejki", "criteria": [{"id": "Z2.E2.K1", "text": "ustala cele SMART"}]},
        ]},
    ],
}

COMMON = {"explanation": "Bo tak stanowi zasada.", "reference": "Kryterium"}

QUESTIONS = {
    "Z1.E1": [
        {"id": "Z1.E1.Q01", "type": "single", "criteria": ["Z1.E1.K1"], "prompt": "Która podstawa?",
         "options": [{"id": "a", "text": "zgoda"}, {"id": "b", "text": "umowa"}, {"id": "c", "text": "obowiązek"}],
         "answer": "b", **COMMON},
        {"id": "Z1.E1.Q02", "type": "multiple", "criteria": ["Z1.E1.K1", "Z1.E1.K2"], "prompt": "Które źródła?",
         "options": [{"id": "a", "text": "KRS"}, {"id": "b", "text": "CEIDG"}, {"id": "c", "text": "plotka"},
                     {"id": "d", "text": "wizytówka"}],
         "answer": ["a", "b", "d"], **COMMON},
        {"id": "Z1.E1.Q03", "type": "true_false", "criteria": ["Z1.E1.K2"], "prompt": "KRS jest jawny.",
         "answer": True, **COMMON},
    ],
    "Z1.E2": [
        {"id": "Z1.E2.Q01", "type": "short_text", "criteria": ["Z1.E2.K1"], "prompt": "Jak nazywa się potencjalny klient?",
         "answer": ["lead", "potencjalny klient"], **COMMON},
        {"id": "Z1.E2.Q02", "type": "numeric", "criteria": ["Z1.E2.K1"], "prompt": "Ile to 1000 + 234,5 zł?",
         "answer": 1234.5, "tolerance": 0.5, "unit": "zł", **COMMON},
    ],
    "Z2.E1": [
        {"id": "Z2.E1.Q01", "type": "ordering", "criteria": ["Z2.E1.K1"], "prompt": "Ułóż etapy.",
         "items": [{"id": "kw", "text": "kwalifikacja"}, {"id": "an", "text": "analiza potrzeb"},
                   {"id": "of", "text": "oferta"}, {"id": "ne", "text": "negocjacje"}], **COMMON},
        {"id": "Z2.E1.Q02", "type": "single", "criteria": ["Z2.E1.K1"], "prompt": "Co najpierw?",
         "options": [{"id": "a", "text": "pilne i ważne"}, {"id": "b", "text": "niepilne"}], "answer": "a", **COMMON},
    ],
    "Z2.E2": [
        {"id": "Z2.E2.Q01", "type": "matching", "criteria": ["Z2.E2.K1"], "prompt": "Dopasuj literę.",
         "pairs": [{"left": "S", "right": "konkretny"}, {"left": "M", "right": "mierzalny"},
                   {"left": "T", "right": "określony w czasie"}], **COMMON},
        {"id": "Z2.E2.Q02", "type": "true_false", "criteria": ["Z2.E2.K1"], "prompt": "„Więcej sprzedaży” to cel SMART.",
         "answer": False, **COMMON},
        {"id": "Z2.E2.Q03", "type": "single", "criteria": ["Z2.E2.K1"], "prompt": "Który cel jest mierzalny?",
         "options": [{"id": "a", "text": "10 nowych klientów do 30 czerwca"}, {"id": "b", "text": "dużo klientów"}],
         "answer": "a", **COMMON},
    ],
}

INTERVIEW = {"Z1.E1": [{"id": "Z1.E1.R1", "criteria": ["Z1.E1.K1"], "question": "Jak pozyskać dane?",
                        "points": ["źródła publiczne", "podstawa prawna", "obowiązek informacyjny"]}]}


def bank_files() -> list[dict]:
    """Fresh copies, so a test may break one without touching the others."""
    return [{"outcome": outcome, "questions": copy.deepcopy(questions), "interview": copy.deepcopy(INTERVIEW.get(outcome, [])),
             "_file": outcome.lower().replace(".", "-") + ".yaml"}
            for outcome, questions in QUESTIONS.items()]


CRITERIA = [c["id"] for s in QUALIFICATION["sets"] for o in s["outcomes"] for c in o["criteria"]]


# A practical part's catalog as the build gives it to the core (selfcheck.practical): made up, no module needed.
PRACTICAL = {"module": "test", "tasks": [
    {"id": "zadanie-1", "title": "Zadanie pierwsze", "outcome": "Z1.E1", "criteria": ["Z1.E1.K1", "Z1.E1.K2"]},
    {"id": "zadanie-2", "title": "Zadanie drugie", "outcome": "Z2.E2", "criteria": ["Z2.E2.K1"]},
]}
