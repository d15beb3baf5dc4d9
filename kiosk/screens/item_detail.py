"""An item's written one-time notice (一次性告知), paged, with a button to take a ticket and one to book (预约).

On the way to a ticket (Back leads to the items of 取号办事) the same notice
is the step before it: 「请确认已带齐以下材料」 and a button that says the
materials are at hand. Nothing of the list is ever cut off: it pages.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Static

from kiosk import queries
from kiosk.notice import notice_text
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.status import status_text
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.paged import PagedText
from shared_ui.plain import plain
from shared_ui.words import name_of, tr


class NoticeLoaded(Message):
    def __init__(self, info) -> None:
        super().__init__()
        self.info = info


class ItemDetailScreen(KioskScreen):
    """``back``: where Back leads, as the items screen left it (mode, line, page); home when None."""

    pages = True

    class TicketAsked(Message):
        """The resident tapped "take a ticket here" under the notice."""

        def __init__(self, item_code: str, back: tuple | None) -> None:
            super().__init__()
            self.item_code = item_code
            self.back = back

    class BookAsked(Message):
        """The resident tapped 预约 under the notice."""

        def __init__(self, item_code: str, item_name: str, back: tuple | None) -> None:
            super().__init__()
            self.item_code = item_code
            self.item_name = item_name
            self.back = back

    class NoticeRead(Message):
        """The item's notice is on the screen: the hall counts that it was read (no person, only the visit)."""

        def __init__(self, item_code: str) -> None:
            super().__init__()
            self.item_code = item_code

    class BackChosen(KioskScreen.BackChosen):
        def __init__(self, back: tuple | None) -> None:
            super().__init__()
            self.back = back

    def __init__(self, item_code: str, back: tuple | None = None) -> None:
        super().__init__()
        self.item_code = item_code
        self.back = back
        self.info = None
        self.confirming = bool(back) and back[0] == "take"

    def heading(self) -> str:
        return tr("kiosk.confirm_title" if self.confirming else "kiosk.notice_title")

    def compose_body(self) -> ComposeResult:
        yield Static(id="item-status")
        yield PagedText(id="notice")

    def compose_actions(self) -> ComposeResult:
        if not self.confirming:  # on the way to a ticket, the resident came for one
            yield BigButton(tr("kiosk_book.button"), id="book", disabled=True)
        label = tr("kiosk.confirm_take" if self.confirming else "kiosk.take_here")
        yield BigButton(label, id="take-ticket", action=True, disabled=True)

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self, message=None) -> None:
        code = self.item_code
        self.ask(lambda hall: queries.item(hall, code), NoticeLoaded)

    def on_notice_loaded(self, message: NoticeLoaded) -> None:
        info = message.info
        if info is None:
            self.set_heading(tr("kiosk.item_gone"))
            return
        first = self.info is None
        self.info = info
        if first:
            self.post_message(self.NoticeRead(self.item_code))
        key = "kiosk.confirm_heading" if self.confirming else "kiosk.notice_heading"
        self.set_heading(tr(key, item=name_of(info.name, info.name_en)))
        status, tone = status_text(info.status)
        label = self.query_one("#item-status", Static)
        label.update(plain(status))
        label.set_class(tone == "ok", "-ok")
        label.set_class(tone == "warn", "-warn")
        self.query_one("#take-ticket", BigButton).disabled = not info.status.can_take or bool(self.app.db_lost)
        for book in self.query("#book"):
            book.disabled = False  # which days are open, the booking screen says
        self.query_one(PagedText).set_text(notice_text(info, self.app.language, with_name=False), keep_page=not first)

    def on_day_state_learned(self) -> None:
        """The database went away or came back: taking a ticket here follows."""
        if self.info is not None:
            self.query_one("#take-ticket", BigButton).disabled = not self.info.status.can_take or bool(self.app.db_lost)

    def on_query_failed(self, message: QueryFailed) -> None:
        self.query_one("#item-status", Static).update(plain(self.failure_text(message.error)))

    def turn(self, delta: int) -> None:
        self.query_one(PagedText).turn(delta)

    def back_chosen(self) -> Message:
        return self.BackChosen(self.back)

    @on(Button.Pressed, "#book")
    def _book_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = name_of(self.info.name, self.info.name_en) if self.info else ""
        self.post_message(self.BookAsked(self.item_code, name, self.back))

    @on(Button.Pressed, "#take-ticket")
    def _take_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.TicketAsked(self.item_code, self.back))
