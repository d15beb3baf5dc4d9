"""Finding an item without knowing its line: the most-taken items (常办事项) and
the first characters of item names (按名称首字查找).

Most taken: tickets issued for each item over the last ``days`` service days
(today included), most first, ties by the catalogue's order; retired items and
lines never show. First characters: of the Chinese name in Chinese, of the
English name (upper case) in English, as residents read the tile.
"""

from __future__ import annotations

from datetime import date, timedelta

from peewee import fn

from models.queue.view import ItemEntry, item_entries
from models.schema import Item, Ticket

POPULAR_DAYS = 30


def most_taken(day: date, *, days: int = POPULAR_DAYS, limit: int = 6) -> list[ItemEntry]:
    """The items residents took most tickets for in the ``days`` days up to ``day``."""
    since = day - timedelta(days=days - 1)
    counts = dict(
        Ticket.select(Ticket.item, fn.COUNT(Ticket.id))
        .where((Ticket.service_day >= since) & (Ticket.service_day <= day))
        .group_by(Ticket.item)
        .tuples()
    )
    if not counts:
        return []
    code_of = dict(Item.select(Item.id, Item.code).where(Item.id.in_(list(counts))).tuples())
    taken = {code_of[item_id]: count for item_id, count in counts.items() if item_id in code_of}
    entries = [entry for entry in item_entries() if entry.code in taken]
    order = {entry.code: index for index, entry in enumerate(entries)}
    entries.sort(key=lambda entry: (-taken[entry.code], order[entry.code]))
    return entries[:limit]


def first_character(entry: ItemEntry, language: str) -> str:
    name = entry.name_en if language == "en" and entry.name_en else entry.name
    name = name.strip()
    return name[:1].upper() if name else ""


def first_characters(language: str) -> list[tuple[str, int]]:
    """Each first character of the items' names with how many items start with it, in the catalogue's order."""
    counts: dict[str, int] = {}
    for entry in item_entries():
        head = first_character(entry, language)
        if head:
            counts[head] = counts.get(head, 0) + 1
    if language == "en":
        return sorted(counts.items())
    return list(counts.items())


def starting_with(head: str, language: str) -> list[ItemEntry]:
    return [entry for entry in item_entries() if first_character(entry, language) == head]
