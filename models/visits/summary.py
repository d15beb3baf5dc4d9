"""The month's visits as a spreadsheet: one line per worker, no household named.

Written into the export folder like the ledger (:func:`models.cases.export_files.write_sheet`).
"""

from __future__ import annotations

from pathlib import Path

from peewee import fn

from models.cases.export_files import Sheet, write_sheet
from models.config import Config
from models.i18n import t
from models.schema.households import Visit, VisitFollowup, VisitMatter
from models.visits.progress import Progress, month_span

_COLUMNS = (
    "month",
    "worker",
    "name",
    "areas",
    "households",
    "visited",
    "target",
    "covered",
    "coverage",
    "monthly_due",
    "not_contacted",
    "matters",
    "answered",
    "behind",
)


def summary_sheet(progress: Progress, month: str, lang: str = "zh") -> Sheet:
    view = progress.leader_view(month)
    first, last = month_span(month)
    raised = dict(
        VisitMatter.select(Visit.worker, fn.COUNT(VisitMatter.id))
        .join(Visit, on=(VisitMatter.visit == Visit.id))
        .where(Visit.visited_on.between(first, last))
        .group_by(Visit.worker)
        .tuples()
    )
    answered_matters = VisitFollowup.select(VisitFollowup.matter).where(VisitFollowup.kind == "answer")
    answered = dict(
        VisitMatter.select(Visit.worker, fn.COUNT(VisitMatter.id))
        .join(Visit, on=(VisitMatter.visit == Visit.id))
        .where(Visit.visited_on.between(first, last) & VisitMatter.id.in_(answered_matters))
        .group_by(Visit.worker)
        .tuples()
    )
    from models.schema import Staff

    ids = {code: sid for sid, code in Staff.select(Staff.id, Staff.code).tuples()}
    yes, no = t("visits.yes", lang), t("visits.no", lang)
    rows = tuple(
        (
            month,
            w.worker,
            w.name,
            " ".join(w.areas),
            w.households,
            w.visited,
            w.target,
            w.covered,
            f"{w.coverage}%",
            w.monthly_due,
            w.not_contacted,
            raised.get(ids.get(w.worker), 0),
            answered.get(ids.get(w.worker), 0),
            yes if w.behind else no,
        )
        for w in sorted(view.workers, key=lambda w: w.worker)
    )
    headers = tuple(t(f"visits.column_{c}", lang) for c in _COLUMNS)
    return Sheet(name=f"visits-{month}", headers=headers, rows=rows)


def export_summary(config: Config, progress: Progress, month: str, lang: str = "zh") -> Path:
    return write_sheet(config, summary_sheet(progress, month, lang), "csv")
