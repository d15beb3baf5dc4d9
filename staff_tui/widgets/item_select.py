"""The service item's Select: a letter or character typed while it has focus opens
the item search (:class:`~staff_tui.modals.item_search.ItemSearchDialog`) with it,
and the item found becomes the choice."""

from __future__ import annotations

from textual import events
from textual.widgets import Select

from staff_tui.modals.item_search import Entry, ItemSearchDialog


class ItemSelect(Select):
    def __init__(self, entries: list[Entry], **options) -> None:
        super().__init__([(label, code) for label, code, _names in entries], **options)
        self.entries = entries

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.set_options([(label, code) for label, code, _names in entries])

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if self.expanded or not character or not event.is_printable or character.isspace():
            return
        event.stop()
        event.prevent_default()
        self.app.push_screen(ItemSearchDialog(self.entries, character), self._found)

    def _found(self, code: str | None) -> None:
        if code is not None:
            self.value = code
        self.focus()


def entries_for(items, language: str) -> list[Entry]:
    """(label, code, names searched) for each catalogue item choice (``staff_tui.queries.ItemChoice``)."""
    from models.i18n import pick
    from shared_ui.plain import plain

    return [
        (
            plain(f"{pick(i.name, i.name_en, language)} · {pick(i.line_name, i.line_name_en, language)}"),
            i.code,
            (i.name, i.name_en),
        )
        for i in items
    ]
