"""预约签到: a booked resident types the booking code or scans the QR of the booking page.

The code is typed as a tracking code is (:mod:`kiosk.code_typing`: keypad,
scanner, forgiving reading); what it does is the models'
``hall.appointments.check_in``. On time, the resident gets a ticket marked
预约 that is called at the booked time; later, an ordinary ticket, said
kindly; a holiday-duty booking is received by the duty person without a
queue. A check-in that gives a ticket leads to the ticket screen, which
prints it as any ticket is printed (or says to note the number and the
code); a holiday-duty answer stays on this screen.
"""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import Button

from kiosk import queries
from kiosk.code_typing import CodeTyping
from kiosk.screens.base import KioskScreen
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.keypad import Keypad
from models.appointments.booking import OUTCOME_WORDS
from shared_ui.words import tr


class CheckInScreen(CodeTyping, KioskScreen):
    class CheckedIn(Message):
        """The booking was checked in: ``done`` is the models' CheckIn, ``materials`` its item's."""

        def __init__(self, answer) -> None:
            super().__init__()
            self.done, self.materials = answer

        @property
        def words(self) -> str:
            """How the check-in went, in a sentence with the number."""
            number = self.done.ticket.number if self.done.ticket else ""
            words = tr(f"appointment.{OUTCOME_WORDS[self.done.outcome]}", number=number)
            booked = self.done.outcome in ("on_time", "again") and number  # called at the booked time
            return f"【{tr('appointment.mark')}】{words}" if booked else words

    MESSAGE = "#check-in-message"
    HINT = "kiosk_check_in.hint"
    EMPTY = "kiosk_check_in.empty"
    BUTTON = "kiosk_check_in.button"

    def __init__(self, initial: str = "", submit: bool = False) -> None:
        super().__init__()
        self.start_typing(initial, submit)

    def heading(self) -> str:
        return tr("kiosk_check_in.title")

    @on(Button.Pressed, "#search")
    def _search_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit()

    def look_up(self, text: str, throttle):
        def check_in(hall):
            from models.appointments.booking import unknown_code

            # The tracking codes' limit: a wrong booking code counts, a right one early or late does not.
            done = throttle.lookup(text, lambda: hall.appointments.check_in(text), counts=unknown_code)
            return done, queries.materials(done.booking.item) if done.ticket else []

        return check_in

    def found(self, answer) -> Message:
        return self.CheckedIn(answer)

    def on_check_in_screen_checked_in(self, message: CheckedIn) -> None:
        self.busy = False
        if message.done.ticket:
            return  # the app shows the ticket
        message.stop()
        self._say(message.words)
        self.query_one("#keypad", Keypad).display = False
        self.query_one("#search", BigButton).display = False
        self.set_heading(tr("kiosk_check_in.done_title"))
