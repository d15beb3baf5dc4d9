"""预约签到 at the kiosk: by the code typed on the keypad, and by the booking page's
QR scanned at home; too early and late are said in words — at 80×24 and the
kiosk's size, in both languages."""

from __future__ import annotations

import pytest

from models.schema.appointments import BookedTicket
from shared_ui.words import tr
from tests.appointments.conftest import ITEM, PHONE, TUESDAY, at
from tests.kiosk.conftest import SIZES, make_kiosk, on_screen, screen_text, tap, type_code, wait_for

COMBOS = [pytest.param("small", "zh", id="80x24-zh"), pytest.param("kiosk", "en", id="120x40-en")]


def booked(hall, slot: str = "09:00") -> str:
    at(TUESDAY.replace(day=23), 9)
    return hall.appointments.book(ITEM, TUESDAY, slot, PHONE).code


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_the_code_typed_gives_a_booked_ticket(booking, size, lang):
    code = booked(booking)
    at(TUESDAY, 8, 50)
    app = make_kiosk(booking, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await tap(pilot, "#check-in")
        await on_screen(pilot, "CheckInScreen")
        await type_code(pilot, code)
        await tap(pilot, "#search")
        await wait_for(pilot, lambda: BookedTicket.select().count() == 1 and "A001" in screen_text(app))
        words = screen_text(app)
        assert tr("appointment.mark") in words and "A001" in words
        app.export_screenshot()


async def test_the_booking_pages_qr_scanned_at_home_checks_in(booking):
    code = booked(booking)
    at(TUESDAY, 9, 5)
    app = make_kiosk(booking, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        await pilot.press(*f"https://hall.example.cn/book/{code}", "enter")
        await on_screen(pilot, "TicketScreen")  # by way of the check-in, looked up at once
        await wait_for(pilot, lambda: "签到成功" in screen_text(app))
        assert "A001" in screen_text(app)


async def test_too_early_and_late_are_said_kindly(booking):
    early, late = booked(booking, "09:00"), booked(booking, "08:00")
    at(TUESDAY, 8, 30)
    app = make_kiosk(booking, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#check-in")
        await on_screen(pilot, "CheckInScreen")
        await pilot.press(*early, "enter")
        await wait_for(pilot, lambda: "08:45 起可以签到" in screen_text(app))
        at(TUESDAY, 8, 30, 1)
        await tap(pilot, "#home")
        await tap(pilot, "#check-in")
        await on_screen(pilot, "CheckInScreen")
        await pilot.press(*late, "enter")
        await wait_for(pilot, lambda: "已为您取普通号" in screen_text(app))
        assert BookedTicket.select().count() == 0
