"""The hall's clock: UTC for storage, the hall's zone for the service day.

Everything that asks "what time is it" goes through :func:`now`, so tests and
snapshots can freeze it with :func:`frozen`.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, tzinfo

_frozen: datetime | None = None


def now() -> datetime:
    """The current instant as a naive UTC datetime (how it is stored)."""
    if _frozen is not None:
        return _frozen
    return datetime.now(UTC).replace(tzinfo=None)


def set_now(instant: datetime | None) -> None:
    """Freeze the clock at ``instant`` (aware, or naive UTC); None unfreezes."""
    global _frozen
    if instant is not None and instant.tzinfo is not None:
        instant = instant.astimezone(UTC).replace(tzinfo=None)
    _frozen = instant


@contextmanager
def frozen(instant: datetime):
    previous = _frozen
    set_now(instant)
    try:
        yield
    finally:
        set_now(previous)


def local(instant: datetime, zone: tzinfo) -> datetime:
    """A stored naive-UTC instant in the hall's zone."""
    return instant.replace(tzinfo=UTC).astimezone(zone)


def reading(value: datetime | str | None, zone: tzinfo, form: str = "%Y-%m-%d %H:%M") -> str:
    """How a person reads a stored instant: in the hall's zone, to the minute ("-" for none).

    The one formatter for every time a person reads. ``value`` is a naive UTC
    datetime (as stored), an aware one, or its ISO text as an event's data keeps
    it (naive text is UTC too).
    """
    if value is None or value == "":
        return "-"
    instant = value
    if isinstance(value, str):
        try:
            instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    assert isinstance(instant, datetime)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(zone).strftime(form)


def to_utc(local_time: datetime) -> datetime:
    """An aware local datetime as naive UTC, for storage and comparison."""
    return local_time.astimezone(UTC).replace(tzinfo=None)


def service_day(zone: tzinfo, instant: datetime | None = None) -> date:
    """The hall's date at ``instant``: numbering resets at local midnight."""
    return local(instant or now(), zone).date()


def local_days(first: date, last: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The stored-UTC span from local midnight starting ``first`` to local
    midnight ending ``last`` (both days whole): what a query for those days
    compares stored instants against."""
    return (
        to_utc(datetime.combine(first, time(0), zone)),
        to_utc(datetime.combine(last + timedelta(days=1), time(0), zone)),
    )
