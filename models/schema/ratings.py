"""The tables of 好差评 beyond the case's own rating (:class:`models.schema.cases.CaseRating`).

- :class:`VisitRating`: 现场服务"一次一评", at most one per ticket (a unique
  key), given by the resident on the window's rating pad or on the web page
  of the ticket's QR. The window and line are those that served the visit.
- :class:`RatingRequest`: the window's terminal asked the rating pad to show
  the five levels for the visit at the window. It is never closed by an
  update: a request is open until its time runs out, its visit is rated, the
  window calls the next ticket, or a later request replaces it — all read
  from other rows (:mod:`models.ratings.requests`).

- :class:`VisitFollowupEvent`: the 差评 loop of a visit's rating, one row a
  step, in the same kinds and data as a case's ``rated`` and ``followup_*``
  events (:mod:`models.cases.bad_ratings`), so one fold reads both.

All are history, guarded append-only and hash-chained.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField, TextField

from models.clock import now
from models.schema.base import AppendOnlyModel, JSONField
from models.schema.hall import Line, Window
from models.schema.staff import Staff
from models.schema.tickets import Ticket


class VisitRating(AppendOnlyModel):
    """One visit's rating: five levels, reasons of a 差评, the resident's own words."""

    id = AutoField()
    ticket = ForeignKeyField(Ticket, unique=True, backref="+", on_delete="RESTRICT")
    window = ForeignKeyField(Window, null=True, backref="+", on_delete="RESTRICT")
    line = ForeignKeyField(Line, backref="+", on_delete="RESTRICT")
    level = CharField()
    reasons = JSONField(default=list)
    text = TextField(default="")
    channel = CharField()  # pad | web
    at = DateTimeField(default=now, index=True)

    class Meta:
        table_name = "visit_rating"


class RatingRequest(AppendOnlyModel):
    """The clerk asked the window's pad for the resident's rating of this visit."""

    id = AutoField()
    window = ForeignKeyField(Window, backref="+", on_delete="RESTRICT")
    ticket = ForeignKeyField(Ticket, backref="+", on_delete="RESTRICT")
    asked_by = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    at = DateTimeField(default=now)
    until = DateTimeField()

    class Meta:
        table_name = "rating_request"
        indexes = ((("window", "at"), False),)


RATING_TABLES = [VisitRating, RatingRequest]


class VisitFollowupEvent(AppendOnlyModel):
    """One step of a visit's 差评 loop (the ``rated`` opening, then ``followup_<step>``)."""

    id = AutoField()
    rating = ForeignKeyField(VisitRating, backref="+", on_delete="RESTRICT", index=False)
    at = DateTimeField(default=now)
    kind = CharField()
    staff = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT", index=False)
    data = JSONField(default=dict)

    class Meta:
        table_name = "visit_followup_event"
        indexes = ((("rating", "id"), False),)


VISIT_FOLLOWUP_TABLES = [VisitFollowupEvent]
