"""The leader's log (领导带班记录): problems found, each followed by its fixes, and whether it is open."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from models import clock
from shared_ui.words import tr
from staff_tui.text import fit
from staff_tui.widgets.keyed_table import KeyedTable


def log_columns(width: int) -> list[tuple[str, str, int]]:
    """(key, label, width) for a log ``width`` cells wide; the text takes what is left."""
    return [
        ("id", "#", 3),
        ("at", tr("staff_ui.duty.col_at"), 11),
        ("kind", tr("staff_ui.duty.col_kind"), 5),
        # The last 3: a scrollbar and a spare cell, once the log outgrows its box.
        ("text", tr("staff_ui.duty.col_text"), max(10, width - 2 - 3 - 11 - 5 - 10 - 5 * 2 - 3)),
        ("state", tr("staff_ui.duty.col_state"), 10),
    ]


def log_title(open_count: int) -> str:
    title = tr("duty.log_title")
    if open_count:
        title += " " + tr("staff_ui.duty.open_count", count=open_count)
    return title


class LeadersLog(KeyedTable):
    """Rows keyed by the entry's id; an open problem of another day shows too."""

    def fit_columns(self, width: int) -> None:
        self.set_columns(log_columns(width))

    def show(self, history, open_problems, who: Callable[[str | None], str], zone, width: int) -> int:
        """Show the day's log and every open problem; the number of rows shown."""
        width = log_columns(width)[3][2]
        rows = []
        seen = set()

        def when(entry) -> str:
            local = clock.local(entry.at, zone)
            return f"{local:%m-%d %H:%M}"

        for entry in list(history.log) + list(open_problems):  # an open problem of another day too
            if entry.id in seen:
                continue
            seen.add(entry.id)
            if entry.kind == "problem":
                state = (
                    Text(tr("staff_ui.duty.fixed"), style="")
                    if entry.fixed
                    else Text(tr("staff_ui.duty.open_problem"), style="bold reverse")
                )
                text = f"{who(entry.leader)}：{entry.text}"
                rows.append(
                    (
                        str(entry.id),
                        (
                            str(entry.id),
                            when(entry),
                            tr("staff_ui.duty.kind_problem"),
                            fit(text, width).rstrip(),
                            state,
                        ),
                    )
                )
                for fix in entry.fixes:
                    seen.add(fix.id)
                    rows.append(
                        (
                            str(fix.id),
                            (
                                str(fix.id),
                                when(fix),
                                tr("staff_ui.duty.kind_fix"),
                                fit("└ " + fix.text, width).rstrip(),
                                "",
                            ),
                        )
                    )
            else:
                text = tr("staff_ui.duty.fix_of", problem=entry.problem_id) + entry.text
                rows.append(
                    (
                        str(entry.id),
                        (str(entry.id), when(entry), tr("staff_ui.duty.kind_fix"), fit(text, width).rstrip(), ""),
                    )
                )
        self.sync(rows)
        return len(rows)
