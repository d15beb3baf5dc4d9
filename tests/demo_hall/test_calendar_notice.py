"""The leader's terminal says, from 1 December, that next year's national holidays are not known yet."""

from __future__ import annotations

from datetime import datetime

from models import clock
from models.calendar import national
from tests.conftest import SHANGHAI
from tests.demo_hall.helpers import app_for, ready


async def _notices(demo, code: str, moment: datetime) -> list:
    clock.set_now(moment)
    app = app_for(demo, code, 1)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.pause(0.1)
        return [n for n in app._notifications if "chinese-calendar" in n.message]


async def test_a_leader_is_told_from_the_first_of_december(demo):
    last = national().years[-1]
    assert await _notices(demo, "L01", datetime(last, 11, 30, 9, 0, tzinfo=SHANGHAI)) == []
    told = await _notices(demo, "L01", datetime(last, 12, 1, 9, 0, tzinfo=SHANGHAI))
    assert len(told) == 1 and f"{last + 1}年" in told[0].message and told[0].severity == "warning"
    assert await _notices(demo, "S01", datetime(last, 12, 1, 9, 0, tzinfo=SHANGHAI)) == []  # a leader's concern
