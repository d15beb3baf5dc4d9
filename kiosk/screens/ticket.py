"""The ticket: number in large digits, window, people ahead, expected wait,
what to bring, the tracking code and its QR code. Back home by itself after
``config.kiosk.ticket_screen_seconds``; printed if a printer is configured.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static
from textual.worker import get_current_worker

from kiosk.notice import materials_lines
from kiosk.screens.base import KioskScreen
from kiosk.widgets.big_button import BigButton
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


class TicketScreen(KioskScreen):
    back_button = False

    class Finished(Message):
        """The resident tapped Done, or the ticket's time on screen ran out."""

    def __init__(self, receipt, materials: list[dict] | None = None) -> None:
        super().__init__()
        self.receipt = receipt
        self.materials = materials or []
        self.left = 0

    def heading(self) -> str:
        return tr("kiosk.ticket_title")

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
                if receipt.ahead:
                    ahead = tr("kiosk.ticket_ahead", ahead=receipt.ahead, minutes=receipt.wait_minutes)
                else:
                    ahead = tr("kiosk.ticket_next")
                if receipt.priority:
                    ahead += tr("kiosk.ticket_priority")
                yield Static(ahead, id="ticket-ahead")
                yield Static(tr("kiosk.ticket_code", code=receipt.tracking_code), id="ticket-code")
                if not self.materials:
                    bring = tr("kiosk.ticket_bring_none")
                elif self.app.size.height >= 30:  # room for the full list
                    lines = materials_lines(self.materials, lang)
                    bring = (
                        tr("kiosk.ticket_bring", materials="")
                        + "\n"
                        + "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
                    )
                else:
                    names = tr("kiosk.list_separator").join(
                        name_of(m.get("name", ""), m.get("name_en", "")) for m in self.materials
                    )
                    bring = tr("kiosk.ticket_bring", materials=names)
                yield Static(plain(bring), id="ticket-bring")
            with Vertical(id="ticket-qr"):
                from shared_ui.qr import QRCode

                border = 4 if self.app.size.width >= 100 and self.app.size.height >= 30 else 2
                yield QRCode(tracking_url(receipt, self.app.hall.config.tracking_url), border=border, id="qr")
                yield Static(tr("kiosk.ticket_scan"), id="qr-caption")
        self._lang = lang

    def compose_actions(self) -> ComposeResult:
        yield BigButton(tr("kiosk.done"), id="done", action=True)
        yield Static("", id="print-status")
        yield Static("", id="countdown")

    def on_mount(self) -> None:
        self.query_one("#home", BigButton).display = False
        self.left = max(1, int(self.app.hall.config.kiosk.ticket_screen_seconds))
        self._tick()
        self.set_interval(1.0, self._tick)
        if self.app.hall.config.kiosk.printer:
            self.query_one("#print-status", Static).update(tr("kiosk.printing"))
            # Not shared_ui.workers.ask: a ticket prints without a database connection (and while it is away).
            self.run_worker(self._print, thread=True, exclusive=True, group="print", exit_on_error=False)

    def _tick(self) -> None:
        if self.left <= 0:
            if self.left == 0:  # said once; the app shows home
                self.post_message(self.Finished())
            self.left -= 1
            return
        if self.left <= 10:  # the last seconds are counted out loud on screen
            self.query_one("#countdown", Static).update(tr("kiosk.countdown", seconds=self.left))
        self.left -= 1

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
        status = self.query_one("#print-status", Static)
        status.update(tr("kiosk.print_failed", number=self.receipt.number))
        status.add_class("-failed")
        self.notify(tr("kiosk.print_failed", number=self.receipt.number), severity="error", timeout=15)
