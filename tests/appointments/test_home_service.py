"""上门服务: booked like an appointment (the address kept for the worker), assigned by a
leader, on the worker's day, 走访 on the whereabouts board without the address, the
case opened at the home with channel 上门 — on both backends."""

from __future__ import annotations

import json

import pytest

from models.appointments import AppointmentRefused
from models.plain_text import TextRefused
from models.schema import CaseRecord
from models.schema.appointments import Appointment, AppointmentRecord
from models.staff import add_staff
from tests.appointments.conftest import ITEM, MONDAY, PHONE, TUESDAY, at

ADDRESS = "幸福小区3号楼2单元501"


@pytest.fixture
def people(booking):
    add_staff("S01", "张一", "1234", posts=[(1, "A")])
    add_staff("S02", "王二", "1234", posts=[(1, "B")])
    add_staff("L01", "刘站长", "1234", role="leader")
    return booking


def refusal(call) -> str:
    with pytest.raises(AppointmentRefused) as caught:
        call()
    return caught.value.key


def test_a_home_visit_from_booking_to_the_case(people):
    home = people.home_visits
    visit = home.book(ITEM, TUESDAY, "14:00", PHONE, ADDRESS, channel="phone", staff="S02")
    made = visit.booking
    assert visit.worker_name is None and made.worker is None  # no areas: the leader chooses
    assert made.kind == "home" and made.phone == "138****5678"
    assert ADDRESS not in json.dumps(made.as_dict(), ensure_ascii=False)
    listed = people.appointments.day_list(TUESDAY)
    assert ADDRESS not in json.dumps([b.as_dict() for b in listed], ensure_ascii=False)
    assert refusal(lambda: home.assign(made.code, "S01", leader="S02")) == "leader_assigns"
    home.assign(made.code, "S01", leader="L01")
    day = home.day_of("S01", TUESDAY)
    assert [v.booking.code for v in day] == [made.code] and day[0].booking.worker == "S01"
    assert refusal(lambda: home.address_for(made.code, "S02")) == "not_your_visit"
    assert home.address_for(made.code, "S01") == ADDRESS
    at(TUESDAY, 13, 50)
    home.set_out(made.code, "S01")
    board = json.dumps(people.whereabouts.board(), ensure_ascii=False, default=str)
    assert "visiting" in board and "婴儿入户" in board and ADDRESS not in board
    at(TUESDAY, 14, 20)
    assert people.appointments.sweep() == 0  # a home visit is no hall no-show
    facts = home.open_case(made.code, "S01", result="已上门办理")
    assert CaseRecord.get(CaseRecord.number == facts.number).channel == "home"
    assert Appointment.get().status == "visited"
    kinds = [r.kind for r in AppointmentRecord.select().order_by(AppointmentRecord.id)]
    assert kinds == ["booked", "assigned", "address_shown", "visited"]
    assert refusal(lambda: people.appointments.check_in(made.code)) == "home_no_check_in"


def test_home_visit_refusals(people):
    home = people.home_visits
    assert refusal(lambda: home.book(ITEM, TUESDAY, "14:00", PHONE, "", channel="phone", staff="S02")) == (
        "address_needed"
    )
    assert refusal(lambda: home.book(ITEM, TUESDAY, "12:00", PHONE, ADDRESS, channel="web", staff=None)) == (
        "no_such_slot"
    )
    assert refusal(lambda: home.book(ITEM, TUESDAY, "14:00", PHONE, ADDRESS, channel="letter", staff=None)) == (
        "clerk_needed"
    )
    with pytest.raises(TextRefused):
        home.book(ITEM, TUESDAY, "14:00", PHONE, "楼\x1b[2J", channel="web", staff=None)
    at(MONDAY, 17, 0)
    assert refusal(lambda: home.book(ITEM, TUESDAY, "14:00", PHONE, ADDRESS, channel="web", staff=None)) == "cutoff"
