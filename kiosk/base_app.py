"""What the lobby kiosk and the display board share: an app on a hall.

Both draw their first frame at once and open the database meanwhile (a
:class:`kiosk.pending.PendingHall`; a hall that cannot be opened ends the
app with status 2), follow the event feed (:func:`shared_ui.live.start_live`),
take their theme from ``config.kiosk.theme`` (and follow the theme files),
end on SIGTERM/SIGINT, and offer no inherited key, command palette or text
selection to the public.

Textual calls the ``on_mount`` and ``on_unmount`` of every class of an app,
the subclass's first: a subclass's own handlers push its first screen or
stop its own parts, and this class does the rest.
"""

from __future__ import annotations

import asyncio
import signal
import threading

from textual import work
from textual.app import App
from textual.message import Message

from kiosk.pending import last_event_id
from models.i18n import pick
from models.plain_text import shown
from shared_ui.live import DatabaseLost, DatabaseRestored, HallChanged, start_live


class DayStateLearned(Message, bubble=False):
    """The app learned whether tickets are issued today (the closing sign-off,
    the first time the calendar of the hall as opened, and the database going
    away or coming back): a screen that says so says it again."""


class HallApp(App, inherit_bindings=False):
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    BINDINGS = []

    language: str  # the words' language now (the kiosk's changes; the board's stays)

    def __init__(self, hall, *, live: bool = True, watch_theme_files: bool = True):
        super().__init__()
        from themes import register_themes

        self.hall = hall
        self.live = live
        # A hall handed in already open (tests, benchmarks) marks where its
        # event feed starts now, before any screen loads; a PendingHall marks
        # it as it opens.
        self.events_from = None if hasattr(hall, "start") or not live else last_event_id(hall)
        self.watch_theme_files = watch_theme_files
        self._live_stop = threading.Event()  # set as the app ends: the feed's thread is not waited out
        register_themes(self)
        theme = hall.config.kiosk.theme
        self.base_theme = theme if theme in self.available_themes else "hall"
        self.theme = self.base_theme
        # Whether the day was closed by the duty's sign-off (a database fact);
        # the header reads this instead of asking the database every second.
        self.day_closed = False
        self.day_closed_next = None
        # Why the database does not answer, while it does not (the change feed says so):
        # the kiosk issues no ticket and the board marks its calls as not current.
        self.db_lost = ""
        self.day_closed_reason = ""  # a leader's reason for closing before the hours

    def hall_title(self, language: str) -> str:
        config = self.hall.config
        return shown(pick(config.hall_name, config.hall_name_en, language))

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from themes import theme_variable_defaults

        return theme_variable_defaults()

    # --- life ------------------------------------------------------------------

    def on_mount(self) -> None:
        # Everything that imports drivers or touches the database waits for the
        # first frame: a cold start is mostly imports, and a thread importing
        # beside the UI thread slows the first frame by as much.
        self.call_after_refresh(self._after_first_frame)
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                try:
                    loop.add_signal_handler(sig, self.exit)
                except (NotImplementedError, RuntimeError, ValueError):
                    pass

    def _after_first_frame(self) -> None:
        start = getattr(self.hall, "start", None)
        if start is not None:  # a PendingHall: open the database now
            start(self._hall_opened)
        else:
            self._hall_ready()
        if self.watch_theme_files:
            from themes import watch_themes

            self._theme_watch = watch_themes(self)

    def _hall_opened(self) -> None:
        """(In the opening thread, or at once if already open.) Follow the hall,
        or end the app when it cannot be opened."""
        then = self._hall_ready if self.hall.error is None else lambda: self.exit(None, 2)
        if threading.get_ident() == self._thread_id:
            then()
            return
        try:
            self.call_from_thread(then)
        except RuntimeError:  # the app has already ended
            pass

    def _hall_ready(self) -> None:
        if self.live:
            start_live(
                self, self.events_from if self.events_from is not None else self.hall.events_from, self._live_stop
            )
        self.check_day_closed()

    def on_unmount(self) -> None:
        self._live_stop.set()
        watch = getattr(self, "_theme_watch", None)
        if watch is not None:
            watch.stop()

    @work(thread=True, exclusive=True, group="day-closed", exit_on_error=False)
    def check_day_closed(self) -> None:
        from models import clock
        from models.queue.day_hold import closed_for_day, early_closing_reason

        hall = self.hall.wait(30) if hasattr(self.hall, "wait") else self.hall
        with hall.db.connection_context():
            today = clock.service_day(hall.config.zone)
            closed = closed_for_day(today)
            nxt = hall.queue.next_issuing() if closed else None
            reason = early_closing_reason(today) if closed else ""
        self.call_from_thread(self._set_day_closed, closed, nxt, reason)

    def _set_day_closed(self, closed: bool, nxt, reason: str = "") -> None:
        self.day_closed, self.day_closed_next, self.day_closed_reason = closed, nxt, reason
        self.screen.post_message(DayStateLearned())

    def on_database_lost(self, message: DatabaseLost) -> None:
        self.db_lost = message.reason or "-"
        self.screen.post_message(DayStateLearned())

    def on_database_restored(self, message: DatabaseRestored) -> None:
        self.db_lost = ""
        self.screen.post_message(DayStateLearned())

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith("duty.") for kind in message.kinds):
            self.check_day_closed()
        self.screen.post_message(HallChanged(message.changes))
