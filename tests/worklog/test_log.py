"""The worker's log: one's own dated entries, corrections as new entries, who reads whose."""

from __future__ import annotations

from datetime import date

import pytest
from peewee import DatabaseError

from models.db import database
from models.schema.worklog import WorkLogEntry
from models.worklog import WorklogRefused
from tests.cases.conftest import at


def test_an_entry_is_for_today_unless_a_past_day_is_named(worklog):
    at(2026, 11, 23, 17, 30)
    today = worklog.write("S01", "上午窗口值班，下午走访幸福里 3 户")
    earlier = worklog.write("S01", "补记：参加街道培训", day=date(2026, 11, 20))
    assert (today.day, today.staff, today.name) == (date(2026, 11, 23), "S01", "王芳")
    assert [e.id for e in worklog.entries("S01")] == [earlier.id, today.id]
    with pytest.raises(WorklogRefused) as raised:
        worklog.write("S01", "明天的事", day=date(2026, 11, 24))
    assert raised.value.key == "day_ahead"


def test_a_local_evening_entry_belongs_to_that_day(worklog):
    at(2026, 11, 30, 23, 50)  # 15:50 UTC: still the 30th in the hall
    assert worklog.write("S01", "月底整理台帐").day == date(2026, 11, 30)
    assert [e.day for e in worklog.entries("S01", month="2026-11")] == [date(2026, 11, 30)]
    assert worklog.entries("S01", month="2026-12") == []


def test_a_correction_is_a_new_entry_and_the_old_one_stays(worklog):
    first = worklog.write("S01", "走访 5 户")
    fixed = worklog.correct("S01", first.id, "走访 6 户")
    entries = worklog.entries("S01")
    assert [(e.id, e.text, e.corrects, e.corrected_by) for e in entries] == [
        (first.id, "走访 5 户", None, fixed.id),
        (fixed.id, "走访 6 户", first.id, None),
    ]
    with pytest.raises(WorklogRefused) as raised:
        worklog.correct("S01", first.id, "走访 7 户")
    assert raised.value.key == "corrected_already"
    with pytest.raises(WorklogRefused) as raised:
        worklog.correct("S02", fixed.id, "别人的")
    assert raised.value.key == "not_your_log"
    with pytest.raises(DatabaseError), database.atomic():
        WorkLogEntry.update(text="改写").where(WorkLogEntry.id == first.id).execute()


def test_a_leader_reads_everyone_staff_only_their_own(worklog):
    worklog.write("S01", "窗口值班")
    worklog.write("S02", "整理档案")
    assert [e.staff for e in worklog.entries("L01", "*")] == ["S01", "S02"]
    assert [e.text for e in worklog.entries("L01", "S02")] == ["整理档案"]
    for of in ("S02", "*"):
        with pytest.raises(WorklogRefused):
            worklog.entries("S01", of)


@pytest.mark.parametrize(("text", "key"), [("  ", "text_needed"), ("回电 13812345678", "personal_data")])
def test_an_empty_entry_or_a_phone_number_is_refused(worklog, text, key):
    with pytest.raises(WorklogRefused) as raised:
        worklog.write("S01", text)
    assert raised.value.key == key
    assert WorkLogEntry.select().count() == 0


def test_days_written_count_each_day_once(worklog):
    at(2026, 11, 23, 10)
    worklog.write("S01", "上午")
    worklog.write("S01", "下午")
    worklog.write("S01", "补记", day=date(2026, 10, 31))
    assert worklog.days_written("2026-11") == {"S01": 1}
