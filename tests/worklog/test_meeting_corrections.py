"""A meeting recorded wrong is corrected by a new version that names the old one and says why;
lists and the month's count read the corrected state, the old rows stay as they were."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.schema import migrations
from models.schema.chain import verify
from models.schema.worklog import Meeting, MeetingAttendance, MeetingCorrection
from models.worklog import WorklogRefused
from tests.conftest import SHANGHAI


def local(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def test_a_correction_is_a_new_version_with_its_reason(meetings):
    first = meetings.record("L01", "study", local(2026, 11, 20, 15), "学习条例", ["S01"])
    fixed = meetings.correct("L01", first.id, "漏记了参加人员", content="学习新修订的条例", attendees=["S01", "S02"])
    assert (fixed.corrects, fixed.reason, fixed.kind) == (first.id, "漏记了参加人员", "study")
    assert (fixed.content, fixed.attendees, fixed.held_at) == ("学习新修订的条例", ["S01", "S02"], first.held_at)
    listed = meetings.between(date(2026, 11, 1), date(2026, 11, 30))
    assert [m.id for m in listed] == [fixed.id]
    assert [m.id for m in meetings.history(first.id)] == [first.id, fixed.id]
    assert [m.id for m in meetings.history(fixed.id)] == [first.id, fixed.id]
    old = Meeting.get_by_id(first.id)
    assert old.content == "学习条例"  # the old row as it was
    assert MeetingAttendance.select().where(MeetingAttendance.meeting == first.id).count() == 1
    assert MeetingCorrection.select().count() == 1


def test_the_months_count_reads_the_corrected_state(meetings):
    wrong = meetings.record("L01", "study", local(2026, 11, 2, 15), "学习", ["S01"])
    assert meetings.month("2026-11").attendance["S01"]["study"] == 1
    moved = meetings.correct("L01", wrong.id, "日期记错了", held_at=local(2026, 10, 30, 15), attendees=["S02"])
    november, october = meetings.month("2026-11"), meetings.month("2026-10")
    assert november.study_held == 0 and "S01" not in november.attendance
    assert october.study_held == 1 and october.attendance == {"S02": {"weekly": 0, "study": 1}}
    assert [m.id for m in october.meetings] == [moved.id]


@pytest.mark.parametrize(
    ("who", "reason", "changes", "key"),
    [
        ("L01", " ", {"content": "新内容"}, "reason_needed"),
        ("L01", "理由", {}, "meeting_unchanged"),
        ("L01", "理由", {"held_at": local(2026, 11, 24, 9)}, "meeting_ahead"),
        ("L01", "理由", {"content": "电话13900002222"}, "personal_data"),
        ("S02", "理由", {"content": "新内容"}, "meeting_not_attended"),
        ("S02", "补记", {"attendees": ["S01", "S02"]}, "meeting_not_attended"),  # not there: not added by oneself
        ("L01", "长" * 201, {"content": "新内容"}, "too_long"),
        ("L01", "理由", {"content": "长" * 2001}, "too_long"),
    ],
)
def test_a_bad_correction_is_refused(meetings, who, reason, changes, key):
    row = meetings.record("L01", "weekly", local(2026, 11, 23, 8), "例会", ["S01"])
    with pytest.raises(WorklogRefused) as raised:
        meetings.correct(who, row.id, reason, **changes)
    assert raised.value.key == key
    assert MeetingCorrection.select().count() == 0


def test_only_the_latest_version_is_corrected(meetings):
    row = meetings.record("L01", "weekly", local(2026, 11, 23, 8), "例会", ["S01"])
    fixed = meetings.correct("S01", row.id, "补记内容", content="例会：布置走访")
    with pytest.raises(WorklogRefused) as raised:
        meetings.correct("L01", row.id, "再改", content="例会")
    assert (raised.value.key, raised.value.params["latest"]) == ("meeting_already_corrected", fixed.id)
    again = meetings.correct("L01", fixed.id, "再改", content="例会：布置走访和学习")
    assert [m.content for m in meetings.history(row.id)] == ["例会", "例会：布置走访", "例会：布置走访和学习"]
    assert [m.id for m in meetings.between(date(2026, 11, 1), date(2026, 11, 30))] == [again.id]
    with pytest.raises(WorklogRefused) as raised:
        meetings.correct("L01", 999, "理由", content="x")
    assert raised.value.key == "unknown_meeting"


def test_corrections_are_history(meetings, hall):
    from peewee import DatabaseError

    row = meetings.record("L01", "weekly", local(2026, 11, 23, 8), "例会", ["S01"])
    meetings.correct("L01", row.id, "补记", content="例会：布置走访")
    assert MeetingCorrection in migrations.chained_tables()
    assert verify(hall.db, MeetingCorrection)[1] is None
    with pytest.raises(DatabaseError), hall.db.atomic():
        MeetingCorrection.update(reason="改掉").execute()


def test_an_upgraded_hall_gets_the_corrections_table(db_url):
    from tests.cases.test_migration import _guarded_tables, _version_one

    db = _version_one(db_url)
    migrations.upgrade()
    assert db.table_exists(MeetingCorrection._meta.table_name)
    assert MeetingCorrection._meta.table_name in _guarded_tables()
