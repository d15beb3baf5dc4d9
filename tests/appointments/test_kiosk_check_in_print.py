"""A 预约签到 that gives a ticket prints it as taking a ticket does (the same screen, the
same printing), or says to note the number and the code; the same check-in again is
shown, not printed twice — at 80×24 and the kiosk's size, in both languages."""

from __future__ import annotations

import pytest

from models.schema import Event, Ticket
from shared_ui.words import tr
from tests.appointments.conftest import ITEM, PHONE, TUESDAY, at
from tests.kiosk.conftest import SIZES, make_kiosk, on_screen, screen_text, tap, wait_for
from tests.kiosk.test_printing import BrokenPrinter

COMBOS = [pytest.param("small", "zh", id="80x24-zh"), pytest.param("kiosk", "en", id="120x40-en")]


def booked(hall) -> str:
    at(TUESDAY.replace(day=23), 9)
    code = hall.appointments.book(ITEM, TUESDAY, "09:00", PHONE).code
    at(TUESDAY, 8, 50)
    return code


async def check_in(pilot, code: str) -> None:
    await tap(pilot, "#check-in")
    await on_screen(pilot, "CheckInScreen")
    await pilot.press(*code, "enter")
    await on_screen(pilot, "TicketScreen")


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_a_check_in_prints_its_ticket_when_there_is_a_printer(booking, printed, size, lang):
    code = booked(booking)
    app = make_kiosk(booking, lang, printer="dummy")
    async with app.run_test(size=SIZES[size]) as pilot:
        await check_in(pilot, code)
        await wait_for(pilot, lambda: tr("kiosk.printed") in screen_text(app))
        words = screen_text(app)
        assert tr("kiosk.ticket_title") in words and tr("appointment.mark") in words
        app.export_screenshot()
    ticket = Ticket.get()
    assert len(printed) == 1
    out = printed[0].output
    assert b"A001" in out and ticket.tracking_code[:4].encode() in out and b"\x1dV" in out


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_without_a_printer_the_number_and_code_are_to_be_noted(booking, size, lang):
    code = booked(booking)
    app = make_kiosk(booking, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await check_in(pilot, code)
        await wait_for(pilot, lambda: app.screen.receipt.tracking_code in screen_text(app))
        words = screen_text(app)
        assert tr("kiosk.ticket_title_keep") in words and "A001" in words
        if lang == "zh":
            assert "请记下或拍下您的号码和查询码" in words


async def test_checking_in_again_shows_the_ticket_without_printing_it_twice(booking, printed):
    code = booked(booking)
    app = make_kiosk(booking, "zh", printer="dummy")
    async with app.run_test(size=(80, 24)) as pilot:
        await check_in(pilot, code)
        await wait_for(pilot, lambda: tr("kiosk.printed") in screen_text(app))
        await tap(pilot, "#done")
        await on_screen(pilot, "HomeScreen")
        await check_in(pilot, code)
        await wait_for(pilot, lambda: "您已签到过了" in screen_text(app))
        assert "A001" in screen_text(app) and tr("kiosk.printing") not in screen_text(app)
    assert len(printed) == 1 and Ticket.select().count() == 1


async def test_a_failed_print_keeps_the_checked_in_ticket_and_tells_everyone(booking, monkeypatch):
    import shared_ui.printing as printing

    monkeypatch.setattr(printing, "open_printer", lambda spec: BrokenPrinter())
    code = booked(booking)
    app = make_kiosk(booking, "zh", printer="dummy")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await check_in(pilot, code)
        await wait_for(pilot, lambda: "号票未能打印" in screen_text(app))
        assert "A001" in screen_text(app)
    assert Ticket.get().status == "waiting"
    assert Event.get(Event.kind == "kiosk.print_failed").data["number"] == "A001"
