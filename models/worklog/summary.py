"""A month's summary as a spreadsheet file: meetings and study sessions
against the seed's numbers, each meeting with its attendance, the days each
worker wrote their log, and the calls and letters of the month by channel.

Written with the ledger's export rule (:func:`models.cases.export_files.write_sheet`:
the export folder, a file named after the month and the minute). It holds no
resident's name or phone, and no log text: counts, and meetings' content.
"""

from __future__ import annotations

from pathlib import Path

from models.cases.export_files import Sheet, write_sheet
from models.config import Config
from models.contacts.deadlines import CONTACT_CHANNELS
from models.contacts.listing import month_counts
from models.i18n import t
from models.schema import Staff
from models.worklog.log import WorkLog
from models.worklog.meetings import Meetings
from models.worklog.months import month_days

W = "worklog.summary"


def month_sheet(config: Config, month: str, lang: str = "zh") -> Sheet:
    first, last = month_days(month)
    tally = Meetings(config).month(month)
    names = {s.code: s.name for s in Staff.select(Staff.code, Staff.name)}
    rows: list[tuple] = []
    missed = "、".join(d.isoformat() for d in tally.weeks_without)
    rows.append(
        (
            t(f"{W}.section_meetings", lang),
            month,
            t("worklog.kind_weekly", lang),
            tally.weekly_held,
            tally.weeks * tally.weekly_needed,
            t(f"{W}.weeks_without", lang, weeks=missed) if missed else "",
        )
    )
    rows.append(
        (
            t(f"{W}.section_meetings", lang),
            month,
            t("worklog.kind_study", lang),
            tally.study_held,
            tally.study_needed,
            t(f"{W}.short", lang, count=tally.study_short) if tally.study_short else "",
        )
    )
    for meeting in tally.meetings:
        who = "、".join(names.get(code, code) for code in meeting.attendees)
        rows.append(
            (
                t(f"{W}.section_meeting", lang),
                meeting.held_at,
                t(f"worklog.kind_{meeting.kind}", lang),
                len(meeting.attendees),
                "",
                f"{meeting.content} — {who}",
            )
        )
    for code, days in sorted(WorkLog(config).days_written(month).items()):
        rows.append((t(f"{W}.section_log", lang), month, f"{names.get(code, code)}（{code}）", days, "", ""))
    counts = month_counts(config, first, last)
    for channel in CONTACT_CHANNELS:
        if channel not in counts:
            continue
        tally_of = counts[channel]
        detail = t(f"{W}.contacts_detail", lang, **tally_of)
        rows.append(
            (
                t(f"{W}.section_contacts", lang),
                month,
                t(f"contact.channel_{channel}", lang),
                tally_of["received"],
                "",
                detail,
            )
        )
    headers = tuple(t(f"{W}.col_{name}", lang) for name in ("section", "when", "what", "count", "needed", "detail"))
    return Sheet(name=f"worklog-{month}", headers=headers, rows=tuple(rows))


def export_month(config: Config, month: str, fmt: str = "csv", lang: str = "zh") -> Path:
    """The month's summary as a file in the export folder; its path."""
    return write_sheet(config, month_sheet(config, month, lang), fmt)
