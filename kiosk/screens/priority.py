"""Take a ticket: one question (priority help?), one tap, one ticket.

A request id is made once per visit of this screen and passed to
``Queue.take``: a double tap, or a tap repeated while the first is still
being handled, gives the same ticket. The buttons are disabled while the
worker runs.
"""

from __future__ import annotations

import uuid

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from kiosk import queries
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.widgets.big_button import BigButton
from shared_ui.words import name_of, tr


class TicketTaken(Message):
    def __init__(self, answer) -> None:
        super().__init__()
        self.receipt, self.materials = answer


class PriorityScreen(KioskScreen):
    def __init__(self, item_code: str, back: tuple | None = None, from_detail: bool = False) -> None:
        super().__init__()
        self.item_code = item_code
        self.back = back
        self.from_detail = from_detail
        self.request_id = f"kiosk-{uuid.uuid4().hex}"
        self.item_name = ""

    def heading(self) -> str:
        return tr("kiosk.take_title", item=self.item_name) if self.item_name else tr("kiosk.choice_take")

    def compose_body(self) -> ComposeResult:
        yield Static(tr("kiosk.priority_question"), id="question")
        with Horizontal(id="priority-choices"):
            yield BigButton(tr("kiosk.priority_no"), id="normal", classes="choice", action=True)
            yield BigButton(tr("kiosk.priority_yes"), id="priority", classes="choice")
        yield Static(id="take-message")

    def on_mount(self) -> None:
        import threading

        from shared_ui.qr import qr_matrix

        # A ticket is near: load the QR library now, off the UI thread, so the tap is quick.
        threading.Thread(target=qr_matrix, args=("0",), name="qr-warm-up", daemon=True).start()
        code = self.item_code
        self.ask(lambda hall: queries.item(hall, code), ItemNamed, group="name")

    def on_item_named(self, message: "ItemNamed") -> None:
        if message.info is not None:
            self.item_name = name_of(message.info.name, message.info.name_en)
            self.set_heading(self.heading())

    def pressed(self, button: str) -> None:
        if button in ("normal", "priority"):
            self.take(priority=button == "priority")

    def take(self, priority: bool) -> None:
        for choice in self.query(".choice"):
            choice.disabled = True
        self.query_one("#take-message", Static).update(tr("kiosk.please_wait"))
        code, request_id = self.item_code, self.request_id

        def take(hall):
            receipt = hall.queue.take(code, priority=priority, request_id=request_id)
            return receipt, queries.materials(code)

        self.ask(take, TicketTaken, group="take")

    def on_ticket_taken(self, message: TicketTaken) -> None:
        from kiosk.screens.ticket import TicketScreen

        self.app.show(TicketScreen(message.receipt, message.materials))

    def on_query_failed(self, message: QueryFailed) -> None:
        if message.tag != "take":
            return
        note = self.query_one("#take-message", Static)
        note.update(self.failure_text(message.error))
        note.add_class("-refused")
        for choice in self.query(".choice"):
            choice.disabled = False

    def go_back(self) -> None:
        if self.from_detail:
            from kiosk.screens.item_detail import ItemDetailScreen

            self.app.show(ItemDetailScreen(self.item_code, back=self.back))
        elif self.back:
            from kiosk.screens.items import ItemsScreen

            mode, line, page = self.back
            self.app.show(ItemsScreen(mode, line, page))
        else:
            self.app.go_home()


class ItemNamed(Message):
    def __init__(self, info) -> None:
        super().__init__()
        self.info = info
