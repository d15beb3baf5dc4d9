"""A home visit goes to the worker of the household's area by default; the leader may choose
another; with no matching area the leader chooses — on both backends."""

from __future__ import annotations

import json

import pytest

from models.households import HouseholdRefused
from models.households.store import load_file
from models.schema import Staff
from models.schema.appointments import Appointment, AppointmentRecord
from tests.appointments.conftest import ITEM, PHONE, TUESDAY
from tests.visits.conftest import AREA_FILE, add_people


@pytest.fixture
def areas(booking, tmp_path):
    add_people()  # S01 works 第一网格 (幸福小区), S02 第二网格 (和平路8号), L01 the leader
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE, encoding="utf-8")
    load_file(str(path), "L01")
    return booking


def book(hall, address="", household=None, phone=PHONE):
    return hall.home_visits.book(
        ITEM, TUESDAY, "14:00", phone, address, channel="phone", staff="S02", household=household
    )


def test_a_household_goes_to_its_areas_worker(areas):
    visit = book(areas, household="g1-001")
    assert visit.booking.worker == "S01" and visit.worker_name == "张一"
    assert (visit.area, visit.area_name) == ("g1", "第一网格")
    assert [v.booking.code for v in areas.home_visits.day_of("S01", TUESDAY)] == [visit.booking.code]
    # The worker reads the household's whole address; no list or answer shows it.
    assert areas.home_visits.address_for(visit.booking.code, "S01") == "幸福小区3栋2单元501"
    assert "501" not in json.dumps(visit.as_dict(), ensure_ascii=False)
    record = AppointmentRecord.select().where(AppointmentRecord.kind == "assigned").get()
    assert record.staff_id is None and record.data == {"worker": "S01", "area": "g1"}


def test_an_address_in_an_area_goes_to_its_worker(areas):
    visit = book(areas, address="和平路8号3楼")
    assert visit.booking.worker == "S02" and visit.area == "g2"
    assert Appointment.get().address == "和平路8号3楼"


def test_the_leader_may_still_choose_another(areas):
    code = book(areas, household="g1-002").booking.code
    assert areas.home_visits.assign(code, "S02", leader="L01").worker == "S02"
    assert areas.home_visits.day_of("S01", TUESDAY) == []
    kinds = [r.kind for r in AppointmentRecord.select().order_by(AppointmentRecord.id)]
    assert kinds == ["booked", "assigned", "assigned"]


def test_no_matching_area_leaves_it_to_the_leader(areas):
    visit = book(areas, address="光明街12号")
    assert visit.booking.worker is None and visit.worker_name is None and visit.area == ""
    assert [r.kind for r in AppointmentRecord.select()] == ["booked"]
    assert areas.home_visits.assign(visit.booking.code, "S01", leader="L01").worker == "S01"


def test_an_area_whose_worker_left_leaves_it_to_the_leader(areas):
    Staff.update(active=False).where(Staff.code == "S01").execute()  # gone from the hall
    visit = book(areas, household="g1-003")
    assert visit.booking.worker is None and visit.area == ""


def test_an_unknown_household_is_refused_and_nothing_written(areas):
    with pytest.raises(HouseholdRefused):
        book(areas, household="g9-999")
    assert Appointment.select().count() == 0
