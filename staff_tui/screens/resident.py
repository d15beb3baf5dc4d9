"""What the resident sees once the outcome is saved: the tracking code in
large letters, its QR code (black on white, whatever the theme), and the
notice of each case. P prints them when a printer is configured."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from models.i18n import t
from shared_ui.big_text import BigText
from shared_ui.qr import QRCode
from shared_ui.words import localise_bindings, name_of, tr
from staff_tui.messages import ActionDone, ActionFailed
from staff_tui.widgets.footer import HallFooter


class ResidentScreen(Screen):
    BINDINGS = [
        Binding("escape,enter", "close", "staff_resident.close", key_display="Esc"),
        Binding("p", "print", "staff_resident.print", key_display="P"),
    ]

    def __init__(self, outcome) -> None:
        super().__init__(name="resident")
        localise_bindings(self)
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        with Vertical(id="resident"):
            yield Label(tr("staff_resident.greeting", count=len(outcome.cases)), id="resident-greeting")
            with Horizontal(id="resident-code"):
                yield Label(tr("staff_resident.code_label"), id="code-label")
                yield BigText(outcome.tracking_code, id="big-code")
            yield Label(outcome.tracking_code, id="code-plain")
            with Horizontal(id="resident-body"):
                if outcome.url:
                    with Vertical(id="qr-box"):
                        yield QRCode(outcome.url, border=2, id="qr")
                        yield Label(tr("staff_resident.scan"), id="qr-hint")
                with VerticalScroll(id="notices"):
                    for case in outcome.cases:
                        title = tr(
                            "staff_resident.case_line",
                            number=case.number,
                            kind=tr(f"case.kind_{case.kind}"),
                            item=name_of(case.item_name, case.item_name_en),
                        )
                        yield Label(title, classes="notice-title")
                        yield Static(case.notice, classes="notice-text")
            yield Static("", id="resident-message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#notices").focus()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "print":
            return bool(self.app.config.kiosk.printer)
        return True

    def action_close(self) -> None:
        self.dismiss()

    def action_print(self) -> None:
        self.query_one("#resident-message", Static).update(tr("staff_resident.printing"))
        self._print()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print(self) -> None:
        from shared_ui.printing import print_notices

        app = self.app
        try:
            print_notices(app.config.kiosk.printer, self.outcome, language=app.lang)
        except Exception as exc:
            self.post_message(ActionFailed("print", t("staff_resident.print_failed", app.lang, reason=str(exc)[:160])))
            return
        self.post_message(ActionDone("print"))

    def on_action_done(self, message: ActionDone) -> None:
        self.query_one("#resident-message", Static).update(tr("staff_resident.printed"))

    def on_action_failed(self, message: ActionFailed) -> None:
        line = self.query_one("#resident-message", Static)
        line.update(message.message)
        line.add_class("error")
