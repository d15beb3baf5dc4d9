"""Which characters people's text may hold: the one rule for every input.

Names, notes, reasons, catalogue entries and config strings are shown on
terminals, the kiosk and the board. A character that a terminal obeys rather
than shows would colour, clear or reorder the screen, or hide part of the
text, so none is accepted:

- C0 and C1 controls and DEL (ESC and OSC sequences start with them); a
  newline, and a tab, only in a field that holds several lines;
- bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
  U+2066–U+2069, U+200E, U+200F, U+061C), which reorder what follows;
- zero-width and invisible characters (U+200B, U+200C, U+2060–U+2064,
  U+FEFF, U+00AD) and the line and paragraph separators U+2028, U+2029;
- lone surrogates, which no terminal can encode.

Emoji stay, a zero-width joiner inside an emoji sequence (👨‍👩‍👧) included,
and so do CJK punctuation and full-width forms.
"""

from __future__ import annotations

import re
import unicodedata

from models.i18n import DEFAULT_LANGUAGE, t

# Every refused character, ZWJ (U+200D) included: it is let through only between two emoji.
_INVISIBLE = "\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff"
_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_ZWJ = "\u200d"


class TextRefused(ValueError):
    """A field holds a character that no input accepts; ``message(lang)`` names the field."""

    def __init__(self, field: str, text: str, index: int):
        super().__init__(field)
        self.field = field
        self.index = index
        self.code = f"U+{ord(text[index]):04X}"

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t("plain_text.refused", language, field=self.field, code=self.code, position=self.index + 1)

    def __str__(self) -> str:
        return self.message()


def _emoji_side(ch: str) -> bool:
    return ord(ch) == 0xFE0F or ord(ch) >= 0x1F000 or unicodedata.category(ch) == "So"


def refused_at(text: str, *, lines: bool = False) -> list[int]:
    """Where ``text`` holds refused characters (empty when it may be stored)."""
    found = []
    for match in (_LINES if lines else _ONE_LINE).finditer(text):
        index = match.start()
        if text[index] == _ZWJ and 0 < index < len(text) - 1:
            if _emoji_side(text[index - 1]) and _emoji_side(text[index + 1]):
                continue
        found.append(index)
    return found


def bad_index(text: str, *, lines: bool = False) -> int | None:
    """Where the first refused character of ``text`` is, or None when it may be stored."""
    if not (_LINES if lines else _ONE_LINE).search(text):
        return None
    found = refused_at(text, lines=lines)
    return found[0] if found else None


def check(field: str, text: str, *, lines: bool = False) -> str:
    """``text`` when it may be stored; raises :class:`TextRefused` naming ``field`` otherwise."""
    index = bad_index(text, lines=lines)
    if index is not None:
        raise TextRefused(field, text, index)
    return text


def shown(text: str, *, lines: bool = True) -> str:
    """``text`` with every refused character made visible: ``␛`` for ESC, ``<U+202E>`` for the rest.

    For text stored before the rule, or coming from outside it: what a screen
    shows is then exactly what the characters are, never what they would do.
    """
    if bad_index(text, lines=lines) is None:
        return text
    out, start = [], 0
    for index in refused_at(text, lines=lines):
        out.append(text[start:index])
        code = ord(text[index])
        out.append(chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else f"<U+{code:04X}>")
        start = index + 1
    out.append(text[start:])
    return "".join(out)
