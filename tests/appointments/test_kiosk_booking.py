"""预约 at the kiosk: from the home screen or an item's notice, a day and a slot by taps, the
phone on a digits-only keypad, then the booking code, its QR and the time to come; a refusal
said in one sentence — at 80×24 and the kiosk's size, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.schema.appointments import Appointment
from shared_ui.words import tr
from tests.appointments.conftest import ITEM, PHONE, TUESDAY
from tests.kiosk.conftest import SIZES, make_kiosk, on_screen, screen_text, tap, tap_tile, wait_for

COMBOS = [
    pytest.param("small", "zh", id="80x24-zh"),
    pytest.param("small", "en", id="80x24-en"),
    pytest.param("kiosk", "zh", id="120x40-zh"),
    pytest.param("kiosk", "en", id="120x40-en"),
]
LINE = "jisheng"
SHOTS = Path("/tmp") / "kiosk-booking-shots"


async def to_booking(pilot, *, from_home: bool = True) -> None:
    """Home → 预约 (or 办事指南) → the line → the item's notice → 预约."""
    app = pilot.app
    await on_screen(pilot, "HomeScreen")
    await tap(pilot, "#book" if from_home else "#guide")
    await on_screen(pilot, "LinesScreen")
    await tap_tile(pilot, f"line-{LINE}")
    await on_screen(pilot, "ItemsScreen")
    await tap_tile(pilot, f"item-{ITEM}")
    await on_screen(pilot, "ItemDetailScreen")
    await wait_for(pilot, lambda: not app.screen.query_one("#book").disabled)
    await tap(pilot, "#book")
    await on_screen(pilot, "BookScreen")
    await wait_for(pilot, lambda: app.screen.query(".day"))


async def type_phone(pilot, phone: str) -> None:
    for digit in phone:
        await tap(pilot, f"#key-{digit}")


def shot(app, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    (SHOTS / f"{name}.svg").write_text(app.export_screenshot())


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_booking_at_the_kiosk_gives_the_code_its_qr_and_the_time_to_come(booking, size, lang):
    app = make_kiosk(booking, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await to_booking(pilot)
        shot(app, f"days-{size}-{lang}")
        assert tr("kiosk_book.choose_day") in screen_text(app)
        await tap(pilot, f"#day-{TUESDAY:%Y%m%d}")
        await wait_for(pilot, lambda: app.screen.query("#slot-0800"))
        shot(app, f"slots-{size}-{lang}")
        await tap(pilot, "#slot-0800")
        await wait_for(pilot, lambda: app.screen.query_one("#keypad").display)
        assert not app.screen.query("#key-A").first().display  # digits only
        await type_phone(pilot, PHONE)
        await wait_for(pilot, lambda: PHONE in screen_text(app))
        shot(app, f"phone-{size}-{lang}")
        await tap(pilot, "#confirm")
        await wait_for(pilot, lambda: Appointment.select().count() == 1 and app.screen.query("#booked-qr-code"))
        made = Appointment.get()
        assert made.channel == "kiosk" and made.phone == PHONE and made.slot == "08:00"
        words = screen_text(app)
        assert tr("kiosk_book.done_title") in words
        assert "07:45" in words and "08:10" in words and "138****5678" in words and PHONE not in words
        assert app.screen.query_one("#booked-code").text.replace("-", "") == made.code
        shot(app, f"booked-{size}-{lang}")


async def test_from_the_notice_and_back_and_a_short_phone_is_said(booking):
    app = make_kiosk(booking, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_booking(pilot, from_home=False)
        await tap(pilot, f"#day-{TUESDAY:%Y%m%d}")
        await wait_for(pilot, lambda: app.screen.query("#slot-0800"))
        await tap(pilot, "#change")  # back to the days
        await wait_for(pilot, lambda: tr("kiosk_book.choose_day") in screen_text(app))
        await tap(pilot, f"#day-{TUESDAY:%Y%m%d}")
        await wait_for(pilot, lambda: app.screen.query("#slot-0800"))
        await tap(pilot, "#slot-0800")
        await type_phone(pilot, "1381")
        await tap(pilot, "#confirm")
        await wait_for(pilot, lambda: tr("kiosk_book.bad_phone") in screen_text(app))
        assert Appointment.select().count() == 0
        await tap(pilot, "#back")
        await on_screen(pilot, "ItemDetailScreen")


async def test_a_refusal_of_the_models_is_one_sentence(booking):
    from models.appointments.booking import AppointmentRefused

    first, second, third = [slot.start for slot in booking.appointments.slots(ITEM, TUESDAY).slots[:3]]
    booking.appointments.book(ITEM, TUESDAY, f"{first:%H:%M}", PHONE)
    booking.appointments.book(ITEM, TUESDAY, f"{second:%H:%M}", PHONE)  # two open bookings: the limit per phone
    refusal = AppointmentRefused("too_many_open", limit=booking.config.appointments.open_per_phone).message("zh")
    app = make_kiosk(booking, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_booking(pilot)
        await tap(pilot, f"#day-{TUESDAY:%Y%m%d}")
        await wait_for(pilot, lambda: app.screen.query(f"#slot-{third:%H%M}"))
        await tap(pilot, f"#slot-{third:%H%M}")
        await type_phone(pilot, PHONE)
        await tap(pilot, "#confirm")
        await wait_for(pilot, lambda: refusal in screen_text(app))
        assert Appointment.select().count() == 2 and not app.screen.query_one("#confirm").disabled


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
async def test_the_notice_keeps_every_button_whole_at_80_columns(booking, lang, large):
    from textual.geometry import Region

    from tests.kiosk.conftest import open_item

    app = make_kiosk(booking, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        if large:
            await tap(pilot, "#large")
            await wait_for(pilot, lambda: app.large and app.screen.query("#take"))
        await open_item(pilot, "guide", LINE, ITEM)
        await on_screen(pilot, "ItemDetailScreen")
        await wait_for(pilot, lambda: app.screen.info is not None)
        await pilot.pause()
        for button in ("#book", "#take-ticket", "#next", "#back", "#home"):
            region = app.screen.query_one(button).region
            assert region.width > 0 and Region(0, 0, 80, 24).contains_region(region), button


async def test_changing_the_slot_from_the_phone_shows_the_same_days_slots_again(booking):
    app = make_kiosk(booking, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_booking(pilot)
        await tap(pilot, f"#day-{TUESDAY:%Y%m%d}")
        await wait_for(pilot, lambda: app.screen.query("#slot-0800"))
        await tap(pilot, "#slot-0800")
        await type_phone(pilot, "138")
        await tap(pilot, "#change")  # 换时段: the same buttons (and ids) again
        await wait_for(pilot, lambda: app.screen.step == "slots" and app.screen.query("#slot-0900"))
        await tap(pilot, "#slot-0900")
        await wait_for(pilot, lambda: "09:00" in screen_text(app) and "138" in screen_text(app))
