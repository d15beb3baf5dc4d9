"""The whereabouts board (社工去向指示牌, seed 000 四 7): where everyone is now.

Every staff member is in one state: 在岗 on_duty, 开会 meeting, 外出 out,
走访 visiting, 休息 resting, 请假 leave, with an optional note and the time
they expect to be back. Each change is a new :class:`WhereaboutsChange` row
(who, from, to, when). States belong to the service day
(:mod:`models.staff.day_state`): the current state is the latest row of
today; with none, the person is 未到岗, or 请假 on a day of approved leave,
or 休息 on a rest day. Only an approved leave running now lets the state be
set to ``leave`` (:mod:`models.staff.leave`).

A state change is one transaction that also re-evaluates the A/B cover of the
person's windows (:mod:`models.staff.cover`). Every change records
``whereabouts.changed``. On PostgreSQL the changed person's row and their
windows' rows are locked (``FOR UPDATE``, in id order) before anything is
read, so two people of one window leaving at the same moment cannot both
think the other stays.

:class:`Whereabouts` is the staff side's one service: states and the board
here, cover from :class:`~models.staff.cover.CoverRules`, leave from
:class:`~models.staff.leave.LeaveBook`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime, time

from models import clock, events
from models.config import Config
from models.db import database, is_postgres
from models.errors import StaffRefused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Line, Staff, StaffPost, Window, WindowLine
from models.schema.whereabouts import STATES, LeaveRequest, WhereaboutsChange
from models.staff.accounts import find_staff
from models.staff.cover import CoverRules, cover_of_windows
from models.staff.day_state import DayStates, Rostered
from models.staff.leave import LeaveBook, LeaveInfo, approved_leave_at
from models.staff.presence import duration_words, find_active_staff, iso, state_label, to_utc


@dataclass(frozen=True)
class StateChange:
    """One change on the board, and what it did to the windows."""

    id: int
    staff: str
    name: str
    from_state: str
    to_state: str
    note: str
    back_at: datetime | None  # naive UTC
    at: datetime  # naive UTC
    set_by: str | None
    leave_id: int | None
    paused: tuple[int, ...] = ()  # windows paused automatically by this change
    resumed: tuple[int, ...] = ()  # windows resumed automatically by this change
    cover_lost: tuple[int, ...] = ()  # windows now with nobody on duty

    def as_dict(self) -> dict:
        data = asdict(self)
        data["back_at"], data["at"] = iso(self.back_at), iso(self.at)
        for key in ("paused", "resumed", "cover_lost"):
            data[key] = list(data[key])
        return data


@dataclass(frozen=True)
class Presence:
    """One person on the board."""

    staff: str
    name: str
    role: str  # staff | leader
    state: str
    note: str
    since: datetime | None  # naive UTC; None: nothing set today
    minutes: int  # in this state so far
    back_at: datetime | None  # naive UTC
    overdue: bool  # back_at has passed and they are not on duty
    overdue_minutes: int
    posts: tuple[tuple[int, str], ...]  # (window number, "A"|"B")
    stand_in: str | None = None  # on leave: who stands in
    post_role: str = ""  # in a line group: "A" or "B" for the windows of that line

    def label(self, language: str = DEFAULT_LANGUAGE) -> str:
        return state_label(self.state, language)

    def for_words(self, language: str = DEFAULT_LANGUAGE) -> str:
        """How long in this state, as people say it ("已2小时16分", "已1天"); "" when never set."""
        return (
            t("whereabouts.for_duration", language, duration=duration_words(self.minutes, language))
            if self.since
            else ""
        )

    def overdue_words(self, language: str = DEFAULT_LANGUAGE) -> str:
        """How long past today's expected return ("超时1小时5分未回"); "" when not overdue."""
        if not self.overdue:
            return ""
        return t("whereabouts.overdue", language, duration=duration_words(self.overdue_minutes, language))

    def as_dict(self, language: str = DEFAULT_LANGUAGE) -> dict:
        data = asdict(self)
        data["since"], data["back_at"] = iso(self.since), iso(self.back_at)
        data["posts"] = [{"window": w, "role": r} for w, r in self.posts]
        data["label"] = self.label(language)
        data["for_words"] = self.for_words(language)
        data["overdue_words"] = self.overdue_words(language)
        return data


@dataclass(frozen=True)
class BoardGroup:
    line: str | None  # line code; None for people with no post
    name: str
    name_en: str
    people: tuple[Presence, ...]

    def as_dict(self, language: str = DEFAULT_LANGUAGE) -> dict:
        return {
            "line": self.line,
            "name": self.name,
            "name_en": self.name_en,
            "people": [p.as_dict(language) for p in self.people],
        }


@dataclass(frozen=True)
class Board:
    at: datetime  # naive UTC
    groups: tuple[BoardGroup, ...]
    overdue: tuple[Presence, ...]  # everyone whose expected return has passed, once each
    people: tuple[Presence, ...]  # everyone active, once each, by code

    def as_dict(self, language: str = DEFAULT_LANGUAGE) -> dict:
        return {
            "at": iso(self.at),
            "groups": [g.as_dict(language) for g in self.groups],
            "overdue": [p.as_dict(language) for p in self.overdue],
            "people": [p.as_dict(language) for p in self.people],
        }


class Whereabouts(CoverRules, LeaveBook):
    def __init__(self, config: Config, rostered: Rostered | None = None):
        """``rostered`` names who is on duty on a day (the duty roster); on a day
        the hall is closed everyone else is resting."""
        self.config = config
        self.days = DayStates(config, rostered)

    # --- states ---------------------------------------------------------------

    def set_state(
        self,
        staff_code: str,
        state: str,
        note: str = "",
        back_at: datetime | None = None,
        *,
        by: str | None = None,
    ) -> StateChange:
        """Put ``staff_code`` in ``state`` (one of :data:`STATES`).

        ``back_at`` is when they expect to be back (aware, or naive UTC);
        ``by`` is who made the change when it is not the person themselves:
        a leader, or it is refused. ``leave`` needs an approved leave
        running now; its end is the default ``back_at``. The A/B cover of
        their windows is re-evaluated in the same transaction.
        """
        if state not in STATES:
            raise StaffRefused("bad_state", state=state, states="、".join(STATES))
        back = to_utc(back_at)
        note = (note or "").strip()
        postgres = is_postgres()
        with database.atomic():
            staff = find_active_staff(staff_code)
            setter = find_active_staff(by) if by else None
            if setter is not None and setter.id != staff.id and setter.role != "leader":
                raise StaffRefused("not_leader", staff=setter.code)  # only a leader sets someone else's state
            if postgres:
                list(Staff.select(Staff.id).where(Staff.id == staff.id).for_update())
            window_ids = _windows_locked(staff.id, postgres)
            now = clock.now()
            leave = None
            if state == "leave":
                leave = approved_leave_at(staff.id, now)
                if leave is None:
                    raise StaffRefused("leave_not_approved", staff=staff.code)
                back = back or leave.ends_at
            if state == "on_duty":
                back = None
            from_state = self.days.states([staff.id], now)[staff.id].state
            covers_before = cover_of_windows(window_ids, self.days)
            row = WhereaboutsChange.create(
                staff=staff.id,
                set_by=setter.id if setter else None,
                leave=leave.id if leave else None,
                from_state=from_state,
                to_state=state,
                note=note,
                back_at=back,
                at=now,
            )
            events.record(
                "whereabouts.changed",
                row.id,
                staff=staff.code,
                from_state=from_state,
                to_state=state,
                note=note,
                back_at=iso(back),
                by=setter.code if setter else None,
            )
            paused, resumed, lost = self._apply_cover(window_ids, covers_before, staff.code)
        return StateChange(
            id=row.id,
            staff=staff.code,
            name=staff.name,
            set_by=setter.code if setter else None,
            leave_id=leave.id if leave else None,
            from_state=from_state,
            to_state=state,
            note=note,
            back_at=back,
            at=now,
            paused=tuple(paused),
            resumed=tuple(resumed),
            cover_lost=tuple(lost),
        )

    def approve_leave(self, request_id: int, leader_code: str, note: str = "") -> LeaveInfo:
        """Approve, and when the leave is already running, the person is on leave
        from now: their windows' cover is re-evaluated in the same transaction."""
        with database.atomic():
            request = LeaveRequest.get_or_none(LeaveRequest.id == request_id)
            now = clock.now()
            running = request is not None and request.starts_at <= now < request.ends_at
            window_ids = _windows_locked(request.staff_id, is_postgres()) if running and request else []
            covers_before = cover_of_windows(window_ids, self.days)
            info = super().approve_leave(request_id, leader_code, note)
            if window_ids:
                self._apply_cover(window_ids, covers_before, info.staff)
        return info

    def state_of(self, staff_code: str) -> Presence:
        return self._presences([find_staff(staff_code)])[0]

    def history(self, staff_code: str | None = None, since: datetime | None = None, limit: int = 200) -> list[dict]:
        """State changes, newest first (who, from, to, when, note, back_at)."""
        query = (
            WhereaboutsChange.select(WhereaboutsChange, Staff)
            .join(Staff, on=(WhereaboutsChange.staff == Staff.id))
            .order_by(WhereaboutsChange.id.desc())
            .limit(limit)
        )
        if staff_code:
            query = query.where(Staff.code == staff_code)
        if since is not None:
            query = query.where(WhereaboutsChange.at >= to_utc(since))
        return [
            {
                "id": row.id,
                "staff": row.staff.code,
                "name": row.staff.name,
                "from_state": row.from_state,
                "to_state": row.to_state,
                "note": row.note,
                "back_at": iso(row.back_at),
                "at": iso(row.at),
            }
            for row in query
        ]

    # --- the board --------------------------------------------------------------

    def board(self) -> Board:
        """Everyone active, grouped by line of work (the lines of their posts' windows)."""
        people = list(Staff.select().where(Staff.active).order_by(Staff.code))
        presences = {p.staff: p for p in self._presences(people)}
        links = (
            StaffPost.select(StaffPost.role, Staff.code, Line.code, Line.name, Line.name_en, Line.prefix)
            .join(Staff, on=(StaffPost.staff == Staff.id))
            .switch(StaffPost)
            .join(Window, on=(StaffPost.window == Window.id))
            .join(WindowLine, on=(WindowLine.window == Window.id))
            .join(Line, on=(WindowLine.line == Line.id))
            .where(Staff.active & ~Window.retired & ~WindowLine.retired & ~Line.retired)
            .tuples()
        )
        lines: dict[str, tuple] = {}
        roles: dict[str, dict[str, str]] = {}
        for role, staff_code, line_code, name, name_en, prefix in links:
            lines[line_code] = (prefix, name, name_en)
            held = roles.setdefault(line_code, {})
            held[staff_code] = "A" if role == "A" or held.get(staff_code) == "A" else "B"
        groups = []
        for line_code in sorted(lines, key=lambda c: (lines[c][0], c)):
            _prefix, name, name_en = lines[line_code]
            held = roles[line_code]
            members = sorted(held, key=lambda code: (held[code], code))
            groups.append(
                BoardGroup(
                    line_code,
                    name,
                    name_en,
                    tuple(_with_role(presences[code], held[code]) for code in members if code in presences),
                )
            )
        placed = {code for held in roles.values() for code in held}
        rest = tuple(p for code, p in presences.items() if code not in placed)
        if rest:
            groups.append(BoardGroup(None, t("whereabouts.no_line", "zh"), t("whereabouts.no_line", "en"), rest))
        everyone = tuple(presences.values())
        return Board(
            at=clock.now(),
            groups=tuple(groups),
            overdue=tuple(p for p in everyone if p.overdue),
            people=everyone,
        )

    def _presences(self, people: list[Staff]) -> list[Presence]:
        if not people:
            return []
        ids = [s.id for s in people]
        posts: dict[int, list] = {}
        for staff_id, number, role in (
            StaffPost.select(StaffPost.staff, Window.number, StaffPost.role)
            .join(Window)
            .where(StaffPost.staff.in_(ids) & ~Window.retired)
            .order_by(Window.number)
            .tuples()
        ):
            posts.setdefault(staff_id, []).append((number, role))
        now = clock.now()
        states = self.days.states(ids, now)
        out = []
        for staff in people:
            day = states[staff.id]
            out.append(
                Presence(
                    staff=staff.code,
                    name=staff.name,
                    role=staff.role,
                    state=day.state,
                    note=day.note,
                    since=day.since,
                    minutes=max(0, int((now - day.since).total_seconds() // 60)) if day.since else 0,
                    back_at=day.back_at,
                    overdue=day.overdue_by is not None,
                    overdue_minutes=int(day.overdue_by.total_seconds() // 60) if day.overdue_by is not None else 0,
                    posts=tuple(posts.get(staff.id, ())),
                    stand_in=day.stand_in,
                )
            )
        return out

    def back_at_today(self, hhmm: str) -> datetime:
        """ "HH:MM" today in the hall's zone, as naive UTC (for ``back_at``)."""
        try:
            hour, minute = (int(x) for x in hhmm.strip().split(":"))
            wall = time(hour, minute)
        except ValueError:
            raise StaffRefused("bad_time", text=hhmm) from None
        today = clock.service_day(self.config.zone)
        return clock.to_utc(datetime.combine(today, wall, self.config.zone))


def _windows_locked(staff_id: int, postgres: bool) -> list[int]:
    """The ids of a person's windows, locked in id order on PostgreSQL."""
    window_ids = [
        wid
        for (wid,) in StaffPost.select(StaffPost.window)
        .join(Window)
        .where((StaffPost.staff == staff_id) & ~Window.retired)
        .order_by(StaffPost.window)
        .tuples()
    ]
    if postgres and window_ids:
        list(Window.select(Window.id).where(Window.id.in_(window_ids)).order_by(Window.id).for_update())
    return window_ids


def _with_role(presence: Presence, role: str) -> Presence:
    return replace(presence, post_role=role)
