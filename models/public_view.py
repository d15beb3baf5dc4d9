"""What anyone holding a tracking code may see: never a name, phone or ID.

The kiosk and ``hall case show`` use only this. The answer is built from an
allow-list of fields, so a column added to a table later cannot leak here.
"""

from __future__ import annotations

from models import clock, tracking
from models.config import Config
from models.errors import NotFound, Refused
from models.queue import Queue
from models.schema import Ticket


def find_ticket_by_code(text: str) -> Ticket:
    try:
        code = tracking.normalise(text)
    except tracking.BadCode:
        raise Refused("bad_tracking_code", code=(text or "").strip()[:20]) from None
    ticket = Ticket.get_or_none(Ticket.tracking_code == code)
    if ticket is None:
        raise NotFound("unknown_tracking_code", code=tracking.display(code))
    return ticket


def public_view(config: Config, text: str) -> dict:
    """The resident-visible facts behind a tracking code; raises Refused."""
    ticket = find_ticket_by_code(text)
    queue = Queue(config)
    zone = config.zone
    item, line = ticket.item, ticket.line
    view = {
        "tracking_code": tracking.display(ticket.tracking_code),
        "ticket": {
            "number": ticket.number,
            "state": ticket.status,
            "ahead": queue.people_ahead(ticket),
            "window": ticket.window.number if ticket.window_id else None,
            "windows": [w.number for w in queue.windows_for_line(ticket.line_id)],
            "issued_at": clock.local(ticket.issued_at, zone).isoformat(timespec="minutes"),
            "service_day": ticket.service_day.isoformat(),
        },
        "item": {"code": item.code, "name": item.name, "name_en": item.name_en},
        "line": {"code": line.code, "name": line.name, "name_en": line.name_en},
        "cases": [],
    }
    for extend in _EXTENSIONS:
        extend(config, ticket, view)
    return view


# Later parts of the core (cases) add their public facts through this hook.
_EXTENSIONS: list = []


def register_extension(fn) -> None:
    if fn not in _EXTENSIONS:
        _EXTENSIONS.append(fn)
