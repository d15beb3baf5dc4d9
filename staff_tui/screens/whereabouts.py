"""The whereabouts board (社工去向指示牌) at the terminal: everyone at a glance.

People are grouped by line of work (a person at a window serving two lines
shows under both), each with their state, how long they have been in it,
when they expect to be back and their note. Someone whose expected return
has passed is marked "!! 超时" in the first column and by how long overdue
("1小时5分"), not by colour alone. The duration columns are as wide as the
longest duration in the language, so none loses a character. Beside it (below it on a narrow terminal),
each window's A/B cover: who holds A and B and their states, and "A岗在岗",
"B岗代岗" or "无人在岗" (with "已自动暂停" when the window paused itself
because neither is on duty).

Keys: F2 one's own state (as Ctrl+T anywhere), F3 leave requests and
approval, F4 (a leader) sets the state of the person under the cursor,
F9 back to the queue. It reloads on every whereabouts, cover, window or
leave change and once a minute (the durations move).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from models import clock
from models.schema.whereabouts import STATES
from models.staff.day_state import NOT_IN
from models.staff.presence import LONGEST_DURATIONS, duration_words
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.words import current_language, name_of, tr
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.text import fit, hhmm
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.keyed_table import KeyedTable
from staff_tui.widgets.status_bar import StatusBar

COVER_WIDE = 60  # the A/B cover box beside the people on a wide terminal (its width in staff.tcss)
RELOAD_KINDS = ("whereabouts.", "cover.", "window.", "leave.", "staff.")


def duration(minutes: int) -> str:
    """35 → "35分钟"; 136 → "2小时16分"; a day or more → "1天" (en: 35 min, 2h 16m, 1 day)."""
    return duration_words(minutes, current_language())


def longest_duration(template: str = "{}") -> int:
    """The cells the longest duration takes in ``template``: a column this wide never cuts one."""
    return max(cell_len(template.format(duration(m))) for m in LONGEST_DURATIONS)


class WhereaboutsScreen(WideOrNarrowScreen):
    # Beside the cover box the people's nine columns still need an 80-column
    # terminal's room; on anything narrower they go above it.
    WIDE_FROM = COVER_WIDE + 80

    @dataclass
    class BoardLoaded(Message, bubble=False):
        """Everyone's whereabouts, and each window's A/B cover."""

        board: object
        covers: list

    BINDINGS = [
        Binding("f2", "app.my_state", "staff_ui.where.set_mine", key_display="F2"),
        Binding("f3", "leave", "staff_ui.where.leave", key_display="F3"),
        Binding("f4", "set_other", "staff_ui.where.set_other", key_display="F4"),
        Binding("f5", "pin_help", "staff_ui.where.pin_help", key_display="F5"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10"),
        Binding("escape", "back", "staff_ui.back", show=False),
    ]

    MESSAGE_LINE = "#message"
    BOLD_ERRORS = False

    def __init__(self) -> None:
        super().__init__(name="whereabouts")
        self.data = None

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Horizontal(id="where-body"):
            with Vertical(id="people-box", classes="box"):
                yield KeyedTable(id="people")
            with Vertical(id="cover-box", classes="box"):
                yield KeyedTable(id="cover")
        yield Static("", id="message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#people-box").border_title = tr("staff_ui.where.people_title")
        self.query_one("#cover-box").border_title = tr("staff_ui.where.cover_title")
        self._set_columns()
        self.query_one("#people").focus()
        self.set_interval(60, self.load, name="durations")
        self.load()

    def fit_to_width(self) -> None:
        self._set_columns()
        if self.data is not None:
            self._show(*self.data)

    def _set_columns(self) -> None:
        self.query_one("#people", KeyedTable).set_columns(self._people_columns())
        self.query_one("#cover", KeyedTable).set_columns(self._cover_columns())

    def _widths(self) -> dict[str, int]:
        width = self.size.width or 80
        people = width - COVER_WIDE if self.wide else width
        state = max(cell_len(tr(f"whereabouts.state_{key}")) for key in (*STATES, NOT_IN))
        fixed = {
            "line": 14 if people >= 100 else 8,
            "mark": 6,
            "code": 4,
            "name": 6,
            "post": 2,
            "state": state,
            "since": longest_duration(),
            "back": max(9, longest_duration(tr("staff_ui.where.overdue_short", duration="{}"))),
        }
        columns = len(fixed) + 1
        note = max(4, people - 2 - sum(fixed.values()) - columns * 2 - 3)
        return {**fixed, "note": note}

    def _people_columns(self):
        w = self._widths()
        return [
            ("line", tr("staff_ui.where.col_line"), w["line"]),
            ("mark", tr("staff_ui.where.col_mark"), w["mark"]),
            ("code", tr("staff_ui.where.col_code"), w["code"]),
            ("name", tr("staff_ui.where.col_name"), w["name"]),
            ("post", tr("staff_ui.where.col_post"), w["post"]),
            ("state", tr("staff_ui.where.col_state"), w["state"]),
            ("since", tr("staff_ui.where.col_since"), w["since"]),
            ("back", tr("staff_ui.where.col_back"), w["back"]),
            ("note", tr("staff_ui.where.col_note"), w["note"]),
        ]

    def _cover_widths(self) -> tuple[int, int, int]:
        width = COVER_WIDE if self.wide else (self.size.width or 80)
        state = 17
        holder = max(8, (width - 2 - 3 - state - 4 * 2 - 1) // 2)
        return holder, holder, state

    def _cover_columns(self):
        a, b, state = self._cover_widths()
        return [
            ("window", tr("staff_ui.where.col_window"), 3),
            ("a", tr("staff_ui.where.col_a"), a),
            ("b", tr("staff_ui.where.col_b"), b),
            ("cover", tr("staff_ui.where.col_cover"), state),
        ]

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        self.ask(
            lambda hall: (hall.whereabouts.board(), hall.whereabouts.window_cover()),
            lambda answer: self.BoardLoaded(*answer),
            group="where-load",
        )

    def on_hall_changed(self, message: HallChanged) -> None:
        if RECONNECTED in message.kinds or any(k.startswith(RELOAD_KINDS) for k in message.kinds):
            self.load()

    def on_whereabouts_screen_board_loaded(self, message: BoardLoaded) -> None:
        self.data = (message.board, message.covers)
        self._show(*self.data)

    # --- showing ------------------------------------------------------------------------------

    def _show(self, board, covers) -> None:
        zone = self.app.config.zone
        w = self._widths()
        rows = []
        for group in board.groups:
            label = fit(name_of(group.name, group.name_en), w["line"]).rstrip()
            for index, person in enumerate(group.people):
                line_cell = Text(label, style="bold") if index == 0 else ""
                rows.append((f"{group.line}:{person.staff}", (line_cell,) + self._person_cells(person, zone, w)))
        self.query_one("#people", KeyedTable).sync(rows)
        overdue = len(board.overdue)
        title = tr("whereabouts.board_title", time=hhmm(board.at, zone))
        if overdue:
            title += " " + tr("staff_ui.where.overdue_count", count=overdue)
        self.query_one("#people-box").border_title = title
        a_width, b_width, state_width = self._cover_widths()
        cover_rows = []
        for cover in covers:
            cover_rows.append(
                (
                    str(cover.window),
                    (
                        str(cover.window),
                        self._holders(cover.a, a_width),
                        self._holders(cover.b, b_width),
                        self._cover_cell(cover, state_width),
                    ),
                )
            )
        self.query_one("#cover", KeyedTable).sync(cover_rows)

    def _person_cells(self, person, zone, w) -> tuple:
        state = tr(f"whereabouts.state_{person.state}")
        if person.overdue:
            mark = Text(tr("staff_ui.where.mark_overdue"), style="bold reverse")
            back = Text(tr("staff_ui.where.overdue_short", duration=duration(person.overdue_minutes)), style="bold")
        else:
            mark = Text(tr("staff_ui.where.mark_away") if person.state in ("meeting", "out", "visiting") else "")
            back = self._back(person.back_at, zone) if person.back_at else ""
        since = duration(person.minutes) if person.since else "-"
        note = person.note
        if person.stand_in:
            note = (note + " " if note else "") + tr("whereabouts.stand_in", staff=person.stand_in)
        return (
            mark,
            person.staff,
            fit(person.name, w["name"]).rstrip(),
            person.post_role or "-",
            Text(state, style="bold" if person.state == "on_duty" else ""),
            since,
            back,
            fit(note, w["note"]).rstrip(),
        )

    def _back(self, back_at, zone) -> str:
        """ "11:58回" today; "11-24回" on a later day (leave)."""
        local = clock.local(back_at, zone)
        if local.date() != clock.service_day(zone):
            return tr("staff_ui.where.back_short", time=f"{local:%m-%d}")
        return tr("staff_ui.where.back_short", time=hhmm(back_at, zone))

    def _holders(self, holders, width: int) -> str:
        if not holders:
            return "-"
        parts = [
            f"{h.name}{tr('staff_ui.where.holder_state', state=tr(f'whereabouts.state_{h.state}'))}" for h in holders
        ]
        return fit("、".join(parts), width).rstrip()

    def _cover_cell(self, cover, width: int) -> Text:
        if cover.cover == "A":
            return Text(fit(tr("whereabouts.cover_A"), width).rstrip())
        if cover.cover == "B":
            return Text(fit(tr("staff_ui.where.b_cover_mark"), width).rstrip(), style="bold")
        words = tr("staff_ui.where.nobody_paused") if cover.auto_paused else tr("whereabouts.cover_none")
        return Text(fit("!! " + words, width).rstrip(), style="bold reverse")

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("set_other", "pin_help"):
            return bool(self.app.shift and self.app.shift.is_leader)
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_lock(self) -> None:
        self.app.lock()

    def action_leave(self) -> None:
        self.app.action_show_work("leave")

    def _person(self):
        """The person on the cursor's row, or None (saying so)."""
        key = self.query_one("#people", KeyedTable).current_key or ""
        _line, _, code = key.partition(":")
        if not code or self.data is None:
            self.say(tr("staff_ui.where.pick_person"), error=True)
            return None
        return next((p for p in self.data[0].people if p.staff == code), None)

    def action_pin_help(self) -> None:
        from staff_tui.modals.pin_help import pin_help_dialog

        person = self._person()
        if person is None:
            return

        def answered(result) -> None:
            if isinstance(result, str):
                self.say(tr(f"staff_ui.where.pin_help_{result}", name=person.name, code=person.staff))

        dialog = pin_help_dialog(self.app.shift, person.staff, person.name, terminal=self.app.terminal)
        self.app.push_screen(dialog, answered)

    def action_set_other(self) -> None:
        from staff_tui.modals.state_pick import StateDialog, StateRequest

        person = self._person()
        if person is None:
            return
        code = person.staff
        leader = self.app.shift.code

        def answered(result) -> None:
            if result is not None:
                self.say(
                    tr(
                        "whereabouts.state_set",
                        staff=result.staff,
                        name=result.name,
                        state=tr(f"whereabouts.state_{result.to_state}"),
                    )
                )
                if result.staff == leader:
                    self.app.my_state = result.to_state
                self.app.whereabouts_changed()

        by = None if code == leader else leader
        self.app.push_screen(
            StateDialog(StateRequest(person.staff, person.name, current=person.state, by=by)), answered
        )
