"""Variant kinds: what a task is about for one seed, drawn from the starting data.

A task definition names one kind (`variant: {kind: …, params}`); the kind returns tag groups
({"firma": {"nazwa": …, "id": …}}) that fill the brief, the check parameters and the model
solution. Each kind declares the tags it gives (`slots`) and the keys of the items of its lists,
so a task file that uses a tag no kind gives is refused when the data is compiled.

Every draw comes from `random.Random(f"{task}:{seed}")`: the same seed gives the same variant of a
task in every Python, and a new seed gives new variants of every task. Variants read the starting
data (regenerated from the state's seed and day), never the candidate's edited state, so what a
task asks does not move while the candidate works.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from selfcheck.polish import long_date, pln
from . import dataset as ds
from . import records as rec
from .templates import TAGS
from .world import world

WEEKDAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]


@dataclass
class Draw:
    rng: random.Random
    start: dict            # the starting state (do not change it)
    truth: ds.Truth
    today: date
    params: dict
    seed: int


@dataclass(frozen=True)
class VariantKind:
    name: str
    make: object
    slots: frozenset[str]
    items: dict            # list slot -> keys of its items


KINDS: dict[str, VariantKind] = {}


def variant(name: str, slots: set[str], items: dict | None = None):
    def register(function):
        KINDS[name] = VariantKind(name, function, frozenset(slots), items or {})
        return function
    return register


def draw(kind: str, params: dict, seed: int, task_id: str, start: dict, truth: ds.Truth) -> dict:
    rng = random.Random(f"{task_id}:{int(seed)}")
    return KINDS[kind].make(Draw(rng, start, truth, date.fromisoformat(start["today"]), params or {}, int(seed)))


# --- helpers ----------------------------------------------------------------------------------

def _company(d: Draw, company_id: str) -> dict:
    return rec.find(d.start, "companies", company_id)


def _people(d: Draw, company_id: str) -> list[dict]:
    return [c for c in d.start["contacts"] if c["company_id"] == company_id]


def _person_name(contact: dict) -> str:
    return f"{contact['first_name']} {contact['last_name']}"


def stage(d: Draw, role: str) -> dict:
    """A stage of the starting funnel by its role, not its name (the names are world data):
    "first", "second", "offer" (the first that needs an offer sent), "after_offer", "last"."""
    stages = d.start["funnels"][0]["stages"]
    offer = next(i for i, s in enumerate(stages) if "oferta" in s["required"])
    return {"first": stages[0], "second": stages[1], "offer": stages[offer], "after_offer": stages[offer + 1],
            "last": stages[-1]}[role]


def _open_in(d: Draw, role: str) -> list[dict]:
    stage_id = stage(d, role)["id"]
    return [o for o in d.start["opportunities"] if o["status"] == "otwarta" and o["stage"] == stage_id]


def picks(d: Draw) -> dict[str, dict]:
    """The existing opportunities that tasks are about, drawn together so that no two tasks share
    one: closing an opportunity in one task must never make another task impossible."""
    rng = random.Random(f"opportunities:{d.seed}")
    taken: set[str] = set()

    def take(*roles: str, need=lambda o: True) -> dict:
        pool = [o for role in roles for o in _open_in(d, role) if o["id"] not in taken and need(o)]
        chosen = rng.choice(pool)
        taken.add(chosen["id"])
        return chosen

    return {"offer": take("offer", need=lambda o: bool(o["contact_id"] and o["product_id"])),
            "won": take("last"), "lost": take("last", "offer"),
            "plan_call": take("last", "offer"), "plan_contract": take("last", "offer"),
            "plan_meeting": take("second"), "advance": take("first")}


def _salespeople(d: Draw) -> list[str]:
    return [p["name"] for p in d.start["seller"]["team"] if p["role"] == "handlowiec"]


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _day_text(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def _on_day(day: date) -> str:
    """ "we wtorek 10 marca 2026", "w środę 11 marca 2026" (the accusative after "w")."""
    accusative = ["poniedziałek", "wtorek", "środę", "czwartek", "piątek", "sobotę", "niedzielę"][day.weekday()]
    return f"{'we' if day.weekday() == 1 else 'w'} {accusative} {long_date(day)}"


def short_name(company: dict) -> str:
    """How opportunities name a firm: its made-up stem, or a sole trader's surname."""
    words = company["name"].split()
    return words[1] if company["legal_form"] == "jednoosobowa działalność gospodarcza" else words[0]


def _register(legal_form: str) -> str:
    return next(f["register"] for f in world()["legal_forms"] if f["name"] == legal_form)


def _consents(d: Draw, company_id: str) -> tuple[bool, bool]:
    """(someone agreed to e-mail marketing, someone agreed to phone marketing), objections excluded."""
    people = [c for c in _people(d, company_id) if not c["objection"]]
    return (any(c["consent_email"] == "udzielona" for c in people), any(c["consent_phone"] == "udzielona" for c in people))


# --- acquiring data: registers, channels, consents --------------------------------------------

@variant("missing_registry", {"firmy.tekst", "firmy.lista", "firmy.zrodlo"},
         {"firmy.lista": {"id", "key", "name", "legal_form", "regon", "register", "heard_from", "question"}})
def missing_registry(d: Draw) -> dict:
    """The firms whose REGON was given on the phone. Until someone looks it up, the truthful source
    of the number is the conversation (`params.heard_from`); which register will confirm it is a
    separate answer. The dataset makes sure the firms are not all in one register."""
    items = []
    for company_id, regon in d.truth.missing_regon.items():
        company = _company(d, company_id)
        items.append({"id": company_id, "name": company["name"], "legal_form": company["legal_form"], "regon": regon,
                      "register": _register(company["legal_form"]), "heard_from": d.params["heard_from"],
                      "question": f"{company['name']} — rejestr, w którym potwierdzisz dane"})
    d.rng.shuffle(items)
    for number, item in enumerate(items, 1):
        item["key"] = f"r{number}"
    return {"firmy": {"lista": items, "zrodlo": d.params["heard_from"],
                      "tekst": _bullets([f"{i['name']} — forma prawna: {i['legal_form']}; REGON podany "
                                                          f"w rozmowie: {i['regon']}" for i in items])}}


@variant("lead_channels", {"leady.tekst", "leady.lista"}, {"leady.lista": {"id", "name", "allowed", "why", "first"}})
def lead_channels(d: Draw) -> dict:
    """Leads with the channels the brief's rules allow, by size and by the consents on file."""
    leads = [c for c in d.start["companies"] if c["status"] == "lead"]
    items = []
    for company in leads:
        email, phone = _consents(d, company["id"])
        big = company["size"] in ("średnia", "duża")
        if not email and not phone:
            allowed, why = ["list tradycyjny", "wydarzenie lub targi"], (
                "nikt w tej firmie nie zgodził się na marketing e-mailem ani telefonem, a bez uprzedniej zgody nie wolno "
                "ich użyć do marketingu bezpośredniego (art. 398 ust. 1 Prawa komunikacji elektronicznej)")
        elif big and phone:
            allowed, why = ["telefon", "spotkanie osobiste", "wideorozmowa"], (
                "to firma średnia lub duża, a jest zgoda na kontakt telefoniczny: zaczyna się od rozmowy z osobą decyzyjną")
        elif big:
            allowed, why = ["e-mail"], "to firma średnia lub duża bez zgody na telefon, ale ze zgodą na e-mail"
        elif email:
            allowed, why = ["e-mail"], "to mała lub mikrofirma ze zgodą na marketing e-mailem"
        else:
            allowed, why = ["telefon", "SMS"], "to mała lub mikrofirma bez zgody na e-mail, ale ze zgodą na telefon"
        items.append({"id": company["id"], "name": company["name"], "allowed": allowed, "why": why,
                      "size": company["size"], "industry": company["industry"], "group": allowed[0]})
    d.rng.shuffle(items)
    # Four leads, the rule groups as varied as the data allows.
    picked, groups = [], set()
    for item in items:
        if item["group"] not in groups and len(picked) < 4:
            picked.append(item)
            groups.add(item["group"])
    picked += [i for i in items if i not in picked][:4 - len(picked)]
    lines = [f"{i['name']} — firma {i['size']}, branża {i['industry']}" for i in picked]
    return {"leady": {"lista": [{**{k: i[k] for k in ("id", "name", "allowed", "why")}, "first": i["allowed"][0]} for i in picked],
                      "tekst": _bullets(lines)}}


@variant("fair_card", {"firma.id", "firma.nazwa", "osoba.imie", "osoba.nazwisko", "osoba.imie_nazwisko", "osoba.stanowisko",
                       "osoba.email", "osoba.telefon", "targi.data", "targi.data_tekst"})
def fair_card(d: Draw) -> dict:
    company = d.rng.choice([c for c in d.start["companies"] if c["status"] == "klient"])
    used = {_person_name(c) for c in d.start["contacts"]} | {p["name"] for p in d.start["seller"]["team"]}
    person = ds.person(d.rng, used)
    position = d.rng.choice(world()["positions"])[person["sex"] == "K"]
    domain = company["email"].split("@")[1]
    when = d.today - timedelta(days=d.rng.randint(2, 6))
    return {"firma": {"id": company["id"], "nazwa": company["name"]},
            "osoba": {"imie": person["first_name"], "nazwisko": person["last_name"],
                      "imie_nazwisko": f"{person['first_name']} {person['last_name']}", "stanowisko": position,
                      "email": ds.email_of(person["first_name"], person["last_name"], domain), "telefon": ds.phone(d.rng)},
            "targi": {"data": when.isoformat(), "data_tekst": long_date(when)}}


# --- entering and updating records ------------------------------------------------------------

@variant("business_card", {"karta.firma", "karta.forma", "karta.nip", "karta.ulica", "karta.kod", "karta.miasto",
                           "karta.wojewodztwo", "karta.branza", "karta.pracownicy", "karta.wielkosc", "karta.email",
                           "karta.telefon", "osoba.imie", "osoba.nazwisko", "osoba.stanowisko", "osoba.email",
                           "osoba.telefon", "opiekun.nazwa"})
def business_card(d: Draw) -> dict:
    w = world()
    used_stems = {c["name"].split()[0] for c in d.start["companies"]}
    used_people = {_person_name(c) for c in d.start["contacts"]} | {p["name"] for p in d.start["seller"]["team"]}
    company, owner = ds.new_company(d.rng, used_stems=used_stems, used_people=used_people, form="sp. z o.o.")
    size = d.rng.choice([s for s in w["sizes"] if s["name"] != "duża"])
    employees = d.rng.randint(*size["employees"])
    contact = ds.person(d.rng, used_people)
    position = d.rng.choice(w["positions"])[contact["sex"] == "K"]
    return {"karta": {"firma": company["name"], "forma": company["legal_form"], "nip": company["nip"],
                      "ulica": company["street"], "kod": company["postcode"], "miasto": company["city"],
                      "wojewodztwo": company["voivodeship"], "branza": company["industry"], "pracownicy": str(employees),
                      "wielkosc": size["name"], "email": company["email"], "telefon": company["phone"]},
            "osoba": {"imie": contact["first_name"], "nazwisko": contact["last_name"], "stanowisko": position,
                      "email": ds.email_of(contact["first_name"], contact["last_name"], company["domain"]),
                      "telefon": ds.phone(d.rng)},
            "opiekun": {"nazwa": d.rng.choice(_salespeople(d))}}


@variant("nip_list", {"nip.tekst", "nip.bledne", "nip.dobre"},
         {"nip.bledne": {"id", "name", "expected", "wrong"}, "nip.dobre": {"id", "name", "expected"}})
def nip_list(d: Draw) -> dict:
    wrong = [{"id": cid, "name": _company(d, cid)["name"], "expected": right, "wrong": _company(d, cid)["nip"]}
             for cid, right in d.truth.bad_nip.items()]
    others = [c for c in d.start["companies"] if c["status"] == "klient" and c["id"] not in d.truth.bad_nip]
    good = [{"id": c["id"], "name": c["name"], "expected": c["nip"]} for c in d.rng.sample(others, 3)]
    listed = wrong + good
    d.rng.shuffle(listed)
    return {"nip": {"bledne": wrong, "dobre": good, "tekst": _bullets([f"{i['name']} — NIP {i['expected']}" for i in listed])}}


@variant("segments", {"seg.branza", "seg.a", "seg.b", "seg.nazwa_a", "seg.nazwa_b"},
         {"seg.a": {"id", "name"}, "seg.b": {"id", "name"}})
def segments(d: Draw) -> dict:
    options = []
    for industry in d.start["vocabulary"]["industries"]:
        firms = [c for c in d.start["companies"] if c["industry"] == industry and c["status"] in ("klient", "lead")]
        a = [c for c in firms if c["status"] == "klient" and c["size"] in ("średnia", "duża")]
        b = [c for c in firms if c not in a]
        if a and b:
            options.append((industry, a, b))
    options.sort(key=lambda o: (-min(len(o[1]), 2) - min(len(o[2]), 2), o[0]))
    best = [o for o in options if min(len(o[1]), 2) + min(len(o[2]), 2) == min(len(options[0][1]), 2) + min(len(options[0][2]), 2)]
    industry, a, b = d.rng.choice(best)
    names = d.start["vocabulary"]["segments"]
    return {"seg": {"branza": industry, "a": [{"id": c["id"], "name": c["name"]} for c in a],
                    "b": [{"id": c["id"], "name": c["name"]} for c in b], "nazwa_a": names[0], "nazwa_b": names[1]}}


@variant("campaign", {"kampania.nazwa", "kampania.produkt"})
def campaign(d: Draw) -> dict:
    product = d.rng.choice(d.start["products"])
    return {"kampania": {"nazwa": f"Newsletter – {product['name']}", "produkt": product["name"]}}


# --- personal data and its protection ---------------------------------------------------------

@variant("data_classes", {"lista.tekst", "lista.pozycje"}, {"lista.pozycje": {"key", "field", "class"}})
def data_classes(d: Draw) -> dict:
    pool = world()["data_fields"]
    picked = []
    for kind in ("osobowe", "szczególne", "nieosobowe"):
        picked += d.rng.sample([f for f in pool if f["class"] == kind], 2)
    picked.append(d.rng.choice([f for f in pool if f not in picked]))
    d.rng.shuffle(picked)
    items = [{"key": f"p{i}", "field": f["field"], "class": f["class"]} for i, f in enumerate(picked, 1)]
    return {"lista": {"pozycje": items, "tekst": "\n".join(f"{i}. {f['field']}" for i, f in enumerate(picked, 1))}}


@variant("privacy_cleanup", {"sprzeciw.id", "sprzeciw.osoba", "sprzeciw.data", "sprzeciw.data_iso", "notatki.lista", "notatki.zostaja",
                             "pesel.lista"},
         {"notatki.lista": {"id", "name", "text", "category"}, "notatki.zostaja": {"id", "name", "expected"},
          "pesel.lista": {"id", "name"}})
def privacy_cleanup(d: Draw) -> dict:
    conflict = rec.find(d.start, "contacts", d.truth.objection_with_consent)
    special = [{"id": cid, "name": rec.display_name("contacts", rec.find(d.start, "contacts", cid), d.start),
                "text": rec.find(d.start, "contacts", cid)["notes"], "category": category}
               for cid, category in d.truth.special_notes.items()]
    plain = [c for c in d.start["contacts"] if c["notes"] and c["id"] not in d.truth.special_notes]
    keep = [{"id": c["id"], "name": rec.display_name("contacts", c, d.start), "expected": c["notes"]}
            for c in d.rng.sample(plain, min(3, len(plain)))]
    pesel = [{"id": cid, "name": rec.display_name("contacts", rec.find(d.start, "contacts", cid), d.start)}
             for cid in d.truth.needless_pesel]
    return {"sprzeciw": {"id": conflict["id"], "osoba": rec.display_name("contacts", conflict, d.start),
                         "data": long_date(date.fromisoformat(conflict["objection"])), "data_iso": conflict["objection"]},
            "notatki": {"lista": special, "zostaja": keep}, "pesel": {"lista": pesel}}


@variant("security_policy", {"polityka.wylogowanie", "polityka.haslo", "polityka.role", "polityka.role_tekst"})
def security_policy(d: Draw) -> dict:
    roles = d.rng.choice([["administrator"], ["administrator", "kierownik sprzedaży"]])
    return {"polityka": {"wylogowanie": d.rng.choice([10, 15, 20]), "haslo": d.rng.choice([12, 14, 16]), "role": roles,
                         "role_tekst": " i ".join(roles)}}


# --- tasks and the pipeline -------------------------------------------------------------------

@variant("week_plan", {"plan.opiekun", "plan.od", "plan.do", "plan.tekst", "plan.lista"},
         {"plan.lista": {"company_id", "opportunity_id", "kind", "from", "to", "priority", "label", "title"}})
def week_plan(d: Draw) -> dict:
    monday = d.today + timedelta(days=7 - d.today.weekday())
    owner = d.rng.choice(_salespeople(d))
    chosen = picks(d)
    negotiation = [chosen["plan_call"], chosen["plan_contract"]]
    early = chosen["plan_meeting"]
    former = d.rng.choice([c for c in d.start["companies"] if c["status"] == "były klient"])
    day = lambda n: monday + timedelta(days=n)  # noqa: E731
    plan = [
        (negotiation[0], "telefon", 0, 1, "wysoki",
         f"Zadzwoń w sprawie szansy „{negotiation[0]['name']}” — klient czeka na odpowiedź w sprawie rabatu najpóźniej "
         f"{_on_day(day(1))}."),
        (early, "spotkanie", 0, 4, "średni",
         f"Umów i odbądź spotkanie (analiza potrzeb) w sprawie szansy „{early['name']}” — w dowolnym dniu tygodnia."),
        # A courtesy call to a former client would be marketing needing prior consent (art. 398 ust. 1 Prawa
        # komunikacji elektronicznej); a thank-you card by post keeps the relationship without it.
        (former, "inne", 0, 4, "niski",
         f"Wyślij pocztą kartkę z podziękowaniem za współpracę byłemu klientowi: {former['name']} — podtrzymanie "
         "relacji, bez terminu klienta."),
        (negotiation[1], "umowa", 0, 3, "wysoki",
         f"Przygotuj umowę do szansy „{negotiation[1]['name']}” — klient chce ją podpisać {_on_day(day(4))}, "
         "więc umowa ma być gotowa dzień wcześniej."),
    ]
    items = []
    for record, kind, first, last, priority, text in plan:
        is_opportunity = "funnel_id" in record
        company = _company(d, record["company_id"]) if is_opportunity else record
        items.append({"company_id": company["id"], "opportunity_id": record["id"] if is_opportunity else "", "kind": kind,
                      "from": day(first).isoformat(), "to": day(last).isoformat(), "priority": priority,
                      "label": text, "title": text.split(" — ")[0]})
    return {"plan": {"opiekun": owner, "od": _day_text(monday), "do": _day_text(day(4)),
                     "tekst": "\n".join(f"{n}. {i['label']}" for n, i in enumerate(items, 1)), "lista": items}}


@variant("pipeline_reading", {"odczyt.opiekun", "odczyt.etap", "odczyt.a", "odczyt.b", "odczyt.c", "odczyt.b_tekst",
                              "odczyt.c_tekst"})
def pipeline_reading(d: Draw) -> dict:
    from .checks import reading_value
    owner = d.rng.choice(_salespeople(d))
    name = stage(d, d.rng.choice(["offer", "last"]))["name"]
    # The right answers on the starting data, for the model solution (the check recomputes them).
    values = {key: reading_value(d.start, measure, owner, name)
              for key, measure in (("a", "done_share"), ("b", "stage_sum"), ("c", "weighted"))}
    return {"odczyt": {"opiekun": owner, "etap": name, **values, "b_tekst": pln(values["b"]), "c_tekst": pln(values["c"])}}


# --- goals and funnels ------------------------------------------------------------------------

@variant("smart", {"cel.usluga", "cel.usluga_id", "cel.branza", "cel.baza", "cel.min", "cel.maks", "cel.opiekun", "cel.od", "cel.do",
                   "cel.od_tekst", "cel.do_tekst"})
def smart(d: Draw) -> dict:
    service = d.rng.choice([p for p in d.start["products"] if p["service"]])
    industry = d.rng.choice(sorted({c["industry"] for c in d.start["companies"] if c["status"] == "klient"}))
    base = d.rng.randint(8, 30)
    # The next calendar quarter: its first and last day.
    following = (d.today.month - 1) // 3 + 1
    year = d.today.year + following // 4
    first_month = following % 4 * 3 + 1
    start = date(year, first_month, 1)
    after = first_month + 3
    end = date(year + (after > 12), (after - 1) % 12 + 1, 1) - timedelta(days=1)
    return {"cel": {"usluga": service["name"], "usluga_id": service["id"], "branza": industry, "baza": base, "min": base + 1,
                    "maks": base * 3 // 2, "opiekun": d.rng.choice(_salespeople(d)), "od": start.isoformat(),
                    "do": end.isoformat(), "od_tekst": long_date(start), "do_tekst": long_date(end)}}


@variant("service_funnel", {"lejek.nazwa", "lejek.usluga", "lejek.dni"})
def service_funnel(d: Draw) -> dict:
    service = d.rng.choice([p for p in d.start["products"] if p["service"]])
    return {"lejek": {"nazwa": f"Serwis dla małych firm – {service['name']}", "usluga": service["name"],
                      "dni": d.rng.choice([21, 30, 45])}}


# --- reports ----------------------------------------------------------------------------------

@variant("report_by_owner", {"raport.nazwa", "raport.etap"})
def report_by_owner(d: Draw) -> dict:
    name = stage(d, d.rng.choice(["offer", "last"]))["name"]
    return {"raport": {"nazwa": f"Szanse w etapie {name} według opiekunów", "etap": name}}


@variant("report_form", {"raport.nazwa", "raport.pytanie", "raport.cel", "raport.wykres", "raport.zrodlo", "raport.grupa",
                         "raport.funkcja", "raport.miara", "raport.filtr_pole", "raport.filtr_wartosc", "raport.uzasadnienie",
                         "raport.zrodlo_tekst", "raport.filtr_tekst", "raport.grupa_tekst", "raport.liczenie_tekst",
                         "raport.wykres_tekst"})
def report_form(d: Draw) -> dict:
    from .report_charts import CHARTS
    from .reports import SOURCES, column
    purposes = d.params["purposes"]
    key = d.rng.choice(sorted(purposes))
    chosen = purposes[key]
    source, measure = chosen["source"], chosen.get("measure", "")
    counted = "liczba rekordów" if chosen["aggregate"] == "count" else \
        f"{'suma' if chosen['aggregate'] == 'sum' else 'średnia'} pola „{column(source, measure).label}”"
    return {"raport": {"nazwa": chosen["name"], "pytanie": chosen["question"], "cel": key, "wykres": chosen["chart"],
                       "zrodlo": source, "grupa": chosen["group_by"], "funkcja": chosen["aggregate"],
                       "miara": measure, "filtr_pole": chosen["filter_field"],
                       "filtr_wartosc": chosen["filter_value"], "uzasadnienie": chosen["why"],
                       "zrodlo_tekst": SOURCES[source].lower(),
                       "filtr_tekst": f"{column(source, chosen['filter_field']).label} = {chosen['filter_value']}",
                       "grupa_tekst": column(source, chosen["group_by"]).label, "liczenie_tekst": counted,
                       "wykres_tekst": CHARTS[chosen["chart"]]}}


# --- offers -----------------------------------------------------------------------------------

@variant("template_spec", {"szablon.nazwa", "szablon.znaczniki", "szablon.tekst"})
def template_spec(d: Draw) -> dict:
    tags = list(d.params["required"]) + d.rng.sample(list(d.params["optional"]), 1)
    return {"szablon": {"nazwa": d.params["name"], "znaczniki": tags,
                        "tekst": _bullets([f"{{{{{t}}}}} — {TAGS[t]}" for t in tags])}}


@variant("send_offer", {"oferta.szansa", "oferta.szansa_id", "oferta.firma", "oferta.firma_id", "oferta.osoba",
                        "oferta.osoba_id", "oferta.produkt", "oferta.produkt_id", "oferta.ilosc", "oferta.szablon",
                        "oferta.szablon_id", "oferta.wartosc", "oferta.etap", "oferta.nastepny"})
def send_offer(d: Draw) -> dict:
    opportunity = picks(d)["offer"]
    product = rec.find(d.start, "products", opportunity["product_id"])
    contact = rec.find(d.start, "contacts", opportunity["contact_id"])
    template = d.start["templates"][0]
    return {"oferta": {"szansa": opportunity["name"], "szansa_id": opportunity["id"],
                       "firma": _company(d, opportunity["company_id"])["name"], "firma_id": opportunity["company_id"],
                       "osoba": _person_name(contact), "osoba_id": contact["id"], "produkt": product["name"],
                       "produkt_id": product["id"], "ilosc": round(opportunity["value"] / product["price"]),
                       "szablon": template["name"], "szablon_id": template["id"], "wartosc": pln(opportunity["value"]),
                       "etap": stage(d, "offer")["name"], "nastepny": stage(d, "after_offer")["name"]}}


# --- opportunities ----------------------------------------------------------------------------

@variant("new_opportunity", {"szansa.nazwa", "szansa.firma", "szansa.firma_id", "szansa.osoba", "szansa.osoba_id",
                             "szansa.produkt", "szansa.produkt_id", "szansa.ilosc", "szansa.cena", "szansa.wartosc",
                             "szansa.wartosc_tekst", "szansa.zamkniecie", "szansa.zamkniecie_tekst", "szansa.opiekun",
                             "szansa.etap", "szansa.czynnosc", "szansa.dzis"})
def new_opportunity(d: Draw) -> dict:
    names = {o["name"] for o in d.start["opportunities"]}
    while True:
        company = d.rng.choice([c for c in d.start["companies"] if c["status"] == "klient" and _people(d, c["id"])])
        product = d.rng.choice(d.start["products"])
        name = f"{short_name(company)} – {product['name']}"
        if name not in names:
            break
    quantity = 1 if product["price"] >= 20000 else d.rng.randint(2, 8)
    contact = d.rng.choice(_people(d, company["id"]))
    close = d.today + timedelta(days=d.rng.randint(30, 75))
    return {"szansa": {"nazwa": name, "firma": company["name"], "firma_id": company["id"], "osoba": _person_name(contact),
                       "osoba_id": contact["id"], "produkt": product["name"], "produkt_id": product["id"],
                       "ilosc": quantity, "cena": pln(product["price"]), "wartosc": round(product["price"] * quantity, 2),
                       "wartosc_tekst": pln(round(product["price"] * quantity, 2)), "zamkniecie": close.isoformat(),
                       "zamkniecie_tekst": long_date(close), "opiekun": company["owner"],
                       "etap": stage(d, "second")["name"], "czynnosc": stage(d, "first")["required"][0],
                       "dzis": d.today.isoformat()}}


@variant("advance", {"szansa.id", "szansa.nazwa", "szansa.firma", "szansa.etapy", "szansa.etapy_tekst", "szansa.pierwszy",
                     "szansa.cel", "szansa.czynnosci", "szansa.czynnosci_tekst", "szansa.dzis", "szansa.opiekun",
                     "szansa.sciezka", "szansa.rodzaje"},
         {"szansa.czynnosci": {"kind"}, "szansa.etapy": {"name"}})
def advance(d: Draw) -> dict:
    opportunity = picks(d)["advance"]
    stages = d.start["funnels"][0]["stages"]
    kinds = [kind for s in stages[:-1] for kind in s["required"]]
    return {"szansa": {"id": opportunity["id"], "nazwa": opportunity["name"],
                       "firma": _company(d, opportunity["company_id"])["name"],
                       "etapy": [{"name": s["name"]} for s in stages[1:]], "pierwszy": stages[0]["name"],
                       "etapy_tekst": " → ".join(s["name"] for s in stages), "cel": stages[-1]["name"],
                       "czynnosci": [{"kind": k} for k in kinds], "czynnosci_tekst": ", ".join(kinds),
                       "rodzaje": kinds, "sciezka": [s["name"] for s in stages], "opiekun": opportunity["owner"],
                       "dzis": d.today.isoformat()}}


@variant("close_two", {"wygrana.id", "wygrana.nazwa", "wygrana.firma", "przegrana.id", "przegrana.nazwa", "przegrana.firma",
                       "przegrana.powod", "przegrana.historia"})
def close_two(d: Draw) -> dict:
    won, lost = picks(d)["won"], picks(d)["lost"]
    reason = d.rng.choice(sorted(d.params["stories"]))
    return {"wygrana": {"id": won["id"], "nazwa": won["name"], "firma": _company(d, won["company_id"])["name"]},
            "przegrana": {"id": lost["id"], "nazwa": lost["name"], "firma": _company(d, lost["company_id"])["name"],
                          "powod": reason, "historia": d.params["stories"][reason]}}
