"""「请工作人员帮忙」: from the kiosk's home or the more-time question, an event every staff
terminal turns into a notice naming the kiosk and the screen."""

from __future__ import annotations

from models.queue.help_request import HELP_ASKED, ask_for_help
from models.schema import Event
from shared_ui.live import Change, HallChanged
from tests.kiosk.conftest import make_kiosk, on_screen, tap, wait_for


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
