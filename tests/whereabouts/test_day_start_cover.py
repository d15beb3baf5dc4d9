"""The day's start for the windows: the first look at a new day (``Queue.today()``,
whoever looks first) pauses every window its people left covered yesterday,
once, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

from models import clock
from models.schema import CoverDayStart, Event, Window
from tests.whereabouts.conftest import at

MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


def paused(number: int) -> bool:
    return Window.get(Window.number == number).paused


def pauses(number: int) -> list[Event]:
    found = Event.select().where(Event.kind == "window.paused").order_by(Event.id)
    return [e for e in found if e.data.get("window") == number]


def test_a_window_left_covered_overnight_is_paused_by_the_first_look_at_the_next_day(people):
    hall = people
    at(MONDAY, 8, 0)
    hall.queue.today()
    hall.whereabouts.set_state("S01", "on_duty")  # window 1's A, and window 2's B
    hall.whereabouts.set_state("S03", "on_duty")  # window 2's A
    hall.whereabouts.set_state("S03", "resting")  # signs out: window 2 still has S01 as B
    at(MONDAY, 17, 30)
    assert not paused(1) and not paused(2)  # S01 never signs out
    at(TUESDAY, 7, 50)
    assert not paused(1)  # nothing has looked at Tuesday yet
    assert hall.queue.today() == TUESDAY
    assert paused(1) and paused(2) and not paused(3)  # window 3: nobody covered it yesterday either
    start = hall.whereabouts.days.day_start(clock.now())
    lost = Event.select().where((Event.kind == "cover.lost") & (Event.at >= start))
    assert sorted(e.data["window"] for e in lost) == [1, 2]
    (one,) = pauses(1)
    assert one.data["auto"] and one.data["staff"] is None
    # Once: a second look, another process's first look, and the A/B rule resumes as usual.
    hall.queue.today()
    assert hall.whereabouts.start_day(TUESDAY) == ()
    assert len(pauses(1)) == 1 and CoverDayStart.select().where(CoverDayStart.day == TUESDAY).count() == 1
    at(TUESDAY, 7, 55)
    change = hall.whereabouts.set_state("S01", "on_duty")
    assert set(change.resumed) == {1, 2} and not paused(1)


def test_two_first_looks_at_once_pause_each_window_once(people):
    hall = people
    at(MONDAY, 9, 0)
    hall.whereabouts.set_state("S01", "on_duty")
    hall.whereabouts.set_state("S04", "on_duty")
    at(TUESDAY, 8, 0)
    results, errors = [], []
    barrier = threading.Barrier(2)

    def look() -> None:
        try:
            barrier.wait()
            results.append(hall.whereabouts.start_day(TUESDAY))
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)
        finally:
            hall.db.close()

    threads = [threading.Thread(target=look) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results, key=len) == [(), (1, 2, 3)]
    assert [len(pauses(n)) for n in (1, 2, 3)] == [1, 1, 1]
