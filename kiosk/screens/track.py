"""Enter a tracking code: on-screen keypad, or a scanner that types the QR text and Enter.

Accepts the tracking URL or the bare code, any case, with or without dashes
(``tracking.normalise`` reads it). Wrong codes are counted by the throttle
of ``models/``, through the database: the same wrong code five times in a
minute pauses that code for 30 s, a flood of wrong codes pauses everyone.
"""

from __future__ import annotations

import re

from textual import on
from textual.message import Message
from textual.widgets import Button

from kiosk.code_typing import CodeTyping
from kiosk.screens.base import KioskScreen
from shared_ui.words import tr


class TrackScreen(CodeTyping, KioskScreen):
    """``purpose``: "track" (what the code shows comes next) or "rate" (rating it does)."""

    class CodeLookedUp(Message):
        """The code was found: ``view`` is its public view."""

        def __init__(self, purpose: str, view: dict) -> None:
            super().__init__()
            self.purpose = purpose
            self.view = view

    def __init__(self, purpose: str = "track", initial: str = "", submit: bool = False) -> None:
        super().__init__()
        self.purpose = purpose
        self.start_typing(initial, submit)

    def heading(self) -> str:
        return tr(f"kiosk.track_title_{self.purpose}")

    @on(Button.Pressed, "#search")
    def _search_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit()

    # --- looking up ------------------------------------------------------------------

    def look_up(self, text: str, throttle):
        def tracked_code(hall):
            from kiosk.rating_choices import tracked

            return throttle.lookup(text, lambda: tracked(hall, text))

        return tracked_code

    def found(self, answer) -> Message:
        return self.CodeLookedUp(self.purpose, answer)

    def on_track_screen_code_looked_up(self, message: CodeLookedUp) -> None:
        self.busy = False  # the app shows what comes next

    def lookup_failed(self, words: str) -> None:
        super().lookup_failed(words)
        if not re.fullmatch(r"[0-9A-Za-z\-\s]*", self.code):
            self.retype("")  # a scan that was not a code: start afresh
