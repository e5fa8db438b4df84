"""The site's pages and downloads: one list, in navigation order.

Each page names its template, its title and description, and its script if it has one.
Nothing here knows about MkDocs or about the data: other modules (rendering, checks of
links in the data) read this list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    path: str        # where the page lives in the site, e.g. "walidacja.md"
    template: str    # template in sitegen/templates
    title: str
    description: str  # may name {name} (the qualification) and {practice} (the practice renewal asks for)
    script: str = ""  # the page's JavaScript module in assets/selfcheck/, if it has one
    searchable: bool = True  # False for pages that repeat text found on other pages
    section: str = ""  # the navigation section the page belongs to ("" — top level)
    tool: str = ""     # a tool's call to action on the overview page, e.g. "Sprawdź swoją gotowość"
    for_holders: bool = False  # the tool serves those who hold the certificate: its button comes after the candidates'
    needs_renewal: bool = False  # only for certificates that expire and can be renewed
    needs_tasks: bool = False    # only for qualifications whose data has practical tasks (practical/ in its data folder)
    warm_up: bool = False  # a landing page of tools that run Python: fetch its runtime when idle
    # Words a visitor types to look for this page, besides its title and description: the site
    # search finds the page by them (sitegen/search_index.py), also when its text is not indexed.
    search_keywords: tuple[str, ...] = ()

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
             "Kwalifikacja „{name}” w Zintegrowanym Systemie Kwalifikacji: dla kogo jest, "
             "co potrafi osoba, która ją ma, jak przebiega walidacja, ile kosztuje i jak długo jest ważny certyfikat."),
    PageSpec("opis.md", "description.md.j2", "O kwalifikacji",
             "Charakterystyka kwalifikacji „{name}”, grupy odbiorców, typowe zastosowania i zapotrzebowanie na rynku pracy."),
    PageSpec("efekty-uczenia-sie.md", "outcomes.md.j2", "Efekty uczenia się",
             "Zestawy efektów uczenia się kwalifikacji „{name}” ze wszystkimi kryteriami weryfikacji."),
    PageSpec("walidacja.md", "validation.md.j2", "Walidacja",
             "Jak przebiega walidacja kwalifikacji „{name}”: metody, komisja walidacyjna, warunki i procedura odwoławcza."),
    PageSpec("certyfikat.md", "certificate.md.j2", "Certyfikat",
             "Certyfikat kwalifikacji „{name}”: dokument, okres ważności i warunki przedłużenia z formularza."),
    PageSpec("odnowienie.md", "renewal.md.j2", "Przygotuj odnowienie",
             "Przygotuj odnowienie certyfikatu kwalifikacji „{name}”: policz okresy {practice} i wydrukuj zestawienie dowodów.",
             "renewal.mjs", tool="Przygotuj odnowienie certyfikatu", for_holders=True, needs_renewal=True,
             search_keywords=("odnowienie certyfikatu", "przedłużenie certyfikatu", "kalkulator okresów pracy", "dowody pracy")),
    PageSpec("dane-formalne.md", "formal.md.j2", "Dane formalne",
             "Kody, instytucje, dokumenty i dane wnioskodawcy kwalifikacji „{name}” z formularza ZRK."),
    PageSpec("slowniczek.md", "glossary.md.j2", "Słowniczek",
             "Objaśnienia pojęć używanych w opisie kwalifikacji „{name}”."),
    PageSpec("samoocena/index.md", "selfcheck_index.md.j2", "Samoocena",
             "Sprawdź swoją gotowość do walidacji kwalifikacji „{name}”: ćwiczenia, test próbny, ocena umiejętności i raport gotowości.",
             section="Samoocena", tool="Sprawdź swoją gotowość", warm_up=True,
             search_keywords=("samoocena", "przygotowanie do egzaminu", "jak się przygotować", "sprawdź się", "narzędzia")),
    PageSpec("samoocena/cwiczenia.md", "selfcheck_practice.md.j2", "Ćwiczenia",
             "Pytania do kwalifikacji „{name}” z wyjaśnieniami, według zestawów, efektów i kryteriów weryfikacji.", "practice.mjs",
             searchable=False,  # exercises, not answers: a search for "ile kosztuje" should find the fee, not a task
             section="Samoocena", search_keywords=("ćwiczenia", "pytania z odpowiedziami", "pytania testowe", "nauka", "quiz", "powtórka")),
    PageSpec("samoocena/test.md", "selfcheck_test.md.j2", "Test próbny",
             "Losowany test próbny do kwalifikacji „{name}” z oceną i omówieniem po oddaniu.", "mock-test.mjs",
             searchable=False,  # its hidden question bank is the practice page's text
             section="Samoocena", search_keywords=("test próbny", "egzamin próbny", "próbny egzamin", "test teoretyczny", "sprawdzian")),
    PageSpec("samoocena/umiejetnosci.md", "selfcheck_rating.md.j2", "Ocena umiejętności",
             "Oceń, które kryteria weryfikacji kwalifikacji „{name}” już opanowano.", "self-rating.mjs",
             section="Samoocena", search_keywords=("ocena umiejętności", "samoocena umiejętności", "co już umiem")),
    PageSpec("samoocena/rozmowa.md", "selfcheck_interview.md.j2", "Rozmowa z komisją",
             "Pytania, jakie komisja walidacyjna może zadać przy kwalifikacji „{name}”, z punktami dobrej odpowiedzi.",
             "interview.mjs", section="Samoocena", search_keywords=("rozmowa z komisją", "pytania komisji", "wywiad", "rozmowa")),
    PageSpec("samoocena/praktyka.md", "selfcheck_practical.md.j2", "Zadania praktyczne",
             "Zadania praktyczne do kwalifikacji „{name}” w symulowanym systemie, sprawdzane na tym urządzeniu.", "crm.mjs",
             searchable=False, section="Samoocena", needs_tasks=True,
             search_keywords=("zadania praktyczne", "ćwiczenia praktyczne", "praktyka", "część praktyczna", "symulowany system")),
    PageSpec("samoocena/symulacja.md", "selfcheck_practical_exam.md.j2", "Symulacja części praktycznej",
             "Próbna część praktyczna walidacji kwalifikacji „{name}”: zadania na czas, wyniki po zakończeniu.", "crm.mjs",
             searchable=False, section="Samoocena", needs_tasks=True,
             search_keywords=("symulacja", "egzamin praktyczny", "próbna część praktyczna", "zadania na czas")),
    PageSpec("samoocena/raport.md", "selfcheck_report.md.j2", "Raport gotowości",
             "Gotowość do walidacji kwalifikacji „{name}” według efektów, zestawów i kryteriów.", "report.mjs",
             section="Samoocena", search_keywords=("raport gotowości", "wyniki", "postępy", "czy jestem gotowy")),
    PageSpec("dla-nauczycieli.md", "teachers.md.j2", "Dla nauczycieli",
             "Pytania kwalifikacji „{name}” do zaimportowania w Moodle i innych platformach e-learningowych, "
             "z tą samą punktacją, kategoriami według efektów i kryteriami weryfikacji.",
             search_keywords=("Moodle", "eksport pytań", "import pytań", "bank pytań", "GIFT", "LMS",
                              "platforma e-learningowa", "dla nauczycieli", "quiz w Moodle")),
    PageSpec("otwarte-dane.md", "open_data.md.j2", "Otwarte dane",
             "Opis kwalifikacji „{name}” do pobrania jako YAML i JSON wraz ze schematem danych.",
             search_keywords=("pobierz dane", "plik", "API")),
    PageSpec("druk.md", "print.md.j2", "Cała kwalifikacja do druku",
             "Pełny opis kwalifikacji „{name}” na jednej stronie, przygotowany do druku.",
             searchable=False,  # the same text is on the other pages
             search_keywords=("wersja do druku", "drukuj", "PDF", "cały opis")),
    PageSpec("deklaracja-dostepnosci.md", "accessibility.md.j2", "Deklaracja dostępności",
             "Deklaracja dostępności strony o kwalifikacji „{name}”."),
]

# The accessibility statement: every page's head points to it (<meta name="deklaracja-dostępności">).
STATEMENT = next(spec for spec in PAGES if spec.template == "accessibility.md.j2")

SITE_DESCRIPTION = ("Kwalifikacja „{name}” w Zintegrowanym Systemie Kwalifikacji: opis, efekty uczenia się, "
                    "walidacja i certyfikat.")


def has_renewal(data: dict) -> bool:
    """Whether the certificate expires and the data gives rules for renewing it."""
    certificate = data["certificate"]
    return certificate.get("validity_years") is not None and bool(certificate.get("renewal"))


def site_pages(data: dict, *, practical: bool = False, catalog: bool = False) -> list[PageSpec]:
    """The pages this qualification's site has, in navigation order (`practical`: its data has tasks;
    `catalog`: it is one of a catalog's, whose accessibility statement is the catalog's, at its root)."""
    return [spec for spec in PAGES if (not spec.needs_renewal or has_renewal(data)) and (not spec.needs_tasks or practical)
            and not (catalog and spec is STATEMENT)]


def tool_pages(pages: list[PageSpec]) -> list[PageSpec]:
    """The tools' calls to action for the overview page: most visitors are newcomers, so the tools for
    candidates come first and those for certificate holders after them (otherwise in navigation order)."""
    return sorted((spec for spec in pages if spec.tool), key=lambda spec: spec.for_holders)


def navigation(pages: list[PageSpec]) -> list:
    """The navigation tree: page paths, and {section: [paths]} for pages that share a section."""
    tree: list = []
    for spec in pages:
        if not spec.section:
            tree.append(spec.path)
        elif tree and isinstance(tree[-1], dict) and spec.section in tree[-1]:
            tree[-1][spec.section].append(spec.path)
        else:
            tree.append({spec.section: [spec.path]})
    return tree


# The question bank in each LMS format (lms.FORMATS), offered on the "Dla nauczycieli" page: made by
# the build into this folder beside the page (sitegen/lms_downloads.py), never kept in git.
LMS_DIR = "dla-nauczycieli"

# Files offered on the open-data page; the site adapter copies them into the built site.
DATA_DIR = "dane"
DATA_FILES = {
    "yaml": f"{DATA_DIR}/qualification.yaml",
    "json": f"{DATA_DIR}/qualification.json",
    "schema": f"{DATA_DIR}/qualification.schema.json",
}
