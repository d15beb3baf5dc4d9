"""The tables of tickets: the per-day counters, the tickets themselves, and the
change feed (:class:`Event`) that every process follows.

A ticket's current-state columns move forward through its life, and every
move writes an event row in the same transaction.
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
    TextField,
)

from models.clock import now
from models.schema.base import AppendOnlyModel, BaseModel, JSONField
from models.schema.hall import Item, Line, Window
from models.schema.staff import Staff


class TicketCounter(BaseModel):
    """Last sequence number issued per prefix and service day."""

    prefix = CharField(max_length=1)
    day = DateField()
    last = IntegerField(default=0)

    class Meta:
        indexes = ((("prefix", "day"), True),)


class Ticket(BaseModel):
    id = AutoField()
    number = CharField()  # "A012"
    prefix = CharField(max_length=1)
    seq = IntegerField()
    service_day = DateField()
    # The references go unindexed (migrations._v18): each is read with the service day, whose
    # indexes find the rows, and an index per reference is a page more for every take and call
    # to write, in a tree that grows with every day kept.
    item = ForeignKeyField(Item, on_delete="RESTRICT", index=False)
    line = ForeignKeyField(Line, on_delete="RESTRICT", index=False)
    priority = BooleanField(default=False)
    request_id = CharField(null=True, unique=True)
    tracking_code = CharField(unique=True)
    # waiting → called → serving → done; called → no_show → (returned) waiting
    status = CharField(default="waiting")  # read with its service day: ticket_service_day_status
    issued_at = DateTimeField(default=now)
    # Place in line: kept through transfers, so nobody queues again from the back.
    arrival_at = DateTimeField(default=now)
    # A returned no-show is placed next in line.
    front = BooleanField(default=False)
    target_window = ForeignKeyField(Window, null=True, backref="+", on_delete="RESTRICT", index=False)
    window = ForeignKeyField(Window, null=True, backref="tickets", on_delete="RESTRICT", index=False)
    called_by = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT", index=False)
    first_responder = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT", index=False)
    called_at = DateTimeField(null=True)
    recalls = IntegerField(default=0)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    no_show_at = DateTimeField(null=True)
    returned = BooleanField(default=False)
    transfers = IntegerField(default=0)
    transfer_note = TextField(default="")

    class Meta:
        indexes = (
            (("prefix", "service_day", "seq"), True),
            (("line", "finished_at"), False),
            (("service_day", "status"), False),  # a day's or a month's tickets
            # A window's latest calls, for the streak rules (migrations._v17).
            (("service_day", "called_at", "id"), False),
        )


# The tickets still open, by service day. A day's end (on every report, each new day)
# asks whether any ticket of an earlier day is still open: through the day and status
# index that read went through every past ticket, a year of them; this one holds only
# today's open tickets. The states are models.queue.day_end.OPEN_STATES (a test checks).
OPEN_TICKETS_INDEX = (
    'CREATE INDEX IF NOT EXISTS "ticket_open_service_day" ON "ticket" ("service_day") '
    "WHERE status IN ('waiting', 'called', 'serving')"
)
Ticket.add_index(SQL(OPEN_TICKETS_INDEX))


class Event(AppendOnlyModel):
    """The change feed: one row per change others must see, in the same
    transaction as the change. Readers keep the last id they saw. It is the
    tickets' history too, so it is append-only and chained like the rest."""

    id = AutoField()
    at = DateTimeField(default=now)
    kind = CharField()  # "ticket.taken", "ticket.called", "window.paused", …
    ref = IntegerField(null=True)  # the id of the row the event is about
    data = JSONField(default=dict)


# Each window's pauses in the change feed, read for when a paused window is expected back
# (models.queue.pauses.resume_times) at every look at the kiosk's home while one is paused:
# without it that read went through the whole feed, a year of events (18 ms against 0.01 ms).
WINDOW_PAUSES_INDEX = (
    'CREATE INDEX IF NOT EXISTS "event_window_paused" ON "event" ("ref", "id") WHERE kind = \'window.paused\''
)
Event.add_index(SQL(WINDOW_PAUSES_INDEX))
