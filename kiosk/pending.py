"""A hall whose database is still opening: config and calendar at once, the rest when ready.

``hall kiosk`` and ``hall board`` draw their first frame from the config
alone and open the database in a background thread meanwhile (importing the
database drivers is most of a cold start). Workers that need ``db`` or
``queue`` wait for the opening; if it fails, ``error`` holds why and the app
ends so the command can say it in one line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


def last_event_id(hall) -> int:
    from models import events

    with hall.db.connection_context():
        return events.last_id()


class PendingHall:
    def __init__(self, config, opener: Callable):
        from models.calendar import HallCalendar

        self.config = config
        self.calendar = HallCalendar(config)
        self.error: BaseException | None = None
        self.events_from: int | None = None  # the last event id as of opening (see shared_ui.live.start_live)
        self._opener = opener
        self._hall = None
        self._ready = threading.Event()
        self._started = False
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def start(self, on_done: Callable[[], None] | None = None) -> None:
        """Open the database in a background thread (once); ``on_done`` runs when it is open or failed."""
        with self._lock:
            if on_done is not None:
                if self._ready.is_set():
                    call_now = True
                else:
                    self._callbacks.append(on_done)
                    call_now = False
            else:
                call_now = False
            begin = not self._started
            self._started = True
        if call_now:
            on_done()
        if begin:
            threading.Thread(target=self.open, name="hall-open", daemon=True).start()

    def open(self) -> None:
        try:
            hall = self._opener(self.config)
            self.events_from = last_event_id(hall)
            self.config, self.calendar = hall.config, hall.calendar
            self._hall = hall
        except BaseException as exc:  # said by the command once the app has ended
            self.error = exc
        finally:
            with self._lock:
                self._ready.set()
                callbacks, self._callbacks = self._callbacks, []
            for callback in callbacks:
                callback()

    def wait(self, timeout: float | None = None):
        if not self._started:
            self.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the database is still opening")
        if self.error is not None:
            raise RuntimeError(f"the database could not be opened: {self.error}")
        return self._hall

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.wait(), name)
