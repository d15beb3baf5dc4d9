"""Check-in by the booking code: its window's edges, a late resident's ordinary
ticket, and how booked residents are called beside walk-ins — on both backends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import clock
from models.appointments import AppointmentRefused
from models.schema import Ticket
from models.schema.appointments import AppointmentRecord, BookedTicket
from models.staff import add_staff
from tests.appointments.conftest import ITEM, PHONE, TUESDAY, at, with_rules


def booked(hall, slot: str, phone: str = PHONE) -> str:
    at(date(2026, 11, 23), 9)
    return hall.appointments.book(ITEM, TUESDAY, slot, phone).code


def test_check_in_opens_15_minutes_before(booking):
    code = booked(booking, "09:00")
    at(TUESDAY, 8, 44, 59)
    with pytest.raises(AppointmentRefused) as caught:
        booking.appointments.check_in(code)
    assert caught.value.key == "too_early" and "08:45" in caught.value.message("zh")
    at(TUESDAY, 8, 45)
    done = booking.appointments.check_in(code)
    assert done.outcome == "on_time" and done.booking.status == "checked_in"
    ticket = Ticket.get(Ticket.number == done.ticket.number)
    assert BookedTicket.get(BookedTicket.ticket == ticket.id).appointment.code == code.replace("-", "")
    again = booking.appointments.check_in(code.lower())  # a second scan: the same ticket
    assert again.outcome == "again" and again.ticket.number == done.ticket.number
    assert Ticket.select().count() == 1


def test_check_in_closes_10_minutes_after(booking):
    on_time, late = booked(booking, "09:00"), booked(booking, "10:00", "13900000000")
    at(TUESDAY, 9, 10)
    assert booking.appointments.check_in(on_time).outcome == "on_time"
    at(TUESDAY, 10, 10, 1)
    kindly = booking.appointments.check_in(late)
    assert kindly.outcome == "late" and kindly.booking.status == "late" and kindly.ticket is not None
    assert BookedTicket.select().count() == 1  # the late one's ticket is an ordinary one
    kinds = [r.kind for r in AppointmentRecord.select().order_by(AppointmentRecord.id)]
    assert kinds == ["booked", "booked", "checked_in", "no_show", "late"]


def test_check_in_on_another_day_or_after_cancelling(booking):
    code = booked(booking, "09:00")
    at(date(2026, 11, 23), 10)
    with pytest.raises(AppointmentRefused) as caught:
        booking.appointments.check_in(code)
    assert caught.value.key == "not_today"
    booking.appointments.cancel(code)
    at(TUESDAY, 9)
    with pytest.raises(AppointmentRefused) as caught:
        booking.appointments.check_in(code)
    assert caught.value.key == "cancelled"


def test_a_booked_resident_checks_in_outside_the_issuing_hours(hall, frozen_clock):
    from dataclasses import replace

    from models.config import TicketsConfig
    from models.hall import Hall

    real = Hall.wired(replace(hall.config, tickets=TicketsConfig()), hall.db, hall.url)
    code = booked(real, "08:00")
    at(TUESDAY, 7, 50)  # before the hall issues tickets
    assert real.appointments.check_in(code).outcome == "on_time"


def test_a_holiday_duty_booking_is_received_without_a_queue(booking):
    add_staff("S01", "张一", "1234", posts=[(1, "A")])
    at(date(2026, 11, 26), 9)
    code = booking.appointments.book(ITEM, date(2026, 11, 28), "09:00", PHONE).code  # Saturday duty
    at(date(2026, 11, 28), 8, 50)
    done = booking.appointments.check_in(code)
    assert done.outcome == "duty" and done.ticket is None and done.booking.out_of_hours


def _call_order(hall, window: int, count: int) -> list[str]:
    """The next ``count`` calls at ``window``, a second apart (the streak reads calls by their time)."""
    numbers = []
    for _ in range(count):
        clock.set_now(clock.now() + timedelta(seconds=1))
        called = hall.queue.call_next(window)
        hall.queue.finish(called.number, window)
        numbers.append(called.number)
    return numbers


def test_booked_residents_go_first_but_never_more_than_the_streak(booking):
    hall = with_rules(booking, share_percent=100, booked_streak=2, open_per_phone=5)
    codes = [booked(hall, slot, f"1390000000{i}") for i, slot in enumerate(("09:00", "09:15", "09:30"))]
    at(TUESDAY, 8, 50)
    walk_ins = [hall.queue.take(ITEM).number for _ in range(3)]
    window = hall.queue.windows_for_line(Ticket.get().line_id)[0].number
    booked_numbers = []
    for code, minute in zip(codes, (0, 5, 16), strict=True):  # each within its check-in
        at(TUESDAY, 9, minute)
        booked_numbers.append(hall.appointments.check_in(code).ticket.number)
    # Two booked in a row, then the walk-in waiting longest; the 09:30 booking is not due yet.
    assert _call_order(hall, window, 4) == [booked_numbers[0], booked_numbers[1], walk_ins[0], walk_ins[1]]
    at(TUESDAY, 9, 29, 59)
    assert _call_order(hall, window, 2) == [booked_numbers[2], walk_ins[2]]


def test_with_no_walk_in_waiting_the_booked_go_on(booking):
    hall = with_rules(booking, share_percent=100, booked_streak=1, open_per_phone=5)
    codes = [booked(hall, slot, f"1390000000{i}") for i, slot in enumerate(("09:00", "09:15"))]
    at(TUESDAY, 9, 5)
    numbers = [hall.appointments.check_in(code).ticket.number for code in codes]
    at(TUESDAY, 9, 15)
    window = hall.queue.windows_for_line(Ticket.get().line_id)[0].number
    assert _call_order(hall, window, 2) == numbers


def test_the_terminals_calling_order_is_the_call_order(booking):
    from models.queue.view import waiting_list

    hall = with_rules(booking, share_percent=100, booked_streak=1, open_per_phone=5)
    codes = [booked(hall, slot, f"1390000000{i}") for i, slot in enumerate(("09:00", "09:15"))]
    at(TUESDAY, 8, 50)
    walk_in = hall.queue.take(ITEM).number
    at(TUESDAY, 9, 5)
    first, second = (hall.appointments.check_in(code).ticket.number for code in codes)
    at(TUESDAY, 9, 15)
    window = hall.queue.windows_for_line(Ticket.get().line_id)[0].number
    for expected in (first, walk_in, second):
        listed = waiting_list(hall.queue.today(), window, in_calling_order=True, queue=hall.queue)
        assert listed[0].number == expected
        assert _call_order(hall, window, 1) == [expected]
