"""A tile in a list: a two-line touch button, name above and status below."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from kiosk.widgets.big_button import BigButton
from shared_ui.plain import plain_text


class Tile(BigButton):
    """``tone`` colours the status line: "ok", "warn" or "" (muted)."""

    COMPONENT_CLASSES = {"tile--ok", "tile--warn", "tile--muted"}

    def __init__(self, title: str, status: str = "", *, tone: str = "", id: str | None = None, disabled: bool = False):
        self.title = title
        self.status = status
        self.tone = tone
        super().__init__(title, id=id, classes="tile", disabled=disabled)

    def set_status(self, status: str, tone: str = "") -> None:
        self.status, self.tone = status, tone
        self.refresh()

    def render(self) -> Content:
        width = max(4, (self.content_region.width or self.size.width or 40) - 2 * (self.styles.line_pad or 0))
        title = plain_text(self.title, style="bold")
        if cell_len(self.title) > width:
            title.truncate(width, overflow="ellipsis")
        component = {"ok": "tile--ok", "warn": "tile--warn"}.get(self.tone, "tile--muted")
        status = plain_text(self.status, style=self.get_component_rich_style(component, partial=True))
        if cell_len(self.status) > width:
            status.truncate(width, overflow="ellipsis")
        return Content.from_rich_text(Text("\n").join([title, status]))
