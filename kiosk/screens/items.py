"""The items of one line of work: open now, waiting count, or why not.

The same screen lists the items found without a line: ``@popular`` (常办事项,
the most taken of the last 30 days) and ``@first:城`` (the items whose name
starts so; the first characters themselves are :mod:`kiosk.screens.heads`').
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.message import Message

from kiosk import queries
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.status import status_text
from kiosk.widgets.paged import Entry, PagedTiles
from kiosk.widgets.tile import Tile
from shared_ui.plain import notify_plain
from shared_ui.words import name_of, tr


class ItemsLoaded(Message):
    def __init__(self, answer) -> None:
        super().__init__()
        self.line, self.items = answer


def _finding(code: str, language: str):
    """What the screen asks for a list that is not a line's: ("", items).
    The heading is the screen's (words are looked up in the app's thread, in its language)."""
    if code == "@popular":
        return lambda hall: ("", queries.popular(hall))
    head = code.removeprefix("@first:")
    return lambda hall: ("", queries.starting_with(hall, head, language))


class ItemsScreen(KioskScreen):
    pages = True

    class ItemChosen(Message):
        """The resident tapped an item's tile; ``page`` is the page it was on, ``can_take`` whether
        a ticket can be taken for it now."""

        def __init__(self, mode: str, line_code: str, page: int, item_code: str, can_take: bool) -> None:
            super().__init__()
            self.mode = mode
            self.line_code = line_code
            self.page = page
            self.item_code = item_code
            self.can_take = can_take

    class LineGone(Message):
        """The line shown is no longer offered (retired, or its last item gone)."""

        def __init__(self, mode: str) -> None:
            super().__init__()
            self.mode = mode

    class BackChosen(KioskScreen.BackChosen):
        def __init__(self, mode: str, back_to: str | None = None) -> None:
            super().__init__()
            self.mode = mode
            self.back_to = back_to  # a list to go back to other than the lines

    def __init__(self, mode: str, line_code: str, page: int = 0) -> None:
        super().__init__()
        self.mode = mode
        self.line_code = line_code
        self.start_page = page
        self.line_name = ""

    def heading(self) -> str:
        if self.line_code == "@popular":
            return tr("kiosk.find_popular")
        if self.line_code.startswith("@first:"):
            return tr("kiosk.find_first_items", head=self.line_code.removeprefix("@first:"))
        return tr(f"kiosk.items_title_{self.mode}", line=self.line_name)

    def compose_body(self) -> ComposeResult:
        yield PagedTiles(id="tiles")

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self, message=None) -> None:
        code = self.line_code
        if code.startswith("@"):
            self.ask(_finding(code, self.app.language), ItemsLoaded)
        else:
            self.ask(lambda hall: queries.items(hall, code), ItemsLoaded)

    def on_items_loaded(self, message: ItemsLoaded) -> None:
        if message.line is None:
            self.post_message(self.LineGone(self.mode))
            return
        line = message.line
        self.line_name = line if isinstance(line, str) else name_of(line.name, line.name_en)
        self.set_heading(self.heading())
        entries = []
        self.statuses = {item.code: item.status for item in message.items}
        for item in message.items:
            status, tone = status_text(item.status)
            entries.append(Entry(f"item-{item.code}", name_of(item.name, item.name_en), status, tone))
        self._show(entries)

    def _show(self, entries: list[Entry]) -> None:
        tiles = self.query_one(PagedTiles)
        if self.start_page:
            tiles.page = self.start_page
            self.start_page = 0
        tiles.set_entries(entries)

    def on_query_failed(self, message: QueryFailed) -> None:
        notify_plain(self, self.failure_text(message.error), severity="warning")

    def turn(self, delta: int) -> None:
        self.query_one(PagedTiles).turn(delta)

    def back_chosen(self) -> Message:
        return self.BackChosen(self.mode, "@first" if self.line_code.startswith("@first:") else None)

    @on(Tile.Pressed, "Tile")
    def _item_pressed(self, event: Tile.Pressed) -> None:
        event.stop()
        code = (event.button.id or "").removeprefix("item-")
        status = getattr(self, "statuses", {}).get(code)
        can_take = status is not None and status.can_take
        page = self.query_one(PagedTiles).page
        self.post_message(self.ItemChosen(self.mode, self.line_code, page, code, can_take))
