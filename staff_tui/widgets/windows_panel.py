"""The other windows at a glance: waiting count, who is at the counter, paused."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from shared_ui.plain import visible
from shared_ui.words import name_of, tr
from staff_tui.queries import QueuePicture
from staff_tui.text import fit


class WindowsPanel(Static):
    DEFAULT_CSS = """
    WindowsPanel { height: auto; padding: 0 1; }
    """

    def show(self, picture: QueuePicture | None, mine: int) -> None:
        if picture is None:
            self.update(tr("staff_ui.loading"))
            return
        width = max(20, self.size.width - 2) if self.size.width else 28
        name_width = max(4, width - 17)
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, row in enumerate(picture.windows):
            if index:
                text.append("\n")
            style = "bold" if row.number == mine else ""
            text.append(f"{row.number:>2} ", style=style)
            text.append(fit(name_of(row.name, row.name_en), name_width), style=style)
            text.append(" " + fit(tr("staff_queue.waiting_n", n=row.waiting), 7))
            if row.paused:
                text.append(" " + fit(tr("staff_queue.paused_short"), 6), style="bold reverse")
            else:
                text.append(" " + fit(row.current or "-", 6))
        self.update(visible(text))

    def on_resize(self) -> None:
        picture = getattr(self.screen, "picture", None)
        if picture is not None:
            self.show(picture, self.screen.window_number)
