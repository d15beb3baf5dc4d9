"""A leader's help at sign-in: lifting a lock-out, and a new PIN typed by its owner."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from models.errors import Refused
from models.schema import Event, Staff
from models.schema.staff import SigninLockout
from models.staff import pins
from models.staff.signin import SigninRefused, check_pin, lockout_until
from models.staff.signin_help import lift_lockout, reset_pin
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import PIN, make_app, shift_for, text_of, wait_for


def lock_out(config, code: str) -> None:
    for _ in range(config.staff.lockout_attempts):
        with pytest.raises(SigninRefused):
            check_pin(config, code, "0000")
    assert lockout_until(code) is not None


def test_a_leader_lifts_a_lock_out_and_the_count_starts_again(staffed):
    config = staffed.config
    lock_out(config, "S05")
    with pytest.raises(SigninRefused) as refused:
        lift_lockout(shift_for("S06", 3), "S05")  # not a leader
    assert refused.value.key == "leader_only"
    assert lift_lockout(shift_for("L01", 1), "S05") is True
    assert lockout_until("S05") is None
    assert check_pin(config, "S05", PIN).code == "S05"
    with pytest.raises(SigninRefused) as wrong:
        check_pin(config, "S05", "0000")
    assert wrong.value.params["left"] == config.staff.lockout_attempts - 1  # counted afresh
    assert lift_lockout(shift_for("L01", 1), "S05") is False  # not locked: nothing to lift
    unlocked = Event.get(Event.kind == "staff.unlocked")
    assert unlocked.data["leader"] == "L01" and unlocked.data["code"] == "S05"


def test_a_new_pin_typed_twice_replaces_the_old_and_is_never_recorded(staffed):
    config = staffed.config
    lock_out(config, "S05")
    leader = shift_for("L01", 1)
    for pin, again, key in (("12", "12", "bad_new_pin"), ("135790", "135791", "pins_differ")):
        with pytest.raises(SigninRefused) as refused:
            reset_pin(leader, "S05", pin, again)
        assert refused.value.key == key
    with pytest.raises(SigninRefused):
        reset_pin(shift_for("S06", 3), "S05", "135790", "135790")
    reset_pin(leader, "S05", "135790", "135790")
    assert lockout_until("S05") is None
    assert check_pin(config, "S05", "135790").code == "S05"
    with pytest.raises(SigninRefused):
        check_pin(config, "S05", PIN)
    event = Event.get(Event.kind == "staff.pin_reset")
    assert "135790" not in str(event.data) and event.data["leader"] == "L01"


async def open_help_for(pilot, code: str) -> None:
    """From the queue: the whereabouts board, the cursor on ``code``, F5."""
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue")
    await pilot.press("ctrl+g")
    await wait_for(pilot, lambda: app.screen.name == "whereabouts" and app.screen.data is not None)
    table = app.screen.query_one("#people", KeyedTable)
    table.move_cursor(row=next(i for i, key in enumerate(table._order) if key.endswith(f":{code}")))
    await pilot.press("f5")
    await wait_for(pilot, lambda: app.screen.name == "pin-help", what="the help form")


async def test_the_leader_helps_from_the_whereabouts_board(staffed):
    lock_out(staffed.config, "S05")
    app = make_app(staffed, shift=shift_for("L01", 1), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_help_for(pilot, "S05")
        app.screen.query_one("#f-pin", Input).value = "246810"
        app.screen.query_one("#f-again", Input).value = "246810"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "whereabouts", what="saved")
        assert "密码已重置" in text_of(app.screen.query_one("#message"))
    assert check_pin(staffed.config, "S05", "246810").code == "S05"


@pytest.mark.parametrize(("change", "cli_key"), [({"role": "staff"}, "not_leader"), ({"active": False}, "inactive")])
def test_a_leader_no_longer_one_helps_no_more_at_the_terminal_or_the_command_line(staffed, change, cli_key):
    config = staffed.config
    lock_out(config, "S05")
    signed_in = shift_for("L01", 1)  # the terminal's shift, from before the change
    Staff.update(**change).where(Staff.code == "L01").execute()
    for help_ in (lambda: lift_lockout(signed_in, "S05"), lambda: reset_pin(signed_in, "S05", "135790", "135790")):
        with pytest.raises(SigninRefused) as refused:
            help_()
        assert refused.value.key == "leader_only"
    with pytest.raises(Refused) as from_cli:  # the command line: not a leader, or cannot sign in at all
        pins.lift_lockout(config, "L01", PIN, "S05")
    assert from_cli.value.key == cli_key
    assert lockout_until("S05") is not None
    assert not Event.select().where(Event.kind.in_(["staff.unlocked", "staff.pin_reset"])).exists()


def test_the_terminal_and_the_command_line_leave_the_same_records(staffed):
    """Both ask models.staff.signin_help: the same lock-out row that ends at once, the same event."""
    config = staffed.config
    records = []
    for lift in (
        lambda: lift_lockout(shift_for("L01", 1), "S05", terminal="tty1"),
        lambda: pins.lift_lockout(config, "L01", PIN, "S05", terminal="tty1"),
    ):
        lock_out(config, "S05")
        assert lift() is True
        row = SigninLockout.select().where(SigninLockout.code == "S05").order_by(SigninLockout.id.desc()).get()
        event = Event.select().where(Event.kind == "staff.unlocked").order_by(Event.id.desc()).get()
        records.append((row.attempts, row.until == row.at, event.data))
        assert lockout_until("S05") is None
    assert records[0] == records[1] == (0, True, {"code": "S05", "leader": "L01", "terminal": "tty1"})


async def test_the_leader_lifts_a_lock_out_from_the_whereabouts_board(staffed):
    lock_out(staffed.config, "S05")
    app = make_app(staffed, shift=shift_for("L01", 1), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_help_for(pilot, "S05")
        await pilot.press("ctrl+s")  # both fields empty: lift the lock-out only
        await wait_for(pilot, lambda: app.screen.name == "whereabouts", what="saved")
        assert "已解除" in text_of(app.screen.query_one("#message"))
    assert lockout_until("S05") is None
    assert check_pin(staffed.config, "S05", PIN).code == "S05"
    assert Event.get(Event.kind == "staff.unlocked").data["leader"] == "L01"
