"""Time at the kiosk: 「还需要更多时间吗？」 before any reset, activity that counts,
the ticket that stays until 完成; and what the ticket screen says to keep."""

from __future__ import annotations

import pytest
from textual import events

from kiosk.screens.more_time import MIN_WARN_SECONDS
from models.schema import Ticket
from shared_ui.words import tr
from tests.kiosk.conftest import make_kiosk, on_screen, open_item, screen_text, tap, type_code, wait_for


async def to_ticket(pilot):
    await open_item(pilot, "take", "jisheng", "baby-hukou")
    await tap(pilot, "#normal")
    await on_screen(pilot, "TicketScreen")


async def test_idle_asks_for_more_time_first_and_keeps_everything(hall):
    app = make_kiosk(hall, "zh", idle_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.large)
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        await type_code(pilot, "7K3")
        app.last_touch -= 31
        await on_screen(pilot, "MoreTimeScreen", timeout=3)
        dialog = app.screen
        assert tr("kiosk.more_time_question") in screen_text(app)
        assert dialog.left >= MIN_WARN_SECONDS and tr("kiosk.countdown", seconds=dialog.left) in screen_text(app)
        more = dialog.query_one("#more")
        assert more.region.height >= 5  # the big button
        await tap(pilot, "#more")
        await on_screen(pilot, "TrackScreen")
        assert app.screen.code == "7K3" and app.large  # nothing lost


async def test_nobody_answers_then_home_and_forget(hall):
    app = make_kiosk(hall, "en", idle_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#lang")
        await wait_for(pilot, lambda: app.language == "zh")
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        app.last_touch -= 31
        await on_screen(pilot, "MoreTimeScreen", timeout=3)
        await pilot.pause(1.2)
        assert type(app.screen).__name__ == "MoreTimeScreen"  # counting down, not gone
        app.screen.left = 1
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen" and app.language == "en", timeout=3)


async def test_home_at_rest_never_asks(hall):
    app = make_kiosk(hall, "zh", idle_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        app.last_touch -= 31
        await pilot.pause(1.5)
        assert type(app.screen).__name__ == "HomeScreen"


@pytest.mark.parametrize("kind", ["scroll", "key"])
async def test_reading_and_typing_count_as_activity(hall, kind):
    app = make_kiosk(hall, "zh", idle_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        app.last_touch -= 25
        if kind == "scroll":
            await app.on_event(events.MouseScrollDown(None, 10, 10, 0, 1, 0, False, False, False))
        else:
            await pilot.press("7")
        await pilot.pause(1.5)
        assert type(app.screen).__name__ == "TrackScreen"


async def test_the_ticket_stays_until_done(hall):
    app = make_kiosk(hall, "zh", idle_seconds=30, ticket_screen_seconds=300)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_ticket(pilot)
        app.last_touch -= 120  # far past idle_seconds: still the ticket
        await pilot.pause(1.5)
        assert type(app.screen).__name__ == "TicketScreen"
        app.last_touch -= 200  # the long safety reset: asks first
        await on_screen(pilot, "MoreTimeScreen", timeout=3)
        await tap(pilot, "#more")
        await on_screen(pilot, "TicketScreen")
        await tap(pilot, "#done")
        await on_screen(pilot, "HomeScreen")


async def test_without_a_printer_it_says_what_to_keep_and_shows_it_again(hall):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_ticket(pilot)
        receipt = app.screen.receipt
        words = screen_text(app)
        assert "请记下或拍下您的号码和查询码" in words and "留好号票" not in words
        assert "取走" not in words
        assert app.screen.query_one("#number").solid  # solid blocks at 80×24
        assert receipt.tracking_code in words
        await tap(pilot, "#done")
        await on_screen(pilot, "HomeScreen")
        assert tr("kiosk.my_ticket", number=receipt.number) in screen_text(app)
        await tap(pilot, "#my-ticket")
        await on_screen(pilot, "TicketScreen")
        assert app.screen.receipt.number == receipt.number and app.screen.again
        await tap(pilot, "#done")
        await on_screen(pilot, "HomeScreen")
        app.last_ticket._at -= 301  # a few minutes later
        app.screen.update_issuing()
        await pilot.pause()
        assert not app.screen.query("#my-ticket")
    assert Ticket.select().count() == 1


async def test_with_a_printer_take_your_ticket_only_once_printed(hall, monkeypatch):
    import shared_ui.printing as printing
    from tests.kiosk.test_printing import BrokenPrinter

    monkeypatch.setattr(printing, "open_printer", lambda spec: BrokenPrinter())
    app = make_kiosk(hall, "zh", printer="dummy")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_ticket(pilot)
        await wait_for(pilot, lambda: "号票未能打印" in screen_text(app))
        words = screen_text(app)
        assert tr("kiosk.printed") not in words and "请记下或拍下您的号码和查询码" in words


async def test_large_mode_has_fewer_bigger_tiles_and_a_big_toggle(hall):
    from kiosk.widgets.paged import PagedTiles

    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await on_screen(pilot, "HomeScreen")
        small_toggle = app.screen.query_one("#large").region
        await tap(pilot, "#guide")
        await on_screen(pilot, "LinesScreen")
        await wait_for(pilot, lambda: app.screen.query_one(PagedTiles).per_page)
        normal = app.screen.query_one(PagedTiles).per_page
        normal_height = app.screen.query("Tile").first().region.height
        await tap(pilot, "#home")
        await tap(pilot, "#large")
        await wait_for(pilot, lambda: app.large and app.screen.query("#large"))
        await pilot.pause(0.2)
        toggle = app.screen.query_one("#large").region
        assert toggle.height >= 5 and toggle.width >= 30 and toggle.area > small_toggle.area
        await tap(pilot, "#guide")
        await on_screen(pilot, "LinesScreen")
        await wait_for(pilot, lambda: app.screen.query_one(PagedTiles).per_page)
        await pilot.pause(0.2)
        assert app.screen.query_one(PagedTiles).per_page < normal
        assert app.screen.query("Tile").first().region.height > normal_height
