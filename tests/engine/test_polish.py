"""Reading what people type: the one number parser and the one text normaliser (selfcheck.polish)."""

import unittest

from selfcheck.polish import normalise, parse_number


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


if __name__ == "__main__":
    unittest.main()
