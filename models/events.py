"""The change feed that lets kiosks, boards and terminals see each other's work.

Writers call :func:`record` inside the transaction of the change, so an event
exists exactly when its change was committed. Readers remember the last id
they saw and ask for :func:`after` it. :class:`EventWatcher` says *when* to
look: on SQLite it polls ``PRAGMA data_version`` (changes only when another
connection commits, a few microseconds a call); on PostgreSQL it LISTENs for
the NOTIFY sent at commit, with a slower poll in case a notification was
missed while disconnected. A missed wake-up costs latency, never an event.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from models import clock
from models.db import database, is_postgres
from models.schema import Event
from models.schema.chain import digest_of, last_digest

# Written by hand, as the queue's hot statements are: every ticket taken or called writes one.
_INSERT = {
    postgres: 'INSERT INTO "event" (at, kind, ref, data, prev, digest) VALUES ({p}, {p}, {p}, {p}, {p}, {p}) RETURNING id'.format(
        p="%s" if postgres else "?"
    )
    for postgres in (False, True)
}
CHANNEL = "hall_events"
POLL_SECONDS = 0.05
PG_FALLBACK_POLL_SECONDS = 1.0


def record(kind: str, ref: int | None = None, **data) -> int:
    """Append an event and return its id; call inside the transaction of the change."""
    postgres = is_postgres()
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    at = clock.now()
    db = database.obj
    prev = last_digest(db, "event")
    digest = digest_of(prev, (at, kind, ref, payload))
    cursor = database.execute_sql(_INSERT[postgres], (at, kind, ref, payload, prev, digest))
    event_id = cursor.fetchone()[0]
    if postgres:
        database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, str(event_id)))
    return event_id


def after(last_id: int, limit: int = 500) -> list[Event]:
    return list(Event.select().where(Event.id > last_id).order_by(Event.id).limit(limit))


def last_id() -> int:
    from peewee import fn

    return Event.select(fn.MAX(Event.id)).scalar() or 0


class EventWatcher:
    """Blocks until another process may have written events.

    Use one per thread: ``wait(last_id, timeout)`` returns the new events
    (possibly none when the timeout passes). ``close()`` releases the
    PostgreSQL listening connection. Setting ``stop`` (from any thread) ends
    the current wait within one poll, so an app ends without waiting it out.
    """

    def __init__(self, db=None, stop: threading.Event | None = None):
        self.db = db if db is not None else database.obj
        self._listener: Any = None  # psycopg's connection while listening (psycopg is untyped here)
        self._closed = stop if stop is not None else threading.Event()

    def wait(self, since: int, timeout: float = 1.0) -> list[Event]:
        deadline = time.monotonic() + timeout
        events = after(since)
        if events:
            return events
        if is_postgres(self.db):
            return self._wait_postgres(since, deadline)
        return self._wait_sqlite(since, deadline)

    def close(self) -> None:
        self._closed = threading.Event()
        self._closed.set()
        if self._listener is not None:
            try:
                self._listener.close()
            finally:
                self._listener = None

    def _wait_sqlite(self, since: int, deadline: float) -> list[Event]:
        version = self.db.data_version
        while not self._closed.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            time.sleep(min(POLL_SECONDS, remaining))
            current = self.db.data_version
            if current != version:
                version = current
                events = after(since)
                if events:
                    return events
        return []

    def _wait_postgres(self, since: int, deadline: float) -> list[Event]:
        try:
            conn = self._listen()
        except Exception:
            conn = None  # fall back to polling; the next wait tries again
        while not self._closed.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            step = min(PG_FALLBACK_POLL_SECONDS if conn else POLL_SECONDS * 4, remaining)
            if conn is not None:
                try:
                    for _ in conn.notifies(timeout=step, stop_after=1):
                        pass
                except Exception:
                    self._drop_listener()
                    conn = None
            else:
                time.sleep(step)
            events = after(since)
            if events:
                return events
        return []

    def _listen(self):
        if self._listener is None or self._listener.closed:
            import psycopg

            params = dict(self.db.connect_params)
            self._listener = psycopg.connect(dbname=self.db.database, autocommit=True, **params)
            self._listener.execute(f"LISTEN {CHANNEL}")
        return self._listener

    def _drop_listener(self) -> None:
        try:
            if self._listener is not None:
                self._listener.close()
        except Exception:
            pass
        self._listener = None
