"""A QR code drawn with upper-half blocks: always black on white, with a quiet zone.

One module per cell column and two modules per cell row. The colours are
fixed whatever the theme, so a phone can read it off the screen; ``qrcode``
is imported only when a code is drawn.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
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


def qr_text(matrix: list[list[bool]]) -> Text:
    rows = list(matrix)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    text = Text(no_wrap=True, overflow="crop", end="")
    for index in range(0, len(rows), 2):
        if index:
            text.append("\n")
        for top, bottom in zip(rows[index], rows[index + 1], strict=True):
            if top and bottom:
                text.append(" ", _BOTH_DARK)
            elif not top and not bottom:
                text.append(" ", _BOTH_LIGHT)
            elif top:
                text.append("▀", _TOP_DARK)
            else:
                text.append("▀", _BOTTOM_DARK)
    return text


class QRCode(Widget):
    DEFAULT_CSS = """
    QRCode { width: auto; height: auto; }
    """

    def __init__(self, data: str, *, border: int = 2, id: str | None = None, classes: str = ""):
        super().__init__(id=id, classes=classes)
        self.data = data
        self.border = border
        self._matrix = qr_matrix(data, border)

    @property
    def modules(self) -> int:
        return len(self._matrix)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.modules

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return (self.modules + 1) // 2

    def render(self) -> Text:
        return qr_text(self._matrix)
