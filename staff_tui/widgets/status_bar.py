"""The top line of every working screen: hall, window, who is signed in, the time,
and a plain warning when the database does not answer."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from models import clock
from models.i18n import pick
from shared_ui.plain import plain_text
from shared_ui.words import tr


class StatusBar(Widget):
    DEFAULT_CSS = """
    StatusBar { height: 1; width: 1fr; background: $hall-header; color: $hall-header-text; }
    """

    note: reactive[str] = reactive("")  # e.g. "暂停服务" for the window shown
    db_problem: reactive[str] = reactive("")

    def on_mount(self) -> None:
        self.watch(self.app, "db_problem", self._db_changed, init=True)
        self.set_interval(20, self.refresh)

    def _db_changed(self, value: str) -> None:
        self.db_problem = value

    def render(self) -> Text:
        app = self.app
        config = app.config
        lang = app.lang
        left = plain_text(" " + pick(config.hall_name, config.hall_name_en, lang), style="bold")
        shift = getattr(app, "shift", None)
        if shift is not None:
            left.append("  " + tr("staff_ui.window_n", window=shift.window))
            left.append_text(plain_text("  " + tr("staff_ui.signed_in_as", name=shift.name, code=shift.code)))
            if shift.is_leader:
                left.append(" " + tr("staff_ui.leader_mark"))
        if self.note:
            left.append("  [" + self.note + "]", style="bold reverse")
        now = clock.local(clock.now(), config.zone)
        right = Text(f"{now.month:02d}-{now.day:02d} {now.hour:02d}:{now.minute:02d} ")
        if self.db_problem:
            right = Text(" " + tr("staff_ui.db_problem_short") + " ", style="bold reverse") + Text(" ") + right
        width = self.size.width
        # The time and a database warning stay whole; the names give way.
        left.truncate(max(1, width - right.cell_len - 1), overflow="ellipsis")
        gap = max(1, width - left.cell_len - right.cell_len)
        line = left + Text(" " * gap) + right
        line.truncate(width, overflow="ellipsis")
        return line
