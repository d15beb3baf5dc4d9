"""Read-only pictures of the queue, for the board, the kiosk, terminals and ``hall queue``.

Nothing here holds personal data: tickets are numbers, lines and windows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from peewee import fn

from models.schema import Event, Item, Line, Ticket, Window, WindowLine


@dataclass(frozen=True)
class WaitingTicket:
    number: str
    item: str
    item_name: str
    line: str
    priority: bool
    returned: bool
    transferred: bool
    target_window: int | None
    arrival_at: str
    transfer_note: str = ""


@dataclass(frozen=True)
class WindowState:
    number: int
    name: str
    name_en: str
    lines: tuple[str, ...]
    paused: bool
    current: str | None  # the ticket called or being served here
    current_status: str | None


@dataclass(frozen=True)
class LineState:
    code: str
    prefix: str
    name: str
    name_en: str
    waiting: int
    windows: tuple[int, ...]
    open_windows: tuple[int, ...]


@dataclass(frozen=True)
class Call:
    event_id: int
    number: str
    window: int
    recall: bool
    at: str


@dataclass(frozen=True)
class QueueSnapshot:
    lines: tuple[LineState, ...]
    windows: tuple[WindowState, ...]
    recent_calls: tuple[Call, ...]
    waiting: tuple[WaitingTicket, ...] = field(default=())

    def as_dict(self) -> dict:
        return asdict(self)


def waiting_counts() -> dict[int, int]:
    """Waiting tickets per line id."""
    rows = (
        Ticket.select(Ticket.line, fn.COUNT(Ticket.id))
        .where(Ticket.status == "waiting")
        .group_by(Ticket.line)
        .tuples()
    )
    return {line_id: count for line_id, count in rows}


def line_states() -> list[LineState]:
    counts = waiting_counts()
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
    return [
        LineState(
            code=line.code,
            prefix=line.prefix,
            name=line.name,
            name_en=line.name_en,
            waiting=counts.get(line.id, 0),
            windows=tuple(n for n, _ in windows.get(line.id, [])),
            open_windows=tuple(n for n, paused in windows.get(line.id, []) if not paused),
        )
        for line in Line.select().where(~Line.retired).order_by(Line.prefix)
    ]


def window_states() -> list[WindowState]:
    current = {
        window_id: (number, status)
        for window_id, number, status in Ticket.select(Ticket.window, Ticket.number, Ticket.status)
        .where(Ticket.status.in_(("called", "serving")))
        .order_by(Ticket.called_at)
        .tuples()
    }
    lines: dict[int, list[str]] = {}
    for window_id, code in (
        WindowLine.select(WindowLine.window, Line.code).join(Line).where(~WindowLine.retired).tuples()
    ):
        lines.setdefault(window_id, []).append(code)
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
            )
        )
    return states


def recent_calls(limit: int = 8) -> list[Call]:
    rows = (
        Event.select()
        .where(Event.kind.in_(("ticket.called", "ticket.recalled")))
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
        )
        for e in rows
    ]


def waiting_list(window_number: int | None = None) -> list[WaitingTicket]:
    """Waiting tickets in arrival order; for one window, only those it may call."""
    query = Ticket.select(Ticket, Item, Line).join(Item).switch(Ticket).join(Line).where(Ticket.status == "waiting")
    if window_number is not None:
        window = Window.get_or_none(Window.number == window_number)
        if window is None:
            return []
        served = WindowLine.select(WindowLine.line).where((WindowLine.window == window) & ~WindowLine.retired)
        query = query.where(
            Ticket.line.in_(served) & (Ticket.target_window.is_null() | (Ticket.target_window == window))
        )
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
        )
        for t in query.order_by(Ticket.front.desc(), Ticket.arrival_at, Ticket.id)
    ]


def snapshot(*, with_waiting: bool = True, calls: int = 8) -> QueueSnapshot:
    return QueueSnapshot(
        lines=tuple(line_states()),
        windows=tuple(window_states()),
        recent_calls=tuple(recent_calls(calls)),
        waiting=tuple(waiting_list()) if with_waiting else (),
    )
