"""Typing a code at the kiosk: the on-screen keypad, a scanner typing the QR text and
Enter, Backspace. Mixed into the screens where a resident enters a tracking or
booking code (:mod:`kiosk.screens.track`, :mod:`kiosk.screens.check_in`); each says
what ``submit`` does with it.
"""

from __future__ import annotations

import re

from textual import events
from textual.widgets import Static

from kiosk.widgets.big_button import BigButton
from kiosk.widgets.keypad import Keypad
from models.queue.tracking import LENGTH
from shared_ui.plain import plain
from shared_ui.words import tr

MAX_TEXT = 300


def show_code(text: str) -> str:
    """The typed code as XXXX-XXXX-XXXX with blanks still to fill, or the raw scan."""
    cleaned = re.sub(r"[\s\-]", "", text).upper()
    if len(cleaned) <= LENGTH and cleaned.isalnum() or not cleaned:
        padded = cleaned.ljust(LENGTH, "_")
        return "-".join(padded[i : i + 4] for i in range(0, LENGTH, 4))
    return text if len(text) <= 40 else "…" + text[-39:]


class CodeTyping:
    """Mixed in before KioskScreen: ``code`` is what was typed, shown in ``#code-display``;
    what the screen says goes to its ``MESSAGE`` line; ``#search`` looks the code up."""

    MESSAGE = "#track-message"
    EMPTY = "kiosk.track_empty"  # said when the resident looks up before typing
    code: str

    def start_typing(self, initial: str, submit: bool) -> None:
        """In ``__init__``: a scan handed over from the home screen is looked up once mounted."""
        self.code = initial[:MAX_TEXT]
        self.submit_now = submit and bool(initial.strip())
        self.busy = False

    @property
    def has_typed(self) -> bool:
        return bool(self.code)

    def on_mount(self) -> None:
        if self.submit_now:
            self.submit()

    def submit(self) -> None:
        raise NotImplementedError

    def _say(self, text: str, refused: bool = False) -> None:
        message = self.query_one(self.MESSAGE, Static)  # type: ignore[attr-defined]
        message.update(plain(text))
        message.set_class(refused, "-refused")

    def begin_lookup(self) -> str | None:
        """The code to look up now (the button held, 「请稍候」 said), or None: nothing typed, or busy."""
        text = self.code.strip()
        if not text:
            self._say(tr(self.EMPTY), refused=True)
            return None
        if self.busy:
            return None
        self.busy = True
        self.query_one("#search", BigButton).disabled = True  # type: ignore[attr-defined]
        self._say(tr("kiosk.please_wait"))
        return text

    def lookup_failed(self, words: str) -> None:
        self.busy = False
        self.query_one("#search", BigButton).disabled = False  # type: ignore[attr-defined]
        self._say(words, refused=True)

    def _show(self) -> None:
        self.query_one("#code-display", Static).update(show_code(self.code))  # type: ignore[attr-defined]

    def on_keypad_key_tapped(self, message: Keypad.KeyTapped) -> None:
        cleaned = re.sub(r"[\s\-]", "", self.code)
        if cleaned and not cleaned.isalnum():
            cleaned = ""  # what a scanner typed was not a code: start afresh
        if len(cleaned) >= LENGTH:
            return
        self.code = cleaned + message.symbol
        self._show()

    def on_keypad_erased(self, message: Keypad.Erased) -> None:
        self.code = self.code[:-1]
        self._show()

    def on_keypad_cleared(self, message: Keypad.Cleared) -> None:
        self.code = ""
        self._show()

    def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.key == "enter":
            self.submit()
        elif event.key == "backspace":
            self.code = self.code[:-1]
            self._show()
        elif event.character and event.character.isprintable() and len(self.code) < MAX_TEXT:
            self.code += event.character
            self._show()
