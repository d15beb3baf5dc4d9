"""A notice as the resident gets it: read it, print it (P) when a printer is configured."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from shared_ui.plain import plain
from shared_ui.words import localise_bindings, tr
from staff_tui.widgets.print_line import PrintLine


class NoticeDialog(ModalScreen):
    BINDINGS = [
        Binding("escape,enter", "close", "staff_ui.back"),
        Binding("p", "print", "staff_resident.print"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__(classes="dialog-screen")
        localise_bindings(self)
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="notice-dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            with VerticalScroll(id="notice-scroll"):
                yield Static(plain(self.text), id="notice-text")
            yield PrintLine("", id="notice-message", classes="dialog-error")
            yield Label(tr("staff_case.notice_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#notice-scroll").focus()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "print":
            return bool(self.app.config.kiosk.printer)
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_print(self) -> None:
        from shared_ui.printing import print_notice

        printer, text = self.app.config.kiosk.printer, self.text
        self.query_one(PrintLine).print_with(lambda: print_notice(printer, text))
