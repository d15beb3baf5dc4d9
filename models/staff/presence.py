"""Reading where people are: each person's latest whereabouts row, and the
small conversions every whereabouts module shares."""

from __future__ import annotations

from datetime import datetime
from typing import overload

from peewee import fn

from models import clock
from models.errors import StaffRefused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Staff
from models.schema.whereabouts import DEFAULT_STATE, WhereaboutsChange
from models.staff.accounts import find_staff


def state_label(state: str, language: str = DEFAULT_LANGUAGE) -> str:
    return t(f"whereabouts.state_{state}", language)


@overload
def to_utc(moment: datetime) -> datetime: ...
@overload
def to_utc(moment: None) -> None: ...
def to_utc(moment: datetime | None) -> datetime | None:
    """An aware datetime, or a naive one already in UTC, as stored (naive UTC)."""
    if moment is None:
        return None
    return clock.to_utc(moment) if moment.tzinfo is not None else moment


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() + "Z" if moment else None


def find_active_staff(code: str) -> Staff:
    return find_staff(code, active_or=StaffRefused)


def current_row(staff_id: int) -> WhereaboutsChange | None:
    return (
        WhereaboutsChange.select()
        .where(WhereaboutsChange.staff == staff_id)
        .order_by(WhereaboutsChange.id.desc())
        .first()
    )


def latest_ids(staff_ids: list[int]):
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
        .where(WhereaboutsChange.id.in_(latest_ids(staff_ids)))
        .tuples()
    )
    return {sid: states.get(sid, DEFAULT_STATE) for sid in staff_ids}
