"""A notice read, and the ticket of the same visit: the two facts the month's check joins.

A visit is a random key: the kiosk draws one for each resident's turn at it
(from home back to home), the web keeps one in a cookie. Nothing else about
the person is kept: the item, the channel, the time, and later the ticket.
"""

from __future__ import annotations

from models.config import Config
from models.db import database
from models.errors import NotFound, Refused
from models.notice_views.visit import VISIT_LENGTH
from models.queue import tracking
from models.schema import Item, Ticket
from models.schema.notice_views import NoticeView, VisitTicket

CHANNELS = ("kiosk", "web")


def _visit(key: str) -> str:
    key = (key or "").strip()
    if len(key) != VISIT_LENGTH or any(ch not in "0123456789abcdef" for ch in key):
        raise Refused("bad_visit")
    return key


class NoticeViews:
    """The notice log bound to one hall's config: ``hall.notice_views``."""

    def __init__(self, config: Config):
        self.config = config

    def viewed(self, item_code: str, channel: str, visit: str) -> None:
        """The notice of ``item_code`` was shown on ``channel`` within ``visit``."""
        if channel not in CHANNELS:
            raise Refused("bad_notice_channel", channel=str(channel)[:20])
        key = _visit(visit)
        item = Item.get_or_none(Item.code == item_code)
        if item is None:
            raise NotFound("unknown_item", item=str(item_code)[:40])
        with database.atomic():
            NoticeView.create(item=item, channel=channel, visit=key)

    def ticket_taken(self, visit: str, tracking_code: str) -> bool:
        """The visit ``visit`` took (or, on the web, opened the page of) the ticket of ``tracking_code``.

        Recorded once per visit and ticket, and only for a visit that read a notice:
        False when nothing was written."""
        key = _visit(visit)
        code = tracking.read(tracking_code)
        ticket = Ticket.get_or_none(Ticket.tracking_code == code)
        if ticket is None or not NoticeView.select().where(NoticeView.visit == key).exists():
            return False
        with database.atomic():
            known = VisitTicket.select().where((VisitTicket.visit == key) & (VisitTicket.ticket == ticket.id))
            if known.exists():
                return False
            VisitTicket.create(visit=key, ticket=ticket)
        return True
