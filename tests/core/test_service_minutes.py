"""The median service minutes behind every expected wait: kept in order as finishes come,
and a finish at a window joins it without the line's history being read again."""

from __future__ import annotations

import random
import statistics
from datetime import timedelta

from models import clock
from models.queue.service_minutes import RecentMinutes


def test_the_median_is_that_of_the_newest_minutes_kept():
    rng = random.Random(3)
    history = [rng.uniform(1, 30) for _ in range(40)]
    recent = RecentMinutes(history, keep=25)
    kept = history[:25]
    assert len(recent) == 25 and recent.median() == statistics.median(kept)
    for _ in range(200):
        minutes = round(rng.uniform(1, 30), 1)  # repeats too: the oldest of equal figures leaves
        recent.add_newest(minutes)
        kept = [minutes, *kept[:24]]
        assert recent.median() == statistics.median(kept)
    assert RecentMinutes([], keep=5).median() is None
    one = RecentMinutes([], keep=5)
    one.add_newest(7.0)
    assert one.median() == 7.0


def test_a_finish_joins_the_median_without_reading_the_line_again(hall, frozen_clock, monkeypatch):
    from models.queue import tickets

    for minutes in (4, 6):
        hall.queue.take("baby-hukou")
        called = hall.queue.call_next(1)
        clock.set_now(clock.now() + timedelta(minutes=minutes))
        hall.queue.finish(called.number, 1)
    hall.queue.take("baby-hukou")
    assert hall.queue.take("baby-hukou").wait_minutes == 5  # one ahead: the line's minutes read, 4 and 6
    reads = []
    real = tickets.Ticket.select
    monkeypatch.setattr(tickets.Ticket, "select", lambda *a, **k: reads.append(a) or real(*a, **k))
    called = hall.queue.call_next(1)
    clock.set_now(clock.now() + timedelta(minutes=11))
    hall.queue.finish(called.number, 1)  # today's number: the hand-written finish
    later = hall.queue.take("baby-hukou")
    assert reads == []
    assert later.ahead == 1 and later.wait_minutes == 6  # median of 4, 6, 11
