"""A paused window with the clerk's resume time, at the kiosk and on the board."""

from __future__ import annotations

import pytest

from models.schema import Ticket
from tests.kiosk.conftest import make_kiosk, on_screen, open_item, screen_text, take_from_list, tap, tap_tile, wait_for
from tests.kiosk.test_board import board


@pytest.mark.parametrize(
    "lang, shown",
    [
        ("zh", "1号窗口暂停服务，预计 10:00 恢复 · 可以取号"),
        ("en", "Window 1 is paused; expected back at 10:00 · tickets issued"),
    ],
)
async def test_a_short_pause_says_when_and_still_issues(hall, lang, shown):
    hall.queue.take("baby-hukou")
    hall.queue.pause(1, resume="10:00")  # the kiosk's clock says 09:30; the session runs to 11:00
    app = make_kiosk(hall, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        await wait_for(pilot, lambda: shown in screen_text(app))
        await tap_tile(pilot, "line-jisheng")
        await on_screen(pilot, "ItemsScreen")
        await take_from_list(pilot, "baby-hukou")
        receipt = app.screen.receipt
        assert receipt.number == "A002"
        # 30 minutes of pause before the one person ahead is served
        assert receipt.wait_minutes > 30
        assert str(receipt.wait_minutes) in screen_text(app)
    assert Ticket.select().count() == 2


@pytest.mark.parametrize(
    "resume, shown", [("11:30", "1号窗口暂停服务，预计 11:30 恢复"), (None, "窗口暂停服务，请稍候")]
)
async def test_a_long_or_open_ended_pause_refuses(hall, resume, shown):
    """A resume after the session closes (11:00), or none at all: no ticket, and the time when there is one."""
    hall.queue.pause(1, resume=resume)
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(pilot, "guide", "jisheng", "baby-hukou")
        await on_screen(pilot, "ItemDetailScreen")
        await wait_for(pilot, lambda: shown in screen_text(app) and app.screen.query_one("#take-ticket").disabled)
        assert ("预计" in screen_text(app)) == (resume is not None)
    assert not Ticket.select().exists()


@pytest.mark.parametrize(
    "lang, shown", [("zh", "3号窗口暂停服务，预计 10:20 恢复"), ("en", "Window 3 is paused; expected back at 10:20")]
)
async def test_the_board_says_when_a_paused_window_is_back(hall, lang, shown):
    hall.queue.pause(3, resume="10:20")
    hall.queue.pause(4)
    app = board(hall, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: shown in screen_text(app))
        assert ("4 号窗口" if lang == "zh" else "Window 4 (") in screen_text(app)
