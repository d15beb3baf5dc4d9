"""Leave (请假, seed 003 §11(3)): requests with a stand-in, and a leader's decision.

Anyone asks for leave (F2): first and last day, the reason and the stand-in
(代岗人员) who covers their posts. A leader approves (F3) or refuses (F4)
the request under the cursor, with an optional note; nobody decides their
own. Staff see their own requests and those where they are the stand-in; a
leader sees all. Pending requests come first. The rules (a reason, a stand-in
who is not on leave then, one decision per request) are
:class:`models.staff.whereabouts.Whereabouts`'s; its refusals are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from models import clock
from models.errors import StaffRefused
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.text import fit
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar

ORDER = {"pending": 0, "approved": 1, "refused": 2}


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise StaffRefused("bad_period", text=text) from None


def local_day(instant, zone) -> date:
    return clock.local(instant, zone).date()


class LeaveScreen(StaffScreen):
    @dataclass
    class LeavesLoaded(Message, bubble=False):
        """The leave requests this clerk sees, and who may stand in."""

        leaves: list
        people: list

    BINDINGS = [
        Binding("f2", "request", "staff_ui.where.leave_request", key_display="F2"),
        Binding("f3", "decide(True)", "staff_ui.where.leave_approve", key_display="F3"),
        Binding("f4", "decide(False)", "staff_ui.where.leave_refuse", key_display="F4"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10"),
        Binding("escape", "back", "staff_ui.where.board", key_display="Esc"),
    ]

    MESSAGE_LINE = "#message"
    BOLD_ERRORS = False

    def __init__(self) -> None:
        super().__init__(name="leave")
        self.leaves = []
        self.people = []

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Vertical(id="leave-box", classes="box"):
            yield KeyedTable(id="leaves")
        yield Static("", id="message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#leave-box").border_title = tr("staff_ui.where.leave_title")
        self._columns()
        self.query_one("#leaves").focus()
        self.load()

    def on_resize(self) -> None:
        self._columns()
        if self.leaves:
            self._show()

    def _widths(self) -> dict[str, int]:
        width = self.size.width or 80
        fixed = {"id": 3, "who": 8, "days": 11, "stand_in": 8, "status": 6}
        reason = max(6, width - 2 - sum(fixed.values()) - 6 * 2 - 1)
        return {**fixed, "reason": reason}

    def _columns(self) -> None:
        w = self._widths()
        if w == getattr(self, "_column_widths", None):
            return
        self._column_widths = w
        self.query_one("#leaves", KeyedTable).set_columns(
            [
                ("id", "#", w["id"]),
                ("who", tr("staff_ui.where.col_name"), w["who"]),
                ("days", tr("staff_ui.where.col_days"), w["days"]),
                ("stand_in", tr("staff_ui.where.col_stand_in"), w["stand_in"]),
                ("status", tr("staff_ui.where.col_status"), w["status"]),
                ("reason", tr("staff_ui.where.col_reason"), w["reason"]),
            ]
        )

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        from models.staff import list_staff

        shift = self.app.shift
        self.ask(
            lambda hall: (hall.whereabouts.leaves_seen_by(shift), [p for p in list_staff() if p.active]),
            lambda answer: self.LeavesLoaded(*answer),
            group="leave-load",
        )

    def on_hall_changed(self, message: HallChanged) -> None:
        if RECONNECTED in message.kinds or any(k.startswith("leave.") for k in message.kinds):
            self.load()

    def on_leave_screen_leaves_loaded(self, message: LeavesLoaded) -> None:
        self.people = message.people
        self.leaves = sorted(message.leaves, key=lambda lv: (ORDER.get(lv.status, 3), -lv.id))
        self._show()

    def _show(self) -> None:
        zone = self.app.config.zone
        w = self._widths()
        rows = []
        for lv in self.leaves:
            first = local_day(lv.starts_at, zone)
            last = local_day(lv.ends_at - clock_epsilon(), zone)
            days = first.strftime("%m-%d") + ("" if last == first else "~" + last.strftime("%m-%d"))
            status = tr(f"whereabouts.leave_{lv.status}")
            rows.append(
                (
                    str(lv.id),
                    (
                        str(lv.id),
                        fit(lv.name, w["who"]).rstrip(),
                        days,
                        fit(lv.stand_in_name, w["stand_in"]).rstrip(),
                        Text(status, style="bold reverse" if lv.status == "pending" else ""),
                        fit(lv.reason + (f"（{lv.decision_note}）" if lv.decision_note else ""), w["reason"]).rstrip(),
                    ),
                )
            )
        self.query_one("#leaves", KeyedTable).sync(rows)
        pending = sum(1 for lv in self.leaves if lv.status == "pending")
        self.query_one("#leave-box").border_title = tr("staff_ui.where.leave_title") + (
            " " + tr("staff_ui.where.leave_pending_count", count=pending) if pending else ""
        )
        if not rows:
            self.say(tr("staff_ui.where.leave_none"))

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "decide":
            return bool(self.app.shift and self.app.shift.is_leader)
        return True

    def selected(self):
        key = self.query_one("#leaves", KeyedTable).current_key
        return next((lv for lv in self.leaves if str(lv.id) == key), None)

    def action_request(self) -> None:
        shift = self.app.shift
        where = self.app.hall.whereabouts
        today = clock.service_day(self.app.config.zone).isoformat()
        options = [(f"{p.name}（{p.code}）", p.code) for p in self.people if p.code != shift.code]

        def save(values: dict):
            return where.request_leave(
                shift.code, parse_day(values["start"]), parse_day(values["end"]), values["reason"], values["stand_in"]
            )

        def closed(result) -> None:
            if result:
                self.say(tr("staff_ui.where.leave_requested", id=result.id))
                self.load()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.where.leave_request_title", name=shift.name),
                [
                    Field("start", tr("staff_ui.where.leave_start"), "date", value=today),
                    Field("end", tr("staff_ui.where.leave_end"), "date", value=today),
                    Field(
                        "reason", tr("staff_ui.where.leave_reason"), placeholder=tr("staff_ui.where.leave_reason_hint")
                    ),
                    Field("stand_in", tr("staff_ui.where.leave_stand_in"), "select", options=options),
                ],
                save,
                intro=tr("staff_ui.where.leave_request_intro"),
                save_label=tr("staff_ui.where.leave_request_save"),
            ),
            closed,
        )

    def action_decide(self, approve: bool) -> None:
        leave = self.selected()
        if leave is None or leave.status != "pending":
            self.say(tr("staff_ui.where.leave_pick_pending"), error=True)
            return
        shift = self.app.shift
        where = self.app.hall.whereabouts
        zone = self.app.config.zone

        def save(values: dict):
            decide = where.approve_leave if approve else where.refuse_leave
            return decide(leave.id, shift.code, values.get("note", ""))

        def closed(result) -> None:
            if result:
                key = "staff_ui.where.leave_approved_done" if approve else "staff_ui.where.leave_refused_done"
                self.say(tr(key, id=result.id, name=result.name, stand_in=result.stand_in_name))
                self.load()

        first = local_day(leave.starts_at, zone)
        last = local_day(leave.ends_at - clock_epsilon(), zone)
        intro = tr(
            "staff_ui.where.leave_decide_intro",
            name=leave.name,
            start=first.isoformat(),
            end=last.isoformat(),
            stand_in=leave.stand_in_name,
            reason=leave.reason,
        )
        title = "staff_ui.where.leave_approve_title" if approve else "staff_ui.where.leave_refuse_title"
        self.app.push_screen(
            FormDialog(
                tr(title, id=leave.id),
                [Field("note", tr("staff_ui.where.leave_note"), placeholder=tr("staff_ui.where.leave_note_hint"))],
                save,
                intro=intro,
                save_label=tr("staff_ui.where.leave_approve" if approve else "staff_ui.where.leave_refuse"),
            ),
            closed,
        )

    def action_back(self) -> None:
        self.app.action_show_work("whereabouts")

    def action_lock(self) -> None:
        self.app.lock()


def clock_epsilon():
    from datetime import timedelta

    return timedelta(microseconds=1)
