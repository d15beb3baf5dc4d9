"""大字 mode where the big glyphs do not fit (test_large_glyphs has where they do).

A heading too long for big glyphs gets a reversed band of three rows, and a
line's tile shows its ticket letter (the letter the resident's number starts
with) in the solid block font beside its words."""

from __future__ import annotations

import pytest

from kiosk.widgets.tile import Tile
from shared_ui.big_text import solid_rows
from tests.kiosk.conftest import make_kiosk, on_screen, tap, wait_for


async def line_tile(pilot, line: str) -> Tile:
    """From home: 取号办事, and the line's tile on the screen."""
    app = pilot.app
    await tap(pilot, "#take")
    await on_screen(pilot, "LinesScreen")
    tiles = app.screen.query_one("PagedTiles")
    await wait_for(pilot, lambda: tiles.entries and tiles.per_page)
    tiles.show_entry(f"line-{line}")
    await wait_for(pilot, lambda: app.screen.query(f"#line-{line}"))
    return app.screen.query_one(f"#line-{line}", Tile)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_line_tile_shows_its_ticket_letter_big_in_large_mode(hall, size, lang):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=size) as pilot:
        await on_screen(pilot, "HomeScreen")
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.large and app.screen.query("#take"))
        tile = await line_tile(pilot, "jisheng")
        assert tile.badge == "A"
        shown = tile.render().plain.split("\n")
        assert [line[: len(row)] for line, row in zip(shown, solid_rows("A"), strict=True)] == list(solid_rows("A"))
        assert tile.title in shown[1] and tile.status in shown[2]
        assert tile.region.height >= 7
        title = app.screen.query_one("#title")
        assert title.region.height >= 3 and "reverse" in str(title.rich_style)


async def test_normal_mode_tiles_keep_two_lines(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        tile = await line_tile(pilot, "jisheng")
        assert len(tile.render().plain.split("\n")) == 2 and tile.badge == "A"
