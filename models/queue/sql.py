"""Hand-written SQL for the hot paths: taking a ticket, calling the next,
finishing it, and the public view of a code that phones poll (``hall web``).

Every statement that reads waiting tickets names the service day: only the
day's own tickets are ever waiting, counted or called.

peewee spends far longer building a statement than SQLite spends running it
(a few hundred microseconds against tens), and a kiosk or a window in a busy
hour does little else. These statements are written once, with the driver's
placeholder filled in per backend, and run with ``execute_sql``; the tables
they touch are defined in :mod:`models.schema`.
"""

from __future__ import annotations

import json
from functools import cache

from models.schema.chain import hold_sql, last_digest_sql

# The day's closing sign-off, unless a leader reopened the day (models.queue.day_hold).
_STANDING_CLOSING = """
    SELECT COALESCE(s.early_reason, '') FROM "duty_sign_off" s
    WHERE s."day" = {p} AND s."checklist" = 'closing'
      AND NOT EXISTS (SELECT 1 FROM "duty_reopen" r WHERE r.sign_off_id = s.id)
    ORDER BY s.round DESC LIMIT 1"""

_INSERT_TICKET = """
    INSERT INTO "ticket" (number, prefix, seq, service_day, item_id, line_id, priority, request_id,
                          tracking_code, status, issued_at, arrival_at, front, recalls, returned,
                          transfers, transfer_note)
    VALUES ({{p}}, {{p}}, {{p}}, {{p}}, {{p}}, {{p}}, {{p}}, {{p}}, {{p}}, 'waiting', {{p}}, {{p}}, {{false}}, 0, {{false}}, 0, '')
    RETURNING id, ({ahead}), {{event_digest}}"""

# PostgreSQL: the counter's bump and the ticket under its number in one statement, with the
# day's standing closing read after the day was held (the statement before holds it).
_TAKE_TICKET = """
    WITH c AS (
        INSERT INTO "ticket_counter" (prefix, day, last) VALUES (%s, %s, 1)
        ON CONFLICT (prefix, day) DO UPDATE SET last = "ticket_counter".last + 1
        RETURNING prefix, day, last)
    INSERT INTO "ticket" (number, prefix, seq, service_day, item_id, line_id, priority, request_id,
                          tracking_code, status, issued_at, arrival_at, front, recalls, returned,
                          transfers, transfer_note)
    SELECT c.prefix || CASE WHEN c.last < 1000 THEN lpad(c.last::text, 3, '0') ELSE c.last::text END,
           c.prefix, c.last, c.day, %s, %s, %s, %s, %s, 'waiting', %s, %s, false, 0, false, 0, ''
    FROM c
    RETURNING id, number, ({ahead}), {{event_digest}}, ({closing})"""

# Waiting tickets of the new ticket's line called before it ("ticket" is the row just inserted).
_AHEAD_OF_NEW = """
    SELECT COUNT(*) FROM "ticket" o
    WHERE o.status = 'waiting' AND o.service_day = "ticket".service_day AND o.line_id = "ticket".line_id
      AND o.id <> "ticket".id
      AND (o.front OR ({before}(o.arrival_at < "ticket".arrival_at
                                OR (o.arrival_at = "ticket".arrival_at AND o.id < "ticket".id))))"""

_LINE_WINDOWS = {
    False: """SELECT json_group_array(json_array(number, paused)) FROM (
                  SELECT w.number, w.paused FROM "window" w JOIN "window_line" wl ON wl.window_id = w.id
                  WHERE wl.line_id = l.id AND NOT wl.retired AND NOT w.retired ORDER BY w.number)""",
    True: """SELECT json_agg(json_build_array(w.number, w.paused) ORDER BY w.number)
             FROM "window" w JOIN "window_line" wl ON wl.window_id = w.id
             WHERE wl.line_id = l.id AND NOT wl.retired AND NOT w.retired""",
}

_WINDOW_LINES = """SELECT line_id FROM "window_line" WHERE window_id = {p} AND NOT retired"""

_STATEMENTS = {
    # On PostgreSQL this also holds the service day shared (models.queue.day_hold.hold_day)
    # and the change feed's chain, in the same round trip: {held} takes the lock space and
    # the day first. The ticket's insert, a later statement, reads the chain's last digest.
    # The line's windows come along as one JSON array of [number, paused], in number order.
    "item_for_ticket": """
        SELECT i.id, i.code, i.name, i.name_en, i.retired, i.open_from, i.open_to, i.service_minutes,
               l.id, l.prefix, l.code, l.name, l.name_en, l.retired, ({line_windows})
        FROM {held}"item" i JOIN "line" l ON l.id = i.line_id
        WHERE i.code = {p}""",
    "windows_for_line": """
        SELECT w.number, w.paused
        FROM "window" w JOIN "window_line" wl ON wl.window_id = w.id
        WHERE wl.line_id = {p} AND NOT wl.retired AND NOT w.retired
        ORDER BY w.number""",
    "ticket_by_request": """SELECT id FROM "ticket" WHERE request_id = {p}""",
    # What a tracking code shows of its ticket (models.cases.public_view), polled by phones.
    "public_ticket": """
        SELECT t.id, t.number, t.status, t.line_id, t.arrival_at, t.priority, t.front, t.issued_at,
               t.service_day, t.window_id, w.number,
               i.code, i.name, i.name_en, i.service_minutes, l.code, l.name, l.name_en
        FROM "ticket" t JOIN "item" i ON i.id = t.item_id JOIN "line" l ON l.id = t.line_id
        LEFT JOIN "window" w ON w.id = t.window_id
        WHERE t.tracking_code = {p}""",
    "code_has_cases": """SELECT 1 FROM "case_record" WHERE tracking_code = {p} LIMIT 1""",
    "standing_closing": _STANDING_CLOSING,
    # The day's standing closing comes back with the number (NULL: none; else its early reason or ""):
    # on PostgreSQL this statement is the first after the day is held, so it reads what the hold waited for.
    "bump_counter": """
        INSERT INTO "ticket_counter" (prefix, day, last) VALUES ({p}, {p}, 1)
        ON CONFLICT (prefix, day) DO UPDATE SET last = "ticket_counter".last + 1
        RETURNING last, ("""
    + _STANDING_CLOSING
    + ")",
    # The people ahead come back with the new ticket's id (see Queue.people_ahead: a new ticket is never in front).
    "insert_ticket": _INSERT_TICKET.format(ahead=_AHEAD_OF_NEW.format(before="")),
    "insert_priority_ticket": _INSERT_TICKET.format(ahead=_AHEAD_OF_NEW.format(before="o.priority AND ")),
    "take_ticket": _TAKE_TICKET.format(ahead=_AHEAD_OF_NEW.format(before=""), closing=_STANDING_CLOSING),
    "take_priority_ticket": _TAKE_TICKET.format(
        ahead=_AHEAD_OF_NEW.format(before="o.priority AND "), closing=_STANDING_CLOSING
    ),
    # People ahead, by the kind of ticket asking (see Queue.people_ahead).
    "ahead_normal": """
        SELECT COUNT(*) FROM "ticket"
        WHERE status = 'waiting' AND service_day = {p} AND line_id = {p} AND id <> {p}
          AND (front OR arrival_at < {p} OR (arrival_at = {p} AND id < {p}))""",
    "ahead_priority": """
        SELECT COUNT(*) FROM "ticket"
        WHERE status = 'waiting' AND service_day = {p} AND line_id = {p} AND id <> {p}
          AND (front OR (priority AND (arrival_at < {p} OR (arrival_at = {p} AND id < {p}))))""",
    "ahead_front": """
        SELECT COUNT(*) FROM "ticket"
        WHERE status = 'waiting' AND service_day = {p} AND line_id = {p} AND id <> {p}
          AND front AND (arrival_at < {p} OR (arrival_at = {p} AND id < {p}))""",
    # A read without the write lock, so pressing "call" on an empty queue
    # does not hold up the kiosks.
    "anyone_waiting_for": """
        SELECT 1 FROM "ticket" t
        WHERE t.status = 'waiting' AND t.service_day = {p}
          AND t.line_id IN (SELECT wl.line_id FROM "window_line" wl JOIN "window" w ON w.id = wl.window_id
                            WHERE w.number = {p} AND NOT wl.retired)
          AND (t.target_window_id IS NULL
               OR t.target_window_id = (SELECT id FROM "window" WHERE number = {p}))
        LIMIT 1""",
    "window_for_call": """SELECT id, paused FROM "window" WHERE number = {p} AND NOT retired""",
    # The window, and whether its last ``priority_streak`` calls were all priority and its last
    # ``booked_streak`` all booked (false or NULL if not; Queue.priority_streak_full and
    # booked_streak_full say why it matters), in one statement: calling reads them first.
    # On PostgreSQL it also holds the change feed's chain ({chain_held}): the claim, the next
    # statement, reads the chain's last digest. The two streaks are written into the statement,
    # not passed: with a parameter for its LIMIT, PostgreSQL cannot trust a cached plan of it,
    # and planned it afresh at every call once the hall kept a year of tickets.
    "window_for_call_next": """
        SELECT w.id, w.paused,
               (SELECT COUNT(*) = {priority_streak} AND SUM(CASE WHEN r.priority THEN 1 ELSE 0 END) = COUNT(*) FROM (
                    SELECT priority FROM "ticket"
                    WHERE line_id IN (SELECT wl.line_id FROM "window_line" wl JOIN "window" ww ON ww.id = wl.window_id
                                      WHERE ww.number = {p} AND NOT wl.retired)
                      AND service_day = {p} AND called_at IS NOT NULL AND NOT returned
                    ORDER BY called_at DESC, id DESC LIMIT {priority_streak}) r),
               (SELECT COUNT(*) = {booked_streak} AND SUM(CASE WHEN r.booked THEN 1 ELSE 0 END) = COUNT(*) FROM (
                    SELECT b.ticket_id IS NOT NULL AS booked
                    FROM "ticket" t LEFT JOIN "booked_ticket" b ON b.ticket_id = t.id
                    WHERE t.line_id IN (SELECT wl.line_id FROM "window_line" wl JOIN "window" ww ON ww.id = wl.window_id
                                        WHERE ww.number = {p} AND NOT wl.retired)
                      AND t.service_day = {p} AND t.called_at IS NOT NULL AND NOT t.returned
                    ORDER BY t.called_at DESC, t.id DESC LIMIT {booked_streak}) r)
        FROM {chain_held}"window" w WHERE w.number = {p} AND NOT w.retired""",
    "recent_call_priorities": """
        SELECT priority FROM "ticket"
        WHERE line_id IN (SELECT line_id FROM "window_line" WHERE window_id = {p} AND NOT retired)
          AND service_day = {p} AND called_at IS NOT NULL AND NOT returned
        ORDER BY called_at DESC, id DESC LIMIT {p}""",
    # Returned residents first; then booked residents whose slot has come, first or last as the
    # booked streak rule says; then priority first or last as the priority streak rule says.
    # The next ticket in that order chosen and claimed in one statement, with what the caller
    # is told of it and the chain's last digest for the call's event. Only the ticket and its
    # booking are sorted; the names are read for the one row claimed.
    "claim_next": """
        UPDATE "ticket" SET status = 'called', window_id = {p}, called_at = {p}, called_by_id = {p},
               front = {false}, target_window_id = NULL,
               first_responder_id = COALESCE(first_responder_id, {p})
        WHERE id = (
            SELECT t.id FROM "ticket" t LEFT JOIN "booked_ticket" b ON b.ticket_id = t.id
            WHERE t.status = 'waiting' AND t.service_day = {p}
              AND t.line_id {in_window_lines}
              AND (t.target_window_id IS NULL OR t.target_window_id = {p})
            ORDER BY t.front DESC, (b.due_at IS NOT NULL AND b.due_at <= {p}) {booked}, t.priority {direction},
                     t.arrival_at, t.id
            LIMIT 1{lock})
          AND status = 'waiting'
        RETURNING id, number, priority, recalls, returned, transfers, issued_at,
                  (SELECT i.code FROM "item" i WHERE i.id = "ticket".item_id),
                  (SELECT i.name FROM "item" i WHERE i.id = "ticket".item_id),
                  (SELECT l.code FROM "line" l WHERE l.id = "ticket".line_id),
                  EXISTS (SELECT 1 FROM "booked_ticket" bt WHERE bt.ticket_id = "ticket".id),
                  {event_digest}""",
    "recent_call_booked": """
        SELECT b.ticket_id IS NOT NULL FROM "ticket" t LEFT JOIN "booked_ticket" b ON b.ticket_id = t.id
        WHERE t.line_id IN (SELECT line_id FROM "window_line" WHERE window_id = {p} AND NOT retired)
          AND t.service_day = {p} AND t.called_at IS NOT NULL AND NOT t.returned
        ORDER BY t.called_at DESC, t.id DESC LIMIT {p}""",
    "claim_ticket": """
        UPDATE "ticket" SET status = 'called', window_id = {p}, called_at = {p}, called_by_id = {p},
               front = {false}, target_window_id = NULL,
               first_responder_id = COALESCE(first_responder_id, {p})
        WHERE id = {p} AND status = 'waiting'""",
    # 办结 at the window: the ticket must be today's, at this window and called or being served.
    "finish_ticket": """
        UPDATE "ticket" SET status = 'done', finished_at = {p}, started_at = COALESCE(started_at, called_at)
        WHERE number = {p} AND service_day = {p} AND status IN ('called', 'serving')
          AND window_id = (SELECT id FROM "window" WHERE number = {p})
        RETURNING id, item_id, line_id, priority, recalls, returned, transfers, issued_at, called_at, started_at""",
    "item_and_line": """
        SELECT i.code, i.name, l.code FROM "item" i JOIN "line" l ON l.id = {p} WHERE i.id = {p}""",
}


@cache
def statement(
    name: str,
    postgres: bool,
    direction: str = "DESC",
    booked: str = "DESC",
    *,
    priority_streak: int = 0,
    booked_streak: int = 0,
) -> str:
    return _STATEMENTS[name].format(
        priority_streak=max(0, int(priority_streak)),
        booked_streak=max(0, int(booked_streak)),
        p="%s" if postgres else "?",
        false="false" if postgres else "0",
        direction=direction,
        booked=booked,
        lock=" FOR UPDATE OF t SKIP LOCKED" if postgres else "",
        held=f"(SELECT pg_advisory_xact_lock_shared(%s, %s), {hold_sql('event')}) AS held, " if postgres else "",
        chain_held=f"(SELECT {hold_sql('event')}) AS held, " if postgres else "",
        event_digest=last_digest_sql("event"),
        # The window's lines read once: PostgreSQL would otherwise look them up for every waiting ticket.
        in_window_lines=(
            f"= ANY(ARRAY({_WINDOW_LINES.format(p='%s')}))" if postgres else f"IN ({_WINDOW_LINES.format(p='?')})"
        ),
        line_windows=_LINE_WINDOWS[postgres],
    )


def line_windows(value) -> list[tuple[int, bool]]:
    """``item_for_ticket``'s windows column as (number, paused) pairs: JSON text on SQLite,
    already decoded on PostgreSQL, NULL there for a line without windows."""
    if isinstance(value, str):
        value = json.loads(value)
    return sorted((number, bool(paused)) for number, paused in value or ())  # SQLite keeps no order promise
