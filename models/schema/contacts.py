"""The tables of the contacts register (来电、来信、电子邮件、网络留言登记).

Both are history: rows are only ever inserted (:class:`AppendOnlyModel`).

- :class:`ContactRecord`: a call, letter, e-mail or online message as it was
  recorded: its channel, when it came in, the matter, what was promised, the
  reply deadline counted then, and the case it became. The sender's name or
  unit and phone are *not* here: they are the case's contact
  (:class:`models.schema.cases.CaseContact`), opened only with a logged
  reason; this row keeps the masked form every list shows.
- :class:`ContactStep`: what happened to it afterwards (passed on, reported
  up, replied), one row per step; the contact's state is their fold.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from models.clock import now
from models.schema.base import AppendOnlyModel, JSONField
from models.schema.cases import CaseRecord
from models.schema.staff import Staff


class ContactRecord(AppendOnlyModel):
    """A contact as recorded. Insert-only."""

    id = AutoField()
    case = ForeignKeyField(CaseRecord, unique=True, backref="+", on_delete="RESTRICT")
    channel = CharField()  # phone | letter | email | message
    received_at = DateTimeField()
    received_on = DateField(index=True)  # the hall's local day it came in
    reply_due = DateField(index=True)
    sender_shown = CharField()  # masked: 王** / 某某街道**
    matter = TextField()
    promised = TextField(default="")
    recorded_by = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    recorded_at = DateTimeField(default=now)


class ContactStep(AppendOnlyModel):
    """One step of a contact after it was recorded. Insert-only."""

    id = AutoField()
    contact = ForeignKeyField(ContactRecord, backref="+", on_delete="RESTRICT", index=False)
    at = DateTimeField(default=now)
    kind = CharField()  # passed | reported_up | replied
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    data = JSONField(default=dict)

    class Meta:
        indexes = ((("contact", "kind"), False),)


CONTACT_TABLES = [ContactRecord, ContactStep]
