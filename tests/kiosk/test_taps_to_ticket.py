"""How many taps a resident needs from the home screen to a ticket, counted as a finger would tap."""

from __future__ import annotations

import pytest

from tests.kiosk import conftest
from tests.kiosk.conftest import make_kiosk, on_screen, wait_for


async def taps_to_ticket(pilot, line: str, item: str, *, priority: bool) -> int:
    """Home → 取号办事 → the line → the item (Next until its page) → 已带齐，取号 → the priority
    answer; every tap counted, the paging ones too."""
    app = pilot.app
    taps = 0

    async def tap(selector: str) -> None:
        nonlocal taps
        taps += 1
        await conftest.tap(pilot, selector)

    async def tap_tile(tile_id: str) -> None:
        from kiosk.widgets.paged import PagedTiles

        tiles = app.screen.query_one(PagedTiles)
        await wait_for(pilot, lambda: tiles.entries and tiles.per_page and app.screen.query("Tile"))
        while not app.screen.query(f"#{tile_id}"):
            await tap("#next")
            await pilot.pause()
        await tap(f"#{tile_id}")

    await on_screen(pilot, "HomeScreen")
    await tap("#take")
    await on_screen(pilot, "LinesScreen")
    await tap_tile(f"line-{line}")
    await on_screen(pilot, "ItemsScreen")
    await tap_tile(f"item-{item}")
    await on_screen(pilot, "ItemDetailScreen")
    await wait_for(pilot, lambda: app.screen.info is not None)
    await tap("#take-ticket")
    await on_screen(pilot, "PriorityScreen")
    await tap("#priority" if priority else "#normal")
    await on_screen(pilot, "TicketScreen")
    return taps


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("size", [(80, 24), (200, 56)], ids=["80x24", "200x56"])
@pytest.mark.parametrize("priority", [False, True], ids=["ordinary", "priority"])
async def test_five_taps_from_home_to_a_ticket_of_an_item_on_the_first_page(hall, size, large, priority):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=size) as pilot:
        if large:
            await conftest.tap(pilot, "#large")
            await wait_for(pilot, lambda: app.large and app.screen.query("#take"))
        assert await taps_to_ticket(pilot, "jisheng", "baby-hukou", priority=priority) == 5
        receipt = app.screen.receipt
        assert receipt.number.startswith("A") and bool(receipt.priority) == priority
