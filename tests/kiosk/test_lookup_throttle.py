"""The lookup throttle (a hall rule in models/): five wrong codes in a minute pause lookups for 30 s."""

from __future__ import annotations

import pytest

from models.cases.lookup_throttle import LookupPaused, LookupThrottle
from models.errors import Refused


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def wrong():
    raise Refused("bad_tracking_code", code="x")


def test_five_wrong_codes_in_a_minute_pause_for_30_seconds():
    clock = Clock()
    throttle = LookupThrottle(monotonic=clock)
    for _ in range(5):
        with pytest.raises(Refused):
            throttle.lookup(wrong)
        clock.now += 5
    with pytest.raises(LookupPaused) as paused:
        throttle.lookup(lambda: "view")
    assert 0 < paused.value.seconds <= 30
    assert "秒再试" in paused.value.message("zh") and "seconds" in paused.value.message("en")
    clock.now += 30
    assert throttle.lookup(lambda: "view") == "view"


def test_wrong_codes_spread_over_more_than_a_minute_do_not_pause():
    clock = Clock()
    throttle = LookupThrottle(monotonic=clock)
    for _ in range(10):
        with pytest.raises(Refused):
            throttle.lookup(wrong)
        clock.now += 16
    assert throttle.remaining() == 0
