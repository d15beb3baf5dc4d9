"""The whereabouts board (社工去向指示牌, seed 000 四 7), leave, and A/B cover (AB岗).

Every staff member is in one state: 在岗 on_duty, 开会 meeting, 外出 out,
走访 visiting, 休息 resting, 请假 leave, with an optional note and the time
they expect to be back. Each change is a new :class:`WhereaboutsChange` row
(who, from, to, when); the current state is the latest row. Someone with no
row yet has not come in: resting.

Leave (请假, seed 003 §11(3)) is requested with a stand-in (代岗人员) and
approved by a leader; only an approved leave running now lets the state be
set to ``leave``.

A/B cover (AB岗, seed 003 §8; 代理服务制, seed 002): each window has A and B
people (:class:`models.schema.StaffPost`). The window is covered by A when an
A person is on duty, by B (B 代岗) when no A is but a B person is, and by
nobody otherwise. A state change is one transaction that also re-evaluates
the cover of the changed person's windows:

- nobody on duty → the window is paused (``Window.paused`` and a
  ``window.paused`` event with ``auto=True`` and a reason, as
  :meth:`models.queue.Queue.pause` writes it), so kiosk and board show
  暂停服务, and a ``cover.lost`` event tells the leaders' terminals;
- somebody back on duty → the window is resumed (``window.resumed`` with
  ``auto=True``), but only when its pause was an automatic one: a pause a
  person put up stays until a person takes it down.

Every change also records ``whereabouts.changed``, and ``cover.changed`` for
each window whose cover moved (A → B, B → A, someone → nobody …), so a
terminal knows to ask :meth:`Whereabouts.windows_for_terminal` again.

On PostgreSQL the changed person's row and their windows' rows are locked
(``FOR UPDATE``, in id order) before anything is read, so two people of one
window leaving at the same moment cannot both think the other stays.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta

from peewee import fn

from models import clock, events
from models.config import Config
from models.db import database, is_postgres
from models.errors import Refused, StaffRefused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Event, Line, Staff, StaffPost, Window, WindowLine
from models.staff.accounts import find_staff
from models.schema.whereabouts import (
    DEFAULT_STATE,
    STATES,
    LeaveDecision,
    LeaveRequest,
    WhereaboutsChange,
)


def state_label(state: str, language: str = DEFAULT_LANGUAGE) -> str:
    return t(f"whereabouts.state_{state}", language)


def to_utc(moment: datetime | None) -> datetime | None:
    """An aware datetime, or a naive one already in UTC, as stored (naive UTC)."""
    if moment is None:
        return None
    return clock.to_utc(moment) if moment.tzinfo is not None else moment


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() + "Z" if moment else None


def find_active_staff(code: str) -> Staff:
    return find_staff(code, active_or=StaffRefused)


# --- what callers get back ------------------------------------------------


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
        data["back_at"], data["at"] = _iso(self.back_at), _iso(self.at)
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
    since: datetime | None  # naive UTC; None: never set
    minutes: int  # in this state so far
    back_at: datetime | None  # naive UTC
    overdue: bool  # back_at has passed and they are not on duty
    overdue_minutes: int
    posts: tuple[tuple[int, str], ...]  # (window number, "A"|"B")
    stand_in: str | None = None  # on leave: who stands in
    post_role: str = ""  # in a line group: "A" or "B" for the windows of that line

    def label(self, language: str = DEFAULT_LANGUAGE) -> str:
        return state_label(self.state, language)

    def as_dict(self, language: str = DEFAULT_LANGUAGE) -> dict:
        data = asdict(self)
        data["since"], data["back_at"] = _iso(self.since), _iso(self.back_at)
        data["posts"] = [{"window": w, "role": r} for w, r in self.posts]
        data["label"] = self.label(language)
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
            "at": _iso(self.at),
            "groups": [g.as_dict(language) for g in self.groups],
            "overdue": [p.as_dict(language) for p in self.overdue],
            "people": [p.as_dict(language) for p in self.people],
        }


@dataclass(frozen=True)
class Holder:
    """An A or B person of a window, with their state."""

    staff: str
    name: str
    state: str


@dataclass(frozen=True)
class WindowCover:
    window: int
    name: str
    name_en: str
    paused: bool
    auto_paused: bool  # paused by the cover rule (resumes by itself)
    a: tuple[Holder, ...]
    b: tuple[Holder, ...]
    cover: str | None  # "A", "B" (B 代岗) or None (nobody on duty)
    covered_by: tuple[str, ...]  # staff codes on duty in the covering role

    def label(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"whereabouts.cover_{self.cover or 'none'}", language)

    def as_dict(self, language: str = DEFAULT_LANGUAGE) -> dict:
        data = asdict(self)
        data["a"] = [asdict(h) for h in self.a]
        data["b"] = [asdict(h) for h in self.b]
        data["covered_by"] = list(self.covered_by)
        data["label"] = self.label(language)
        return data


@dataclass(frozen=True)
class LeaveInfo:
    id: int
    staff: str
    name: str
    starts_at: datetime  # naive UTC
    ends_at: datetime  # naive UTC, exclusive
    reason: str
    stand_in: str
    stand_in_name: str
    requested_at: datetime
    status: str  # pending | approved | refused
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str = ""

    def as_dict(self) -> dict:
        data = asdict(self)
        for key in ("starts_at", "ends_at", "requested_at", "decided_at"):
            data[key] = _iso(data[key])
        return data


# --- the rules ---------------------------------------------------------------


@dataclass
class _Cover:
    cover: str | None
    covered_by: tuple[str, ...]
    a: list = field(default_factory=list)
    b: list = field(default_factory=list)


class Whereabouts:
    def __init__(self, config: Config):
        self.config = config

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
        ``by`` is who made the change when it is not the person themselves
        (a leader at their terminal). ``leave`` needs an approved leave
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
            if postgres:
                list(Staff.select(Staff.id).where(Staff.id == staff.id).for_update())
            window_ids = [
                wid
                for (wid,) in StaffPost.select(StaffPost.window)
                .join(Window)
                .where((StaffPost.staff == staff.id) & ~Window.retired)
                .order_by(StaffPost.window)
                .tuples()
            ]
            if postgres and window_ids:
                list(Window.select(Window.id).where(Window.id.in_(window_ids)).order_by(Window.id).for_update())
            now = clock.now()
            leave = None
            if state == "leave":
                leave = _approved_leave_at(staff.id, now)
                if leave is None:
                    raise StaffRefused("leave_not_approved", staff=staff.code)
                back = back or leave.ends_at
            if state == "on_duty":
                back = None
            before_state = _current_row(staff.id)
            from_state = before_state.to_state if before_state else DEFAULT_STATE
            covers_before = _covers(window_ids)
            change = {"from_state": from_state, "to_state": state, "note": note, "back_at": back, "at": now}
            row = WhereaboutsChange.create(
                staff=staff.id, set_by=setter.id if setter else None, leave=leave.id if leave else None, **change
            )
            events.record(
                "whereabouts.changed",
                row.id,
                staff=staff.code,
                from_state=from_state,
                to_state=state,
                note=note,
                back_at=_iso(back),
                by=setter.code if setter else None,
            )
            paused, resumed, lost = self._apply_cover(window_ids, covers_before, staff.code)
        return StateChange(
            id=row.id,
            staff=staff.code,
            name=staff.name,
            set_by=setter.code if setter else None,
            leave_id=leave.id if leave else None,
            **change,
            paused=tuple(paused),
            resumed=tuple(resumed),
            cover_lost=tuple(lost),
        )

    def _apply_cover(self, window_ids: list[int], before: dict[int, _Cover], staff_code: str):
        """Pause, resume and tell, for the windows whose people just changed."""
        paused, resumed, lost = [], [], []
        after = _covers(window_ids)
        windows = {w.id: w for w in Window.select().where(Window.id.in_(window_ids))} if window_ids else {}
        for wid in window_ids:
            window, old, new = windows[wid], before[wid], after[wid]
            if old.cover != new.cover or old.covered_by != new.covered_by:
                events.record(
                    "cover.changed",
                    wid,
                    window=window.number,
                    cover=new.cover,
                    before=old.cover,
                    covered_by=list(new.covered_by),
                    staff=staff_code,
                )
            if new.cover is None:
                auto = self.config.whereabouts.auto_pause and not window.paused
                if auto:
                    Window.update(paused=True).where(Window.id == wid).execute()
                    events.record(
                        "window.paused",
                        wid,
                        window=window.number,
                        staff=staff_code,
                        reason=t("whereabouts.pause_reason", self.config.language),
                        auto=True,
                    )
                    paused.append(window.number)
                if old.cover is not None or auto:
                    events.record(
                        "cover.lost",
                        wid,
                        window=window.number,
                        a=[h.staff for h in new.a],
                        b=[h.staff for h in new.b],
                        staff=staff_code,
                        paused=bool(auto) or window.paused,
                    )
                    lost.append(window.number)
            elif window.paused and _paused_automatically(wid):
                Window.update(paused=False).where(Window.id == wid).execute()
                events.record(
                    "window.resumed", wid, window=window.number, staff=staff_code, auto=True, cover=new.cover
                )
                resumed.append(window.number)
        return paused, resumed, lost

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
                "back_at": _iso(row.back_at),
                "at": _iso(row.at),
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
            groups.append(
                BoardGroup(None, t("whereabouts.no_line", "zh"), t("whereabouts.no_line", "en"), rest)
            )
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
        rows = {r.staff_id: r for r in WhereaboutsChange.select().where(WhereaboutsChange.id.in_(_latest_ids(ids)))}
        posts: dict[int, list] = {}
        for staff_id, number, role in (
            StaffPost.select(StaffPost.staff, Window.number, StaffPost.role)
            .join(Window)
            .where(StaffPost.staff.in_(ids) & ~Window.retired)
            .order_by(Window.number)
            .tuples()
        ):
            posts.setdefault(staff_id, []).append((number, role))
        leave_ids = [r.leave_id for r in rows.values() if r.leave_id]
        stand_ins = {}
        if leave_ids:
            stand_ins = {
                lr.id: lr.stand_in.code
                for lr in LeaveRequest.select(LeaveRequest, Staff)
                .join(Staff, on=(LeaveRequest.stand_in == Staff.id))
                .where(LeaveRequest.id.in_(leave_ids))
            }
        now = clock.now()
        out = []
        for staff in people:
            row = rows.get(staff.id)
            state = row.to_state if row else DEFAULT_STATE
            since = row.at if row else None
            back = row.back_at if row else None
            overdue = bool(back and state != "on_duty" and back < now)
            out.append(
                Presence(
                    staff=staff.code,
                    name=staff.name,
                    role=staff.role,
                    state=state,
                    note=row.note if row else "",
                    since=since,
                    minutes=max(0, int((now - since).total_seconds() // 60)) if since else 0,
                    back_at=back,
                    overdue=overdue,
                    overdue_minutes=int((now - back).total_seconds() // 60) if overdue else 0,
                    posts=tuple(posts.get(staff.id, ())),
                    stand_in=stand_ins.get(row.leave_id) if row and row.leave_id else None,
                )
            )
        return out

    # --- A/B cover -------------------------------------------------------------

    def window_cover(self) -> list[WindowCover]:
        """Every open window: its A and B people, their states, and who covers it."""
        windows = list(Window.select().where(~Window.retired).order_by(Window.number))
        covers = _covers([w.id for w in windows])
        out = []
        for window in windows:
            cover = covers[window.id]
            out.append(
                WindowCover(
                    window=window.number,
                    name=window.name,
                    name_en=window.name_en,
                    paused=window.paused,
                    auto_paused=bool(window.paused and _paused_automatically(window.id)),
                    a=tuple(cover.a),
                    b=tuple(cover.b),
                    cover=cover.cover,
                    covered_by=cover.covered_by,
                )
            )
        return out

    def windows_for_terminal(self, staff_code: str) -> list[int]:
        """Window numbers whose queue this person's terminal gets: their A posts,
        plus the windows where they are B and cover now (no A on duty, they are)."""
        staff = find_staff(staff_code)
        posts = list(
            StaffPost.select(StaffPost.role, Window.id, Window.number)
            .join(Window)
            .where((StaffPost.staff == staff.id) & ~Window.retired)
            .tuples()
        )
        b_windows = [wid for role, wid, _n in posts if role == "B"]
        covers = _covers(b_windows)
        numbers = {n for role, _wid, n in posts if role == "A"}
        numbers |= {n for role, wid, n in posts if role == "B" and covers[wid].cover == "B" and staff.code in covers[wid].covered_by}
        return sorted(numbers)

    # --- leave -------------------------------------------------------------------

    def request_leave(
        self, staff_code: str, start: date | datetime, end: date | datetime, reason: str, stand_in: str
    ) -> LeaveInfo:
        """Ask for leave from ``start`` to ``end`` with a stand-in (seed 003 §11(3)).

        Dates mean whole local days, ``end`` included; datetimes are aware
        (or naive UTC), ``end`` excluded.
        """
        starts_at = self._leave_bound(start, end_of_day=False)
        ends_at = self._leave_bound(end, end_of_day=True)
        reason = (reason or "").strip()
        if not reason:
            raise StaffRefused("leave_reason_needed")
        if not (stand_in or "").strip():
            raise StaffRefused("stand_in_needed")
        if ends_at <= starts_at:
            raise StaffRefused("leave_bad_period")
        with database.atomic():
            staff = find_active_staff(staff_code)
            substitute = find_active_staff(stand_in)
            if substitute.id == staff.id:
                raise StaffRefused("stand_in_self", staff=staff.code)
            if _approved_leave_overlapping(substitute.id, starts_at, ends_at) is not None:
                raise StaffRefused("stand_in_on_leave", staff=substitute.code)
            row = LeaveRequest.create(
                staff=staff.id, starts_at=starts_at, ends_at=ends_at, reason=reason, stand_in=substitute.id, requested_at=clock.now()
            )
            events.record(
                "leave.requested",
                row.id,
                staff=staff.code,
                stand_in=substitute.code,
                starts_at=_iso(starts_at),
                ends_at=_iso(ends_at),
            )
        return self.leave(row.id)

    def approve_leave(self, request_id: int, leader_code: str, note: str = "") -> LeaveInfo:
        """A leader approves (站长批准); refused unless ``leader_code`` is a leader."""
        return self._decide(request_id, leader_code, True, note)

    def refuse_leave(self, request_id: int, leader_code: str, note: str = "") -> LeaveInfo:
        return self._decide(request_id, leader_code, False, note)

    def _decide(self, request_id: int, leader_code: str, approved: bool, note: str) -> LeaveInfo:
        with database.atomic():
            leader = find_active_staff(leader_code)
            if leader.role != "leader":
                raise StaffRefused("not_leader", staff=leader.code)
            request = LeaveRequest.get_or_none(LeaveRequest.id == request_id)
            if request is None:
                raise StaffRefused("unknown_leave", id=request_id)
            if request.staff_id == leader.id:
                raise StaffRefused("own_leave", staff=leader.code)
            if LeaveDecision.select().where(LeaveDecision.request == request.id).exists():
                raise StaffRefused("leave_decided", id=request_id)
            LeaveDecision.create(request=request.id, leader=leader.id, approved=approved, note=(note or "").strip(), at=clock.now())
            events.record(
                "leave.approved" if approved else "leave.refused",
                request.id,
                staff=request.staff.code,
                leader=leader.code,
                stand_in=request.stand_in.code,
            )
        return self.leave(request_id)

    def leave(self, request_id: int) -> LeaveInfo:
        found = self.leaves(ids=[request_id])
        if not found:
            raise StaffRefused("unknown_leave", id=request_id)
        return found[0]

    def leaves_seen_by(self, shift) -> list[LeaveInfo]:
        """What a signed-in terminal lists: a leader every request, anyone else
        their own and those they stand in for (a reason is not everyone's to read)."""
        return self.leaves() if shift.is_leader else self.leaves(concerning=shift.code)

    def leaves(
        self,
        staff_code: str | None = None,
        *,
        status: str | None = None,
        during: tuple[datetime, datetime] | None = None,
        ids: list[int] | None = None,
        concerning: str | None = None,
    ) -> list[LeaveInfo]:
        """Leave requests, newest first; ``status`` pending|approved|refused,
        ``during`` (start, end) keeps those overlapping that span,
        ``concerning`` those of a staff code as the one on leave or the stand-in."""
        query = LeaveRequest.select().order_by(LeaveRequest.id.desc())
        if concerning:
            person = Staff.select(Staff.id).where(Staff.code == concerning)
            query = query.where((LeaveRequest.staff == person) | (LeaveRequest.stand_in == person))
        if ids is not None:
            query = query.where(LeaveRequest.id.in_(ids))
        if staff_code:
            query = query.where(LeaveRequest.staff == Staff.select(Staff.id).where(Staff.code == staff_code))
        if during:
            start, end = to_utc(during[0]), to_utc(during[1])
            query = query.where((LeaveRequest.starts_at < end) & (LeaveRequest.ends_at > start))
        requests = list(query)
        decisions = {
            d.request_id: d
            for d in LeaveDecision.select().where(LeaveDecision.request.in_([r.id for r in requests]))
        } if requests else {}
        staff_ids = {r.staff_id for r in requests} | {r.stand_in_id for r in requests} | {d.leader_id for d in decisions.values()}
        staff = {s.id: s for s in Staff.select().where(Staff.id.in_(list(staff_ids)))} if staff_ids else {}
        out = []
        for r in requests:
            d = decisions.get(r.id)
            info_status = "pending" if d is None else ("approved" if d.approved else "refused")
            if status and info_status != status:
                continue
            out.append(
                LeaveInfo(
                    id=r.id,
                    staff=staff[r.staff_id].code,
                    name=staff[r.staff_id].name,
                    starts_at=r.starts_at,
                    ends_at=r.ends_at,
                    reason=r.reason,
                    stand_in=staff[r.stand_in_id].code,
                    stand_in_name=staff[r.stand_in_id].name,
                    requested_at=r.requested_at,
                    status=info_status,
                    decided_by=staff[d.leader_id].code if d else None,
                    decided_at=d.at if d else None,
                    decision_note=d.note if d else "",
                )
            )
        return out

    def _leave_bound(self, value: date | datetime, *, end_of_day: bool) -> datetime:
        if isinstance(value, datetime):
            return to_utc(value)
        day = value + timedelta(days=1) if end_of_day else value
        return clock.to_utc(datetime.combine(day, time(0), self.config.zone))

    def back_at_today(self, hhmm: str) -> datetime:
        """"HH:MM" today in the hall's zone, as naive UTC (for ``back_at``)."""
        try:
            hour, minute = (int(x) for x in hhmm.strip().split(":"))
            wall = time(hour, minute)
        except ValueError:
            raise StaffRefused("bad_time", text=hhmm) from None
        today = clock.service_day(self.config.zone)
        return clock.to_utc(datetime.combine(today, wall, self.config.zone))


# --- helpers ---------------------------------------------------------------------


def _with_role(presence: Presence, role: str) -> Presence:
    from dataclasses import replace

    return replace(presence, post_role=role)


def _current_row(staff_id: int) -> WhereaboutsChange | None:
    return (
        WhereaboutsChange.select()
        .where(WhereaboutsChange.staff == staff_id)
        .order_by(WhereaboutsChange.id.desc())
        .first()
    )


def _latest_ids(staff_ids: list[int]):
    """The id of each person's latest change (a subquery): their current state's row."""
    return (
        WhereaboutsChange.select(fn.MAX(WhereaboutsChange.id))
        .where(WhereaboutsChange.staff.in_(staff_ids))
        .group_by(WhereaboutsChange.staff)
    )


def current_states(staff_ids: list[int]) -> dict[int, str]:
    """The current state of each staff id (resting when never set)."""
    if not staff_ids:
        return {}
    states = dict(
        WhereaboutsChange.select(WhereaboutsChange.staff, WhereaboutsChange.to_state)
        .where(WhereaboutsChange.id.in_(_latest_ids(staff_ids)))
        .tuples()
    )
    return {sid: states.get(sid, DEFAULT_STATE) for sid in staff_ids}


def _covers(window_ids: list[int]) -> dict[int, _Cover]:
    """Who holds A and B at each window, their states, and who covers."""
    result = {wid: _Cover(None, ()) for wid in window_ids}
    if not window_ids:
        return result
    posts = list(
        StaffPost.select(StaffPost.window, StaffPost.role, Staff.id, Staff.code, Staff.name)
        .join(Staff, on=(StaffPost.staff == Staff.id))
        .where(StaffPost.window.in_(window_ids) & Staff.active)
        .order_by(Staff.code)
        .tuples()
    )
    states = current_states(sorted({sid for _w, _r, sid, _c, _n in posts}))
    for wid, role, sid, code, name in posts:
        holder = Holder(code, name, states[sid])
        (result[wid].a if role == "A" else result[wid].b).append(holder)
    for cover in result.values():
        a_on = tuple(h.staff for h in cover.a if h.state == "on_duty")
        b_on = tuple(h.staff for h in cover.b if h.state == "on_duty")
        if a_on:
            cover.cover, cover.covered_by = "A", a_on
        elif b_on:
            cover.cover, cover.covered_by = "B", b_on
    return result


def _paused_automatically(window_id: int) -> bool:
    """Whether the pause in force at this window was put up by the cover rule."""
    last = (
        Event.select(Event.data)
        .where((Event.kind == "window.paused") & (Event.ref == window_id))
        .order_by(Event.id.desc())
        .first()
    )
    return bool(last and (last.data or {}).get("auto"))


def _approved_leave_at(staff_id: int, moment: datetime) -> LeaveRequest | None:
    return _approved_leave_overlapping(staff_id, moment, moment + timedelta(microseconds=1))


def _approved_overlapping(start: datetime, end: datetime, *columns):
    """Leave requests approved and overlapping [start, end): a query of ``columns`` (the whole row by default)."""
    return (
        LeaveRequest.select(*columns)
        .join(LeaveDecision, on=(LeaveDecision.request == LeaveRequest.id))
        .where(LeaveDecision.approved & (LeaveRequest.starts_at < end) & (LeaveRequest.ends_at > start))
    )


def _approved_leave_overlapping(staff_id: int, start: datetime, end: datetime) -> LeaveRequest | None:
    return (
        _approved_overlapping(start, end)
        .where(LeaveRequest.staff == staff_id)
        .order_by(LeaveRequest.id.desc())
        .first()
    )


def approved_leaves(start: datetime, end: datetime) -> dict[int, list[tuple[datetime, datetime, str]]]:
    """Approved leave overlapping [start, end) per staff id: (starts_at, ends_at, stand-in code)."""
    rows = (
        _approved_overlapping(start, end, LeaveRequest.staff, LeaveRequest.starts_at, LeaveRequest.ends_at, Staff.code)
        .switch(LeaveRequest)
        .join(Staff, on=(LeaveRequest.stand_in == Staff.id))
        .tuples()
    )
    out: dict[int, list] = {}
    for staff_id, starts_at, ends_at, stand_in in rows:
        out.setdefault(staff_id, []).append((starts_at, ends_at, stand_in))
    return out
