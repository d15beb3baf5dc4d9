"""Whether tickets can be taken for a line or an item, in words: what a tile or the notice's status line says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from shared_ui.words import tr

if TYPE_CHECKING:
    from kiosk.queries import Status


def status_text(status: Status) -> tuple[str, str]:
    """(words, tone) for a line's or item's status."""
    if status.kind == "season":
        month, day = status.opens
        return tr("kiosk.status_season", date=tr("time.date_format", month=month, day=day)), "warn"
    if status.kind == "closed":
        return tr("kiosk.status_closed", count=status.waiting), "warn"
    if status.kind == "paused":
        return tr("kiosk.status_paused"), "warn"
    return tr("kiosk.status_open", count=status.waiting), "ok"
