"""Attendance (工作考勤, seed 001 工作考勤制度; 003 §11(3)), read from the whereabouts history.

For each staff member and local day:

- **arrived** is their first change that day *to* a state at work (在岗, or
  开会, 外出, 走访: a B person's morning of household visits is work),
  **left** their last change that day from such a state to 休息 or 请假
  (``left_to`` says which); whereabouts belong to the day, so yesterday's
  在岗 is no arrival today;
- the day's office hours come from the calendar (either of seed 001's
  seasonal timetables, or seed 003's staggered hours); on a weekend or
  holiday only the people on duty that day are expected, for the duty hours
  (9:00-16:00, seed 003 §6);
- **late**: arrived *more than* ``whereabouts.late_after_minutes`` (15) after
  the opening, so 8:15:00 is on time and 8:15:01 is late; **left early**:
  left *more than* ``whereabouts.early_before_minutes`` (15) before the
  closing, so 16:15:00 is fine for a 16:30 closing and 16:14:59 is early;
- approved leave over the opening (or the closing) excuses lateness (or
  leaving early); an expected person with no arrival and no leave is absent
  once the opening plus the grace has passed; someone still on duty at the
  end of the day has no departure (``still_on_duty``), which is not judged;
  leaving early is judged once the day's closing has passed.

:meth:`Attendance.attendance_month` sums the days per person (001: 按月公布);
:meth:`Attendance.attendance_rows` gives flat rows for the reports screen and
CSV, :meth:`Attendance.csv` the CSV itself.
"""

from __future__ import annotations

import csv
import io
from calendar import monthrange
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from models import clock
from models.calendar import HallCalendar
from models.config import Config
from models.duty.service import Duty
from models.errors import StaffRefused
from models.i18n import t
from models.schema import Staff
from models.schema.whereabouts import WhereaboutsChange
from models.staff.leave import approved_leaves

AT_WORK = ("on_duty", "meeting", "out", "visiting")  # states that are a working day's, in the hall or outside

DAY_COLUMNS = (
    "day",
    "staff",
    "name",
    "status",
    "opening",
    "closing",
    "arrived",
    "left",
    "late_minutes",
    "early_minutes",
    "late",
    "left_early",
    "absent",
    "on_leave",
    "expected",
)
MONTH_COLUMNS = (
    "month",
    "staff",
    "name",
    "expected_days",
    "present_days",
    "late",
    "left_early",
    "absent",
    "leave_days",
    "late_minutes",
    "early_minutes",
)


@dataclass(frozen=True)
class AttendanceRow:
    day: date
    staff: str
    name: str
    expected: bool  # the hall expected them that day
    opening: datetime | None  # aware local; None: no hours that day
    closing: datetime | None
    arrived: datetime | None  # aware local
    left: datetime | None
    left_to: str | None  # the state they left on_duty for
    late: bool
    late_minutes: int  # whole minutes after the opening, when late
    left_early: bool
    early_minutes: int  # whole minutes before the closing, when early
    on_leave: bool  # approved leave during the day's hours
    absent: bool
    still_on_duty: bool  # arrived and never left work (休息, 请假) that day

    @property
    def status(self) -> str:
        if self.absent:
            return "absent"
        if self.late and self.left_early:
            return "late_left_early"
        if self.late:
            return "late"
        if self.left_early:
            return "left_early"
        if self.on_leave and self.arrived is None:
            return "leave"
        if self.arrived is not None:
            return "present"
        return "expected" if self.expected else "off"

    def as_dict(self) -> dict:
        data = asdict(self)
        for key in ("opening", "closing", "arrived", "left"):
            data[key] = data[key].isoformat() if data[key] else None
        data["day"] = self.day.isoformat()
        data["status"] = self.status
        return data


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    staff: str
    name: str
    expected_days: int
    present_days: int
    late: int
    left_early: int
    absent: int
    leave_days: int
    late_minutes: int
    early_minutes: int
    days: tuple[AttendanceRow, ...]

    def as_dict(self) -> dict:
        data = {k: v for k, v in asdict(self).items() if k != "days"}
        data["days"] = [d.as_dict() for d in self.days]
        return data


class Attendance:
    def __init__(self, config: Config):
        self.config = config
        self.calendar = HallCalendar(config)
        self.duty = Duty(config)

    def attendance(self, day: date) -> list[AttendanceRow]:
        """Everyone's attendance on one local day, by staff code."""
        return self._days(day, 1)[day]

    def attendance_month(self, year: int, month: int) -> list[MonthRow]:
        """Per staff member: the month's days summed (days after today are left out)."""
        first = date(year, month, 1)
        last = date(year, month, monthrange(year, month)[1])
        today = clock.service_day(self.config.zone)
        days = (min(last, today) - first).days + 1
        by_day = self._days(first, days) if days > 0 else {}
        per_staff: dict[str, list[AttendanceRow]] = {}
        names: dict[str, str] = {}
        for day in sorted(by_day):
            for row in by_day[day]:
                per_staff.setdefault(row.staff, []).append(row)
                names[row.staff] = row.name
        out = []
        for code in sorted(per_staff):
            rows = per_staff[code]
            out.append(
                MonthRow(
                    year=year,
                    month=month,
                    staff=code,
                    name=names[code],
                    expected_days=sum(r.expected for r in rows),
                    present_days=sum(r.arrived is not None for r in rows),
                    late=sum(r.late for r in rows),
                    left_early=sum(r.left_early for r in rows),
                    absent=sum(r.absent for r in rows),
                    leave_days=sum(r.on_leave for r in rows),
                    late_minutes=sum(r.late_minutes for r in rows),
                    early_minutes=sum(r.early_minutes for r in rows),
                    days=tuple(r for r in rows if r.expected or r.arrived is not None),
                )
            )
        return out

    # --- for reports and CSV ---------------------------------------------------------

    def attendance_rows(self, day_or_month, language: str | None = None) -> list[dict]:
        """Flat rows for the reports screen / CSV.

        A day (``date`` or ``"2026-11-23"``) gives one row per person with
        :data:`DAY_COLUMNS`; a month (``"2026-11"`` or ``(2026, 11)``) gives
        the monthly sums with :data:`MONTH_COLUMNS`. Times are local
        ``HH:MM``; ``status`` is in ``language`` (the config's by default).
        """
        language = language or self.config.language
        _kind, value = parse_period(day_or_month)
        if isinstance(value, date):
            return [self._day_dict(row, language) for row in self.attendance(value)]
        year, month = value
        return [
            {
                "month": f"{year:04d}-{month:02d}",
                "staff": r.staff,
                "name": r.name,
                "expected_days": r.expected_days,
                "present_days": r.present_days,
                "late": r.late,
                "left_early": r.left_early,
                "absent": r.absent,
                "leave_days": r.leave_days,
                "late_minutes": r.late_minutes,
                "early_minutes": r.early_minutes,
            }
            for r in self.attendance_month(year, month)
        ]

    def columns(self, day_or_month) -> tuple[str, ...]:
        return DAY_COLUMNS if parse_period(day_or_month)[0] == "day" else MONTH_COLUMNS

    def csv(self, day_or_month, language: str | None = None) -> str:
        """The rows as CSV, with a header row in ``language``."""
        language = language or self.config.language
        columns = self.columns(day_or_month)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([t(f"attendance.col_{c}", language) for c in columns])
        for row in self.attendance_rows(day_or_month, language):
            writer.writerow([_cell(row[c]) for c in columns])
        return out.getvalue()

    def _day_dict(self, row: AttendanceRow, language: str) -> dict:
        return {
            "day": row.day.isoformat(),
            "staff": row.staff,
            "name": row.name,
            "status": t(f"attendance.status_{row.status}", language),
            "opening": f"{row.opening:%H:%M}" if row.opening else "",
            "closing": f"{row.closing:%H:%M}" if row.closing else "",
            "arrived": f"{row.arrived:%H:%M}" if row.arrived else "",
            "left": f"{row.left:%H:%M}" if row.left else "",
            "late_minutes": row.late_minutes,
            "early_minutes": row.early_minutes,
            "late": row.late,
            "left_early": row.left_early,
            "absent": row.absent,
            "on_leave": row.on_leave,
            "expected": row.expected,
        }

    # --- the arithmetic ------------------------------------------------------------------

    def hours_of(self, day: date) -> tuple[datetime, datetime] | None:
        """The aware local opening and closing against which ``day`` is judged."""
        if self.calendar.is_working_day(day):
            opens, closes = self.calendar.opening_of(day), self.calendar.closing_of(day)
            return (opens, closes) if opens and closes else None
        sessions = self.calendar.sessions(day) or self.duty.hours(day)
        if not sessions:
            return None
        zone = self.config.zone
        return datetime.combine(day, sessions[0][0], zone), datetime.combine(day, sessions[-1][1], zone)

    def _days(self, start: date, days: int) -> dict[date, list[AttendanceRow]]:
        zone = self.config.zone
        end = start + timedelta(days=days)
        span_start, span_end = clock.local_days(start, end - timedelta(days=1), zone)
        changes: dict[tuple[date, int], list[WhereaboutsChange]] = {}
        for change in (
            WhereaboutsChange.select()
            .where((WhereaboutsChange.at >= span_start) & (WhereaboutsChange.at < span_end))
            .order_by(WhereaboutsChange.id)
        ):
            local_day = clock.local(change.at, zone).date()
            changes.setdefault((local_day, change.staff_id), []).append(change)
        people = list(Staff.select().order_by(Staff.code))
        leaves = approved_leaves(span_start, span_end)
        roster = {d.day: d for d in self.duty.roster(start, days)}
        now = clock.now()
        grace_late = timedelta(minutes=self.config.whereabouts.late_after_minutes)
        grace_early = timedelta(minutes=self.config.whereabouts.early_before_minutes)
        out: dict[date, list[AttendanceRow]] = {}
        for offset in range(days):
            day = start + timedelta(days=offset)
            duty = roster[day]
            working = self.calendar.is_working_day(day)
            hours = self.hours_of(day)
            day_end = clock.to_utc(datetime.combine(day + timedelta(days=1), time(0), zone))
            rows = []
            for staff in people:
                mine = changes.get((day, staff.id), [])
                existed = staff.created_at < day_end
                if working:
                    expected = bool(hours) and staff.active and existed
                else:
                    expected = bool(hours) and staff.active and existed and staff.code in duty.people
                if not expected and not mine:
                    continue
                rows.append(
                    self._row(day, staff, mine, expected, hours, leaves.get(staff.id, ()), now, grace_late, grace_early)
                )
            out[day] = rows
        return out

    def _row(self, day, staff, mine, expected, hours, leaves, now, grace_late, grace_early) -> AttendanceRow:
        zone = self.config.zone
        arrivals = [c for c in mine if c.to_state in AT_WORK]
        departures = [c for c in mine if c.from_state in AT_WORK and c.to_state not in AT_WORK]
        arrived = arrivals[0].at if arrivals else None
        left = departures[-1] if departures else None
        still = bool(arrivals) and (left is None or left.id < arrivals[-1].id)
        opening = closing = None
        late = early = on_leave = absent = False
        late_minutes = early_minutes = 0
        if hours:
            opening, closing = hours
            open_utc, close_utc = clock.to_utc(opening), clock.to_utc(closing)
            on_leave = any(a < close_utc and b > open_utc for a, b, _s in leaves)
            leave_at_open = any(a <= open_utc < b for a, b, _s in leaves)
            leave_at_close = any(a < close_utc <= b for a, b, _s in leaves)
            if expected and arrived is not None and not leave_at_open:
                after = arrived - open_utc
                if after > grace_late:
                    late, late_minutes = True, int(after.total_seconds() // 60)
            day_over = now >= close_utc  # a day in progress: a lunch break is not a departure yet
            if expected and left is not None and not still and day_over and not leave_at_close:
                before = close_utc - left.at
                if before > grace_early:
                    early, early_minutes = True, int(before.total_seconds() // 60)
            absent = expected and arrived is None and not on_leave and now > open_utc + grace_late
        return AttendanceRow(
            day=day,
            staff=staff.code,
            name=staff.name,
            expected=expected,
            opening=opening,
            closing=closing,
            arrived=clock.local(arrived, zone) if arrived else None,
            left=clock.local(left.at, zone) if left and not still else None,
            left_to=left.to_state if left and not still else None,
            late=late,
            late_minutes=late_minutes,
            left_early=early,
            early_minutes=early_minutes,
            on_leave=on_leave,
            absent=absent,
            still_on_duty=still,
        )


def parse_period(value: object) -> tuple[str, date | tuple[int, int]]:
    """("day", date) or ("month", (year, month)) from a date, "YYYY-MM-DD", "YYYY-MM" or (year, month)."""
    if isinstance(value, datetime):
        return "day", value.date()
    if isinstance(value, date):
        return "day", value
    if isinstance(value, tuple) and len(value) == 2:
        year, month = value
        if 1 <= int(month) <= 12:
            return "month", (int(year), int(month))
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 7:
                year, month = (int(x) for x in text.split("-"))
                date(year, month, 1)
                return "month", (year, month)
            return "day", date.fromisoformat(text)
        except ValueError:
            pass
    raise StaffRefused("bad_period", text=str(value))


def _cell(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(value)
