"""Whereabouts at the terminal: Ctrl+T from any screen, sign-in and sign-out, the
board, the B-cover mark on the queue, leave with approval, the leader's notice."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Select

from models import events
from models.maintenance.demo import DEMO_PIN
from models.staff.whereabouts import Whereabouts
from shared_ui.live import HallChanged
from tests.demo_hall.helpers import app_for, ready, screen_text, text_of, wait_for
from tests.staff.helpers import make_app


def state_of(hall, code: str):
    return Whereabouts(hall.config).state_of(code)


async def test_ctrl_t_sets_my_state_from_the_queue_and_the_window_pauses(demo):
    app = app_for(demo, "S01", 1)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, "queue", data=False)
        await wait_for(pilot, lambda: app.screen.picture is not None and app.screen.cover is not None, what="queue")
        await pilot.press("f1")  # the key is in the F1 help, with its words
        await wait_for(pilot, lambda: app.screen.query("HallKeyPanel"), what="help panel")
        await pilot.pause(0.2)
        keys = text_of(app.screen.query_one("BindingsTable"))  # the whole list, scrolled or not
        assert "我的去向" in keys and "去向牌" in keys and "值班" in keys and "报表" in keys and "退出登录" in keys
        await pilot.press("f1")
        await pilot.press("f9")  # works from the ledger too
        await wait_for(pilot, lambda: app.screen.name == "ledger")
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: app.screen.name == "state-dialog", what="state dialog")
        assert "现在：在岗" in screen_text(app)
        await pilot.press("2")  # 开会
        app.screen.query_one("#note", Input).value = "街道例会"
        app.screen.query_one("#back", Input).value = "12:30"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "ledger", what="dialog closed")
        state = state_of(demo, "S01")
        assert (state.state, state.note) == ("meeting", "街道例会")
        assert state.back_at is not None
        # Its B person is out visiting: nobody is on duty at window 1, which paused by itself.
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "queue")
        await wait_for(pilot, lambda: "暂停服务" in screen_text(app), what="paused mark")


async def test_signing_in_sets_on_duty_and_signing_out_asks_the_state(demo):
    where = Whereabouts(demo.config)
    assert where.state_of("S03").state == "meeting"
    app = make_app(demo, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "signin")
        app.screen.query_one("#code", Input).value = "S03"
        app.screen.query_one("#pin", Input).value = DEMO_PIN
        app.screen.submit()
        options = app.screen.query_one("#windows", OptionList)
        await wait_for(pilot, lambda: options.option_count == 1, what="window choice")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "queue")
        await wait_for(pilot, lambda: where.state_of("S03").state == "on_duty", what="on duty")
        # S03 back on duty at window 2: A covers again, not B.
        assert {c.window: c.cover for c in where.window_cover()}[2] == "A"
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: app.screen.name == "state-dialog", what="sign-out dialog")
        await pilot.press("4")  # the 4th offered when leaving: 休息, 开会, 外出, 走访 …
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "signin", what="signed out")
        assert app.shift is None
    assert where.state_of("S03").state == "visiting"


async def test_the_board_shows_states_durations_overdue_and_cover(demo):
    app = app_for(demo, "L01", 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+g")
        await ready(pilot, "whereabouts")
        words = screen_text(app)
        board, covers = app.screen.data
        for person in board.people:
            assert person.name in words
        assert "!!超时" in words and "超时未回 2 人" in words  # a word and a symbol, not colour alone
        assert "开会" in words and "走访" in words and "请假" in words
        assert "B岗代岗" in words and "无人·已暂停" in words
        assert "3小时" in words  # how long in the state, as people say it
        # A leader may set someone else's state (F4), recorded as set by the leader.
        table = app.screen.query_one("#people")
        table.move_cursor(row=[k for k in app.screen.query_one("#people")._order].index("cunzhen:S10"))
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.name == "state-dialog")
        await pilot.press("1", "enter")
        await wait_for(pilot, lambda: app.screen.name == "whereabouts")
        await wait_for(pilot, lambda: state_of(demo, "S10").state == "on_duty")
        await wait_for(pilot, lambda: "无人·已暂停" not in screen_text(app), what="window 5 resumed")
    assert Whereabouts(demo.config).history("S10", limit=1)[0]["to_state"] == "on_duty"


async def test_the_queue_says_b_cover_and_switches_to_the_covered_window(demo):
    # S04 is B at window 2, whose A person (S03) is in a meeting.
    app = app_for(demo, "S04", 2)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, "queue", data=False)
        await wait_for(pilot, lambda: "B岗代岗" in screen_text(app), what="B cover mark")
        assert app.screen.cover.as_b == (2,)
        assert Whereabouts(demo.config).windows_for_terminal("S04") == [2]
        # S03 comes back: A covers, the mark goes.
        Whereabouts(demo.config).set_state("S03", "on_duty")
        app.post_message(HallChanged.of({"whereabouts.changed"}, last_id=events.last_id()))
        await wait_for(pilot, lambda: "B岗代岗" not in screen_text(app), what="mark gone")


async def test_leave_request_then_a_leader_approves_with_the_stand_in(demo):
    where = Whereabouts(demo.config)
    app = app_for(demo, "S05", 3)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+g")
        await ready(pilot, "whereabouts")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.name == "leave" and app.screen.people, what="leave screen")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen.name == "form")
        app.screen.query_one("#f-reason", Input).value = "看病"
        app.screen.query_one("#f-stand_in", Select).value = "S06"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "leave")
        await wait_for(pilot, lambda: "已提交" in screen_text(app), what="requested")
    mine = where.leaves("S05")
    assert [(lv.status, lv.stand_in) for lv in mine] == [("pending", "S06")]

    leader = app_for(demo, "L01", 1)
    async with leader.run_test(size=(80, 24)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+g")
        await ready(pilot, "whereabouts")
        await pilot.press("f3")
        await wait_for(pilot, lambda: leader.screen.name == "leave" and leader.screen.leaves, what="leave list")
        assert leader.screen.leaves[0].status == "pending"  # pending first
        table = leader.screen.query_one("#leaves")
        table.move_cursor(row=table.get_row_index(str(mine[0].id)))
        await pilot.press("f3")
        await wait_for(pilot, lambda: leader.screen.name == "form")
        assert "陈静" in screen_text(leader) and "杨磊" in screen_text(leader)  # who, and the stand-in
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: leader.screen.name == "leave")
        await wait_for(pilot, lambda: "已批准" in screen_text(leader), what="approved")
    approved = where.leave(mine[0].id)
    assert (approved.status, approved.decided_by) == ("approved", "L01")
    # With the leave running now, Ctrl+T can set 请假.
    where.set_state("S05", "leave")
    assert where.state_of("S05").stand_in == "S06"


async def test_a_leaders_terminal_is_told_when_a_window_loses_its_cover(demo):
    app = app_for(demo, "L01", 1)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot, "queue", data=False)
        await wait_for(pilot, lambda: app.cover_seen is not None, what="arrived")
        change = Whereabouts(demo.config).set_state("S01", "out", "送材料")  # S02 is out visiting
        assert change.cover_lost == (1,)
        app.post_message(HallChanged.of({"whereabouts.changed", "cover.lost"}, last_id=events.last_id()))
        await wait_for(pilot, lambda: any("1号窗口" in n.message for n in app._notifications), what="notice")
        notice = next(n for n in app._notifications if "1号窗口" in n.message)
        assert "暂停服务" in notice.message and notice.severity == "warning"
