"""Opening the hall's database, and saying plainly when it cannot be used.

An unreachable, locked or not-yet-initialised database is named in one
sentence; the terminal tries again every few seconds (R tries now) and
carries on by itself once the database answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Label, Static

from shared_ui.plain import plain
from shared_ui.words import tr
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.widgets.footer import HallFooter

RETRY_SECONDS = 5


class ConnectingScreen(StaffScreen):
    # There is no hall to ask yet: opening it is this screen's own worker, not an ask.

    @dataclass
    class HallOpened(Message, bubble=False):
        hall: object

    @dataclass
    class HallUnavailable(Message, bubble=False):
        reason: str

    BINDINGS = [Binding("r", "retry", "staff_connect.retry_now"), Binding("ctrl+q", "app.quit", "staff_ui.quit")]

    def __init__(self) -> None:
        super().__init__(name="connecting")
        self.countdown = 0
        self.attempts = 0

    def compose(self) -> ComposeResult:
        with Center(), Vertical(classes="card"):
            yield Label(tr("staff_connect.title"), classes="card-title")
            yield Static(tr("staff_connect.trying"), id="connect-state")
            yield Static("", id="connect-retry")
        yield HallFooter()

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.try_open()

    def _tick(self) -> None:
        if self.countdown > 0:
            self.countdown -= 1
            self.query_one("#connect-retry", Static).update(tr("staff_connect.retry_in", seconds=self.countdown))
            if self.countdown == 0:
                self.try_open()

    def action_retry(self) -> None:
        self.countdown = 0
        self.try_open()

    @work(thread=True, exclusive=True, group="connect", exit_on_error=False)
    def try_open(self) -> None:
        from models.db import DatabaseUnavailable
        from models.hall import open_hall

        self.attempts += 1
        app = self.app
        try:
            hall = open_hall(app.config)
            hall.db.close()  # this worker thread's connection; each call opens its own
        except DatabaseUnavailable as exc:
            self.post_message(self.HallUnavailable(str(exc)))
            return
        except Exception as exc:
            self.post_message(self.HallUnavailable(self.failure_words(exc)))
            return
        self.post_message(self.HallOpened(hall))

    def on_connecting_screen_hall_unavailable(self, message: HallUnavailable) -> None:
        self.query_one("#connect-state", Static).update(plain(tr("staff_connect.failed", reason=message.reason)))
        self.countdown = RETRY_SECONDS
        self.query_one("#connect-retry", Static).update(tr("staff_connect.retry_in", seconds=self.countdown))

    def on_connecting_screen_hall_opened(self, message: HallOpened) -> None:
        self.app.hall_ready(message.hall)
