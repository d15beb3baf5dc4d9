"""A tile in a list: a two-line touch button, name above and status below.

In large mode on a tall screen the list makes its tiles big (``big=True``):
the name, after the ``badge`` (a line's ticket letter: the letter the
resident's number will start with), is drawn in big glyphs
(:mod:`shared_ui.glyph_font`) with the status below it. A name too long for
big glyphs, or a tile on a low screen, shows the badge in the solid block
font to the left of the words instead.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from kiosk.widgets.big_button import BigButton
from shared_ui.big_text import solid_rows
from shared_ui.plain import plain_text

BADGE_GAP = 3  # columns between the big letter and the words
BIG_TILE_ROWS = 11  # a big tile: its top edge, eight rows of glyphs, the status, the line below (kiosk.tcss)
TILE_SIDES = 4  # columns of a tile's margins and padding (kiosk.tcss)


def big_label(title: str, badge: str = "") -> str:
    """What a big tile draws in glyphs: the ticket letter, then the name."""
    return f"{badge} {title}" if badge else title


def big_label_rows(title: str, badge: str, width: int) -> tuple[str, ...] | None:
    """The label's glyph rows when they fit ``width`` columns and every character has a glyph."""
    from shared_ui import glyph_font  # read on first use: a cold start does not wait for the glyphs

    label = big_label(title, badge)
    size = glyph_font.width(label)
    if size is None or size > width:
        return None
    return glyph_font.glyph_rows(label)


class Tile(BigButton):
    """``tone`` colours the status line: "ok", "warn" or "" (muted)."""

    COMPONENT_CLASSES = {"tile--ok", "tile--warn", "tile--muted"}

    def __init__(
        self,
        title: str,
        status: str = "",
        *,
        tone: str = "",
        badge: str = "",
        big: bool = False,
        id: str | None = None,
        disabled: bool = False,
    ):
        self.title = title
        self.status = status
        self.tone = tone
        self.badge = badge
        super().__init__(title, id=id, classes="tile -big" if big else "tile", disabled=disabled)

    @property
    def words(self) -> str:
        """The tile as read, whatever it is drawn in."""
        return f"{self.title}\n{self.status}"

    def set_status(self, status: str, tone: str = "") -> None:
        self.status, self.tone = status, tone
        self.refresh()

    def big_badge(self, width: int) -> tuple[str, ...] | None:
        """The badge's block rows, in large mode, when it has them and leaves the words room."""
        if not self.badge or not self.app.has_class("-large"):
            return None
        rows = solid_rows(self.badge)
        if rows is None or len(rows[0]) + BADGE_GAP + 12 > width:
            return None
        return rows

    def render(self) -> Content:
        width = max(4, (self.content_region.width or self.size.width or 40) - 2 * (self.styles.line_pad or 0))
        glyphs = big_label_rows(self.title, self.badge, width) if self.has_class("-big") else None
        if glyphs is not None:
            return self._render_big(glyphs, width)
        badge = self.big_badge(width)
        if badge is not None:
            width -= len(badge[0]) + BADGE_GAP
        title = plain_text(self.title, style="bold")
        if cell_len(self.title) > width:
            title.truncate(width, overflow="ellipsis")
        component = {"ok": "tile--ok", "warn": "tile--warn"}.get(self.tone, "tile--muted")
        status = plain_text(self.status, style=self.get_component_rich_style(component, partial=True))
        if cell_len(self.status) > width:
            status.truncate(width, overflow="ellipsis")
        if badge is None:
            return Content.from_rich_text(Text("\n").join([title, status]))
        # The words beside the letter's middle rows.
        words = {1: title, 2: status}
        lines = [
            Text(row + " " * BADGE_GAP, style="bold") + words.get(index, Text()) for index, row in enumerate(badge)
        ]
        return Content.from_rich_text(Text("\n").join(lines))

    def _render_big(self, glyphs: tuple[str, ...], width: int) -> Content:
        component = {"ok": "tile--ok", "warn": "tile--warn"}.get(self.tone, "tile--muted")
        status = plain_text(self.status, style=self.get_component_rich_style(component, partial=True))
        if cell_len(self.status) > width:
            status.truncate(width, overflow="ellipsis")
        lines = [Text(row, style="bold") for row in glyphs]
        return Content.from_rich_text(Text("\n").join([*lines, status]))
