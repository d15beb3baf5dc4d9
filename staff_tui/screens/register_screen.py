"""What the register screens share (calls and letters, the worker's log, visits,
bookings): one boxed table whose last column takes the width left, a message
line saying what a form did, and a reload after each save.

A screen names its words' prefix (``WORDS``), its table (``TABLE``, in a box
``{TABLE}-box`` unless ``BOX`` says otherwise), its fixed columns (``FIXED``,
widths in cells) and its last, widest column (``LAST``); the column titles are
``{WORDS}.col_<name>``. ``compose_top`` may put something above the table;
a screen whose columns change (``table_columns``) or stand in another order
(``widths``) says so there.
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
    BOX = ""
    MESSAGE_LINE = "#message"

    @property
    def box_id(self) -> str:
        return self.BOX or f"{self.TABLE}-box"

    def compose_top(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield from self.compose_top()
        with Vertical(id=self.box_id, classes="box"):
            yield KeyedTable(id=self.TABLE)
        yield Static("", id="message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.prepare()
        self.query_one(f"#{self.box_id}").border_title = self.box_title()
        self.set_columns()
        self.query_one(f"#{self.TABLE}").focus()
        self.load()

    def prepare(self) -> None:
        """What the screen needs to know before its first columns and load (the app is there)."""

    def box_title(self) -> str:
        """The table's title until the first answer is shown."""
        return tr(f"{self.WORDS}.title")

    def load(self) -> None:
        raise NotImplementedError

    def loaded(self) -> bool:
        """Whether there is anything to show again at a new width."""
        return False

    def show(self) -> None:
        raise NotImplementedError

    def on_resize(self) -> None:
        self.set_columns()
        if self.loaded():
            self.show()

    def table_columns(self) -> tuple[dict[str, int], str]:
        """The fixed columns and the last one, as they are now."""
        return self.FIXED, self.LAST

    def widths(self) -> dict[str, int]:
        """The fixed columns, and the last one taking what is left: each column pads a
        cell either side, and a scroll bar may need two, so nothing scrolls sideways."""
        fixed, last_name = self.table_columns()
        width = self.size.width or 80
        last = max(6, width - 2 - sum(fixed.values()) - (len(fixed) + 2) * 2)
        return {**fixed, last_name: last}

    def set_columns(self) -> None:
        w = self.widths()
        if list(w.items()) == getattr(self, "_column_widths", None):
            return
        self._column_widths = list(w.items())
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
