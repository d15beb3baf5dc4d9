"""Weekly meetings and study sessions: who records them, attendance, and the
month's count against the seed's numbers, across month boundaries."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.errors import Refused
from models.worklog import WorklogRefused
from tests.cases.conftest import at
from tests.conftest import SHANGHAI


def local(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def test_a_meeting_keeps_its_time_content_and_attendance(meetings):
    row = meetings.record("L01", "weekly", local(2026, 11, 23, 8, 0), "总结上周工作，布置本周", ["S01", "S02", "S01"])
    assert (row.kind, row.day, row.held_at, row.attendees) == (
        "weekly",
        date(2026, 11, 23),
        "2026-11-23 08:00",
        ["S01", "S02"],
    )
    assert row.recorded_by == "L01"


def test_who_may_record_a_meeting(meetings):
    meetings.record("S01", "study", local(2026, 11, 20, 15), "学习新修订的条例", ["S01", "S03"])
    with pytest.raises(WorklogRefused) as raised:
        meetings.record("S02", "study", local(2026, 11, 20, 15), "学习", ["S01"])
    assert raised.value.key == "meeting_not_attended"


@pytest.mark.parametrize(
    ("kind", "held", "content", "people", "key"),
    [
        ("party", local(2026, 11, 20, 15), "学习", ["S01"], "bad_meeting_kind"),
        ("study", local(2026, 11, 23, 15), "学习", ["S01"], "meeting_ahead"),
        ("study", local(2026, 11, 20, 15), " ", ["S01"], "content_needed"),
        ("study", local(2026, 11, 20, 15), "学习", [], "attendees_needed"),
    ],
)
def test_bad_meetings_are_refused(meetings, kind, held, content, people, key):
    with pytest.raises(WorklogRefused) as raised:
        meetings.record("L01", kind, held, content, people)
    assert raised.value.key == key


def test_an_unknown_attendee_is_refused(meetings):
    with pytest.raises(Refused):
        meetings.record("L01", "study", local(2026, 11, 20, 15), "学习", ["S99"])


def test_month_counts_follow_the_local_day_across_the_month_end(meetings):
    at(2026, 12, 3, 12)
    late_study = meetings.record("L01", "study", local(2026, 11, 30, 23, 30), "夜学", ["S01"])
    early_study = meetings.record("L01", "study", local(2026, 12, 1, 0, 30), "晨学", ["S01", "S02"])  # 11-30 UTC
    assert (late_study.day, early_study.day) == (date(2026, 11, 30), date(2026, 12, 1))
    november, december = meetings.month("2026-11"), meetings.month("2026-12")
    assert (november.study_held, november.study_needed, november.study_short) == (1, 2, 1)
    assert (december.study_held, december.study_short) == (1, 1)
    assert november.attendance == {"S01": {"weekly": 0, "study": 1}}
    assert december.attendance["S02"] == {"weekly": 0, "study": 1}


def test_weeks_belong_to_the_month_of_their_monday(meetings):
    at(2026, 12, 3, 12)
    for day in (2, 9, 16):  # Mondays of November; none in the week of the 23rd
        meetings.record("L01", "weekly", local(2026, 11, day, 8), "例会", ["S01"])
    meetings.record("L01", "weekly", local(2026, 12, 2, 8), "例会", ["S01"])  # the week of Monday 11-30
    november = meetings.month("2026-11")
    assert (november.weeks, november.weekly_held) == (5, 3)
    assert november.weeks_without == [date(2026, 11, 23)]
    december = meetings.month("2026-12")
    assert (december.weeks, december.weekly_held) == (4, 1)  # Mondays 12-07 … 12-28
    assert december.weeks_without == [date(2026, 12, 7), date(2026, 12, 14), date(2026, 12, 21), date(2026, 12, 28)]


def test_a_bad_month_is_refused(meetings):
    with pytest.raises(WorklogRefused) as raised:
        meetings.month("2026-13")
    assert raised.value.key == "bad_month"
