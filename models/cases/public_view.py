"""What anyone holding a tracking code may see: never a name, phone or ID.

The kiosk and ``hall case show`` use only this. The answer is built from an
allow-list of fields, so a column added to a table later cannot leak here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from models import clock
from models.cases.ledger import public_cases
from models.config import Config
from models.db import database, is_postgres
from models.errors import NotFound
from models.queue import tracking
from models.queue.sql import statement
from models.queue.tickets import Queue
from models.schema import Item


class _TicketRow(NamedTuple):
    id: int
    number: str
    status: str
    line_id: int
    arrival_at: Any  # as stored: compared again by the queue's own SQL
    priority: bool
    front: bool
    issued_at: Any
    service_day: Any
    window_id: int | None
    window: int | None
    item_code: str
    item_name: str
    item_name_en: str
    service_minutes: int
    line_code: str
    line_name: str
    line_name_en: str


def _instant(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def public_view(config: Config, text: str, queue: Queue | None = None) -> dict:
    """The resident-visible facts behind a tracking code; raises Refused.

    A code comes from a ticket (its cases, if any, listed under "cases") or
    from a case opened without a ticket (phone, letter, visit, appointment):
    then "ticket" is None and "item"/"line" are those of its first case.
    Phones poll this (``hall web``), so the ticket's part is hand-written SQL
    (:mod:`models.queue.sql`) and a caller that asks often passes its
    long-lived ``queue``, whose median service time stays cached.
    """
    code = tracking.read(text)
    queue = queue or Queue(config)
    queue.today()  # a ticket of an ended day shows its final state, never "waiting"
    postgres = is_postgres()
    row = database.execute_sql(statement("public_ticket", postgres), (code,)).fetchone()
    ticket = _TicketRow(*row) if row is not None else None
    has_cases = database.execute_sql(statement("code_has_cases", postgres), (code,)).fetchone() is not None
    cases = public_cases(config, code) if has_cases else []
    if ticket is None and not cases:
        raise NotFound("unknown_tracking_code", code=tracking.display(code))
    ticket_view = None
    if ticket is None:
        item = Item.get(Item.code == cases[0]["item"]["code"])
        line = item.line
        item_view = {"code": item.code, "name": item.name, "name_en": item.name_en}
        line_view = {"code": line.code, "name": line.name, "name_en": line.name_en}
    else:
        item_view = {"code": ticket.item_code, "name": ticket.item_name, "name_en": ticket.item_name_en}
        line_view = {"code": ticket.line_code, "name": ticket.line_name, "name_en": ticket.line_name_en}
        windows = database.execute_sql(statement("windows_for_line", postgres), (ticket.line_id,)).fetchall()
        ahead = queue.people_ahead(ticket)
        open_windows = sum(1 for _number, paused in windows if not paused)
        ticket_view = {
            "number": ticket.number,
            "state": ticket.status,
            "ahead": ahead,
            "wait_minutes": queue.expected_wait(
                ticket.line_id, ahead, ticket.service_minutes, open_windows=open_windows
            )
            if ticket.status == "waiting"
            else 0,
            "window": ticket.window,
            "windows": [number for number, _paused in windows],
            # Every window of the line paused: nobody calls until one resumes.
            "paused": bool(windows) and open_windows == 0,
            "issued_at": clock.local(_instant(ticket.issued_at), config.zone).isoformat(timespec="minutes"),
            "service_day": str(ticket.service_day)[:10],
        }
    return {
        "tracking_code": tracking.display(code),
        "ticket": ticket_view,
        "item": item_view,
        "line": line_view,
        "cases": cases,
    }
