"""Whether tickets can be taken for a line or an item, in words: what a tile or the notice's status line says."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from shared_ui.words import tr

if TYPE_CHECKING:
    from kiosk.queries import Status


SOON_DAYS = 60


def season_date(day: date, today: date | None) -> str:
    """The day a season next opens. Only a date soon ahead this year goes without its year
    (within ``SOON_DAYS``): on 2027-01-08 a bare 「11月15日起办理」 reads as "since last
    November", i.e. open now, so it says 「2027年11月15日起办理」."""
    if today is not None and day.year == today.year and (day - today).days <= SOON_DAYS:
        return tr("time.date_format", month=day.month, day=day.day)
    return tr("kiosk.date_with_year", year=day.year, month=day.month, day=day.day)


def status_text(status: Status) -> tuple[str, str]:
    """(words, tone) for a line's or item's status."""
    if status.kind == "season" and status.opens is not None:
        return tr("kiosk.status_season", date=season_date(status.opens, status.today)), "warn"
    if status.kind == "closed":
        return tr("kiosk.status_closed", count=status.waiting), "warn"
    if status.kind == "paused":
        if status.resumes:
            window, back = status.resumes[0]
            return tr("kiosk.status_paused_until", window=window, time=back), "warn"
        return tr("kiosk.status_paused"), "warn"
    if not status.serving and status.resumes:
        # Every window paused for a short while: tickets are issued, and the resident is told when calling starts.
        window, back = status.resumes[0]
        return tr("kiosk.status_open_paused", window=window, time=back, count=status.waiting), "warn"
    return tr("kiosk.status_open", count=status.waiting), "ok"
