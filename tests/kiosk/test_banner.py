"""The banner tells the real state: before the first session, at lunch, on a rest day it
says when tickets start; 「今天的取号已经结束」 only after the last session."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from kiosk.widgets.header import header_text, issuing_text
from models import clock
from tests.conftest import SHANGHAI
from tests.kiosk.conftest import make_kiosk, on_screen, screen_text, with_config

CASES = [
    # Monday 23 Nov 2026, winter hours 08:00-11:00 and 13:30-16:30, tickets stop 15 min before.
    (datetime(2026, 11, 23, 7, 50), "zh", "8:00 开始取号", "8:00 开始取号"),
    (datetime(2026, 11, 23, 12, 10), "zh", "午休，13:30 继续取号", "午休"),
    (datetime(2026, 11, 28, 10, 0), "zh", "今天休息，周一 8:00 取号", "今天休息"),  # a Saturday
    (datetime(2026, 11, 23, 16, 20), "zh", "今天的取号已经结束，11月24日 08:00 起", "今日取号已结束"),
    (datetime(2026, 11, 23, 7, 50), "en", "Tickets start at 8:00", "Tickets from 8:00"),
    (datetime(2026, 11, 28, 10, 0), "en", "Closed today: tickets from Mon 8:00", "Closed today"),
]


@pytest.mark.parametrize("moment,lang,banner,header", CASES, ids=[f"{c[0]:%a-%H%M}-{c[1]}" for c in CASES])
async def test_the_banner_says_when_tickets_start(hall, moment, lang, banner, header):
    closed = with_config(hall, tickets=replace(hall.config.tickets, always_open=False))
    clock.set_now(moment.replace(tzinfo=SHANGHAI))
    app = make_kiosk(closed, lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_screen(pilot, "HomeScreen")
        text, is_open = issuing_text(app)
        assert not is_open and banner in text, text
        assert header in header_text(app)[0]
        assert banner in screen_text(app)
        if "结束" not in banner and "ended" not in banner:
            assert "已经结束" not in screen_text(app)
        assert app.screen.query_one("#take").disabled


def test_the_calendar_names_the_pause(hall):
    clock.set_now(datetime(2026, 11, 23, 12, 10, tzinfo=SHANGHAI))
    assert hall.calendar.issuing_pause() == ("open", None)  # a hall that always issues never pauses
    closed = with_config(hall, tickets=replace(hall.config.tickets, always_open=False)).calendar
    state, nxt = closed.issuing_pause()
    assert state == "lunch" and (nxt.hour, nxt.minute) == (13, 30)
    clock.set_now(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI))
    assert closed.issuing_pause() == ("open", None)


async def test_a_wait_past_closing_is_said_before_the_ticket(hall):
    from models.queue.late_warning import late_warning
    from models.schema import Ticket
    from tests.kiosk.conftest import open_item, wait_for

    assert late_warning(hall.queue, "baby-hukou") is None  # nobody waiting at 09:30
    for _ in range(12):  # one window, ten minutes each: two hours, past 11:00
        hall.queue.take("baby-hukou")
    warning = late_warning(hall.queue, "baby-hukou")
    assert warning is not None and warning.minutes >= 120 and warning.session_end.hour == 11
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await on_screen(pilot, "PriorityScreen")
        await wait_for(pilot, lambda: "超过今天 11:00 的下班时间" in screen_text(app))
        assert not app.screen.query_one("#normal").disabled  # warned, not refused
    assert Ticket.select().count() == 12
