"""A notice as the resident gets it: read it, print it (P) when a printer is configured."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from models.i18n import t
from shared_ui.words import localise_bindings, tr
from staff_tui.messages import ActionDone, ActionFailed


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
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(id="notice-scroll"):
                yield Static(self.text, id="notice-text")
            yield Static("", id="notice-message", classes="dialog-error")
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
        self.query_one("#notice-message", Static).update(tr("staff_resident.printing"))
        self._print()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print(self) -> None:
        from shared_ui.printing import print_notice

        app = self.app
        try:
            print_notice(app.config.kiosk.printer, self.text)
        except Exception as exc:
            self.post_message(ActionFailed("print", t("staff_resident.print_failed", app.lang, reason=str(exc)[:160])))
            return
        self.post_message(ActionDone("print"))

    def on_action_done(self, message: ActionDone) -> None:
        self.query_one("#notice-message", Static).update(tr("staff_resident.printed"))

    def on_action_failed(self, message: ActionFailed) -> None:
        self.query_one("#notice-message", Static).update(message.message)
