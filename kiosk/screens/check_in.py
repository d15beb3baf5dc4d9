"""预约签到: a booked resident types the booking code or scans the QR of the booking page.

The same code entry as tracking (:class:`kiosk.screens.track.TrackScreen`:
keypad, scanner, forgiving reading); what the code does is the models'
``hall.appointments.check_in``. On time, the resident gets a ticket marked
预约 that is called at the booked time; later, an ordinary ticket, said
kindly; a holiday-duty booking is received by the duty person without a
queue. The answer stays on this screen, with the number large.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from kiosk.screens.track import TrackScreen
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.keypad import Keypad
from models.appointments.booking import OUTCOME_WORDS
from shared_ui.plain import plain
from shared_ui.words import tr


class CheckInScreen(TrackScreen):
    class CheckedIn(Message):
        """The booking was checked in: ``done`` is the models' CheckIn."""

        def __init__(self, done) -> None:
            super().__init__()
            self.done = done

    def __init__(self, initial: str = "", submit: bool = False) -> None:
        super().__init__("check_in", initial, submit)

    def heading(self) -> str:
        return tr("kiosk_check_in.title")

    def compose_body(self) -> ComposeResult:
        yield Static(plain(self._shown()), id="code-display")
        yield Static(tr("kiosk_check_in.hint"), id="track-message")
        yield Static("", id="check-in-number")
        yield Keypad(id="keypad")

    def _shown(self) -> str:
        from kiosk.screens.track import show_code

        return show_code(self.code)

    def submit(self) -> None:
        text = self.code.strip()
        if not text:
            self._say(tr("kiosk_check_in.empty"), refused=True)
            return
        if self.busy:
            return
        self.busy = True
        self.query_one("#search", BigButton).disabled = True
        self._say(tr("kiosk.please_wait"))
        self.ask(lambda hall: hall.appointments.check_in(text), self.CheckedIn, group="check_in")

    def on_check_in_screen_checked_in(self, message: CheckedIn) -> None:
        message.stop()
        self.busy = False
        done = message.done
        number = done.ticket.number if done.ticket else ""
        self._say(tr(f"appointment.{OUTCOME_WORDS[done.outcome]}", number=number), refused=done.outcome == "late")
        self.query_one("#track-message").remove_class("-refused")
        shown = self.query_one("#check-in-number", Static)
        shown.update(plain(f"{number}  {tr('appointment.mark')}" if done.outcome in ("on_time", "again") else number))
        self.query_one("#keypad", Keypad).display = False
        self.query_one("#search", BigButton).display = False
        self.set_heading(tr("kiosk_check_in.done_title"))
