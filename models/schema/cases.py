"""The tables of cases (办件) and the ledger (便民服务登记台帐).

The truth about a case is its append-only history:

- :class:`CaseRecord`: the facts fixed when the case was accepted (number,
  tracking code, item, window, who accepted it, first responder). Never
  changed after the insert.
- :class:`CaseEvent`: everything that happened to it afterwards, one row per
  step (supplement asked, materials received, extended, completed, told, …).
  A correction is a new event with a reason, never an edit.
- :class:`CaseRating` (好差评, at most one per case: a unique key) and
  :class:`ContactAccess` (who opened a resident's full phone number, when).

These four tables are guarded by database triggers (:class:`models.schema.AppendOnlyModel`):
any UPDATE or DELETE on them is aborted by the database itself.

:class:`CaseState` is a *projection*: one row per case holding its current
state, due date, handler and flags, rewritten in the same transaction as each
event so the ledger can filter 100,000 cases through indexes. It is a cache;
``models.cases.ledger.rebuild_projection`` recomputes it from the events.

:class:`CaseContact` holds the resident's name and phone, only so the hall
can tell them the result; nothing else in the hall stores them.
"""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
)

from models.clock import now
from models.schema.base import AppendOnlyModel, BaseModel, JSONField
from models.schema.hall import Item, Window
from models.schema.staff import Staff
from models.schema.tickets import Ticket


class CaseCounter(BaseModel):
    """Last case number issued per year (the hall's local year)."""

    year = IntegerField(unique=True)
    last = IntegerField(default=0)


class CaseRecord(AppendOnlyModel):
    """A case as accepted (受理). Insert-only."""

    id = AutoField()
    number = CharField(unique=True)  # 受理编号 "2026-000123"
    year = IntegerField()
    seq = IntegerField()
    tracking_code = CharField(index=True)  # shared by the cases of one visit
    ticket = ForeignKeyField(Ticket, null=True, backref="cases", on_delete="RESTRICT")
    item = ForeignKeyField(Item, backref="+", on_delete="RESTRICT")
    kind = CharField()  # the kind at acceptance
    channel = CharField(default="window")  # window | phone | letter | visit | appointment
    window = ForeignKeyField(Window, null=True, backref="+", on_delete="RESTRICT")
    accepted_at = DateTimeField(default=now)
    accepted_by = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    first_responder = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")

    class Meta:
        table_name = "case_record"
        indexes = ((("year", "seq"), True),)


class CaseEvent(AppendOnlyModel):
    """One step in a case's life. Insert-only; the case's state is their fold."""

    id = AutoField()
    case = ForeignKeyField(CaseRecord, backref="events", on_delete="RESTRICT", index=False)
    at = DateTimeField(default=now)
    kind = CharField()
    staff = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT", index=False)
    data = JSONField(default=dict)

    class Meta:
        indexes = ((("case", "id"), False),)


class CaseState(BaseModel):
    """Projection of a case's events (a cache for the ledger; see module doc)."""

    case = ForeignKeyField(CaseRecord, primary_key=True, backref="+", on_delete="RESTRICT")
    number = CharField(unique=True)
    tracking_code = CharField(index=True)
    accepted_at = DateTimeField(index=True)
    item = ForeignKeyField(Item, backref="+", on_delete="RESTRICT", index=False)
    window = ForeignKeyField(Window, null=True, backref="+", on_delete="RESTRICT", index=False)
    channel = CharField()
    kind = CharField()
    state = CharField()
    is_open = BooleanField()
    due_date = DateField(null=True)
    handler = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT", index=False)
    first_responder = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT", index=False)
    accepted_by = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT", index=False)
    extensions = IntegerField(default=0)
    completed_at = DateTimeField(null=True)
    over_time = BooleanField(default=False)  # an immediate case that took too long
    completed_late = BooleanField(default=False)  # completed after its due date
    supplement = BooleanField(default=False)  # was ever a 补充件
    published = BooleanField(default=False)
    rating = CharField(null=True)
    followup = CharField(default="")  # "" | open | done (差评 follow-up)
    callback_due = DateField(null=True)
    rectify_due = DateField(null=True)
    # A default in the table too, as schema step 20 adds them: a row written without them reads "not yet".
    called_back = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])  # the 差评's resident was called back
    rectified = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])  # and what they rated was put right
    last_event = IntegerField(default=0)

    class Meta:
        table_name = "case_state"
        indexes = (
            (("is_open", "case"), False),
            (("state", "due_date"), False),
            (("window", "case"), False),
            (("kind", "case"), False),
            (("handler", "case"), False),
            (("first_responder", "case"), False),
            (("item", "accepted_at"), False),
            (("followup", "callback_due"), False),
        )


class CaseContact(BaseModel):
    """The resident's name and phone, kept only to tell them the result."""

    case = ForeignKeyField(CaseRecord, unique=True, backref="+", on_delete="RESTRICT")
    name = CharField(default="")
    phone = CharField(default="")
    phone_last4 = CharField(default="", index=True)
    created_at = DateTimeField(default=now)


class ContactAccess(AppendOnlyModel):
    """Who opened a resident's full contact, and when (a log: insert-only)."""

    id = AutoField()
    case = ForeignKeyField(CaseRecord, backref="+", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    at = DateTimeField(default=now)
    purpose = CharField(default="")


class CaseRating(AppendOnlyModel):
    """好差评: one per case (the unique key makes "once" hold under races)."""

    case = ForeignKeyField(CaseRecord, unique=True, backref="+", on_delete="RESTRICT")
    level = CharField()
    tags = JSONField(default=list)
    channel = CharField(default="kiosk")
    at = DateTimeField(default=now, index=True)  # a month's ratings, read by the month report


CASE_TABLES = [CaseCounter, CaseRecord, CaseEvent, CaseState, CaseContact, ContactAccess, CaseRating]

# Tables whose rows may never be changed or removed once written.
APPEND_ONLY = [CaseRecord, CaseEvent, ContactAccess, CaseRating]
