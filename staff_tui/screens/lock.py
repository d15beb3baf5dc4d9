"""The terminal locked itself (idle) or was locked (F10): nothing of the work
shows; the PIN of the person signed in unlocks it, F10 signs them out.

Wrong PINs count towards the lock-out like at sign-in
(:func:`models.staff.signin.unlock`).
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from models.i18n import pick
from models.staff.signin import unlock
from shared_ui.words import localise_bindings, tr
from staff_tui.db import call, error_words
from staff_tui.messages import ActionDone, ActionFailed
from staff_tui.widgets.footer import HallFooter


class LockScreen(Screen):
    BINDINGS = [Binding("f10", "sign_out", "staff_lock.sign_out", key_display="F10")]

    def __init__(self) -> None:
        super().__init__(name="lock")
        localise_bindings(self)
        self.busy = False

    def compose(self) -> ComposeResult:
        app = self.app
        shift = app.shift
        with Center():
            with Vertical(classes="card", id="lock-card"):
                yield Label(pick(app.config.hall_name, app.config.hall_name_en, app.lang), classes="card-title")
                yield Label(tr("staff_lock.title"), classes="card-subtitle")
                yield Static(tr("staff_lock.who", name=shift.name, code=shift.code, window=shift.window))
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
        self._check(pin)

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def _check(self, pin: str) -> None:
        app = self.app
        try:
            call(app.hall, unlock, app.config, app.shift, pin, terminal=app.terminal)
        except Exception as exc:
            self.post_message(ActionFailed("unlock", error_words(exc, app.lang)))
            return
        self.post_message(ActionDone("unlock"))

    def on_action_failed(self, message: ActionFailed) -> None:
        self.busy = False
        pin = self.query_one("#pin", Input)
        pin.value = ""
        self.query_one("#lock-message", Static).update(message.message)

    def on_action_done(self, message: ActionDone) -> None:
        self.busy = False
        self.app.unlocked()
        self.app.pop_screen()

    def action_sign_out(self) -> None:
        self.app.sign_out()
