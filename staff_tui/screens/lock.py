"""The terminal locked itself (idle) or was locked (F10): nothing of the work
shows; the PIN of the person signed in unlocks it, F10 signs them out.

Wrong PINs count towards the lock-out like at sign-in
(:func:`models.staff.signin.unlock`).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from models.i18n import pick
from models.staff.signin import unlock
from shared_ui.plain import plain
from shared_ui.words import tr
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.widgets.footer import HallFooter


class LockScreen(StaffScreen):
    @dataclass
    class Unlocked(Message, bubble=False):
        pass

    BINDINGS = [Binding("f10", "sign_out", "staff_lock.sign_out", key_display="F10")]

    def __init__(self) -> None:
        super().__init__(name="lock")
        self.busy = False

    def compose(self) -> ComposeResult:
        app = self.app
        shift = app.shift
        with Center():
            with Vertical(classes="card", id="lock-card"):
                yield Label(plain(pick(app.config.hall_name, app.config.hall_name_en, app.lang)), classes="card-title")
                yield Label(tr("staff_lock.title"), classes="card-subtitle")
                yield Static(plain(tr("staff_lock.who", name=shift.name, code=shift.code, window=shift.window)))
                yield Label(tr("staff_lock.pin"), classes="field-label")
                yield Input(id="pin", password=True, compact=True, max_length=12)
                yield Static("", id="lock-message", classes="dialog-error")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def _submit(self) -> None:
        if self.busy:
            return
        pin = self.query_one("#pin", Input).value
        if not pin:
            return
        self.busy = True
        app = self.app
        config, shift, terminal = app.config, app.shift, app.terminal
        self.ask(
            lambda hall: unlock(config, shift, pin, terminal=terminal),
            lambda _: self.Unlocked(),
            group="unlock",
        )

    def ask_failed(self, failure) -> None:
        self.busy = False
        pin = self.query_one("#pin", Input)
        pin.value = ""
        self.query_one("#lock-message", Static).update(plain(failure.words))

    def on_lock_screen_unlocked(self, message: Unlocked) -> None:
        self.busy = False
        self.app.unlocked()
        self.app.pop_screen()

    def action_sign_out(self) -> None:
        self.app.sign_out()
