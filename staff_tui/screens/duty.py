"""Duty (值班): who is on duty today, the opening and closing checklists, and
the leader's log (领导带班记录).

The head names the day's duty people and the leader on duty
(:meth:`models.duty.Duty.on_duty`: the rotation after swaps), the hours, the
time the duty person is due (10 minutes early) and anyone on duty who has
leave that day. Each checklist item shows "✓" with who ticked it and when,
or "□ 未勾选", and the problem noted with it. F2 (or Enter) ticks the item
under the cursor, F3 ticks it noting a problem, U takes a tick back with a reason
(:mod:`~staff_tui.screens.duty_undo`), F4 signs the checklist off:
the models refuse an incomplete list, and the closing one while any of the
day's tickets is waiting or being served (the message gives the count).
Closing questions and a leader's reopening (Ctrl+R): :mod:`~staff_tui.screens.duty_closing`;
under the closing list, its early reason, answers and the day's reopenings; a leader's head names
the working days nobody signed off.
F8 shows the other checklist (on a wide terminal both show; F8 moves the
cursor). A leader writes problems found (F5) and their fixes (F6); every
open problem shows until it has a fix. F7 shows any other day's checklists
and log (read only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from models import clock
from models.schema.duty import CHECKLISTS
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.plain import plain
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog
from staff_tui.screens.duty_closing import ClosingActions
from staff_tui.screens.duty_undo import UndoTickAction
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.text import fit
from staff_tui.widgets.checklist_table import ChecklistTable, checklist_title
from staff_tui.widgets.closing_record import ClosingRecord
from staff_tui.widgets.duty_head import DutyHead
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.leaders_log import LeadersLog, log_title
from staff_tui.widgets.status_bar import StatusBar


class DutyScreen(ClosingActions, UndoTickAction, WideOrNarrowScreen):
    @dataclass
    class DutyLoaded(Message, bubble=False):
        """The day's checklists and log, the open problems, and everyone's name by code."""

        history: object
        open_problems: list
        names: dict
        closing: tuple = (None, [])  # what the closing sign-off will ask; days nobody signed (for a leader)

    @dataclass
    class ItemTicked(Message, bubble=False):
        tick: object

    @dataclass
    class ChecklistSignedOff(Message, bubble=False):
        signed: object

    WIDE_FROM = 120
    BINDINGS = [
        Binding("f2", "tick", "staff_ui.duty.tick", key_display="F2"),
        Binding("f3", "tick_problem", "staff_ui.duty.tick_problem", key_display="F3"),
        Binding("f4", "sign_off", "staff_ui.duty.sign_off", key_display="F4"),
        Binding("u", "undo_tick", "staff_ui.duty.undo", key_display="U"),
        Binding("f5", "log_problem", "staff_ui.duty.log_problem", key_display="F5"),
        Binding("f6", "log_fix", "staff_ui.duty.log_fix", key_display="F6"),
        Binding("f7", "other_day", "staff_ui.duty.other_day", key_display="F7"),
        Binding("f8", "other_list", "staff_ui.duty.other_list", key_display="F8"),
        Binding("ctrl+r", "reopen", "staff_ui.duty.reopen", key_display="^R"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10", show=False),
        Binding("escape", "back", "staff_ui.back", show=False),
    ]

    MESSAGE_LINE = "#message"

    def __init__(self, day: date | None = None) -> None:
        super().__init__(name="duty")
        self.day = day
        self.today: date | None = None
        self.data = None  # (DayChecklists, open problems, names)
        self.shown = "opening"  # on a narrow terminal, the checklist shown
        self.busy = False

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield DutyHead("", id="duty-head")
        with Horizontal(id="duty-lists"):
            for name in CHECKLISTS:
                with Vertical(id=f"{name}-box", classes="box checklist-box"):
                    yield ChecklistTable(id=name)
        # Outside the list boxes: seen whichever list a narrow terminal shows.
        yield ClosingRecord(id="closing-record")
        with Vertical(id="log-box", classes="box"):
            yield LeadersLog(id="log")
        yield Static("", id="message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.today = clock.service_day(self.app.config.zone)
        self.day = self.day or self.today
        self._set_columns()
        self._mark_shown()
        self.query_one("#opening").focus()
        self.load()

    def fit_to_width(self) -> None:
        self._set_columns()
        if self.data is not None:
            self._show()

    def _set_columns(self) -> None:
        for name in CHECKLISTS:
            self.query_one(f"#{name}", ChecklistTable).fit_columns(self._list_width())
        self.query_one(LeadersLog).fit_columns(self.size.width or 80)

    def _mark_shown(self) -> None:
        # A narrow terminal hides the list marked "-other" (staff.tcss); a wide one shows both.
        for name in CHECKLISTS:
            self.query_one(f"#{name}-box").set_class(name != self.shown, "-other")

    def _list_width(self) -> int:
        width = self.size.width or 80
        return (width // 2) if self.wide else width

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        from models.staff import list_staff

        day, leader = self.day, bool(self.app.shift and self.app.shift.is_leader)

        def read(hall):
            names = {p.code: p.name for p in list_staff()}
            closing = (hall.duty.closing_questions(day), hall.duty.unsigned_days(day) if leader else [])
            return hall.duty.checklist_history(day), hall.duty.open_problems(), names, closing

        self.ask(read, lambda answer: self.DutyLoaded(*answer), group="duty-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if RECONNECTED in message.kinds or any(k.startswith(("duty.", "staff.", "leave.")) for k in message.kinds):
            self.load()

    def on_duty_screen_duty_loaded(self, message: DutyLoaded) -> None:
        first = self.data is None
        self.data = (message.history, message.open_problems, message.names)
        self.closing_loaded(*message.closing)
        if first and self.data[0].opening.signed_off is not None and self.day == self.today:
            self.shown = "closing"  # the morning's list is done: the evening's is the one to work on
            self._mark_shown()
            self.query_one("#closing").focus()
        self._show()

    # --- showing -----------------------------------------------------------------------------

    def _who(self, code: str | None) -> str:
        if not code:
            return "-"
        return self.data[2].get(code, code)

    def _show(self) -> None:
        history, open_problems, _names = self.data
        zone = self.app.config.zone
        self.query_one(DutyHead).show(history, self.today, self.unsigned)
        for name in CHECKLISTS:
            state = getattr(history, name)
            self.query_one(f"#{name}", ChecklistTable).show(state, self._who, zone, self._list_width())
            box = self.query_one(f"#{name}-box")
            box.border_title = plain(checklist_title(name, state, self._who, zone))
            box.border_subtitle = "" if self.wide else tr("staff_ui.duty.f8_hint")
        self.query_one(ClosingRecord).show(history, self._who, zone, self.size.width or 80)
        rows = self.query_one(LeadersLog).show(history, open_problems, self._who, zone, self.size.width or 80)
        log_box = self.query_one("#log-box")
        log_box.border_title = log_title(len(open_problems))
        log_box.border_subtitle = "" if rows else tr("staff_ui.duty.log_empty")
        self.refresh_bindings()

    # --- what applies ----------------------------------------------------------------------------

    @property
    def current_list(self) -> str:
        if self.wide:
            focused = self.focused
            if focused is not None and focused.id in CHECKLISTS:
                self.shown = focused.id
        return self.shown

    def check_action(self, action: str, parameters) -> bool | None:
        leader = bool(self.app.shift and self.app.shift.is_leader)
        today = self.day == self.today
        if action in ("log_problem", "log_fix"):
            return (None if self.busy else True) if leader and today else False
        if action == "reopen":
            return self.reopen_allowed(leader and today)
        if action in ("tick", "tick_problem", "sign_off", "undo_tick"):
            if not today:
                return False
            return None if self.busy or self.data is None else True
        return True

    # --- actions ---------------------------------------------------------------------------

    def act(self, fn, done) -> None:
        """Run ``fn(hall)``, one duty action at a time."""
        if self.busy:
            return
        self.busy = True
        self.refresh_bindings()
        self.ask(fn, done, group="duty-act")

    def on_duty_screen_item_ticked(self, message: ItemTicked) -> None:
        tick = message.tick
        self.busy = False
        self.say(tr("duty.ticked", number=tick.item_index + 1, item=tick.item_text, staff=self._who(tick.staff)))
        # On to the next item, as one walks the hall down the list.
        table = self.query_one(f"#{self.current_list}", ChecklistTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self.load()

    def on_duty_screen_checklist_signed_off(self, message: ChecklistSignedOff) -> None:
        signed = message.signed
        self.busy = False
        key = "duty.signed_closing" if signed.checklist == "closing" else "duty.signed_opening"
        self.say(tr(key, day=signed.day.isoformat(), staff=self._who(signed.staff)))
        self.load()

    def ask_failed(self, failure) -> None:
        self.busy = False
        self.say(failure.words, error=True)
        self.refresh_bindings()

    def _current_item(self) -> int | None:
        key = self.query_one(f"#{self.current_list}", ChecklistTable).current_key
        return int(key) if key is not None else None

    def action_tick(self) -> None:
        index = self._current_item()
        if index is None:
            return
        shift = self.app.shift
        day, checklist = self.day, self.current_list
        self.act(lambda hall: hall.duty.tick(day, checklist, index, shift.code, ""), self.ItemTicked)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id in CHECKLISTS and self.check_action("tick", ()):
            self.shown = event.data_table.id
            state = getattr(self.data[0], self.shown)
            index = int(event.row_key.value)
            item = next((i for i in state.items if i.index == index), None)
            if item is not None and not item.ticked:
                self.action_tick()

    def action_tick_problem(self) -> None:
        index = self._current_item()
        if index is None:
            return
        checklist = self.current_list
        duty = self.app.hall.duty
        shift, day = self.app.shift, self.day
        text = duty.items(checklist)[index] if index < len(duty.items(checklist)) else ""

        def save(values: dict):
            return duty.tick(day, checklist, index, shift.code, values.get("problem", ""))

        def closed(result) -> None:
            if result:
                self.say(tr("duty.ticked", number=index + 1, item=text, staff=shift.name))
                self.load()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.duty.tick_problem_title", number=index + 1, item=text),
                [Field("problem", tr("staff_ui.duty.problem"), placeholder=tr("staff_ui.duty.problem_hint"))],
                save,
                intro=tr("staff_ui.duty.tick_problem_intro"),
                save_label=tr("staff_ui.duty.tick"),
            ),
            closed,
        )

    def action_log_problem(self) -> None:
        shift = self.app.shift
        duty = self.app.hall.duty

        def save(values: dict):
            return duty.log_problem(shift.code, values.get("text", ""))

        def closed(result) -> None:
            if result:
                self.say(tr("staff_ui.duty.logged", id=result.id))
                self.load()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.duty.log_problem_title"),
                [Field("text", tr("staff_ui.duty.log_problem_text"), placeholder=tr("staff_ui.duty.log_problem_hint"))],
                save,
                save_label=tr("staff_ui.duty.log_problem"),
            ),
            closed,
        )

    def action_log_fix(self) -> None:
        shift = self.app.shift
        duty = self.app.hall.duty
        problems = self.data[1] if self.data else []
        if not problems:
            self.say(tr("staff_ui.duty.no_open_problem"), error=True)
            return
        key = self.query_one(LeadersLog).current_key
        chosen = int(key) if key and any(str(p.id) == key for p in problems) else problems[0].id
        options = [(fit(f"#{p.id} {p.text}", 60).rstrip(), p.id) for p in problems]

        def save(values: dict):
            return duty.log_fix(values.get("problem") or chosen, shift.code, values.get("text", ""))

        def closed(result) -> None:
            if result:
                self.say(tr("staff_ui.duty.logged", id=result.id))
                self.load()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.duty.log_fix_title"),
                [
                    Field("problem", tr("staff_ui.duty.log_fix_problem"), "select", value=chosen, options=options),
                    Field("text", tr("staff_ui.duty.log_fix_text"), placeholder=tr("staff_ui.duty.log_fix_hint")),
                ],
                save,
                save_label=tr("staff_ui.duty.log_fix"),
            ),
            closed,
        )

    def action_other_day(self) -> None:
        def save(values: dict):
            text = (values.get("day") or "").strip()
            if not text:
                return self.today
            from models.duty.attendance import parse_period

            kind, value = parse_period(text)
            if kind != "day":
                from models.errors import StaffRefused

                raise StaffRefused("bad_period", text=text)
            return value

        def closed(result) -> None:
            if isinstance(result, date):
                self.day = result
                self.data = None
                self.load()
                self.refresh_bindings()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.duty.other_day_title"),
                [Field("day", tr("staff_ui.duty.other_day_label"), "date", value=self.day.isoformat())],
                save,
                intro=tr("staff_ui.duty.other_day_intro"),
                save_label=tr("staff_ui.duty.show"),
            ),
            closed,
        )

    def action_other_list(self) -> None:
        self.shown = "closing" if self.current_list == "opening" else "opening"
        self._mark_shown()
        self.query_one(f"#{self.shown}").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_lock(self) -> None:
        self.app.lock()
