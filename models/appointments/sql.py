"""Hand-written SQL for listing slots and booking, as :mod:`models.queue.sql` does for tickets.

peewee spends far longer building a statement than SQLite spends running it,
and a listing of the booking horizon or a booking reads the same few things
each time: the item with its line and the windows serving it, the places
taken over the horizon (one grouped read), whether any booking is overdue,
and a phone number's open bookings and recent no-shows (one read). Each is
written once, with the driver's placeholder filled in per backend.
"""

from __future__ import annotations

from functools import cache

_STATEMENTS = {
    # The item, its line, and how many windows serve the line (neither retired).
    "item": """
        SELECT i.id, i.code, i.name, i.name_en, i.kind, i.service_minutes, i.open_from, i.open_to, i.retired,
               l.id, l.code, l.prefix, l.name, l.name_en, l.retired,
               (SELECT COUNT(*) FROM "window_line" wl JOIN "window" w ON w.id = wl.window_id
                 WHERE wl.line_id = l.id AND wl.retired = {false} AND w.retired = {false})
        FROM "item" i JOIN "line" l ON l.id = i.line_id
        WHERE i.code = {p}""",
    "places_taken": """
        SELECT day, slot, taken FROM "slot_taken" WHERE line_id = {p} AND day BETWEEN {p} AND {p}""",
    # Any booking at the hall past its check-in (the sweep has work only then).
    "overdue": """
        SELECT 1 FROM "appointment"
        WHERE status = 'booked' AND kind = 'window' AND starts_at < {p} LIMIT 1""",
    # One phone number's open bookings and its no-shows since a day, in day order.
    "phone_history": """
        SELECT status, day FROM "appointment"
        WHERE phone = {p} AND (status = 'booked' OR (status = 'no_show' AND day >= {p}))
        ORDER BY day""",
}


@cache
def statement(name: str, postgres: bool) -> str:
    return _STATEMENTS[name].format(p="%s" if postgres else "?", false="false" if postgres else "0")
