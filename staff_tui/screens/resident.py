"""What the resident sees once the outcome is saved: the tracking code in
large letters, its QR code (black on white, whatever the theme), and the
notice of each case. P prints them, or says that no printer is set."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label

from shared_ui.big_text import BigText
from shared_ui.plain import plain
from shared_ui.qr import QRCode
from shared_ui.words import name_of, tr
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.notice_text import NoticeText
from staff_tui.widgets.print_line import PrintLine


class ResidentScreen(StaffScreen):
    BINDINGS = [
        Binding("escape,enter", "close", "staff_resident.close", key_display="Esc"),
        Binding("p", "print", "staff_resident.print", key_display="P"),
    ]

    def __init__(self, outcome) -> None:
        super().__init__(name="resident")
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        with Vertical(id="resident"):
            yield Label(tr("staff_resident.greeting", count=len(outcome.cases)), id="resident-greeting")
            with Horizontal(id="resident-code"):
                yield Label(tr("staff_resident.code_label"), id="code-label")
                yield BigText(outcome.tracking_code, id="big-code")
            yield Label(plain(outcome.tracking_code), id="code-plain")
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
                        yield Label(plain(title), classes="notice-title")
                        yield NoticeText(case.notice, classes="notice-text")
            yield PrintLine("", id="resident-message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#notices").focus()

    def action_close(self) -> None:
        self.dismiss()

    def action_print(self) -> None:
        from shared_ui.printing import print_notices

        printer, outcome, language = self.app.config.kiosk.printer, self.outcome, self.app.lang
        if not printer:
            line = self.query_one(PrintLine)
            line.update(tr("staff_resident.no_printer"))
            line.add_class("error")
            return
        self.query_one(PrintLine).print_with(lambda: print_notices(printer, outcome, language=language))
