"""Leaving the terminal: Ctrl+L signs out and Ctrl+Q quits, both asking which
state to leave in (休息 first), as the whereabouts board must not show an
empty counter as 在岗.

Quitting also says when a ticket is still called or being served at the
window (it stays there, unfinished, for the next person to finish or
transfer). Ctrl+Q a second time, or with the database out of reach, quits at
once and leaves the state as it was: quitting must always be possible.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from models.i18n import t
from models.queue.view import window_states


def ticket_at(hall, window: int):
    """(number, status) of today's ticket called or served at ``window``, or None (runs in a worker)."""
    state = next((w for w in window_states(hall.queue.today()) if w.number == window), None)
    if state is None or state.current is None:
        return None
    return state.current, state.current_status


class Leaving:
    """Mixed into the staff app, before Textual's App."""

    @dataclass
    class TicketAtWindowRead(Message, bubble=False):
        """What is at the window as Ctrl+Q was pressed: (number, status), or None."""

        ticket: tuple | None

    _quit_asked = False

    def action_sign_out_asking(self) -> None:
        """Ctrl+L: sign out, leaving one's state as chosen (休息 first)."""
        from staff_tui.modals.state_pick import StateDialog, StateRequest

        shift = self.shift  # type: ignore[attr-defined]

        def answered(result) -> None:
            if result is not None and self.shift is shift:  # type: ignore[attr-defined]
                self.sign_out()  # type: ignore[attr-defined]

        self.push_screen(StateDialog(StateRequest(shift.code, shift.name, sign_out=True)), answered)  # type: ignore[attr-defined]

    def action_quit(self) -> None:
        if self.locked:  # type: ignore[attr-defined]
            return
        if self.shift is None or self.db_problem or self._quit_asked:  # type: ignore[attr-defined]
            self.exit()  # type: ignore[attr-defined]
            return
        self._quit_asked = True
        window = self.shift.window  # type: ignore[attr-defined]
        self.ask(lambda hall: ticket_at(hall, window), self.TicketAtWindowRead, group="quitting")  # type: ignore[attr-defined]

    def on_leaving_ticket_at_window_read(self, message: TicketAtWindowRead) -> None:
        from staff_tui.modals.state_pick import StateDialog, StateRequest

        shift = self.shift  # type: ignore[attr-defined]
        if shift is None:
            self._quit_asked = False
            return
        warning = ""
        if message.ticket is not None:
            number, status = message.ticket
            key = "staff_ui.where.quit_serving" if status == "serving" else "staff_ui.where.quit_called"
            warning = t(key, self.lang, number=number, window=shift.window)  # type: ignore[attr-defined]

        def answered(result) -> None:
            self._quit_asked = False
            if result is not None:
                self.exit()  # type: ignore[attr-defined]

        request = StateRequest(shift.code, shift.name, sign_out=True, quitting=True, warning=warning)
        self.push_screen(StateDialog(request), answered)  # type: ignore[attr-defined]
