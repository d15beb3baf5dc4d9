"""A terminal left signed in overnight: unlocking it the next morning is coming in."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input

from models import clock
from models.maintenance.demo import DEMO_PIN
from models.staff.whereabouts import Whereabouts
from tests.conftest import SHANGHAI
from tests.demo_hall.helpers import app_for, ready, wait_for


async def _unlock(app, pilot) -> None:
    app.lock()
    await wait_for(pilot, lambda: app.screen.name == "lock" and bool(app.screen.query("#pin")), what="locked")
    app.screen.query_one("#pin", Input).value = DEMO_PIN
    await pilot.press("enter")
    await wait_for(pilot, lambda: not app.locked, what="unlocked")


async def test_unlocking_the_next_morning_puts_one_on_duty(demo):
    where = Whereabouts(demo.config)
    app = app_for(demo, "S01", 1)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, "queue", data=False)
        await wait_for(pilot, lambda: where.state_of("S01").state == "on_duty", what="signed in")
        clock.set_now(datetime(2026, 11, 24, 7, 55, tzinfo=SHANGHAI))
        assert where.state_of("S01").state == "not_in"  # yesterday's 在岗 ended with the day
        await _unlock(app, pilot)
        await wait_for(pilot, lambda: where.state_of("S01").state == "on_duty", what="on duty again")
        assert where.history("S01", limit=1)[0]["from_state"] == "not_in"
        # Later that day: in a meeting, back at the terminal to unlock it: the state stays as set.
        clock.set_now(datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI))
        where.set_state("S01", "meeting")
        await _unlock(app, pilot)
        await pilot.pause(0.3)
        assert where.state_of("S01").state == "meeting"
