"""The first characters of the items' names as a grid of keys, a screenful at a time.

A list of full-width tiles showed four characters a page at 80×24 (eight
pages for the catalogue's thirty-odd); a key needs only the character and
its pinyin letter, so the grid shows them all on one page there, and as many
as fit in large mode. It posts :class:`kiosk.widgets.paged.PageChanged` as
the paged lists do, for the screen's Prev / Next.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.containers import Grid
from textual.widget import Widget

from kiosk.widgets.big_button import BigButton
from kiosk.widgets.paged import PagedWidgets

# A key's sizes, (columns, rows), largest first: the largest with which every key fits on one
# page (a big screen), else the smallest, a finger's target still, paged.
KEYS = ((24, 7), (16, 5), (10, 3))
LARGE_KEYS = ((20, 7), (12, 5))
GAP = 1  # between columns


@dataclass(frozen=True)
class HeadKey:
    id: str
    label: str


class HeadGrid(PagedWidgets, Grid):
    DEFAULT_CSS = "HeadGrid { height: 1fr; grid-gutter: 0 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[HeadKey] = []
        self.page = 0
        self.per_page = 0
        self.columns = 1

    def fit(self) -> tuple[int, int, int]:
        """(columns, rows, key height): the largest key size that shows every key at once, else the smallest."""
        room = self.content_region
        for width, height in LARGE_KEYS if self.app.has_class("-large") else KEYS:
            columns = max(1, (room.width + GAP) // (width + GAP))
            rows = max(1, room.height // height)
            if columns * rows >= len(self.entries):
                break
        return columns, rows, height

    def _lay_out(self, *, always: bool = False) -> None:
        if not self.content_region.area:
            return
        columns, rows, height = self.fit()
        if always or (columns, columns * rows) != (self.columns, self.per_page):
            first = self.page * max(1, self.per_page)
            self.columns, self.per_page = columns, columns * rows
            self.styles.grid_size_columns = columns
            self.styles.grid_rows = str(height)
            self.page = min(first // self.per_page, self.pages - 1)
            self._rebuild()

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()

    def set_keys(self, keys: list[HeadKey]) -> None:
        self.entries = list(keys)
        self.page = min(self.page, self.pages - 1)
        self._lay_out(always=True)

    def make(self, entry: HeadKey) -> Widget:
        return BigButton(entry.label, id=entry.id, classes="head")
