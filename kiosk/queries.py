"""What the kiosk asks ``models/``: plain answers for the screens.

Every function here touches the database, so it runs inside a thread worker
(within ``hall.db.connection_context()``). The rules (seasons, paused
windows, issuing hours) are the models'; this module only gathers their
answers into what a screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models import clock
from models.queue.pauses import carrying_resumes
from models.queue.view import ItemEntry, LineState, item_entries, line_states
from models.schema import Item, Line


@dataclass(frozen=True)
class Status:
    """Whether tickets can be taken for an item or line, and why not."""

    kind: str  # "open" | "season" | "closed" | "paused"
    waiting: int = 0
    opens: date | None = None  # the day the season opens, for "season"
    today: date | None = None  # the service day: a date far ahead is said with its year
    resumes: tuple[tuple[int, str], ...] = ()  # paused windows and their expected resume (local HH:MM)
    serving: bool = True  # a window of the line is serving now (else tickets come from a short pause)

    @property
    def can_take(self) -> bool:
        return self.kind == "open"


@dataclass(frozen=True)
class LineInfo(LineState):
    items: int  # items residents may take a ticket for
    status: Status


@dataclass(frozen=True)
class ItemInfo(ItemEntry):
    windows: tuple[int, ...]
    status: Status


def _status(hall, line: LineState, open_from=None, open_to=None) -> Status:
    zone = hall.config.zone
    carried = not line.open_windows and bool(
        carrying_resumes(hall.queue.calendar, [at for _number, at in line.resumes])
    )
    state, opens = hall.queue.issuing_state(open_from, open_to, bool(line.open_windows) or carried)
    resumes = tuple((number, clock.reading(at, zone, "%H:%M")) for number, at in line.resumes)
    return Status(state, line.waiting, opens, clock.service_day(zone), resumes, bool(line.open_windows))


def lines(hall) -> list[LineInfo]:
    """Lines of work that have items for residents, with waiting counts."""
    counts: dict[int, int] = {}
    for line_id in Item.select(Item.line).where(~Item.retired).tuples():
        counts[line_id[0]] = counts.get(line_id[0], 0) + 1
    ids = {line.code: line.id for line in Line.select(Line.id, Line.code)}
    result = []
    for state in line_states(hall.queue.today()):
        items = counts.get(ids.get(state.code), 0)
        if not items:
            continue
        result.append(LineInfo(**vars(state), items=items, status=_status(hall, state)))
    return result


def items(hall, line_code: str) -> tuple[LineInfo | None, list[ItemInfo]]:
    """One line and its items, each with whether a ticket can be taken now."""
    line = _line(hall, line_code)
    if line is None:
        return None, []
    return line, [_item_info(hall, entry, line) for entry in item_entries(line=line_code)]


def item(hall, item_code: str) -> ItemInfo | None:
    entry = next(iter(item_entries(item=item_code)), None)
    line = _line(hall, entry.line) if entry is not None else None
    return _item_info(hall, entry, line) if line is not None else None


def _line(hall, line_code: str) -> LineInfo | None:
    return next((info for info in lines(hall) if info.code == line_code), None)


def _item_info(hall, entry: ItemEntry, line: LineInfo) -> ItemInfo:
    status = _status(hall, line, entry.open_from, entry.open_to)
    return ItemInfo(**vars(entry), windows=line.windows, status=status)


def materials(item_code: str) -> list[dict]:
    row = Item.get_or_none(Item.code == item_code)
    return list((row.data or {}).get("materials", [])) if row else []


def _infos(hall, entries) -> list[ItemInfo]:
    lines_by_code = {info.code: info for info in lines(hall)}
    return [_item_info(hall, entry, lines_by_code[entry.line]) for entry in entries if entry.line in lines_by_code]


def popular(hall) -> list[ItemInfo]:
    """常办事项: the items most taken over the last 30 days."""
    from models.queue.finding import most_taken

    return _infos(hall, most_taken(hall.queue.today()))


def first_characters(hall, language: str) -> list[tuple[str, int]]:
    from models.queue.finding import first_characters as heads

    return heads(language)


def starting_with(hall, head: str, language: str) -> list[ItemInfo]:
    from models.queue.finding import starting_with as found

    return _infos(hall, found(head, language))
