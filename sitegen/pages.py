"""Turn the validated data into Markdown pages with jinja2 templates.

Nothing here knows about MkDocs: the output is a mapping of page paths to Markdown
with YAML front matter, which any Markdown site engine can take. `hooks/` adapts it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from selfcheck.readiness import LEVELS, QUIZ_WEIGHT, RATING_WEIGHT
from selfcheck.renewal import DAYS_PER_YEAR

from .glossary import abbreviation_lines, terms_by_group
from .qualification import anchor, criteria
from .structured_data import credential_json_ld

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class PageSpec:
    path: str        # where the page lives in the site, e.g. "walidacja.md"
    template: str    # template in sitegen/templates
    title: str
    description: str
    script: str = ""  # the page's JavaScript module in assets/selfcheck/, if it has one
    searchable: bool = True  # False for pages that repeat text found on other pages

    @property
    def url(self) -> str:
        """The page's URL in the site (directory URLs): "walidacja/", "samoocena/", "" for the home page."""
        stem = self.path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def link_to(self, page_url: str) -> str:
        """Relative URL from this page to a site URL like "efekty-uczenia-sie/"."""
        return "../" * self.url.count("/") + page_url


# Order is the navigation order. Titles are short, the way a candidate would look for them.
PAGES = [
    PageSpec("index.md", "overview.md.j2", "Kwalifikacja w skrócie",
             "Kwalifikacja rynkowa „{name}” w Zintegrowanym Systemie Kwalifikacji: dla kogo jest, "
             "co potrafi osoba, która ją ma, jak przebiega walidacja, ile kosztuje i jak długo jest ważny certyfikat."),
    PageSpec("opis.md", "description.md.j2", "O kwalifikacji",
             "Charakterystyka kwalifikacji „{name}”, grupy odbiorców, typowe zastosowania i zapotrzebowanie na rynku pracy."),
    PageSpec("efekty-uczenia-sie.md", "outcomes.md.j2", "Efekty uczenia się",
             "Zestawy efektów uczenia się kwalifikacji „{name}” ze wszystkimi kryteriami weryfikacji."),
    PageSpec("walidacja.md", "validation.md.j2", "Walidacja",
             "Jak przebiega walidacja kwalifikacji „{name}”: metody, komisja walidacyjna, warunki i procedura odwoławcza."),
    PageSpec("certyfikat.md", "certificate.md.j2", "Certyfikat i jego przedłużenie",
             "Certyfikat kwalifikacji „{name}”: okres ważności i warunki przedłużenia."),
    PageSpec("odnowienie.md", "renewal.md.j2", "Odnowienie certyfikatu",
             "Przygotuj odnowienie certyfikatu kwalifikacji „{name}”: policz okresy pracy z systemem CRM i wydrukuj zestawienie dowodów.",
             "renewal.mjs"),
    PageSpec("dane-formalne.md", "formal.md.j2", "Dane formalne",
             "Kody, instytucje, dokumenty i dane wnioskodawcy kwalifikacji „{name}” z formularza ZRK."),
    PageSpec("slowniczek.md", "glossary.md.j2", "Słowniczek",
             "Objaśnienia pojęć Zintegrowanego Systemu Kwalifikacji i pracy z systemem CRM używanych w opisie kwalifikacji."),
    PageSpec("otwarte-dane.md", "open_data.md.j2", "Otwarte dane",
             "Opis kwalifikacji „{name}” do pobrania jako YAML i JSON wraz ze schematem danych."),
    PageSpec("samoocena/index.md", "selfcheck_index.md.j2", "Samoocena",
             "Sprawdź, czy jesteś gotowy do walidacji kwalifikacji „{name}”: ćwiczenia, test próbny, ocena umiejętności i raport gotowości."),
    PageSpec("samoocena/cwiczenia.md", "selfcheck_practice.md.j2", "Ćwiczenia",
             "Pytania do kwalifikacji „{name}” z wyjaśnieniami, według zestawów, efektów i kryteriów weryfikacji.", "practice.mjs"),
    PageSpec("samoocena/test.md", "selfcheck_test.md.j2", "Test próbny",
             "Losowany test próbny do kwalifikacji „{name}” z oceną i omówieniem po oddaniu.", "mock-test.mjs",
             searchable=False),  # its hidden question bank is the practice page's text
    PageSpec("samoocena/umiejetnosci.md", "selfcheck_rating.md.j2", "Ocena umiejętności",
             "Oceń, które kryteria weryfikacji kwalifikacji „{name}” już opanowałeś.", "self-rating.mjs"),
    PageSpec("samoocena/rozmowa.md", "selfcheck_interview.md.j2", "Rozmowa z komisją",
             "Pytania, jakie komisja walidacyjna może zadać przy kwalifikacji „{name}”, z punktami dobrej odpowiedzi.",
             "interview.mjs"),
    PageSpec("samoocena/raport.md", "selfcheck_report.md.j2", "Raport gotowości",
             "Twoja gotowość do walidacji kwalifikacji „{name}” według efektów, zestawów i kryteriów.", "report.mjs"),
    PageSpec("druk.md", "print.md.j2", "Cała kwalifikacja do druku",
             "Pełny opis kwalifikacji „{name}” na jednej stronie, przygotowany do druku.",
             searchable=False),  # the same text is on the other pages
    PageSpec("deklaracja-dostepnosci.md", "accessibility.md.j2", "Deklaracja dostępności",
             "Deklaracja dostępności strony o kwalifikacji „{name}”."),
]

# Files offered on the open-data page; the site adapter copies them into the built site.
DATA_DIR = "dane"
DATA_FILES = {
    "yaml": f"{DATA_DIR}/qualification.yaml",
    "json": f"{DATA_DIR}/qualification.json",
    "schema": f"{DATA_DIR}/qualification.schema.json",
}


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,  # a misspelt field in a template fails the build
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown; text is escaped with the `md` filter instead
    )
    env.filters.update(md=md_escape, anchor=anchor, years=years_pl, hours=hours_pl,
                       pln=pln, members=members_pl, first_sentence=first_sentence)
    return env


def render_pages(data: dict, glossary: dict, publisher: dict, *, questions: list[dict],
                 interview: list[dict], tools: list[dict] | None = None) -> dict[str, str]:
    """Render every page: {"walidacja.md": "---\\ntitle: …\\n---\\n# …", …}.

    `questions` are the self-check questions as the page shows them (selfcheck's display form).
    """
    env = make_environment()
    abbreviations = "\n".join(abbreviation_lines(glossary))
    context = {
        "q": data,
        "criteria": criteria(data),
        "glossary": glossary,
        "glossary_groups": terms_by_group(glossary),
        "publisher": publisher,
        "tools": tools or [],
        "pages": {spec.template.split(".")[0]: spec for spec in PAGES},
        "data_files": DATA_FILES,
        "questions": questions,
        "interview": interview,
        "weights": {"quiz": round(QUIZ_WEIGHT * 100), "rating": round(RATING_WEIGHT * 100)},
        "levels": [round(threshold * 100) for threshold, _, _ in LEVELS[:2]],
        "days_per_year": DAYS_PER_YEAR,
    }
    out = {}
    for spec in PAGES:
        meta = {"title": spec.title, "description": spec.description.format(name=data["name"])}
        if spec.path == "index.md":
            # "<\/" keeps a "</script>" inside the data from closing the script element early.
            meta["json_ld"] = json.dumps(credential_json_ld(data), ensure_ascii=False).replace("</", "<\\/")
        if not spec.searchable:
            meta["search"] = {"exclude": True}
        if spec.script:
            meta["script"] = spec.script
        body = env.get_template(spec.template).render(**context, page=spec,
                                                      to_outcomes=spec.link_to("efekty-uczenia-sie/"))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        out[spec.path] = f"---\n{front}---\n\n{body.strip()}\n\n{abbreviations}\n"
    return out


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*[]#"} | {"<": "&lt;", ">": "&gt;"})
# "_" starts emphasis only at a word edge; inside a word ("ZRK_FKU_Zarządzanie") it stays as is,
# so the text keeps its word boundaries and the glossary does not mark "ZRK" inside a file name.
_EDGE_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")


def md_escape(text: str) -> str:
    """Escape data text so Markdown shows it literally (e.g. "<tag>", "*", "[1]")."""
    text = " ".join(str(text).split()).translate(_MD_SPECIAL)
    return _EDGE_UNDERSCORE.sub(r"\_", text)


def plural_pl(n: int, one: str, few: str, many: str) -> str:
    """Polish plural: 1 rok, 2–4 lata (but 12–14 lat), 5+ lat."""
    if n == 1:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def years_pl(n: int | float) -> str:
    if n != int(n):
        return f"{str(n).replace('.', ',')} roku"
    n = int(n)
    return f"{n} {plural_pl(n, 'rok', 'lata', 'lat')}"


def hours_pl(n: int) -> str:
    return f"{n} {plural_pl(n, 'godzina', 'godziny', 'godzin')}"


def members_pl(n: int) -> str:
    return f"{n} {plural_pl(n, 'osoba', 'osoby', 'osób')}"


def pln(amount: int | float) -> str:
    """1950 -> "1950 zł"; Polish writes four-digit amounts without a space."""
    whole = int(amount)
    text = f"{whole:,}".replace(",", "\u00a0") if whole >= 10_000 else str(whole)
    if amount != whole:
        text += f",{round((amount - whole) * 100):02d}"
    return f"{text}\u00a0zł"


def first_sentence(text: str) -> str:
    """The first sentence: up to a full stop followed by a capital letter ("np. związanych" goes on)."""
    match = re.search(r"\.\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])", text)
    return text[: match.start() + 1] if match else text
