"""Yes or no, one key each: Enter (or Y) confirms, Escape (or N) does not."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from shared_ui.plain import plain
from shared_ui.words import localise_bindings, tr


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("enter,y", "answer(True)", "staff_ui.yes"),
        Binding("escape,n", "answer(False)", "staff_ui.no"),
    ]

    def __init__(self, title: str, body: str = "", *, yes: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        localise_bindings(self)
        self.title_text = title
        self.body = body
        self.yes_label = yes or tr("staff_ui.yes")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog narrow"):
            yield Label(plain(self.title_text), classes="dialog-title")
            if self.body:
                yield Static(plain(self.body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes_label} (Enter)", id="yes", variant="primary", compact=True)
                yield Button(tr("staff_ui.no_button"), id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#yes", Button).can_focus = False
        self.query_one("#no", Button).can_focus = False

    @on(Button.Pressed, "#yes")
    def _yes(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
