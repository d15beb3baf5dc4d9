"""The leader's supervisor view (现场督导): every window and line at once, and
what needs a leader now.

:meth:`Supervisor.view` is a read model of the service day: each window with
who is on duty at it (its A/B cover, :mod:`models.staff.cover`), the ticket it
is calling or serving, by whom and for how long, and how many it could call;
each line with its waiting residents, the longest wait and the line's wait
standard (``[standards]`` in the config). Its alarms:

- ``wait_over``: a line's longest wait has passed its standard;
- ``idle``: a window open and calling nobody while people wait for it;
- ``nobody_in``: people wait for a window and nobody is on duty at it;
- ``priority_paused``: a priority resident has waited
  ``standards.priority_paused_minutes`` or more for windows that are all
  paused, so nobody can call them.

Only a leader may look, pause or resume a window from here, or reassign a
line's waiting residents (:meth:`Supervisor.reassign`): each keeps its number
and its place in line, as a transfer at the counter does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from peewee import JOIN

from models import clock, events
from models.config import Config
from models.db import database
from models.errors import NotFound, Refused
from models.schema import Line, Staff, Ticket, Window, WindowLine
from models.staff.accounts import find_staff
from models.staff.cover import cover_of_windows
from models.staff.day_state import DayStates

if TYPE_CHECKING:
    from models.queue.tickets import Queue

OPEN_STATES = ("waiting", "called", "serving")


@dataclass(frozen=True)
class WindowWatch:
    number: int
    name: str
    name_en: str
    lines: tuple[str, ...]  # line codes it serves
    paused: bool
    on_duty: tuple[str, ...]  # names of those on duty at its posts (who covers it)
    cover: str | None  # "A", "B", or None: nobody on duty
    current: str | None  # the ticket called or served here
    current_status: str | None
    served_by: str  # the name of whoever called it
    current_minutes: int | None  # since it was called (or since service began)
    waiting: int  # tickets this window may call
    alarms: tuple[str, ...]


@dataclass(frozen=True)
class LineWatch:
    code: str
    prefix: str
    name: str
    name_en: str
    waiting: int
    longest_minutes: int
    standard_minutes: int
    windows: tuple[int, ...]
    open_windows: tuple[int, ...]

    @property
    def over(self) -> bool:
        return self.waiting > 0 and self.longest_minutes > self.standard_minutes


@dataclass(frozen=True)
class Alarm:
    kind: str  # wait_over | idle | nobody_in | priority_paused
    window: int | None = None
    line: str | None = None
    number: str | None = None
    minutes: int = 0
    waiting: int = 0


@dataclass(frozen=True)
class Supervision:
    windows: tuple[WindowWatch, ...]
    lines: tuple[LineWatch, ...]
    alarms: tuple[Alarm, ...]
    at: datetime  # naive UTC


def _minutes(since: datetime | None, now: datetime) -> int:
    return max(0, int((now - since).total_seconds() // 60)) if since else 0


class Supervisor:
    def __init__(self, config: Config, queue: Queue, days: DayStates):
        self.config = config
        self.queue = queue
        self.days = days

    def _leader(self, code: str) -> Staff:
        staff = find_staff(code, active_or=Refused)
        if staff.role != "leader":
            raise Refused("supervise_leader_only", staff=staff.code)
        return staff

    # --- the view ------------------------------------------------------------------

    def view(self, leader_code: str) -> Supervision:
        """The hall now, for a leader; refuses anyone else."""
        self._leader(leader_code)
        now, day = clock.now(), self.queue.today()
        standards = self.config.standards
        windows = list(Window.select().where(~Window.retired).order_by(Window.number))
        lines = list(Line.select().where(~Line.retired).order_by(Line.prefix))
        links = list(WindowLine.select(WindowLine.window, WindowLine.line).where(~WindowLine.retired).tuples())
        # The day's open tickets in one round, with the name of whoever called each.
        tickets = list(
            Ticket.select(
                Ticket.number,
                Ticket.status,
                Ticket.line,
                Ticket.window,
                Ticket.target_window,
                Ticket.priority,
                Ticket.arrival_at,
                Ticket.called_at,
                Ticket.started_at,
                Staff.name,
            )
            .join(Staff, on=(Ticket.called_by == Staff.id), join_type=JOIN.LEFT_OUTER)
            .where((Ticket.service_day == day) & Ticket.status.in_(OPEN_STATES))
            .order_by(Ticket.arrival_at, Ticket.id)
            .tuples()
        )
        covers = cover_of_windows([w.id for w in windows], self.days)

        lines_of: dict[int, set[int]] = {}
        windows_of: dict[int, list[int]] = {}
        for window_id, line_id in links:
            lines_of.setdefault(window_id, set()).add(line_id)
            windows_of.setdefault(line_id, []).append(window_id)
        by_id = {w.id: w for w in windows}
        code_of = {line.id: line.code for line in lines}
        waiting = [t for t in tickets if t[1] == "waiting"]

        def may_call(window_id: int, line_id: int, target: int | None) -> bool:
            return line_id in lines_of.get(window_id, ()) and target in (None, window_id)

        alarms: list[Alarm] = []
        watches = []
        for window in windows:
            current = next((t for t in reversed(tickets) if t[1] != "waiting" and t[3] == window.id), None)
            count = sum(1 for t in waiting if may_call(window.id, t[2], t[4]))
            cover = covers.get(window.id)
            on_duty = tuple(h.name for h in (*cover.a, *cover.b) if h.state == "on_duty") if cover else ()
            serving_here = bool(current and current[9])
            marks = []
            if count and not on_duty and not serving_here:
                marks.append("nobody_in")
                alarms.append(Alarm("nobody_in", window=window.number, waiting=count))
            elif count and current is None and not window.paused:
                marks.append("idle")
                alarms.append(Alarm("idle", window=window.number, waiting=count))
            watches.append(
                WindowWatch(
                    number=window.number,
                    name=window.name,
                    name_en=window.name_en,
                    lines=tuple(sorted(code_of[i] for i in lines_of.get(window.id, ()) if i in code_of)),
                    paused=window.paused,
                    on_duty=on_duty,
                    cover=cover.cover if cover else None,
                    current=current[0] if current else None,
                    current_status=current[1] if current else None,
                    served_by=(current[9] or "") if current else "",
                    current_minutes=_minutes(current[8] or current[7], now) if current else None,
                    waiting=count,
                    alarms=tuple(marks),
                )
            )

        line_watches = []
        for line in lines:
            mine = [t for t in waiting if t[2] == line.id]
            served = [by_id[i] for i in windows_of.get(line.id, ()) if i in by_id]
            watch = LineWatch(
                code=line.code,
                prefix=line.prefix,
                name=line.name,
                name_en=line.name_en,
                waiting=len(mine),
                longest_minutes=_minutes(mine[0][6], now) if mine else 0,
                standard_minutes=standards.wait_standard(line.code),
                windows=tuple(sorted(w.number for w in served)),
                open_windows=tuple(sorted(w.number for w in served if not w.paused)),
            )
            line_watches.append(watch)
            if watch.over:
                alarms.append(
                    Alarm(
                        "wait_over", line=line.code, number=mine[0][0], minutes=watch.longest_minutes, waiting=len(mine)
                    )
                )
            for t in mine:
                callers = [w for w in served if may_call(w.id, line.id, t[4])]
                minutes = _minutes(t[6], now)
                if t[5] and callers and all(w.paused for w in callers) and minutes >= standards.priority_paused_minutes:
                    first = min(w.number for w in callers)
                    alarms.append(Alarm("priority_paused", window=first, line=line.code, number=t[0], minutes=minutes))
        order = {"priority_paused": 0, "nobody_in": 1, "wait_over": 2, "idle": 3}
        alarms.sort(key=lambda a: (order[a.kind], -a.minutes, a.window or 0))
        return Supervision(tuple(watches), tuple(line_watches), tuple(alarms), now)

    # --- the actions -----------------------------------------------------------------

    def pause(self, leader_code: str, window: int, reason: str = "") -> None:
        self._leader(leader_code)
        self.queue.pause(window, leader_code, reason)

    def resume(self, leader_code: str, window: int) -> None:
        self._leader(leader_code)
        self.queue.resume(window, leader_code)

    def reassign(
        self,
        leader_code: str,
        from_line: str,
        *,
        to_line: str | None = None,
        to_window: int | None = None,
        note: str = "",
    ) -> list[str]:
        """Move every ticket waiting for ``from_line`` to another line or window.

        The transfer rules of the counter apply (:meth:`Queue.transfer`): each
        ticket keeps its number and arrival, a window that does not serve the
        line takes it into its own first line, and it must go somewhere else.
        Returns the numbers moved, in their order in line.
        """
        leader = self._leader(leader_code)
        with database.atomic():
            source = Line.get_or_none(Line.code == from_line)
            if source is None:
                raise NotFound("unknown_line", line=from_line)
            target = self.queue._window(to_window) if to_window is not None else None
            moving = list(
                Ticket.select()
                .where(
                    (Ticket.service_day == self.queue.today())
                    & (Ticket.status == "waiting")
                    & (Ticket.line == source.id)
                )
                .order_by(Ticket.arrival_at, Ticket.id)
            )
            if not moving:
                raise Refused("reassign_nobody", line=from_line)
            moved = []
            for ticket in moving:
                line = self.queue._transfer_line(ticket, to_line, target)
                if target is None and line.id == ticket.line_id:
                    raise Refused("reassign_same", line=from_line)
                if target is not None and ticket.target_window_id == target.id and line.id == ticket.line_id:
                    continue  # already waiting for that window
                Ticket.update(
                    line=line, target_window=target, transfers=ticket.transfers + 1, transfer_note=note
                ).where(Ticket.id == ticket.id).execute()
                events.record(
                    "ticket.transferred",
                    ticket.id,
                    number=ticket.number,
                    window=None,
                    from_window=None,
                    from_line=from_line,
                    to_line=line.code,
                    to_window=target.number if target else None,
                    note=note,
                    staff=leader.code,
                    reassigned=True,
                )
                moved.append(ticket.number)
            if not moved:
                raise Refused("reassign_nobody", line=from_line)
        return moved
