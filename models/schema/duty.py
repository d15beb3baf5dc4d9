"""The tables of duty (值班 / 值日, seed 000 三(五), 003 §8(3); 领导带班, 002).

Who is on duty on a day is *computed* (a deterministic rotation, see
:mod:`models.duty`); what is stored is what people did: swaps, ticks of the
opening and closing checklists, sign-offs, and the duty leader's log. Every
table is history: rows are only inserted, and the database refuses UPDATE
and DELETE on them (:class:`models.schema.AppendOnlyModel`).
"""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from models.clock import now
from models.schema.base import AppendOnlyModel, JSONField
from models.schema.staff import Staff

CHECKLISTS = ("opening", "closing")


class DutySwap(AppendOnlyModel):
    """On ``day``, ``to_staff`` takes the duty of ``from_staff`` (换班)."""

    id = AutoField()
    day = DateField(index=True)
    from_staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    to_staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    reason = TextField()
    at = DateTimeField(default=now)


class ChecklistTick(AppendOnlyModel):
    """One item of a day's opening or closing checklist, ticked by someone.

    The item's words are kept as they were, so a later change of the config
    does not change what was ticked. Ticking again adds a row (the latest
    tick of an item is the one shown; all are kept).
    """

    id = AutoField()
    day = DateField()
    checklist = CharField()  # opening | closing
    item_index = IntegerField()  # 0-based, into config.<checklist>_checklist
    item_text = TextField()
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    problem = TextField(default="")
    at = DateTimeField(default=now)

    class Meta:
        indexes = ((("day", "checklist"), False),)


class DutySignOff(AppendOnlyModel):
    """The duty person signs a day's checklist off: once per day and checklist,
    and once more after each reopening (``round`` counts them from 0).

    After the closing sign-off the kiosk issues no ticket until the next day.
    A closing signed before the day's issuing has stopped carries the
    leader's ``early_reason``; ``answers`` holds the note given for each open
    problem the sign-off was asked about (``"log:<id>"``, ``"item:<n>"``).
    """

    id = AutoField()
    day = DateField()
    checklist = CharField()  # opening | closing
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    note = TextField(default="")
    at = DateTimeField(default=now)
    round = IntegerField(default=0)
    early_reason = TextField(default="")
    answers = JSONField(default=dict)

    class Meta:
        indexes = ((("day", "checklist", "round"), True),)


class DutyReopen(AppendOnlyModel):
    """A leader reopens a day's closing signed off by mistake: issuing resumes."""

    id = AutoField()
    sign_off = ForeignKeyField(DutySignOff, backref="+", unique=True, on_delete="RESTRICT")
    day = DateField(index=True)
    leader = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    reason = TextField()
    at = DateTimeField(default=now)


class DutyLog(AppendOnlyModel):
    """The duty leader's log (领导带班记录): a problem found, or the fix of one."""

    id = AutoField()
    day = DateField(index=True)
    kind = CharField()  # problem | fix
    leader = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    text = TextField()
    problem = ForeignKeyField("self", null=True, backref="+", on_delete="RESTRICT")  # what a fix fixes
    at = DateTimeField(default=now)


class ChecklistUndo(AppendOnlyModel):
    """A tick taken back (ticked by mistake, or the item found wrong after all),
    with the reason. The tick stays as it was; an item whose latest tick has an
    undo reads as not ticked until it is ticked again."""

    id = AutoField()
    tick = ForeignKeyField(ChecklistTick, backref="+", unique=True, on_delete="RESTRICT")
    day = DateField(index=True)
    checklist = CharField()  # opening | closing
    item_index = IntegerField()
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    reason = TextField()
    at = DateTimeField(default=now)


DUTY_TABLES = [DutySwap, ChecklistTick, DutySignOff, DutyLog]
REOPEN_TABLES = [DutyReopen]  # after DUTY_TABLES: they came with a later schema version
UNDO_TABLES = [ChecklistUndo]  # later still
