"""The F1 key panel with the hall's keys first.

Textual's own panel lists the focused widget's keys first (an input's
"Cursor up", "Delete left" …), which at 80×24 pushes the screen's and the
app's keys below the fold. This one lists the hall's keys (the screen's, the
dialog's, the app's) first and the fields' and lists' own keys after them,
under a heading of their own, in the hall's words: Textual's own
descriptions ("Cursor up", "Focus Next") are looked up under
``textual_keys.<description>`` in the locale files.
"""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets._key_panel import BindingsTable, KeyPanel

from models.i18n import catalogue
from shared_ui.words import current_language, tr


def hall_words(description: str) -> str:
    """A key's description in the terminal's language: a catalogue key's words, or the
    words of one of Textual's own descriptions (as it is when the locale files lack it)."""
    if "." in description and " " not in description:
        return tr(description)
    slug = re.sub(r"[^a-z0-9]+", "_", description.lower()).strip("_")
    return catalogue(current_language()).get(f"textual_keys.{slug}", description)


def from_textual(node, action: str) -> bool:
    """Whether Textual itself gave ``node`` this key (a widget's, or the App's Tab and the like)."""
    if type(node).__module__.startswith("textual."):
        return True
    for cls in type(node).__mro__:
        if cls.__module__.startswith("textual."):
            for binding in cls.__dict__.get("BINDINGS", ()):
                if (binding.action if isinstance(binding, Binding) else binding[1]) == action:
                    return True
    return False


class HallBindingsTable(BindingsTable):
    def render_bindings_table(self) -> Table:
        hall, fields = [], []
        for active in self.screen.active_bindings.values():
            if active.binding.system or not active.binding.description:
                continue
            (fields if from_textual(active.node, active.binding.action) else hall).append(active)
        key_style = self.get_component_rich_style("bindings-table--key")
        description_style = self.get_component_rich_style("bindings-table--description")
        header_style = self.get_component_rich_style("bindings-table--header")
        table = Table(padding=(0, 1), show_header=False, box=None)
        table.add_column("", justify="right")
        table.add_column("")
        for group, title in ((hall, ""), (fields, tr("staff_ui.keys_of_fields"))):
            if not group:
                continue
            if title:
                table.add_row("", "")
                table.add_row("", Text(title, style=header_style))
            by_action: dict[tuple[int, str], list] = {}
            for active in group:
                by_action.setdefault((id(active.node), active.binding.action), []).append(active)
            for entries in by_action.values():
                keys = " ".join(dict.fromkeys(self.app.get_key_display(entry.binding) for entry in entries))
                description = Text(hall_words(entries[0].binding.description), style=description_style)
                table.add_row(Text(keys, style=key_style), description)
        return table


class HallKeyPanel(KeyPanel):
    def compose(self) -> ComposeResult:
        yield HallBindingsTable(shrink=True, expand=False)
