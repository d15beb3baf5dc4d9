"""The worker's log (《社区工作者日志》) and the meetings and study sessions,
with a month's count against the seed's numbers and its summary file.

- :mod:`~models.worklog.log` — :class:`WorkLog`: a dated entry per worker and day; corrections as new entries.
- :mod:`~models.worklog.meetings` — :class:`Meetings`: weekly meetings and study sessions, attendance, the month's tally.
- :mod:`~models.worklog.months` — a month's days and the weeks that belong to it.
- :mod:`~models.worklog.rights` — who writes and reads a log, who records a meeting.
- :mod:`~models.worklog.summary` — the month's summary as CSV or XLSX.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.worklog.log import LogEntry, WorkLog
    from models.worklog.meetings import MEETING_KINDS, MeetingRow, Meetings, MonthTally
    from models.worklog.rights import WorklogRefused
    from models.worklog.summary import export_month

__getattr__, __all__ = exports(
    __name__,
    {
        "models.worklog.log": ("LogEntry", "WorkLog"),
        "models.worklog.meetings": ("MEETING_KINDS", "MeetingRow", "Meetings", "MonthTally"),
        "models.worklog.rights": ("WorklogRefused",),
        "models.worklog.summary": ("export_month",),
    },
)
