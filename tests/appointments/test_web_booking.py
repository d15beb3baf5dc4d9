"""``/book`` on a resident's phone: item, day, slot and phone, then the booking's page
with its code, QR, the time to come and the item's whole 一次性告知; cancelling;
refusals said on the page; the form's CSRF token — on both backends."""

from __future__ import annotations

import re
from datetime import date

import pytest

from models.i18n import t
from models.schema.appointments import Appointment
from tests.appointments.conftest import ITEM, PHONE
from tests.web.conftest import materials


@pytest.fixture
def client(booking):
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(booking), base_url="http://hall.test") as client:
        yield client


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_booking_on_the_web_from_item_to_code(client):
    page = client.get("/book").text
    assert "婴儿入户" in page and 'name="item"' in page
    days = client.get("/book", params={"item": ITEM}).text
    assert 'value="2026-11-24"' in days and "11月24日" in days
    slots = client.get("/book", params={"item": ITEM, "day": "2026-11-24"})
    assert 'value="08:00"' in slots.text
    form = {"csrf": csrf(slots.text), "item": ITEM, "day": "2026-11-24", "time": "08:00", "phone": PHONE}
    answer = client.post("/book", data=form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/book/")
    shown = client.get(answer.headers["location"]).text
    code = re.search(r'id="booking-code" class="code">([^<]+)<', shown).group(1)
    assert Appointment.get().channel == "web" and code.replace("-", "") == Appointment.get().code
    assert "<svg" in shown and "07:45" in shown and "08:10" in shown  # the QR and the time to come
    assert all(material in shown for material in materials(ITEM))  # the complete 一次性告知
    assert "138****5678" in shown and PHONE not in shown
    cancelled = client.post(f"/book/{code}/cancel", data={"csrf": csrf(shown)}, follow_redirects=True)
    assert cancelled.status_code == 200 and "已取消" in cancelled.text and "<svg" not in cancelled.text
    assert Appointment.get().status == "cancelled"


def test_a_refusal_is_said_on_the_slots_page(client, booking):
    booking.appointments.book(ITEM, date(2026, 11, 24), "08:00", "13900000000")
    slots = client.get("/book", params={"item": ITEM, "day": "2026-11-24"}).text
    assert 'value="08:00"' not in slots  # the full slot is not offered
    form = {"csrf": csrf(slots), "item": ITEM, "day": "2026-11-24", "time": "08:00", "phone": PHONE}
    answer = client.post("/book", data=form, follow_redirects=True)
    assert "约满" in answer.text and Appointment.select().count() == 1
    stale = client.post("/book", data={**form, "csrf": "forged"}, follow_redirects=True)
    assert Appointment.select().count() == 1 and t("web_book.bad_form", "zh") in stale.text
    assert client.get("/book/XXXX").status_code == 400
    english = client.get("/book", params={"item": ITEM, "day": "2026-11-28", "lang": "en"}).text
    assert "The hall is closed on 11/28" in english
