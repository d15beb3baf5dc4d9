"""What anyone holding a tracking code may see: never a name, phone or ID.

The kiosk and ``hall case show`` use only this. The answer is built from an
allow-list of fields, so a column added to a table later cannot leak here.
"""

from __future__ import annotations

from models import clock
from models.cases.ledger import public_cases
from models.config import Config
from models.errors import NotFound
from models.queue import tracking
from models.queue.tickets import Queue
from models.schema import Item, Line, Ticket, Window


def public_view(config: Config, text: str, queue: Queue | None = None) -> dict:
    """The resident-visible facts behind a tracking code; raises Refused.

    A code comes from a ticket (its cases, if any, listed under "cases") or
    from a case opened without a ticket (phone, letter, visit, appointment):
    then "ticket" is None and "item"/"line" are those of its first case.
    A caller that asks often (a web page polling) passes its long-lived
    ``queue``, so the line's median service time is not read every time.
    """
    code = tracking.read(text)
    # The ticket with its item and line in one read: a polled page asks this many times a second.
    ticket = (
        Ticket.select(Ticket, Item, Line)
        .join(Item, on=(Ticket.item == Item.id))
        .switch(Ticket)
        .join(Line, on=(Ticket.line == Line.id))
        .where(Ticket.tracking_code == code)
        .first()
    )
    cases = public_cases(config, code)
    if ticket is None and not cases:
        raise NotFound("unknown_tracking_code", code=tracking.display(code))
    ticket_view = None
    if ticket is None:
        item = Item.get(Item.code == cases[0]["item"]["code"])
        line = item.line
    else:
        queue = queue or Queue(config)
        item, line = ticket.item, ticket.line
        windows = queue.windows_for_line(ticket.line_id)
        ahead = queue.people_ahead(ticket)
        number_of = {w.id: w.number for w in windows}
        window = None
        if ticket.window_id:
            window = number_of.get(ticket.window_id) or Window.get_by_id(ticket.window_id).number
        open_windows = sum(1 for w in windows if not w.paused)
        ticket_view = {
            "number": ticket.number,
            "state": ticket.status,
            "ahead": ahead,
            "wait_minutes": queue.expected_wait(ticket.line_id, ahead, item.service_minutes, open_windows=open_windows)
            if ticket.status == "waiting"
            else 0,
            "window": window,
            "windows": [w.number for w in windows],
            # Every window of the line paused: nobody calls until one resumes.
            "paused": bool(windows) and open_windows == 0,
            "issued_at": clock.local(ticket.issued_at, config.zone).isoformat(timespec="minutes"),
            "service_day": ticket.service_day.isoformat(),
        }
    return {
        "tracking_code": tracking.display(code),
        "ticket": ticket_view,
        "item": {"code": item.code, "name": item.name, "name_en": item.name_en},
        "line": {"code": line.code, "name": line.name, "name_en": line.name_en},
        "cases": cases,
    }
