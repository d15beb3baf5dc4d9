"""Read-only pictures of the queue, for the board, the kiosk, terminals and ``hall queue``:
lines, windows, the waiting tickets (in a window's calling order too), the
calls, and the items one may queue for.

Nothing here holds personal data: tickets are numbers, lines and windows.
Every picture is of one service day (``day``, the queue's
:meth:`~models.queue.tickets.Queue.today`): no other day's ticket is shown,
counted or called.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from peewee import JOIN, Case, fn

from models import clock
from models.queue import pauses
from models.schema import Event, Item, Line, Ticket, Window, WindowLine
from models.schema.appointments import BookedTicket

if TYPE_CHECKING:
    from models.queue.tickets import Queue

# What ``hall queue --json`` has always shown of a waiting ticket.
_WAITING_JSON = (
    "number",
    "item",
    "item_name",
    "line",
    "priority",
    "returned",
    "transferred",
    "target_window",
    "arrival_at",
    "transfer_note",
)


@dataclass(frozen=True)
class WaitingTicket:
    """A waiting ticket as the board, ``hall queue`` and a window's terminal list it."""

    number: str
    item: str
    item_name: str
    line: str
    priority: bool
    returned: bool
    transferred: bool
    target_window: int | None
    arrival_at: str  # ISO 8601, UTC ("…Z")
    transfer_note: str = ""
    item_name_en: str = ""
    issued_at: datetime | None = None  # naive UTC

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in _WAITING_JSON}


@dataclass(frozen=True)
class WindowState:
    number: int
    name: str
    name_en: str
    lines: tuple[str, ...]
    paused: bool
    current: str | None  # the ticket called or being served here
    current_status: str | None
    resume_at: datetime | None  # a paused window's expected resume (naive UTC), when the clerk gave one


@dataclass(frozen=True)
class LineState:
    code: str
    prefix: str
    name: str
    name_en: str
    waiting: int
    windows: tuple[int, ...]
    open_windows: tuple[int, ...]
    resumes: tuple[tuple[int, datetime], ...]  # paused windows with their expected resume (naive UTC), soonest first


@dataclass(frozen=True)
class Call:
    event_id: int
    number: str
    window: int
    recall: bool
    at: str
    booked: bool = False  # a booked resident (预约): the board marks the number


@dataclass(frozen=True)
class QueueSnapshot:
    lines: tuple[LineState, ...]
    windows: tuple[WindowState, ...]
    recent_calls: tuple[Call, ...]
    waiting: tuple[WaitingTicket, ...] = field(default=())

    def as_dict(self) -> dict:
        data = asdict(self)
        data["waiting"] = [ticket.as_dict() for ticket in self.waiting]
        return data


def waiting_counts(day: date) -> dict[int, int]:
    """The day's waiting tickets per line id."""
    rows = (
        Ticket.select(Ticket.line, fn.COUNT(Ticket.id))
        .where((Ticket.status == "waiting") & (Ticket.service_day == day))
        .group_by(Ticket.line)
        .tuples()
    )
    return {line_id: count for line_id, count in rows}


def line_states(day: date) -> list[LineState]:
    counts = waiting_counts(day)
    links = (
        WindowLine.select(WindowLine.line, Window.number, Window.paused)
        .join(Window)
        .where(~WindowLine.retired & ~Window.retired)
        .order_by(Window.number)
        .tuples()
    )
    windows: dict[int, list[tuple[int, bool]]] = {}
    for line_id, number, paused in links:
        windows.setdefault(line_id, []).append((number, paused))
    back = pauses.resume_times()
    return [
        LineState(
            code=line.code,
            prefix=line.prefix,
            name=line.name,
            name_en=line.name_en,
            waiting=counts.get(line.id, 0),
            windows=tuple(n for n, _ in windows.get(line.id, [])),
            open_windows=tuple(n for n, paused in windows.get(line.id, []) if not paused),
            resumes=tuple(
                sorted(((n, back[n]) for n, paused in windows.get(line.id, []) if paused and n in back), key=_second)
            ),
        )
        for line in Line.select().where(~Line.retired).order_by(Line.prefix)
    ]


def _second(pair):
    return pair[1]


def window_states(day: date) -> list[WindowState]:
    current = {
        window_id: (number, status)
        for window_id, number, status in Ticket.select(Ticket.window, Ticket.number, Ticket.status)
        .where(Ticket.status.in_(("called", "serving")) & (Ticket.service_day == day))
        .order_by(Ticket.called_at)
        .tuples()
    }
    lines: dict[int, list[str]] = {}
    for window_id, code in (
        WindowLine.select(WindowLine.window, Line.code).join(Line).where(~WindowLine.retired).tuples()
    ):
        lines.setdefault(window_id, []).append(code)
    back = pauses.resume_times()
    states = []
    for window in Window.select().where(~Window.retired).order_by(Window.number):
        number, status = current.get(window.id, (None, None))
        states.append(
            WindowState(
                number=window.number,
                name=window.name,
                name_en=window.name_en,
                lines=tuple(lines.get(window.id, ())),
                paused=window.paused,
                current=number,
                current_status=status,
                resume_at=back.get(window.number) if window.paused else None,
            )
        )
    return states


def recent_calls(day: date, limit: int = 8) -> list[Call]:
    rows = (
        Event.select()
        .join(Ticket, on=(Event.ref == Ticket.id))
        .where(Event.kind.in_(("ticket.called", "ticket.recalled")) & (Ticket.service_day == day))
        .order_by(Event.id.desc())
        .limit(limit)
    )
    return [
        Call(
            event_id=e.id,
            number=e.data.get("number", ""),
            window=e.data.get("window") or 0,
            recall=e.kind == "ticket.recalled",
            at=e.at.isoformat() + "Z",
            booked=bool(e.data.get("booked")),
        )
        for e in rows
    ]


@dataclass(frozen=True)
class MissedTicket:
    """A ticket called today whose resident did not come (过号), newest first in :func:`missed_today`."""

    number: str
    item_name: str
    item_name_en: str
    no_show_at: datetime | None


def missed_today(zone) -> list[MissedTicket]:
    """Today's no-show tickets, the latest missed first: the ones a returning resident may hold."""
    today = clock.service_day(zone)
    rows = (
        Ticket.select(Ticket, Item)
        .join(Item)
        .where((Ticket.status == "no_show") & (Ticket.service_day == today))
        .order_by(Ticket.no_show_at.desc(), Ticket.id.desc())
    )
    return [MissedTicket(t.number, t.item.name, t.item.name_en, t.no_show_at) for t in rows]


def waiting_list(
    day: date, window_number: int | None = None, *, in_calling_order: bool = False, queue: Queue | None = None
) -> list[WaitingTicket]:
    """Waiting tickets, returned residents first, then by arrival; for one window, only those it may call.

    With ``in_calling_order`` (one window, and the hall's ``queue``) they come
    in the order ``queue.call_next`` would call them now, the order of
    ``next_ticket`` in :mod:`models.queue.sql`: returned residents first, then
    booked residents whose slot has come and priority tickets, each first or
    last as its streak rule says, then by arrival. The first is the ticket ``call_next`` takes.
    """
    if in_calling_order and (window_number is None or queue is None):
        raise ValueError("the calling order is one window's: give window_number and queue")
    query = (
        Ticket.select(Ticket, Item, Line)
        .join(Item)
        .switch(Ticket)
        .join(Line)
        .where((Ticket.status == "waiting") & (Ticket.service_day == day))
    )
    by_priority: tuple[Any, ...] = ()
    if window_number is not None:
        window = Window.get_or_none(Window.number == window_number)
        if window is None or (in_calling_order and window.retired):
            return []
        served = WindowLine.select(WindowLine.line).where((WindowLine.window == window) & ~WindowLine.retired)
        query = query.where(
            Ticket.line.in_(served) & (Ticket.target_window.is_null() | (Ticket.target_window == window))
        )
        if in_calling_order and queue is not None:  # both or neither, checked above
            full = queue.priority_streak_full(window.id, day=day)
            due = Case(None, [(BookedTicket.due_at <= clock.now(), 1)], 0)
            by_booked = due.asc() if queue.booked_streak_full(window.id, day=day) else due.desc()
            by_priority = (by_booked, Ticket.priority.asc() if full else Ticket.priority.desc())
            query = query.switch(Ticket).join(BookedTicket, JOIN.LEFT_OUTER, on=(BookedTicket.ticket == Ticket.id))
    targets = {w.id: w.number for w in Window.select(Window.id, Window.number)}
    return [
        WaitingTicket(
            number=t.number,
            item=t.item.code,
            item_name=t.item.name,
            line=t.line.code,
            priority=t.priority,
            returned=t.returned,
            transferred=t.transfers > 0,
            target_window=targets.get(t.target_window_id),
            arrival_at=t.arrival_at.isoformat() + "Z",
            transfer_note=t.transfer_note,
            item_name_en=t.item.name_en,
            issued_at=t.issued_at,
        )
        for t in query.order_by(Ticket.front.desc(), *by_priority, Ticket.arrival_at, Ticket.id)
    ]


@dataclass(frozen=True)
class ItemEntry:
    """A service item in use (neither it nor its line retired), with its line's names."""

    code: str
    name: str
    name_en: str
    line: str
    line_name: str
    line_name_en: str
    kind: str
    promised_days: int
    open_from: str | None  # "MM-DD": a seasonal item's first day
    open_to: str | None
    data: dict  # the catalogue entry: materials, fees, notes …


def item_entries(*, line: str | None = None, item: str | None = None) -> list[ItemEntry]:
    """Items in use, by line prefix and catalogue order; only those of ``line``, or the one ``item``."""
    query = (
        Item.select(
            Item.code,
            Item.name,
            Item.name_en,
            Line.code,
            Line.name,
            Line.name_en,
            Item.kind,
            Item.promised_days,
            Item.open_from,
            Item.open_to,
            Item.data,
        )  # the columns of ItemEntry, in its order
        .join(Line)
        .where(~Item.retired & ~Line.retired)
    )
    if line is not None:
        query = query.where(Line.code == line)
    if item is not None:
        query = query.where(Item.code == item)
    return [
        ItemEntry(
            code, name, name_en, line_code, line_name, line_name_en, kind, days, open_from, open_to, dict(data or {})
        )
        for (
            code,
            name,
            name_en,
            line_code,
            line_name,
            line_name_en,
            kind,
            days,
            open_from,
            open_to,
            data,
        ) in query.order_by(Line.prefix, Item.id).tuples()
    ]


def snapshot(day: date, *, with_waiting: bool = True, calls: int = 8) -> QueueSnapshot:
    return QueueSnapshot(
        lines=tuple(line_states(day)),
        windows=tuple(window_states(day)),
        recent_calls=tuple(recent_calls(day, calls)),
        waiting=tuple(waiting_list(day)) if with_waiting else (),
    )
