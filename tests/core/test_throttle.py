"""Shared limits: counted in the database, per fixed window, the same for every process."""

from __future__ import annotations

from datetime import timedelta

from models import clock
from models.throttle import Limit, first_reached, hashed


def test_a_limit_counts_up_to_its_limit_per_window(hall, frozen_clock):
    limit = Limit("test.key", 3, 60)
    assert limit.used() == 0 and not limit.reached()
    assert [limit.count() for _ in range(3)] == [1, 2, 3]
    assert limit.reached() and 0 < limit.seconds_left() <= 60
    assert first_reached(Limit("test.other", 1, 60), limit) == limit
    assert first_reached(Limit("test.other", 1, 60)) is None
    clock.set_now(clock.now() + timedelta(seconds=61))
    assert limit.used() == 0 and not limit.reached()  # a new window
    assert limit.count() == 1


def test_keys_are_counted_apart_and_old_windows_are_forgotten(hall, frozen_clock):
    from models.schema import ThrottleCount

    a, b = Limit("test.a", 2, 60), Limit("test.b", 2, 60)
    a.count()
    assert b.used() == 0 and a.used() == 1
    clock.set_now(clock.now() + timedelta(days=2))
    a.count()
    assert ThrottleCount.select().where(ThrottleCount.key == "test.a").count() == 1


def test_a_hashed_key_names_no_address():
    key = hashed("192.168.1.23", "secret")
    assert "192" not in key and key == hashed("192.168.1.23", "secret") != hashed("192.168.1.23", "other")
