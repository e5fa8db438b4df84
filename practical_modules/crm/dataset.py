"""The practice CRM's starting data, drawn from the fictional world with one seed.

`generate(seed, today)` returns the same records for the same seed and day in CPython and in
Pyodide: every draw comes from its own `random.Random`, never the global one, and dates are
counted from `today`, which the caller passes (the engine never reads the clock).

Some records are deliberately wrong or incomplete, because tasks ask the candidate to find them:
three firms have a NIP with a typo (a wrong check digit), three lack REGON and the register it
comes from, a few contacts keep a PESEL the sales process does not need or a note with data of
special categories, and one contact objected to marketing while the consent field still says
"udzielona". `truth` says which, and what the right values are; it never enters the state.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import configuration
from . import identifiers as ids
from .matching import normal
from .world import world

DATASET_VERSION = 2
# Dataset 1: states saved before every variant had customers in each register. Their records were
# drawn by version 1's rules, so their tasks are still checked against version 1's starting data
# (a saved practice is never refused for a data change); new states and resets get the newest.
DATASET_VERSIONS = (1, 2)
FORMAT = "crm"
STATE_VERSION = 1


@dataclass
class Truth:
    """What the generator did on purpose, for the tasks that ask about it."""
    bad_nip: dict[str, str] = field(default_factory=dict)          # company id -> the right NIP
    missing_regon: dict[str, str] = field(default_factory=dict)    # company id -> its REGON
    special_notes: dict[str, str] = field(default_factory=dict)    # contact id -> category of the note
    needless_pesel: list[str] = field(default_factory=list)         # contact ids
    objection_with_consent: str = ""                                # contact id


def rng_for(seed: int, purpose: str) -> random.Random:
    """A generator of its own for each purpose, so adding draws in one place never shifts another."""
    return random.Random(f"{purpose}:{int(seed)}")


def slug(text: str) -> str:
    return "".join(ch for ch in normal(text).replace(" ", "-") if ch.isalnum() or ch == "-").strip("-")


def person(rng: random.Random, used: set[str] | None = None) -> dict:
    """A fictional person: first and last name in the same grammatical gender, and that gender for PESEL."""
    w = world()
    while True:
        sex = rng.choice("KM")
        first = rng.choice(w["first_names"][sex])
        last = rng.choice(w["surnames"])[0 if sex == "M" else 1]
        if used is None or f"{first} {last}" not in used:
            if used is not None:
                used.add(f"{first} {last}")
            return {"first_name": first, "last_name": last, "sex": sex}


def email_of(first: str, last: str, domain: str) -> str:
    return f"{slug(first)}.{slug(last)}@{domain}".replace("-.", ".")


def phone(rng: random.Random) -> str:
    return ids.format_phone(str(rng.choice((5, 6, 7, 8))) + "".join(str(rng.randint(0, 9)) for _ in range(8)))


def address(rng: random.Random) -> dict:
    w = world()
    city, voivodeship, prefix = rng.choice(w["cities"])
    return {"street": f"ul. {rng.choice(w['streets'])} {rng.randint(1, 120)}",
            "postcode": f"{prefix}-{rng.randint(0, 999):03d}", "city": city, "voivodeship": voivodeship}


def day(today: date, offset: int) -> str:
    return (today + timedelta(days=offset)).isoformat()


def company_name(rng: random.Random, industry: dict, form: str, owner: dict, used: set[str]) -> tuple[str, str]:
    """(full name, short name). A sole trader's firm name contains the owner's name."""
    if form == "jednoosobowa działalność gospodarcza":
        short = owner["last_name"]
        return f"{owner['first_name']} {owner['last_name']} {rng.choice(industry['trade'])}", short
    stem = rng.choice([s for s in industry["stems"] if s not in used])
    used.add(stem)
    return f"{stem} {form}", stem


def new_company(rng: random.Random, *, used_stems: set[str], used_people: set[str], industry: dict | None = None,
                form: str | None = None) -> tuple[dict, dict]:
    """A fictional firm (not yet an id) and the person who owns or represents it."""
    w = world()
    industry = industry or rng.choice(w["industries"])
    forms = w["legal_forms"]
    form = form or rng.choices([f["name"] for f in forms], weights=[f["weight"] for f in forms])[0]
    if form != "jednoosobowa działalność gospodarcza" and all(s in used_stems for s in industry["stems"]):
        industry = rng.choice([i for i in w["industries"] if any(s not in used_stems for s in i["stems"])])
    owner = person(rng, used_people)
    name, short = company_name(rng, industry, form, owner, used_stems)
    sole = form == "jednoosobowa działalność gospodarcza"
    size = rng.choices([s["name"] for s in w["sizes"]], weights=[5, 3, 1, 0] if sole else [2, 4, 3, 2])[0]
    domain = f"{slug(short)}.example"
    regon = ids.make_regon9(rng)
    company = {"name": name, "short": short, "legal_form": form, "nip": ids.format_nip(ids.make_nip(rng)),
               "regon": regon, **address(rng), "industry": industry["name"], "size": size,
               "email": f"biuro@{domain}", "phone": phone(rng), "domain": domain,
               "register": next(f["register"] for f in forms if f["name"] == form)}
    return company, owner


def one_of_each_register(picked: list[dict], others: list[dict], rng: random.Random) -> list[dict]:
    """`picked` firms (customers, whose `data_source` is their register) with, for each register
    missing among them, one firm of `others` in that register instead of a firm whose register
    is there twice: a task about choosing the register then never has one right answer for all."""
    picked = list(picked)
    for register in sorted({f["register"] for f in world()["legal_forms"]}):
        if any(c["data_source"] == register for c in picked):
            continue
        pool = [c for c in others if c["data_source"] == register]
        doubled = [i for i, c in enumerate(picked) if sum(d["data_source"] == c["data_source"] for d in picked) > 1]
        if pool and doubled:
            picked[rng.choice(doubled)] = rng.choice(pool)
    return picked


def generate(seed: int, today: date, version: int = DATASET_VERSION) -> tuple[dict, Truth]:
    """The starting state for `seed` on `today` by dataset `version`'s rules, and what was made wrong on purpose."""
    w = world()
    rng = rng_for(seed, "dataset")
    truth = Truth()
    used_stems: set[str] = set()
    used_people: set[str] = set()

    profile = rng.choice(w["sellers"])
    seller_domain = f"{slug(profile['name'])}.example"
    team = []
    for role in ("kierownik sprzedaży", "handlowiec", "handlowiec", "handlowiec"):
        p = person(rng, used_people)
        team.append({"name": f"{p['first_name']} {p['last_name']}", "role": role,
                     "email": email_of(p["first_name"], p["last_name"], seller_domain), "phone": phone(rng)})
    where = address(rng)
    seller = {"name": f"{profile['name']} sp. z o.o.", "business": profile["business"],
              "nip": ids.format_nip(ids.make_nip(rng)), "address": f"{where['street']}, {where['postcode']} {where['city']}",
              "team": team}
    salespeople = [p["name"] for p in team if p["role"] == "handlowiec"]
    products = [{"id": f"P{i:03d}", "name": p["name"], "kind": p["kind"], "unit": p["unit"], "price": p["price"],
                 "vat": p["vat"], "service": bool(p.get("service"))} for i, p in enumerate(profile["products"], 1)]

    funnel = {"id": "L001", "name": w["funnel"]["name"], "purpose": "sprzedaż dla firm (domyślny)",
              "stages": [{"id": f"E{i}", "name": s["name"], "probability": s["probability"],
                          "required": list(s.get("required", [])), "plan": []}
                         for i, s in enumerate(w["funnel"]["stages"], 1)]}
    stages = funnel["stages"]

    state = {"format": FORMAT, "version": STATE_VERSION, "dataset": version, "seed": int(seed),
             "today": today.isoformat(), "seller": seller,
             "vocabulary": {"legal_forms": [f["name"] for f in w["legal_forms"]],
                            "voivodeships": sorted({c[1] for c in w["cities"]}),
                            "industries": [i["name"] for i in w["industries"]],
                            "sizes": [s["name"] for s in w["sizes"]],
                            **{key: list(w[key]) for key in ("acquisition_sources", "data_sources", "channels", "segments",
                                                              "lost_reasons", "activity_kinds")}},
             "products": products, "companies": [], "contacts": [], "opportunities": [], "activities": [],
             "funnels": [funnel], "templates": [{"id": "T001", **{k: w["offer_template"][k] for k in ("name", "subject", "body")}}],
             "goals": [], "reports": [], "exports": [], "documents": [], "answers": {}, "results": {},
             "settings": {"security": {"two_factor": False, "session_timeout_min": 60, "password_min_length": 8,
                                       "backup": "co tydzień", "restore_test": False, "audit_log": False,
                                       "export_roles": ["administrator", "kierownik sprzedaży", "handlowiec", "stażysta"]}},
             "events": 0}

    def event(record: dict, when: str, kind: str, text: str) -> None:
        state["events"] += 1
        record.setdefault("history", []).append({"n": state["events"], "date": when, "kind": kind, "text": text})

    # Firms: mostly customers, some leads, a few former customers.
    statuses = ["klient"] * 23 + ["lead"] * 8 + ["były klient"] * 3
    rng.shuffle(statuses)
    shorts = {}
    owners = {}
    for number, status in enumerate(statuses, 1):
        company, owner = new_company(rng, used_stems=used_stems, used_people=used_people)
        cid = f"F{number:03d}"
        created = day(today, -rng.randint(30, 900) if status != "lead" else -rng.randint(3, 60))
        record = {"id": cid, "name": company["name"], "legal_form": company["legal_form"], "nip": company["nip"],
                  "regon": company["regon"], "street": company["street"], "postcode": company["postcode"],
                  "city": company["city"], "voivodeship": company["voivodeship"], "industry": company["industry"],
                  "size": company["size"], "status": status, "source": rng.choice(w["acquisition_sources"]),
                  "data_source": company["register"] if status != "lead" else "", "segment": "", "channel": "",
                  "owner": rng.choice(salespeople), "email": company["email"], "phone": company["phone"],
                  "notes": "", "created": created, "history": []}
        event(record, created, "utworzenie", "Dodano firmę do bazy.")
        state["companies"].append(record)
        shorts[cid] = company["short"]
        owners[cid] = (owner, company["domain"])
    # Every register a legal form leads to has customers (a task asks which register confirms a
    # customer's data): in the rare draw without one, a customer is drawn again in such a form.
    fix = rng_for(seed, "registers")
    for register in sorted({f["register"] for f in w["legal_forms"]}) if version >= 2 else ():
        customers = [c for c in state["companies"] if c["status"] == "klient"]
        if not any(c["data_source"] == register for c in customers):
            record = fix.choice([c for c in customers if sum(d["data_source"] == c["data_source"] for d in customers) > 1])
            form = fix.choice([f["name"] for f in w["legal_forms"] if f["register"] == register])
            company, owner = new_company(fix, used_stems=used_stems, used_people=used_people, form=form)
            record.update({k: company[k] for k in ("name", "legal_form", "nip", "regon", "street", "postcode", "city",
                                                   "voivodeship", "industry", "size", "email", "phone")},
                          data_source=register)
            shorts[record["id"]] = company["short"]
            owners[record["id"]] = (owner, company["domain"])

    # Contacts: a sole trader is the first contact of their own firm; others have 1–3 people.
    consents = (("udzielona", 55), ("brak", 35), ("wycofana", 10))
    number = 0
    for company in state["companies"]:
        owner, domain = owners[company["id"]]
        sole = company["legal_form"] == "jednoosobowa działalność gospodarcza"
        # In a partnership or company the owner is not necessarily anyone the seller talks to.
        people = [owner] * sole + [person(rng, used_people) for _ in range(rng.randint(0, 1) if sole else rng.randint(2, 3))]
        for index, p in enumerate(people):
            number += 1
            kid = f"K{number:03d}"
            is_owner = sole and index == 0
            position = w["owner_position"][p["sex"] == "K"] if is_owner else rng.choice(w["positions"])[p["sex"] == "K"]
            record = {"id": kid, "company_id": company["id"], "first_name": p["first_name"], "last_name": p["last_name"],
                      "position": position, "email": email_of(p["first_name"], p["last_name"], domain),
                      "phone": phone(rng), "pesel": "", "source": company["source"],
                      "basis": ("art. 6 ust. 1 lit. b RODO – umowa" if is_owner and company["status"] == "klient"
                                else "art. 6 ust. 1 lit. f RODO – prawnie uzasadniony interes"),
                      "consent_email": "", "consent_email_date": "", "consent_phone": "", "consent_phone_date": "",
                      "objection": "", "notes": rng.choice(w["notes_plain"]) if rng.random() < 0.3 else "",
                      "created": company["created"], "_sex": p["sex"]}
            for channel in ("email", "phone"):
                status = rng.choices([c[0] for c in consents], weights=[c[1] for c in consents])[0]
                record[f"consent_{channel}"] = status
                if status != "brak":
                    record[f"consent_{channel}_date"] = day(today, -rng.randint(20, 1000))
            state["contacts"].append(record)

    contacts = state["contacts"]
    while len(contacts) < 60:  # never fewer than the 60 contacts tasks and reports count on
        company = rng.choice(state["companies"])
        p = person(rng, used_people)
        contacts.append({**contacts[-1], "id": f"K{len(contacts) + 1:03d}", "company_id": company["id"],
                         "first_name": p["first_name"], "last_name": p["last_name"], "pesel": "", "notes": "",
                         "email": email_of(p["first_name"], p["last_name"], owners[company["id"]][1]), "_sex": p["sex"],
                         "position": rng.choice(w["positions"])[p["sex"] == "K"],
                         "basis": "art. 6 ust. 1 lit. f RODO – prawnie uzasadniony interes"})
    # PESEL kept for some sole traders: the sales process does not need it (RODO art. 5 ust. 1 lit. c).
    sole_owners = [c for c in contacts if c["basis"].startswith("art. 6 ust. 1 lit. b")]
    for contact in rng.sample(sole_owners, min(3, len(sole_owners))):
        born = date(rng.randint(1960, 1999), rng.randint(1, 12), rng.randint(1, 28))
        contact["pesel"] = ids.make_pesel(rng, born, contact["_sex"])
        truth.needless_pesel.append(contact["id"])
    # Notes with special-category data (RODO art. 9 ust. 1).
    plain = [c for c in contacts if not c["pesel"]]
    for contact, note in zip(rng.sample(plain, 2), rng.sample(w["notes_special"], 2)):
        contact["notes"] = note["text"]
        truth.special_notes[contact["id"]] = note["category"]
    # One objection the consent field does not show yet, and two recorded properly.
    candidates = [c for c in contacts if c["id"] not in truth.special_notes and not c["pesel"]]
    picked = rng.sample(candidates, 3)
    conflict = picked[0]
    given = day(today, -rng.randint(300, 700))
    conflict.update(consent_email="udzielona", consent_email_date=given, consent_phone="udzielona", consent_phone_date=given,
                    objection=day(today, -rng.randint(5, 60)))
    truth.objection_with_consent = conflict["id"]
    for contact in picked[1:]:
        when = day(today, -rng.randint(30, 400))
        contact.update(objection=when, consent_email="wycofana", consent_email_date=when,
                       consent_phone="wycofana" if contact["consent_phone"] != "brak" else "brak",
                       consent_phone_date=when if contact["consent_phone"] != "brak" else "")
    for contact in contacts:
        del contact["_sex"]

    # Wrong on purpose: NIP typos and missing REGON, among customers.
    customers = [c for c in state["companies"] if c["status"] == "klient"]
    chosen = rng.sample(customers, 6)
    for company in chosen[:3]:
        truth.bad_nip[company["id"]] = company["nip"]
        company["nip"] = ids.format_nip(ids.typo(rng, ids.digits_only(company["nip"]), ids.nip_problem))
    missing = chosen[3:] if version < 2 else one_of_each_register(chosen[3:], [c for c in customers if c not in chosen], fix)
    for company in missing:
        truth.missing_regon[company["id"]] = company["regon"]
        company["regon"] = ""
        company["data_source"] = ""

    # Opportunities, with the activities each passed stage needed done, so the data obeys the rules.
    open_plan = [0] * 6 + [1] * 6 + [2] * 8 + [3] * 7
    closed_plan = ["wygrana"] * 8 + ["przegrana"] * 5
    buyers = [c for c in state["companies"] if c["status"] in ("klient", "lead")]
    serial = 0
    names: set[str] = set()
    for plan in open_plan + closed_plan:
        while True:  # tasks name opportunities: each name once
            company, product = rng.choice(buyers), rng.choice(products)
            if f"{shorts[company['id']]} – {product['name']}" not in names:
                names.add(f"{shorts[company['id']]} – {product['name']}")
                break
        people = [c for c in contacts if c["company_id"] == company["id"]]
        quantity = 1 if product["price"] >= 20000 else rng.randint(1, 12)
        serial += 1
        sid = f"S{serial:03d}"
        is_open = isinstance(plan, int)
        stage_index = plan if is_open else rng.randint(1, len(stages) - 1)
        started = -rng.randint(15, 200) if is_open else -rng.randint(60, 400)
        opportunity = {"id": sid, "name": f"{shorts[company['id']]} – {product['name']}", "company_id": company["id"],
                       "contact_id": rng.choice(people)["id"] if people else "", "product_id": product["id"],
                       "value": round(product["price"] * quantity, 2), "funnel_id": funnel["id"],
                       "stage": stages[stage_index]["id"], "probability": stages[stage_index]["probability"],
                       "owner": company["owner"],
                       "close_date": day(today, rng.randint(5, 120)) if is_open else day(today, started + rng.randint(20, 50)),
                       "status": "otwarta" if is_open else plan, "lost_reason": "", "lost_note": "",
                       "closed_date": "", "last_stage": "", "created": day(today, started), "history": []}
        event(opportunity, opportunity["created"], "utworzenie", f"Utworzono szansę w etapie {stages[0]['name']}.")
        when = started
        for passed in stages[:stage_index]:
            for kind in passed["required"]:
                when += rng.randint(2, 8)
                state["activities"].append(_activity(state, rng, kind, passed, opportunity, company, day(today, min(when, -1)), True))
            when += 1
            following = stages[stages.index(passed) + 1]
            event(opportunity, day(today, min(when, -1)), "etap", f"Przeniesiono z etapu {passed['name']} do etapu {following['name']}.")
        if not is_open:
            closed = opportunity["close_date"]
            opportunity.update(closed_date=closed, last_stage=stages[stage_index]["id"])
            if plan == "wygrana":
                opportunity["probability"] = 100
                event(opportunity, closed, "wygrana", "Oznaczono jako wygraną.")
                event(company, closed, "wygrana", f"Wygrana szansa „{opportunity['name']}”.")
            else:
                opportunity.update(probability=0, lost_reason=rng.choice(w["lost_reasons"][:-1]))
                event(opportunity, closed, "przegrana", f"Oznaczono jako przegraną; powód: {opportunity['lost_reason']}.")
        else:
            stage = stages[stage_index]
            for kind in stage["required"]:
                if rng.random() < 0.6:
                    state["activities"].append(_activity(state, rng, kind, stage, opportunity, company,
                                                         day(today, rng.randint(-4, 14)), False))
        state["opportunities"].append(opportunity)
    # Follow-ups not tied to an opportunity: courtesy calls, reminders.
    for company in rng.sample(state["companies"], 10):
        kind = rng.choice(["telefon", "e-mail", "spotkanie"])
        done = rng.random() < 0.4
        record = _activity(state, rng, kind, None, None, company, day(today, rng.randint(-20, -1) if done else rng.randint(-3, 21)), done)
        state["activities"].append(record)
    for record in state["activities"]:
        if record["status"] == "ukończone":
            company = next(c for c in state["companies"] if c["id"] == record["company_id"])
            event(company, record["done_date"], "zadanie", f"Wykonano: {record['title']}.")
    for company in state["companies"]:
        company["history"].sort(key=lambda e: (e["date"], e["n"]))
    return state, truth


_TITLES = {"telefon": "Telefon", "spotkanie": "Spotkanie", "e-mail": "E-mail", "oferta": "Wysłanie oferty",
           "umowa": "Przygotowanie umowy", "prezentacja": "Prezentacja", "inne": "Zadanie"}


def _activity(state: dict, rng: random.Random, kind: str, stage: dict | None, opportunity: dict | None, company: dict,
              when: str, done: bool) -> dict:
    aid = f"Z{len(state['activities']) + 1:03d}"
    about = f" – {stage['name'].lower()}" if stage else " – kontakt okresowy"
    return {"id": aid, "title": f"{_TITLES.get(kind, kind.capitalize())}{about} ({company['name']})", "kind": kind,
            "due": when, "priority": rng.choice(["wysoki", "średni", "średni", "niski"]),
            "status": "ukończone" if done else "do zrobienia", "owner": opportunity["owner"] if opportunity else company["owner"],
            "company_id": company["id"], "opportunity_id": opportunity["id"] if opportunity else "",
            "stage": stage["id"] if stage else "", "done_date": when if done else "", "notes": ""}


_CACHE: dict[tuple[int, int, str, int], tuple[dict, Truth]] = {}


def starting(seed: int, today: str, version: int = DATASET_VERSION) -> tuple[dict, Truth]:
    """The starting data for a saved state's seed, day and dataset version (cached: tasks compare
    against it often). Callers must not change what they get; `fresh_state` hands out a copy."""
    key = (configuration.generation(), int(seed), today, version)  # a new install (other data) makes new starts
    if key not in _CACHE:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = generate(int(seed), date.fromisoformat(today), version)
    return _CACHE[key]


def starting_of(state: dict) -> tuple[dict, Truth]:
    """The starting data a saved state was drawn from."""
    return starting(state["seed"], state["today"], state.get("dataset", DATASET_VERSION))


def fresh_state(seed: int, today: str, version: int = DATASET_VERSION) -> dict:
    import copy
    return copy.deepcopy(starting(seed, today, version)[0])
