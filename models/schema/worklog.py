"""The tables of the worker's log (《社区工作者日志》) and of meetings and study sessions.

All are history (:class:`AppendOnlyModel`): a log entry is never edited; a
correction is a new entry that names the one it corrects.

- :class:`WorkLogEntry`: one worker's entry for one day.
- :class:`Meeting`: a weekly work meeting (工作例会) or a study session
  (集中学习): when, what it was about, who recorded it.
- :class:`MeetingAttendance`: who attended, one row per person.
- :class:`MeetingCorrection`: a meeting corrected: the meeting row written
  in its place (its time, content and attendance as they should read), why,
  who and when. A meeting corrected is never listed or counted again; its
  rows stay as they were.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from models.clock import now
from models.schema.base import AppendOnlyModel
from models.schema.staff import Staff


class WorkLogEntry(AppendOnlyModel):
    id = AutoField()
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT", index=False)
    day = DateField()
    text = TextField()
    corrects = ForeignKeyField("self", null=True, backref="+", on_delete="RESTRICT")
    written_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("staff", "day"), False), (("day",), False))


class Meeting(AppendOnlyModel):
    id = AutoField()
    kind = CharField()  # weekly | study
    held_at = DateTimeField()
    day = DateField(index=True)  # the hall's local day it was held
    content = TextField()
    recorded_by = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    recorded_at = DateTimeField(default=now)


class MeetingAttendance(AppendOnlyModel):
    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="+", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")

    class Meta:
        indexes = ((("meeting", "staff"), True),)


WORKLOG_TABLES = [WorkLogEntry, Meeting, MeetingAttendance]


class MeetingCorrection(AppendOnlyModel):
    id = AutoField()
    corrected = ForeignKeyField(Meeting, backref="+", on_delete="RESTRICT", unique=True)  # corrected once
    correction = ForeignKeyField(Meeting, backref="+", on_delete="RESTRICT", unique=True)
    reason = TextField()
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT", index=False)
    at = DateTimeField(default=now)


MEETING_CORRECTION_TABLES = [MeetingCorrection]
