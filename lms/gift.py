"""GIFT, Moodle's plain-text question format (question/format/gift/format.php), of the whole bank:
every type GIFT can express, with the same fractions, tolerances and spellings as the Moodle XML.

- single → {=right ~wrong …}; multiple → {~%50%right ~%-50%wrong …} (no "=", so Moodle makes it a
  question with several answers; the weights are lms.moodle's); true_false → {TRUE} / {FALSE};
- matching → {=left -> right …}; numeric → {#answer:tolerance} (GIFT has no units: Moodle then
  takes a number only, and a unit typed after it makes the answer invalid);
- short_text → {=spelling …} with lms.common.short_text_spellings;
- interview items → essay {} with the good-answer points as general feedback (GIFT has no field
  for the grader's information);
- ordering cannot be written in GIFT (its grammar has no ordering question; Moodle's ordering plugin
  reads an extension of its own that other GIFT readers refuse), nor a matching whose left column
  holds "->" (GIFT splits a row at its first "->" and has no escape for it): those questions are
  left out and named in the comment at the top of the file.

Idnumber and tags go in a comment before each question ("// [id:…] [tag:…]"), which Moodle reads
(qformat_gift::extract_idnumber_and_tags_from_comment); categories in "$CATEGORY:" lines. Texts are
marked [plain] and escaped as Moodle's own export does (repchar): \\ ~ = # { } : and new lines.
"""

from __future__ import annotations

from .common import Category, Export, Format, Item, short_text_spellings
from .moodle import category_path, number, percent, wildcard_escaped

# Why a question cannot be written in GIFT, as the file's first lines say it.
ORDERING = "Pominięte pytania o kolejność — GIFT ich nie wyraża (w Moodle zaimportuj plik Moodle XML)"
ARROW = "Pominięte dopasowania ze strzałką „->” w lewej kolumnie — GIFT odczytałby je błędnie"


def left_out(question) -> str | None:
    """Why `question` is not in the GIFT file, or None."""
    if question.type == "ordering":
        return ORDERING
    if question.type == "matching" and any("->" in pair["left"] for pair in question.data.pairs):
        return ARROW
    return None

_ESCAPES = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:",
                          "\n": "\\n", "\r": ""})


def escape(text: str) -> str:
    """GIFT's reserved characters escaped with a backslash, a new line written "\\n" (qformat_gift::repchar)."""
    return text.translate(_ESCAPES)


def render(export: Export) -> bytes:
    items = list(export.items())
    skipped = {item.id: left_out(item.question) for item in items if item.question and left_out(item.question)}
    blocks = [_header(export, skipped)]
    current: tuple[Category, ...] = ()
    for item in items:
        if item.id in skipped:
            continue
        if item.category != current:
            # A "$CATEGORY:" block is read whole as the path: it is not escaped (as Moodle writes it).
            blocks.append(f"$CATEGORY: {category_path(item.category)}")
            current = item.category
        blocks.append(_question(item))
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _header(export: Export, skipped: dict[str, str]) -> str:
    lines = [f"// Bank pytań: {export.qualification['name']}", "// Format GIFT. Import w Moodle: Bank pytań → Importuj "
             "→ format „GIFT”."]
    for why in (ORDERING, ARROW):
        ids = [qid for qid, reason in skipped.items() if reason == why]
        if ids:
            lines.append(f"// {why}: {', '.join(ids)}")
    return "\n".join(" ".join(line.split()) for line in lines)


def _question(item: Item) -> str:
    comment = "// " + " ".join([f"[id:{_bracketed(item.id)}]", *(f"[tag:{_bracketed(tag)}]" for tag in item.tags)])
    head = f"::{escape(item.name)}::[plain]{escape(item.prompt)}"
    if item.interview:
        return f"{comment}\n{head}{{####{escape(item.feedback)}}}"
    answers = TYPES[item.question.type](item.question.data)
    return f"{comment}\n{head}{{\n" + "".join(f"\t{line}\n" for line in answers) + f"\t####{escape(item.feedback)}\n}}"


def _bracketed(text: str) -> str:
    # In "[id:…]" and "[tag:…]" Moodle reads "\]" as "]".
    return text.replace("]", "\\]")


def _single(data) -> list[str]:
    return [("=" if option["id"] == data.answer else "~") + escape(option["text"]) for option in data.options]


def _multiple(data) -> list[str]:
    share = 1 / len(data.answer)
    return [f"~%{percent(share if option['id'] in data.answer else -share)}%{escape(option['text'])}"
            for option in data.options]


def _true_false(data) -> list[str]:
    return ["TRUE" if data.answer else "FALSE"]


def _matching(data) -> list[str]:
    return [f"={escape(pair['left'])} -> {escape(pair['right'])}" for pair in data.pairs]


def _numeric(data) -> list[str]:
    return [f"#{number(data.answer)}:{number(data.tolerance)}"]


def _short_text(data) -> list[str]:
    return ["=" + escape(wildcard_escaped(spelling)) for spelling in short_text_spellings(data.answer)]


TYPES = {"single": _single, "multiple": _multiple, "true_false": _true_false, "matching": _matching,
         "numeric": _numeric, "short_text": _short_text}


FORMAT = Format(
    name="gift", label="GIFT", suffix="-gift.txt", render=render, media_type="text/plain",
    keeps="pytania jednokrotnego i wielokrotnego wyboru (z tą samą punktacją częściową), prawda/fałsz, "
          "dopasowanie, obliczenia z tolerancją, krótkie odpowiedzi z wypisanymi pisowniami, pytania do rozmowy "
          "z komisją jako eseje, wyjaśnienia i źródła, kategorie (zestaw → efekt), identyfikatory i tagi kryteriów",
    loses="pytania o kolejność (GIFT ich nie ma — są wymienione na początku pliku); jednostki przy obliczeniach "
          "(w Moodle wpisuje się samą liczbę); punkty dobrej odpowiedzi trafiają do informacji zwrotnej, nie do "
          "informacji dla oceniającego; krótka odpowiedź jak w Moodle XML",
)
