"""Take a ticket: one question (priority help?), one tap, one ticket.

A request id is made once per visit of this screen and passed to
``Queue.take``: a double tap, or a tap repeated while the first is still
being handled, gives the same ticket. The buttons are disabled while the
worker runs.
"""

from __future__ import annotations

import uuid

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Static

from kiosk import queries
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.widgets.big_button import BigButton
from shared_ui.plain import plain
from shared_ui.words import name_of, tr


class PriorityScreen(KioskScreen):
    """``back`` and ``from_detail``: where Back leads (the item's notice, the items screen as left, or home)."""

    class TicketTaken(Message):
        """The ticket is taken (committed): ``receipt`` and what to bring."""

        def __init__(self, answer) -> None:
            super().__init__()
            self.receipt, self.materials = answer

    class BackChosen(KioskScreen.BackChosen):
        def __init__(self, item_code: str, back: tuple | None, from_detail: bool) -> None:
            super().__init__()
            self.item_code = item_code
            self.back = back
            self.from_detail = from_detail

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
        yield Static(id="late-warning")
        yield Static(id="take-message")

    def on_mount(self) -> None:
        import threading

        from shared_ui.qr import qr_matrix

        # A ticket is near: load the QR library now, off the UI thread, so the tap is quick.
        threading.Thread(target=qr_matrix, args=("0",), name="qr-warm-up", daemon=True).start()
        code = self.item_code
        self.ask(lambda hall: queries.item(hall, code), ItemNamed, group="name")

        def late(hall):
            from models.queue.late_warning import late_warning

            return late_warning(hall.queue, code)

        self.ask(late, LateWarned, group="late")

    def on_late_warned(self, message: LateWarned) -> None:
        warning = message.warning
        if warning is None:
            return
        end = tr("kiosk.clock_time", hour=warning.session_end.hour, minute=warning.session_end.minute)
        note = self.query_one("#late-warning", Static)
        note.update(tr("kiosk.late_warning", minutes=warning.minutes, time=end))
        note.add_class("-warn")

    def on_item_named(self, message: ItemNamed) -> None:
        if message.info is not None:
            self.item_name = name_of(message.info.name, message.info.name_en)
            self.set_heading(self.heading())

    @on(Button.Pressed, "#normal, #priority")
    def _choice_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.take(priority=event.button.id == "priority")

    def take(self, priority: bool) -> None:
        if self.app.db_lost:  # no ticket while the database is away: it could not be kept
            note = self.query_one("#take-message", Static)
            note.update(tr("outage.issuing"))
            note.add_class("-refused")
            return
        for choice in self.query(".choice"):
            choice.disabled = True
        self.query_one("#take-message", Static).update(tr("kiosk.please_wait"))
        code, request_id = self.item_code, self.request_id

        def take(hall):
            receipt = hall.queue.take(code, priority=priority, request_id=request_id)
            return receipt, queries.materials(code)

        self.ask(take, self.TicketTaken, group="take")

    def on_query_failed(self, message: QueryFailed) -> None:
        if message.tag != "take":
            return
        note = self.query_one("#take-message", Static)
        note.update(plain(self.failure_text(message.error)))
        note.add_class("-refused")
        for choice in self.query(".choice"):
            choice.disabled = False

    def back_chosen(self) -> Message:
        return self.BackChosen(self.item_code, self.back, self.from_detail)


class LateWarned(Message):
    def __init__(self, warning) -> None:
        super().__init__()
        self.warning = warning


class ItemNamed(Message):
    def __init__(self, info) -> None:
        super().__init__()
        self.info = info
