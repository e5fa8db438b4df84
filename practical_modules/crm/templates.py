"""Offer templates with tags such as {{firma.nazwa}}: a safe substitution, never a template language.

Only tags from the catalog below are replaced, by plain string replacement. Nothing in a template
is evaluated: "{{__class__}}", "{{ 7*7 }}" or "{% for %}" are unknown tags or plain text and are
reported as such, with the list of available tags. For HTML the template's own text and every
value are escaped separately, so "<script>" in a template or in a company's name shows as text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import escape

from selfcheck.polish import long_date, pln

OFFER_VALID_DAYS = 30
# A tag is {{ group.name }}; anything else between double braces is reported, never run.
_BRACES = re.compile(r"\{\{(.*?)\}\}", re.S)
_TAG_NAME = re.compile(r"^\s*([a-z_]+\.[a-z_]+)\s*$")

TAGS = {
    "firma.nazwa": "nazwa firmy klienta",
    "firma.nip": "NIP firmy klienta",
    "firma.adres": "adres firmy klienta (ulica, kod, miejscowość)",
    "firma.miasto": "miejscowość firmy klienta",
    "kontakt.imie": "imię osoby kontaktowej",
    "kontakt.nazwisko": "nazwisko osoby kontaktowej",
    "kontakt.imie_nazwisko": "imię i nazwisko osoby kontaktowej",
    "kontakt.stanowisko": "stanowisko osoby kontaktowej",
    "kontakt.email": "e-mail osoby kontaktowej",
    "oferta.numer": "numer oferty",
    "oferta.data": "data oferty",
    "oferta.wazna_do": f"termin ważności oferty ({OFFER_VALID_DAYS} dni od daty oferty)",
    "oferta.pozycje": "lista pozycji: nazwa, ilość, cena i wartość netto, stawka VAT",
    "oferta.netto": "razem netto",
    "oferta.vat": "razem VAT",
    "oferta.brutto": "razem brutto",
    "opiekun.imie_nazwisko": "imię i nazwisko opiekuna klienta",
    "opiekun.email": "e-mail opiekuna klienta",
    "opiekun.telefon": "telefon opiekuna klienta",
    "sprzedawca.nazwa": "nazwa naszej firmy",
    "sprzedawca.adres": "adres naszej firmy",
    "sprzedawca.nip": "NIP naszej firmy",
}


def tags_in(text: str) -> list[str]:
    """The tag names a text uses, in order, each once (unknown ones too, as written)."""
    seen = []
    for match in _BRACES.finditer(text or ""):
        name = match.group(1).strip()
        if name not in seen:
            seen.append(name)
    return seen


def tag_problems(text: str, known=None) -> list[str]:
    """Polish messages for unknown tags and unclosed braces; [] if the template is sound."""
    known = TAGS if known is None else known
    problems = []
    unknown = []
    for match in _BRACES.finditer(text or ""):
        inner = match.group(1)
        named = _TAG_NAME.match(inner)
        if not named or named.group(1) not in known:
            shown = "{{" + inner.strip() + "}}"
            if shown not in unknown:
                unknown.append(shown)
    if unknown:
        listed = ", ".join("{{" + tag + "}}" for tag in known)
        problems.append(f"Nieznane znaczniki: {', '.join(unknown)}. Dostępne znaczniki: {listed}.")
    rest = _BRACES.sub("", text or "")
    if "{{" in rest or "}}" in rest:
        problems.append("Znacznik nie jest domknięty: każdy zaczyna się od {{ i kończy na }}, np. {{firma.nazwa}}.")
    return problems


def substitute(text: str, values: dict[str, str]) -> str:
    """Replace known tags with their values; leave anything else exactly as written."""
    def one(match):
        named = _TAG_NAME.match(match.group(1))
        if named and named.group(1) in values:
            return str(values[named.group(1)])
        return match.group(0)
    return _BRACES.sub(one, text or "")


def to_html(text: str, values: dict[str, str]) -> str:
    """The template as HTML: its text and the values escaped apart, paragraphs and line breaks kept."""
    pieces, last = [], 0
    for match in _BRACES.finditer(text or ""):
        pieces.append(escape(text[last:match.start()]))
        named = _TAG_NAME.match(match.group(1))
        if named and named.group(1) in values:
            pieces.append(escape(str(values[named.group(1)])))
        else:
            pieces.append(escape(match.group(0)))
        last = match.end()
    pieces.append(escape((text or "")[last:]))
    joined = "".join(pieces)
    paragraphs = [p.replace("\n", "<br>") for p in re.split(r"\n\s*\n", joined.strip("\n")) if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


# --- the values of the tags for one offer ------------------------------------------------------

def offer_lines(state: dict, items: list[dict]) -> tuple[list[dict], float, float]:
    """Priced lines of an offer and its totals (net, VAT), VAT rounded per line to the grosz."""
    products = {p["id"]: p for p in state["products"]}
    lines, net_total, vat_total = [], 0.0, 0.0
    for item in items:
        product = products[item["product_id"]]
        quantity = item["quantity"]
        net = round(product["price"] * quantity, 2)
        vat = round(net * product["vat"] / 100, 2)
        lines.append({"product": product["name"], "unit": product["unit"], "quantity": quantity,
                      "price": product["price"], "net": net, "vat_rate": product["vat"], "vat": vat})
        net_total += net
        vat_total += vat
    return lines, round(net_total, 2), round(vat_total, 2)


def _quantity(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")


def offer_values(state: dict, company: dict, contact: dict | None, items: list[dict], *, number: str,
                 day: date) -> dict[str, str]:
    """Every tag's value for an offer to `contact` at `company` (tags of a missing contact are empty)."""
    seller = state["seller"]
    owner = next((p for p in seller["team"] if p["name"] == company.get("owner")), None) or seller["team"][0]
    lines, net, vat = offer_lines(state, items)
    listed = "\n".join(f"• {line['product']} — {_quantity(line['quantity'])} {line['unit']} × {pln(line['price'])} = "
                       f"{pln(line['net'])} netto (VAT {line['vat_rate']}%)" for line in lines)
    address = ", ".join(part for part in (company.get("street", ""),
                                          f"{company.get('postcode', '')} {company.get('city', '')}".strip()) if part)
    contact = contact or {}
    return {
        "firma.nazwa": company.get("name", ""), "firma.nip": company.get("nip", ""), "firma.adres": address,
        "firma.miasto": company.get("city", ""),
        "kontakt.imie": contact.get("first_name", ""), "kontakt.nazwisko": contact.get("last_name", ""),
        "kontakt.imie_nazwisko": f"{contact.get('first_name', '')} {contact.get('last_name', '')}".strip(),
        "kontakt.stanowisko": contact.get("position", ""), "kontakt.email": contact.get("email", ""),
        "oferta.numer": number, "oferta.data": long_date(day),
        "oferta.wazna_do": long_date(day + timedelta(days=OFFER_VALID_DAYS)),
        "oferta.pozycje": listed, "oferta.netto": pln(net), "oferta.vat": pln(vat), "oferta.brutto": pln(round(net + vat, 2)),
        "opiekun.imie_nazwisko": owner["name"], "opiekun.email": owner.get("email", ""),
        "opiekun.telefon": owner.get("phone", ""),
        "sprzedawca.nazwa": seller["name"], "sprzedawca.adres": seller.get("address", ""), "sprzedawca.nip": seller.get("nip", ""),
    }


def empty_tags(text: str, values: dict[str, str]) -> list[str]:
    """Tags the template uses whose value is empty for this recipient (worth a warning, not a refusal)."""
    return [tag for tag in tags_in(text) if tag in values and not str(values[tag]).strip()]
