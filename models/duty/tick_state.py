"""Which checklist ticks still stand: a tick taken back (:class:`~models.schema.duty.ChecklistUndo`)
no longer counts, and an item reads as its latest tick unless that one was taken back."""

from __future__ import annotations

from datetime import date

from models.schema.duty import ChecklistTick, ChecklistUndo


def undos_of(day: date, checklist: str | None = None) -> dict[int, ChecklistUndo]:
    """The day's undos by the id of the tick each takes back."""
    query = ChecklistUndo.select().where(ChecklistUndo.day == day)
    if checklist is not None:
        query = query.where(ChecklistUndo.checklist == checklist)
    return {row.tick_id: row for row in query}


def standing_ticks(day: date) -> dict[tuple[str, int], ChecklistTick]:
    """The latest tick of each item of the day's checklists, by (checklist, index),
    leaving out the items whose latest tick was taken back."""
    undone = undos_of(day)
    latest: dict[tuple[str, int], ChecklistTick] = {}
    for tick in ChecklistTick.select().where(ChecklistTick.day == day).order_by(ChecklistTick.id):
        latest[(tick.checklist, tick.item_index)] = tick
    return {key: tick for key, tick in latest.items() if tick.id not in undone}
