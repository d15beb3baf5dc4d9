"""Choose another of one's windows for the rest of the shift."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from shared_ui.plain import plain
from shared_ui.words import localise_bindings, name_of, tr


def window_choices(numbers, windows, covering=()) -> list[tuple[int, str]]:
    """(number, label) for each of one's window ``numbers``: its name from ``windows``
    (the hall's, as the queue shows them) and B 代岗 where one covers it as B."""
    names = {w.number: name_of(w.name, w.name_en) for w in windows}
    return [
        (
            n,
            tr("staff_ui.window_choice", window=n, name=names.get(n, ""))
            + (" " + tr("staff_ui.where.b_cover_mark") if n in covering else ""),
        )
        for n in numbers
    ]


class WindowPickDialog(ModalScreen):
    BINDINGS = [Binding("escape", "cancel", "staff_ui.cancel")]

    def __init__(self, options: list[tuple[int, str]], *, current: int) -> None:
        super().__init__(classes="dialog-screen")
        localise_bindings(self)
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog narrow"):
            yield Label(tr("staff_queue.switch_title"), classes="dialog-title")
            yield OptionList(*[Option(plain(label), id=str(number)) for number, label in self.options], id="windows")
            yield Label(tr("staff_ui.pick_hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        numbers = [number for number, _ in self.options]
        if self.current in numbers:
            options.highlighted = numbers.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
