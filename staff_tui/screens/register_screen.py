"""What the register screens share (calls and letters, the worker's log): one
boxed table whose last column takes the width left, a message line saying
what a form did, and a reload after each save.

A screen names its words' prefix (``WORDS``), its table (``TABLE``), its
fixed columns (``FIXED``, widths in cells) and its last, widest column
(``LAST``); the column titles are ``{WORDS}.col_<name>``. ``compose_top``
may put something above the table.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from shared_ui.words import tr
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar


class RegisterScreen(StaffScreen):
    WORDS = ""
    TABLE = ""
    FIXED: dict[str, int] = {}
    LAST = ""
    MESSAGE_LINE = "#message"

    def compose_top(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield from self.compose_top()
        with Vertical(id=f"{self.TABLE}-box", classes="box"):
            yield KeyedTable(id=self.TABLE)
        yield Static("", id="message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one(f"#{self.TABLE}-box").border_title = tr(f"{self.WORDS}.title")
        self._columns()
        self.query_one(f"#{self.TABLE}").focus()
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    def loaded(self) -> bool:
        """Whether there is anything to show again at a new width."""
        return False

    def show(self) -> None:
        raise NotImplementedError

    def on_resize(self) -> None:
        self._columns()
        if self.loaded():
            self.show()

    def widths(self) -> dict[str, int]:
        """The fixed columns, and the last one taking what is left: each column pads a
        cell either side, and a scroll bar may need two, so nothing scrolls sideways."""
        width = self.size.width or 80
        last = max(6, width - 2 - sum(self.FIXED.values()) - (len(self.FIXED) + 2) * 2)
        return {**self.FIXED, self.LAST: last}

    def _columns(self) -> None:
        w = self.widths()
        if w == getattr(self, "_column_widths", None):
            return
        self._column_widths = w
        self.table.set_columns([(name, tr(f"{self.WORDS}.col_{name}"), width) for name, width in w.items()])

    @property
    def table(self) -> KeyedTable:
        return self.query_one(f"#{self.TABLE}", KeyedTable)

    def after_save(self, words: Callable) -> Callable:
        """What a form's close does: say ``words(result)`` and reload, when it saved."""

        def closed(result) -> None:
            if result:
                self.say(words(result))
                self.load()

        return closed
