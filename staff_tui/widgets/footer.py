"""The key footer; the command palette's key shows only when there is room for it."""

from __future__ import annotations

from textual.widgets import Footer

PALETTE_MIN_WIDTH = 100


class HallFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)

    def on_resize(self) -> None:
        self.show_command_palette = self.size.width >= PALETTE_MIN_WIDTH

    def watch_show_command_palette(self) -> None:
        # Footer lays its keys out only when the screen's bindings change; a resize changes none.
        self.call_after_refresh(self.recompose)
