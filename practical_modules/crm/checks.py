"""Check kinds: how a task's checks read the candidate's CRM state.

A task definition lists checks as data — `{kind: fields_each, weight: 2, label: …, …parameters}` —
and each kind here turns its parameters and the state into a score from 0 to 1 and feedback that
names the record and the field ("Szansa „Termix – serwis” jest nadal w etapie Oferta; oczekiwano:
Negocjacje"). Names compare forgivingly (matching.py). A check's optional `explain` text (the
rule, the article of law) is added to its feedback when it fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import identifiers as ids
from . import records as rec
from .dataset import Truth
from .matching import contains_text, normal, same_digits, same_text
from .reports import column, selected
from .wording import names_list
from selfcheck.polish import MONTHS_GENITIVE, MONTHS_NOMINATIVE, count, fold, parse_number, pln, read_date

MAX_NAMED = 4  # feedback names this many records, then says how many more


@dataclass
class Context:
    state: dict
    start: dict
    truth: Truth


@dataclass(frozen=True)
class CheckKind:
    name: str
    run: object
    required: frozenset[str]
    optional: frozenset[str]


CHECKS: dict[str, CheckKind] = {}
COMMON = {"kind", "weight", "label", "explain"}


def check(name: str, required: set[str], optional: set[str] = frozenset()):
    def register(function):
        CHECKS[name] = CheckKind(name, function, frozenset(required), frozenset(optional))
        return function
    return register


# --- comparing ----------------------------------------------------------------------------------

def _field(collection: str, key: str) -> rec.Field:
    try:
        return rec.COLLECTIONS[collection].field(key)
    except KeyError:
        return rec.Field(key, key, "text")


def same_value(kind: str | rec.Field, actual, expected) -> bool:
    """Whether two values of a field (or of a field of `kind`) are the same, however each was written: identifiers
    by their digits ("PL 123-456-32-18" = "1234563218"), a phone number without +48 or 0048
    ("+48 600 100 200" = "600100200"), numbers by value ("12 500,00 zł" = "12500"), dates by day
    ("25.11.2026 r." = "2026-11-25"), an e-mail address with its punctuation, other text by
    `matching.equivalent` (abbreviations, legal forms, case, diacritics, spaces; with what the field
    holds, `Field.compare`: "ul." in a street, "woj." before a voivodeship, "SA" in a firm's name)."""
    form = ""
    if isinstance(kind, rec.Field):
        kind, form = kind.kind, kind.compare
    if kind == "phone":
        return ids.phone_digits(str(actual or "")) == ids.phone_digits(str(expected or "")) \
            and bool(str(expected).strip()) == bool(str(actual).strip())
    if kind in ("nip", "regon", "pesel", "postcode"):
        return same_digits(actual, expected) and bool(str(expected).strip()) == bool(str(actual).strip())
    if kind in ("money", "number", "percent"):
        a, e = parse_number(actual, rec.UNITS[kind]), parse_number(expected, rec.UNITS[kind])
        return a is not None and e is not None and abs(a - e) <= 0.01
    if kind == "date":
        a, e = read_date(str(actual or "")), read_date(str(expected or ""))
        return a == e if a and e else str(actual or "").strip() == str(expected or "").strip()
    if kind == "email":
        return normal(actual) == normal(expected)
    return same_text(actual, expected, form)


def compare(mode: str, kind: str | rec.Field, actual, expected) -> bool:
    if mode == "one_of":
        return any(same_value(kind, actual, e) for e in expected)
    if mode == "not_equal":
        return not same_value(kind, actual, expected)
    if mode == "empty":
        return not str(actual or "").strip()
    if mode == "not_empty":
        return bool(str(actual or "").strip())
    if mode == "not_contains":
        return not contains_text(actual, expected)
    return same_value(kind, actual, expected)


def _quote(value) -> str:
    text = "" if value in (None, "") else str(value)
    return f"„{text}”" if text else "puste"


def _holds(value) -> str:
    """What a field holds, as the rest of a sentence that names the field: "ma wartość „x”" or "jest puste"."""
    return "jest puste" if value in (None, "") else f"ma wartość {_quote(value)}"


def _named(names: list[str]) -> str:
    shown = [f"„{n}”" for n in names[:MAX_NAMED]]
    more = len(names) - MAX_NAMED
    return names_list(shown) + (f" i {count(more, 'inny', 'inne', 'innych')}" if more > 0 else "")


def _describe_wrong(one: str, name: str, field: rec.Field, mode: str, actual, expected, why: str = "") -> str:
    subject = f"{one[0].upper()}{one[1:]} „{name}”"
    if mode == "empty":
        text = f"{subject}: pole „{field.label}” nadal jest wypełnione ({_quote(actual)})."
    elif mode == "not_empty":
        text = f"{subject}: pole „{field.label}” jest puste."
    elif mode == "not_contains":
        text = f"{subject}: w polu „{field.label}” nadal jest {_quote(expected)}."
    elif mode == "not_equal":
        text = f"{subject}: pole „{field.label}” nadal ma wartość {_quote(actual)}."
    elif mode == "one_of":
        text = f"{subject}: pole „{field.label}” ma wartość {_quote(actual)}; pasuje: {names_list([_quote(e) for e in expected])}."
    else:
        text = f"{subject}: pole „{field.label}” ma wartość {_quote(actual)}; oczekiwano: {_quote(expected)}."
    return text[:-1] + f" — {why}." if why else text


# --- generic kinds ------------------------------------------------------------------------------

@check("field", {"collection", "id", "field", "expected"}, {"compare"})
def field_check(ctx: Context, p: dict) -> tuple[float, str]:
    spec = rec.COLLECTIONS[p["collection"]]
    record = rec.find(ctx.state, p["collection"], p["id"])
    if record is None:
        return 0.0, f"W bazie nie ma już rekordu {p['id']} ({spec.one})."
    field = _field(p["collection"], p["field"])
    mode = p.get("compare", "equal")
    if compare(mode, field, record.get(field.key, ""), p["expected"]):
        return 1.0, ""
    return 0.0, _describe_wrong(spec.one, rec.display_name(p["collection"], record, ctx.state), field, mode,
                                record.get(field.key, ""), p["expected"])


@check("fields_each", {"collection", "items", "field"}, {"compare", "expected_key"})
def fields_each(ctx: Context, p: dict) -> tuple[float, str]:
    """Each listed record's field; the score is the share of records that are right."""
    spec = rec.COLLECTIONS[p["collection"]]
    field = _field(p["collection"], p["field"])
    mode = p.get("compare", "equal")
    key = p.get("expected_key", "allowed" if mode == "one_of" else "expected")
    wrong = []
    for item in p["items"]:
        record = rec.find(ctx.state, p["collection"], item["id"])
        if record is None:
            wrong.append(f"W bazie nie ma już rekordu „{item.get('name', item['id'])}”.")
            continue
        expected = item.get(key, "")
        if not compare(mode, field, record.get(field.key, ""), expected):
            wrong.append(_describe_wrong(spec.one, rec.display_name(p["collection"], record, ctx.state), field, mode,
                                         record.get(field.key, ""), expected, item.get("why", "")))
    if not p["items"]:
        return 1.0, ""
    return 1 - len(wrong) / len(p["items"]), " ".join(wrong)


def _through(ctx: Context, collection: str, record: dict, key: str) -> tuple[object, rec.Field]:
    """A field's value, following a reference for keys like "company_id.nip" (the firm's NIP)."""
    if "." not in key:
        return record.get(key, ""), _field(collection, key)
    ref, rest = key.split(".", 1)
    target = _field(collection, ref).target
    linked = rec.find(ctx.state, target, record.get(ref)) or {}
    field = _field(target, rest)
    return linked.get(rest, ""), rec.Field(key, f"{_field(collection, ref).label} – {field.label}", field.kind,
                                           compare=field.compare)


def _matching(ctx: Context, collection: str, find: dict, new: bool) -> list[dict]:
    known = {r["id"] for r in ctx.start[collection]} if new else set()
    return [r for r in ctx.state[collection] if r["id"] not in known
            and all(same_value(_field(collection, k), r.get(k, ""), v) for k, v in find.items())]


@check("record", {"collection", "find", "expect"}, {"new", "describe"})
def record_check(ctx: Context, p: dict) -> tuple[float, str]:
    """A record found by some fields (e.g. a person's name) whose other fields must be as given;
    the score is the share of the expected fields that are right."""
    spec = rec.COLLECTIONS[p["collection"]]
    found = _matching(ctx, p["collection"], p["find"], p.get("new", False))
    if not found:
        described = p.get("describe") or ", ".join(f"{_field(p['collection'], k).label.lower()}: {_quote(v)}"
                                                   for k, v in p["find"].items())
        return 0.0, f"Nie ma {_genitive(spec.one)} ({described})."
    # Of several matches, judge the best one: a duplicate does not hide a correct record.
    scored = []
    for record in found:
        wrong = []
        for key, expected in p["expect"].items():
            actual, field = _through(ctx, p["collection"], record, key)
            if not same_value(field, actual, expected):
                shown = expected
                if field.kind == "ref":
                    target = rec.find(ctx.state, field.target, expected)
                    shown = rec.display_name(field.target, target, ctx.state) if target else expected
                    actual_record = rec.find(ctx.state, field.target, actual)
                    actual = rec.display_name(field.target, actual_record, ctx.state) if actual_record else ""
                wrong.append(f"pole „{field.label}” ma wartość {_quote(actual)}; oczekiwano: {_quote(shown)}")
        scored.append((len(wrong), record, wrong))
    scored.sort(key=lambda s: s[0])
    misses, record, wrong = scored[0]
    total = max(len(p["expect"]), 1)
    if not wrong:
        return 1.0, ""
    name = rec.display_name(p["collection"], record, ctx.state)
    return 1 - misses / total, f"{spec.one[0].upper()}{spec.one[1:]} „{name}”: " + "; ".join(wrong) + "."


_GENITIVE = {"firma": "firmy", "osoba kontaktowa": "osoby kontaktowej", "szansa sprzedaży": "szansy sprzedaży",
             "zadanie": "zadania", "szablon oferty": "szablonu oferty", "cel sprzedażowy": "celu sprzedażowego",
             "produkt lub usługa": "produktu ani usługi"}


def _genitive(one: str) -> str:
    return _GENITIVE.get(one, one)


@check("set_equals", {"collection", "field", "value", "expected"}, {"group"})
def set_equals(ctx: Context, p: dict) -> tuple[float, str]:
    """Exactly the expected records have `field` = `value` (e.g. a segment); the score is the
    share of right decisions among the records that are or should be in the set."""
    field = _field(p["collection"], p["field"])
    expected = {i["id"] if isinstance(i, dict) else i for i in p["expected"]}
    # The set is defined on the starting records; a record the candidate added may join it or not.
    known = {r["id"] for r in ctx.start[p["collection"]]}
    actual = {r["id"] for r in ctx.state[p["collection"]]
              if r["id"] in known and same_value(field, r.get(field.key, ""), p["value"])}
    missing, extra = expected - actual, actual - expected
    if not missing and not extra:
        return 1.0, ""
    group = p.get("group") or f"„{field.label}” = {_quote(p['value'])}"
    names = lambda ids: sorted(rec.display_name(p["collection"], rec.find(ctx.state, p["collection"], i), ctx.state)  # noqa: E731
                               for i in ids if rec.find(ctx.state, p["collection"], i))
    parts = []
    if missing:
        parts.append(f"W grupie {group} brakuje: {_named(names(missing))}.")
    if extra:
        details = []
        for i in sorted(extra):
            r = rec.find(ctx.state, p["collection"], i)
            if p["collection"] == "companies":
                details.append(f"„{r['name']}” ({r['industry']}, {r['size']}, {r['status']})")
            else:
                details.append(f"„{rec.display_name(p['collection'], r, ctx.state)}”")
        parts.append(f"W grupie {group} nie powinno być: {names_list(details[:MAX_NAMED])}"
                     + (f" i {count(len(details) - MAX_NAMED, 'innego', 'innych', 'innych')}" if len(details) > MAX_NAMED else "") + ".")
    union = expected | actual
    return len(expected & actual) / len(union), " ".join(parts)


@check("answers", {"task", "items", "expected_key", "label_key"}, {"why", "options"})
def answers(ctx: Context, p: dict) -> tuple[float, str]:
    """Answers the candidate saved for this task (the `answer` action), item by item."""
    given = ctx.state["answers"].get(p["task"], {})
    wrong = []
    for item in p["items"]:
        expected, answer = item[p["expected_key"]], given.get(item["key"], "")
        label = item[p["label_key"]]
        if str(answer).strip() == "":
            wrong.append(f"Brak odpowiedzi dla: „{label}”.")
        elif not same_text(answer, expected):
            why = (p.get("why") or {}).get(expected, "")
            wrong.append(f"„{label}”: wybrano {_quote(answer)}, a to {_quote(expected)}" + (f" — {why}." if why else "."))
    return 1 - len(wrong) / max(len(p["items"]), 1), " ".join(wrong)


# --- reading the pipeline ------------------------------------------------------------------------

def reading_value(state: dict, measure: str, owner: str, stage: str) -> float:
    if measure == "done_share":
        own = [a for a in state["activities"] if a["owner"] == owner]
        return round(100 * sum(a["status"] == "ukończone" for a in own) / len(own)) if own else 0
    stage_ids = {s["id"] for f in state["funnels"] for s in f["stages"] if same_text(s["name"], stage)}
    open_ones = [o for o in state["opportunities"] if o["status"] == "otwarta"]
    if measure == "stage_sum":
        return round(sum(o["value"] for o in open_ones if o["stage"] in stage_ids), 2)
    return round(sum(o["value"] * o["probability"] / 100 for o in open_ones if o["owner"] == owner), 2)


# A number read from the pipeline is an amount or a share: "45 230,50 zł", "67%".
READING_UNITS = ("zł", "PLN", "%")


@check("reading", {"task", "key", "measure", "owner", "stage", "question"})
def reading(ctx: Context, p: dict) -> tuple[float, str]:
    """A number read from the CRM: right if it matches the data now or as it was at the start
    (reading before or after other tasks' changes is both fair)."""
    answer = ctx.state["answers"].get(p["task"], {}).get(p["key"], "")
    if str(answer).strip() == "":
        return 0.0, f"Brak odpowiedzi na pytanie: {p['question']}"
    number = parse_number(answer, READING_UNITS)
    if number is None:
        return 0.0, f"„{answer}” nie jest liczbą ({p['question']})."
    tolerance = 1 if p["measure"] == "done_share" else 1.0
    values = {reading_value(ctx.state, p["measure"], p["owner"], p["stage"]), reading_value(ctx.start, p["measure"], p["owner"], p["stage"])}
    if any(abs(number - v) <= tolerance for v in values):
        return 1.0, ""
    right = reading_value(ctx.state, p["measure"], p["owner"], p["stage"])
    shown = f"{right:.0f}%" if p["measure"] == "done_share" else pln(right)
    return 0.0, f"{p['question']} Odpowiedź {_quote(answer)} nie zgadza się z danymi; w bazie wychodzi {shown}."


# --- activities ----------------------------------------------------------------------------------

def _planned(ctx: Context, item: dict, owner: str) -> list[dict]:
    known = {a["id"] for a in ctx.start["activities"]}
    return [a for a in ctx.state["activities"] if a["id"] not in known and a["company_id"] == item["company_id"]
            and same_text(a["kind"], item["kind"]) and same_text(a["owner"], owner)
            and (not item.get("opportunity_id") or a["opportunity_id"] == item["opportunity_id"])]


@check("planned", {"items", "owner", "part"})
def planned(ctx: Context, p: dict) -> tuple[float, str]:
    """New activities for the listed items: `part` "term" checks each exists with its due date in
    the window, "priority" checks the priority of those that exist."""
    wrong = []
    for item in p["items"]:
        company = rec.find(ctx.state, "companies", item["company_id"]) or {"name": item["company_id"]}
        found = _planned(ctx, item, p["owner"])
        about = f"„{item['title']}”"
        if not found:
            wrong.append(f"Brak nowego zadania rodzaju „{item['kind']}” dla firmy „{company['name']}” z wykonawcą "
                         f"{p['owner']}" + (" powiązanego z szansą" if item.get("opportunity_id") else "") + f" ({about}).")
            continue
        in_window = [a for a in found if item["from"] <= a["due"] <= item["to"]]
        if p["part"] == "term":
            if not in_window:
                wrong.append(f"Zadanie „{found[0]['title']}” ma termin {found[0]['due']}; {about} wymaga terminu od "
                             f"{item['from']} do {item['to']}.")
        else:
            chosen = (in_window or found)[0]
            if not same_text(chosen["priority"], item["priority"]):
                wrong.append(f"Zadanie „{chosen['title']}” ma priorytet {chosen['priority']}; oczekiwano: {item['priority']} ({about}).")
    return 1 - len(wrong) / max(len(p["items"]), 1), " ".join(wrong)


def _opportunity(ctx: Context, p: dict) -> dict | None:
    if p.get("id"):
        return rec.find(ctx.state, "opportunities", p["id"])
    found = [o for o in ctx.state["opportunities"] if same_text(o["name"], p.get("name", ""))]
    return found[-1] if found else None


def _stage_name(state: dict, stage_id: str) -> str:
    return next((s["name"] for f in state["funnels"] for s in f["stages"] if s["id"] == stage_id), stage_id)


@check("done_for", {"kinds"}, {"id", "name"})
def done_for(ctx: Context, p: dict) -> tuple[float, str]:
    """Completed activities of the given kinds linked to an opportunity; share of kinds present."""
    opportunity = _opportunity(ctx, p)
    if opportunity is None:
        return 0.0, f"Nie ma szansy „{p.get('name') or p.get('id')}”."
    done = {a["kind"] for a in ctx.state["activities"] if a["opportunity_id"] == opportunity["id"] and a["status"] == "ukończone"}
    missing = [k for k in p["kinds"] if k not in done]
    if not missing:
        return 1.0, ""
    return 1 - len(missing) / len(p["kinds"]), (f"Do szansy „{opportunity['name']}” nie ma wykonanego zadania rodzaju "
                                                f"{names_list([_quote(k) for k in missing])}.")


@check("opportunity", {"expect"}, {"id", "name"})
def opportunity_check(ctx: Context, p: dict) -> tuple[float, str]:
    """An opportunity's stage, status, reason and other fields; stage and values compare by name."""
    opportunity = _opportunity(ctx, p)
    if opportunity is None:
        return 0.0, f"Nie ma szansy sprzedaży „{p.get('name') or p.get('id')}”."
    wrong = []
    for key, expected in p["expect"].items():
        if key == "stage":
            actual = _stage_name(ctx.state, opportunity["stage"])
            if opportunity["status"] != "otwarta":
                wrong.append(f"jest zamknięta jako {opportunity['status']}; oczekiwano: otwarta w etapie {expected}")
            elif not same_text(actual, expected):
                wrong.append(f"jest nadal w etapie {actual}; oczekiwano: {expected}")
            continue
        field = _field("opportunities", key)
        actual = opportunity.get(key, "")
        if not same_value(field, actual, expected):
            if key == "status":
                wrong.append(f"ma status {_quote(actual)}; oczekiwano: {_quote(expected)}")
            else:
                shown_actual, shown_expected = actual, expected
                if field.kind == "money":
                    shown_actual, shown_expected = pln(actual or 0), pln(parse_number(expected, rec.UNITS["money"]) or 0)
                if field.kind == "ref":
                    shown_actual = rec.display_name(field.target, rec.find(ctx.state, field.target, actual) or {}, ctx.state)
                    shown_expected = rec.display_name(field.target, rec.find(ctx.state, field.target, expected) or {}, ctx.state)
                wrong.append(f"pole „{field.label}” ma wartość {_quote(shown_actual)}; oczekiwano: {_quote(shown_expected)}")
    if not wrong:
        return 1.0, ""
    return 1 - len(wrong) / len(p["expect"]), f"Szansa „{opportunity['name']}” " + "; ".join(wrong) + "."


@check("stage_path", {"id", "through"})
def stage_path(ctx: Context, p: dict) -> tuple[float, str]:
    """The opportunity's history shows it moved through the listed stages one by one, in order."""
    opportunity = rec.find(ctx.state, "opportunities", p["id"])
    if opportunity is None:
        return 0.0, f"Nie ma szansy {p['id']}."
    known = {e["n"] for e in (rec.find(ctx.start, "opportunities", p["id"]) or {}).get("history", [])}
    moves = [e["text"] for e in opportunity.get("history", []) if e["n"] not in known and e["kind"] == "etap"]
    steps = list(zip(p["through"], p["through"][1:]))
    missing = [f"{a} → {b}" for a, b in steps
               if not any(contains_text(m, f"z etapu {a} do etapu {b}") for m in moves)]
    if not missing:
        return 1.0, ""
    return 1 - len(missing) / len(steps), (f"Historia szansy „{opportunity['name']}” nie pokazuje przejść etap po etapie: "
                                           f"brakuje {names_list(missing)}. Przeskakiwanie etapów ukrywa, co naprawdę się działo.")


# --- settings, goals, funnels --------------------------------------------------------------------

@check("security", {"key", "expected", "mode"})
def security(ctx: Context, p: dict) -> tuple[float, str]:
    from .actions import SECURITY_FIELDS
    actual = ctx.state["settings"]["security"][p["key"]]
    label = SECURITY_FIELDS[p["key"]][0]
    mode, expected = p["mode"], p["expected"]
    if mode == "set":
        right = isinstance(actual, list) and sorted(actual) == sorted(expected)
    elif mode == "eq":
        right = actual == expected
    else:
        right = actual <= expected if mode == "max" else actual >= expected
    if right:
        return 1.0, ""
    def value(v) -> str:
        if isinstance(v, bool):
            return "włączone" if v else "wyłączone"
        if isinstance(v, list):
            return names_list(v) if v else "żadna rola"
        return str(v)
    bound = {"eq": "", "max": "najwyżej ", "min": "co najmniej ", "set": ""}[mode]
    return 0.0, f"Ustawienie „{label}”: {value(actual)}; polityka wymaga: {bound}{value(expected)}."


def _new(ctx: Context, collection: str) -> list[dict]:
    known = {r["id"] for r in ctx.start[collection]}
    return [r for r in ctx.state[collection] if r["id"] not in known]


@check("goal", {"part"}, {"product_id", "industry", "base", "max", "start", "end", "owner", "metric"})
def goal(ctx: Context, p: dict) -> tuple[float, str]:
    goals = _new(ctx, "goals")
    if not goals:
        return 0.0, "Nie ma zapisanego celu sprzedażowego."
    g = goals[-1]
    product = rec.find(ctx.state, "products", g["product_id"])
    part = p["part"]
    if part == "specific":
        if g["product_id"] and g["industry"]:
            return 1.0, ""
        return 0.0, "Cel nie mówi konkretnie, czego i kogo dotyczy: wybierz produkt lub usługę i branżę klientów."
    if part == "relevant":
        wrong = []
        if g["product_id"] != p["product_id"]:
            wrong.append(f"pole „Produkt lub usługa” {_holds(product['name'] if product else '')}, a cel firmy dotyczy usługi "
                         f"{_quote(rec.find(ctx.state, 'products', p['product_id'])['name'])}")
        if not same_text(g["industry"], p["industry"]):
            wrong.append(f"pole „Branża” {_holds(g['industry'])}, a cel firmy dotyczy branży {_quote(p['industry'])}")
        return (1.0, "") if not wrong else (0.0, "Cel nie służy celowi firmy: " + "; ".join(wrong) + ".")
    if part == "measurable":
        if same_text(g["metric"], p["metric"]) and g["target"] > 0:
            return 1.0, ""
        return 0.0, (f"Miernik celu to {_quote(g['metric'])}; skoro liczymy sprzedane usługi, miernikiem jest "
                     f"{_quote(p['metric'])} z liczbą docelową.")
    if part == "achievable":
        if p["base"] < g["target"] <= p["max"]:
            return 1.0, ""
        if g["target"] <= p["base"]:
            return 0.0, f"Wartość docelowa {g['target']:g} nie przekracza wyniku poprzedniego kwartału ({p['base']}): to nie jest wzrost."
        return 0.0, f"Wartość docelowa {g['target']:g} przekracza realny wzrost (najwyżej {p['max']}): cel nieosiągalny zniechęca."
    if part == "time":
        if p["start"] <= g["start"] < g["deadline"] <= p["end"]:
            return 1.0, ""
        return 0.0, (f"Okres celu to {g['start']} – {g['deadline']}; cel ma dotyczyć najbliższego kwartału "
                     f"({p['start']} – {p['end']}) i mieć w nim termin.")
    if part == "owner":
        if same_text(g["owner"], p["owner"]):
            return 1.0, ""
        return 0.0, f"Osoba odpowiedzialna: {_quote(g['owner'])}; oczekiwano: {_quote(p['owner'])}."
    if part == "text":
        target = f"{g['target']:g}"
        # The number as a number, however written ("1 500", "1500", "12,5"): "150" does not contain 15.
        sentence = _NOT_TARGETS.sub(" ", fold(g["description"].casefold()))
        numbers = [parse_number(n) for n in _NUMBER_IN_TEXT.findall(sentence)]
        if any(n is not None and abs(n - g["target"]) < 1e-9 for n in numbers) and len(g["description"].split()) >= 6:
            return 1.0, ""
        return 0.0, (f"Treść celu ma być pełnym zdaniem, które zawiera liczbę docelową ({target}), czego dotyczy i do kiedy; "
                     f"jest: {_quote(g['description'])}.")
    raise ValueError(part)


# A number inside a sentence: digits grouped by three with spaces, or plain, with a decimal part.
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+|\.\d+(?!\.))?(?!\d)")
# Numbers in a goal's sentence that are not its target: a date's day, month and year ("do 30
# czerwca 2026", "do 30.06.2026", "2026-06-30", "30 VI 2026", "w 2026 r.") and a percentage ("o 30%":
# every goal metric is a count or an amount, never a share). Read in folded text (no diacritics).
_MONTH_WORDS = "|".join(fold(m) for m in MONTHS_GENITIVE + MONTHS_NOMINATIVE)
_ROMAN_MONTHS = "xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i"
_NOT_TARGETS = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    rf"|\d{{1,2}}\.?\s*(?:{_MONTH_WORDS})\b(?:\s*\d{{4}})?"
    rf"|\d{{1,2}}(?:\.\s*|\s+)(?:{_ROMAN_MONTHS})(?:\.\s*|\s+)\d{{4}}"
    r"|\d{4}\s*(?:r\b\.?|roku\b)"
    r"|\d+(?:[.,]\d+)?\s*(?:%|proc\b\.?|procent\w*)")


def _funnel(ctx: Context, name: str) -> dict | None:
    known = {f["id"] for f in ctx.start["funnels"]}
    found = [f for f in ctx.state["funnels"] if f["id"] not in known and same_text(f["name"], name)]
    return found[-1] if found else None


@check("funnel", {"name", "part"}, {"min", "max", "days"})
def funnel(ctx: Context, p: dict) -> tuple[float, str]:
    f = _funnel(ctx, p["name"])
    if f is None:
        return 0.0, f"Nie ma nowego lejka o nazwie „{p['name']}”."
    stages, part = f["stages"], p["part"]
    if part == "exists":
        return 1.0, ""
    if part == "stages":
        if p["min"] <= len(stages) <= p["max"]:
            return 1.0, ""
        return 0.0, (f"Lejek „{f['name']}” ma {count(len(stages), 'etap otwarty', 'etapy otwarte', 'etapów otwartych')}; "
                     f"dla tej sprzedaży potrzeba od {p['min']} do {p['max']}.")
    if part == "first_contact":
        kinds = {step["kind"] for step in stages[0]["plan"]}
        if kinds & {"telefon", "e-mail", "spotkanie"}:
            return 1.0, ""
        return 0.0, (f"Pierwszy etap („{stages[0]['name']}”) nie ma zadania kontaktu z klientem (telefon, e-mail albo "
                     "spotkanie), od którego zaczyna się kwalifikacja.")
    if part == "offer":
        offer = [s for s in stages if contains_text(s["name"], "ofert")]
        if not offer:
            return 0.0, f"Lejek „{f['name']}” nie ma etapu oferty (nazwa etapu ze słowem „oferta”)."
        if "oferta" not in offer[0]["required"]:
            return 0.0, f"Etap „{offer[0]['name']}” nie wymaga wykonanego zadania rodzaju „oferta”, więc szansa wyjdzie z niego bez wysłanej oferty."
        return 1.0, ""
    if part == "plans":
        empty = [s["name"] for s in stages if not s["plan"]]
        if not empty:
            return 1.0, ""
        return 1 - len(empty) / len(stages), f"Etapy bez przypisanych zadań: {_named(empty)}."
    if part == "schedule":
        total = sum(max((step["day"] for step in s["plan"]), default=0) for s in stages)
        if len(stages) <= total <= p["days"]:
            return 1.0, ""
        if total < len(stages):
            return 0.0, ("Harmonogram nie rozkłada zadań w czasie: dni od wejścia w etap są prawie wszędzie 0. "
                         "Ustal, po ilu dniach od wejścia w etap ma być wykonane każde zadanie.")
        return 0.0, (f"Harmonogram lejka trwa {count(total, 'dzień', 'dni', 'dni')} (suma najpóźniejszych terminów etapów); "
                     f"mała firma decyduje szybko — zmieść się w {p['days']} dniach.")
    raise ValueError(part)


# --- reports, exports, templates, offers ----------------------------------------------------------

def _report(ctx: Context, name: str) -> dict | None:
    found = [r for r in ctx.state["reports"] if same_text(r["name"], name)]
    return found[-1] if found else None


@check("report", {"name", "part"}, {"source", "group_by", "aggregate", "measure", "chart", "filter_field", "filter_value",
                                    "stage", "why"})
def report(ctx: Context, p: dict) -> tuple[float, str]:
    saved = _report(ctx, p["name"])
    if saved is None:
        names = [r["name"] for r in ctx.state["reports"]]
        return 0.0, f"Nie ma zapisanego raportu „{p['name']}”" + (f" (zapisane: {_named(names)})." if names else ".")
    spec, part = saved["spec"], p["part"]
    source_label = {"opportunities": "szanse sprzedaży", "companies": "firmy", "contacts": "osoby kontaktowe",
                    "activities": "zadania"}
    if part == "source":
        if spec["source"] == p["source"]:
            return 1.0, ""
        return 0.0, f"Raport czyta {source_label[spec['source']]}, a pytanie dotyczy: {source_label[p['source']]}."
    if part == "group":
        if spec["group_by"] == p["group_by"] and spec["source"] == p["source"]:
            return 1.0, ""
        chosen = column(spec["source"], spec["group_by"]).label if spec["group_by"] else "brak grupowania"
        return 0.0, f"Raport grupuje według: {chosen}; oczekiwano: {column(p['source'], p['group_by']).label}."
    if part == "aggregate":
        if spec["aggregate"] == p["aggregate"] and spec.get("measure", "") == p.get("measure", ""):
            return 1.0, ""
        wanted = {"count": "liczba rekordów", "sum": "suma", "avg": "średnia"}[p["aggregate"]]
        if p.get("measure"):
            wanted += f" pola „{column(p['source'], p['measure']).label}”"
        return 0.0, f"Raport liczy {_aggregate_text(spec)}; oczekiwano: {wanted}."
    if part == "chart":
        if spec["chart"] == p["chart"]:
            return 1.0, ""
        from .report_charts import CHARTS
        return 0.0, f"Wybrano: {CHARTS[spec['chart']]}; do tego celu pasuje {CHARTS[p['chart']]} — {p.get('why', '')}".rstrip(" —") + "."
    if part == "rows":
        if p.get("stage"):
            expected = selected(ctx.state, {"source": "opportunities", "filters": [
                {"field": "stage", "op": "=", "value": p["stage"]}]})
        else:
            expected = selected(ctx.state, {"source": p["source"], "filters": [
                {"field": p["filter_field"], "op": "=", "value": p["filter_value"]}]})
        if spec["source"] != (p.get("source") or "opportunities"):
            return 0.0, "Raport czyta inne dane, więc pokazuje inne rekordy niż trzeba."
        shown = {r["id"] for r in selected(ctx.state, spec)}
        wanted = {r["id"] for r in expected}
        return _rows_feedback(ctx, spec["source"], wanted, shown)
    raise ValueError(part)


def _aggregate_text(spec: dict) -> str:
    base = {"count": "liczbę rekordów", "sum": "sumę", "avg": "średnią"}[spec["aggregate"]]
    if spec.get("measure"):
        base += f" pola „{column(spec['source'], spec['measure']).label}”"
    return base


def _rows_feedback(ctx: Context, source: str, wanted: set, shown: set) -> tuple[float, str]:
    missing, extra = wanted - shown, shown - wanted
    if not missing and not extra:
        return 1.0, ""
    parts = []
    if missing:
        if source == "opportunities":
            by_owner: dict[str, list[str]] = {}
            for i in sorted(missing):
                o = rec.find(ctx.state, "opportunities", i)
                by_owner.setdefault(o["owner"], []).append(o["name"])
            parts.append("W raporcie brakuje " + "; ".join(
                f"{_count_genitive(len(v))} opiekuna {k} ({_named(v)})" for k, v in by_owner.items()) + ".")
        else:
            parts.append(f"W raporcie brakuje: {_named([rec.display_name(source, rec.find(ctx.state, source, i), ctx.state) for i in sorted(missing)])}.")
    if extra:
        parts.append(f"Raport pokazuje rekordy, które nie spełniają warunków: "
                     f"{_named([rec.display_name(source, rec.find(ctx.state, source, i), ctx.state) for i in sorted(extra)])} — sprawdź filtry.")
    union = wanted | shown
    return len(wanted & shown) / len(union), " ".join(parts)


def _count_genitive(n: int) -> str:
    """ "jednej szansy", "dwóch szans", "5 szans" (after "brakuje")."""
    words = {1: "jednej szansy", 2: "dwóch szans", 3: "trzech szans", 4: "czterech szans"}
    return words.get(n, f"{n} szans")


def _export(ctx: Context, name: str) -> dict | None:
    found = [e for e in ctx.state["exports"] if same_text(e["name"], name)]
    return found[-1] if found else None


@check("export", {"name", "part"}, {"allowed", "needed"})
def export(ctx: Context, p: dict) -> tuple[float, str]:
    record = _export(ctx, p["name"])
    if record is None:
        return 0.0, f"Nie ma eksportu „{p['name']}”."
    if p["part"] == "exists":
        return 1.0, ""
    if p["part"] == "fields":
        fields = record["spec"]["fields"]
        label = lambda key: column("contacts", key).label  # noqa: E731
        extra = [label(f) for f in fields if f not in p["allowed"]]
        missing = [label(f) for f in p["needed"] if f not in fields]
        parts = []
        if missing:
            parts.append(f"W eksporcie brakuje pól potrzebnych do wysyłki: {names_list(missing)}.")
        if extra:
            parts.append(f"Eksport zawiera pola, których wysyłka nie potrzebuje: {names_list(extra)}.")
        if not parts:
            return 1.0, ""
        return 0.0, " ".join(parts)
    # Who may get it: the people in the base when the export was made, with their consents as they are now.
    expected = {c["id"] for c in ctx.state["contacts"][:record.get("base_size", len(ctx.state["contacts"]))]
                if c["consent_email"] == "udzielona" and not c["objection"] and c["email"]}
    shown = set(record["contact_ids"])
    missing, extra = expected - shown, shown - expected
    if not missing and not extra:
        return 1.0, ""
    parts = []
    if extra:
        reasons = []
        for i in sorted(extra):
            person = rec.find(ctx.state, "contacts", i) or rec.find(ctx.start, "contacts", i)
            name = rec.display_name("contacts", person, ctx.state)
            if person["objection"]:
                reasons.append(f"„{name}” — zgłoszono sprzeciw wobec marketingu")
            elif person["consent_email"] != "udzielona":
                reasons.append(f"„{name}” — zgoda na e-mail: {person['consent_email']}")
            else:
                reasons.append(f"„{name}” — brak adresu e-mail")
        parts.append(f"W eksporcie są osoby, do których nie wolno wysłać newslettera: {'; '.join(reasons[:MAX_NAMED])}"
                     + (f" i {count(len(reasons) - MAX_NAMED, 'inna', 'inne', 'innych')}" if len(reasons) > MAX_NAMED else "") + ".")
    if missing:
        names = [rec.display_name("contacts", rec.find(ctx.state, "contacts", i) or rec.find(ctx.start, "contacts", i), ctx.state)
                 for i in sorted(missing)]
        parts.append(f"Brakuje osób, które zgodziły się na e-mail i nie zgłosiły sprzeciwu: {_named(names)}.")
    union = expected | shown
    return len(expected & shown) / len(union), " ".join(parts)


def _template(ctx: Context, name: str) -> dict | None:
    found = [t for t in ctx.state["templates"] if same_text(t["name"], name)]
    return found[-1] if found else None


@check("template", {"name", "part"}, {"tags"})
def template(ctx: Context, p: dict) -> tuple[float, str]:
    record = _template(ctx, p["name"])
    if record is None:
        return 0.0, f"Nie ma szablonu „{p['name']}”."
    part = p["part"]
    if part == "exists":
        return 1.0, ""
    if part == "tags":
        missing = [t for t in p["tags"] if "{{" + t + "}}" not in record["body"].replace("{{ ", "{{").replace(" }}", "}}")
                   and "{{" + t + "}}" not in record["subject"].replace("{{ ", "{{").replace(" }}", "}}")]
        if not missing:
            return 1.0, ""
        return 1 - len(missing) / len(p["tags"]), f"W szablonie „{record['name']}” brakuje znaczników: {', '.join('{{' + t + '}}' for t in missing)}."
    if part == "subject":
        if "firma.nazwa" in record["subject"].replace(" ", ""):
            return 1.0, ""
        return 0.0, "Temat nie zawiera znacznika {{firma.nazwa}}, więc każdy klient dostanie ten sam temat."
    if part == "no_fixed_names":
        text = normal(record["subject"] + " " + record["body"])
        fixed = [c["name"] for c in ctx.state["companies"] if normal(c["name"]) in text]
        fixed += [f"{c['first_name']} {c['last_name']}" for c in ctx.state["contacts"]
                  if normal(f"{c['first_name']} {c['last_name']}") in text]
        if not fixed:
            return 1.0, ""
        return 0.0, (f"Szablon ma na stałe wpisane dane konkretnego klienta ({_named(fixed)}); zamiast nich użyj znaczników, "
                     "np. {{firma.nazwa}}, {{kontakt.imie_nazwisko}}.")
    raise ValueError(part)


@check("offer", {"company_id", "contact_id", "part"}, {"product_id", "quantity", "opportunity_id"})
def offer(ctx: Context, p: dict) -> tuple[float, str]:
    sent = [d for d in _new(ctx, "documents") if d["company_id"] == p["company_id"]]
    company = rec.find(ctx.state, "companies", p["company_id"])
    contact = rec.find(ctx.state, "contacts", p["contact_id"])
    who = f"{contact['first_name']} {contact['last_name']}" if contact else p["contact_id"]
    if not sent:
        return 0.0, f"Nie wysłano oferty do firmy „{company['name']}” (w historii firmy nie ma wysłanej oferty)."
    to_person = [d for d in sent if d["contact_id"] == p["contact_id"]]
    if p["part"] == "sent":
        if to_person:
            return 1.0, ""
        other = rec.find(ctx.state, "contacts", sent[-1]["contact_id"])
        return 0.0, f"Oferta poszła do: {other['first_name']} {other['last_name']}; adresatem miała być osoba {who}."
    documents = to_person or sent
    if p["part"] == "items":
        for document in documents:
            if any(i["product_id"] == p["product_id"] and abs(i["quantity"] - float(p["quantity"])) < 1e-9 for i in document["items"]):
                return 1.0, ""
        product = rec.find(ctx.state, "products", p["product_id"])
        return 0.0, f"Oferta {documents[-1]['number']} nie zawiera pozycji: {product['name']} × {p['quantity']}."
    if p["part"] == "linked":
        if any(d["opportunity_id"] == p["opportunity_id"] for d in documents):
            return 1.0, ""
        opportunity = rec.find(ctx.state, "opportunities", p["opportunity_id"])
        return 0.0, (f"Oferta {documents[-1]['number']} nie jest powiązana z szansą „{opportunity['name']}”, więc "
                     "nie ma jej w historii szansy ani w czynnościach jej etapu.")
    raise ValueError(p["part"])
