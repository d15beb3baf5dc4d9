"""The change feed brought into the terminal.

One thread worker waits on :class:`models.events.EventWatcher` (SQLite: a
50 ms poll of ``data_version``; PostgreSQL: LISTEN/NOTIFY) and posts
:class:`HallChanged` to the app as soon as another terminal, a kiosk or the
CLI commits. When the database goes away it posts :class:`DatabaseLost`,
retries every second, and posts :class:`DatabaseRestored` (with a
HallChanged, so screens reload) once it answers again.
"""

from __future__ import annotations

import time

from textual.worker import Worker, get_current_worker

from staff_tui.messages import DatabaseLost, DatabaseRestored, HallChanged

WAIT_SECONDS = 0.2
RETRY_SECONDS = 1.0


def start_live(app) -> Worker:
    return app.run_worker(
        lambda: _watch(app), thread=True, exclusive=True, group="live", name="live", exit_on_error=False
    )


def _watch(app) -> None:
    from models import events
    from models.events import EventWatcher
    from staff_tui.db import error_words

    worker = get_current_worker()
    hall = app.hall
    last = None
    lost = False
    while not worker.is_cancelled:
        try:
            with hall.db.connection_context():
                watcher = EventWatcher(hall.db)
                try:
                    current = events.last_id()
                    if lost:
                        lost = False
                        app.post_message(DatabaseRestored())
                        app.post_message(HallChanged(frozenset({"reconnected"}), current))
                    if last is None:
                        # Screens may have loaded before this first read: one
                        # reload covers a change made in between.
                        last = current
                        app.post_message(HallChanged(frozenset({"reconnected"}), current))
                    while not worker.is_cancelled:
                        new = watcher.wait(last, WAIT_SECONDS)
                        if new and not worker.is_cancelled:
                            last = new[-1].id
                            app.post_message(HallChanged(frozenset(e.kind for e in new), last))
                finally:
                    watcher.close()
        except Exception as exc:  # the database went away: say so, try again; nothing is lost (ids)
            if worker.is_cancelled:
                return
            if not lost:
                lost = True
                app.post_message(DatabaseLost(error_words(exc, app.lang)))
            time.sleep(RETRY_SECONDS)
