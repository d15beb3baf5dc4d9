"""Booking and cancelling: the code, the masked phone, the channel and its clerk,
the last place, the per-phone limit, no-shows and the bar after them, the
append-only history — on both backends."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from peewee import DatabaseError

from models.appointments import AppointmentRefused
from models.errors import NotFound
from models.queue import tracking
from models.schema.appointments import Appointment, AppointmentRecord, SlotTaken
from models.staff import add_staff
from tests.appointments.conftest import ITEM, PHONE, TUESDAY, at, with_rules


def refusal(call) -> str:
    with pytest.raises(AppointmentRefused) as caught:
        call()
    return caught.value.key


def test_a_booking_has_an_unguessable_code_and_a_masked_phone(booking):
    made = booking.appointments.book(ITEM, TUESDAY, "08:00", "138-1234-5678", channel="web")
    assert tracking.normalise(made.code) == tracking.normalise(made.code.lower().replace("-", ""))
    assert made.phone == "138****5678" and made.channel == "web" and made.status == "booked"
    assert (made.come_from, made.come_until) == ("07:45", "08:10")
    shown = json.dumps(made.as_dict(), ensure_ascii=False)
    listed = json.dumps([b.as_dict() for b in booking.appointments.day_list(TUESDAY)], ensure_ascii=False)
    assert PHONE not in shown and PHONE not in listed and "138****5678" in listed
    assert Appointment.get().phone == PHONE  # kept whole for the reminder, shown masked
    other = booking.appointments.book(ITEM, TUESDAY, "09:00", "13900000000")
    assert other.code != made.code


def test_the_channel_is_recorded_and_a_clerk_books_for_a_caller(booking):
    assert refusal(lambda: booking.appointments.book(ITEM, TUESDAY, "08:00", PHONE, channel="phone")) == "clerk_needed"
    assert refusal(lambda: booking.appointments.book(ITEM, TUESDAY, "08:00", PHONE, channel="fax")) == "bad_channel"
    with pytest.raises(NotFound):
        booking.appointments.book(ITEM, TUESDAY, "08:00", PHONE, channel="letter", staff="NOBODY")
    add_staff("S01", "张一", "1234", posts=[(1, "A")])
    made = booking.appointments.book(ITEM, TUESDAY, "08:00", PHONE, channel="letter", staff="S01")
    assert made.channel == "letter" and made.booked_by == "S01"
    record = AppointmentRecord.get()
    assert record.kind == "booked" and record.staff.code == "S01" and record.data["channel"] == "letter"


def test_bad_input_is_refused_in_a_sentence(booking):
    apps = booking.appointments
    assert refusal(lambda: apps.book(ITEM, TUESDAY, "08:00", "call me")) == "bad_phone"
    assert refusal(lambda: apps.book(ITEM, TUESDAY, "8点", PHONE)) == "bad_time"
    assert refusal(lambda: apps.book(ITEM, TUESDAY, "08:05", PHONE)) == "no_such_slot"
    assert refusal(lambda: apps.book(ITEM, date(2026, 11, 28), "08:00", PHONE)) == "closed"  # a Saturday
    assert refusal(lambda: apps.book(ITEM, date(2026, 12, 31), "08:00", PHONE)) == "beyond"
    assert refusal(lambda: apps.cancel("not a code")) == "bad_code"
    assert refusal(lambda: apps.cancel(tracking.display(tracking.new_code()))) == "unknown_code"
    error = AppointmentRefused("slot_full", day="11月24日", time="08:00")
    assert error.message("zh").startswith("11月24日 08:00") and "fully booked" in error.message("en")


def test_the_last_place_goes_once_and_a_cancel_frees_it(booking):
    apps = booking.appointments  # 08:00 holds one booked place
    first = apps.book(ITEM, TUESDAY, "08:00", PHONE)
    assert refusal(lambda: apps.book(ITEM, TUESDAY, "08:00", "13900000000")) == "slot_full"
    assert apps.slots(ITEM, TUESDAY).slots[0].free == 0
    apps.cancel(first.code)
    assert apps.slots(ITEM, TUESDAY).slots[0].free == 1
    assert apps.book(ITEM, TUESDAY, "08:00", "13900000000").status == "booked"
    assert refusal(lambda: apps.cancel(first.code)) == "not_open"  # cancelled once is cancelled
    assert SlotTaken.get().taken == 1


def test_open_bookings_per_phone(booking):
    hall = with_rules(booking, open_per_phone=2)
    apps = hall.appointments
    apps.book(ITEM, TUESDAY, "08:00", PHONE)
    second = apps.book(ITEM, TUESDAY, "09:00", PHONE)
    assert refusal(lambda: apps.book(ITEM, TUESDAY, "10:00", PHONE)) == "too_many_open"
    apps.book(ITEM, TUESDAY, "10:00", "13900000000")  # another phone is not held back
    apps.cancel(second.code)
    assert apps.book(ITEM, TUESDAY, "13:30", PHONE).status == "booked"


def test_a_booking_not_checked_in_becomes_a_no_show_and_frees_its_place(booking):
    apps = booking.appointments
    made = apps.book(ITEM, TUESDAY, "08:00", PHONE)
    at(TUESDAY, 8, 10)  # the last moment of the check-in
    assert apps.sweep() == 0 and apps.find(made.code).status == "booked"
    at(TUESDAY, 8, 10, 1)
    listed = apps.day_list(TUESDAY)
    assert [b.status for b in listed] == ["no_show"]
    assert SlotTaken.get().taken == 0
    assert [r.kind for r in AppointmentRecord.select().order_by(AppointmentRecord.id)] == ["booked", "no_show"]
    assert apps.sweep() == 0  # once


def test_no_shows_bar_the_phone_for_a_while(booking):
    hall = with_rules(booking, no_show_limit=2, refuse_days=30, open_per_phone=5)
    apps = hall.appointments
    for day in (date(2026, 11, 24), date(2026, 11, 25)):
        at(day - timedelta(days=1), 9)
        apps.book(ITEM, day, "08:00", PHONE)
    at(date(2026, 11, 26), 9)
    apps.sweep()
    assert apps.barred_until(PHONE) == date(2026, 12, 25)
    with pytest.raises(AppointmentRefused) as caught:
        apps.book(ITEM, date(2026, 11, 27), "08:00", PHONE)
    assert caught.value.key == "no_shows" and "12月25日" in caught.value.message("zh")
    apps.book(ITEM, date(2026, 11, 27), "08:00", "13900000000")
    at(date(2026, 12, 24), 9)
    assert apps.barred_until(PHONE) == date(2026, 12, 25)
    at(date(2026, 12, 25), 9)
    assert apps.barred_until(PHONE) is None
    assert apps.book(ITEM, date(2026, 12, 28), "08:00", PHONE).status == "booked"


def test_the_history_is_append_only(booking):
    apps = booking.appointments
    made = apps.book(ITEM, TUESDAY, "08:00", PHONE)
    apps.cancel(made.code)
    kinds = [r.kind for r in AppointmentRecord.select().order_by(AppointmentRecord.id)]
    assert kinds == ["booked", "cancelled"]
    with pytest.raises(DatabaseError):
        with booking.db.atomic():
            AppointmentRecord.update(kind="checked_in").execute()
    with pytest.raises(DatabaseError):
        with booking.db.atomic():
            AppointmentRecord.delete().execute()
