"""The ledger (便民服务登记台帐): every case, filtered, searched and paged.

Filters on keys (F2 open, F3 overdue, F4 due soon, F5 accepted today, F6
mine, B open 差评, F7 clear) and selects (kind, window, handler); Ctrl+F searches by
case number, tracking code or the last four digits of a phone. Overdue rows
and rows due within two working days carry a word and a symbol in their
first column ("!! 超期", "! 临期"), not only a colour; so do 差评 ("差评", reversed while
its loop is open; G lists the loops due). A page is one query of :func:`models.cases.ledger.ledger`
(indexed, fast with 100,000 cases); what a person may see is :func:`models.cases.rights.ledger_scope`'s answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from models import clock
from models.cases.ledger import DUE_SOON_DAYS, LedgerFilter, case_mark, ledger, ledger_count
from models.cases.rights import ledger_scope
from models.cases.rules import KINDS
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.plain import plain
from shared_ui.words import name_of, tr
from staff_tui import queries
from staff_tui.ledger_columns import ledger_columns
from staff_tui.screens.followups import LoopsEntry
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.text import fit
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar

PAGE_SIZE = 50
TOGGLES = [("open", "F2"), ("overdue", "F3"), ("due_soon", "F4"), ("today", "F5"), ("mine", "F6"), ("bad", "B")]


@dataclass
class LedgerAnswer:
    page: object
    count: int
    token: int


def _short_date(iso: str | None, today_year: int) -> str:
    if not iso:
        return "-"
    return iso[5:] if iso.startswith(str(today_year)) else iso


class LedgerScreen(LoopsEntry, WideOrNarrowScreen):
    @dataclass
    class ChoicesLoaded(Message, bubble=False):
        """What the window and handler selects offer."""

        windows: list
        people: list

    @dataclass
    class PageLoaded(Message, bubble=False):
        answer: LedgerAnswer

    WIDE_FROM = 100
    BINDINGS = [
        Binding("f2", "toggle('open')", "staff_ledger.f_open", key_display="F2"),
        Binding("f3", "toggle('overdue')", "staff_ledger.f_overdue", key_display="F3"),
        Binding("f4", "toggle('due_soon')", "staff_ledger.f_due_soon", key_display="F4"),
        Binding("f5", "toggle('today')", "staff_ledger.f_today", key_display="F5"),
        Binding("f6", "toggle('mine')", "staff_ledger.f_mine", key_display="F6"),
        Binding("b", "toggle('bad')", "staff_ledger.f_bad", key_display="B", show=False),
        Binding("g", "followups", "staff_followup.list_key", key_display="G"),
        Binding("f7", "clear_filters", "staff_ledger.f_clear", key_display="F7"),
        Binding("f8", "open_case", "staff_ledger.open_case", key_display="F8"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10"),
        Binding("ctrl+f", "search", "staff_ledger.search", key_display="Ctrl+F", show=False),
        Binding("f11", "export", "staff_ledger.export", key_display="F11", show=False),
        Binding("n", "page(1)", "staff_ledger.next_page", show=False),
        Binding("p", "page(-1)", "staff_ledger.prev_page", show=False),
        Binding("escape", "back", "staff_ui.back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(name="ledger")
        self.flags = {name: False for name, _ in TOGGLES}
        self.page = 1
        self.answer: LedgerAnswer | None = None
        self._token = 0
        self._choices_loaded = False

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Horizontal(id="ledger-filters"):
            for name, key in TOGGLES:
                button = Button(self._toggle_label(name, key), id=f"t-{name}", compact=True)
                yield button
            yield Button(f"F7 {tr('staff_ledger.f_clear')}", id="t-clear", compact=True)
            yield Input(id="search", placeholder=tr("staff_ledger.search_hint"), compact=True)
        with Horizontal(id="ledger-selects"):
            yield Label(tr("ledger.kind"), classes="select-label")
            yield Select(
                [(tr(f"case.kind_{k}"), k) for k in KINDS], prompt=tr("staff_ledger.any"), id="kind", compact=True
            )
            yield Label(tr("ledger.window"), classes="select-label")
            yield Select([], prompt=tr("staff_ledger.any"), id="window", compact=True)
            yield Label(tr("ledger.handler"), classes="select-label", id="handler-label")
            yield Select([], prompt=tr("staff_ledger.any"), id="handler", compact=True)
        yield KeyedTable(id="cases")
        yield Static("", id="ledger-info", classes="message-line")
        yield HallFooter()

    def _toggle_label(self, name: str, key: str) -> str:
        mark = "*" if self.flags.get(name) else " "
        return f"{key}{mark}{tr(f'staff_ledger.f_{name}')}"

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False
        leader = self.app.shift.is_leader
        self.query_one("#handler").display = leader
        self.query_one("#handler-label").display = leader
        self._set_columns()
        self.query_one("#cases").focus()
        self._load_choices()

    def fit_to_width(self) -> None:
        self._set_columns()
        if self.answer is not None:
            self._show(self.answer)

    def _set_columns(self) -> None:
        self.query_one("#cases", KeyedTable).set_columns(self._columns())

    def _columns(self) -> list[tuple[str, str, int]]:
        return ledger_columns(self.size.width or 80, self.wide)

    def _moment(self, at: str | None, year: int) -> str:
        """When a case was accepted or completed: month, day and time when wide, else the short date."""
        if not at:
            return "-"
        if self.wide:
            return clock.reading(at, self.app.config.zone, "%m-%d %H:%M")
        return _short_date(clock.reading(at, self.app.config.zone, "%Y-%m-%d"), year)

    def _item_width(self) -> int:
        return next(width for key, _, width in self._columns() if key == "item")

    # --- choices for the selects ----------------------------------------------------------------------

    def _load_choices(self) -> None:
        leader = self.app.shift.is_leader

        def choices(hall):
            return queries.window_rows(hall.queue.today()), queries.people() if leader else []

        self.ask(choices, lambda answer: self.ChoicesLoaded(*answer), group="ledger-choices")

    def on_ledger_screen_choices_loaded(self, message: ChoicesLoaded) -> None:
        windows, people = message.windows, message.people
        shift = self.app.shift
        window_select = self.query_one("#window", Select)
        if shift.is_leader:
            options = [
                (tr("staff_ui.window_choice", window=w.number, name=name_of(w.name, w.name_en)), w.number)
                for w in windows
            ]
            window_select.set_options([(plain(label), n) for label, n in options])
        else:
            names = {w.number: name_of(w.name, w.name_en) for w in windows}
            options = [(tr("staff_ui.window_choice", window=n, name=names.get(n, "")), n) for n in shift.windows]
            # Left at 全部: the shift's window and every case this person follows (首问负责).
            window_select.set_options([(plain(label), n) for label, n in options])
        if people:
            self.query_one("#handler", Select).set_options([(plain(f"{p.name}（{p.code}）"), p.code) for p in people])
        self._choices_loaded = True
        self.reload(reset=True)

    def window_switched(self) -> None:
        # 全部 follows the shift's window by itself (the scope is asked again).
        if self._choices_loaded:
            self.reload(reset=True)

    # --- the filter ---------------------------------------------------------------------------------

    def current_filter(self) -> LedgerFilter:
        shift = self.app.shift
        kind = self.query_one("#kind", Select).value
        window = self.query_one("#window", Select).value
        handler = self.query_one("#handler", Select).value
        flt = LedgerFilter(
            open=self.flags["open"],
            overdue=self.flags["overdue"],
            due_within=DUE_SOON_DAYS if self.flags["due_soon"] else None,
            today=self.flags["today"],
            followup=self.flags["bad"],
            kind=None if kind is Select.NULL else kind,
            window=None if window is Select.NULL else window,
            handler=None if handler is Select.NULL else handler,
            search=self.query_one("#search", Input).value.strip(),
        )
        if self.flags["mine"]:
            flt.involving = shift.code
            flt.window = None
        return flt

    def reload(self, *, reset: bool = False) -> None:
        if not self._choices_loaded:
            return
        if reset:
            self.page = 1
        self._load_page()

    def _load_page(self) -> None:
        """Ask for the current page; an answer to an older ask (another filter, page) is dropped."""
        self._token += 1
        shift, config, flt, page, token = self.app.shift, self.app.config, self.current_filter(), self.page, self._token

        def read(hall) -> LedgerAnswer:
            scoped = ledger_scope(shift, flt)
            return LedgerAnswer(ledger(config, scoped, page, PAGE_SIZE), ledger_count(config, scoped), token)

        self.ask(read, self.PageLoaded, group="ledger-load")

    def on_ledger_screen_page_loaded(self, message: PageLoaded) -> None:
        if message.answer.token == self._token:
            self.answer = message.answer
            self._show(message.answer)

    def ask_failed(self, failure) -> None:
        info = self.query_one("#ledger-info", Static)
        info.update(plain(failure.words))
        info.add_class("error")

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith("case.") for kind in message.kinds) or RECONNECTED in message.kinds:
            self._load_page()

    # --- showing ---------------------------------------------------------------------------------

    def _show(self, answer: LedgerAnswer) -> None:
        page = answer.page
        wide = self.wide
        item_width = self._item_width()
        keys = [key for key, _, _ in self._columns()]
        year = clock.service_day(self.app.config.zone).year
        rows = []
        for row in page.rows:
            mark = case_mark(row.overdue, row.days_left, row.state)
            if mark == "overdue":
                mark_cell = Text(tr("staff_ledger.mark_overdue"), style="bold reverse")
            elif mark == "due_soon":
                mark_cell = Text(tr("staff_ledger.mark_due_soon"), style="bold")
            elif row.followup:  # a 差评: reversed while its loop is open, plain once it is done
                mark_cell = Text(tr("staff_ledger.mark_bad"), style="bold reverse" if row.followup == "open" else "")
            else:
                mark_cell = Text("")
            cell = {
                "mark": mark_cell,
                "number": Text(row.number, style="bold" if mark else ""),
                "kind": tr(f"staff_ledger.kind_{row.kind}"),
                "state": tr(f"staff_ledger.state_{row.state}"),
                "item": fit(name_of(row.item_name, row.item_name_en), item_width).rstrip(),
                "window": str(row.window or "-"),
                "accepted": self._moment(row.accepted_at, year),
                "due": (row.due_date or "-") if wide else _short_date(row.due_date, year),
                "completed": self._moment(row.completed_at, year),
                "handler": row.handler_name,
                "phone": row.phone_masked or "-",
            }
            cells = [cell[key] for key in keys]
            rows.append((row.number, tuple(cells)))
        table = self.query_one("#cases", KeyedTable)
        table.sync(rows)
        info = self.query_one("#ledger-info", Static)
        info.remove_class("error")
        if not page.rows:
            info.update(tr("ledger.empty"))
        else:
            first = (page.page - 1) * page.page_size + 1
            info.update(
                tr(
                    "staff_ledger.page_info",
                    page=page.page,
                    first=first,
                    last=first + len(page.rows) - 1,
                    count=answer.count,
                    more=tr("staff_ledger.more") if page.has_more else "",
                )
            )

    # --- actions ---------------------------------------------------------------------------------

    def action_toggle(self, name: str) -> None:
        self.flags[name] = not self.flags[name]
        if name == "overdue" and self.flags[name]:
            self.flags["due_soon"] = False
        if name == "due_soon" and self.flags[name]:
            self.flags["overdue"] = False
        self._relabel()
        self.reload(reset=True)

    def _relabel(self) -> None:
        for name, key in TOGGLES:
            button = self.query_one(f"#t-{name}", Button)
            button.label = self._toggle_label(name, key)
            button.set_class(self.flags[name], "-on")

    def action_clear_filters(self) -> None:
        for name in self.flags:
            self.flags[name] = False
        self.query_one("#search", Input).value = ""
        self.query_one("#kind", Select).clear()
        self.query_one("#window", Select).clear()
        if self.app.shift.is_leader:
            self.query_one("#handler", Select).clear()
        self._relabel()
        self.reload(reset=True)

    @on(Button.Pressed, "#t-clear")
    def _clear_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_clear_filters()

    @on(Button.Pressed, ", ".join(f"#t-{name}" for name, _ in TOGGLES))
    def _toggle_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_toggle(event.button.id.removeprefix("t-"))

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        event.stop()
        self.reload(reset=True)

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        event.stop()
        self.reload(reset=True)
        self.query_one("#cases").focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_page(self, step: int) -> None:
        answer = self.answer
        if answer is None:
            return
        if step > 0 and not answer.page.has_more:
            return
        if step < 0 and self.page <= 1:
            return
        self.page += step
        self.reload()

    @on(DataTable.RowSelected, "#cases")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.row_key.value)

    def action_open_case(self) -> None:
        key = self.query_one("#cases", KeyedTable).current_key
        if key:
            self._open(key)

    def _open(self, number: str) -> None:
        from staff_tui.screens.case_detail import CaseDetailScreen

        self.app.push_screen(CaseDetailScreen(number))

    def action_export(self) -> None:
        """F11: the whole ledger this filter shows (every page), as a file in the export folder."""
        from staff_tui.modals.export_form import export_dialog

        shift, flt, lang = self.app.shift, self.current_filter(), self.app.lang

        def save(values: dict) -> str:
            return str(self.app.hall.cases.export_ledger(ledger_scope(shift, flt), values["format"], lang))

        def closed(path) -> None:
            if isinstance(path, str):
                self.say(tr("staff_ui.report.exported", name=Path(path).name, folder=Path(path).parent))

        self.app.push_screen(export_dialog(tr("staff_ledger.export"), save), closed)

    def action_back(self) -> None:
        if self.query_one("#search", Input).has_focus:
            self.query_one("#cases").focus()
            return
        self.app.pop_screen()

    def action_lock(self) -> None:
        self.app.lock()
