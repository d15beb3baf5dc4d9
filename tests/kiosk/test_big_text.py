"""The large characters of ticket numbers: seven rows where there is room, four rows of
solid half blocks on a low screen, three rows of box glyphs only when neither fits."""

from __future__ import annotations

import string

import pytest
from textual.app import App
from textual.containers import Horizontal

from shared_ui.big_text import _DOTS, SOLID_ROWS, TALL_ROWS, BigText, glyph, solid_rows, tall_rows


def test_every_prefix_letter_digit_and_mark_has_both_sizes():
    for character in string.ascii_uppercase + string.digits + "-→ ":
        rows = tall_rows(character)
        assert rows is not None and len(rows) == TALL_ROWS, character
        assert len({len(row) for row in rows}) == 1, character  # a block, every row as wide
        assert len(glyph(character)) == 3
    assert set("".join(_DOTS["A"])) <= {"#", "."}


def test_glyphs_are_told_apart():
    shapes = {character: rows for character, rows in _DOTS.items() if character not in "0O "}
    assert len(set(shapes.values())) == len(shapes)  # only 0 and O share a shape, as on most boards


def test_dots_come_out_square_and_spaced():
    rows = tall_rows("A1")
    assert rows[0] == "  ██████  " + "  " + "    ██    "  # each dot two cells, two cells between
    assert tall_rows("A?") is None  # no dots for it: three rows instead


class OneNumber(App):
    def __init__(self, text: str, room: int = 0):
        super().__init__()
        self.text, self.room = text, room

    def compose(self):
        with Horizontal():
            yield BigText(self.text, room=self.room, id="number")


@pytest.mark.parametrize(
    "size,text,room,rows",
    [
        ((120, 40), "A012", 0, TALL_ROWS),
        ((120, 40), "D006 → 14", 0, TALL_ROWS),
        ((80, 24), "A012", 0, SOLID_ROWS),  # a low screen: solid half blocks, room for the words below
        ((60, 40), "D006 → 14", 0, SOLID_ROWS),  # too wide for seven rows
        ((60, 40), "A012", 0, TALL_ROWS),
        ((60, 40), "A012", 16, SOLID_ROWS),  # no room for seven rows beside the words
        ((30, 24), "D006 → 14", 0, 3),  # not even four rows fit: box glyphs
    ],
)
async def test_the_size_follows_the_room(size, text, room, rows):
    app = OneNumber(text, room)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        number = app.query_one(BigText)
        assert number.tall is (rows == TALL_ROWS) and number.solid is (rows == SOLID_ROWS)
        assert number.size.height == rows
        shape = {TALL_ROWS: tall_rows(text), SOLID_ROWS: solid_rows(text)}.get(rows) or number._small_rows()
        assert number.size.width == len(shape[0])


def test_solid_glyphs_have_no_hairlines():
    """At 80×24 C001 once read as 「[001」: box-drawing strokes. Now only block cells."""
    rows = solid_rows("C001")
    assert rows is not None and len(rows) == SOLID_ROWS
    assert set("".join(rows)) <= {"█", "▀", "▄", " "}
    assert rows[0].startswith("▄▀▀▀▄")  # the C is round and closed on the left, not a bracket
