"""Screens laid out one way on a wide terminal and another on a narrow one.

Textual puts the class ``-wide`` or ``-narrow`` on such a screen as the
terminal is resized (its ``HORIZONTAL_BREAKPOINTS``), so whatever only looks
different is a ``.-wide`` rule in ``staff.tcss``. What the code itself must
know (which columns a table has, how much text fits) it reads from
:attr:`WideOrNarrowScreen.wide`; a screen that lays out again when the
terminal crosses the line defines ``watch_wide``, and one whose table
columns follow the exact width defines ``fit_to_width`` (called on every
change of width, so a terminal made smaller over SSH never leaves a table
scrolling sideways).
"""

from __future__ import annotations

from typing import ClassVar

from textual.reactive import var

from staff_tui.screens.staff_screen import StaffScreen


class WideOrNarrowScreen(StaffScreen):
    WIDE_FROM: ClassVar[int] = 120
    """Columns from which the terminal counts as wide."""

    wide = var(False, init=False)
    """Whether the screen carries ``-wide``. False until the first resize, like the CSS, whose rules
    without the class are the narrow ones: code and look never disagree."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (cls.WIDE_FROM, "-wide")]

    def on_resize(self) -> None:
        # Handlers run from the subclass towards Screen, and Screen's own is
        # the one that moves the class: read it once the resize is handled.
        self.call_next(self._follow_class)

    def _follow_class(self) -> None:
        self.wide = self.has_class("-wide")
        width = self.size.width
        if width and width != getattr(self, "_fitted_width", None):
            self._fitted_width = width
            self.fit_to_width()

    def fit_to_width(self) -> None:
        """Lay out again what follows the exact width (nothing, unless a screen says)."""
