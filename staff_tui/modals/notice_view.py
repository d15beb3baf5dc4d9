"""A notice as the resident gets it: read it, print it (P; without a printer, it says so)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from shared_ui.plain import plain
from shared_ui.words import localise_bindings, tr
from staff_tui.widgets.notice_text import NoticeText
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
                yield NoticeText(self.text, id="notice-text")
            yield PrintLine("", id="notice-message", classes="dialog-error")
            yield Label(tr("staff_case.notice_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#notice-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_print(self) -> None:
        from shared_ui.printing import print_notice

        printer, text = self.app.config.kiosk.printer, self.text
        if not printer:
            line = self.query_one(PrintLine)
            line.update(tr("staff_resident.no_printer"))
            line.add_class("error")
            return
        self.query_one(PrintLine).print_with(lambda: print_notice(printer, text))
