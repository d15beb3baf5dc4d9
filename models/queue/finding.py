"""Finding an item without knowing its line: the most-taken items (常办事项) and
the first characters of item names (按名称首字查找).

Most taken: tickets issued for each item over the last ``days`` service days
(today included), most first, ties by the catalogue's order; retired items and
lines never show. First characters: of the Chinese name in Chinese, of the
English name (upper case) in English, as residents read the tile. Chinese
first characters come in the order of their pinyin (as a dictionary lists
them), each with its initial letter, so a resident who knows the sound finds
it by the letter and one who does not reads along a short row; a character
that starts one item only names that item, so the kiosk can open it at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

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


@dataclass(frozen=True)
class Head:
    """A first character: ``letter`` its pinyin initial (the letter itself in English),
    ``count`` the items starting with it, ``only`` the item's code when there is one."""

    head: str
    letter: str
    count: int
    only: str = ""


@cache
def _pinyin(character: str) -> str:
    """The character's most common reading, tone marks off (``"cheng"``); a non-Chinese character itself."""
    from pypinyin import Style, lazy_pinyin

    reading = lazy_pinyin(character, style=Style.NORMAL, errors="default")
    return (reading[0] if reading else character).lower()


def first_characters(language: str) -> list[Head]:
    """Each first character of the items' names, with how many items start with it: in
    English by letter, in Chinese by pinyin (then the character, for the same sound)."""
    found: dict[str, list[str]] = {}
    for entry in item_entries():
        head = first_character(entry, language)
        if head:
            found.setdefault(head, []).append(entry.code)
    heads = []
    for head, codes in found.items():
        letter = head if language == "en" else _pinyin(head)[:1].upper()
        heads.append(Head(head, letter, len(codes), codes[0] if len(codes) == 1 else ""))
    if language == "en":
        return sorted(heads, key=lambda h: h.head)
    return sorted(heads, key=lambda h: (_pinyin(h.head), h.head))


def starting_with(head: str, language: str) -> list[ItemEntry]:
    return [entry for entry in item_entries() if first_character(entry, language) == head]
