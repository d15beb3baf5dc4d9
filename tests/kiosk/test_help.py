"""「请工作人员帮忙」: on every kiosk screen and the more-time question, an event every staff
terminal turns into a notice naming the kiosk and the screen."""

from __future__ import annotations

import pytest

from models.queue.help_request import HELP_ASKED, ask_for_help
from models.schema import Event
from shared_ui.live import Change, HallChanged
from tests.kiosk.conftest import make_kiosk, on_screen, tap, tap_tile, wait_for


def test_the_request_is_one_plain_event(hall):
    ask_for_help("1号机\x1b[31m", "办事指南 · 一次性告知")
    event = Event.get(Event.kind == HELP_ASKED)
    assert event.data == {"kiosk": "1号机[31m", "screen": "办事指南 · 一次性告知"}


async def test_home_and_the_more_time_question_ask_for_help(hall):
    app = make_kiosk(hall, "zh", name="大厅1号机", idle_seconds=30)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await tap(pilot, "#help")
        await wait_for(pilot, lambda: Event.select().where(Event.kind == HELP_ASKED).count() == 1)
        first = Event.get(Event.kind == HELP_ASKED)
        assert first.data["kiosk"] == "大厅1号机" and "您好" in first.data["screen"]
        await tap(pilot, "#track")
        await on_screen(pilot, "TrackScreen")
        app.last_touch -= 31
        await on_screen(pilot, "MoreTimeScreen", timeout=3)
        await tap(pilot, "#help")
        await on_screen(pilot, "TrackScreen")  # stays where the resident was
        await wait_for(pilot, lambda: Event.select().where(Event.kind == HELP_ASKED).count() == 2)
        second = Event.select().where(Event.kind == HELP_ASKED).order_by(Event.id.desc()).get()
        assert "查询进度" in second.data["screen"]


async def test_every_staff_terminal_shows_it(hall):
    from staff_tui.app import StaffApp

    app = StaffApp(hall.config, hall=hall, watch_theme=False, live=False, terminal="test")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause(0.3)
        app.post_message(HallChanged([Change(7, HELP_ASKED, {"kiosk": "大厅1号机", "screen": "查询进度 [b]x"})]))
        await wait_for(pilot, lambda: any("大厅1号机" in str(n.message) for n in app._notifications))
        notice = next(n for n in app._notifications if "大厅1号机" in str(n.message))
        assert "请工作人员帮忙" in str(notice.message) and "[b]x" in str(notice.message)


# Tiles a page before the help button joined every screen: it may not take one away.
TILES_A_PAGE = {((80, 24), False): 4, ((80, 24), True): 2, ((120, 40), False): 8, ((120, 40), True): 4}


def _help_fits(app, where: str) -> None:
    """The help button is shown whole on the screen and covers no other button; every button of
    the bottom row is whole too (the paging buttons included)."""
    from kiosk.widgets.big_button import BigButton

    screen = app.screen.region
    help_button = app.screen.query_one("#help", BigButton)
    assert help_button.display and help_button.region.width >= 12 and help_button.region.height >= 3, where
    assert screen.contains_region(help_button.region), where
    assert "帮忙" in str(help_button.label) or "help" in str(help_button.label), where
    shown = [b for b in app.screen.query(BigButton) if b.display and b.region.area and b.id != "help"]
    for button in shown:
        assert screen.contains_region(button.region), f"{where}: {button.id} cut off at {button.region}"
        assert not button.region.overlaps(help_button.region), f"{where}: {button.id} under the help button"
        if button.parent is not None and button.parent.id == "nav":
            label = str(button.label)
            assert button.region.width >= len(label) // 2, f"{where}: {button.id} too narrow"


async def _check(pilot, app, name: str, size, large: bool) -> None:
    from kiosk.widgets.paged import PagedTiles

    await on_screen(pilot, name)
    if app.screen.query(".head"):
        await wait_for(pilot, lambda: app.screen.query(".head"))
    if app.screen.query(PagedTiles):
        tiles = app.screen.query_one(PagedTiles)
        await wait_for(pilot, lambda: tiles.entries and tiles.children)
        assert tiles.per_page == TILES_A_PAGE[(size, large)], f"{name}: {tiles.per_page} tiles a page"
    await pilot.pause()
    _help_fits(app, f"{name} {size} large={large}")


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_help_button_is_on_every_screen(hall, size, lang, large, monkeypatch):
    """Home, the lines, the first characters' keys, a line's items, the notice, the priority question,
    the ticket, the code, what it shows, the rating, the more-time question: each has the help
    button whole, beside the whole paging buttons, and as many list entries as before."""
    import models.staff.accounts as staff_module
    from tests.kiosk.test_track_and_rate import finished_case

    monkeypatch.setattr(staff_module, "_N", 2**4)
    served, _facts = finished_case(hall)
    app = make_kiosk(hall, lang, idle_seconds=30)
    async with app.run_test(size=size, notifications=True) as pilot:
        await on_screen(pilot, "HomeScreen")
        if large:
            await tap(pilot, "#large")
            await wait_for(pilot, lambda: app.large and app.screen.query("#take"))
        await _check(pilot, app, "HomeScreen", size, large)
        await tap(pilot, "#take")
        await _check(pilot, app, "LinesScreen", size, large)
        await tap_tile(pilot, "find-first")
        await _check(pilot, app, "HeadsScreen", size, large)
        await tap(pilot, "#help")  # on a paged screen at 80 columns too
        await wait_for(pilot, lambda: Event.select().where(Event.kind == HELP_ASKED).count() == 1)
        await tap(pilot, "#back")
        await on_screen(pilot, "LinesScreen")
        await tap_tile(pilot, "line-jisheng")
        await _check(pilot, app, "ItemsScreen", size, large)
        await tap_tile(pilot, "item-baby-hukou")
        await on_screen(pilot, "ItemDetailScreen")
        await wait_for(pilot, lambda: app.screen.info is not None)
        await _check(pilot, app, "ItemDetailScreen", size, large)
        await tap(pilot, "#take-ticket")
        await _check(pilot, app, "PriorityScreen", size, large)
        await tap(pilot, "#normal")
        await _check(pilot, app, "TicketScreen", size, large)
        app.last_touch -= app.hall.config.kiosk.ticket_screen_seconds + 1
        await on_screen(pilot, "MoreTimeScreen", timeout=3)
        assert app.screen.query_one("#help").display
        await tap(pilot, "#more")
        await on_screen(pilot, "TicketScreen")
        await tap(pilot, "#done")
        await on_screen(pilot, "HomeScreen")
        await tap(pilot, "#track")
        await _check(pilot, app, "TrackScreen", size, large)
        await pilot.press(*served.tracking_code, "enter")
        await _check(pilot, app, "TrackResultScreen", size, large)
        await tap(pilot, "#rate-case")
        await _check(pilot, app, "RateScreen", size, large)  # the visit or the case
        await tap(pilot, f"#case-{_facts.number}")
        await wait_for(pilot, lambda: app.screen.query("#level-unsatisfied"))
        await _check(pilot, app, "RateScreen", size, large)
        await tap(pilot, "#level-unsatisfied")  # a poor level asks for its reasons before sending
        await wait_for(pilot, lambda: app.screen.query("#send"))
        await _check(pilot, app, "RateScreen", size, large)
