"""The leader's supervisor view (现场督导): every window and line at once.

Reached by F11 from the queue screen, by a leader only (the models refuse
anyone else, :class:`models.queue.supervision.Supervisor`). At the top the
alerts, worst first: a priority resident nobody can call because the line's
windows are paused, a window with people waiting and nobody on duty, a
line's longest wait over its standard (``[standards]`` in the config), an
open window calling nobody while people wait. Below, every window (who is
on duty, the ticket it serves, by whom and for how long, how many it could
call) and every line (waiting, longest wait, standard, open windows).

Keys: F2 pauses and F3 resumes the window under the cursor, F4 reassigns the
residents waiting for the line under the cursor to another line or window
(Tab moves between the two tables), F9 or Esc goes back to the queue. It
reloads on every ticket, window and whereabouts change and each half
minute (the durations move).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from models.i18n import pick
from models.staff.presence import duration_words
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.plain import plain_text
from shared_ui.words import current_language, name_of, tr
from staff_tui.modals.confirm import ConfirmDialog
from staff_tui.modals.form import Field, FormDialog
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.text import fit
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar

RELOAD_KINDS = ("ticket.", "window.", "whereabouts.", "cover.", "staff.", "contact.")
W = "staff_ui.supervise"


def duration(minutes: int) -> str:
    return duration_words(minutes, current_language())


class SupervisorScreen(StaffScreen):
    @dataclass
    class Loaded(Message, bubble=False):
        view: object
        overdue_replies: int = 0  # calls and letters past their reply day

    @dataclass
    class Done(Message, bubble=False):
        words: str

    BINDINGS = [
        Binding("f2", "pause", f"{W}.pause", key_display="F2"),
        Binding("f3", "resume", f"{W}.resume", key_display="F3"),
        Binding("f4", "reassign", f"{W}.reassign", key_display="F4"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("escape", "back", "staff_ui.back", show=False),
    ]

    MESSAGE_LINE = "#message"

    def __init__(self) -> None:
        super().__init__(name="supervisor")
        self.view = None
        self.overdue_replies = 0

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Vertical(id="alarms-box", classes="box"):
            yield Static("", id="alarms")
        with Vertical(id="sv-windows-box", classes="box"):
            yield KeyedTable(id="sv-windows")
        with Vertical(id="sv-lines-box", classes="box"):
            yield KeyedTable(id="sv-lines")
        yield Static("", id="message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#sv-windows-box").border_title = tr(f"{W}.windows_title")
        self.query_one("#sv-lines-box").border_title = tr(f"{W}.lines_title")
        self._set_columns()
        self.query_one("#sv-windows").focus()
        self.set_interval(30, self.load, name="durations")
        self.load()

    def on_resize(self) -> None:
        self._set_columns()
        if self.view is not None:
            self._show(self.view)

    def _note_width(self, fixed: list[int]) -> int:
        """What the last column may take: each column pads a cell either side, and
        a vertical scroll bar may need two cells, so nothing ever scrolls sideways."""
        width = self.size.width or 80
        return max(6, width - 2 - sum(fixed) - (len(fixed) + 1) * 2)

    def _window_widths(self) -> list[int]:
        return [4, 6, 10 if (self.size.width or 80) < 100 else 16, 5, 6, 9, 4]

    def _line_widths(self) -> list[int]:
        return [20 if (self.size.width or 80) < 100 else 30, 4, 9, 8]

    def _set_columns(self) -> None:
        names = ("window", "state", "on_duty", "current", "by", "for", "waiting")
        widths = self._window_widths()
        columns = [(n, tr(f"{W}.col_{n}"), w) for n, w in zip(names, widths, strict=True)]
        columns.append(("note", tr(f"{W}.col_note"), self._note_width(widths)))
        self.query_one("#sv-windows", KeyedTable).set_columns(columns)
        names = ("line", "waiting", "longest", "standard")
        widths = self._line_widths()
        columns = [(n, tr(f"{W}.col_{n}"), w) for n, w in zip(names, widths, strict=True)]
        columns.append(("open", tr(f"{W}.col_open"), self._note_width(widths)))
        self.query_one("#sv-lines", KeyedTable).set_columns(columns)

    # --- loading -----------------------------------------------------------------------

    def load(self) -> None:
        code = self.app.shift.code
        self.ask(
            lambda hall: (hall.supervisor.view(code), hall.contacts.overdue_count()),
            lambda answer: self.Loaded(*answer),
            group="supervise-load",
        )

    def on_hall_changed(self, message: HallChanged) -> None:
        if self.app.shift is None:
            return
        if RECONNECTED in message.kinds or any(k.startswith(RELOAD_KINDS) for k in message.kinds):
            self.load()

    def on_supervisor_screen_loaded(self, message: Loaded) -> None:
        self.view = message.view
        self.overdue_replies = message.overdue_replies
        self._show(message.view)

    # --- showing -------------------------------------------------------------------------

    def _show(self, view) -> None:
        self.query_one(StatusBar).note = tr(f"{W}.title")
        lines = {line.code: line for line in view.lines}
        alarms = [self._alarm_words(alarm, lines) for alarm in view.alarms]
        if getattr(self, "overdue_replies", 0):
            alarms.append(tr("staff_ui.contact.overdue_alarm", count=self.overdue_replies))
        box = self.query_one("#alarms-box")
        box.border_title = tr(f"{W}.alarms_title", count=len(alarms))
        shown = alarms[:4] if len(alarms) <= 4 else [*alarms[:3], "…"]
        self.query_one("#alarms", Static).update(plain_text("\n".join(shown) or tr(f"{W}.no_alarms")))
        box.set_class(bool(alarms), "alert")
        widths = self._window_widths()
        rows = [(str(w.number), self._window_cells(w, widths)) for w in view.windows]
        self.query_one("#sv-windows", KeyedTable).sync(rows)
        widths = self._line_widths()
        rows = [(line.code, self._line_cells(line, widths)) for line in view.lines]
        self.query_one("#sv-lines", KeyedTable).sync(rows)

    def _alarm_words(self, alarm, lines) -> str:
        line = lines.get(alarm.line or "")
        return tr(
            f"{W}.alarm_{alarm.kind}",
            window=alarm.window,
            number=alarm.number,
            waiting=alarm.waiting,
            duration=duration(alarm.minutes),
            line=name_of(line.name, line.name_en) if line else alarm.line,
            standard=line.standard_minutes if line else "",
        )

    def _window_cells(self, window, widths) -> tuple:
        if window.paused:
            state = Text(tr(f"{W}.state_paused"), style="bold")
        elif window.current_status:
            state = Text(tr(f"{W}.state_{window.current_status}"))
        else:
            state = Text(tr(f"{W}.state_idle"))
        on_duty = "、".join(window.on_duty) or tr(f"{W}.nobody")
        since = duration(window.current_minutes) if window.current_minutes is not None else "-"
        marks = " ".join(tr(f"{W}.mark_{mark}") for mark in window.alarms)
        note = Text(marks, style="bold reverse") if marks else ""
        return (
            str(window.number),
            state,
            fit(on_duty, widths[2]).rstrip(),
            window.current or "-",
            fit(window.served_by or "-", widths[4]).rstrip(),
            since,
            str(window.waiting),
            note,
        )

    def _line_cells(self, line, widths) -> tuple:
        name = fit(f"{line.prefix} {name_of(line.name, line.name_en)}", widths[0]).rstrip()
        longest = duration(line.longest_minutes) if line.waiting else "-"
        opened = "、".join(str(n) for n in line.open_windows) or tr(f"{W}.nobody")
        if line.over:
            longest = Text(f"{longest}", style="bold reverse")
            opened = f"{tr(f'{W}.mark_over')} {opened}"
        return (name, str(line.waiting), longest, str(line.standard_minutes), opened)

    # --- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("pause", "resume", "reassign"):
            window = self._window(quiet=True)
            if action == "pause":
                return window is None or not window.paused
            if action == "resume":
                return window is None or window.paused
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def _window(self, *, quiet: bool = False):
        key = self.query_one("#sv-windows", KeyedTable).current_key
        window = next((w for w in self.view.windows if str(w.number) == key), None) if self.view else None
        if window is None and not quiet:
            self.say(tr(f"{W}.pick_window"), error=True)
        return window

    def _line(self):
        table = self.query_one("#sv-lines", KeyedTable)
        key = table.current_key
        line = next((line for line in self.view.lines if line.code == key), None) if self.view else None
        if line is None or not table.has_focus:
            self.say(tr(f"{W}.pick_line"), error=True)
            return None
        return line

    def act(self, fn, words: str) -> None:
        self.ask(lambda hall: (fn(hall), words)[1], self.Done, group="supervise-act")

    @on(Done)
    def _done(self, message: Done) -> None:
        self.say(message.words)
        self.load()

    @on(KeyedTable.RowHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    def action_pause(self) -> None:
        window = self._window()
        if window is None:
            return
        number, leader = window.number, self.app.shift.code

        def save(values: dict):
            self.app.hall.supervisor.pause(leader, number, values.get("reason", ""))
            return True

        dialog = FormDialog(
            tr(f"{W}.pause_title", window=number),
            [Field("reason", tr("staff_queue.pause_reason"), placeholder=tr("staff_queue.pause_reason_hint"))],
            save,
            intro=tr(f"{W}.pause_intro"),
            save_label=tr("staff_queue.pause_save"),
        )

        def closed(result) -> None:
            if result:
                self.say(tr(f"{W}.done_paused", window=number))
                self.load()

        self.app.push_screen(dialog, closed)

    def action_resume(self) -> None:
        window = self._window()
        if window is None:
            return
        number, leader = window.number, self.app.shift.code

        def answered(yes: bool | None) -> None:
            if yes:
                self.act(lambda hall: hall.supervisor.resume(leader, number), tr(f"{W}.done_resumed", window=number))

        self.app.push_screen(ConfirmDialog(tr(f"{W}.resume_title", window=number), tr(f"{W}.resume_body")), answered)

    def action_reassign(self) -> None:
        line = self._line()
        if line is None:
            return
        lang, leader, code = self.app.lang, self.app.shift.code, line.code
        options = [
            (tr(f"{W}.to_line", name=f"{other.prefix} {pick(other.name, other.name_en, lang)}"), f"line:{other.code}")
            for other in self.view.lines
            if other.code != code
        ]
        for window in self.view.windows:
            label = tr(f"{W}.to_window", window=window.number, name=pick(window.name, window.name_en, lang))
            if window.paused:
                label += " " + tr("staff_queue.paused_short")
            options.append((label, f"window:{window.number}"))

        def save(values: dict):
            kind, _, value = (values.get("target") or "").partition(":")
            return self.app.hall.supervisor.reassign(
                leader,
                code,
                to_line=value if kind == "line" else None,
                to_window=int(value) if kind == "window" else None,
                note=values.get("note", ""),
            )

        dialog = FormDialog(
            tr(f"{W}.reassign_title", line=name_of(line.name, line.name_en)),
            [
                Field("target", tr(f"{W}.reassign_target"), "select", options=options),
                Field("note", tr(f"{W}.reassign_note"), placeholder=tr(f"{W}.reassign_note_hint")),
            ],
            save,
            intro=tr(f"{W}.reassign_intro", waiting=line.waiting),
            save_label=tr(f"{W}.reassign_save"),
        )

        def closed(moved) -> None:
            if moved:
                self.say(tr(f"{W}.done_reassigned", count=len(moved), numbers="、".join(moved)))
                self.load()

        self.app.push_screen(dialog, closed)
