"""The month's one-time notices checked against its 补充件: per item, how often the resident had read
the notice first, the material most often missing, and ``!!`` where the notice keeps failing."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from shared_ui.words import name_of, tr
from staff_tui.report_tables import small_table
from staff_tui.text import fit

ROWS = 8


class NoticeCheck(Static):
    """Shows a :func:`models.notice_views.month_report` answer (None: a day's report, where it has no place)."""

    def show(self, result: dict | None, width: int) -> None:
        self.display = result is not None
        if result is None:
            return
        item_width = max(8, (width - 3 * 8 - 6) // 2)
        material_width = max(6, width - item_width - 3 * 8 - 6)
        table = small_table(
            tr("staff_ui.report.col_item"),
            tr("notice_report.col_supplements"),
            tr("notice_report.col_seen"),
            tr("notice_report.col_views"),
            tr("notice_report.col_material"),
            widths=(item_width, 8, 8, 8, material_width),
        )
        rows = [row for row in result["items"] if row["supplements"]]
        for row in rows[:ROWS]:
            name = fit(name_of(row["name"], row["name_en"]), item_width - 2).rstrip()
            top = row["materials"][0] if row["materials"] else None
            table.add_row(
                Text(("!!" if row["failing"] else "") + name, style="bold" if row["failing"] else ""),
                str(row["supplements"]),
                str(row["seen_first"]),
                str(row["views"]["kiosk"] + row["views"]["web"]),
                f"{top['name']} ×{top['missing']}" if top else "-",
            )
        if len(rows) > ROWS:
            table.add_row(tr("staff_ui.report.more_items", n=len(rows) - ROWS), "", "", "", "")
        if not rows:
            table.add_row(tr("staff_ui.report.none"), "", "", "", "")
        title = Text(tr("notice_report.screen_title"), style="bold")
        if result["failing"]:
            title.append("\n")
            title.append("!! " + tr("notice_report.failing_count", count=result["failing"]), style="bold reverse")
        self.update(Group(title, table))
