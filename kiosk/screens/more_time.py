"""「还需要更多时间吗？」: asked before the kiosk goes back to the start by itself.

Nobody is sent home silently: after a while without a touch the kiosk asks,
with one big button for more time and a countdown the resident can see
(``config.kiosk.warn_seconds``, at least 20 s). Only when the countdown runs
out does the app go home and forget the language, large text and anything
typed. The answer is the dialog's result: True for more time.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from kiosk.widgets.big_button import BigButton
from shared_ui.words import tr

MIN_WARN_SECONDS = 20


class MoreTimeScreen(ModalScreen[bool]):
    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.left = max(MIN_WARN_SECONDS, int(seconds))

    def compose(self) -> ComposeResult:
        with Vertical(id="more-time"):
            yield Static(tr("kiosk.more_time_question"), id="more-time-question")
            yield BigButton(tr("kiosk.more_time_yes"), id="more", action=True)
            yield Static(self._countdown(), id="more-time-countdown")
            yield BigButton(tr("kiosk.home"), id="leave")
            yield BigButton(tr("kiosk.help"), id="help")

    def _countdown(self) -> str:
        return tr("kiosk.countdown", seconds=self.left)

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.dismiss(False)
            return
        self.query_one("#more-time-countdown", Static).update(self._countdown())

    @on(Button.Pressed, "#more")
    def _more_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)

    class HelpAsked(Message):
        """The resident, asked whether more time is needed, wants a person instead."""

    @on(Button.Pressed, "#help")
    def _help_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.post_message(self.HelpAsked())
        self.dismiss(True)  # stay where they were: someone is coming

    @on(Button.Pressed, "#leave")
    def _leave_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)
