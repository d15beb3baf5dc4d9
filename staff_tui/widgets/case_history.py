"""A case's history: one row per event, its details wrapping to the width given."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.widgets import DataTable

from models import clock
from shared_ui.plain import cells
from shared_ui.words import tr
from staff_tui.case_words import summarize


class CaseHistory(DataTable):
    """The events of one case, as the models list them; it shows, it is not a place to focus."""

    can_focus = False

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="none", show_cursor=False, zebra_stripes=False, **kwargs)

    def show(self, events: list[dict], person: Callable[[str | None], str], room: int, zone) -> None:
        """The history fitted to ``room`` cells: details wrap onto more lines
        rather than run off to the right."""
        rows = [
            (
                clock.reading(event["at"], zone, "%m-%d %H:%M"),
                tr(f"staff_case.event_{event['kind']}"),
                person(event.get("staff")).split("（")[0] if event.get("staff") else "-",
                summarize(event.get("data") or {}, zone),
            )
            for event in events
        ]
        headers = [tr("staff_case.h_at"), tr("staff_case.h_event"), tr("staff_case.h_staff"), tr("staff_case.h_data")]
        widths = [max([cell_len(headers[i])] + [cell_len(row[i]) for row in rows]) for i in range(3)]
        widths.append(max(12, room - sum(widths)))
        self.clear(columns=True)
        for key, header, width in zip(("at", "event", "staff", "data"), headers, widths, strict=True):
            self.add_column(header, key=key, width=width)
        for index, row in enumerate(rows):
            self.add_row(*cells(row), key=str(index), height=None)
