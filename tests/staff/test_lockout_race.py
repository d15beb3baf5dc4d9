"""Wrong PINs typed at sixteen terminals at once: the lock-out still counts
them one by one — at most the limit judged, one lock — on both backends."""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter

import pytest

from models.schema import Event
from models.schema.staff import SigninAttempt, SigninLockout

PROCESSES = 16


def _guess(config, start, out):
    from models.hall import open_hall
    from models.staff.signin import SigninRefused, check_pin

    hall = open_hall(config)
    start.wait(60)
    try:
        check_pin(config, "S05", "9999", terminal="race")
        out.put("ok")
    except SigninRefused as refusal:
        out.put(refusal.key)
    hall.close()


@pytest.mark.slow
def test_sixteen_parallel_wrong_pins_are_counted_one_by_one(staffed):
    limit = staffed.config.staff.lockout_attempts
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    guesses = [ctx.Process(target=_guess, args=(staffed.config, start, out)) for _ in range(PROCESSES)]
    for p in guesses:
        p.start()
    start.set()
    answers = Counter(out.get(timeout=120) for _ in guesses)
    for p in guesses:
        p.join(timeout=30)
        assert p.exitcode == 0

    outcomes = Counter(a.outcome for a in SigninAttempt.select().where(SigninAttempt.code == "S05"))
    assert outcomes["wrong"] == limit  # never more PINs judged than the limit
    assert outcomes["locked"] == PROCESSES - limit
    assert SigninLockout.select().where(SigninLockout.code == "S05").count() == 1
    assert answers == {"wrong": limit - 1, "locked_now": 1, "locked": PROCESSES - limit}


def test_a_leader_lifts_a_lockout_and_gives_a_new_pin(staffed, capsys):
    from cli.main import main
    from models.errors import Refused, StaffRefused
    from models.staff.pins import lift_lockout, reset_pin
    from models.staff.signin import SigninRefused, check_pin
    from tests.conftest import pin_on_stdin
    from tests.staff.helpers import PIN

    config = staffed.config
    for _ in range(config.staff.lockout_attempts):
        with pytest.raises(SigninRefused):
            check_pin(config, "S05", "9999")
    with pytest.raises(SigninRefused) as locked:
        check_pin(config, "S05", PIN)
    assert locked.value.key == "locked"
    with pytest.raises(StaffRefused):
        lift_lockout(config, "S01", PIN, "S05")  # not a leader
    with pytest.raises(SigninRefused):
        lift_lockout(config, "L01", "0000", "S05")  # the leader's own PIN, right
    with pin_on_stdin(PIN):
        assert main(["staff", "unlock", "S05", "--leader", "L01", "--db", config.database]) == 0
    assert "已解除" in capsys.readouterr().out
    assert check_pin(config, "S05", PIN).code == "S05"  # and the count starts again
    assert lift_lockout(config, "L01", PIN, "S05") is False  # not locked any more
    with pytest.raises(Refused):
        reset_pin(config, "L01", PIN, "S05", "12")  # too short
    reset_pin(config, "L01", PIN, "S05", "97531")
    assert check_pin(config, "S05", "97531").code == "S05"
    with pin_on_stdin(f"{PIN}\n24680"):  # the leader's PIN, then the new one: a line each
        assert main(["staff", "pin", "S05", "--leader", "L01", "--db", config.database]) == 0
    assert check_pin(config, "S05", "24680").code == "S05"
    kinds = [e.kind for e in Event.select().where(Event.kind.startswith("staff."))]
    assert "staff.unlocked" in kinds and "staff.pin_reset" in kinds
