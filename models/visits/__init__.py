"""Household visits (走访) and the 民情日志: logging them, following up what was raised, and progress.

- :mod:`~models.visits.log` — :class:`Visits`: a visit now or after the fact, its matters, their cases and answers,
  and the households planned when going out to visit.
- :mod:`~models.visits.progress` — :class:`Progress`: a worker's month against 30, the year's coverage against
  100 %, monthly families not contacted; the leader's view.
- :mod:`~models.visits.summary` — the month's summary as CSV in the export folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy_exports import exports

if TYPE_CHECKING:
    from models.visits.log import VisitFacts, Visits
    from models.visits.progress import LeaderView, Progress, WorkerProgress, month_span
    from models.visits.summary import export_summary, summary_sheet

__getattr__, __all__ = exports(
    __name__,
    {
        "models.visits.log": ("VisitFacts", "Visits"),
        "models.visits.progress": ("LeaderView", "Progress", "WorkerProgress", "month_span"),
        "models.visits.summary": ("export_summary", "summary_sheet"),
    },
)
