"""The window's queue: the counter's actions on keys and buttons, and two terminals at once."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input, Select

from models.schema import Item, Ticket, Window, WindowLine
from shared_ui.words import tr
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import make_app, shift_for, take, text_of, wait_for


def serving(app) -> str:
    return text_of(app.screen.query_one("#serving"))


def waiting(app) -> list[str]:
    table = app.screen.query_one("#waiting", KeyedTable)
    return list(table._order)


def send_key(app, key: str) -> None:
    """Deliver a key to ``app`` as its terminal would, without waiting for it."""
    from textual import events

    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)


def said(app) -> str:
    return text_of(app.screen.query_one("#message"))


async def open_queue(pilot, app) -> None:
    await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")


async def test_call_recall_no_show_and_return(staffed):
    numbers = take(staffed, "rural-dibao", "urban-dibao", "elderly-card")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        assert waiting(app) == numbers
        await pilot.press("f2")
        await wait_for(pilot, lambda: numbers[0] in serving(app) and "正在叫号" in serving(app), what="called")
        assert waiting(app) == numbers[1:]
        assert "请 C001 号到 3 号窗口" in said(app)
        # No-show before a recall is refused by the models, in plain words.
        await pilot.press("f4", "enter")
        await wait_for(pilot, lambda: "至少重呼一次" in said(app), what="refusal")
        await pilot.press("f3")
        await wait_for(pilot, lambda: "已重呼1次" in serving(app), what="recalled")
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.name != "queue")
        await pilot.press("enter")  # the one confirm
        await wait_for(pilot, lambda: "当前没有正在办理" in serving(app), what="no-show")
        # The resident comes back: F5, type the number, Enter: next in line.
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.query("#f-typed"))
        app.screen.query_one("#f-typed", Input).value = "c001"
        await pilot.press("enter")
        await wait_for(pilot, lambda: waiting(app)[:1] == [numbers[0]], what="returned first")
        assert "过号回队" in str(app.screen.query_one("#waiting", KeyedTable).get_row(numbers[0])[-1])
    assert Ticket.get(Ticket.number == numbers[0]).status == "waiting"


async def test_buttons_do_what_the_keys_do(staffed):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        assert await pilot.click("#act-call_next")
        await wait_for(pilot, lambda: "C001" in serving(app), what="called by button")
        assert app.screen.query_one("#act-recall").display
        assert not app.screen.query_one("#act-resume").display  # only what applies is offered


async def test_transfer_keeps_the_place_and_the_note(staffed):
    first, second = take(staffed, "rural-dibao", "baby-hukou")
    later = take(staffed, "baby-hukou")[0]  # arrives after the first two
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f2")
        await wait_for(pilot, lambda: first in serving(app))
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.screen.query("#f-target"))
        dialog = app.screen
        offered = [value for _, value in dialog.query_one("#f-target", Select)._options]
        own_lines = {wl.line.code for wl in WindowLine.select().join(Window).where(Window.number == 3)}
        assert own_lines and not any(f"line:{code}" in offered for code in own_lines)  # not where they are
        assert "window:3" not in offered and "line:jisheng" in offered
        dialog.query_one("#f-target", Select).value = "line:jisheng"
        dialog.query_one("#f-note", Input).value = "需先开具婴儿入户证明"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "queue" and "当前没有" in serving(app), what="transferred")
        assert "已转办" in said(app)
    ticket = Ticket.get(Ticket.number == first)
    assert ticket.status == "waiting" and ticket.line.code == "jisheng"
    assert ticket.transfer_note == "需先开具婴儿入户证明"
    # At window 1 the transferred resident keeps their original place: they came first.
    other = make_app(staffed, shift=shift_for("S01", 1))
    async with other.run_test(size=(120, 40)) as pilot:
        await open_queue(pilot, other)
        assert waiting(other) == [first, second, later]
        row = other.screen.query_one("#waiting", KeyedTable).get_row(first)
        assert "转办" in str(row[-1]) and "婴儿入户证明" in str(row[-1])
        await pilot.press("f2")
        await wait_for(pilot, lambda: first in serving(other), what="the transferred resident called")
        assert "由3号窗口转来" in serving(other) and "首问责任人：陈静(S05)" in serving(other)


async def test_pause_and_resume(staffed):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f7")
        await wait_for(pilot, lambda: app.screen.query("#f-reason"))
        app.screen.query_one("#f-reason", Input).value = "外出走访"
        await pilot.press("enter", "enter")  # the reason, then the expected resume time left empty
        await wait_for(pilot, lambda: "暂停服务中" in serving(app), what="paused")
        assert Window.get(Window.number == 3).paused
        await pilot.press("f2")  # a paused window calls nobody: the key does nothing
        await pilot.pause(0.1)
        assert Ticket.select().where(Ticket.status == "called").count() == 0
        await pilot.press("f7", "enter")
        await wait_for(pilot, lambda: "按 F2 叫下一位" in serving(app), what="resumed")
    assert not Window.get(Window.number == 3).paused


async def test_nothing_waiting_is_said_plainly(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f2")
        await wait_for(pilot, lambda: "没有等候的号" in said(app), what="refusal")


async def test_two_terminals_never_call_the_same_ticket(staffed):
    """Two terminals (windows 3 and 7 both serve 民政救济) calling at once."""
    window = Window.create(number=7, name="民政救济二", name_en="Civil affairs 2")
    WindowLine.create(window=window, line=WindowLine.get(WindowLine.window == Window.get(Window.number == 3)).line)
    from models.staff import add_staff

    add_staff("S07", "赵敏", "2468", posts=[(7, "A")])
    numbers = take(staffed, *(["rural-dibao"] * 6))
    one = make_app(staffed, shift=shift_for("S05", 3))
    two = make_app(staffed, shift=shift_for("S07", 7))
    called: list[str] = []
    async with one.run_test(size=(80, 24)) as p1, two.run_test(size=(80, 24)) as p2:
        await open_queue(p1, one)
        await open_queue(p2, two)
        for _ in range(3):
            # Both clerks press F2 at the same moment (no waiting between the two).
            send_key(one, "f2")
            send_key(two, "f2")
            await wait_for(p1, lambda: one.screen.picture.serving is not None and not one.screen.busy)
            await wait_for(p2, lambda: two.screen.picture.serving is not None and not two.screen.busy)
            pair = [one.screen.picture.serving.number, two.screen.picture.serving.number]
            called += pair
            for number, where in zip(pair, (3, 7), strict=True):
                staffed.queue.finish(number, where)
            await wait_for(p1, lambda: one.screen.picture.serving is None, what="finish seen at one")
            await wait_for(p2, lambda: two.screen.picture.serving is None, what="finish seen at two")
    assert sorted(called) == sorted(numbers) and len(set(called)) == 6


async def test_a_call_at_one_terminal_shows_at_the_other(staffed):
    """How soon is a benchmark's figure (benchmarks/core_bench.py: notification); here, that it arrives."""
    take(staffed, *(["rural-dibao"] * 6))
    watcher = make_app(staffed, shift=shift_for("S06", 3))
    async with watcher.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, watcher)
        table = watcher.screen.query_one("#waiting", KeyedTable)
        table.move_cursor(row=4)
        kept = table.current_key
        assert kept == "C005"
        for _ in range(4):
            before = list(waiting(watcher))
            ticket = staffed.queue.call_next(3, "S05")  # another terminal, its own connection
            await wait_for(pilot, lambda ticket=ticket: ticket.number not in waiting(watcher), what="call seen")
            assert waiting(watcher) == [n for n in before if n != ticket.number]
            # The other windows' panel is drawn from the same change; give it its frame.
            await wait_for(pilot, lambda: "C00" in text_of(watcher.screen.query_one("#windows")), what="panel")
            staffed.queue.finish(ticket.number, 3)
        # The cursor stayed on the same ticket while rows above it went away.
        assert table.current_key == kept


async def test_the_palette_offers_the_screens_actions_and_a_lost_database_shows(staffed):
    from shared_ui.live import DatabaseLost, DatabaseRestored
    from staff_tui.widgets.status_bar import StatusBar

    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "叫号 (F2)" in titles and "台帐 (F9)" in titles and "锁屏 (F10)" in titles
        assert "重呼 (F3)" not in titles  # nobody called yet: recall does not apply
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CommandPalette", what="palette")
        await pilot.press(*list("F2"), "enter")  # the first match runs
        await wait_for(pilot, lambda: app.screen.name == "queue" and "C001" in serving(app), what="called via palette")
        app.post_message(DatabaseLost("数据库暂时无法使用"))
        bar = app.screen.query_one(StatusBar)
        await wait_for(pilot, lambda: "数据库连接中断" in str(bar.render()), what="warning")
        app.post_message(DatabaseRestored())
        await wait_for(pilot, lambda: "数据库连接中断" not in str(bar.render()), what="cleared")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_status_bar_keeps_the_time_and_a_database_warning_whole(staffed, size):
    from shared_ui.live import DatabaseLost
    from staff_tui.widgets.status_bar import StatusBar

    app = make_app(staffed, shift=shift_for("S05", 3), language="en", live=False)
    async with app.run_test(size=size) as pilot:
        await open_queue(pilot, app)
        bar = app.screen.query_one(StatusBar)
        assert re.search(r"\d\d-\d\d \d\d:\d\d\s*$", str(bar.render()))
        app.post_message(DatabaseLost("the database does not answer"))
        await wait_for(pilot, lambda: bar.db_problem, what="warning")
        line = str(bar.render())
        assert re.search(r"\d\d-\d\d \d\d:\d\d\s*$", line) and tr("staff_ui.db_problem_short") in line


async def test_a_transferred_item_shows_its_own_lines_name(staffed):
    (number,) = take(staffed, "landless-pension-claim")  # 劳动保障
    line_of_item = Item.get(Item.code == "landless-pension-claim").line.name
    staffed.queue.call_next(2)
    staffed.queue.transfer(number, 2, to_window=1, note="先办计生证明")
    app = make_app(staffed, shift=shift_for("S01", 1))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f2")
        await wait_for(pilot, lambda: number in serving(app), what="called at window 1")
        assert f"（{line_of_item}）" in serving(app) and "（计生服务）" not in serving(app)


async def test_a_returning_no_show_is_picked_from_todays_missed(staffed):
    numbers = take(staffed, "rural-dibao", "urban-dibao")
    queue = staffed.queue
    for number in numbers:
        queue.call_next(3, "S05")
        queue.recall(number, 3)
        queue.no_show(number, 3)
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.query("#f-missed"), what="return form")
        missed = app.screen.query_one("#f-missed", Select)
        await wait_for(pilot, lambda: len(missed._options) > 1, what="today's missed tickets")
        assert [value for _, value in missed._options[1:]] == numbers[::-1]  # the latest missed first
        await pilot.press("tab", "enter", "down", "enter")  # the list, open, the first, chosen
        await wait_for(pilot, lambda: missed.value == numbers[1], what="chosen")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: waiting(app)[:1] == [numbers[1]], what="returned first")


async def test_a_timer_runs_on_the_current_resident(staffed):
    from datetime import timedelta

    from models import clock

    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot, app)
        await pilot.press("f2")
        await wait_for(pilot, lambda: "计时 0 分钟" in serving(app), what="the timer starts")
        clock.set_now(clock.now() + timedelta(minutes=7))
        app.screen.query_one("#serving")._tick()  # what its 15-second interval does
        await wait_for(pilot, lambda: "计时 7 分钟" in serving(app), what="the timer moved on")
