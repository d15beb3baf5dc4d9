"""Snapshots of the whereabouts board, duty and reports, in Chinese, at 80×24 and 120×40.

The demo morning is built with the clock frozen at 11:30 (conftest), the
change feed is off and nothing blinks, so a picture changes only when the
screen does. Update with ``pytest tests/demo_hall/test_snapshots.py
--snapshot-update`` after looking at the new pictures.
"""

from __future__ import annotations

import pytest

from tests.demo_hall.helpers import app_for, ready

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "key,name",
    [("ctrl+g", "whereabouts"), ("ctrl+o", "duty"), ("ctrl+r", "reports")],
    ids=["whereabouts", "duty", "reports"],
)
def test_screen(sqlite_demo, snap_compare, size, key, name):
    app = app_for(sqlite_demo, "L01", 1)

    async def run_before(pilot):
        await ready(pilot, "queue", data=False)
        await pilot.press(key)
        await ready(pilot, name)
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
