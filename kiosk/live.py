"""The event feed, brought into an app: a thread worker that waits on
:class:`models.events.EventWatcher` and posts :class:`HallChanged`.

Another process's call, pause or catalogue load reaches the app as soon as
the watcher wakes (SQLite: a 50 ms poll of ``data_version``; PostgreSQL:
LISTEN/NOTIFY). A database hiccup costs a retry, never the loop.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from textual.message import Message
from textual.worker import Worker, get_current_worker

WAIT_SECONDS = 0.25


@dataclass(frozen=True)
class Change:
    id: int
    kind: str
    data: dict = field(default_factory=dict)


class HallChanged(Message, bubble=False):
    """Something changed in the hall (any process); ``changes`` are the new events."""

    def __init__(self, changes: tuple[Change, ...]) -> None:
        super().__init__()
        self.changes = changes
        self.received = time.perf_counter()

    def kinds(self) -> set[str]:
        return {c.kind for c in self.changes}


def start_live(app, since: int | None = None, stop: threading.Event | None = None) -> Worker:
    """Start watching the hall for ``app`` (which has ``.hall``); results go to ``app``.

    ``since`` is the last event id as of the hall's opening, read before any
    screen loaded: every change after it reaches the app, even one made
    between a screen's first load and this watcher's start. Setting ``stop``
    ends the watching within one poll (an app that is ending sets it)."""
    stop = stop or threading.Event()
    return app.run_worker(lambda: _watch(app, since, stop), thread=True, exclusive=True, group="live", name="live", exit_on_error=False)


def _watch(app, since: int | None, stop: threading.Event) -> None:
    from models import events
    from models.events import EventWatcher

    worker = get_current_worker()
    hall = app.hall
    last = since
    while not (worker.is_cancelled or stop.is_set()):
        try:
            with hall.db.connection_context():
                watcher = EventWatcher(hall.db, stop)
                try:
                    if last is None:
                        last = events.last_id()
                    while not (worker.is_cancelled or stop.is_set()):
                        new = watcher.wait(last, WAIT_SECONDS)
                        if new and not worker.is_cancelled:
                            last = new[-1].id
                            app.post_message(HallChanged(tuple(Change(e.id, e.kind, dict(e.data or {})) for e in new)))
                finally:
                    watcher.close()
        except Exception:
            if worker.is_cancelled or stop.is_set():
                return
            time.sleep(0.5)  # the database went away: try again; nothing is lost (ids)
