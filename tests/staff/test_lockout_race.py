"""Wrong PINs typed at sixteen terminals at once: the lock-out still counts
them one by one — at most the limit judged, one lock — on both backends."""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter

import pytest

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
