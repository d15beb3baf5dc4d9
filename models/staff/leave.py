"""Leave (请假, seed 003 §11(3)): requested with a stand-in (代岗人员), decided by a leader.

A request and its decision are separate rows, both only ever appended; a
request without a decision is pending. Approved leave running now is what
lets the whereabouts state be ``leave``, and what the duty roster and
attendance read (:func:`approved_leaves`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from models import clock, events
from models.config import Config
from models.db import database
from models.errors import StaffRefused
from models.schema import Staff
from models.schema.whereabouts import LeaveDecision, LeaveRequest
from models.staff.presence import find_active_staff, iso, to_utc


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
            data[key] = iso(data[key])
        return data


class LeaveBook:
    config: Config

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
                staff=staff.id,
                starts_at=starts_at,
                ends_at=ends_at,
                reason=reason,
                stand_in=substitute.id,
                requested_at=clock.now(),
            )
            events.record(
                "leave.requested",
                row.id,
                staff=staff.code,
                stand_in=substitute.code,
                starts_at=iso(starts_at),
                ends_at=iso(ends_at),
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
            LeaveDecision.create(
                request=request.id, leader=leader.id, approved=approved, note=(note or "").strip(), at=clock.now()
            )
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
        decisions = (
            {d.request_id: d for d in LeaveDecision.select().where(LeaveDecision.request.in_([r.id for r in requests]))}
            if requests
            else {}
        )
        staff_ids = (
            {r.staff_id for r in requests}
            | {r.stand_in_id for r in requests}
            | {d.leader_id for d in decisions.values()}
        )
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


def approved_leave_at(staff_id: int, moment: datetime) -> LeaveRequest | None:
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
        _approved_overlapping(start, end).where(LeaveRequest.staff == staff_id).order_by(LeaveRequest.id.desc()).first()
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


def leaves_running(moment: datetime) -> dict[int, tuple[datetime, datetime, str]]:
    """Approved leave running at ``moment`` per staff id: (in force from, ends_at, stand-in code).

    A leave is in force from its start or from its approval, whichever is
    later: approving a leave that has begun puts the person on leave then."""
    rows = (
        _approved_overlapping(
            moment,
            moment + timedelta(microseconds=1),
            LeaveRequest.staff,
            LeaveRequest.starts_at,
            LeaveDecision.at,
            LeaveRequest.ends_at,
            Staff.code,
        )
        .switch(LeaveRequest)
        .join(Staff, on=(LeaveRequest.stand_in == Staff.id))
        .order_by(LeaveRequest.id)
        .tuples()
    )
    return {staff_id: (max(starts, decided), ends, stand_in) for staff_id, starts, decided, ends, stand_in in rows}
