"""按名称首字查找: the first characters of the items' names, a key each, in pinyin order.

A key shows the character and its pinyin letter (``城 C``): whoever knows the
sound goes by the letter, whoever does not reads along the keys. A character
that starts one item only opens that item's notice at once; one that starts
several opens their list (:class:`kiosk.screens.items.ItemsScreen` on
``@first:城``).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button

from kiosk import queries
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.widgets.head_grid import HeadGrid, HeadKey
from shared_ui.plain import notify_plain
from shared_ui.words import tr


class HeadsLoaded(Message):
    def __init__(self, heads) -> None:
        super().__init__()
        self.heads = heads


class HeadsScreen(KioskScreen):
    pages = True

    class HeadChosen(Message):
        """The resident tapped a character that starts several items."""

        def __init__(self, mode: str, head: str) -> None:
            super().__init__()
            self.mode = mode
            self.head = head

    class ItemChosen(Message):
        """The resident tapped a character that starts one item only: that item; ``page`` the page it was on."""

        def __init__(self, mode: str, page: int, item_code: str) -> None:
            super().__init__()
            self.mode = mode
            self.page = page
            self.item_code = item_code

    class BackChosen(KioskScreen.BackChosen):
        """Back leads to the lines."""

        def __init__(self, mode: str) -> None:
            super().__init__()
            self.mode = mode

    def __init__(self, mode: str, page: int = 0) -> None:
        super().__init__()
        self.mode = mode
        self.start_page = page
        self.heads: list = []

    def heading(self) -> str:
        return tr("kiosk.find_first_keys")

    def compose_body(self) -> ComposeResult:
        yield HeadGrid(id="heads")

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self, message=None) -> None:
        language = self.app.language
        self.ask(lambda hall: queries.first_characters(hall, language), HeadsLoaded)

    def on_heads_loaded(self, message: HeadsLoaded) -> None:
        self.heads = list(message.heads)
        english = self.app.language == "en"
        keys = [
            HeadKey(f"head-{index}", head.head if english else f"{head.head} {head.letter}")
            for index, head in enumerate(self.heads)
        ]
        grid = self.query_one(HeadGrid)
        if self.start_page:
            grid.page, self.start_page = self.start_page, 0
        grid.set_keys(keys)

    def key_of(self, head: str) -> str:
        """The key's id for a first character (tests and screenshots tap it)."""
        return next(f"head-{index}" for index, found in enumerate(self.heads) if found.head == head)

    def on_query_failed(self, message: QueryFailed) -> None:
        notify_plain(self, self.failure_text(message.error), severity="warning")

    def turn(self, delta: int) -> None:
        self.query_one(HeadGrid).turn(delta)

    def back_chosen(self) -> Message:
        return self.BackChosen(self.mode)

    @on(Button.Pressed, ".head")
    def _head_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        head = self.heads[int((event.button.id or "").removeprefix("head-"))]
        if head.only:
            self.post_message(self.ItemChosen(self.mode, self.query_one(HeadGrid).page, head.only))
        else:
            self.post_message(self.HeadChosen(self.mode, head.head))
