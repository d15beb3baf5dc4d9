"""The tables of appointments (预约) and home service (上门服务).

:class:`Appointment` holds a booking's facts and its current state, which
moves forward only (booked → checked in, late, no-show or cancelled); every
move appends an :class:`AppointmentRecord` in the same transaction, so the
history is never rewritten. :class:`SlotTaken` counts the places taken of a
line's slot (bumped and released in the booking's own transaction, so the
last place goes to one person only). :class:`BookedTicket` marks a ticket
issued at an on-time check-in, which the queue calls at its time.
"""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from models.clock import now
from models.schema.base import AppendOnlyModel, BaseModel, JSONField
from models.schema.hall import Item, Line
from models.schema.staff import Staff
from models.schema.tickets import Ticket

KINDS = ("window", "home")  # at a window of the hall, or 上门服务 at the resident's home
CHANNELS = ("kiosk", "web", "phone", "letter", "email")
STATES = ("booked", "checked_in", "late", "no_show", "cancelled", "visited")


class Appointment(BaseModel):
    id = AutoField()
    code = CharField(unique=True)  # the booking code, tracking-code alphabet (models.queue.tracking)
    kind = CharField(default="window")
    item = ForeignKeyField(Item, backref="+", on_delete="RESTRICT")
    line = ForeignKeyField(Line, backref="+", on_delete="RESTRICT")
    day = DateField()
    slot = CharField(max_length=5)  # local "HH:MM" the slot starts
    starts_at = DateTimeField()  # naive UTC
    minutes = IntegerField()
    phone = CharField()  # digits only; shown masked everywhere
    channel = CharField()
    out_of_hours = BooleanField(default=False)  # a holiday-duty slot: no queue, the duty person calls staff in
    status = CharField(default="booked")
    booked_by = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT")
    booked_at = DateTimeField(default=now)
    # Home service: the worker the leader chose, and the address (never on the board).
    worker = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT")
    address = CharField(default="")

    class Meta:
        indexes = ((("day", "status"), False), (("phone", "status"), False), (("status", "starts_at"), False))


class AppointmentRecord(AppendOnlyModel):
    """One move of an appointment: booked, cancelled, checked_in, late, no_show, assigned, visited."""

    id = AutoField()
    appointment = ForeignKeyField(Appointment, backref="records", on_delete="RESTRICT")
    kind = CharField()
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT")
    data = JSONField(default=dict)


class SlotTaken(BaseModel):
    """Places taken of a line's slot (``slot`` is local "HH:MM" on ``day``)."""

    line = ForeignKeyField(Line, backref="+", on_delete="RESTRICT")
    day = DateField()
    slot = CharField(max_length=5)
    taken = IntegerField(default=0)

    class Meta:
        indexes = ((("line", "day", "slot"), True),)


class BookedTicket(BaseModel):
    """A ticket issued at an on-time check-in: called at ``due_at`` ahead of walk-ins (models.queue.tickets)."""

    ticket = ForeignKeyField(Ticket, unique=True, backref="+", on_delete="RESTRICT")
    appointment = ForeignKeyField(Appointment, unique=True, backref="+", on_delete="RESTRICT")
    due_at = DateTimeField()  # naive UTC, the slot's start


APPOINTMENT_TABLES = [Appointment, AppointmentRecord, SlotTaken, BookedTicket]
