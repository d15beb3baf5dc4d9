"""A QR code drawn with upper-half blocks: always black on white, with a quiet zone.

One module per cell column and two modules per cell row. The colours are
fixed whatever the theme, so a phone can read it off the screen; ``qrcode``
is imported only when a code is drawn.

The widget draws its lines itself (Textual's line API), each a few segments
of equal cells made once: a code drawn as styled text costs a span per cell,
and was the dearest part of showing a ticket.
"""

from __future__ import annotations

from itertools import groupby

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

DARK = "#000000"
LIGHT = "#FFFFFF"
_BOTH_DARK = Style(bgcolor=DARK)
_BOTH_LIGHT = Style(bgcolor=LIGHT)
_TOP_DARK = Style(color=DARK, bgcolor=LIGHT)
_BOTTOM_DARK = Style(color=LIGHT, bgcolor=DARK)


def qr_matrix(data: str, border: int = 2) -> list[list[bool]]:
    """The modules of the smallest QR code holding ``data`` (True = dark)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_L

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_L, border=border)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def _cell(top: bool, bottom: bool) -> tuple[str, Style]:
    if top and bottom:
        return " ", _BOTH_DARK
    if not top and not bottom:
        return " ", _BOTH_LIGHT
    return "▀", _TOP_DARK if top else _BOTTOM_DARK


def qr_lines(matrix: list[list[bool]]) -> list[list[Segment]]:
    """The code as cell rows, two module rows each; equal neighbouring cells share one segment."""
    rows = list(matrix)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for index in range(0, len(rows), 2):
        cells = (_cell(top, bottom) for top, bottom in zip(rows[index], rows[index + 1], strict=True))
        lines.append([Segment(char * len(list(run)), style) for (char, style), run in groupby(cells)])
    return lines


class QRCode(Widget):
    DEFAULT_CSS = """
    QRCode { width: auto; height: auto; }
    """

    def __init__(self, data: str, *, border: int = 2, id: str | None = None, classes: str = ""):
        super().__init__(id=id, classes=classes)
        self.data = data
        self.border = border
        self._matrix = qr_matrix(data, border)
        self._strips = [Strip(line, self.modules) for line in qr_lines(self._matrix)]

    @property
    def modules(self) -> int:
        return len(self._matrix)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.modules

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return (self.modules + 1) // 2

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        y += scroll_y
        if not 0 <= y < len(self._strips):
            return Strip.blank(self.size.width)
        return self._strips[y].crop(scroll_x, scroll_x + self.size.width)
