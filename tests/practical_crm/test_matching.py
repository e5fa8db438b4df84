"""Checks accept every form of a right value a person would write, and only those: abbreviations
and full words, legal forms, a street with or without "ul.", numbers and dates as typed; a
different word, number or letter still fails."""

import unittest

from practical_modules.crm import records as rec
from practical_modules.crm.checks import same_value
from practical_modules.crm.matching import FIRM, REGION, STREET, same_text

# (what the field holds, the expected value, forms of it that must compare equal)
SAME_TEXT = [
    (STREET, "ul. Rzemieślnicza 94", ["Rzemieślnicza 94", "ulica Rzemieślnicza 94", "UL.RZEMIEŚLNICZA 94",
                                      "ul Rzemieslnicza 94", "  ul.  Rzemieślnicza   94, "]),
    (STREET, "ul. Klonowa 80", ["ul. Klonowa nr 80", "Klonowa nr 80", "Klonowa numer 80"]),
    (STREET, "ul. Polna 12A", ["Polna 12 a", "Polna 12a", "ul. Polna 12 A"]),
    (STREET, "al. Jana Pawła II 15", ["Aleja Jana Pawła II 15", "Al. Jana Pawła II 15", "aleje Jana Pawła II 15"]),
    (STREET, "pl. Wolności 3", ["plac Wolności 3", "Pl.Wolności 3"]),
    (STREET, "os. Słoneczne 7", ["osiedle Słoneczne 7"]),
    ("", "specjalista ds. zakupów", ["specjalista do spraw zakupów", "Specjalista ds zakupów", "specjalista d/s zakupów",
                                     "spec. ds. zakupów", "SPECJALISTA DS. ZAKUPÓW", "specjalista d.s. zakupów"]),
    # "dyr.", "kier.", "spec." abbreviate the man's and the woman's title alike.
    ("", "dyrektorka handlowa", ["dyr. handlowa", "Dyr handlowa", "Dyrektorka Handlowa"]),
    ("", "dyrektor handlowy", ["dyr. handlowy"]),
    ("", "kierowniczka zakupów", ["kier. zakupów"]),
    ("", "specjalistka ds. zakupów", ["spec. ds. zakupów", "spec. d.s. zakupów", "specjalistka do spraw zakupów"]),
    ("", "zastępca dyrektora handlowego", ["z-ca dyrektora handlowego", "Z-ca dyrektora handlowego."]),
    (FIRM, "Termix sp. z o.o.", ["Termix spółka z ograniczoną odpowiedzialnością", "Termix sp.z o.o.", "Termix Sp. z o. o.",
                                 "TERMIX SP. Z O.O.", "Termix spółka z o.o.", "Termix sp. z o.o", "Termix Sp. z oo",
                                 "„Termix” sp. z o.o."]),
    (FIRM, "Flotex S.A.", ["Flotex spółka akcyjna", "Flotex SA", "Flotex S. A.", "FLOTEX S.A", "Flotex sa"]),
    ("", "Flotex S.A.", ["Flotex spółka akcyjna", "Flotex S. A.", "FLOTEX S.A"]),
    (FIRM, "S.A.", ["SA", "spółka akcyjna"]),
    (FIRM, "Budmax sp.j.", ["Budmax spółka jawna", "Budmax sp. j.", "Budmax Sp.J."]),
    (FIRM, "Budmax sp.k.", ["Budmax spółka komandytowa", "Budmax sp. k."]),
    (FIRM, "Flotex S.K.A.", ["Flotex spółka komandytowo-akcyjna", "Flotex spółka komandytowo akcyjna"]),
    ("", "jednoosobowa działalność gospodarcza", ["JDG", "Jednoosobowa działalność gospodarcza."]),
    (REGION, "mazowieckie", ["woj. mazowieckie", "województwo mazowieckie", "MAZOWIECKIE"]),
    (REGION, "kujawsko-pomorskie", ["kujawsko pomorskie", "woj. kujawsko – pomorskie"]),
    ("", "Łódź", ["Lodz", "ŁÓDŹ", "lódź"]),
    ("", "Bielsko-Biała", ["Bielsko Biała", "bielsko - biala", "Bielsko–Biała"]),
    # A dash between the parts of a name is punctuation like a colon or a comma, or none.
    ("", "Newsletter – Serwis klimatyzacji", ["Newsletter - serwis klimatyzacji", "newsletter-serwis klimatyzacji",
                                              "Newsletter — Serwis klimatyzacji.", "Newsletter: Serwis klimatyzacji",
                                              "Newsletter, Serwis klimatyzacji", "Newsletter Serwis klimatyzacji"]),
    ("", "Budmar – Serwis drukarek", ["Budmar Serwis drukarek", "Budmar: Serwis drukarek", "Budmar, Serwis drukarek",
                                      "Budmar–Serwis drukarek", "„Budmar” — serwis drukarek"]),
    ("", "Szanse w etapie Negocjacje według opiekunów", ["Szanse w etapie Negocjacje wg opiekunów",
                                                         "Szanse w etapie Negocjacje wg. opiekunów",
                                                         "Szanse w etapie Negocjacje – według opiekunów"]),
    ("", "Firma-A", ["Firma A", "firma – a"]),  # a hyphen reads as a space, as a full stop does
]

DIFFERENT_TEXT = [
    (STREET, "ul. Rzemieślnicza 94", ["Rzemieślnicza 49", "ul. Rzemieślnicza 9", "al. Rzemieślnicza 94", "Rzemieślnicza",
                                      "pl. Rzemieślnicza 94", ""]),
    (STREET, "ul. Klonowa 80", ["ul. Klonowa 8", "Klonowa 800", "Klonowa 8 0", "Klonowa 80/2", "Klonowa 80a",
                                "ul. Klonowa 80 m. 2", "Klonowa nr 8"]),
    (STREET, "ul. Polna 12A", ["Polna 12", "Polna 12 b", "Polna 12 ab", "Polna 1 2A", "Polna 12/A1"]),
    ("", "specjalista ds. zakupów", ["specjalista ds. sprzedaży", "specjalistka ds. zakupów", "kierownik ds. zakupów",
                                     "spec. ds. sprzedaży", "kier. ds. zakupów"]),
    ("", "dyrektorka handlowa", ["dyrektor handlowa", "dyr. handlowy", "dyrektorka handlowy", "dyr. sprzedaży",
                                 "kier. handlowa", "zastępczyni dyrektora handlowego"]),
    ("", "kierowniczka zakupów", ["kierownik zakupów", "kier. sprzedaży", "dyr. zakupów"]),
    (FIRM, "Termix sp. z o.o.", ["Termix S.A.", "Termix sp.j.", "Termix sp.k.", "Termex sp. z o.o.", "Termix",
                                 "Termix sp. z o.o. sp.k.", "Termix SA"]),
    (FIRM, "Budmax sp.j.", ["Budmax sp.k.", "Budmax sp.p."]),
    (FIRM, "Flotex S.A.", ["Flotex S.K.A.", "Flotex spółka komandytowo-akcyjna", "Flotex sp. z o.o.", "Flotex",
                           "Flotexsa"]),
    # "SA" without stops is S.A. only in a firm's name: elsewhere "sa" is "są" with its diacritic lost.
    ("", "Klienci S.A.", ["Klienci sa", "Klienci SA", "Klienci są"]),
    ("", "Klienci są", ["Klienci S.A.", "Klienci"]),
    (FIRM, "Klienci S.A.", ["Klienci są"]),
    # "ul." and "woj." go only before a street and a voivodeship: elsewhere they are a word of a name.
    (FIRM, "Solutions sp. z o.o.", ["UL Solutions sp. z o.o.", "ul. Solutions sp. z o.o."]),
    ("", "Trans sp. z o.o.", ["Woj Trans sp. z o.o.", "Ul Trans sp. z o.o."]),
    (STREET, "ul.", [""]),
    (REGION, "mazowieckie", ["woj. małopolskie", "województwo", "ul. mazowieckie"]),
    (REGION, "kujawsko-pomorskie", ["pomorskie", "kujawskopomorskie"]),
    ("", "Budmar – Serwis drukarek", ["Budmar – Serwis drukarki", "Budmar / Serwis drukarek", "Budmarserwis drukarek",
                                      "Serwis drukarek – Budmar", "Budmar sp. z o.o. – Serwis drukarek"]),
    ("", "Newsletter – Urządzenie wielofunkcyjne A3", ["Newsletter – Urządzenie wielofunkcyjne A-3",
                                                       "Newsletter – Urządzenie wielofunkcyjne A4"]),
    ("", "Szanse w etapie Negocjacje według opiekunów", ["Szanse w etapie Oferta według opiekunów",
                                                         "Szanse w etapie Negocjacje według wartości", "Szanse wg opiekunów"]),
    ("", "Bielsko-Biała", ["Bielsko", "BielskoBiała", "Biała"]),
    ("", "Firma-A", ["FirmaA", "Firma-B"]),
]


def _field(form):
    return rec.Field("x", "x", "text", compare=form)


class EquivalentText(unittest.TestCase):
    def test_forms_of_the_same_value_compare_equal(self):
        for form, expected, typed in SAME_TEXT:
            for value in typed:
                with self.subTest(form=form, expected=expected, typed=value):
                    self.assertTrue(same_text(value, expected, form))
                    self.assertTrue(same_text(expected, value, form))
                    self.assertTrue(same_value(_field(form), value, expected))

    def test_a_different_word_number_or_letter_still_differs(self):
        for form, expected, typed in DIFFERENT_TEXT:
            for value in typed:
                with self.subTest(form=form, expected=expected, typed=value):
                    self.assertFalse(same_text(value, expected, form))
                    self.assertFalse(same_text(expected, value, form))
                    self.assertFalse(same_value(_field(form), value, expected))

    def test_fields_say_what_they_hold(self):
        companies = rec.COLLECTIONS["companies"]
        self.assertEqual([companies.field(k).compare for k in ("name", "legal_form", "street", "voivodeship", "city")],
                         [FIRM, FIRM, STREET, REGION, ""])
        self.assertEqual(rec.COLLECTIONS["contacts"].field("position").compare, "")


class NumbersAndDates(unittest.TestCase):
    def test_phone_numbers_with_or_without_the_country_code(self):
        for typed in ("600100200", "600 100 200", "+48 600 100 200", "+48600100200", "0048 600 100 200", "48 600-100-200",
                      "(+48) 600 100 200"):
            self.assertTrue(same_value("phone", typed, "+48 600 100 200"), typed)
        for typed in ("600 100 201", "+49 600 100 200", "60010020", ""):
            self.assertFalse(same_value("phone", typed, "+48 600 100 200"), typed)

    def test_nip_regon_and_postcode_by_their_digits(self):
        self.assertTrue(same_value("nip", "1234563218", "123-456-32-18"))
        self.assertTrue(same_value("nip", "PL 123 456 32 18", "123-456-32-18"))
        self.assertTrue(same_value("nip", "123-45-63-218", "123-456-32-18"))
        self.assertFalse(same_value("nip", "123-456-32-19", "123-456-32-18"))
        self.assertTrue(same_value("postcode", "00950", "00-950"))
        self.assertTrue(same_value("nip", "PL7938875575", "793-887-55-75"))
        self.assertFalse(same_value("postcode", "00951", "00-950"))
        self.assertFalse(same_value("regon", "", "123456785"))

    def test_dates_in_the_forms_polish_writing_uses(self):
        for typed in ("2026-11-25", "25.11.2026", "25.11.2026 r.", "25-11-2026", "25/11/2026", "25 listopada 2026",
                      "25 listopada 2026 r.", "25 XI 2026", "25.XI.2026", "25.XI.2026 r.", "25.XI.2026r.", "25. XI. 2026",
                      "25 listopad 2026", "25 listopad 2026 r.", "25 Listopad 2026"):
            self.assertTrue(same_value("date", typed, "2026-11-25"), typed)
        for typed in ("2026-11-24", "11.25.2026", "25.11.26", "25 października 2026", "", "25 październik 2026",
                      "25.XII.2026", "25.XIII.2026", "25 listopadzie 2026", "25XI2026", "31 listopad 2026"):
            self.assertFalse(same_value("date", typed, "2026-11-25"), typed)

    def test_e_mail_addresses_keep_their_punctuation(self):
        self.assertTrue(same_value("email", "Jan.Nowak@Firma.example", "jan.nowak@firma.example"))
        self.assertFalse(same_value("email", "jannowak@firma.example", "jan.nowak@firma.example"))
        self.assertFalse(same_value("email", "jan.nowak@firma.example.pl", "jan.nowak@firma.example"))


class TypedInput(unittest.TestCase):
    """A form keeps an unambiguous spelling in its canonical form and refuses what is not one."""

    def setUp(self):
        from practical_modules.crm.dataset import fresh_state
        self.state = fresh_state(1, "2026-03-02")
        self.companies = rec.COLLECTIONS["companies"]

    def cleaned(self, key, typed):
        return rec.clean_value(self.companies.field(key), typed, self.state)

    def test_unambiguous_forms_are_stored_canonically(self):
        for key, typed, stored in (("postcode", "85377", "85-377"), ("postcode", "85 377", "85-377"),
                                   ("nip", "PL7938875575", "793-887-55-75"), ("nip", "pl 793 887 55 75", "793-887-55-75"),
                                   ("phone", "770.494.743", "+48 770 494 743"),
                                   ("voivodeship", "kujawsko pomorskie", "kujawsko-pomorskie"),
                                   ("voivodeship", "woj. śląskie", "śląskie"), ("legal_form", "SA", "S.A."),
                                   ("legal_form", "spółka akcyjna", "S.A.")):
            with self.subTest(key=key, typed=typed):
                self.assertEqual(self.cleaned(key, typed), (stored, None))

    def test_near_misses_are_refused(self):
        for key, typed in (("postcode", "8537"), ("postcode", "853-77"), ("nip", "DE7938875575"), ("nip", "PL7938875576"),
                           ("phone", "770.494.74"), ("voivodeship", "ul. śląskie"), ("voivodeship", "pomorskie kujawskie"),
                           ("legal_form", "są")):
            with self.subTest(key=key, typed=typed):
                value, problem = self.cleaned(key, typed)
                self.assertIsNone(value)
                self.assertTrue(problem)
