"""Checks accept every form of a right value a person would write, and only those: abbreviations
and full words, legal forms, a street with or without "ul.", numbers and dates as typed; a
different word, number or letter still fails."""

import unittest

from practical_modules.crm.checks import same_value
from practical_modules.crm.matching import same_text

SAME_TEXT = [
    ("ul. Rzemieślnicza 94", ["Rzemieślnicza 94", "ulica Rzemieślnicza 94", "UL.RZEMIEŚLNICZA 94", "ul Rzemieslnicza 94",
                              "  ul.  Rzemieślnicza   94, "]),
    ("al. Jana Pawła II 15", ["Aleja Jana Pawła II 15", "Al. Jana Pawła II 15", "aleje Jana Pawła II 15"]),
    ("pl. Wolności 3", ["plac Wolności 3", "Pl.Wolności 3"]),
    ("os. Słoneczne 7", ["osiedle Słoneczne 7"]),
    ("specjalista ds. zakupów", ["specjalista do spraw zakupów", "Specjalista ds zakupów", "specjalista d/s zakupów",
                                 "spec. ds. zakupów", "SPECJALISTA DS. ZAKUPÓW"]),
    ("zastępca dyrektora handlowego", ["z-ca dyrektora handlowego", "Z-ca dyrektora handlowego."]),
    ("Termix sp. z o.o.", ["Termix spółka z ograniczoną odpowiedzialnością", "Termix sp.z o.o.", "Termix Sp. z o. o.",
                           "TERMIX SP. Z O.O.", "Termix spółka z o.o.", "Termix sp. z o.o", "Termix Sp. z oo",
                           "„Termix” sp. z o.o."]),
    ("Flotex S.A.", ["Flotex spółka akcyjna", "Flotex SA", "Flotex S. A.", "FLOTEX S.A"]),
    ("Budmax sp.j.", ["Budmax spółka jawna", "Budmax sp. j.", "Budmax Sp.J."]),
    ("Budmax sp.k.", ["Budmax spółka komandytowa", "Budmax sp. k."]),
    ("jednoosobowa działalność gospodarcza", ["JDG", "Jednoosobowa działalność gospodarcza."]),
    ("mazowieckie", ["woj. mazowieckie", "województwo mazowieckie", "MAZOWIECKIE"]),
    ("Łódź", ["Lodz", "ŁÓDŹ", "lódź"]),
    ("Newsletter – Serwis klimatyzacji", ["Newsletter - serwis klimatyzacji", "newsletter-serwis klimatyzacji",
                                          "Newsletter — Serwis klimatyzacji."]),
]

DIFFERENT_TEXT = [
    ("ul. Rzemieślnicza 94", ["Rzemieślnicza 49", "ul. Rzemieślnicza 9", "al. Rzemieślnicza 94", "Rzemieślnicza",
                              "pl. Rzemieślnicza 94", ""]),
    ("specjalista ds. zakupów", ["specjalista ds. sprzedaży", "specjalistka ds. zakupów", "kierownik ds. zakupów"]),
    ("Termix sp. z o.o.", ["Termix S.A.", "Termix sp.j.", "Termix sp.k.", "Termex sp. z o.o.", "Termix",
                           "Termix sp. z o.o. sp.k."]),
    ("Budmax sp.j.", ["Budmax sp.k.", "Budmax sp.p."]),
    ("Flotex S.A.", ["Flotex S.K.A.", "Flotex spółka komandytowo-akcyjna", "Flotex sp. z o.o."]),
    ("Firma-A", ["Firma A"]),
    ("Klienci są", ["Klienci S.A."]),
    ("ul.", [""]),
    ("mazowieckie", ["woj. małopolskie", "województwo"]),
]


class EquivalentText(unittest.TestCase):
    def test_forms_of_the_same_value_compare_equal(self):
        for expected, typed in SAME_TEXT:
            for value in typed:
                with self.subTest(expected=expected, typed=value):
                    self.assertTrue(same_text(value, expected))
                    self.assertTrue(same_value("text", value, expected))

    def test_a_different_word_number_or_letter_still_differs(self):
        for expected, typed in DIFFERENT_TEXT:
            for value in typed:
                with self.subTest(expected=expected, typed=value):
                    self.assertFalse(same_text(value, expected))


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
        self.assertFalse(same_value("regon", "", "123456785"))

    def test_dates_in_the_forms_polish_writing_uses(self):
        for typed in ("2026-11-25", "25.11.2026", "25.11.2026 r.", "25-11-2026", "25/11/2026", "25 listopada 2026",
                      "25 listopada 2026 r.", "25 XI 2026"):
            self.assertTrue(same_value("date", typed, "2026-11-25"), typed)
        for typed in ("2026-11-24", "11.25.2026", "25.11.26", "25 października 2026", ""):
            self.assertFalse(same_value("date", typed, "2026-11-25"), typed)

    def test_e_mail_addresses_keep_their_punctuation(self):
        self.assertTrue(same_value("email", "Jan.Nowak@Firma.example", "jan.nowak@firma.example"))
        self.assertFalse(same_value("email", "jannowak@firma.example", "jan.nowak@firma.example"))
        self.assertFalse(same_value("email", "jan.nowak@firma.example.pl", "jan.nowak@firma.example"))
