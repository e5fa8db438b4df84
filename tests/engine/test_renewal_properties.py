"""Property-based tests (hypothesis) of the interval merge behind the renewal count."""

import unittest
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from selfcheck.renewal import Period, clip, merge

BASE = date(2020, 1, 1)
days = st.integers(min_value=0, max_value=2500)


@st.composite
def periods(draw):
    start = draw(days)
    length = draw(st.integers(min_value=0, max_value=700))
    return Period(BASE + timedelta(days=start), BASE + timedelta(days=start + length))


@st.composite
def windows(draw):
    start = draw(st.integers(min_value=0, max_value=1200))
    return Period(BASE + timedelta(days=start), BASE + timedelta(days=start + draw(st.integers(0, 1900))))


def counted(items, window):
    return merge([p for p in (clip(item, window) for item in items) if p])


def day_by_day(items, window):
    covered = set()
    for item in items:
        day = item.start
        while day <= item.end:
            if window.start <= day <= window.end:
                covered.add(day)
            day += timedelta(days=1)
    return len(covered)


class MergeProperties(unittest.TestCase):
    @settings(max_examples=150, deadline=None)
    @given(st.lists(periods(), max_size=8), windows())
    def test_result_never_exceeds_the_window(self, items, window):
        result = counted(items, window)
        self.assertLessEqual(sum(p.days for p in result), window.days)
        self.assertTrue(all(window.start <= p.start <= p.end <= window.end for p in result))

    @settings(max_examples=150, deadline=None)
    @given(st.lists(periods(), max_size=8), windows(), st.randoms(use_true_random=False))
    def test_result_does_not_depend_on_the_order_of_periods(self, items, window, rnd):
        shuffled = list(items)
        rnd.shuffle(shuffled)
        self.assertEqual(counted(items, window), counted(shuffled, window))

    @settings(max_examples=100, deadline=None)
    @given(st.lists(periods(), max_size=6), windows())
    def test_total_equals_a_day_by_day_count(self, items, window):
        self.assertEqual(sum(p.days for p in counted(items, window)), day_by_day(items, window))

    @settings(max_examples=100, deadline=None)
    @given(st.lists(periods(), max_size=8))
    def test_merged_stretches_are_sorted_and_separated_by_a_gap(self, items):
        result = merge(items)
        for a, b in zip(result, result[1:]):
            self.assertGreater((b.start - a.end).days, 1)


if __name__ == "__main__":
    unittest.main()
