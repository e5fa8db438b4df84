"""cli/terminal.py: whatever text a candidate's file brings, what the command line writes holds no
character a terminal would act on (judged by Unicode's own properties, not by the module's list), and
its JSON reads back as the same text."""

from __future__ import annotations

import io
import json
import unicodedata

from hypothesis import given, strategies as st

from cli.terminal import SafeOutput, json_text, print_lines, visible

BIDI_CONTROLS = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}


def acted_on(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs")
            or unicodedata.bidirectional(c) in BIDI_CONTROLS]


# Text with plenty of what matters: controls, separators, direction marks, surrogates, Polish letters.
TEXT = st.text(st.one_of(st.characters(), st.sampled_from("\x1b\n\r\t\x7f\x9b\u202e\u2066\u2028\udcff✔ąę")))


@given(TEXT)
def test_visible_text_holds_nothing_a_terminal_acts_on(text):
    shown = visible(text)
    assert acted_on(shown) == []
    assert visible(shown) == shown                      # escaping twice changes nothing more
    if not acted_on(text):
        assert shown == text                            # ordinary text, Polish letters too, stays as it is


@given(st.dictionaries(TEXT, st.lists(TEXT, max_size=3), max_size=3))
def test_json_holds_no_such_character_raw_and_reads_back_the_same(data):
    text = json_text(data)
    assert acted_on(text.replace("\n", "")) == []
    assert json.loads(text) == data


def test_only_prints_own_line_ends_break_a_line():
    stream = io.StringIO()
    out = SafeOutput(stream)
    print("a\x1b[2J", "b\n  ✔ podrobione", file=out)
    print(file=out)
    print_lines(json_text({"x": "\x9b\u202e"}), out)
    lines = stream.getvalue().split("\n")
    assert lines[:2] == ["a\\x1b[2J b\\x0a  ✔ podrobione", ""]
    assert json.loads("\n".join(lines[2:])) == {"x": "\x9b\u202e"}
    assert acted_on(stream.getvalue().replace("\n", "")) == []
