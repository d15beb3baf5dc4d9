"""Someone took the last place of the chosen slot meanwhile: the kiosk's booking screen and the
web's ``/book`` read the slots again and say so in one sentence — the stale list is not left."""

from __future__ import annotations

import re

import pytest

from models.schema.appointments import Appointment
from shared_ui.words import tr
from tests.appointments.conftest import ITEM, PHONE, TUESDAY
from tests.appointments.test_kiosk_booking import to_booking, type_phone
from tests.kiosk.conftest import SIZES, make_kiosk, screen_text, tap, wait_for

OTHER = "13900000000"
COMBOS = [pytest.param("small", "zh", id="80x24-zh"), pytest.param("kiosk", "en", id="120x40-en")]


@pytest.mark.parametrize("size,lang", COMBOS)
async def test_the_kiosk_reloads_the_slots_and_says_so(booking, size, lang):
    app = make_kiosk(booking, lang)
    async with app.run_test(size=SIZES[size]) as pilot:
        await to_booking(pilot)
        await tap(pilot, f"#day-{TUESDAY:%Y%m%d}")
        await wait_for(pilot, lambda: app.screen.query("#slot-0800"))
        await tap(pilot, "#slot-0800")
        await type_phone(pilot, PHONE)
        booking.appointments.book(ITEM, TUESDAY, "08:00", OTHER)  # the last place, from the web meanwhile
        await tap(pilot, "#confirm")
        await wait_for(pilot, lambda: tr("kiosk_book.full_reloaded") in screen_text(app))
        assert app.screen.step == "slots" and not app.screen.query("#slot-0800") and app.screen.query(".slot")
        assert not app.screen.query_one("#confirm").display
        await tap(pilot, "#slot-0900")  # the number typed is kept
        await wait_for(pilot, lambda: PHONE in screen_text(app))
        await tap(pilot, "#confirm")
        await wait_for(pilot, lambda: Appointment.select().count() == 2 and app.screen.query("#booked-qr-code"))
    assert Appointment.get(Appointment.phone == PHONE).slot == "09:00"


@pytest.fixture
def client(booking):
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(booking), base_url="http://hall.test") as client:
        yield client


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_web_reloads_the_slots_and_says_so(client, booking, lang):
    from models.i18n import t

    query = {"item": ITEM, "day": "2026-11-24", **({"lang": "en"} if lang == "en" else {})}
    slots = client.get("/book", params=query).text
    assert 'value="08:00"' in slots
    token = re.search(r'name="csrf" value="([^"]+)"', slots).group(1)
    booking.appointments.book(ITEM, TUESDAY, "08:00", OTHER)  # meanwhile, the last place
    form = {"csrf": token, "item": ITEM, "day": "2026-11-24", "time": "08:00", "phone": PHONE}
    answer = client.post("/book" + ("?lang=en" if lang == "en" else ""), data=form, follow_redirects=True)
    page = answer.text
    sentence = t("web_book.full_reloaded", lang)
    assert answer.status_code == 200 and sentence.replace("'", "&#39;") in page
    assert 'value="08:00"' not in page and 'value="09:00"' in page  # the slots as they are now
    assert Appointment.select().count() == 1
