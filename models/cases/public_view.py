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
from models.schema import Item, Ticket


def public_view(config: Config, text: str) -> dict:
    """The resident-visible facts behind a tracking code; raises Refused.

    A code comes from a ticket (its cases, if any, listed under "cases") or
    from a case opened without a ticket (phone, letter, visit, appointment):
    then "ticket" is None and "item"/"line" are those of its first case.
    """
    code = tracking.read(text)
    queue = Queue(config)
    queue.today()  # a ticket of an ended day shows its final state, never "waiting"
    ticket = Ticket.get_or_none(Ticket.tracking_code == code)
    cases = public_cases(config, code)
    if ticket is None and not cases:
        raise NotFound("unknown_tracking_code", code=tracking.display(code))
    ticket_view = None
    if ticket is None:
        item = Item.get(Item.code == cases[0]["item"]["code"])
        line = item.line
    else:
        item, line = ticket.item, ticket.line
        ticket_view = {
            "number": ticket.number,
            "state": ticket.status,
            "ahead": queue.people_ahead(ticket),
            "window": ticket.window.number if ticket.window_id else None,
            "windows": [w.number for w in queue.windows_for_line(ticket.line_id)],
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
