"""The first characters of the items' names as a grid of keys, a screenful at a time.

A list of full-width tiles showed four characters a page at 80×24 (eight
pages for the catalogue's thirty-odd); a key needs only the character and
its pinyin letter, so the grid shows them all on one page there, and as many
as fit in large mode. It posts :class:`kiosk.widgets.paged.PageChanged` as
the paged lists do, for the screen's Prev / Next.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from textual import events
from textual.containers import Grid

from kiosk.widgets.big_button import BigButton
from kiosk.widgets.paged import PageChanged

# A key's size, (columns, rows), and the gap between columns: a finger's target in either mode.
KEY = (10, 3)
LARGE_KEY = (12, 5)
GAP = 1


@dataclass(frozen=True)
class HeadKey:
    id: str
    label: str


class HeadGrid(Grid):
    DEFAULT_CSS = "HeadGrid { height: 1fr; grid-gutter: 0 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys: list[HeadKey] = []
        self.page = 0
        self.per_page = 0
        self.columns = 1

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.keys) / max(1, self.per_page)))

    def key_size(self) -> tuple[int, int]:
        return LARGE_KEY if self.app.has_class("-large") else KEY

    def on_resize(self, event: events.Resize) -> None:
        width, height = self.key_size()
        room = self.content_region
        columns = max(1, (room.width + GAP) // (width + GAP))
        rows = max(1, room.height // height)
        if (columns, columns * rows) != (self.columns, self.per_page):
            first = self.page * max(1, self.per_page)
            self.columns, self.per_page = columns, columns * rows
            self.styles.grid_size_columns = columns
            self.styles.grid_rows = str(height)
            self.page = first // self.per_page
            self._rebuild()

    def set_keys(self, keys: list[HeadKey]) -> None:
        self.keys = list(keys)
        self.page = min(self.page, self.pages - 1)
        self._rebuild()

    def turn(self, delta: int) -> None:
        page = max(0, min(self.pages - 1, self.page + delta))
        if page != self.page:
            self.page = page
            self._rebuild()
        else:
            self.post_message(PageChanged(self.page, self.pages))

    def show_key(self, key_id: str) -> None:
        """Turn to the page holding ``key_id``."""
        for index, key in enumerate(self.keys):
            if key.id == key_id and self.per_page and index // self.per_page != self.page:
                self.page = index // self.per_page
                self._rebuild()

    def shown(self) -> list[HeadKey]:
        if not self.per_page:
            return []
        return self.keys[self.page * self.per_page : (self.page + 1) * self.per_page]

    def _rebuild(self) -> None:
        self.call_next(self._rebuild_now)

    async def _rebuild_now(self) -> None:
        await self.remove_children()
        if self.per_page:
            await self.mount_all(BigButton(key.label, id=key.id, classes="head") for key in self.shown())
        self.post_message(PageChanged(self.page, self.pages))
