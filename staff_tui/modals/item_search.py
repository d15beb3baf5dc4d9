"""Type-to-search for a service item: what is typed narrows the list, by part of
the item's name or its pinyin initials (:mod:`models.catalogue.search`);
Up/Down move, Enter takes the item, Esc leaves the choice as it was."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from models.catalogue.search import narrow
from shared_ui.plain import plain
from shared_ui.words import localise_bindings, tr

# (label shown, item code, the names searched)
Entry = tuple[str, str, tuple[str, ...]]


class ItemSearchDialog(ModalScreen):
    BINDINGS = [
        Binding("escape", "cancel", "staff_ui.cancel"),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]
    DEFAULT_CSS = """
    ItemSearchDialog .dialog { width: 72; max-width: 100%; }
    ItemSearchDialog #search-query { width: 1fr; }
    ItemSearchDialog #search-found { height: auto; max-height: 12; }
    """

    def __init__(self, entries: list[Entry], query: str = "") -> None:
        super().__init__(classes="dialog-screen", name="item-search")
        localise_bindings(self)
        self.entries = entries
        self.query_text = query
        self.shown: list[Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(tr("staff_search.title"), classes="dialog-title")
            yield Input(self.query_text, placeholder=tr("staff_search.placeholder"), id="search-query", compact=True)
            yield OptionList(id="search-found", compact=True)
            yield Label("", id="search-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).can_focus = False  # the keys stay in the query: Up/Down move the list
        box = self.query_one(Input)
        box.focus()
        box.cursor_position = len(box.value)
        self._show(box.value)

    @on(Input.Changed, "#search-query")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    def _show(self, query: str) -> None:
        self.shown = narrow(self.entries, query, lambda entry: entry[2])
        found = self.query_one(OptionList)
        found.clear_options()
        found.add_options([Option(plain(label), id=code) for label, code, _names in self.shown])
        if self.shown:
            found.highlighted = 0
        hint = tr("staff_search.hint", count=len(self.shown)) if self.shown else tr("staff_search.none")
        self.query_one("#search-hint", Label).update(hint)

    def action_move(self, step: int) -> None:
        found = self.query_one(OptionList)
        if self.shown:
            found.highlighted = ((found.highlighted or 0) + step) % len(self.shown)

    @on(Input.Submitted, "#search-query")
    def _take(self, event: Input.Submitted) -> None:
        event.stop()
        found = self.query_one(OptionList)
        if self.shown and found.highlighted is not None:
            self.dismiss(self.shown[found.highlighted][1])

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
