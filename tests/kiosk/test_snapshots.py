"""Snapshots of the kiosk and board screens at 80×24 and 120×40, in Chinese and English.

The clock is frozen (conftest) and tracking codes come from a fixed
sequence, so the pictures are the same each run. Update with
``pytest tests/kiosk/test_snapshots.py --snapshot-update`` and look at them.
"""

from __future__ import annotations

import pytest

from kiosk.board_app import BoardApp
from tests.kiosk.conftest import fixed_codes, make_kiosk, on_screen, open_item, tap, type_code, wait_for

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
LANGS = ["zh", "en"]


@pytest.fixture
def snap_hall(sqlite_hall, monkeypatch):
    fixed_codes(monkeypatch)
    return sqlite_hall


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, snap_hall, size, lang):
    async def ready(pilot):
        await on_screen(pilot, "HomeScreen")

    assert snap_compare(make_kiosk(snap_hall, lang), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_item_detail(snap_compare, snap_hall, size, lang):
    async def navigate(pilot):
        await open_item(pilot, "guide", "jisheng", "hukou-in")
        await on_screen(pilot, "ItemDetailScreen")
        await wait_for(pilot, lambda: pilot.app.screen.info is not None)
        await pilot.pause(0.3)

    assert snap_compare(make_kiosk(snap_hall, lang), terminal_size=size, run_before=navigate)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_ticket(snap_compare, snap_hall, size, lang):
    snap_hall.queue.take("baby-hukou")

    async def navigate(pilot):
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await tap(pilot, "#priority")
        await on_screen(pilot, "TicketScreen")
        await pilot.pause(0.3)

    assert snap_compare(make_kiosk(snap_hall, lang, ticket_screen_seconds=600), terminal_size=size, run_before=navigate)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_track(snap_compare, snap_hall, size, lang):
    async def navigate(pilot):
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        await type_code(pilot, "K3")
        await pilot.pause(0.3)

    assert snap_compare(make_kiosk(snap_hall, lang), terminal_size=size, run_before=navigate)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_board(snap_compare, snap_hall, size, lang):
    queue = snap_hall.queue
    for item in ("baby-hukou", "baby-hukou", "hukou-in", "party-consult", "party-consult"):
        queue.take(item)
    queue.call_next(1)
    queue.call_next(6)
    queue.recall("A001", 1)
    queue.pause(4)
    app = BoardApp(snap_hall, language=lang, live=False, watch_theme_files=False)

    async def ready(pilot):
        await wait_for(pilot, lambda: pilot.app.screen.current is not None and pilot.app.screen.notices)
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=size, run_before=ready)
