"""Snapshots of the staff terminal, in Chinese, at 80×24 and 120×40.

The clock is frozen (models.clock), tracking codes are issued in order, the
change feed and cursor blinking are off, so a picture only changes when the
screen does. Update them with ``pytest tests/staff/test_snapshots.py
--snapshot-update`` after looking at the new pictures.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input

from models import clock
from models.cases import Cases
from models.schema import Item
from staff_tui.widgets.case_form import CaseForm
from tests.staff.helpers import make_app, shift_for

SIZES = [(80, 24), (120, 40)]


def busy_morning(hall) -> None:
    """Eight residents waiting at window 3, one transferred from window 1, one at the counter."""
    queue, base = hall.queue, clock.now()
    plan = [
        ("rural-dibao", False),
        ("urban-dibao", True),
        ("elderly-card", False),
        ("rural-wubao", False),
        ("severe-disability-aid", False),
        ("lianzufang", False),
        ("urban-serious-illness", True),
        ("rural-dibao", False),
    ]
    for index, (item, priority) in enumerate(plan):
        clock.set_now(base - timedelta(minutes=40 - index * 4))
        queue.take(item, priority=priority)
    clock.set_now(base - timedelta(minutes=10))
    queue.take("baby-hukou")
    queue.call_next(1, "S01")
    queue.transfer("A001", 1, to_line="minzheng", note="户口已迁入，需办理低保", staff_code="S01")
    clock.set_now(base - timedelta(minutes=2))
    queue.call_next(3, "S05")
    clock.set_now(base)


def some_cases(hall) -> None:
    """Cases of several kinds from the last weeks: two overdue, one due soon."""
    cases, base = Cases(hall.config), clock.now()
    plan = [
        (30, "rural-dibao", "promised", {"promised_days": 10}),
        (20, "urban-dibao", "escalated", {"authority": "区民政局"}),
        (12, "elderly-card", "promised", {}),
        (9, "rural-wubao", "supplement", {"other": ["村委会证明"]}),
        (3, "lianzufang", "returned", {"reason": "不属于本社区办理范围"}),
        (5, "elderly-card", "promised", {}),
        (1, "rural-serious-illness", "petition", {}),
        (0, "severe-disability-aid", "consultation", {"result": "已告知申请条件"}),
    ]
    for days, item, kind, extra in plan:
        clock.set_now(base - timedelta(days=days, hours=1))
        if kind == "supplement":
            extra = dict(extra, missing=[m["name"] for m in Item.get(Item.code == item).data["materials"][:2]])
        cases.open_case(
            staff="S05", item=item, kind=kind, window=3, channel="visit", name="王小明", phone="13812345678", **extra
        )
    clock.set_now(base)


def still(app) -> None:
    """No blinking cursors in a picture."""
    for field in app.screen.query(Input):
        field.cursor_blink = False


async def settle(pilot, test) -> None:
    for _ in range(100):
        await pilot.pause(0.05)
        if test():
            break
    await pilot.pause(0.1)
    still(pilot.app)


@pytest.fixture
def app(sqlite_hall):
    busy_morning(sqlite_hall)
    some_cases(sqlite_hall)
    return make_app(sqlite_hall, shift=shift_for("S05", 3), live=False)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_queue(app, snap_compare, size):
    async def run_before(pilot):
        await settle(pilot, lambda: pilot.app.screen.name == "queue" and pilot.app.screen.picture is not None)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_outcome(app, snap_compare, size):
    async def run_before(pilot):
        await settle(pilot, lambda: pilot.app.screen.name == "queue" and pilot.app.screen.picture is not None)
        await pilot.press("f8")
        await settle(pilot, lambda: pilot.app.screen.query(CaseForm))
        form = pilot.app.screen.query_one(CaseForm)
        form.query_one("#authority", Input).value = "区民政局"
        await settle(pilot, lambda: True)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ledger(app, snap_compare, size):
    async def run_before(pilot):
        await settle(pilot, lambda: pilot.app.screen.name == "queue")
        await pilot.press("f9")
        await settle(pilot, lambda: pilot.app.screen.name == "ledger" and pilot.app.screen.answer is not None)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_case_detail(app, snap_compare, size):
    async def run_before(pilot):
        await settle(pilot, lambda: pilot.app.screen.name == "queue")
        await pilot.press("f9")
        await settle(pilot, lambda: pilot.app.screen.name == "ledger" and pilot.app.screen.answer is not None)
        table = pilot.app.screen.query_one("#cases")
        table.move_cursor(row=table.get_row_index("2026-000003"))
        await pilot.press("enter")
        await settle(pilot, lambda: pilot.app.screen.name == "case" and pilot.app.screen.view is not None)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
