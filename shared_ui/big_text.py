"""Large characters for ticket numbers and windows: digits, A–Z, "-" and "→".

Three sizes, the largest that fits. Seven rows of solid blocks (a 5×7 dot
font, each dot two cells wide so it comes out square) where the screen is
tall enough: a resident with poor sight reads it from across the lobby.
Four rows of the same dots drawn with half blocks (▀ ▄ █, one cell a dot)
on a low screen such as 80×24: still solid strokes, so C001 never reads as
「[001」 the way hairline box glyphs did. Three rows of box glyphs only when
neither fits (Textual's Digits for the digits, 3×3 glyphs for letters).
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


# 5×7 dots, "#" on; a space is narrower so "A012 → 3" still fits a board.
_DOTS = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("####.", "....#", "....#", ".###.", "....#", "....#", "####."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "B": ("####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
    "C": (".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
    "D": ("####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "#....", "####.", "#....", "#....", "#####"),
    "F": ("#####", "#....", "#....", "####.", "#....", "#....", "#...."),
    "G": (".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
    "H": ("#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": (".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "J": ("..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
    "K": ("#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#....", "#....", "#####"),
    "M": ("#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
    "N": ("#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
    "O": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "Q": (".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
    "R": ("####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
    "S": (".####", "#....", "#....", ".###.", "....#", "....#", "####."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "V": ("#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
    "X": ("#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
    "Y": ("#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
    "Z": ("#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    "→": (".....", "..#..", "...#.", "#####", "...#.", "..#..", "....."),
    " ": ("...",) * 7,
}
TALL_ROWS = 7
TALL_FROM_HEIGHT = 30  # screens lower than this keep three rows, for the words below
_GAP = "  "


def tall_rows(text: str, scale: int = 1) -> tuple[str, ...] | None:
    """``text`` in seven rows of blocks (``scale`` times as wide and as tall), or None when a
    character has no dots."""
    characters = [_DOTS.get(ch.upper()) for ch in text]
    if not characters or any(c is None for c in characters):
        return None
    on, off, gap = "██" * scale, "  " * scale, _GAP * scale
    rows = [
        gap.join("".join(on if dot == "#" else off for dot in glyph[row]) for glyph in characters)
        for row in range(TALL_ROWS)
    ]
    return tuple(row for row in rows for _ in range(scale))


SOLID_ROWS = 4


def solid_rows(text: str) -> tuple[str, ...] | None:
    """``text`` in four rows of half blocks (two dot rows a cell), or None when a character has no dots."""
    characters = [_DOTS.get(ch.upper()) for ch in text]
    if not characters or any(c is None for c in characters):
        return None
    cells = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
    rows = []
    for row in range(SOLID_ROWS):
        top, bottom = 2 * row, 2 * row + 1
        parts = []
        for dots in characters:
            assert dots is not None
            lower = dots[bottom] if bottom < TALL_ROWS else "." * len(dots[top])
            parts.append("".join(cells[(a == "#", b == "#")] for a, b in zip(dots[top], lower, strict=True)))
        rows.append(" ".join(parts))
    return tuple(rows)


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
    DEFAULT_CSS = "BigText { width: auto; height: auto; }"

    def __init__(
        self,
        text: str = "",
        *,
        room: int = 0,
        plain: bool = False,
        tall: bool = True,
        max_rows: int = TALL_ROWS,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        """``room``: columns of the row to leave for what stands beside the text; ``plain``: the text as
        it is, on one row, where no block size fits (a long code, where box glyphs would read worse);
        ``tall=False``: never the seven-row size; ``max_rows``: how tall it may grow (whole
        multiples of seven rows, as wide as the room allows: a board across a hall)."""
        super().__init__(id=id, classes=classes)
        self.text = text
        self.room = room
        self.plain = plain
        self.tall_ok = tall
        self.max_rows = max_rows
        self.scale = 1
        self.tall = False  # which size the last layout chose: seven rows,
        self.solid = False  # or four (when neither, three rows of box glyphs)

    def update(self, text: str) -> None:
        self.text = text
        self.refresh(layout=True)

    def _choose(self, container: Size, viewport: Size) -> tuple[str, ...]:
        if self.tall_ok and viewport.height >= TALL_FROM_HEIGHT:
            for scale in range(max(1, self.max_rows // TALL_ROWS), 0, -1):
                rows = tall_rows(self.text, scale)
                if rows is not None and len(rows[0]) + self.room <= container.width:
                    self.tall, self.solid, self.scale = True, False, scale
                    return rows
        self.tall, self.scale = False, 1
        rows = solid_rows(self.text)
        self.solid = rows is not None and len(rows[0]) + self.room <= container.width
        if self.solid and rows is not None:
            return rows
        return (self.text,) if self.plain else self._small_rows()

    def _small_rows(self) -> tuple[str, ...]:
        rows = ["", "", ""]
        for character in self.text:
            for index, part in enumerate(glyph(character)):
                rows[index] += part
        return tuple(rows)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(self._choose(container, viewport)[0])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return TALL_ROWS * self.scale if self.tall else SOLID_ROWS if self.solid else 1 if self.plain else 3

    def render(self) -> Text:
        rows = tall_rows(self.text, self.scale) if self.tall else solid_rows(self.text) if self.solid else None
        if rows is None:
            rows = (self.text,) if self.plain else self._small_rows()
        return Text("\n".join(rows), no_wrap=True, end="")
