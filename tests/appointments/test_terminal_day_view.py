"""The staff terminal's day of bookings (Ctrl+B): due, checked in, late and no-show
per line, masked phones; booking for a caller in two short forms — at 80×24, in
both languages, on both backends."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from models.schema.appointments import Appointment
from shared_ui.words import tr
from tests.appointments.conftest import ITEM, MONDAY, PHONE, TUESDAY, at, with_rules
from tests.staff.helpers import add_people, make_app, screen_text, shift_for, wait_for


def a_morning_of_bookings(hall) -> None:
    """Tuesday 09:25: 08:00 not come (no-show), 09:00 checked in, 09:15 due, 09:30 due;
    a home visit at 14:00 assigned to S05."""
    at(MONDAY, 9)
    codes = {
        slot: hall.appointments.book(ITEM, TUESDAY, slot, f"1390000{i:04d}").code
        for i, slot in enumerate(("08:00", "09:00", "09:15", "09:30"))
    }
    visit = hall.home_visits.book(ITEM, TUESDAY, "14:00", "13900009999", "幸福小区3号楼", channel="phone", staff="S01")
    hall.home_visits.assign(visit.booking.code, "S05", leader="L01")
    at(TUESDAY, 8, 55)
    hall.appointments.check_in(codes["09:00"])
    at(TUESDAY, 9, 25)


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_todays_bookings_by_state(booking, language):
    add_people()
    hall = with_rules(booking, share_percent=100, open_per_phone=5)
    a_morning_of_bookings(hall)
    app = make_app(hall, shift=shift_for("S01", 1), language=language, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="the queue")
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: app.screen.name == "appointments" and "09:30" in screen_text(app), what="list")
        words = screen_text(app)
        for state in ("no_show", "checked_in", "due"):
            assert tr(f"appointment.state_{state}") in words
        assert "139****0001" in words and "13900000001" not in words
        assert "S05" in words and "幸福小区" not in words  # the home visit: its worker, never its address
        assert "1" in words and "2" in words  # the counts in the title
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="back to the queue")


async def test_booking_for_a_caller_in_a_few_keys(booking):
    add_people()
    at(MONDAY, 9)
    app = make_app(booking, shift=shift_for("S01", 1), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="the queue")
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: app.screen.name == "appointments" and app.screen.items, what="items")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen.query("#f-day"), what="item and day")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query("#f-phone"), what="the day's slots")
        app.screen.query_one("#f-phone", Input).focus()
        await pilot.press(*PHONE)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "appointments" and Appointment.select().count() == 1)
        made = Appointment.get()
        assert made.channel == "phone" and made.booked_by.code == "S01" and made.day == TUESDAY
        await wait_for(pilot, lambda: "已预约" in screen_text(app), what="said")
