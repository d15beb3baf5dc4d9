"""The kiosk's booking prints a slip when a printer is configured, as a ticket prints: code,
QR, item, day and time to come, where the 一次性告知 is — no phone; 「请取走」 only after the
print succeeded; without a printer (or when it fails) the code is to be noted or photographed —
at 80×24 and the kiosk's size, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.schema import Event
from models.schema.appointments import Appointment
from shared_ui.words import tr
from tests.appointments.conftest import PHONE, TUESDAY
from tests.appointments.test_kiosk_booking import to_booking, type_phone
from tests.kiosk.conftest import SIZES, make_kiosk, screen_text, tap, wait_for
from tests.kiosk.test_printing import BrokenPrinter

COMBOS = [
    pytest.param("small", "zh", id="80x24-zh"),
    pytest.param("small", "en", id="80x24-en"),
    pytest.param("kiosk", "zh", id="120x40-zh"),
    pytest.param("kiosk", "en", id="120x40-en"),
]
SHOTS = Path("/tmp") / "kiosk-booking-shots"


async def book_at_the_kiosk(pilot) -> None:
    app = pilot.app
    await to_booking(pilot)
    await tap(pilot, f"#day-{TUESDAY:%Y%m%d}")
    await wait_for(pilot, lambda: app.screen.query("#slot-0800"))
    await tap(pilot, "#slot-0800")
    await type_phone(pilot, PHONE)
    await tap(pilot, "#confirm")
    await wait_for(pilot, lambda: Appointment.select().count() == 1 and app.screen.query("#booked-qr-code"))


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_a_booking_prints_its_slip_when_there_is_a_printer(booking, printed, size, lang):
    app = make_kiosk(booking, lang, printer="dummy")
    async with app.run_test(size=SIZES[size]) as pilot:
        await book_at_the_kiosk(pilot)
        await wait_for(pilot, lambda: tr("kiosk_book.printed") in screen_text(app))
        words = screen_text(app)
        assert tr("kiosk_book.done_title_print") in words and tr("kiosk_book.done_title") not in words
        SHOTS.mkdir(exist_ok=True)
        (SHOTS / f"printed-{size}-{lang}.svg").write_text(app.export_screenshot())
    made = Appointment.get()
    assert len(printed) == 1
    out = printed[0].output
    code = f"{made.code[:4]}-{made.code[4:8]}-{made.code[8:]}"
    assert code.encode() in out and b"08:00" in out and b"07:45" in out and b"\x1dV" in out  # code, time, cut
    assert len(out) > 500  # the QR image
    notice = "一次性告知".encode("gb18030") if lang == "zh" else b"One-time notice"
    assert notice in out  # where the item's whole notice is read
    assert PHONE.encode() not in out and b"5678" not in out  # no personal data


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_without_a_printer_the_code_is_to_be_noted(booking, size, lang):
    app = make_kiosk(booking, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await book_at_the_kiosk(pilot)
        words = screen_text(app)
        assert tr("kiosk_book.done_title") in words and tr("kiosk_book.printing") not in words
        if lang == "zh":
            assert "请记下或拍下预约码" in words


async def test_a_failed_print_keeps_the_booking_and_tells_everyone(booking, monkeypatch):
    import shared_ui.printing as printing

    monkeypatch.setattr(printing, "open_printer", lambda spec: BrokenPrinter())
    app = make_kiosk(booking, "zh", printer="dummy")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await book_at_the_kiosk(pilot)
        await wait_for(pilot, lambda: "预约凭条未能打印" in screen_text(app))
        assert tr("kiosk_book.done_title") in screen_text(app) and tr("kiosk_book.printed") not in screen_text(app)
    made = Appointment.get()
    assert made.status == "booked"
    event = Event.get(Event.kind == "kiosk.print_failed")
    assert event.data["number"].replace("-", "") == made.code and event.data["what"] == "booking"
