"""What the staff screens ask ``models/``: plain answers gathered for a screen.

Every function here touches the database, so it runs inside a thread worker
(asked through :meth:`staff_tui.asking.Asking.ask`). Rules stay in ``models/`` (calling
order: :mod:`models.queue.view`; scopes: :mod:`models.staff.signin`; cases:
:mod:`models.cases`, :mod:`models.cases.ledger`, :mod:`models.cases.notices`); this
module only reads and gathers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from models import clock
from models.queue.view import (
    ItemEntry,
    WaitingTicket,
    WindowState,
    item_entries,
    line_states,
    waiting_list,
    window_states,
)
from models.schema import Event, Item, Line, Staff, StaffPost, Ticket, Window, WindowLine
from shared_ui.live import RECONNECTED


@dataclass(frozen=True)
class Serving:
    """The ticket called or being served at a window."""

    number: str
    status: str  # called | serving
    item: str
    item_name: str
    item_name_en: str
    line_name: str
    line_name_en: str
    priority: bool
    returned: bool
    transfers: int
    transfer_note: str
    from_window: int | None
    first_responder: str
    issued_at: datetime
    called_at: datetime | None
    recalls: int


@dataclass(frozen=True)
class WindowRow(WindowState):
    waiting: int  # tickets waiting in the lines this window serves


@dataclass(frozen=True)
class QueuePicture:
    window: WindowRow | None
    serving: Serving | None
    also_active: tuple[str, ...]
    waiting: tuple[WaitingTicket, ...]  # in calling order
    windows: tuple[WindowRow, ...]
    now: datetime


def _serving(window_number: int, day: date) -> tuple[Serving | None, tuple[str, ...]]:
    rows = list(
        Ticket.select(Ticket, Item, Line)
        .join(Item)
        .switch(Ticket)
        .join(Line)
        .switch(Ticket)
        .join(Window, on=(Ticket.window == Window.id))
        .where(
            (Window.number == window_number) & Ticket.status.in_(("called", "serving")) & (Ticket.service_day == day)
        )
        .order_by(Ticket.called_at.desc(), Ticket.id.desc())
    )
    if not rows:
        return None, ()
    ticket = rows[0]
    from_window = None
    if ticket.transfers:
        event = (
            Event.select()
            .where((Event.ref == ticket.id) & (Event.kind == "ticket.transferred"))
            .order_by(Event.id.desc())
            .first()
        )
        if event is not None:
            from_window = (event.data or {}).get("from_window")
    responder = ""
    if ticket.first_responder_id:
        person = Staff.get_or_none(Staff.id == ticket.first_responder_id)
        responder = f"{person.name}({person.code})" if person else ""
    serving = Serving(
        number=ticket.number,
        status=ticket.status,
        item=ticket.item.code,
        item_name=ticket.item.name,
        item_name_en=ticket.item.name_en,
        # The item's own line (a ticket transferred to another line keeps its item's).
        line_name=ticket.item.line.name,
        line_name_en=ticket.item.line.name_en,
        priority=ticket.priority,
        returned=ticket.returned,
        transfers=ticket.transfers,
        transfer_note=ticket.transfer_note,
        from_window=from_window,
        first_responder=responder,
        issued_at=ticket.issued_at,
        called_at=ticket.called_at,
        recalls=ticket.recalls,
    )
    return serving, tuple(t.number for t in rows[1:])


def window_rows(day: date) -> list[WindowRow]:
    lines = line_states(day)
    return [
        WindowRow(**vars(state), waiting=sum(line.waiting for line in lines if state.number in line.windows))
        for state in window_states(day)
    ]


def queue_picture(hall, window_number: int) -> QueuePicture:
    day = hall.queue.today()
    windows = window_rows(day)
    mine = next((w for w in windows if w.number == window_number), None)
    serving, also = _serving(window_number, day)
    return QueuePicture(
        window=mine,
        serving=serving,
        also_active=also,
        waiting=tuple(waiting_list(day, window_number, in_calling_order=True, queue=hall.queue)),
        windows=tuple(windows),
        now=clock.now(),
    )


@dataclass(frozen=True)
class ItemChoice(ItemEntry):
    materials: tuple[dict, ...] = field(default_factory=tuple)


def item_choices() -> list[ItemChoice]:
    return [ItemChoice(**vars(entry), materials=tuple(entry.data.get("materials") or ())) for entry in item_entries()]


@dataclass(frozen=True)
class Target:
    kind: str  # line | window
    value: str  # line code or window number
    name: str
    name_en: str
    paused: bool = False


def transfer_targets(window_number: int) -> list[Target]:
    """Lines and windows a resident may be sent to from ``window_number``: not its own
    lines (the resident is already in them) nor itself."""
    own = (
        WindowLine.select(WindowLine.line)
        .join(Window, on=(WindowLine.window == Window.id))
        .where((Window.number == window_number) & ~WindowLine.retired)
    )
    targets = [
        Target("line", line.code, f"{line.prefix} {line.name}", f"{line.prefix} {line.name_en}")
        for line in Line.select().where(~Line.retired & Line.id.not_in(own)).order_by(Line.prefix)
    ]
    targets += [
        Target("window", str(w.number), w.name, w.name_en, w.paused)
        for w in Window.select().where(~Window.retired & (Window.number != window_number)).order_by(Window.number)
    ]
    return targets


@dataclass(frozen=True)
class Person:
    code: str
    name: str
    role: str
    windows: tuple[int, ...]


def people() -> list[Person]:
    posts: dict[int, list[int]] = {}
    for staff_id, number in (
        StaffPost.select(StaffPost.staff, Window.number).join(Window).order_by(Window.number).tuples()
    ):
        posts.setdefault(staff_id, []).append(number)
    return [
        Person(s.code, s.name, s.role, tuple(posts.get(s.id, ())))
        for s in Staff.select().where(Staff.active).order_by(Staff.code)
    ]


@dataclass(frozen=True)
class CaseView:
    detail: dict
    notices: tuple[str, ...]  # notice kinds that apply now
    names: dict  # staff code → name
    days_left: int | None


def case_view(hall, number: str) -> CaseView:
    """One case as the detail screen shows it (models.cases.ledger.detail and the notices that apply)."""
    from models.cases.ledger import days_left
    from models.cases.notices import applicable_notices

    cases, config = hall.cases, hall.config
    detail = cases.detail(number)
    today = cases.today()
    return CaseView(
        detail=detail,
        notices=applicable_notices(cases.get(number)),
        names={s.code: s.name for s in Staff.select(Staff.code, Staff.name)},
        days_left=days_left(config, detail["state"], detail.get("due_date"), today),
    )


# Events after which the A/B cover of this terminal's windows may have moved.
COVER_KINDS = frozenset({"whereabouts.changed", "cover.changed", "cover.lost", RECONNECTED})


@dataclass(frozen=True)
class CoverView:
    windows: tuple[int, ...]  # the windows whose queue this terminal gets
    as_b: tuple[int, ...]  # of those, the ones it covers as B (B 代岗)


def cover_view(hall, code: str) -> CoverView:
    """The windows whose queue this terminal gets
    (:meth:`~models.staff.whereabouts.Whereabouts.windows_for_terminal`), and which of them are B posts."""
    where = hall.whereabouts
    windows = tuple(where.windows_for_terminal(code))
    as_b = tuple(
        c.window for c in where.window_cover() if c.window in windows and c.cover == "B" and code in c.covered_by
    )
    return CoverView(windows, as_b)
