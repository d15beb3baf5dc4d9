"""The worker's log (《社区工作者日志》, seed 000 一(四)2, 003 §5): a dated entry
per worker and day, written at the terminal or with ``hall log``.

Nothing is ever edited: a correction is a new entry naming the one it
corrects, and what is shown is the latest of each chain, the corrected ones
kept and marked. An entry holds no phone or ID number: a log is read by more
people than its writer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from models import clock, events
from models.cases.privacy import has_personal_data
from models.cases.store import find_staff
from models.config import Config
from models.db import database
from models.plain_text import check
from models.schema import Staff
from models.schema.worklog import WorkLogEntry
from models.worklog.months import month_days
from models.worklog.rights import WorklogRefused, require_may_read, require_own_log


@dataclass
class LogEntry:
    id: int
    staff: str
    name: str
    day: date
    text: str
    written_at: str  # local time
    corrects: int | None = None
    corrected_by: int | None = None  # a later entry that replaces this one

    def as_dict(self) -> dict:
        values = asdict(self)
        values["day"] = self.day.isoformat()
        return values


def _text(text: str) -> str:
    value = check("text", text or "", lines=True).strip()
    if not value:
        raise WorklogRefused("text_needed")
    if has_personal_data(value):
        raise WorklogRefused("personal_data")
    return value


class WorkLog:
    def __init__(self, config: Config):
        self.config = config

    def _entry(self, row: WorkLogEntry, corrected_by: int | None = None) -> LogEntry:
        return LogEntry(
            id=row.id,
            staff=row.staff.code,
            name=row.staff.name,
            day=row.day,
            text=row.text,
            written_at=clock.reading(row.written_at, self.config.zone),
            corrects=row.corrects_id,
            corrected_by=corrected_by,
        )

    def write(self, staff, text: str, day: date | None = None) -> LogEntry:
        """An entry in ``staff``'s own log for ``day`` (default today; never a day to come)."""
        actor = find_staff(staff)
        today = clock.service_day(self.config.zone)
        day = day or today
        if day > today:
            raise WorklogRefused("day_ahead", day=day.isoformat())
        value = _text(text)
        with database.atomic():
            row = WorkLogEntry.create(staff=actor, day=day, text=value, written_at=clock.now())
            events.record("worklog.written", row.id, staff=actor.code, day=day.isoformat())
        return self._entry(row)

    def correct(self, staff, entry_id: int, text: str) -> LogEntry:
        """A correction: a new entry for the same day, naming the one it corrects."""
        actor = find_staff(staff)
        value = _text(text)
        with database.atomic():
            old = WorkLogEntry.get_or_none(WorkLogEntry.id == int(entry_id))
            if old is None:
                raise WorklogRefused("unknown_entry", entry=entry_id)
            require_own_log(actor, old.staff_id)
            if WorkLogEntry.select().where(WorkLogEntry.corrects == old.id).exists():
                raise WorklogRefused("corrected_already", entry=old.id)
            row = WorkLogEntry.create(staff=actor, day=old.day, text=value, corrects=old, written_at=clock.now())
            events.record("worklog.corrected", row.id, staff=actor.code, day=old.day.isoformat(), corrects=old.id)
        return self._entry(row)

    def entries(self, viewer, of=None, *, day: date | None = None, month: str | None = None) -> list[LogEntry]:
        """``of``'s entries (default the viewer's own; a leader may read anyone's, or
        with ``of="*"`` everyone's), oldest first, each correction after what it corrects."""
        actor = find_staff(viewer)
        query = WorkLogEntry.select(WorkLogEntry, Staff).join(Staff)
        if of != "*":
            person = find_staff(of) if of else actor
            require_may_read(actor, person)
            query = query.where(WorkLogEntry.staff == person.id)
        elif actor.role != "leader":
            raise WorklogRefused("not_your_log_to_read", staff="*")
        if day is not None:
            query = query.where(WorkLogEntry.day == day)
        if month is not None:
            first, last = month_days(month)
            query = query.where(WorkLogEntry.day.between(first, last))
        rows = list(query.order_by(WorkLogEntry.day, WorkLogEntry.id))
        replaced = {row.corrects_id: row.id for row in rows if row.corrects_id}
        return [self._entry(row, replaced.get(row.id)) for row in rows]

    def days_written(self, month: str) -> dict[str, int]:
        """Per worker code: the days of ``month`` with at least one entry."""
        first, last = month_days(month)
        rows = (
            WorkLogEntry.select(Staff.code, WorkLogEntry.day)
            .join(Staff)
            .where(WorkLogEntry.day.between(first, last))
            .distinct()
            .tuples()
        )
        counts: dict[str, int] = {}
        for code, _day in rows:
            counts[code] = counts.get(code, 0) + 1
        return counts
