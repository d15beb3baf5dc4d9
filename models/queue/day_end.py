"""The end of a service day for its tickets: whatever is still open gets a
final state of its own, once, and is never waiting again.

A ticket belongs to the service day it was taken on. When that day ends
(its closing sign-off, or at the latest the first time anything looks at a
later service day) every ticket of it still waiting becomes ``not_called``
(当日未叫到) and every one still called or being served becomes
``not_finished`` (当日未办结), each with a ``ticket.day_ended`` event; no row
is deleted. The move is a conditional ``UPDATE … WHERE status IN (open) …
RETURNING``: on SQLite it runs inside BEGIN IMMEDIATE (one writer at a time),
on PostgreSQL a second process running it at the same moment waits on the row
locks, re-reads the condition and finds nothing left, so each ticket gets its
final state exactly once whoever looks first.

On PostgreSQL the sweep also holds the ended day alone (the advisory lock a
take holds shared, :mod:`models.queue.day_hold`), and a take re-reads the
service day after holding it, so no ticket of an ended day lands after its
sweep.
"""

from __future__ import annotations

from datetime import date, timedelta

from models import events
from models.db import database, is_postgres
from models.queue.day_hold import DAY_LOCK_SPACE

OPEN_STATES = ("waiting", "called", "serving")
# The final state a ticket still open at its day's end gets, by where it stood.
FINAL_STATES = {"waiting": "not_called", "called": "not_finished", "serving": "not_finished"}
DAY_ENDED_STATES = tuple(sorted(set(FINAL_STATES.values())))

_ANY_OPEN = 'SELECT 1 FROM "ticket" WHERE service_day < {p} AND status IN ({open}) LIMIT 1'
_END = """
    UPDATE "ticket"
    SET status = CASE WHEN status = 'waiting' THEN 'not_called' ELSE 'not_finished' END
    WHERE service_day < {p} AND status IN ({open})
    RETURNING id, number, status, service_day"""


def _sql(template: str, postgres: bool) -> str:
    return template.format(p="%s" if postgres else "?", open=", ".join(f"'{s}'" for s in OPEN_STATES))


def end_days_before(day: date, reason: str) -> int:
    """Give every ticket of a service day before ``day`` that is still open its
    final state; returns how many moved (0 when another process was first).

    ``reason`` says what ended the day: ``"sign_off"`` or ``"next_day"``."""
    postgres = is_postgres()
    if database.execute_sql(_sql(_ANY_OPEN, postgres), (day,)).fetchone() is None:
        return 0  # the usual case, read without taking the write lock
    with database.atomic():
        if postgres:
            database.execute_sql(
                "SELECT pg_advisory_xact_lock(%s, %s)", (DAY_LOCK_SPACE, (day - timedelta(days=1)).toordinal())
            )
        rows = database.execute_sql(_sql(_END, postgres), (day,)).fetchall()
        for ticket_id, number, final, ticket_day in rows:
            ticket_day = ticket_day if isinstance(ticket_day, date) else date.fromisoformat(ticket_day)
            events.record(
                "ticket.day_ended", ticket_id, number=number, day=ticket_day.isoformat(), final=final, by=reason
            )
    return len(rows)
