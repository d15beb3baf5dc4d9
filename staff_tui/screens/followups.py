"""What of the 差评 loops is due: the leader sees every open loop, others the ones they verify.

Overdue loops come first and carry ``!!`` and the word of what is late in
their first column, not only a colour; Enter opens the loop's own screen
(:class:`staff_tui.screens.followup.FollowupScreen`). The list is
:meth:`models.cases.bad_ratings.BadRatings.due`'s answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Static

from models.cases.bad_ratings.loop_rules import STAGES
from shared_ui.live import HallChanged
from shared_ui.words import name_of, tr
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.text import fit
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar


class LoopsEntry:
    """The ledger's way to the 差评 loops that are due (G)."""

    def action_followups(self) -> None:
        self.app.push_screen(FollowupsScreen())  # type: ignore[attr-defined]


class FollowupsScreen(WideOrNarrowScreen):
    @dataclass
    class LoopsLoaded(Message, bubble=False):
        rows: list

    WIDE_FROM = 100
    BINDINGS = [
        Binding("enter,f8", "open_loop", "staff_ledger.open_case", key_display="Enter"),
        Binding("escape,f9", "back", "staff_ui.back", key_display="Esc"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(name="followups")
        self.rows: list | None = None

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield Static(tr("staff_followup.list_title"), id="followups-title", classes="section-title")
        yield KeyedTable(id="loops")
        yield Static("", id="followups-info", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self._set_columns()
        self.query_one("#loops").focus()
        self.load()

    def fit_to_width(self) -> None:
        self._set_columns()
        if self.rows is not None:
            self._show(self.rows)

    def _columns(self) -> list[tuple[str, str, int]]:
        stage = max(cell_len(tr(f"followup.stage_{s}")) for s in STAGES)
        fixed = [
            ("mark", tr("ledger.flags"), 16 if self.wide else 12),
            ("number", tr("ledger.number"), max([11, *(cell_len(row["number"]) for row in self.rows or [])])),
            ("stage", tr("staff_followup.h_stage"), stage),
            ("due", tr("staff_followup.h_due"), 10),
            ("verifier", tr("staff_followup.h_verifier"), 6),
        ]
        fixed = [(key, label, max(width, cell_len(label))) for key, label, width in fixed]
        room = (self.size.width or 80) - sum(width for _, _, width in fixed) - (len(fixed) + 2) * 2 - 3
        return [*fixed, ("item", tr("ledger.item"), max(6, room))]

    def _set_columns(self) -> None:
        self.query_one("#loops", KeyedTable).set_columns(self._columns())

    def load(self) -> None:
        shift = self.app.shift
        verifier = None if shift.is_leader else shift.code
        self.ask(lambda hall: hall.bad_ratings.due(verifier=verifier), self.LoopsLoaded, group="followups-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith(("case.", "rating.")) for kind in message.kinds):
            self.load()

    def on_followups_screen_loops_loaded(self, message: LoopsLoaded) -> None:
        widths = [width for _, _, width in self._columns()]
        self.rows = message.rows
        if [width for _, _, width in self._columns()] != widths:
            self._set_columns()  # a visit's name (YYYY-MM-DD/A003) is wider than a case's number
        self._show(message.rows)

    def _show(self, rows: list) -> None:
        item_width = self._columns()[-1][2]
        mark_width = self._columns()[0][2]
        table_rows = []
        for row in rows:
            if row["marks"]:
                words = "、".join(tr(f"followup.mark_{mark}") for mark in row["marks"])
                mark = Text(fit("!!" + words, mark_width).rstrip(), style="bold reverse")
            else:
                mark = Text("")
            table_rows.append(
                (
                    row["number"],
                    (
                        mark,
                        Text(row["number"], style="bold" if row["overdue"] else ""),
                        tr(f"followup.stage_{row['stage']}"),
                        row["due"] or "-",
                        row["verifier"] or "-",
                        fit(name_of(row["item"], row["item_en"]), item_width).rstrip(),
                    ),
                )
            )
        self.query_one("#loops", KeyedTable).sync(table_rows)
        late = sum(1 for row in rows if row["overdue"])
        info = tr("staff_followup.list_info", count=len(rows), late=late) if rows else tr("staff_followup.list_empty")
        self.query_one("#followups-info", Static).update(info)

    @on(DataTable.RowSelected, "#loops")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.row_key.value)

    def action_open_loop(self) -> None:
        key = self.query_one("#loops", KeyedTable).current_key
        if key:
            self._open(key)

    def _open(self, number: str) -> None:
        from staff_tui.screens.followup import FollowupScreen

        self.app.push_screen(FollowupScreen(number))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_lock(self) -> None:
        self.app.lock()
