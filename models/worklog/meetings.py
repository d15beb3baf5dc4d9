"""Meetings and study sessions (seed 003 §11(1)(2)): the weekly work meeting
(工作例会) and collective study (集中学习, at least twice a month), each with
its time, content and who attended; and a month's count against the seed's
numbers (``[meetings]`` of the config).

A meeting counts in the month of the hall's local day it was held on. A
week belongs to the month its Monday falls in (:func:`models.worklog.months.month_weeks`).

A meeting recorded wrong is corrected, never edited: the correction is a
whole new meeting row (time, content and attendance as they should read, of
the same kind) linked to the one it replaces with the reason
(:class:`~models.schema.worklog.MeetingCorrection`). Lists and the month's
count read only the latest version; :meth:`Meetings.history` reads them all.
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
from models.schema.worklog import Meeting, MeetingAttendance, MeetingCorrection
from models.worklog.months import month_days, month_weeks
from models.worklog.rights import WorklogRefused, require_may_correct_meeting, require_may_record_meeting

MEETING_KINDS = ("weekly", "study")  # 工作例会 集中学习
# The most characters a meeting's content (the minutes in short) and a correction's reason hold.
MOST_CONTENT, MOST_REASON = 2000, 200


@dataclass
class MeetingRow:
    id: int
    kind: str
    day: date
    held_at: str  # local time
    content: str
    recorded_by: str
    attendees: list[str] = field(default_factory=list)  # staff codes
    corrects: int | None = None  # the meeting this version replaces
    reason: str = ""  # why it was corrected

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

    def _when(self, held_at: datetime) -> datetime:
        when = clock.to_utc(held_at) if held_at.tzinfo else held_at
        if when > clock.now():
            raise WorklogRefused("meeting_ahead")
        return when

    def _words(self, field_name: str, text: str, missing: str, most: int = MOST_CONTENT) -> str:
        text = check(field_name, text or "", lines=True).strip()
        if not text:
            raise WorklogRefused(missing)
        if len(text) > most:
            raise WorklogRefused("too_long", field=field_name, most=most)
        if has_personal_data(text):
            raise WorklogRefused("personal_data")
        return text

    def _people(self, attendees) -> list[Staff]:
        people: list[Staff] = []
        for code in attendees or ():
            person = find_staff(code)
            if person.id not in {p.id for p in people}:
                people.append(person)
        if not people:
            raise WorklogRefused("attendees_needed")
        return people

    def _write(self, actor: Staff, kind: str, when: datetime, text: str, people: list[Staff]) -> Meeting:
        day = clock.local(when, self.config.zone).date()
        row = Meeting.create(kind=kind, held_at=when, day=day, content=text, recorded_by=actor)
        for person in people:
            MeetingAttendance.create(meeting=row, staff=person)
        return row

    def record(self, staff, kind: str, held_at: datetime, content: str, attendees) -> MeetingRow:
        """A meeting held: ``held_at`` aware (any zone) or naive UTC, never to come;
        ``attendees`` staff codes, at least one."""
        actor = find_staff(staff)
        if kind not in MEETING_KINDS:
            raise WorklogRefused("bad_meeting_kind", kind=str(kind)[:20])
        when = self._when(held_at)
        text = self._words("content", content, "content_needed")
        people = self._people(attendees)
        require_may_record_meeting(actor, {p.id for p in people})
        with database.atomic():
            row = self._write(actor, kind, when, text, people)
            events.record("meeting.recorded", row.id, meeting_kind=kind, day=row.day.isoformat(), staff=actor.code)
        return self._rows(Meeting.select().where(Meeting.id == row.id))[0]

    def correct(
        self,
        staff,
        meeting: int,
        reason: str,
        *,
        held_at: datetime | None = None,
        content: str | None = None,
        attendees=None,
    ) -> MeetingRow:
        """Correct meeting ``meeting`` (its latest version): what is not given stays as it was.

        The same rule as recording: a leader, or someone among the corrected attendees.
        """
        actor = find_staff(staff)
        why = self._words("reason", reason, "reason_needed", most=MOST_REASON)
        with database.atomic():
            old = Meeting.get_or_none(Meeting.id == meeting)
            if old is None:
                raise WorklogRefused("unknown_meeting", meeting=meeting)
            newer = MeetingCorrection.get_or_none(MeetingCorrection.corrected == old.id)
            if newer is not None:
                raise WorklogRefused("meeting_already_corrected", meeting=old.id, latest=self._latest(old.id))
            current = self._rows(Meeting.select().where(Meeting.id == old.id))[0]
            when = self._when(held_at) if held_at is not None else old.held_at
            text = self._words("content", content, "content_needed") if content is not None else old.content
            codes = list(attendees) if attendees is not None else current.attendees
            people = self._people(codes)
            recorded = {p.id for p in Staff.select(Staff.id).where(Staff.code.in_(list(current.attendees) or [""]))}
            require_may_correct_meeting(actor, recorded, {p.id for p in people})
            if (when, text, sorted(p.code for p in people)) == (old.held_at, old.content, sorted(current.attendees)):
                raise WorklogRefused("meeting_unchanged", meeting=old.id)
            row = self._write(actor, old.kind, when, text, people)
            MeetingCorrection.create(corrected=old, correction=row, reason=why, staff=actor, at=clock.now())
            events.record("meeting.corrected", row.id, corrects=old.id, day=row.day.isoformat(), staff=actor.code)
        return self._rows(Meeting.select().where(Meeting.id == row.id))[0]

    def _latest(self, meeting: int) -> int:
        """The version in force of the meeting ``meeting`` belongs to."""
        while True:
            newer = MeetingCorrection.get_or_none(MeetingCorrection.corrected == meeting)
            if newer is None:
                return meeting
            meeting = newer.correction_id

    def history(self, meeting: int) -> list[MeetingRow]:
        """Every version of the meeting ``meeting`` belongs to, the first recorded first."""
        if Meeting.get_or_none(Meeting.id == meeting) is None:
            raise WorklogRefused("unknown_meeting", meeting=meeting)
        while (older := MeetingCorrection.get_or_none(MeetingCorrection.correction == meeting)) is not None:
            meeting = older.corrected_id
        ids = [meeting]
        while (newer := MeetingCorrection.get_or_none(MeetingCorrection.corrected == ids[-1])) is not None:
            ids.append(newer.correction_id)
        rows = {row.id: row for row in self._rows(Meeting.select().where(Meeting.id.in_(ids)))}
        return [rows[i] for i in ids]

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
        corrections = {
            c.correction_id: c
            for c in MeetingCorrection.select().where(MeetingCorrection.correction.in_([m.id for m in meetings] or [0]))
        }
        return [
            MeetingRow(
                id=m.id,
                kind=m.kind,
                day=m.day,
                held_at=clock.reading(m.held_at, self.config.zone),
                content=m.content,
                recorded_by=recorders.get(m.recorded_by_id, ""),
                attendees=codes.get(m.id, []),
                corrects=corrections[m.id].corrected_id if m.id in corrections else None,
                reason=corrections[m.id].reason if m.id in corrections else "",
            )
            for m in meetings
        ]

    def between(self, first: date, last: date) -> list[MeetingRow]:
        """The meetings held those days, as corrected: a version replaced is left out."""
        replaced = MeetingCorrection.select(MeetingCorrection.corrected)
        return self._rows(Meeting.select().where(Meeting.day.between(first, last) & Meeting.id.not_in(replaced)))

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
