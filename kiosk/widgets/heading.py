"""A screen's heading: in large mode, in big glyphs where they fit whole.

The big glyphs are Unifont's bitmaps (:mod:`shared_ui.glyph_font`), 16
columns × 8 rows a Chinese character. They are used only when the whole
heading fits the widget's width in at most :func:`big_lines_allowed` lines
(broken first at 「 · 」, then after a comma or stop, then between words or
characters) and every character has a glyph; otherwise the heading is the
normal words, wrapped. A heading longer than a sixth of the screen (an item
name of a paragraph, stored by another program) ends in 「…」 there, so the
screen's choices stay in view; the screen's body shows the name whole.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.widget import Widget

from kiosk.widgets.big_room import big_lines_allowed
from kiosk.widgets.paged import _tokens, wrap_text
from shared_ui.plain import visible

SEPARATOR = " · "
ELLIPSIS = "…"
_PAUSES = "！，。；：？、"


def _split(text: str, level: int) -> tuple[list[str], str]:
    """``text`` cut at the breaks of ``level`` (0 「 · 」, 1 after a pause, 2 spaces, 3 anywhere
    a line may break), and what joins the pieces again."""
    if level == 0:
        return text.split(SEPARATOR), SEPARATOR
    if level == 1:
        pieces, start = [], 0
        for index, ch in enumerate(text):
            if ch in _PAUSES:
                pieces.append(text[start : index + 1])
                start = index + 1
        return [*pieces, text[start:]] if text[start:] else pieces or [text], ""
    if level == 2:
        return text.split(" "), " "
    return [text[begin:end] for begin, end in _tokens(text)], ""


def wrap_big(text: str, fits, level: int = 0) -> list[str]:
    """Greedy lines of ``text`` for which ``fits(line)``, breaking at the coarsest breaks first.
    A piece that fits no line is left whole (the caller then falls back)."""
    if fits(text) or level > 3:
        return [text]
    pieces, joiner = _split(text, level)
    lines: list[str] = []
    current: str | None = None
    for piece in pieces:
        candidate = piece if current is None else current + joiner + piece
        if fits(candidate):
            current = candidate
            continue
        if current is not None:
            lines.append(current)
        *done, current = wrap_big(piece, fits, level + 1)
        lines.extend(done)
    if current is not None:
        lines.append(current)
    return [line.strip() for line in lines if line.strip()]


class Heading(Widget):
    """``words``: the heading as read (and spoken); what is drawn depends on the room."""

    DEFAULT_CSS = "Heading { height: auto; }"

    def __init__(self, words: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.words = words
        self.big: tuple[str, ...] | None = None  # the glyph rows of the last layout, when big

    def on_mount(self) -> None:
        if hasattr(type(self.app), "large"):  # the kiosk's 大字, turned on or off under this screen
            self.watch(self.app, "large", lambda _: self.update(self.words), init=False)

    def update(self, words: str) -> None:
        self.words = words
        self._choose(self.content_region.width)
        self.refresh(layout=True)

    def big_rows(self, width: int) -> tuple[str, ...] | None:
        """The heading's glyph rows for ``width`` columns, or None where the normal words must do."""
        if not self.words or width <= 0 or not self.app.has_class("-large"):
            return None
        allowed = big_lines_allowed(self.app.size.height)
        if not allowed:
            return None
        from shared_ui import glyph_font  # the glyphs are read here, the first time they are needed

        if not glyph_font.has_glyphs(self.words):
            return None
        lines = wrap_big(self.words, lambda line: (glyph_font.width(line) or width + 1) <= width)
        if len(lines) > allowed or any((glyph_font.width(line) or width + 1) > width for line in lines):
            return None
        rows: list[str] = []
        for line in lines:
            rows.extend(glyph_font.glyph_rows(line) or ())
        return tuple(rows)

    def _choose(self, width: int) -> None:
        self.big = self.big_rows(width)
        self.set_class(self.big is not None, "-big")

    def on_resize(self, event: events.Resize) -> None:
        before = self.big
        self._choose(self.content_region.width)
        if self.big != before:
            self.refresh(layout=True)

    def lines_allowed(self) -> int:
        """How many lines of normal words the heading may take."""
        return max(2, self.app.size.height // 6)

    def word_lines(self, width: int) -> list[Text]:
        """The normal words wrapped to ``width``, the last allowed line ending in 「…」 when
        there are more."""
        width = max(1, width)
        lines = wrap_text(visible(Text(self.words)), width)
        allowed = self.lines_allowed()
        if len(lines) <= allowed:
            return lines
        last = lines[allowed - 1]
        last.truncate(max(0, width - cell_len(ELLIPSIS)))
        last.append(ELLIPSIS)
        return [*lines[: allowed - 1], last]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._choose(width)
        if self.big is not None:
            return len(self.big)
        return max(1, len(self.word_lines(width)))

    def render(self) -> Text:
        if self.big is not None:
            return Text("\n".join(self.big), no_wrap=True, end="")
        return Text("\n").join(self.word_lines(self.content_region.width or cell_len(self.words)))
