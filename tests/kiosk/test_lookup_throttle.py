"""The lookup throttle (a hall rule in models/, counted in the database): the same wrong code
five times in a minute pauses that code for 30 s; thirty wrong codes in a minute pause all."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import clock
from models.errors import Refused
from models.throttle import LookupPaused, Rate, Throttle


def wrong():
    raise Refused("bad_tracking_code", code="x")


def later(seconds: float) -> None:
    clock.set_now(clock.now() + timedelta(seconds=seconds))


def test_five_wrong_tries_of_one_code_pause_that_code_only(hall):
    throttle = Throttle()
    for _ in range(5):
        with pytest.raises(Refused):
            throttle.lookup("ABCD-EFGH-JKM0", wrong)
        later(5)
    with pytest.raises(LookupPaused) as paused:
        throttle.lookup("abcd efgh jkm0", lambda: "view")  # the same code, typed another way
    assert 0 < paused.value.seconds <= 30
    assert "秒再试" in paused.value.message("zh") and "seconds" in paused.value.message("en")
    assert throttle.lookup("7K3M-9QXT-001A", lambda: "view") == "view"  # the next resident
    later(30)
    assert throttle.lookup("ABCD-EFGH-JKM0", lambda: "view") == "view"


def test_a_flood_of_wrong_codes_pauses_everyone_briefly(hall):
    throttle = Throttle(overall=Rate(count=10, window_seconds=60, pause_seconds=20))
    for index in range(10):
        with pytest.raises(Refused):
            throttle.lookup(f"GUESS{index:04d}", wrong)
    with pytest.raises(LookupPaused):
        throttle.lookup("7K3M-9QXT-001A", lambda: "view")
    later(21)
    assert throttle.lookup("7K3M-9QXT-001A", lambda: "view") == "view"


def test_wrong_codes_spread_over_more_than_a_minute_do_not_pause(hall):
    throttle = Throttle()
    for _ in range(10):
        with pytest.raises(Refused):
            throttle.lookup("ABCD-EFGH-JKM0", wrong)
        later(16)
    assert throttle.remaining("ABCD-EFGH-JKM0") == 0


def test_every_kiosk_counts_together(hall):
    """Two kiosks (two throttles, as two processes would have) share one count."""
    first, second = Throttle(), Throttle()
    for throttle in (first, second, first, second, first):
        with pytest.raises(Refused):
            throttle.lookup("ABCD-EFGH-JKM0", wrong)
    assert second.remaining("ABCD-EFGH-JKM0") > 0
