"""The items of one line of work: open now, waiting count, or why not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message

from kiosk import queries
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.screens.lines import status_text
from kiosk.widgets.paged import Entry, PagedTiles
from shared_ui.words import name_of, tr


class ItemsLoaded(Message):
    def __init__(self, answer) -> None:
        super().__init__()
        self.line, self.items = answer


class ItemsScreen(KioskScreen):
    pages = True

    def __init__(self, mode: str, line_code: str, page: int = 0) -> None:
        super().__init__()
        self.mode = mode
        self.line_code = line_code
        self.start_page = page
        self.line_name = ""

    def heading(self) -> str:
        return tr(f"kiosk.items_title_{self.mode}", line=self.line_name)

    def compose_body(self) -> ComposeResult:
        yield PagedTiles(id="tiles")

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self, message=None) -> None:
        code = self.line_code
        self.ask(lambda hall: queries.items(hall, code), ItemsLoaded)

    def on_items_loaded(self, message: ItemsLoaded) -> None:
        if message.line is None:
            self.app.show(_lines(self.mode))
            return
        self.line_name = name_of(message.line.name, message.line.name_en)
        self.set_heading(self.heading())
        entries = []
        self.statuses = {item.code: item.status for item in message.items}
        for item in message.items:
            status, tone = status_text(self, item.status)
            entries.append(Entry(f"item-{item.code}", name_of(item.name, item.name_en), status, tone))
        tiles = self.query_one(PagedTiles)
        if self.start_page:
            tiles.page = self.start_page
            self.start_page = 0
        tiles.set_entries(entries)

    def on_query_failed(self, message: QueryFailed) -> None:
        self.notify(self.failure_text(message.error), severity="warning")

    def turn(self, delta: int) -> None:
        self.query_one(PagedTiles).turn(delta)

    def go_back(self) -> None:
        self.app.show(_lines(self.mode))

    def pressed(self, button: str) -> None:
        if not button.startswith("item-"):
            return
        code = button[5:]
        back = (self.mode, self.line_code, self.query_one(PagedTiles).page)
        status = getattr(self, "statuses", {}).get(code)
        if self.mode == "take" and status is not None and status.can_take:
            from kiosk.screens.priority import PriorityScreen

            self.app.show(PriorityScreen(code, back=back))
        else:
            from kiosk.screens.item_detail import ItemDetailScreen

            self.app.show(ItemDetailScreen(code, back=back))


def _lines(mode: str):
    from kiosk.screens.lines import LinesScreen

    return LinesScreen(mode)
