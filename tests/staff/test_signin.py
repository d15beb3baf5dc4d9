"""Signing in at the terminal: right PIN, wrong PIN, lock-out, the idle lock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from peewee import DatabaseError
from textual.widgets import Input, OptionList

from models import clock
from models.cases.ledger import case_mark
from models.cases.rights import case_actions, ledger_scope
from models.config import StaffConfig
from models.errors import Refused
from models.queue.view import waiting_list
from models.schema import Event
from models.schema.staff import SigninAttempt, SigninLockout
from models.staff.signin import (
    SigninRefused,
    check_pin,
    lockout_until,
    sign_in,
)
from tests.staff.helpers import PIN, make_app, shift_for, take, text_of, wait_for


async def type_in(pilot, selector: str, text: str) -> None:
    """Type into a field (setting its value: a key press costs ~80 ms under Pilot)."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = text
    await pilot.pause()


async def sign_in_with(pilot, code: str, pin: str) -> None:
    await type_in(pilot, "#code", code)
    await pilot.press("enter")
    await type_in(pilot, "#pin", pin)
    await pilot.press("enter")


def message(app) -> str:
    return text_of(app.screen.query_one("#signin-message"))


# --- the models ------------------------------------------------------------------------------


def test_right_pin_gives_the_posts(staffed):
    info, choices = sign_in(staffed.config, "S06", PIN, terminal="t1")
    assert info.code == "S06" and [c.number for c in choices] == [3, 6]
    assert [c.post for c in choices] == ["B", "A"]
    leader, all_windows = sign_in(staffed.config, "L01", PIN)
    assert leader.role == "leader" and [c.number for c in all_windows] == [1, 2, 3, 4, 5, 6]
    assert SigninAttempt.select().where(SigninAttempt.outcome == "ok").count() == 2


def test_five_wrong_pins_lock_the_code_and_record_it(staffed):
    config = staffed.config
    for left in (4, 3, 2, 1):
        with pytest.raises(SigninRefused) as refused:
            check_pin(config, "S05", "0000")
        assert refused.value.key == "wrong" and refused.value.params["left"] == left
    with pytest.raises(SigninRefused) as refused:
        check_pin(config, "S05", "0000")
    assert refused.value.key == "locked_now" and "15" in refused.value.message("zh")
    lock = SigninLockout.get()
    assert lock.code == "S05" and lock.attempts == 5
    assert Event.select().where(Event.kind == "staff.locked_out").count() == 1
    # Locked: even the right PIN is refused, and not checked.
    with pytest.raises(SigninRefused) as refused:
        check_pin(config, "S05", PIN)
    assert refused.value.key == "locked"
    assert lockout_until("S05") == lock.until
    # Another code is not affected.
    assert check_pin(config, "S01", PIN).code == "S01"
    # After the lock-out the right PIN works and the count starts again.
    clock.set_now(clock.now() + timedelta(minutes=16))
    assert check_pin(config, "S05", PIN).code == "S05"
    with pytest.raises(SigninRefused) as refused:
        check_pin(config, "S05", "0000")
    assert refused.value.params["left"] == 4


def test_a_right_pin_resets_the_count(staffed):
    config = staffed.config
    for _ in range(4):
        with pytest.raises(SigninRefused):
            check_pin(config, "S05", "1111")
    check_pin(config, "S05", PIN)
    with pytest.raises(SigninRefused) as refused:
        check_pin(config, "S05", "1111")
    assert refused.value.params["left"] == 4


def test_unknown_codes_get_the_same_words(staffed):
    with pytest.raises(SigninRefused) as unknown:
        check_pin(staffed.config, "NOBODY", PIN)
    with pytest.raises(SigninRefused) as wrong:
        check_pin(staffed.config, "S05", "9999")
    assert unknown.value.message("zh") == wrong.value.message("zh")


def test_sign_in_log_is_append_only(staffed):
    with pytest.raises(SigninRefused):
        check_pin(staffed.config, "S05", "9999")
    with pytest.raises(DatabaseError), staffed.db.atomic():
        SigninAttempt.update(outcome="ok").execute()
    with pytest.raises(DatabaseError), staffed.db.atomic():
        SigninAttempt.delete().execute()
    assert SigninAttempt.select().where(SigninAttempt.outcome == "wrong").count() == 1


def test_scope_and_marks(staffed):
    from models.cases.ledger import LedgerFilter

    staff = shift_for("S06", 3)
    leader = shift_for("L01", 2)
    assert ledger_scope(leader, LedgerFilter()).window is None
    mine = ledger_scope(staff, LedgerFilter())  # 全部: the shift's window, and every case S06 follows
    assert (mine.window, mine.or_window, mine.involving) == (None, 3, "S06")
    assert ledger_scope(staff, LedgerFilter(window=6)).window == 6
    assert ledger_scope(staff, LedgerFilter(handler="S06")).handler == "S06"
    with pytest.raises(Refused):
        ledger_scope(staff, LedgerFilter(window=1))
    assert case_mark(True, -2, "in_progress") == "overdue"
    assert case_mark(False, 2, "in_progress") == "due_soon"
    assert case_mark(False, 3, "in_progress") == ""
    assert case_mark(False, 1, "closed") == ""
    detail = {"state": "in_progress", "handler": "S05", "window": 3, "due_date": clock.now().date()}
    assert case_actions(staff, detail) == {"complete", "escalate", "extend", "correct"}
    assert "handover" in case_actions(leader, detail)
    assert case_actions(shift_for("S01", 1), detail) == set()


def test_calling_order_puts_priority_and_returned_first(staffed):
    normal = take(staffed, "rural-dibao", "urban-dibao")
    urgent = take(staffed, "elderly-card", priority=True)
    in_order = waiting_list(staffed.queue.today(), 3, in_calling_order=True, queue=staffed.queue)
    assert [t.number for t in in_order] == urgent + normal
    assert staffed.queue.call_next(3).number == urgent[0]


# --- the screen -------------------------------------------------------------------------------


async def test_sign_in_then_choose_the_window(staffed):
    app = make_app(staffed)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "signin", what="sign-in screen")
        await sign_in_with(pilot, "S06", PIN)
        options = app.screen.query_one("#windows", OptionList)
        await wait_for(pilot, lambda: options.option_count == 2, what="window choice")
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="queue screen")
        assert app.shift.code == "S06" and app.shift.window == 6 and app.shift.windows == (3, 6)


async def test_wrong_pin_is_refused_and_the_code_stays(staffed):
    app = make_app(staffed)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "signin")
        await sign_in_with(pilot, "S05", "1357")
        await wait_for(pilot, lambda: "再错 4 次" in message(app), what="wrong-PIN message")
        assert app.screen.query_one("#code", Input).value == "S05"
        assert app.screen.query_one("#pin", Input).value == ""
        assert app.shift is None


async def test_lock_out_after_five_wrong_pins(staffed):
    app = make_app(staffed)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "signin")
        await type_in(pilot, "#code", "S05")
        await pilot.press("enter")
        for left in (4, 3, 2, 1):
            await type_in(pilot, "#pin", "0000")
            await pilot.press("enter")
            await wait_for(pilot, lambda left=left: f"再错 {left} 次" in message(app), what=f"{left} left")
        await type_in(pilot, "#pin", "0000")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "锁定到" in message(app), what="lock-out")
        await type_in(pilot, "#pin", PIN)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "已锁定" in message(app), what="locked message")
        assert app.shift is None
    assert SigninLockout.select().where(SigninLockout.code == "S05").count() == 1


async def test_idle_lock_needs_the_pin_again(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        assert app.idle_seconds == staffed.config.staff.idle_lock_minutes * 60
        app.check_idle_lock(now=app.last_activity + app.idle_seconds + 1)
        await wait_for(pilot, lambda: app.screen.name == "lock", what="lock screen")
        assert app.locked
        # Nothing of the work shows, and F9 or the palette do not get past the lock.
        await pilot.press("f9")
        await pilot.press("ctrl+p")
        await pilot.pause(0.1)
        assert app.screen.name == "lock"
        await type_in(pilot, "#pin", "1111")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "再错" in text_of(app.screen.query_one("#lock-message")), what="wrong PIN")
        await type_in(pilot, "#pin", PIN)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="unlocked")
        assert not app.locked
    outcomes = [
        a.outcome for a in SigninAttempt.select().where(SigninAttempt.purpose == "unlock").order_by(SigninAttempt.id)
    ]
    assert outcomes == ["wrong", "ok"]


async def test_activity_keeps_the_terminal_open(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3), staff=StaffConfig(idle_lock_minutes=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        assert app.idle_seconds is None  # 0 minutes: never locks
        app.idle_seconds = 60.0
        before = app.last_activity
        await pilot.press("down")
        assert app.last_activity > before
        app.check_idle_lock(now=app.last_activity + 30)
        assert not app.locked
        await pilot.press("f10")  # lock at once
        await wait_for(pilot, lambda: app.screen.name == "lock")
        await pilot.press("f10")  # sign out from the lock screen
        await wait_for(pilot, lambda: app.screen.name == "signin", what="signed out")
        assert app.shift is None
