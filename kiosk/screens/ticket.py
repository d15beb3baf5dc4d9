"""The ticket: number and tracking code large, window, people ahead, expected
wait, everything to bring (paged, never cut off) and the code's QR.

It stays until the resident taps 完成; only a long safety reset
(``config.kiosk.ticket_screen_seconds``) ends it, and that asks
「还需要更多时间吗？」 first, as every screen does. Without a printer the
screen says what to keep: 「请记下或拍下您的号码和查询码」. With one it says
「请取走您的号票」 only once the print has succeeded. ``again``: the same
ticket shown once more from 「我的号票」 on home (not printed again). ``note``:
what a 预约签到 said (called at the booked time, or an ordinary ticket), in
place of the people ahead.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static
from textual.worker import get_current_worker

from kiosk.notice import materials_lines
from kiosk.screens.base import KioskScreen
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.paged import PagedText
from models.queue import tracking
from shared_ui.big_text import BigText
from shared_ui.plain import plain
from shared_ui.words import name_of, tr


class TicketPrinted(Message):
    pass


class PrintFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def tracking_url(receipt, template: str) -> str:
    return tracking.url_for(tracking.normalise(receipt.tracking_code), template)


def bring_text(materials: list[dict], lang: str) -> Text:
    """Every material with its original / copies / photos / conditions, numbered."""
    if not materials:
        return Text(tr("kiosk.ticket_bring_none"))
    text = Text(tr("kiosk.notice_materials", count=len(materials)), style="bold")
    for index, line in enumerate(materials_lines(materials, lang), 1):
        text.append(f"\n{index}. {line}")
    return text


class TicketScreen(KioskScreen):
    back_button = False
    pages = True

    class Finished(Message):
        """The resident tapped Done (or nobody answered 「还需要更多时间吗？」)."""

    def __init__(self, receipt, materials: list[dict] | None = None, *, again: bool = False, note: str = "") -> None:
        super().__init__()
        self.receipt = receipt
        self.materials = materials or []
        self.again = again
        self.note = note  # said instead of the people ahead (a 预约签到's answer)

    def idle_limit(self, config) -> int:
        return config.ticket_screen_seconds

    def printing(self) -> bool:
        return bool(self.app.hall.config.kiosk.printer) and not self.again

    def heading(self) -> str:
        return tr("kiosk.ticket_title") if self.printing() else tr("kiosk.ticket_title_keep")

    def compose_body(self) -> ComposeResult:
        receipt = self.receipt
        lang = self.app.language
        windows = tr("kiosk.list_separator").join(str(w) for w in receipt.windows) or "-"
        with Horizontal(id="ticket-body"):
            with Vertical(id="ticket-info"):
                with Horizontal(id="number-row"):
                    yield BigText(receipt.number, room=16, id="number")  # the item's name beside it
                    yield Static(plain(name_of(receipt.item_name, receipt.item_name_en)), id="ticket-item")
                yield Static(tr("kiosk.ticket_window", windows=windows), id="ticket-window")
                if self.note:
                    ahead = self.note
                elif receipt.ahead:
                    ahead = tr("kiosk.ticket_ahead", ahead=receipt.ahead, minutes=receipt.wait_minutes)
                else:
                    ahead = tr("kiosk.ticket_next")
                if receipt.priority and not self.note:
                    ahead += tr("kiosk.ticket_priority")
                yield Static(ahead, id="ticket-ahead")
                with Horizontal(id="code-row"):
                    label = tr("kiosk.ticket_code", code="")
                    yield Static(label, id="code-label")
                    yield BigText(receipt.tracking_code, room=cell_len(label), plain=True, tall=False, id="ticket-code")
                yield PagedText(bring_text(self.materials, lang), id="ticket-bring")
            with Vertical(id="ticket-qr"):
                from shared_ui.qr import QRCode

                border = 4 if self.app.size.width >= 100 and self.app.size.height >= 30 else 2
                yield QRCode(tracking_url(receipt, self.app.hall.config.tracking_url), border=border, id="qr")
                yield Static(tr("kiosk.ticket_scan"), id="qr-caption")
        self._lang = lang

    def compose_actions(self) -> ComposeResult:
        yield BigButton(tr("kiosk.done"), id="done", action=True)
        yield Static("", id="print-status")

    def spoken(self) -> str:
        """The heading, then the number and the window: what a resident who cannot read the screen needs."""
        windows = tr("kiosk.list_separator").join(str(w) for w in self.receipt.windows) or "-"
        return tr("kiosk.speech_ticket", heading=self.heading(), number=self.receipt.number, windows=windows)

    def on_mount(self) -> None:
        self.query_one("#home", BigButton).display = False
        if self.printing():
            self.query_one("#print-status", Static).update(tr("kiosk.printing"))
            # Not shared_ui.workers.ask: a ticket prints without a database connection (and while it is away).
            self.run_worker(self._print, thread=True, exclusive=True, group="print", exit_on_error=False)

    def turn(self, delta: int) -> None:
        self.query_one(PagedText).turn(delta)

    @on(Button.Pressed, "#done")
    def _done_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Finished())

    # --- printing (after the ticket is committed) ------------------------------

    def _print(self) -> None:
        from shared_ui.printing import PrintFailure, print_ticket

        worker = get_current_worker()
        app = self.app
        config = app.hall.config
        try:
            print_ticket(
                config.kiosk.printer,
                self.receipt,
                url=tracking_url(self.receipt, config.tracking_url),
                materials=materials_lines(self.materials, self._lang),
                language=self._lang,
                zone=config.zone,
            )
        except PrintFailure as exc:
            from shared_ui.printing import report_failure

            report_failure(app.hall, self.receipt, str(exc))
            if not worker.is_cancelled:
                self.post_message(PrintFailed(str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(TicketPrinted())

    def on_ticket_printed(self, message: TicketPrinted) -> None:
        self.query_one("#print-status", Static).update(tr("kiosk.printed"))

    def on_print_failed(self, message: PrintFailed) -> None:
        self.set_heading(tr("kiosk.ticket_title_keep"))
        status = self.query_one("#print-status", Static)
        status.update(tr("kiosk.print_failed", number=self.receipt.number))
        status.add_class("-failed")
        self.notify(tr("kiosk.print_failed", number=self.receipt.number), severity="error", timeout=15)
