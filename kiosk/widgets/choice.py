"""One of home's four choices: its name and, below it, a hint.

In large mode, where the button has the room (a tall screen, the name
fitting its width), the name is drawn in big glyphs (:mod:`shared_ui.glyph_font`)
above the hint; elsewhere it is the two lines of words.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from kiosk.widgets.big_button import BigButton
from kiosk.widgets.big_room import big_lines_allowed
from shared_ui.plain import plain_text


class Choice(BigButton):
    def __init__(self, name: str, hint: str, *, id: str, action: bool = False) -> None:
        self.name_words, self.hint = name, hint
        super().__init__(f"{name}\n{hint}", id=id, classes="choice", action=action)

    @property
    def words(self) -> str:
        """The choice as read, whatever it is drawn in."""
        return f"{self.name_words}\n{self.hint}"

    def set_words(self, name: str, hint: str) -> None:
        self.name_words, self.hint = name, hint
        self.label = self.words

    def big_rows(self) -> tuple[str, ...] | None:
        """The name's glyph rows, in large mode where they and the hint fit the button."""
        room = self.content_region
        if not self.app.has_class("-large") or not big_lines_allowed(self.app.size.height) or room.height < 10:
            return None
        from shared_ui import glyph_font  # read on first use: a cold start does not wait for the glyphs

        size = glyph_font.width(self.name_words)
        if size is None or size > room.width or cell_len(self.hint) > room.width:
            return None
        return glyph_font.glyph_rows(self.name_words)

    def render(self):  # type: ignore[override]
        rows = self.big_rows()
        if rows is None:
            return super().render()
        lines = [Text(row) for row in rows]
        return Content.from_rich_text(Text("\n").join([*lines, Text(), plain_text(self.hint)]))
