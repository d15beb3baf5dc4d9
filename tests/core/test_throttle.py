"""Shared limits: counted in the database per key, the same for every process."""

from __future__ import annotations

from datetime import timedelta

from models import clock
from models.throttle import Limit, hashed, seconds_paused


def later(seconds: float) -> None:
    clock.set_now(clock.now() + timedelta(seconds=seconds))


def test_a_limit_counts_up_to_its_limit_per_window(hall, frozen_clock):
    limit = Limit("test.key", 3, 60)
    assert limit.used() == 0 and not limit.reached()
    assert [limit.count() for _ in range(3)] == [1, 2, 3]
    assert limit.reached() and 0 < limit.seconds_left() <= 60
    assert seconds_paused(Limit("test.other", 1, 60), limit) == limit.seconds_left()
    assert seconds_paused(Limit("test.other", 1, 60)) == 0
    later(61)
    assert limit.used() == 0 and not limit.reached()  # a new window
    assert limit.count() == 1


def test_the_window_starts_at_the_first_count_whatever_the_minute(hall, frozen_clock):
    later(50)  # ten seconds before the wall clock's next minute
    limit = Limit("test.key", 3, 60)
    for _ in range(3):
        limit.count()
        later(5)
    assert limit.reached()


def test_a_pause_of_its_own_length_starts_at_the_count_that_reaches_the_limit(hall, frozen_clock):
    limit = Limit("test.code", 2, 60, pause_seconds=10)
    limit.count()
    later(30)
    limit.count()
    assert limit.seconds_left() == 10
    later(10)
    assert not limit.reached()
    assert limit.count() == 3 and limit.seconds_left() == 10  # still within the window: each try pauses again


def test_keys_are_counted_apart_and_long_unused_keys_are_forgotten(hall, frozen_clock):
    from models.schema import ThrottleCount

    a, b = Limit("test.a", 2, 60), Limit("test.b", 2, 60)
    a.count()
    assert b.used() == 0 and a.used() == 1
    later(2 * 86400)
    b.count()
    assert ThrottleCount.select().where(ThrottleCount.key == "test.a").count() == 0
    assert b.used() == 1


def test_a_hashed_key_names_no_address():
    key = hashed("192.168.1.23", "secret")
    assert "192" not in key and key == hashed("192.168.1.23", "secret") != hashed("192.168.1.23", "other")
