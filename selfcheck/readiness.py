"""Readiness per criterion, outcome, set and overall, from quiz results, practical tasks and self-rating.

The rule, as the site states it (sitegen/templates/selfcheck_index.md.j2, "Jak liczymy gotowość"):
- quiz result of a criterion (Q): the mean of the latest scores of every answered question
  that names the criterion (0–100%);
- practical result (P): the mean of the best scores of the practical tasks that name the
  criterion and were checked at least once, and of the criterion's result in the latest handed-in
  practical exam that tested it;
- what the candidate showed (W): the mean of Q and P, of those known;
- self-rating (S): "nie potrafię" 0%, "częściowo" 50%, "potrafię" 100%; a commission-interview
  self-check adds its share of points covered to S (mean of the two);
- readiness of a criterion: 70% W + 30% S when both are known, else whichever is known;
  a criterion with neither has no readiness yet ("brak danych");
- outcome and set: the mean over their criteria that have data, with the coverage beside it
  ("dane dla 3 z 5 kryteriów");
- overall: the mean of the sets weighted by their hours;
- evidence caps the level: an outcome, a set or the whole qualification is "gotowe" only when every
  one of its criteria has a result the candidate showed (W: questions or practical tasks); with
  less, a value that would be "gotowe" is shown as "prawie gotowe" with the note that data is
  missing, so one good answer never makes an outcome ready, and neither does self-rating alone;
  a single criterion known only from self-rating is capped the same way;
- the coverage beside each outcome, set and the whole: "dane dla X z N kryteriów", and how many of
  those X rest on self-rating alone ("2 tylko z Twojej oceny"), keys `covered`, `evidence`
  (criteria with W), `criteria` (N) and `coverage_text`.

Practical results (P) reach this module as {criterion: [scores]} (selfcheck/practical.py reads them
from the record's practical sections); without them the rule is the same with W = Q.
"""

from __future__ import annotations

from .polish import count
from .structure import Structure, anchor

QUIZ_WEIGHT = 0.7
RATING_WEIGHT = 0.3
RATING_VALUES = {"nie": 0.0, "czesciowo": 0.5, "tak": 1.0}
LEVELS = ((0.8, "gotowy", "Gotowe"), (0.5, "prawie", "Prawie gotowe"), (0.0, "slabo", "Do powtórki"))


THIN = "za mało danych, by uznać za gotowe"
RATING_ONLY = "tylko Twoja ocena"


def level(value: float | None, complete: bool = True, why: str = THIN) -> dict:
    """Level and the percentage as text, so the page shows Python's numbers as they are. Without
    shown results for every criterion (`complete` false) the top level is not given, and `why`
    says so: see the module's rule."""
    if value is None:
        return {"key": "brak", "label": "Brak danych", "percent": "brak danych", "text": "brak danych"}
    for index, (threshold, key, label) in enumerate(LEVELS):
        if value >= threshold - 1e-9:
            if index == 0 and not complete and len(LEVELS) > 1:
                _, key, label = LEVELS[1]
                label = f"{label}, {why}"
            return _level(key, label, value)
    return _level("slabo", LEVELS[-1][2], value)


def _level(key: str, label: str, value: float) -> dict:
    """`text`: how the report shows the level beside a row, "64% (prawie gotowe)"."""
    percent = f"{round(value * 100)}%"
    return {"key": key, "label": label, "percent": percent, "text": f"{percent} ({label.lower()})"}


def coverage_text(covered: int, total: int, evidence: int | None = None) -> str:
    """ "dane dla 4 z 5 kryteriów (1 tylko z Twojej oceny)"."""
    text = f"dane dla {covered} z {count(total, 'kryterium', 'kryteriów', 'kryteriów')}"
    if evidence is not None and evidence < covered:
        text += f" ({covered - evidence} tylko z Twojej oceny)"
    return text


def _coverage(criteria: list[dict]) -> dict:
    """covered, evidence, criteria and the text for a group of per-criterion results."""
    covered = sum(1 for c in criteria if c["value"] is not None)
    evidence = sum(1 for c in criteria if c["shown"] is not None)
    return {"covered": covered, "evidence": evidence, "criteria": len(criteria),
            "coverage_text": coverage_text(covered, len(criteria), evidence)}


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def criterion_scores(structure: Structure, questions_by_criterion: dict[str, list[str]], state: dict,
                     interview_by_criterion: dict[str, list[str]] | None = None,
                     practical_by_criterion: dict[str, list[float]] | None = None) -> dict[str, dict]:
    answers = state.get("answers", {})
    ratings = state.get("ratings", {})
    interview = state.get("interview", {})
    out = {}
    for cid in structure.criterion_ids():
        scores = [answers[q]["score"] for q in questions_by_criterion.get(cid, []) if q in answers]
        quiz = _mean(scores)
        practical = _mean((practical_by_criterion or {}).get(cid, []))
        shown = _mean([v for v in (quiz, practical) if v is not None])
        rating_parts = []
        if ratings.get(cid) in RATING_VALUES:
            rating_parts.append(RATING_VALUES[ratings[cid]])
        covered = [interview[r]["share"] for r in (interview_by_criterion or {}).get(cid, []) if r in interview and "share" in interview[r]]
        if covered:
            rating_parts.append(_mean(covered))
        rating = _mean(rating_parts)
        if shown is not None and rating is not None:
            value = QUIZ_WEIGHT * shown + RATING_WEIGHT * rating
        else:
            value = shown if shown is not None else rating
        out[cid] = {"id": cid, "anchor": anchor(cid), "quiz": quiz, "answered": len(scores), "practical": practical,
                    "shown": shown, "rating": rating, "value": value,
                    "level": level(value, shown is not None, RATING_ONLY)}
    return out


def readiness(structure: Structure, questions_by_criterion: dict[str, list[str]], state: dict,
              interview_by_criterion: dict[str, list[str]] | None = None,
              practical_by_criterion: dict[str, list[float]] | None = None) -> dict:
    per_criterion = criterion_scores(structure, questions_by_criterion, state, interview_by_criterion,
                                     practical_by_criterion)
    sets, outcomes = [], []
    for qset in structure.sets:
        set_criteria, set_values = [], []
        for outcome in qset["outcomes"]:
            mine = [per_criterion[c["id"]] for c in outcome["criteria"]]
            values = [c["value"] for c in mine if c["value"] is not None]
            value = _mean(values)
            cover = _coverage(mine)
            outcomes.append({"id": outcome["id"], "anchor": anchor(outcome["id"]), "text": outcome["text"],
                             "value": value, "level": level(value, cover["evidence"] == cover["criteria"]), **cover})
            set_criteria += mine
            set_values += values
        value = _mean(set_values)
        cover = _coverage(set_criteria)
        sets.append({"id": qset["id"], "name": qset["name"], "hours": qset["hours"], "value": value,
                     "level": level(value, cover["evidence"] == cover["criteria"]), **cover})
    weighted = [(s["value"], s["hours"]) for s in sets if s["value"] is not None]
    overall = sum(v * h for v, h in weighted) / sum(h for _, h in weighted) if weighted else None
    cover = _coverage(list(per_criterion.values()))
    texts = {c["id"]: c["text"] for s in structure.sets for o in s["outcomes"] for c in o["criteria"]}
    rated = sorted((c for c in per_criterion.values() if c["value"] is not None), key=lambda c: (c["value"], c["id"]))
    overall_level = level(overall, cover["evidence"] == cover["criteria"])
    return {
        "overall": {"value": overall, "level": overall_level, **cover,
                    "text": "Brak danych: rozwiąż kilka pytań albo oceń swoje umiejętności." if overall is None
                    else f"{overall_level['percent']} — {overall_level['label'].lower()}; {cover['coverage_text']}."},
        "sets": sets,
        "outcomes": outcomes,
        "criteria": list(per_criterion.values()),
        "weakest": [{**c, "text": texts[c["id"]]} for c in rated[:10]],
        "without_data": [{"id": c["id"], "anchor": c["anchor"], "text": texts[c["id"]]}
                         for c in per_criterion.values() if c["value"] is None],
    }
