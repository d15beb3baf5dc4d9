"""Checks on whereabouts and A/B cover that the multi-day tests share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

DAY_START_STATES = ("not_in", "leave", "resting")


def expected_cover(holders_a, holders_b, states) -> str | None:
    """The A/B rule, written out plainly: an A on duty covers, else a B on duty, else nobody."""
    if any(states[h] == "on_duty" for h in holders_a):
        return "A"
    if any(states[h] == "on_duty" for h in holders_b):
        return "B"
    return None


def check_cover(where) -> None:
    """Every window's cover is what the A/B rule makes of the board's states; nobody → paused."""
    states = {p.staff: p.state for p in where.board().people}
    for cover in where.window_cover():
        a, b = [h.staff for h in cover.a], [h.staff for h in cover.b]
        assert [h.state for h in cover.a + cover.b] == [states[c] for c in a + b]
        assert cover.cover == expected_cover(a, b, states), (cover.window, states)


def check_day_start(hall, day: date, on_leave: Callable[[str, date], bool]) -> None:
    """Before anyone comes in: everyone is 未到岗, or 请假 on a leave day, or 休息 when the hall
    is closed and the roster does not name them; nobody is overdue, no window is covered."""
    where = hall.whereabouts
    working = hall.calendar.is_working_day(day)
    rostered = set(hall.duty.on_duty(day).people)
    board = where.board()
    assert board.overdue == (), day
    for person in board.people:
        if on_leave(person.staff, day):
            want = "leave"
        elif not working and person.staff not in rostered:
            want = "resting"
        else:
            want = "not_in"
        assert person.state == want, (day, person.staff, person.state)
        assert person.state in DAY_START_STATES
    assert all(c.cover is None for c in where.window_cover()), day
    check_cover(where)
