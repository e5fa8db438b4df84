"""Polish identifiers of the practice CRM: known valid and invalid numbers, and properties of the
check digits (hypothesis) that hold for every generated number."""

import random
import unittest
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from practical_modules.crm import identifiers as ids


class KnownNumbers(unittest.TestCase):
    def test_nip(self):
        # The textbook example: weights 6 5 7 2 3 4 5 6 7 on 123456321 give 118, 118 mod 11 = 8.
        self.assertIsNone(ids.nip_problem("1234563218"))
        self.assertIsNone(ids.nip_problem("123-456-32-18"))
        self.assertIsNone(ids.nip_problem("123 456 32 18"))
        self.assertIn("cyfrę kontrolną", ids.nip_problem("1234563219"))
        self.assertIn("powinna być 8", ids.nip_problem("1234563219"))
        self.assertIn("10 cyfr", ids.nip_problem("123456321"))
        self.assertIn("tylko z cyfr", ids.nip_problem("12345632AB"))
        self.assertEqual(ids.nip_problem(""), "Wpisz NIP.")

    def test_nip_prefix_with_check_digit_ten_is_never_valid(self):
        first = next(f"{n:09d}" for n in range(100000000, 100100000) if ids.nip_check_digit(f"{n:09d}") == 10)
        for last in "0123456789":
            self.assertIn("nie istnieje", ids.nip_problem(first + last))

    def test_regon(self):
        self.assertIsNone(ids.regon_problem("123456785"))       # 8·1+9·2+2·3+3·4+4·5+5·6+6·7+7·8 = 192, mod 11 = 5
        self.assertIn("cyfrę kontrolną", ids.regon_problem("123456786"))
        self.assertIn("9 albo 14 cyfr", ids.regon_problem("12345678"))
        base = "123456785" + "0123"
        fourteen = base + str(ids.regon14_check_digit(base))
        self.assertIsNone(ids.regon_problem(fourteen))
        wrong = fourteen[:-1] + str((int(fourteen[-1]) + 1) % 10)
        self.assertIn("jednostki lokalnej", ids.regon_problem(wrong))

    def test_pesel(self):
        # 44051401359: born 14 May 1944, a man (tenth digit 5 is odd), check digit 9.
        self.assertIsNone(ids.pesel_problem("44051401359"))
        self.assertEqual(ids.pesel_birth_date("44051401359"), date(1944, 5, 14))
        self.assertEqual(ids.pesel_sex("44051401359"), "M")
        self.assertIn("cyfrę kontrolną", ids.pesel_problem("44051401358"))
        self.assertIn("nieistniejącą datę", ids.pesel_problem("44133101358"))  # month 13 is no month of any century
        self.assertIsNone(ids.pesel_problem("44051401359", birth_date=date(1944, 5, 14), sex="M"))
        self.assertIn("14.05.1944", ids.pesel_problem("44051401359", birth_date=date(1944, 5, 15)))
        self.assertIn("płcią", ids.pesel_problem("44051401359", sex="K"))

    def test_pesel_century_offsets(self):
        rng = random.Random(7)
        for born in (date(1850, 1, 31), date(1999, 12, 31), date(2000, 2, 29), date(2150, 6, 1), date(2250, 7, 2)):
            number = ids.make_pesel(rng, born, "K")
            self.assertIsNone(ids.pesel_problem(number, birth_date=born, sex="K"), number)

    def test_postcode_email_phone(self):
        self.assertIsNone(ids.postcode_problem("00-950"))
        for typed in ("00950", "00 950"):  # five digits are unambiguous: kept as 00-950
            self.assertIsNone(ids.postcode_problem(typed), typed)
            self.assertEqual(ids.format_postcode(typed), "00-950")
        for wrong in ("0095", "009500", "00-95", "0-0950", "00–95O"):
            self.assertIn("dwie cyfry, myślnik", ids.postcode_problem(wrong), wrong)
        self.assertIsNone(ids.email_problem("anna.nowak@firma.example"))
        for wrong in ("anna.nowak", "anna@@firma.example", "anna nowak@firma.example", "anna@firma"):
            self.assertIsNotNone(ids.email_problem(wrong), wrong)
        self.assertIsNone(ids.phone_problem("+48 601 234 567"))
        self.assertIsNone(ids.phone_problem("601-234-567"))
        self.assertIn("9 cyfr", ids.phone_problem("60123456"))
        self.assertEqual(ids.format_phone("0048601234567"), "+48 601 234 567")
        self.assertEqual(ids.format_phone("601.234.567"), "+48 601 234 567")  # dots group digits too
        for wrong in ("601,234,567", "601_234_567", "601.234.56"):
            self.assertIsNotNone(ids.phone_problem(wrong), wrong)
        self.assertEqual(ids.format_nip("1234563218"), "123-456-32-18")

    def test_a_nip_typed_as_the_eu_vat_number(self):
        for typed in ("PL1234563218", "pl 123-456-32-18", " PL 1234563218"):
            self.assertIsNone(ids.nip_problem(typed), typed)
            self.assertEqual(ids.format_nip(typed), "123-456-32-18")
        for wrong in ("DE1234563218", "PL1234563219", "P1234563218", "PLN1234563218"):
            self.assertIsNotNone(ids.nip_problem(wrong), wrong)


def changed_one_digit(number: str, position: int, delta: int) -> str:
    return number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]


class GeneratedNumbers(unittest.TestCase):
    @settings(max_examples=60, deadline=None)
    @given(st.integers(0, 2 ** 32), st.integers(0, 9), st.integers(1, 9))
    def test_nip_catches_every_single_digit_typo(self, seed, position, delta):
        number = ids.make_nip(random.Random(seed))
        self.assertIsNone(ids.nip_problem(number))
        # Weights 6 5 7 2 3 4 5 6 7 and 1 for the check digit are all prime to 11: one changed digit always shows.
        self.assertIsNotNone(ids.nip_problem(changed_one_digit(number, position, delta)))
        self.assertIsNotNone(ids.nip_problem(ids.make_nip(random.Random(seed), valid=False)))

    @settings(max_examples=60, deadline=None)
    @given(st.integers(0, 2 ** 32), st.integers(0, 10), st.integers(1, 9),
           st.dates(min_value=date(1800, 1, 1), max_value=date(2299, 12, 31)), st.sampled_from("KM"))
    def test_pesel_round_trip_and_typos(self, seed, position, delta, born, sex):
        number = ids.make_pesel(random.Random(seed), born, sex)
        self.assertIsNone(ids.pesel_problem(number, birth_date=born, sex=sex))
        self.assertEqual((ids.pesel_birth_date(number), ids.pesel_sex(number)), (born, sex))
        # Weights 1 3 7 9 are units mod 10: one changed digit always breaks the check digit or the date.
        self.assertIsNotNone(ids.pesel_problem(changed_one_digit(number, position, delta)))

    @settings(max_examples=40, deadline=None)
    @given(st.integers(0, 2 ** 32))
    def test_regon_generators_are_valid(self, seed):
        rng = random.Random(seed)
        nine = ids.make_regon9(rng)
        self.assertIsNone(ids.regon_problem(nine))
        local_unit = nine + f"{rng.randint(0, 9999):04d}"   # a local unit's 14 digits: the firm's 9 and 4 more
        fourteen = local_unit + str(ids.regon14_check_digit(local_unit))
        self.assertIsNone(ids.regon_problem(fourteen))
        self.assertTrue(fourteen.startswith(nine))
        self.assertIsNotNone(ids.regon_problem(ids.typo(rng, nine, ids.regon_problem)))


if __name__ == "__main__":
    unittest.main()
