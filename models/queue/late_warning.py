"""Whether a ticket taken now is likely to be reached only after the session ends.

Rule: the expected wait (:meth:`models.queue.tickets.Queue.expected_wait`, for
the people waiting in the item's line now) is added to now; when that is
past the end of the session now under way, the kiosk says so before the
resident takes the ticket (a wait of 440 minutes was once issued without a
word). Nothing is refused: the resident decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from models import clock
from models.schema import Item, Ticket


@dataclass(frozen=True)
class LateWarning:
    minutes: int  # the expected wait
    session_end: datetime  # aware local: when the session under way ends


def late_warning(queue, item_code: str) -> LateWarning | None:
    """A warning when the expected wait for ``item_code`` runs past the session's end; else None."""
    item = Item.get_or_none(Item.code == item_code)
    if item is None:
        return None
    config = queue.config
    today = clock.service_day(config.zone)
    ahead = (
        Ticket.select()
        .where((Ticket.line == item.line_id) & (Ticket.service_day == today) & (Ticket.status == "waiting"))
        .count()
    )
    minutes = queue.expected_wait(item.line_id, ahead, item.service_minutes)
    moment = clock.local(clock.now(), config.zone)
    for opens, closes in queue.calendar.sessions(today):
        start, end = datetime.combine(today, opens, config.zone), datetime.combine(today, closes, config.zone)
        if start <= moment < end:
            return LateWarning(minutes, end) if moment + timedelta(minutes=minutes) > end else None
    return None
