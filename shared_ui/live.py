"""The change feed, brought into an app: one thread worker that waits on
:class:`models.events.EventWatcher` and posts :class:`HallChanged` to the app.

Another process's commit (a call, a pause, a catalogue load, a case) reaches
the app as soon as the watcher wakes (SQLite: the database file's events,
with a 50 ms poll of ``data_version`` behind them; PostgreSQL: LISTEN/NOTIFY). When the database goes away the
feed posts :class:`DatabaseLost`, retries every second, and posts
:class:`DatabaseRestored` and a reload (a HallChanged of kind
:data:`RECONNECTED`) once it answers again: nothing is lost, events have ids.

Where the feed starts: from ``since`` (the last event id read before any
screen loaded, so every later change arrives), or, without it, from the last
event id as the feed starts, with one reload then for what a screen may have
missed before. Setting ``stop`` ends the watching within one poll (an app that
is ending sets it: its thread is not waited out).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from textual.message import Message
from textual.worker import Worker, get_current_worker

WAIT_SECONDS = 0.2
RETRY_SECONDS = 1.0
RECONNECTED = "reconnected"  # the kind of a reload: the feed (re)started and something may have been missed


@dataclass(frozen=True)
class Change:
    id: int
    kind: str
    data: dict = field(default_factory=dict)


class HallChanged(Message, bubble=False):
    """Something changed in the hall (this or another process): ``changes`` are the new events, oldest first.

    ``kinds`` (a frozenset) says which kinds of change they are and ``last_id``
    is the newest event's id (0 for a change noticed without an event).
    """

    def __init__(self, changes: Iterable[Change]) -> None:
        super().__init__()
        self.changes = tuple(changes)
        self.kinds = frozenset(change.kind for change in self.changes)
        self.last_id = max((change.id for change in self.changes), default=0)
        self.received = time.perf_counter()

    @classmethod
    def of(cls, kinds: Iterable[str], last_id: int = 0) -> HallChanged:
        """A change of ``kinds`` known without reading the events (this app made it, or a reload)."""
        return cls(Change(last_id, kind) for kind in kinds)


class DatabaseLost(Message, bubble=False):
    """The database stopped answering; ``reason`` is one plain sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class DatabaseRestored(Message, bubble=False):
    """The database answers again."""


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def start_live(
    app,
    since: int | None = None,
    stop: threading.Event | None = None,
    *,
    describe: Callable[[BaseException], str] = _first_line,
) -> Worker:
    """Start watching the hall for ``app`` (which has ``.hall``); messages go to ``app``.

    ``since``: the last event id as of the hall's opening (see the module's
    docstring). ``describe`` says a database fault as the ``reason`` of a
    DatabaseLost.
    """
    stop = stop or threading.Event()
    return app.run_worker(
        lambda: _watch(app, since, stop, describe),
        thread=True,
        exclusive=True,
        group="live",
        name="live",
        exit_on_error=False,
    )


def _watch(app, since: int | None, stop: threading.Event, describe: Callable[[BaseException], str]) -> None:
    from models import events
    from models.db import check_present
    from models.events import EventWatcher

    worker = get_current_worker()
    hall = app.hall
    last = since
    lost = False

    def ending() -> bool:
        return worker.is_cancelled or stop.is_set()

    while not ending():
        try:
            check_present(hall.db)
            with hall.db.connection_context():
                watcher = EventWatcher(hall.db, stop)
                try:
                    if lost or last is None:
                        current = events.last_id()
                        if lost:
                            lost = False
                            app.post_message(DatabaseRestored())
                        if last is None:
                            last = current
                        # Screens may have loaded before this read (or while the
                        # database was away): one reload covers what they missed.
                        app.post_message(HallChanged.of({RECONNECTED}, last_id=current))
                    while not ending():
                        new = watcher.wait(last, WAIT_SECONDS)
                        check_present(hall.db)
                        if new and not worker.is_cancelled:
                            last = new[-1].id
                            app.post_message(HallChanged(Change(e.id, e.kind, dict(e.data or {})) for e in new))
                finally:
                    watcher.close()
        except Exception as exc:  # the database went away: say so, try again
            if ending():
                return
            if not lost:
                lost = True
                app.post_message(DatabaseLost(describe(exc)))
            time.sleep(RETRY_SECONDS)
