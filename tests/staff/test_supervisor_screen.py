"""The leader's supervisor view at the terminal: F11 from the queue, at 80×24 and 120×40, in both languages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import clock
from models.schema import Ticket
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import MORNING, make_app, shift_for, take, text_of, wait_for


def said(app) -> str:
    return text_of(app.screen.query_one("#message"))


async def open_supervisor(pilot, app) -> None:
    await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
    await pilot.press("f11")
    await wait_for(pilot, lambda: app.screen.name == "supervisor" and app.screen.view is not None, what="view")


def cell(app, table: str, key: str, column: int) -> str:
    return str(app.screen.query_one(table, KeyedTable).get_row(key)[column])


@pytest.mark.parametrize(("size", "language"), [((80, 24), "zh"), ((120, 40), "en")])
async def test_a_leader_sees_every_window_and_the_alarms(staffed, size, language):
    staffed.whereabouts.set_state("S05", "on_duty")
    number = take(staffed, "rural-dibao", "rural-dibao")[0]
    take(staffed, "baby-hukou")  # window 1: nobody in
    staffed.queue.call_next(3, "S05")
    clock.set_now(MORNING + timedelta(minutes=12))
    app = make_app(staffed, shift=shift_for("L01", 2), language=language)
    async with app.run_test(size=size) as pilot:
        await open_supervisor(pilot, app)
        assert cell(app, "#sv-windows", "3", 3) == number
        assert cell(app, "#sv-windows", "3", 4) == "陈静"
        assert cell(app, "#sv-windows", "3", 5) == ("12分钟" if language == "zh" else "12 min")
        alarms = text_of(app.screen.query_one("#alarms"))
        assert ("1号窗口有1人等候，无人在岗" if language == "zh" else "Window 1: 1 waiting, nobody on duty") in alarms
        assert ("无人在岗" if language == "zh" else "nobody in") in cell(app, "#sv-windows", "1", 7)
        # Every column fits the terminal: the tables never scroll sideways.
        for table in app.screen.query(KeyedTable):
            assert table.virtual_size.width <= size[0]


async def test_only_leaders_have_the_key(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        await pilot.press("f11")
        await pilot.pause(0.2)
        assert app.screen.name == "queue"


async def test_pause_resume_and_reassign_from_the_view(staffed):
    moving = take(staffed, "rural-dibao", "rural-dibao")
    app = make_app(staffed, shift=shift_for("L01", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_supervisor(pilot, app)
        table = app.screen.query_one("#sv-windows", KeyedTable)
        table.move_cursor(row=table.get_row_index("3"))
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen.name != "supervisor", what="pause form")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "3号窗口已暂停服务" in said(app), what="paused")
        await wait_for(pilot, lambda: cell(app, "#sv-windows", "3", 1) == "暂停", what="shown paused")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.name != "supervisor")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "3号窗口已恢复叫号" in said(app), what="resumed")
        lines = app.screen.query_one("#sv-lines", KeyedTable)
        lines.focus()
        lines.move_cursor(row=lines.get_row_index("minzheng"))
        await pilot.pause(0.05)
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.query("Select"), what="reassign form")
        from textual.widgets import Select

        app.screen.query_one(Select).value = "window:6"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "已调配2人" in said(app), what="reassigned")
    assert {t.target_window.number for t in Ticket.select().where(Ticket.number.in_(moving))} == {6}
