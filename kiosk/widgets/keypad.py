"""An on-screen keypad for tracking codes (Crockford base-32 symbols), or for digits only.

Narrow screens show digits and letters on two pages with a switch key; wide
ones show every symbol at once. Keys post :class:`Keypad.KeyTapped`,
:class:`Keypad.Erased` and :class:`Keypad.Cleared`.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message

from kiosk.tap_guard import view_changed
from kiosk.widgets.big_button import BigButton
from models.queue.tracking import ALPHABET
from shared_ui.words import tr

DIGITS = ALPHABET[:10]
LETTERS = ALPHABET[10:]
WIDE = 100  # columns from which every key fits on one page


class KeyButton(BigButton):
    """A keypad key: a code may hold the same symbol twice in a row ("77"),
    and a Button ignores a second tap during its 0.2 s pressed look, so keys
    have no pressed look."""

    repeatable = True

    def __init__(self, label: str, *, id: str | None = None, classes: str = ""):
        super().__init__(label, id=id, classes=classes)
        self.active_effect_duration = 0


class Keypad(Grid):
    class KeyTapped(Message):
        def __init__(self, symbol: str) -> None:
            super().__init__()
            self.symbol = symbol

    class Erased(Message):
        pass

    class Cleared(Message):
        pass

    def __init__(self, *, id: str | None = None, digits_only: bool = False) -> None:
        super().__init__(id=id)
        self.page = "digits"
        self.single_page = False
        self.digits_only = digits_only  # a phone number: no letters, no page to turn

    def compose(self) -> ComposeResult:
        for symbol in DIGITS:
            yield KeyButton(symbol, id=f"key-{symbol}", classes="key -digit")
        for symbol in LETTERS:
            yield KeyButton(symbol, id=f"key-{symbol}", classes="key -letter")
        yield KeyButton(tr("kiosk.key_erase"), id="key-erase", classes="key -control")
        yield BigButton(tr("kiosk.key_clear"), id="key-clear", classes="key -control")
        yield BigButton(tr("kiosk.key_letters"), id="key-page", classes="key -control")

    def on_mount(self) -> None:
        self._layout_for(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._layout_for(self.app.size.width)

    def _layout_for(self, width: int) -> None:
        self.single_page = width >= WIDE
        self.styles.grid_size_columns = 8 if self.single_page else 6
        self._show()

    def _show(self) -> None:
        digits = self.single_page or self.page == "digits"
        letters = not self.digits_only and (self.single_page or self.page == "letters")
        for key in self.query(".-digit"):
            key.display = digits
        for key in self.query(".-letter"):
            key.display = letters
        page_key = self.query_one("#key-page", BigButton)
        page_key.display = not self.single_page and not self.digits_only
        page_key.label = tr("kiosk.key_digits" if self.page == "letters" else "kiosk.key_letters")

    def show_symbol(self, symbol: str) -> None:
        """Turn to the page holding ``symbol`` (for tests and helpers)."""
        wanted = "digits" if symbol in DIGITS else "letters"
        if not self.single_page and self.page != wanted:
            self.page = wanted
            self._show()

    @on(BigButton.Pressed, ".-digit, .-letter")
    def _symbol_pressed(self, event: BigButton.Pressed) -> None:
        event.stop()
        self.post_message(self.KeyTapped((event.button.id or "").removeprefix("key-")))

    @on(BigButton.Pressed, "#key-erase")
    def _erase_pressed(self, event: BigButton.Pressed) -> None:
        event.stop()
        self.post_message(self.Erased())

    @on(BigButton.Pressed, "#key-clear")
    def _clear_pressed(self, event: BigButton.Pressed) -> None:
        event.stop()
        self.post_message(self.Cleared())

    @on(BigButton.Pressed, "#key-page")
    def _page_pressed(self, event: BigButton.Pressed) -> None:
        event.stop()
        self.page = "letters" if self.page == "digits" else "digits"
        view_changed(self)  # other keys where the finger is
        self._show()
