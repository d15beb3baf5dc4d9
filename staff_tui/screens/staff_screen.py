"""What every screen of the terminal is: one that asks the models through
:class:`~staff_tui.asking.Asking` (which also types its app), with its key
bindings in the clerk's words, and one line that says what happened.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Static

from shared_ui.plain import notify_plain, plain_text
from shared_ui.words import localise_bindings
from staff_tui.asking import Asking


class StaffScreen(Asking, Screen):
    def __init__(self, *, name: str) -> None:
        super().__init__(name=name)
        localise_bindings(self)

    MESSAGE_LINE: str | None = None
    """The Static that says what happened (:meth:`say`); a screen without one says it in a notice."""
    BOLD_ERRORS = True

    def say(self, text: str, *, error: bool = False) -> None:
        """``text`` on the message line, as typed (a name or a reason is no markup)."""
        if self.MESSAGE_LINE is None:
            notify_plain(self, text, severity="error" if error else "information")
            return
        line = self.query_one(self.MESSAGE_LINE, Static)
        line.update(plain_text(text, style="bold" if error and self.BOLD_ERRORS else ""))
        line.set_class(error, "error")
