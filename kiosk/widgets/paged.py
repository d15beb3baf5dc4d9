"""Pages instead of scrolling: a long text or a list of tiles, one screenful at a time.

Both widgets size their pages from their own height and post
:class:`PageChanged` so the screen can label and enable its Prev / Next
buttons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from kiosk.widgets.big_room import big_lines_allowed
from kiosk.widgets.tile import BIG_TILE_ROWS, TILE_SIDES, Tile, big_label_rows
from shared_ui.plain import visible

LARGE_TILE_ROWS = 7  # 大字: fewer tiles a page, each a bigger target (kiosk.tcss agrees)
MIN_BIG_TILES = 3  # a page of big tiles still offers a choice; fewer, and the tiles stay as above

_CLOSING = set("。，、；：！？）》」』】〉”’,.;:!?)]}%")


def _tokens(line: str) -> list[tuple[int, int]]:
    """Break opportunities: ASCII words and spaces stay whole, each CJK
    character stands alone, closing punctuation sticks to what precedes it."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(line):
        ch = line[index]
        end = index + 1
        if ch.isspace():
            while end < len(line) and line[end].isspace():
                end += 1
        elif ch.isascii():
            while end < len(line) and line[end].isascii() and not line[end].isspace():
                end += 1
        while end < len(line) and line[end] in _CLOSING and not line[end].isascii():
            end += 1
        spans.append((index, end))
        index = end
    return spans


def wrap_text(text: Text, width: int) -> list[Text]:
    """Wrap ``text`` to ``width`` cells, breaking between CJK characters too."""
    from rich.cells import cell_len

    out: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        if cell_len(plain) <= width:
            out.append(line)
            continue
        start, used = 0, 0
        for begin, end in _tokens(plain):
            piece = plain[begin:end]
            size = cell_len(piece)
            if used and used + size > width:
                out.append(_rstrip(line[start:begin]))
                start, used = begin, 0
                if piece.isspace():
                    start, size = end, 0
            while size > width:  # a word longer than the line: fold it
                cut = begin
                room = width - used
                while cut < end and cell_len(plain[begin : cut + 1]) <= room:
                    cut += 1
                cut = max(cut, begin + 1)
                out.append(line[start:cut])
                start, begin, used = cut, cut, 0
                piece = plain[begin:end]
                size = cell_len(piece)
            used += size
        if start < len(plain):
            out.append(line[start:])
    return out


def _rstrip(text: Text) -> Text:
    text = text.copy()
    text.rstrip()
    return text


class PageChanged(Message):
    def __init__(self, page: int, pages: int) -> None:
        super().__init__()
        self.page = page
        self.pages = pages


class PagedText(Widget):
    """A text cut into pages of the widget's height."""

    DEFAULT_CSS = "PagedText { height: 1fr; }"

    def __init__(self, text: Text | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = visible(text or Text())
        self.page = 0
        self._lines: list[Text] = []
        self._width = 0

    @property
    def pages(self) -> int:
        height = max(1, self.size.height)
        return max(1, math.ceil(len(self._lines) / height))

    def set_text(self, text: Text, *, keep_page: bool = False) -> None:
        self._text = visible(text)
        if not keep_page:
            self.page = 0
        self._rewrap()

    def plain(self) -> str:
        return self._text.plain

    def _rewrap(self) -> None:
        width = self.size.width
        if width <= 0:
            return
        self._width = width
        self._lines = wrap_text(self._text, width)
        self.page = min(self.page, self.pages - 1)
        self.refresh()
        self.post_message(PageChanged(self.page, self.pages))

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def turn(self, delta: int) -> None:
        page = max(0, min(self.pages - 1, self.page + delta))
        if page != self.page:
            self.page = page
            self.refresh()
        self.post_message(PageChanged(self.page, self.pages))

    def render(self) -> Text:
        height = max(1, self.size.height)
        shown = self._lines[self.page * height : (self.page + 1) * height]
        return Text("\n").join(shown) if shown else Text()


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    status: str = ""
    tone: str = ""
    disabled: bool = False
    badge: str = ""  # a line's ticket letter, big in large mode (kiosk.widgets.tile)


class PagedWidgets:
    """What a container of touch targets a page at a time needs: ``entries`` (each with an
    ``id``) cut into pages of ``per_page``, the page's widgets made by ``make`` and mounted
    anew on each turn, and :class:`PageChanged` posted for the screen's Prev / Next."""

    entries: list
    page: int
    per_page: int

    def make(self, entry) -> Widget:
        raise NotImplementedError

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.entries) / max(1, self.per_page)))

    def turn(self, delta: int) -> None:
        page = max(0, min(self.pages - 1, self.page + delta))
        if page != self.page:
            self.page = page
            self._rebuild()
        else:
            self.post_message(PageChanged(self.page, self.pages))  # type: ignore[attr-defined]

    def show_entry(self, entry_id: str) -> None:
        """Turn to the page holding ``entry_id``."""
        for index, entry in enumerate(self.entries):
            if entry.id == entry_id and self.per_page:
                if index // self.per_page != self.page:
                    self.page = index // self.per_page
                    self._rebuild()
                return

    def _shown(self) -> list:
        if not self.per_page:
            return []
        return self.entries[self.page * self.per_page : (self.page + 1) * self.per_page]

    def _rebuild(self) -> None:
        self.call_next(self._rebuild_now)  # type: ignore[attr-defined]

    async def _rebuild_now(self) -> None:
        await self.remove_children()  # type: ignore[attr-defined]
        if self.per_page:
            await self.mount_all(self.make(entry) for entry in self._shown())  # type: ignore[attr-defined]
        self.post_message(PageChanged(self.page, self.pages))  # type: ignore[attr-defined]


class PagedTiles(PagedWidgets, Vertical):
    """Tiles, as many per page as fit the height (each tile ``tile_height`` rows)."""

    DEFAULT_CSS = "PagedTiles { height: 1fr; }"

    def __init__(self, entries: list[Entry] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = list(entries or [])
        self.page = 0
        self.per_page = 0
        self.big = False  # big tiles (:meth:`big_tiles`), as the last fit chose

    def big_tiles(self) -> bool:
        """大字 on a tall screen, when a page still holds :data:`MIN_BIG_TILES` and at least half
        the names fit in big glyphs: fewer tiles a page, each bigger, the name in glyphs (a name
        that does not fit keeps its letter and words)."""
        if not self.entries or not self.app.has_class("-large") or not big_lines_allowed(self.app.size.height):
            return False
        if self.size.height // BIG_TILE_ROWS < MIN_BIG_TILES:
            return False
        width = self.content_region.width - TILE_SIDES
        fitting = sum(big_label_rows(e.title, e.badge, width) is not None for e in self.entries)
        return 2 * fitting >= len(self.entries)

    def tile_height(self, big: bool) -> int:
        if not self.app.has_class("-large"):
            return 4
        return BIG_TILE_ROWS if big else LARGE_TILE_ROWS

    def _fit(self) -> bool:
        """Tiles' size and how many a page, for the height and the names; True when that changed."""
        if not self.size.height:
            return False
        big = self.big_tiles()
        per_page = max(1, self.size.height // self.tile_height(big))
        if (per_page, big) == (self.per_page, self.big):
            return False
        first = self.page * max(1, self.per_page)
        self.per_page, self.big = per_page, big
        self.page = first // per_page
        return True

    def on_resize(self, event: events.Resize) -> None:
        if self._fit():
            self._rebuild()

    def set_entries(self, entries: list[Entry]) -> None:
        old_ids = [e.id for e in self._shown()]
        self.entries = list(entries)
        refit = self._fit()
        self.page = min(self.page, self.pages - 1)
        if (
            not refit
            and self.per_page
            and old_ids
            and [e.id for e in self._shown()] == old_ids
            and len(self.children) == len(old_ids)
        ):
            for entry in self._shown():  # same tiles: update in place, no flicker
                tile = self.query_one(f"#{entry.id}", Tile)
                tile.title = entry.title
                tile.disabled = entry.disabled
                tile.set_status(entry.status, entry.tone)
            self.post_message(PageChanged(self.page, self.pages))
        else:
            self._rebuild()

    def make(self, entry: Entry) -> Widget:
        return Tile(
            entry.title,
            entry.status,
            tone=entry.tone,
            badge=entry.badge,
            big=self.big,
            id=entry.id,
            disabled=entry.disabled,
        )
