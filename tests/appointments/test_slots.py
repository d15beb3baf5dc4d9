"""Slot arithmetic: sessions cut at the item's minutes around lunch, the seasonal
timetable, a holiday (duty only when someone is on it), a 调休 Saturday, the
horizon and the cut-off — on both backends."""

from __future__ import annotations

from datetime import date, time

from models.appointments.slots import session_places
from models.staff import add_staff
from tests.appointments.conftest import ITEM, TUESDAY, at, with_rules

SEPT_MONDAY = date(2026, 9, 28)  # summer timetable; the National Day holiday starts on Thursday


def starts(answer) -> list[str]:
    return [slot.label for slot in answer.slots]


def test_places_spread_over_a_session_from_its_opening():
    assert session_places(time(8), time(11), 15, 1, 30) == [(time(8), 1), (time(9), 1), (time(10), 1)]
    # 2 windows × 12 slots × 50 % = 12 places, one a slot.
    assert [n for _, n in session_places(time(8), time(11), 15, 2, 50)] == [1] * 12
    # A slot that would run past the closing is not offered.
    places = session_places(time(8), time(11), 25, 2, 50)  # 7 slots of 25 minutes: the last starts 10:30
    assert [start for start, _ in places][-1] <= time(10, 30)
    assert sum(n for _, n in places) == 2 * 7 * 50 // 100
    assert session_places(time(8), time(11), 15, 1, 0) == []
    assert sum(n for _, n in session_places(time(8), time(11), 15, 3, 100)) == 36


def test_no_slot_straddles_lunch(booking):
    hall = with_rules(booking, share_percent=100)
    answer = hall.appointments.slots(ITEM, TUESDAY)  # winter-spring: 08:00-11:00, 13:30-16:30
    labels = starts(answer)
    assert answer.state == "open"
    assert labels[:2] == ["08:00", "08:15"] and "10:45" in labels and "11:00" not in labels
    assert not [x for x in labels if "11:00" <= x < "13:30"]
    assert labels[labels.index("10:45") + 1] == "13:30" and labels[-1] == "16:15"
    assert all(slot.places == 1 and slot.free == 1 and not slot.out_of_hours for slot in answer.slots)


def test_the_reserved_share_of_each_session(booking):
    answer = booking.appointments.slots(ITEM, TUESDAY)  # 30 % of 12 places a session
    assert starts(answer) == ["08:00", "09:00", "10:00", "13:30", "14:30", "15:30"]


def test_seasonal_change_holiday_and_a_make_up_saturday(booking):
    hall = with_rules(booking, share_percent=100)
    at(SEPT_MONDAY, 9)
    summer = hall.appointments.slots(ITEM, date(2026, 9, 30))
    assert starts(summer)[12] == "14:00" and starts(summer)[-1] == "16:45"  # 夏秋: 14:00-17:00
    winter = hall.appointments.slots(ITEM, date(2026, 10, 8))
    assert starts(winter)[12] == "13:30" and starts(winter)[-1] == "16:15"  # 冬春 from October
    # National Day, nobody on the staff to be on duty: no slots.
    assert hall.appointments.slots(ITEM, date(2026, 10, 1)).state == "closed"
    # The 调休 Saturday is a working day: office hours, not duty hours.
    saturday = hall.appointments.slots(ITEM, date(2026, 10, 10))
    assert saturday.state == "open" and starts(saturday)[0] == "08:00"
    assert not any(slot.out_of_hours for slot in saturday.slots)
    # An ordinary Sunday just past the holiday is closed too.
    assert hall.appointments.slots(ITEM, date(2026, 10, 11)).state == "closed"


def test_holiday_duty_slots_only_when_someone_is_on_duty(booking):
    hall = with_rules(booking, share_percent=100)
    at(SEPT_MONDAY, 9)
    add_staff("S01", "张一", "1234", posts=[(1, "A")])
    add_staff("L01", "刘站长", "1234", role="leader")
    holiday = hall.appointments.slots(ITEM, date(2026, 10, 1))
    assert holiday.state == "open" and starts(holiday)[0] == "09:00" and starts(holiday)[-1] == "15:45"
    assert all(slot.out_of_hours for slot in holiday.slots)
    no_duty = with_rules(hall, duty_days=False)
    assert no_duty.appointments.slots(ITEM, date(2026, 10, 1)).state == "closed"


def test_horizon_and_cut_off(booking):
    apps = booking.appointments
    assert apps.slots(ITEM, date(2026, 11, 23)).state == "past"  # today
    # Ten working days after Monday 23 November is Monday 7 December.
    assert apps.slots(ITEM, date(2026, 12, 7)).state == "open"
    assert apps.slots(ITEM, date(2026, 12, 8)).state == "beyond"
    at(date(2026, 11, 23), 16, 59, 59)
    assert apps.slots(ITEM, TUESDAY).state == "open"
    at(date(2026, 11, 23), 17, 0)
    assert apps.slots(ITEM, TUESDAY).state == "cutoff"
    assert apps.slots(ITEM, date(2026, 11, 25)).state == "open"
    days = apps.open_days(ITEM)
    assert [d.day for d in days][0] == date(2026, 11, 25) and days[-1].day == date(2026, 12, 7)
    assert len(days) == 9  # the working days of the horizon, the 24th past its cut-off


def test_an_out_of_season_item_has_no_slots(booking):
    from models.schema import Item

    item = Item.get(Item.open_from == "07-15")  # 遗属补助资格认证, 07-15 to 08-15
    answer = booking.appointments.slots(item.code, TUESDAY)
    assert answer.state == "season" and not answer.slots
