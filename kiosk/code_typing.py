"""Typing a code at the kiosk: the on-screen keypad, a scanner typing the QR text and
Enter, Backspace. Mixed into the screens where a resident enters a tracking or
booking code (:mod:`kiosk.screens.track`, :mod:`kiosk.screens.check_in`): the code,
the line under it, the keypad and the look-up button are laid out here, and each
screen says what looking the code up asks of the models (``look_up``) and what the
answer is (``found``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from kiosk.keypad_typing import KeypadTyping
from kiosk.screens.base import QueryFailed
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


class CodeTyping(KeypadTyping):
    """Mixed in before KioskScreen: ``code`` is what was typed, shown in ``#code-display``;
    what the screen says goes to its ``MESSAGE`` line; ``#search`` looks the code up."""

    MESSAGE = "#track-message"
    HINT = "kiosk.track_hint"  # the line under the code until something else is said
    EMPTY = "kiosk.track_empty"  # said when the resident looks up before typing
    BUTTON = "kiosk.search"  # the look-up button's words
    code: str

    def compose_body(self) -> ComposeResult:
        yield Static(show_code(self.code), id="code-display")
        yield Static(tr(self.HINT), id=self.MESSAGE.removeprefix("#"))
        yield Keypad(id="keypad")

    def compose_actions(self) -> ComposeResult:
        yield BigButton(tr(self.BUTTON), id="search", action=True)

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
        text = self.begin_lookup()
        if text is not None:
            throttle = self.app.throttle  # type: ignore[attr-defined]
            self.ask(self.look_up(text, throttle), self.found, group="lookup")  # type: ignore[attr-defined]

    def look_up(self, text: str, throttle) -> Callable[[Any], Any]:
        """What looking ``text`` up asks of the hall (run off the screen's thread), through the throttle."""
        raise NotImplementedError

    def found(self, answer) -> Message:
        """The message the look-up's answer comes back as."""
        raise NotImplementedError

    def on_query_failed(self, message: QueryFailed) -> None:
        self.lookup_failed(self.failure_text(message.error))  # type: ignore[attr-defined]

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

    def typed_text(self) -> str:
        return self.code

    def retype(self, text: str) -> None:
        self.code = text
        self._show()

    def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.key == "enter":
            self.submit()
        elif event.key == "backspace":
            self.retype(self.code[:-1])
        elif event.character and event.character.isprintable() and len(self.code) < MAX_TEXT:
            self.code += event.character
            self._show()
