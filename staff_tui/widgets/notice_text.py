"""A notice's text as the resident reads it: wrapped to the width without splitting
a date, a time or a number, and never read as markup."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widget import Widget

from models.plain_text import shown
from staff_tui.text import wrap_keeping


class NoticeText(Widget):
    DEFAULT_CSS = "NoticeText { height: auto; }"

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = shown(text)  # a stored control character shows as its sign

    @property
    def content(self) -> Content:
        """The text as written (what a test or a screen reader reads), not as wrapped."""
        return Content(self.text)

    def lines(self, width: int) -> list[str]:
        return wrap_keeping(self.text, width)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        return Text("\n".join(self.lines(self.content_size.width or 80)))
