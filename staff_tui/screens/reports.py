"""Reports (日报 / 月报): today, any chosen day or any month, and a CSV of it.

What shows, from :meth:`models.cases.Cases.report`, :mod:`models.queue.day_curves`
and :class:`models.duty.attendance.Attendance`:

- per line and per window: issued (called), served, waiting, no-show;
  waiting time median and p90, service time median;
- for a day: tickets issued per hour and the most people waiting at once in
  each hour, as two charts (Textual's Sparkline) with their numbers;
- cases by kind, overdue, extended; the share of 补充件 per item (最多跑一次);
- ratings by level and the open 差评 follow-ups; for a leader, the windows
  ranked by the 好差评 of the period's month (Annex B's indicators);
- attendance (a day: each person's status, arrival, departure; a month:
  the sums);
- appointments: booked, kept, no-show, cancelled, and the waits of booked
  and walk-in residents side by side.

F2 today, F3 a day, F4 a month, F5 writes the report, all of the above
(hourly curves and attendance included), as a CSV or XLSX file with headers in the clerk's language, as ``hall report --csv/--xlsx`` does,
into the hall's export folder (``[exports] folder``), and says where.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from models import clock
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.plain import visible
from shared_ui.words import name_of, tr
from staff_tui.modals.export_form import export_dialog
from staff_tui.modals.form import Field, FormDialog
from staff_tui.report_data import ReportData, gather
from staff_tui.report_tables import (
    RATE_WIDTH,
    appointments_table,
    attendance_table,
    minutes,
    ranking_table,
    ratings_table,
    small_table,
)
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.text import fit
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.hour_chart import HourChart
from staff_tui.widgets.notice_check import NoticeCheck
from staff_tui.widgets.status_bar import StatusBar

SUPPLEMENT_ROWS = 8


class ReportsScreen(WideOrNarrowScreen):
    @dataclass
    class ReportLoaded(Message, bubble=False):
        report: ReportData

    WIDE_FROM = 110
    BINDINGS = [
        Binding("f2", "today", "staff_ui.report.today", key_display="F2"),
        Binding("f3", "pick_day", "staff_ui.report.pick_day", key_display="F3"),
        Binding("f4", "pick_month", "staff_ui.report.pick_month", key_display="F4"),
        Binding("f5", "export", "staff_ui.report.export", key_display="F5"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10", show=False),
        Binding("escape", "back", "staff_ui.back", show=False),
    ]

    MESSAGE_LINE = "#message"

    def __init__(self, period: str | None = None) -> None:
        super().__init__(name="reports")
        self.period = period
        self.data: ReportData | None = None

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with VerticalScroll(id="report-body"):
            yield Static("", id="report-head")
            with Horizontal(id="report-charts", classes="report-pair"):
                yield HourChart("staff_ui.report.chart_arrivals", id="chart-arrivals")
                yield HourChart("staff_ui.report.chart_waiting", id="chart-waiting")
            with Horizontal(classes="report-pair"):
                yield Static("", id="report-lines", classes="report-part")
                yield Static("", id="report-windows", classes="report-part")
            with Horizontal(classes="report-pair"):
                yield Static("", id="report-cases", classes="report-part")
                yield Static("", id="report-ratings", classes="report-part")
            yield Static("", id="report-supplement", classes="report-part")
            yield NoticeCheck("", id="report-notices", classes="report-part")
            yield Static("", id="report-ranking", classes="report-part")
            yield Static("", id="report-appointments", classes="report-part")
            yield Static("", id="report-attendance", classes="report-part")
        yield Static("", id="message", classes="message-line")
        yield HallFooter()

    def on_mount(self) -> None:
        self.period = self.period or clock.service_day(self.app.config.zone).isoformat()
        self.query_one("#report-body").focus()
        self.load()

    def watch_wide(self) -> None:
        if self.data is not None:
            self._show(self.data)

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        period, ranked = self.period, self.app.shift.is_leader
        self.ask(lambda hall: gather(hall, period, ranked=ranked), self.ReportLoaded, group="report-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        # Today's numbers move with every ticket; a past day or month does not.
        if self.period == clock.service_day(self.app.config.zone).isoformat() and any(
            k.startswith(("ticket.", "case.", "rating.", "whereabouts.", RECONNECTED)) for k in message.kinds
        ):
            self.load()

    def on_reports_screen_report_loaded(self, message: ReportLoaded) -> None:
        if message.report.period == self.period:
            first = self.data is None
            self.data = message.report
            self._show(message.report)
            self.refresh_bindings()
            if first:
                self.say("")

    # --- showing -----------------------------------------------------------------------------

    def _part_width(self) -> int:
        width = (self.size.width or 80) - 2
        return width // 2 - 1 if self.wide else width

    def _show(self, data: ReportData) -> None:
        r = data.report
        curves = data.curves
        waiting_total = sum(curves.waiting_by_line.values()) if curves else None
        head = Text()
        title = "staff_ui.report.title_day" if data.day else "staff_ui.report.title_month"
        head.append(tr(title, period=data.period), style="bold")
        if data.day:
            head.append(" " + tr(f"duty.weekday_{data.day.weekday()}"))
        head.append("\n")
        head.append(
            tr(
                "staff_ui.report.totals",
                issued=r.tickets.get("issued", 0),
                served=r.tickets.get("served", 0),
                waiting="-" if waiting_total is None else waiting_total,
                no_show=r.tickets.get("no_show", 0),
            )
        )
        head.append("\n")
        head.append(
            tr(
                "staff_ui.report.times",
                median=minutes(r.wait_median_minutes),
                p90=minutes(r.wait_p90_minutes),
                service=minutes(r.service_median_minutes),
            )
        )
        self.query_one("#report-head", Static).update(visible(head))

        charts = self.query_one("#report-charts")
        charts.display = curves is not None
        if curves is not None:
            self.query_one("#chart-arrivals", HourChart).show(curves.hours, curves.arrivals)
            self.query_one("#chart-waiting", HourChart).show(curves.hours, curves.waiting)

        part = self._part_width()
        name_width = max(6, part - 4 * 6 - 2)
        lines = small_table(
            tr("staff_ui.report.col_line"),
            tr("staff_ui.report.col_issued"),
            tr("staff_ui.report.col_served"),
            tr("staff_ui.report.col_waiting"),
            tr("staff_ui.report.col_no_show"),
            widths=(name_width,),
        )
        order = {code: index for index, code in enumerate(data.lines)}
        for code, counts in sorted(r.tickets_by_line.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])):
            name = data.lines.get(code, (code, code))
            waiting = curves.waiting_by_line.get(code, 0) if curves else "-"
            lines.add_row(
                fit(name_of(*name), name_width).rstrip(),
                str(counts["issued"]),
                str(counts["served"]),
                str(waiting),
                str(counts["no_show"]),
            )
        if not r.tickets_by_line:
            lines.add_row(tr("staff_ui.report.none"), "", "", "", "")
        self.query_one("#report-lines", Static).update(self._titled("staff_ui.report.by_line", lines))

        windows = small_table(
            tr("staff_ui.report.col_window"),
            tr("staff_ui.report.col_called"),
            tr("staff_ui.report.col_served"),
            tr("staff_ui.report.col_waiting"),
            tr("staff_ui.report.col_no_show"),
            widths=(name_width,),
        )
        numbers = sorted(set(r.tickets_by_window) | (set(curves.waiting_by_window) if curves else set()))
        for number in numbers:
            counts = r.tickets_by_window.get(number, {"called": 0, "served": 0, "no_show": 0})
            name = data.windows.get(number, ("", ""))
            label = fit(tr("staff_ui.window_choice", window=number, name=name_of(*name)), name_width).rstrip()
            waiting = curves.waiting_by_window.get(number, 0) if curves else "-"
            windows.add_row(label, str(counts["called"]), str(counts["served"]), str(waiting), str(counts["no_show"]))
        self.query_one("#report-windows", Static).update(self._titled("staff_ui.report.by_window", windows))

        cases = small_table(tr("staff_ui.report.col_kind"), tr("staff_ui.report.col_count"))
        for kind, count in r.cases_by_kind.items():
            cases.add_row(tr(f"case.kind_{kind}"), str(count))
        cases.add_row(Text(tr("staff_ui.report.cases_total"), style="bold"), Text(str(r.cases_total), style="bold"))
        cases.add_row(tr("staff_ui.report.overdue"), ("!! " if r.overdue_cases else "") + str(r.overdue_cases))
        cases.add_row(
            tr("staff_ui.report.extended"), tr("staff_ui.report.extended_n", cases=r.extended_cases, times=r.extensions)
        )
        cases.add_row(tr("staff_ui.report.over_time"), str(r.over_time_immediate))
        self.query_one("#report-cases", Static).update(self._titled("staff_ui.report.cases", cases))

        self.query_one("#report-ratings", Static).update(self._titled("staff_ui.report.ratings", ratings_table(r)))

        width = (self.size.width or 80) - 2
        item_width = max(10, width - 3 * 8 - 4)
        supplement = small_table(
            tr("staff_ui.report.col_item"),
            tr("staff_ui.report.col_cases"),
            tr("staff_ui.report.col_supplement"),
            tr("staff_ui.report.col_share"),
            widths=(item_width,),
        )
        shares = sorted(r.supplement_by_item.items(), key=lambda kv: (-kv[1]["share"], -kv[1]["cases"], kv[0]))
        for code, counts in shares[:SUPPLEMENT_ROWS]:
            name = data.items.get(code, (code, code))
            supplement.add_row(
                fit(name_of(*name), item_width).rstrip(),
                str(counts["cases"]),
                str(counts["supplement"]),
                f"{counts['share'] * 100:.0f}%",
            )
        if len(shares) > SUPPLEMENT_ROWS:
            supplement.add_row(tr("staff_ui.report.more_items", n=len(shares) - SUPPLEMENT_ROWS), "", "", "")
        if not shares:
            supplement.add_row(tr("staff_ui.report.none"), "", "", "")
        self.query_one("#report-supplement", Static).update(self._titled("staff_ui.report.supplement", supplement))
        self.query_one(NoticeCheck).show(data.notices, width)
        ranking = self.query_one("#report-ranking", Static)
        ranking.display = bool(data.ranking_month)
        if data.ranking_month:
            title = Text(tr("ratings.ranking_title", month=data.ranking_month), style="bold")
            ranking.update(Group(title, ranking_table(data, max(8, width - 6 - 8 * 2 - 6 * RATE_WIDTH))))
        self.query_one("#report-attendance", Static).update(
            self._titled("staff_ui.report.attendance", attendance_table(data))
        )
        if data.appointments is not None:
            self.query_one("#report-appointments", Static).update(
                self._titled("staff_ui.appointments.report", appointments_table(data.appointments))
            )

    def _titled(self, key: str, table: Table):
        return Group(Text(tr(key), style="bold"), table)

    # --- actions ---------------------------------------------------------------------------

    def _choose(self, period: str) -> None:
        self.period = period
        self.data = None
        self.say(tr("staff_ui.loading"))
        self.load()

    def action_today(self) -> None:
        self._choose(clock.service_day(self.app.config.zone).isoformat())

    def _ask_period(self, month: bool) -> None:
        from models.duty.attendance import parse_period

        today = clock.service_day(self.app.config.zone)
        value = f"{today:%Y-%m}" if month else (self.period if self.data and self.data.day else today.isoformat())

        def save(values: dict):
            text = (values.get("period") or "").strip()
            kind, parsed = parse_period(text)
            if (kind == "month") != month:
                from models.errors import StaffRefused

                raise StaffRefused("bad_period", text=text)
            return f"{parsed[0]:04d}-{parsed[1]:02d}" if month else parsed.isoformat()

        def closed(result) -> None:
            if isinstance(result, str):
                self._choose(result)

        label = "staff_ui.report.month_label" if month else "staff_ui.report.day_label"
        self.app.push_screen(
            FormDialog(
                tr("staff_ui.report.pick_month" if month else "staff_ui.report.pick_day"),
                [Field("period", tr(label), "text", value=value, placeholder="2026-11" if month else "2026-11-23")],
                save,
                save_label=tr("staff_ui.report.show"),
            ),
            closed,
        )

    def action_pick_day(self) -> None:
        self._ask_period(month=False)

    def action_pick_month(self) -> None:
        self._ask_period(month=True)

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "export":
            return True if self.data is not None else None
        return True

    def action_export(self) -> None:
        data = self.data
        if data is None:
            return
        language, day = self.app.lang, data.day
        month = None if day is not None else data.period

        def save(values: dict):
            return str(self.app.hall.export_report(day=day, month=month, fmt=values["format"], lang=language))

        def closed(result) -> None:
            if isinstance(result, str):
                self.say(tr("staff_ui.report.exported", name=Path(result).name, folder=Path(result).parent))

        self.app.push_screen(export_dialog(tr("staff_ui.report.export_title", period=data.period), save), closed)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_lock(self) -> None:
        self.app.lock()
