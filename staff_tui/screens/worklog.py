"""The worker's log (《社区工作者日志》) and the month's meetings and study sessions.

Reached by Ctrl+Y from any working screen. At the top the month's count
against the seed's numbers (a weekly meeting, at least two study sessions);
below, this month's log entries (one's own; a leader's terminal shows
everyone's), a corrected entry marked and followed by its correction, and
the month's meetings. Keys: F2 writes an entry (today, or a past day), F3
corrects the entry or the meeting under the cursor (a new entry, a new
version of the meeting with the reason: nothing is edited), F4
records a meeting or study session with who attended, F5 writes the month's
summary file (CSV or XLSX) into the export folder.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from models import clock
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.plain import plain_text
from shared_ui.words import current_language, tr
from staff_tui.modals.worklog_form import correct_dialog, meeting_correct_dialog, meeting_dialog, write_dialog
from staff_tui.screens.register_screen import RegisterScreen
from staff_tui.text import fit

W = "staff_ui.worklog"


class WorklogScreen(RegisterScreen):
    @dataclass
    class WorklogLoaded(Message, bubble=False):
        """This month's entries, its meetings' tally, and who may attend."""

        entries: list
        tally: object
        people: list

    BINDINGS = [
        Binding("f2", "write", f"{W}.write", key_display="F2"),
        Binding("f3", "correct", f"{W}.correct", key_display="F3"),
        Binding("f4", "meeting", f"{W}.meeting", key_display="F4"),
        Binding("f5", "export", f"{W}.export", key_display="F5"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("escape", "app.show_queue", "staff_ui.back", show=False),
    ]

    WORDS = W
    TABLE = "worklog"
    FIXED = {"id": 4, "day": 5, "who": 6}
    LAST = "text"

    def __init__(self) -> None:
        super().__init__(name="worklog")
        self.entries: list = []
        self.tally = None
        self.people: list = []

    def compose_top(self) -> ComposeResult:
        with Vertical(id="worklog-tally-box", classes="box"):
            yield Static("", id="worklog-tally")

    def loaded(self) -> bool:
        return self.tally is not None

    @property
    def month(self) -> str:
        today = clock.service_day(self.app.config.zone)
        return f"{today.year:04d}-{today.month:02d}"

    def load(self) -> None:
        from models.staff import list_staff

        shift, month = self.app.shift, self.month
        everyone = "*" if shift.is_leader else None
        self.ask(
            lambda hall: (
                hall.worklog.entries(shift.code, everyone, month=month),
                hall.meetings.month(month),
                [p for p in list_staff() if p.active],
            ),
            lambda answer: self.WorklogLoaded(*answer),
            group="worklog-load",
        )

    def on_hall_changed(self, message: HallChanged) -> None:
        if RECONNECTED in message.kinds or any(k.startswith(("worklog.", "meeting.")) for k in message.kinds):
            self.load()

    def on_worklog_screen_worklog_loaded(self, message: WorklogLoaded) -> None:
        self.entries, self.tally, self.people = message.entries, message.tally, message.people
        self.show()

    def show(self) -> None:
        lang = current_language()
        tally = self.tally
        lines = [tally.words(lang)]
        if tally.weeks_without:
            lines.append(tr("worklog.weeks_without", weeks="、".join(d.strftime("%m-%d") for d in tally.weeks_without)))
        box = self.query_one("#worklog-tally-box")
        box.border_title = tr(f"{W}.tally_title", month=tally.month)
        box.set_class(bool(tally.study_short or tally.weeks_without), "alert")
        self.query_one("#worklog-tally", Static).update(plain_text("\n".join(lines)))
        w = self.widths()
        rows = []
        for entry in self.entries:
            text = entry.text.replace("\n", " ")
            if entry.corrected_by:
                text = f"[{tr('worklog.corrected_mark')} → {entry.corrected_by}] {text}"
            rows.append(
                (
                    str(entry.id),
                    (
                        str(entry.id),
                        entry.day.strftime("%m-%d"),
                        fit(entry.name, w["who"]).rstrip(),
                        fit(text, w["text"]).rstrip(),
                    ),
                )
            )
        for meeting in tally.meetings:
            kind = tr(f"worklog.kind_{meeting.kind}")
            text = f"{kind}：{meeting.content}（{len(meeting.attendees)}）"
            if meeting.corrects:
                text = f"[{tr('worklog.corrects_mark', old=meeting.corrects)}] {text}"
            rows.append((f"m{meeting.id}", ("", meeting.day.strftime("%m-%d"), "", fit(text, w["text"]).rstrip())))
        self.table.sync(rows)
        if not self.entries:
            self.say(tr("worklog.no_entries"))

    # --- actions ----------------------------------------------------------------------------

    def action_write(self) -> None:
        today = clock.service_day(self.app.config.zone)
        dialog = write_dialog(self.app.hall.worklog, self.app.shift, today)
        self.app.push_screen(dialog, self.after_save(lambda e: tr("worklog.written", day=e.day, id=e.id)))

    def action_correct(self) -> None:
        key = self.table.current_key
        meeting = next((m for m in self.tally.meetings if f"m{m.id}" == key), None) if self.tally else None
        if meeting is not None:
            self._correct_meeting(meeting)
            return
        entry = next((e for e in self.entries if str(e.id) == key), None)
        if entry is None or entry.staff != self.app.shift.code:
            self.say(tr(f"{W}.pick_own"), error=True)
            return
        dialog = correct_dialog(self.app.hall.worklog, self.app.shift, entry)
        self.app.push_screen(dialog, self.after_save(lambda e: tr("worklog.corrected", id=e.id, old=entry.id)))

    def _correct_meeting(self, meeting) -> None:
        dialog = meeting_correct_dialog(
            self.app.hall.meetings, self.app.shift, self.people, meeting, self.app.config.zone
        )
        words = lambda m: tr("worklog.meeting_corrected", id=m.id, old=meeting.id, day=m.day)  # noqa: E731
        self.app.push_screen(dialog, self.after_save(words))

    def action_export(self) -> None:
        from pathlib import Path

        from models.worklog import export_month
        from staff_tui.modals.export_form import export_dialog

        config, month, language = self.app.hall.config, self.month, self.app.lang

        def save(values: dict):
            return str(export_month(config, month, values["format"], language))

        def closed(result) -> None:
            if isinstance(result, str):
                self.say(tr("staff_ui.report.exported", name=Path(result).name, folder=Path(result).parent))

        self.app.push_screen(export_dialog(tr(f"{W}.export_title", month=month), save), closed)

    def action_meeting(self) -> None:
        zone = self.app.config.zone
        now_text = clock.reading(clock.now(), zone)
        dialog = meeting_dialog(self.app.hall.meetings, self.app.shift, self.people, now_text, zone)
        words = lambda m: tr(  # noqa: E731
            "worklog.meeting_recorded", kind=tr(f"worklog.kind_{m.kind}"), day=m.day, count=len(m.attendees)
        )
        self.app.push_screen(dialog, self.after_save(words))
