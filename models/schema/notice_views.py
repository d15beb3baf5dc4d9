"""Who read an item's one-time notice (一次性告知) before coming to a window: no person, only the visit.

- :class:`NoticeView`: an item's notice was shown, on a channel (the kiosk's
  item screen, the web's item page), at a time, within a visit — a random
  key the kiosk draws for each resident's turn at it (home to home) and the
  web keeps in a cookie; never a name, a phone or an address.
- :class:`VisitTicket`: the ticket that visit took (the kiosk), or whose
  tracking page the same browser opened (the web).

Both are logs: insert-only, guarded and hash-chained like every history.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField

from models.clock import now
from models.schema.base import AppendOnlyModel
from models.schema.hall import Item
from models.schema.tickets import Ticket


class NoticeView(AppendOnlyModel):
    id = AutoField()
    item = ForeignKeyField(Item, backref="+", on_delete="RESTRICT", index=False)
    channel = CharField()  # kiosk | web
    at = DateTimeField(default=now)
    visit = CharField(default="", index=True)

    class Meta:
        table_name = "notice_view"
        indexes = ((("item", "at"), False),)


class VisitTicket(AppendOnlyModel):
    id = AutoField()
    visit = CharField(index=True)
    ticket = ForeignKeyField(Ticket, backref="+", on_delete="RESTRICT")
    at = DateTimeField(default=now)

    class Meta:
        table_name = "visit_ticket"


NOTICE_VIEW_TABLES = [NoticeView, VisitTicket]
