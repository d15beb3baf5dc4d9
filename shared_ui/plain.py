"""People's text on screen, exactly as typed: never read as markup.

Textual parses a plain ``str`` given to a Static, a Label, a Button, a table
cell or a notice as markup, so ``请核对[/]材料`` would crash a screen and
``[b]…[/]`` would turn bold. Every name, note, notice, catalogue entry and
staff word goes on screen through :func:`plain` (a Textual ``Content``) or
:func:`plain_text` (a Rich ``Text``, for tables and Rich renderables); any
control or invisible character stored before the input rule is shown as
what it is (``␛``, ``<U+202E>``), never obeyed.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.content import Content

from models.plain_text import refused_at, shown


def plain(text: object, style: str = "") -> Content:
    """``text`` as a Content that shows every character as typed."""
    words = shown(str(text))
    return Content.styled(words, style) if style else Content(words)


def plain_text(text: object, style: str = "", **options) -> Text:
    """``text`` as a Rich Text that shows every character as typed (``options`` go to Text)."""
    return Text(shown(str(text)), style=style, **options)


def visible(text: Text) -> Text:
    """A Rich Text built by appending (literal already) with its refused characters made visible."""
    bad = refused_at(text.plain, lines=True)
    if not bad:
        return text
    cuts = sorted({edge for i in bad for edge in (i, i + 1)})
    out = Text(end=text.end, no_wrap=text.no_wrap, overflow=text.overflow)
    start = 0
    for piece in text.divide(cuts):
        out.append_text(Text(shown(piece.plain, lines=True)) if start in bad else piece)
        start += len(piece)
    return out


def notify_plain(target, text: object, **options) -> None:
    """A notice (toast) showing ``text`` as typed; ``options`` go to ``notify``."""
    target.notify(shown(str(text)), markup=False, **options)


def cells(values) -> tuple:
    """A table row's cells, each ``str`` as typed (Text and other renderables stay as they are)."""
    return tuple(
        plain_text(value) if isinstance(value, str) else visible(value) if isinstance(value, Text) else value
        for value in values
    )


class PlainTable(Table):
    """A Rich Table whose ``str`` cells are shown as typed (Rich would read them as markup)."""

    def add_row(self, *renderables, **options) -> None:
        super().add_row(*cells(renderables), **options)
