"""The fictional world (word lists from the data folder's world.yaml, given through configuration.py)
and the rules its file must follow, so a mistake in world.yaml is reported at its line instead of breaking the dataset."""

from __future__ import annotations

_LISTS_OF_TEXT = ("streets", "acquisition_sources", "data_sources", "channels", "segments", "lost_reasons",
                  "activity_kinds", "notes_plain")
_PAIRS = ("surnames", "positions")
# The engine gives meaning to these words; the world file may add others but not drop them.
_NEEDED = {"activity_kinds": ("telefon", "spotkanie", "oferta"), "channels": ("e-mail", "telefon"),
           "data_sources": ("KRS", "CEIDG"), "lost_reasons": ("cena", "inne")}


def world() -> dict:
    from .configuration import world as given
    return given()


def world_problems(data) -> list[tuple[tuple, str]]:
    """[(path, Polish message)] for a world file of the wrong shape."""
    if not isinstance(data, dict):
        return [((), "plik świata ćwiczeń musi być zbiorem pól")]
    problems = []

    def text_list(key, minimum):
        value = data.get(key)
        if not isinstance(value, list) or len(value) < minimum or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(((key,), f"potrzebna lista co najmniej {minimum} niepustych napisów"))
            return []
        if len(set(value)) != len(value):
            problems.append(((key,), "wartości na liście powtarzają się"))
        return value

    for key in _LISTS_OF_TEXT:
        values = text_list(key, 2)
        for word in _NEEDED.get(key, ()):
            if values and word not in values:
                problems.append(((key,), f"brak wartości „{word}”, której używa silnik"))
    for key in _PAIRS:
        value = data.get(key)
        if not isinstance(value, list) or len(value) < 5 or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(v, str) and v for v in p) for p in value):
            problems.append(((key,), "potrzebna lista par [forma męska, forma żeńska]"))
    names = data.get("first_names")
    if not isinstance(names, dict) or set(names) != {"K", "M"} or not all(
            isinstance(v, list) and len(v) >= 10 and all(isinstance(n, str) and n for n in v) for v in names.values()):
        problems.append((("first_names",), "potrzebne pola K i M z co najmniej 10 imionami każde"))
    cities = data.get("cities")
    if not isinstance(cities, list) or len(cities) < 10:
        problems.append((("cities",), "potrzebna lista co najmniej 10 miejscowości"))
    else:
        for i, city in enumerate(cities):
            if not (isinstance(city, list) and len(city) == 3 and all(isinstance(v, str) and v for v in city)
                    and city[2].isdigit() and len(city[2]) == 2):
                problems.append((("cities", i), "miejscowość zapisuje się jako [nazwa, województwo, dwie pierwsze cyfry kodu]"))
    for key, fields in (("industries", ("name", "stems", "trade")), ("legal_forms", ("name", "register", "weight")),
                        ("sizes", ("name", "employees")), ("data_fields", ("field", "class")),
                        ("notes_special", ("text", "category"))):
        value = data.get(key)
        if not isinstance(value, list) or len(value) < 2:
            problems.append(((key,), "potrzebna lista co najmniej dwóch pozycji"))
            continue
        for i, item in enumerate(value):
            missing = [f for f in fields if not isinstance(item, dict) or f not in item]
            if missing:
                problems.append(((key, i), f"brak pól: {', '.join(missing)}"))
    for i, item in enumerate(data.get("data_fields") or []):
        if isinstance(item, dict) and item.get("class") not in ("osobowe", "szczególne", "nieosobowe"):
            problems.append((("data_fields", i, "class"), "klasa to osobowe, szczególne albo nieosobowe"))
    for i, item in enumerate(data.get("legal_forms") or []):
        if isinstance(item, dict) and item.get("register") not in (data.get("data_sources") or []):
            problems.append((("legal_forms", i, "register"), "rejestr musi być jednym z data_sources"))
    sellers = data.get("sellers")
    if not isinstance(sellers, list) or not sellers:
        problems.append((("sellers",), "potrzebny co najmniej jeden sprzedawca"))
    else:
        for i, seller in enumerate(sellers):
            products = seller.get("products") if isinstance(seller, dict) else None
            if not isinstance(products, list) or len(products) < 4:
                problems.append((("sellers", i, "products"), "sprzedawca potrzebuje co najmniej 4 produktów lub usług"))
                continue
            if sum(1 for p in products if isinstance(p, dict) and p.get("service")) < 2:
                problems.append((("sellers", i, "products"), "co najmniej dwie pozycje muszą być usługami serwisowymi (service: true)"))
            for j, product in enumerate(products):
                if not isinstance(product, dict) or not all(k in product for k in ("name", "kind", "unit", "price", "vat")):
                    problems.append((("sellers", i, "products", j), "produkt ma pola name, kind, unit, price, vat"))
                elif not isinstance(product["price"], (int, float)) or product["price"] <= 0:
                    problems.append((("sellers", i, "products", j, "price"), "cena netto musi być liczbą większą od zera"))
    funnel = data.get("funnel")
    stages = funnel.get("stages") if isinstance(funnel, dict) else None
    if not isinstance(stages, list) or len(stages) < 3:
        problems.append((("funnel",), "lejek potrzebuje nazwy i co najmniej trzech etapów"))
    else:
        kinds = data.get("activity_kinds") or []
        last = -1
        for i, stage in enumerate(stages):
            if not isinstance(stage, dict) or not isinstance(stage.get("probability"), int):
                problems.append((("funnel", "stages", i), "etap ma pola name, probability (liczba całkowita) i required"))
                continue
            if stage["probability"] <= last:
                problems.append((("funnel", "stages", i, "probability"), "prawdopodobieństwo musi rosnąć z etapu na etap"))
            last = stage["probability"]
            for kind in stage.get("required", []):
                if kind not in kinds:
                    problems.append((("funnel", "stages", i, "required"), f"„{kind}” nie jest rodzajem zadania (activity_kinds)"))
    template = data.get("offer_template")
    if not isinstance(template, dict) or not all(isinstance(template.get(k), str) for k in ("name", "subject", "body")):
        problems.append((("offer_template",), "szablon oferty ma pola name, subject i body"))
    else:
        from .templates import tag_problems
        for key in ("subject", "body"):
            for message in tag_problems(template[key]):
                problems.append((("offer_template", key), message))
    return problems
