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

    heads = first_characters("zh")
    assert sum(head.count for head in heads) == len(item_entries())  # every item under exactly one character
    assert len({head.head for head in heads}) == len(heads)
    some = heads[0]
    assert all(entry.name.startswith(some.head) for entry in starting_with(some.head, "zh"))
    for head in heads:  # the one item a character starts is named, so the kiosk can open it at once
        found = starting_with(head.head, "zh")
        assert head.only == (found[0].code if len(found) == 1 else "")
    assert all(head.head == head.letter == head.head.upper() and head.head.isascii() for head in first_characters("en"))


def test_chinese_first_characters_go_in_pinyin_order(hall):
    heads = first_characters("zh")
    letters = [head.letter for head in heads]
    assert letters == sorted(letters) and all(letter.isascii() and letter.isupper() for letter in letters)
    letter_of = {head.head: head.letter for head in heads}
    assert letter_of["城"] == "C" and letter_of["农"] == "N" and letter_of["婴"] == "Y"
    assert letter_of["重"] == "Z"  # 重度残疾: zhòng, its most common reading


async def open_heads(pilot, *, large: bool = False) -> None:
    """From home (in large mode if asked): 取号办事 → 按名称首字查找, its keys shown."""
    app = pilot.app
    await on_screen(pilot, "HomeScreen")
    if large:
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.large and app.screen.query("#take"))
    await tap(pilot, "#take")
    await on_screen(pilot, "LinesScreen")
    await tap_tile(pilot, "find-first")
    await on_screen(pilot, "HeadsScreen")
    await wait_for(pilot, lambda: app.screen.query(".head"))


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


@pytest.mark.parametrize("lang, head", [("zh", "城"), ("en", "A")])
async def test_a_ticket_by_the_first_character(hall, lang, head):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_heads(pilot)
        await tap(pilot, f"#{app.screen.key_of(head)}")
        await on_screen(pilot, "ItemsScreen")
        await wait_for(pilot, lambda: app.screen.query_one("PagedTiles").entries)
        entries = app.screen.query_one("PagedTiles").entries
        assert len(entries) > 1 and all(e.id.startswith("item-") for e in entries)
        assert head in screen_text(app)
        assert ("名称以" if lang == "zh" else "Items starting with") in screen_text(app)
        # Back leads to the characters, not the lines.
        await tap(pilot, "#back")
        await on_screen(pilot, "HeadsScreen")
        await wait_for(pilot, lambda: app.screen.query(".head"))
        await tap(pilot, "#back")
        await on_screen(pilot, "LinesScreen")


@pytest.mark.parametrize("lang, head, item", [("zh", "婴", "baby-hukou"), ("en", "U", "urban-dibao")])
async def test_a_character_of_one_item_opens_it_at_once(hall, lang, head, item):
    app = make_kiosk(hall, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_heads(pilot)
        assert (f"{head} Y" if lang == "zh" else head) in screen_text(app)  # the key shows the pinyin letter
        await tap(pilot, f"#{app.screen.key_of(head)}")
        await on_screen(pilot, "ItemDetailScreen")
        assert app.screen.item_code == item
        await tap(pilot, "#back")  # back to the characters, on the page it was on
        await on_screen(pilot, "HeadsScreen")


# Tiles a page of the items screen (tests/kiosk/test_help.py holds them there).
TILES = {((80, 24), False): 4, ((80, 24), True): 2, ((120, 40), False): 8, ((120, 40), True): 4}


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_taps_to_any_item_by_its_first_character(hall, size, lang, large):
    """From the lines to any item's notice: 按名称首字查找, the pages turned to its character, the
    character, and (when it starts several items) the pages turned to the item and the item.
    A list of full-width tiles took up to 10 taps at 80×24 (8 pages of characters)."""
    from kiosk.widgets.head_grid import HeadGrid

    app = make_kiosk(hall, lang)
    async with app.run_test(size=size) as pilot:
        await open_heads(pilot, large=large)
        grid = app.screen.query_one(HeadGrid)
        await wait_for(pilot, lambda: grid.entries and grid.children)
        heads = app.screen.heads
        per_page = grid.per_page
        taps = {}
        for index, head in enumerate(heads):
            to_key = 1 + index // per_page + 1
            if head.only:
                taps[head.only] = to_key
            else:
                for position, entry in enumerate(starting_with(head.head, lang)):
                    taps[entry.code] = to_key + position // TILES[(size, large)] + 1
        worst = max(taps.values())
        # Every character on one page, but the Chinese ones in large mode at 80×24 (two pages).
        assert grid.pages <= (2 if (size, large) == ((80, 24), True) else 1), (grid.pages, per_page, len(heads))
        assert worst <= (5 if large and size == (80, 24) else 4), taps
        # The worst one tapped through for real: the count holds.
        code = max(taps, key=lambda c: taps[c])
        head = next(h for h in heads if h.only == code or any(e.code == code for e in starting_with(h.head, lang)))
        count = 1
        key = app.screen.key_of(head.head)
        while not app.screen.query(f"#{key}"):
            await tap(pilot, "#next")
            count += 1
            await wait_for(pilot, lambda: grid.children)
        await tap(pilot, f"#{key}")
        count += 1
        if not head.only:
            await on_screen(pilot, "ItemsScreen")
            tiles = app.screen.query_one("PagedTiles")
            await wait_for(pilot, lambda: tiles.entries and tiles.per_page)
            index = [entry.id for entry in tiles.entries].index(f"item-{code}")
            count += index // tiles.per_page + 1  # tap_tile turns as many pages, then taps
            await tap_tile(pilot, f"item-{code}")
        await on_screen(pilot, "ItemDetailScreen")
        assert app.screen.item_code == code and count == taps[code]
