"""Appointments in the reports: booked, kept, no-show, cancelled, and booked residents'
waits beside walk-ins' — in the models and on the terminal's reports screen."""

from __future__ import annotations

from datetime import timedelta

from models import clock
from shared_ui.words import tr
from tests.appointments.conftest import ITEM, MONDAY, TUESDAY, at, with_rules
from tests.staff.helpers import add_people, make_app, screen_text, shift_for, wait_for


def a_day_of_bookings(hall) -> None:
    """Four bookings on Tuesday: one kept and called at once, one late, one missed, one cancelled;
    a walk-in who waited 20 minutes."""
    at(MONDAY, 9)
    codes = [
        hall.appointments.book(ITEM, TUESDAY, s, f"1390000{i:04d}").code
        for i, s in enumerate(("09:00", "09:15", "09:30", "09:45"))
    ]
    hall.appointments.cancel(codes[3])
    at(TUESDAY, 8, 40)
    walk_in = hall.queue.take(ITEM).number
    at(TUESDAY, 8, 55)
    kept = hall.appointments.check_in(codes[0]).ticket.number
    at(TUESDAY, 9, 0)
    hall.queue.call_next(1)  # the booked resident, at the slot's start: no wait
    hall.queue.finish(kept, 1)
    clock.set_now(clock.now() + timedelta(seconds=1))
    assert hall.queue.call_next(1).number == walk_in  # 20 minutes after the ticket
    at(TUESDAY, 9, 30)
    hall.appointments.check_in(codes[1])  # 15 minutes after 09:15: an ordinary ticket
    at(TUESDAY, 9, 41)  # 09:30's check-in has closed


def test_the_counts_and_the_waits_side_by_side(booking):
    hall = with_rules(booking, share_percent=100, open_per_phone=5)
    a_day_of_bookings(hall)
    report = hall.appointments.report(TUESDAY)
    assert (report.booked, report.kept, report.no_show, report.cancelled, report.still_open) == (4, 2, 1, 1, 0)
    assert report.booked_waits.count == 1 and report.booked_waits.median_minutes == 0.0
    assert report.walk_in_waits.count == 1 and report.walk_in_waits.median_minutes == 20.0
    assert report.as_dict()["walk_in_waits"]["median_minutes"] == 20.0


async def test_the_reports_screen_shows_them(booking):
    add_people()
    hall = with_rules(booking, share_percent=100, open_per_phone=5)
    a_day_of_bookings(hall)
    app = make_app(hall, shift=shift_for("L01", 1), live=False)
    async with app.run_test(size=(100, 80)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="the queue")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: tr("staff_ui.appointments.count_kept") in screen_text(app), what="report")
        words = screen_text(app)
        assert tr("staff_ui.appointments.col_walk_in") in words and tr("staff_ui.appointments.wait_count") in words
