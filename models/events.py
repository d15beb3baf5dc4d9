"""The change feed that lets kiosks, boards and terminals see each other's work.

Writers call :func:`record` inside the transaction of the change, so an event
exists exactly when its change was committed. Readers remember the last id
they saw and ask for :func:`after` it. :class:`EventWatcher` says *when* to
look: on SQLite a file watch on the database's folder (the ``-wal`` file is
written at every commit) wakes it within a few milliseconds, and ``PRAGMA
data_version`` (changes only when another connection commits, a few
microseconds a call) says whether it was a commit, polled as well in case the
watch misses one or cannot run; on PostgreSQL it LISTENs for the NOTIFY sent
at commit, with a slower poll in case a notification was missed while
disconnected. A missed or spurious wake-up costs latency or one look, never an
event.
"""

from __future__ import annotations

import json
import os
import threading
import time
from typing import Any

from models import clock
from models.db import database, is_postgres
from models.schema import Event
from models.schema.chain import digest_of, last_digest

# Written by hand, as the queue's hot statements are: every ticket taken or called writes one.
# On PostgreSQL the NOTIFY goes in the same round trip (it is delivered at commit either way).
CHANNEL = "hall_events"
_INSERT = {
    False: 'INSERT INTO "event" (at, kind, ref, data, prev, digest) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
    True: 'INSERT INTO "event" (at, kind, ref, data, prev, digest) VALUES (%s, %s, %s, %s, %s, %s) '
    f"RETURNING id, pg_notify('{CHANNEL}', id::text)",
}
POLL_SECONDS = 0.05
PG_FALLBACK_POLL_SECONDS = 1.0
# The file watch gathers a commit's writes for this long before it wakes the reader:
# shorter wakes sooner, and costs the watching thread a look (and the GIL) per step.
HINT_STEP_MS = 3
HINT_DEBOUNCE_MS = 6  # under a stream of commits, still a wake-up this often
# A wake-up can come between the commit's write and its end (the write-ahead
# log is written before the commit is marked): look again this often for a while.
SOON_SECONDS = 0.002
SOON_FOR_SECONDS = 0.03


def record(kind: str, ref: int | None = None, **data) -> int:
    """Append an event and return its id; call inside the transaction of the change."""
    return record_after(last_digest(database.obj, "event"), kind, ref, **data)


def record_after(prev: str, kind: str, ref: int | None = None, **data) -> int:
    """:func:`record` for a hot path that read the chain's last digest ``prev`` itself,
    beside its own change (:func:`models.schema.chain.last_digest_sql`; on PostgreSQL
    after holding the chain in an earlier statement): one statement fewer."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    at = clock.now()
    digest = digest_of(prev, (at, kind, ref, payload))
    cursor = database.execute_sql(_INSERT[is_postgres()], (at, kind, ref, payload, prev, digest))
    return cursor.fetchone()[0]


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
        self._hint: FileHint | None = None

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
        if self._hint is not None:
            self._hint.close()
            self._hint = None
        if self._listener is not None:
            try:
                self._listener.close()
            finally:
                self._listener = None

    def _wait_sqlite(self, since: int, deadline: float) -> list[Event]:
        if self._hint is None and self.db.database != ":memory:":
            self._hint = FileHint(self.db.database)
        hint = self._hint
        version = self.db.data_version
        soon_until = 0.0  # after a wake-up, look again shortly until then
        while not self._closed.is_set():
            now = time.monotonic()
            remaining = deadline - now
            if remaining <= 0:
                return []
            step = min(SOON_SECONDS if now < soon_until else POLL_SECONDS, remaining)
            if hint is None:
                time.sleep(step)
            elif hint.changed.wait(step):
                hint.changed.clear()  # before the look below, so a later write wakes us again
                soon_until = time.monotonic() + SOON_FOR_SECONDS
            current = self.db.data_version
            if current != version:
                version = current
                soon_until = 0.0
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


class FileHint:
    """A thread that sets :attr:`changed` whenever the SQLite file ``path`` or its
    ``-wal`` file is written (a commit, and also a checkpoint: a hint only).

    It watches the folder, not the files: the ``-wal`` file is removed when the
    last connection closes and made again by the next. Where file events cannot
    be had (no watchfiles, a file system without them) it ends quietly and the
    reader's poll carries on alone.
    """

    def __init__(self, path: str):
        self.changed = threading.Event()
        self._stop = threading.Event()
        path = os.path.abspath(path)
        self._folder = os.path.dirname(path)
        self._names = frozenset({os.path.basename(path), os.path.basename(path) + "-wal"})
        self._thread = threading.Thread(target=self._run, name="hall-file-hint", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        try:
            from watchfiles import watch

            for _changes in watch(
                self._folder,
                watch_filter=lambda _change, changed: os.path.basename(changed) in self._names,
                step=HINT_STEP_MS,
                debounce=HINT_DEBOUNCE_MS,
                stop_event=self._stop,
                rust_timeout=1000,
                recursive=False,
                raise_interrupt=False,
                ignore_permission_denied=True,
            ):
                self.changed.set()
        except Exception:  # noqa: BLE001  (no file events here: the poll is enough, only slower)
            pass
