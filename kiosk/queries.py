"""What the kiosk asks ``models/``: plain answers for the screens.

Every function here touches the database, so it runs inside a thread worker
(within ``hall.db.connection_context()``). The rules (seasons, paused
windows, issuing hours) are the models'; this module only gathers their
answers into what a screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import clock
from models.calendar import in_season, next_season_start
from models.queue_view import line_states
from models.schema import Item, Line


@dataclass(frozen=True)
class Status:
    """Whether tickets can be taken for an item or line, and why not."""

    kind: str  # "open" | "season" | "closed" | "paused"
    waiting: int = 0
    opens: tuple[int, int] | None = None  # (month, day) for "season"

    @property
    def can_take(self) -> bool:
        return self.kind == "open"


@dataclass(frozen=True)
class LineInfo:
    code: str
    prefix: str
    name: str
    name_en: str
    waiting: int
    windows: tuple[int, ...]
    open_windows: tuple[int, ...]
    items: int
    status: Status


@dataclass(frozen=True)
class ItemInfo:
    code: str
    name: str
    name_en: str
    line: str
    line_name: str
    line_name_en: str
    kind: str
    promised_days: int
    windows: tuple[int, ...]
    status: Status
    data: dict = field(default_factory=dict)


def _status(hall, open_windows, waiting: int, open_from=None, open_to=None) -> Status:
    today = clock.service_day(hall.config.zone)
    if not in_season(today, open_from, open_to):
        opens = next_season_start(today, open_from)
        return Status("season", waiting, (opens.month, opens.day))
    if not hall.calendar.issuing_now():
        return Status("closed", waiting)
    if not open_windows:
        return Status("paused", waiting)
    return Status("open", waiting)


def lines(hall) -> list[LineInfo]:
    """Lines of work that have items for residents, with waiting counts."""
    counts: dict[int, int] = {}
    for line_id in Item.select(Item.line).where(~Item.retired).tuples():
        counts[line_id[0]] = counts.get(line_id[0], 0) + 1
    ids = {line.code: line.id for line in Line.select(Line.id, Line.code)}
    result = []
    for state in line_states():
        items = counts.get(ids.get(state.code), 0)
        if not items:
            continue
        result.append(
            LineInfo(
                code=state.code,
                prefix=state.prefix,
                name=state.name,
                name_en=state.name_en,
                waiting=state.waiting,
                windows=state.windows,
                open_windows=state.open_windows,
                items=items,
                status=_status(hall, state.open_windows, state.waiting),
            )
        )
    return result


def items(hall, line_code: str) -> tuple[LineInfo | None, list[ItemInfo]]:
    """One line and its items, each with whether a ticket can be taken now."""
    line = next((info for info in lines(hall) if info.code == line_code), None)
    if line is None:
        return None, []
    rows = (
        Item.select()
        .join(Line)
        .where((Line.code == line_code) & ~Item.retired)
        .order_by(Item.id)
    )
    return line, [_item_info(hall, item, line) for item in rows]


def _item_info(hall, item: Item, line: LineInfo) -> ItemInfo:
    return ItemInfo(
        code=item.code,
        name=item.name,
        name_en=item.name_en,
        line=line.code,
        line_name=line.name,
        line_name_en=line.name_en,
        kind=item.kind,
        promised_days=item.promised_days,
        windows=line.windows,
        status=_status(hall, line.open_windows, line.waiting, item.open_from, item.open_to),
        data=dict(item.data or {}),
    )


def item(hall, item_code: str) -> ItemInfo | None:
    row = Item.get_or_none((Item.code == item_code) & ~Item.retired)
    if row is None:
        return None
    line = next((info for info in lines(hall) if info.code == row.line.code), None)
    if line is None:
        return None
    return _item_info(hall, row, line)


def materials(item_code: str) -> list[dict]:
    row = Item.get_or_none(Item.code == item_code)
    return list((row.data or {}).get("materials", [])) if row else []
