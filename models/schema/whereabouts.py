"""The tables of the whereabouts board (社工去向指示牌) and of leave (请假).

All three are history: rows are only ever inserted. A staff member's state
is their latest :class:`WhereaboutsChange` of the day; a leave request's outcome is its
:class:`LeaveDecision` (at most one per request). The database itself
refuses UPDATE and DELETE on them (:class:`AppendOnlyModel`), so nobody can
rewrite who was where after the fact (seed 002 第四章 2: 不得私自删除或篡改记录).
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    TextField,
)

from models.clock import now
from models.schema.base import AppendOnlyModel, BaseModel
from models.schema.staff import Staff

STATES = ("on_duty", "meeting", "out", "visiting", "resting", "leave")
# The states a person can be put in; what the board shows when nobody has set
# one today (未到岗, or leave and rest days by themselves) is models.staff.day_state's.


class LeaveRequest(AppendOnlyModel):
    """A request for leave (请假), naming a stand-in (代岗人员, seed 003 §11)."""

    id = AutoField()
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    starts_at = DateTimeField()  # naive UTC
    ends_at = DateTimeField()  # naive UTC, exclusive
    reason = TextField()
    stand_in = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    requested_at = DateTimeField(default=now)


class LeaveDecision(AppendOnlyModel):
    """A leader's decision on a leave request: one per request."""

    id = AutoField()
    request = ForeignKeyField(LeaveRequest, unique=True, backref="+", on_delete="RESTRICT")
    leader = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    approved = BooleanField()
    note = TextField(default="")
    at = DateTimeField(default=now)


class WhereaboutsChange(AppendOnlyModel):
    """One change on the board: who, from which state to which, when, until when."""

    id = AutoField()
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    from_state = CharField()
    to_state = CharField()
    note = TextField(default="")
    back_at = DateTimeField(null=True)  # expected return, naive UTC
    at = DateTimeField(default=now, index=True)
    set_by = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT")
    leave = ForeignKeyField(LeaveRequest, null=True, backref="+", on_delete="RESTRICT")  # the approved leave

    class Meta:
        indexes = ((("staff", "id"), False),)


class CoverDayStart(BaseModel):
    """A service day whose start has been given to the windows' A/B cover, once: the
    first look at the day paused every window its people left covered the day before
    (they never signed out). Its unique day is what makes it once across processes."""

    id = AutoField()
    day = DateField(unique=True)
    at = DateTimeField(default=now)


WHEREABOUTS_TABLES = [WhereaboutsChange, LeaveRequest, LeaveDecision]
DAY_START_TABLES = [CoverDayStart]  # after the rest: it came with a later schema version
