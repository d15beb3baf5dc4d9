"""Large three-row characters for ticket numbers and windows: digits, A–Z, "-" and "→".

Textual's Digits knows only A–F among the letters; a hall may use any
prefix letter, so letters get their own 3×3 glyphs here (digits reuse
Textual's).
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.renderables.digits import DIGITS, DIGITS3X3
from textual.widget import Widget

_LETTERS = {
    "A": ("╭─╮", "├─┤", "╵ ╵"),
    "B": ("┌─╮", "├─┤", "└─╯"),
    "C": ("╭─╴", "│  ", "╰─╴"),
    "D": ("┌─╮", "│ │", "└─╯"),
    "E": ("┌─╴", "├─ ", "└─╴"),
    "F": ("┌─╴", "├─ ", "╵  "),
    "G": ("╭─╴", "│╶┐", "╰─╯"),
    "H": ("╷ ╷", "├─┤", "╵ ╵"),
    "I": ("╶┬╴", " │ ", "╶┴╴"),
    "J": ("╶─┐", "  │", "╰─╯"),
    "K": ("╷╭╴", "├┤ ", "╵╰╴"),
    "L": ("╷  ", "│  ", "└─╴"),
    "M": ("╭┬╮", "│││", "╵╵╵"),
    "N": ("╭╮╷", "│││", "╵╰╯"),
    "O": ("╭─╮", "│ │", "╰─╯"),
    "P": ("┌─╮", "├─╯", "╵  "),
    "Q": ("╭─╮", "│ │", "╰─╳"),
    "R": ("┌─╮", "├┬╯", "╵╰╴"),
    "S": ("╭─╴", "╰─╮", "╶─╯"),
    "T": ("╶┬╴", " │ ", " ╵ "),
    "U": ("╷ ╷", "│ │", "╰─╯"),
    "V": ("╷ ╷", "│ │", "╰┬╯"),
    "W": ("╷╷╷", "│││", "╰┴╯"),
    "X": ("╲ ╱", " ╳ ", "╱ ╲"),
    "Y": ("╷ ╷", "╰┬╯", " ╵ "),
    "Z": ("╶─┐", "╭─╯", "└─╴"),
    "→": ("   ", "╶─▶", "   "),
    " ": ("   ", "   ", "   "),
}


def _digit_rows(character: str) -> tuple[str, str, str]:
    lines = DIGITS3X3
    position = DIGITS.index(character) * 3
    return tuple(lines[position + row].ljust(3)[:3] for row in range(3))  # type: ignore[return-value]


def glyph(character: str) -> tuple[str, str, str]:
    character = character.upper()
    if character in _LETTERS:
        return _LETTERS[character]
    if character in DIGITS:
        return _digit_rows(character)
    return (" ", character, " ")


class BigText(Widget):
    DEFAULT_CSS = "BigText { width: auto; height: 3; }"

    def __init__(self, text: str = "", *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.text = text

    def update(self, text: str) -> None:
        self.text = text
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(len(glyph(ch)[0]) for ch in self.text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3

    def render(self) -> Text:
        rows = ["", "", ""]
        for character in self.text:
            for index, part in enumerate(glyph(character)):
                rows[index] += part
        return Text("\n".join(rows), no_wrap=True, end="")
