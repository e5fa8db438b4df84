"""Reading what people type: the one number parser and the one folding of text, with the normaliser
built on it (selfcheck.polish)."""

import unittest

from selfcheck.polish import NBSP, alphabetical, file_size, fold_text, normalise, parse_number, plain_marks


class ParseNumberTest(unittest.TestCase):
    def test_polish_and_plain_forms(self):
        for typed, number in [("1 234,5", 1234.5), ("1234.5", 1234.5), ("1 234", 1234.0), ("1234", 1234.0),
                              ("12 345 678,25", 12345678.25), ("1\u00a0234,5", 1234.5), ("1\u202f234", 1234.0),
                              ("  0,5 ", 0.5), ("1,234", 1.234), ("0012", 12.0)]:
            self.assertEqual(parse_number(typed), number, typed)

    def test_a_leading_sign(self):
        self.assertEqual(parse_number("-5"), -5.0)
        self.assertEqual(parse_number("\u22121 234,5"), -1234.5)  # the typographic minus
        self.assertEqual(parse_number("+5"), 5.0)

    def test_numbers_pass_and_booleans_do_not(self):
        self.assertEqual(parse_number(5), 5.0)
        self.assertEqual(parse_number(2.5), 2.5)
        self.assertIsNone(parse_number(True))
        self.assertIsNone(parse_number(None))

    def test_not_a_number_is_none(self):
        for typed in ["", "   ", "abc", "nan", "NaN", "inf", "-inf", "1e5", "12,3,4", "1.234,5", "12 34", "1234 567",
                      "12.", ".5", ",5", "- 5", "5-", "1\t234", "\u0661\u0662", "12 zł", "9" * 400]:
            self.assertIsNone(parse_number(typed), typed)
        for value in [float("nan"), float("inf"), 10 ** 400]:
            self.assertIsNone(parse_number(value), value)

    def test_units_the_caller_allows_may_follow_the_number(self):
        units = ("zł", "%", "p.p.")
        for typed, number in [("12 345,50 zł", 12345.5), ("12zł", 12.0), ("12 ZL", 12.0), ("25%", 25.0),
                              ("3,5 p.p.", 3.5), ("3,5 pp", 3.5), ("3,5 p. p.", 3.5)]:
            self.assertEqual(parse_number(typed, units=units), number, typed)
        for typed in ["12 kg", "zł 12", "12 zł zł", "12 .", "12 zł 5"]:
            self.assertIsNone(parse_number(typed, units=units), typed)


class FoldTextTest(unittest.TestCase):
    def test_case_diacritics_typography_and_spaces_do_not_count(self):
        self.assertEqual(fold_text("  ŁÓDŹ,   Żółć\t"), "lodz, zolc")
        self.assertEqual(fold_text("„Termix” – serwis"), '"termix" - serwis')
        for dash in "-\u2010\u2011\u2012\u2013\u2014\u2212":
            self.assertEqual(fold_text(f"Firma{dash}A"), "firma-a", dash)
        self.assertEqual(fold_text("O’Neil ‚x‘ «y»"), "o'neil 'x' \"y\"")
        self.assertEqual(fold_text("12\u00a0500 zł"), "12 500 zl")

    def test_punctuation_still_tells_texts_apart(self):
        self.assertNotEqual(fold_text("Firma-A"), fold_text("Firma A"))
        self.assertEqual(fold_text("Jan.Nowak@Firma.example"), "jan.nowak@firma.example")
        self.assertNotEqual(fold_text("jan.nowak@firma.example"), fold_text("jannowak@firma.example"))

    def test_normalise_folds_the_same_way_and_lets_punctuation_go(self):
        for text in ("„Termix” – serwis", "  Szansa   sprzedaży! ", "e-mail", "Z1.E2 K_3", "O’Neil"):
            self.assertEqual(normalise(text), normalise(fold_text(text)), text)
        self.assertEqual(normalise("Firma-A"), normalise("Firma A"))


class NormaliseTest(unittest.TestCase):
    def test_case_diacritics_punctuation_and_spaces_do_not_count(self):
        self.assertEqual(normalise("  Szansa   sprzedaży! "), "szansa sprzedazy")
        self.assertEqual(normalise("ŁÓDŹ, Żółć"), "lodz zolc")
        self.assertEqual(normalise("e-mail"), normalise("e mail"))
        self.assertEqual(normalise("„Termix” – Serwis"), "termix serwis")

    def test_letters_digits_and_words_stay_apart(self):
        self.assertEqual(normalise("Z1.E2 K_3"), "z1 e2 k_3")
        self.assertNotEqual(normalise("lead"), normalise("leady"))
        self.assertEqual(normalise("?!"), "")


class AlphabeticalTest(unittest.TestCase):
    def test_the_polish_alphabet_orders_letters_with_diacritics_after_their_base(self):
        names = ["Żeglarstwo", "Zdun", "Łowiectwo", "Lutnictwo", "Ćwiczenia", "Cukiernik", "ślusarz", "Stolarz",
                 "Ogrodnik", "Ósemka", "Ala", "Ąb"]
        self.assertEqual(sorted(names, key=alphabetical),
                         ["Ala", "Ąb", "Cukiernik", "Ćwiczenia", "Lutnictwo", "Łowiectwo", "Ogrodnik", "Ósemka",
                          "Stolarz", "ślusarz", "Zdun", "Żeglarstwo"])

    def test_case_and_spaces_count_only_between_equal_texts_and_words_come_before_longer_ones(self):
        self.assertEqual(sorted(["kwalifikacja rynkowa", "Kwalifikacja", "kwalifikacja"], key=alphabetical),
                         ["Kwalifikacja", "kwalifikacja", "kwalifikacja rynkowa"])
        self.assertEqual(sorted(["Ab c", "Abc"], key=alphabetical), ["Ab c", "Abc"])


class PlainMarksTest(unittest.TestCase):
    def test_typographic_dashes_and_quotes_become_the_keyboards_and_the_rest_stays(self):
        self.assertEqual(plain_marks("T – „Łódź” — ‘x’ −5"), 'T - "Łódź" - \'x\' -5')


class FileSizeTest(unittest.TestCase):
    def test_decimal_units_with_a_polish_comma_below_ten(self):
        for size, text in [(850, "850 B"), (4_200, "4,2 kB"), (313_791, "314 kB"), (1_500_000, "1,5 MB"),
                           (12_000_000, "12 MB"), (1_000, "1 kB")]:
            self.assertEqual(file_size(size), text.replace(" ", NBSP), size)


if __name__ == "__main__":
    unittest.main()
