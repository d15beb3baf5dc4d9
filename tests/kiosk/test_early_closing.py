"""A day closed early: the kiosk says the leader's reason, as typed; a reopened day issues again."""

from __future__ import annotations

from dataclasses import replace

from models.duty import Duty
from models.staff import add_staff
from tests.kiosk.conftest import make_kiosk, wait_for, with_config


async def test_the_kiosk_says_why_the_day_closed_early_and_issues_again_once_reopened(hall):
    hall = with_config(hall, tickets=replace(hall.config.tickets, always_open=False))  # 09:30: tickets issued
    add_staff("L01", "刘主任", "1234", role="leader")
    duty = Duty(hall.config)
    for index in range(len(duty.items("closing"))):
        duty.tick(None, "closing", index, "L01")
    reason = "全楼停电[b]检修[/]"  # a leader's words, never markup
    duty.sign_off(None, "closing", "L01", early_reason=reason)
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.day_closed and app.day_closed_reason == reason)
        banner = app.screen.query_one("#banner")
        await wait_for(pilot, lambda: reason in str(banner.render()))
        assert "今天提前结束取号" in str(banner.render())
        duty.reopen(None, "L01", "误签")
        app.check_day_closed()
        await wait_for(pilot, lambda: not app.day_closed)
        assert hall.queue.take("baby-hukou").number == "A001"
