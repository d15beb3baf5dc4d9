"""A keyboard-wedge barcode scanner types what it read, then Enter.

Screens feed their key events here; on Enter the typed text comes back
whole (a tracking URL or a bare code, in any case, with or without dashes).
"""

from __future__ import annotations

from textual import events

MAX_LENGTH = 300


class WedgeBuffer:
    def __init__(self) -> None:
        self.text = ""

    def feed(self, event: events.Key) -> str | None:
        """Take one key; returns the typed text when Enter ends it."""
        if event.key == "enter":
            text, self.text = self.text, ""
            return text
        if event.key == "backspace":
            self.text = self.text[:-1]
            return None
        character = event.character
        if character and character.isprintable() and len(self.text) < MAX_LENGTH:
            self.text += character
        return None

    def clear(self) -> None:
        self.text = ""
