"""Meetings and study sessions (seed 003 §11(1)(2)): the weekly work meeting
(工作例会) and collective study (集中学习, at least twice a month), each with
its time, content and who attended; and a month's count against the seed's
numbers (``[meetings]`` of the config).

A meeting counts in the month of the hall's local day it was held on. A
week belongs to the month its Monday falls in (:func:`models.worklog.months.month_weeks`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from models import clock, events
from models.cases.privacy import has_personal_data
from models.cases.store import find_staff
from models.config import Config
from models.db import database
from models.i18n import t
from models.plain_text import check
from models.schema import Staff
from models.schema.worklog import Meeting, MeetingAttendance
from models.worklog.months import month_days, month_weeks
from models.worklog.rights import WorklogRefused, require_may_record_meeting

MEETING_KINDS = ("weekly", "study")  # 工作例会 集中学习


@dataclass
class MeetingRow:
    id: int
    kind: str
    day: date
    held_at: str  # local time
    content: str
    recorded_by: str
    attendees: list[str] = field(default_factory=list)  # staff codes

    def as_dict(self) -> dict:
        values = asdict(self)
        values["day"] = self.day.isoformat()
        return values


@dataclass
class MonthTally:
    month: str
    weekly_held: int
    weeks: int
    weeks_without: list[date]  # the Mondays of weeks with fewer weekly meetings than asked
    weekly_needed: int  # per week
    study_held: int
    study_needed: int
    attendance: dict[str, dict[str, int]]  # code → {"weekly": n, "study": n}
    meetings: list[MeetingRow]

    @property
    def study_short(self) -> int:
        return max(0, self.study_needed - self.study_held)

    def words(self, lang: str) -> str:
        """The month's count in one line, and what is still short."""
        line = t(
            "worklog.month_line",
            lang,
            month=self.month,
            weekly=self.weekly_held,
            weeks=self.weeks,
            study=self.study_held,
            needed=self.study_needed,
        )
        if self.study_short:
            line += t("worklog.month_short", lang, count=self.study_short)
        return line

    def as_dict(self) -> dict:
        values = asdict(self)
        values["weeks_without"] = [d.isoformat() for d in self.weeks_without]
        values["meetings"] = [m.as_dict() for m in self.meetings]
        values["study_short"] = self.study_short
        return values


class Meetings:
    def __init__(self, config: Config):
        self.config = config

    def record(self, staff, kind: str, held_at: datetime, content: str, attendees) -> MeetingRow:
        """A meeting held: ``held_at`` aware (any zone) or naive UTC, never to come;
        ``attendees`` staff codes, at least one."""
        actor = find_staff(staff)
        if kind not in MEETING_KINDS:
            raise WorklogRefused("bad_meeting_kind", kind=str(kind)[:20])
        when = clock.to_utc(held_at) if held_at.tzinfo else held_at
        if when > clock.now():
            raise WorklogRefused("meeting_ahead")
        text = check("content", content or "", lines=True).strip()
        if not text:
            raise WorklogRefused("content_needed")
        if has_personal_data(text):
            raise WorklogRefused("personal_data")
        people: list[Staff] = []
        for code in attendees or ():
            person = find_staff(code)
            if person.id not in {p.id for p in people}:
                people.append(person)
        if not people:
            raise WorklogRefused("attendees_needed")
        require_may_record_meeting(actor, {p.id for p in people})
        day = clock.local(when, self.config.zone).date()
        with database.atomic():
            row = Meeting.create(kind=kind, held_at=when, day=day, content=text, recorded_by=actor)
            for person in people:
                MeetingAttendance.create(meeting=row, staff=person)
            events.record("meeting.recorded", row.id, meeting_kind=kind, day=day.isoformat(), staff=actor.code)
        return self._rows(Meeting.select().where(Meeting.id == row.id))[0]

    def _rows(self, query) -> list[MeetingRow]:
        meetings = list(query.order_by(Meeting.held_at, Meeting.id))
        codes: dict[int, list[str]] = {}
        if meetings:
            attended = (
                MeetingAttendance.select(MeetingAttendance.meeting, Staff.code)
                .join(Staff)
                .where(MeetingAttendance.meeting.in_([m.id for m in meetings]))
                .order_by(MeetingAttendance.id)
                .tuples()
            )
            for meeting_id, code in attended:
                codes.setdefault(meeting_id, []).append(code)
        recorders = {s.id: s.code for s in Staff.select(Staff.id, Staff.code)}
        return [
            MeetingRow(
                id=m.id,
                kind=m.kind,
                day=m.day,
                held_at=clock.reading(m.held_at, self.config.zone),
                content=m.content,
                recorded_by=recorders.get(m.recorded_by_id, ""),
                attendees=codes.get(m.id, []),
            )
            for m in meetings
        ]

    def between(self, first: date, last: date) -> list[MeetingRow]:
        return self._rows(Meeting.select().where(Meeting.day.between(first, last)))

    def month(self, month: str) -> MonthTally:
        """``month``'s meetings and study sessions against the seed's numbers."""
        first, last = month_days(month)
        weeks = month_weeks(month)
        span_end = max([last, *(monday + timedelta(days=6) for monday in weeks)])
        around = self.between(min([first, *weeks]), span_end)
        inside = [m for m in around if first <= m.day <= last]
        needed = self.config.meetings.weekly_meetings
        without = [
            monday
            for monday in weeks
            if sum(1 for m in around if m.kind == "weekly" and monday <= m.day <= monday + timedelta(days=6)) < needed
        ]
        attendance: dict[str, dict[str, int]] = {}
        for meeting in inside:
            for code in meeting.attendees:
                counts = attendance.setdefault(code, {"weekly": 0, "study": 0})
                counts[meeting.kind] += 1
        return MonthTally(
            month=month,
            weekly_held=sum(1 for m in inside if m.kind == "weekly"),
            weeks=len(weeks),
            weeks_without=without,
            weekly_needed=needed,
            study_held=sum(1 for m in inside if m.kind == "study"),
            study_needed=self.config.meetings.study_per_month,
            attendance=attendance,
            meetings=inside,
        )
