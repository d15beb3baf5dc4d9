"""The report's tables, drawn with Rich: a small table of figures, and attendance."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from shared_ui.plain import PlainTable
from shared_ui.words import tr
from staff_tui.report_data import ReportData


def minutes(value) -> str:
    return "-" if value is None else f"{value:.0f}"


def small_table(*headers: str, widths: tuple[int, ...] = ()) -> Table:
    table = PlainTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), expand=False)
    for index, header in enumerate(headers):
        width = widths[index] if index < len(widths) else None
        table.add_column(
            header, justify="left" if index == 0 else "right", no_wrap=True, max_width=width, overflow="ellipsis"
        )
    return table


RATE_WIDTH = 7  # "100.0%", and each column's short header
RANKED = ("count", "good_rate", "bad_rate", "rectified_rate", "callback_rate", "on_time_rate")


def ranking_table(data: ReportData, name_width: int) -> Table:
    """The windows ranked by the month's 好差评 (GB/T 39734 Annex B's indicators), the leader's view."""
    from shared_ui.words import name_of

    table = small_table(
        tr("ratings.place"),
        tr("ratings.window"),
        *(tr(f"ratings.col_{key}") for key in RANKED),
        widths=(6, name_width, *(RATE_WIDTH,) * len(RANKED)),
    )
    for row in data.ranking:
        rates = [str(row[key]) if key == "count" else _rate(row[key]) for key in RANKED]
        window = tr("staff_ui.window_choice", window=row["window"], name=name_of(row["name"], row["name_en"]))
        table.add_row("-" if row["place"] is None else str(row["place"]), window, *rates)
    if not data.ranking:
        table.add_row(tr("staff_ui.report.none"), *[""] * (len(table.columns) - 1))
    return table


def _rate(value) -> str:
    return "-" if value is None else f"{value:.1f}%"


def attendance_table(data: ReportData) -> Table:
    """A day: each person's status, arrival and departure; a month: the sums."""
    if data.day is not None:
        table = small_table(
            tr("attendance.col_staff"),
            tr("attendance.col_name"),
            tr("attendance.col_status"),
            tr("attendance.col_arrived"),
            tr("attendance.col_left"),
        )
        for row in data.attendance:
            if not row.get("expected") and not row.get("arrived"):
                continue
            status = row["status"]
            marked = row.get("late") or row.get("left_early") or row.get("absent")
            table.add_row(
                row["staff"],
                row["name"],
                Text(("!! " if marked else "") + status, style="bold" if marked else ""),
                row.get("arrived") or "-",
                row.get("left") or "-",
            )
    else:
        table = small_table(
            tr("attendance.col_staff"),
            tr("attendance.col_name"),
            tr("attendance.col_expected_days"),
            tr("attendance.col_present_days"),
            tr("attendance.col_late"),
            tr("attendance.col_left_early"),
            tr("attendance.col_absent"),
            tr("attendance.col_leave_days"),
        )
        for row in data.attendance:
            table.add_row(
                row["staff"],
                row["name"],
                str(row["expected_days"]),
                str(row["present_days"]),
                str(row["late"]),
                str(row["left_early"]),
                str(row["absent"]),
                str(row["leave_days"]),
            )
    if not data.attendance:
        table.add_row(tr("staff_ui.report.none"), *[""] * (len(table.columns) - 1))
    return table


def appointments_table(report) -> Table:
    """Booked, kept, no-show, cancelled (models.appointments.report), and booked beside walk-in waits."""
    table = small_table(
        tr("staff_ui.appointments.col_what"),
        tr("staff_ui.appointments.col_booked"),
        tr("staff_ui.appointments.col_walk_in"),
    )
    for key in ("booked", "kept", "no_show", "cancelled", "still_open"):
        table.add_row(tr(f"staff_ui.appointments.count_{key}"), str(getattr(report, key)), "")
    for key in ("count", "median_minutes", "p90_minutes"):
        booked, walk_in = getattr(report.booked_waits, key), getattr(report.walk_in_waits, key)
        shown = (str(booked), str(walk_in)) if key == "count" else (minutes(booked), minutes(walk_in))
        table.add_row(tr(f"staff_ui.appointments.wait_{key}"), *shown)
    return table


def ratings_table(report) -> Table:
    """The period's ratings per level, the cases' (一事一评) beside the visits' (一次一评); their 差评, the open
    follow-ups of each (overdue marked ``!!``), and where the visits' 差评 stand in their loop."""
    table = small_table(
        tr("staff_ui.report.col_level"), tr("staff_ui.report.col_cases"), tr("staff_ui.report.col_visits")
    )
    for level, count in report.ratings_by_level.items():
        table.add_row(tr(f"rating.level_{level}"), str(count), str(report.visit_ratings_by_level.get(level, 0)))
    table.add_row(Text(tr("staff_ui.report.bad"), style="bold"), str(report.bad_ratings), str(report.visit_bad_ratings))

    def followups(open_now: int, late: int) -> str:
        return ("!! " if late else "") + tr("staff_ui.report.followups_n", open=open_now, overdue=late)

    table.add_row(
        tr("staff_ui.report.followups"),
        followups(report.open_followups, report.overdue_followups),
        followups(report.visit_open_followups, report.visit_overdue_followups),
    )
    for stage, count in report.visit_bad_by_stage.items():
        table.add_row(tr("staff_ui.report.visit_stage", stage=tr(f"followup.stage_{stage}")), "", str(count))
    return table
