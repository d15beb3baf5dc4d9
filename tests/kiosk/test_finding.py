"""常办事项 and the search by an item name's first character, on the take path."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import clock
from models.queue.finding import first_characters, most_taken, starting_with
from tests.kiosk.conftest import make_kiosk, on_screen, screen_text, take_from_list, tap, tap_tile, wait_for


def test_most_taken_counts_the_last_30_days(hall):
    assert most_taken(hall.queue.today()) == []
    now = clock.now()
    clock.set_now(now - timedelta(days=31))  # too long ago to count
    for _ in range(5):
        hall.queue.take("rural-dibao")
    clock.set_now(now - timedelta(days=29))
    hall.queue.take("hukou-in")
    hall.queue.take("hukou-in")
    clock.set_now(now)
    hall.queue.take("baby-hukou")
    assert [entry.code for entry in most_taken(hall.queue.today())] == ["hukou-in", "baby-hukou"]


def test_first_characters_of_names(hall):
    from models.queue.view import item_entries

    heads = dict(first_characters("zh"))
    assert sum(heads.values()) == len(item_entries())  # every item under exactly one character
    some = next(iter(heads))
    assert all(entry.name.startswith(some) for entry in starting_with(some, "zh"))
    assert all(head == head.upper() and head.isascii() for head, _count in first_characters("en"))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_ticket_from_the_most_taken_row(hall, lang):
    hall.queue.take("hukou-in")
    app = make_kiosk(hall, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        await tap_tile(pilot, "find-popular")
        await on_screen(pilot, "ItemsScreen")
        await wait_for(pilot, lambda: ("常办事项" if lang == "zh" else "Most taken") in screen_text(app))
        await take_from_list(pilot, "hukou-in")
        assert app.screen.receipt.item == "hukou-in"


@pytest.mark.parametrize("lang, head", [("zh", "城"), ("en", "U")])
async def test_a_ticket_by_the_first_character(hall, lang, head):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        assert "find-popular" not in [e.id for e in app.screen.query_one("PagedTiles").entries]  # nothing taken yet
        await tap_tile(pilot, "find-first")
        await on_screen(pilot, "ItemsScreen")
        await wait_for(pilot, lambda: head in app.screen.heads)
        await tap_tile(pilot, f"head-{app.screen.heads.index(head)}")
        await on_screen(pilot, "ItemsScreen")
        await wait_for(pilot, lambda: app.screen.query_one("PagedTiles").entries)
        entries = app.screen.query_one("PagedTiles").entries
        assert entries and all(e.id.startswith("item-") for e in entries)
        assert head in screen_text(app)
        assert ("名称以" if lang == "zh" else "Items starting with") in screen_text(app)
        # Back leads to the characters, not the lines.
        await tap(pilot, "#back")
        await on_screen(pilot, "ItemsScreen")
        await wait_for(pilot, lambda: app.screen.line_code == "@first")
