"""A booking code cannot be guessed by trying: unknown codes on ``/book/{code}``, its
cancel and the kiosk's check-in count against the one limit tracking codes use; a
right code never counts, refused for its time or not — on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.appointments.booking import AppointmentRefused, unknown_code
from models.errors import Refused
from models.queue import tracking
from models.throttle import LookupPaused, Throttle
from tests.appointments.conftest import TUESDAY, at
from tests.appointments.test_kiosk_check_in import booked
from tests.kiosk.conftest import make_kiosk, on_screen, screen_text, tap, wait_for

WRONG = tracking.display(tracking.new_code())  # well formed, nobody's booking


def test_only_refusals_saying_no_such_booking_count(booking):
    code = booked(booking)
    throttle = Throttle()
    at(TUESDAY, 8, 0)
    for _ in range(8):  # too early, again and again: a right code is no guess
        with pytest.raises(AppointmentRefused) as early:
            throttle.lookup(code, lambda: booking.appointments.check_in(code), counts=unknown_code)
        assert early.value.key == "too_early"
    assert throttle.remaining(code) == 0
    for _ in range(5):
        with pytest.raises(AppointmentRefused):
            throttle.lookup(WRONG, lambda: booking.appointments.check_in(WRONG), counts=unknown_code)
    with pytest.raises(LookupPaused):
        throttle.lookup(WRONG, lambda: booking.appointments.check_in(WRONG), counts=unknown_code)
    assert unknown_code(AppointmentRefused("bad_code", code="x"))
    assert not unknown_code(Refused("bad_tracking_code", code="x"))  # not the booking's own words


@pytest.fixture
def web(booking):
    from fastapi.testclient import TestClient

    from web.app import create_app

    booking.config = replace(
        booking.config, web=replace(booking.config.web, proxies=("testclient",), unknown_per_client=3)
    )
    with TestClient(create_app(booking), base_url="http://hall.test") as client:
        yield client


GUESSER, RESIDENT = {"X-Forwarded-For": "10.0.0.1"}, {"X-Forwarded-For": "10.0.0.2"}


def test_guessing_booking_pages_pauses_the_guesser_not_the_resident(web, booking):
    code = booked(booking)
    for _ in range(3):
        assert web.get(f"/book/{WRONG}", headers=GUESSER).status_code == 400
    paused = web.get(f"/book/{WRONG}", headers=GUESSER)
    assert paused.status_code == 429 and int(paused.headers["retry-after"]) >= 1
    assert web.get(f"/book/{code}", headers=GUESSER).status_code == 429  # this client waits, whatever it asks
    assert web.get(f"/api/track/{WRONG}", headers=GUESSER).status_code == 429  # one limit with tracking codes
    for _ in range(5):  # the resident's right code, as often as they like
        assert web.get(f"/book/{code}", headers=RESIDENT).status_code == 200


def test_wrong_codes_at_cancel_count_too(web, booking):
    for _ in range(3):
        assert web.post(f"/book/{WRONG}/cancel", data={"csrf": "x"}, headers=GUESSER).status_code == 400
    assert web.post(f"/book/{WRONG}/cancel", data={"csrf": "x"}, headers=GUESSER).status_code == 429
    assert web.get("/book/nonsense", headers=RESIDENT).status_code in (400, 404)


def test_tracking_guesses_pause_booking_lookups_of_the_same_client(web, booking):
    code = booked(booking)
    for _ in range(3):
        assert web.get(f"/api/track/{WRONG}", headers=GUESSER).status_code == 404
    assert web.get(f"/book/{code}", headers=GUESSER).status_code == 429
    assert web.get(f"/book/{code}", headers=RESIDENT).status_code == 200


async def test_the_kiosk_counts_wrong_booking_codes_and_lets_the_right_one_in(booking):
    code = booked(booking)
    at(TUESDAY, 8, 50)
    app = make_kiosk(booking, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#check-in")
        await on_screen(pilot, "CheckInScreen")
        for attempt in range(5):
            await pilot.press(*["backspace"] * 20, *WRONG, "enter")
            await wait_for(pilot, lambda: "没有找到预约码" in screen_text(app))
            await wait_for(pilot, lambda: not app.screen.busy)
            at(TUESDAY, 8, 50, attempt + 1)
        await pilot.press(*["backspace"] * 20, *WRONG, "enter")
        await wait_for(pilot, lambda: "秒再试" in screen_text(app))
        await wait_for(pilot, lambda: not app.screen.busy)
        await pilot.press(*["backspace"] * 20, *code, "enter")  # the next resident's right code is not held up
        await wait_for(pilot, lambda: "A001" in screen_text(app))
