"""Lines of work (业务类别), each with its waiting count and window state."""

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


class LinesLoaded(Message):
    def __init__(self, answer: tuple[list[queries.LineInfo], bool]) -> None:
        super().__init__()
        self.lines, self.popular = answer


def _lines_and_popular(hall) -> tuple[list[queries.LineInfo], bool]:
    return queries.lines(hall), bool(queries.popular(hall))


def _lines_only(hall) -> tuple[list[queries.LineInfo], bool]:
    return queries.lines(hall), False


class LinesScreen(KioskScreen):
    pages = True

    class LineChosen(Message):
        """The resident tapped a line's tile."""

        def __init__(self, mode: str, line_code: str) -> None:
            super().__init__()
            self.mode = mode
            self.line_code = line_code

    def __init__(self, mode: str = "guide") -> None:
        super().__init__()
        self.mode = mode

    def heading(self) -> str:
        return tr(f"kiosk.lines_title_{self.mode}")

    def compose_body(self) -> ComposeResult:
        yield PagedTiles(id="tiles")

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self, message=None) -> None:
        self.ask(_lines_and_popular if self.mode == "take" else _lines_only, LinesLoaded)

    def on_lines_loaded(self, message: LinesLoaded) -> None:
        # On the way to a ticket, first the two ways in for a resident who does not know the line:
        # 常办事项 (only once tickets were taken) and the first character of the item's name.
        entries = []
        if self.mode == "take":
            if message.popular:
                entries.append(Entry("find-popular", tr("kiosk.find_popular"), tr("kiosk.find_popular_hint"), "ok"))
            entries.append(Entry("find-first", tr("kiosk.find_first"), tr("kiosk.find_first_hint"), "ok"))
        for line in message.lines:
            status, tone = status_text(line.status)
            windows = tr("kiosk.list_separator").join(str(w) for w in line.windows)
            title = tr("kiosk.line_tile", name=name_of(line.name, line.name_en), windows=windows)
            entries.append(Entry(f"line-{line.code}", title, status, tone, badge=line.prefix))
        self.query_one(PagedTiles).set_entries(entries)

    def on_query_failed(self, message: QueryFailed) -> None:
        notify_plain(self, self.failure_text(message.error), severity="warning")

    def turn(self, delta: int) -> None:
        self.query_one(PagedTiles).turn(delta)

    @on(Tile.Pressed, "Tile")
    def _line_pressed(self, event: Tile.Pressed) -> None:
        event.stop()
        tile = event.button.id or ""
        # The finding tiles open the items screen on a list that is not a line's ("@…", kiosk.queries).
        code = "@" + tile.removeprefix("find-") if tile.startswith("find-") else tile.removeprefix("line-")
        self.post_message(self.LineChosen(self.mode, code))
