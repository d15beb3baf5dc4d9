"""A household's personal data, opened with a reason: shown here only, gone once the dialog closes.

The reveal was logged by the models before this opens; nothing of it goes to
a list, the message line or a notification. Esc or Enter closes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from shared_ui.plain import plain, plain_text
from shared_ui.words import localise_bindings, tr

W = "staff_ui.visits"
SHOWN = ("address", "building", "unit", "room", "head", "phone", "stairway_leader", "grid_leader", "grid_leader_phone")


class HouseholdView(ModalScreen):
    BINDINGS = [Binding("escape,enter", "close", "staff_ui.back")]

    def __init__(self, details: dict) -> None:
        super().__init__(classes="dialog-screen")
        localise_bindings(self)
        self.details = details

    def compose(self) -> ComposeResult:
        lines = [f"{tr(f'{W}.detail_{key}')}: {self.details.get(key) or '-'}" for key in SHOWN]
        with Vertical(classes="dialog", id="household-view"):
            yield Label(plain(tr(f"{W}.detail_title", household=self.details["code"])), classes="dialog-title")
            yield Static(plain_text("\n".join(lines)), id="household-details")
            yield Label(tr(f"{W}.detail_keys"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
