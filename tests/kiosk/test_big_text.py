"""The large characters of ticket numbers: seven rows where there is room, three otherwise."""

from __future__ import annotations

import string

import pytest
from textual.app import App
from textual.containers import Horizontal

from shared_ui.big_text import _DOTS, TALL_ROWS, BigText, glyph, tall_rows


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
    "size,text,room,tall",
    [
        ((120, 40), "A012", 0, True),
        ((120, 40), "D006 → 14", 0, True),
        ((80, 24), "A012", 0, False),  # a low screen keeps three rows for the words below
        ((60, 40), "D006 → 14", 0, False),  # too wide for the screen: three rows
        ((60, 40), "A012", 0, True),
        ((60, 40), "A012", 16, False),  # no room left for the words beside it
    ],
)
async def test_the_size_follows_the_room(size, text, room, tall):
    app = OneNumber(text, room)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        number = app.query_one(BigText)
        assert number.tall is tall
        assert number.size.height == (TALL_ROWS if tall else 3)
        assert number.size.width == len((tall_rows(text) if tall else number._small_rows())[0])
