"""The service day held against its closing: after the closing sign-off no
ticket is issued until the next day, and no ticket slips in while the day is
being signed off.

Taking a ticket holds the day shared in its first statement
(``item_for_ticket`` in :mod:`models.queue.sql`) and reads the closing in the
next (``bump_counter``); the closing sign-off holds it alone
(:func:`hold_day`). Both read after holding it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from models import clock
from models.calendar import HallCalendar
from models.config import Config
from models.db import database, is_postgres
from models.errors import StaffRefused
from models.i18n import t
from models.queue.sql import statement


def _standing_closing(day: date):
    return database.execute_sql(statement("standing_closing", is_postgres()), (day,)).fetchone()


def closed_for_day(day: date) -> bool:
    """Whether the day's closing checklist was signed off and not reopened (the kiosk then stops issuing)."""
    return _standing_closing(day) is not None


def early_closing_reason(day: date) -> str:
    """The leader's reason when the day's standing closing came before the issuing stopped; "" otherwise."""
    row = _standing_closing(day)
    return (row[0] or "") if row else ""


def hold_day(day: date) -> None:
    """Inside the closing sign-off's transaction: hold the service day alone,
    so no ticket slips in while the day is being signed off.

    Taking a ticket holds the same day shared (kiosks do not wait on each
    other) in its first statement: ``item_for_ticket`` in
    :mod:`models.queue.sql`. Both read after holding it. PostgreSQL needs an
    advisory lock for that; SQLite's IMMEDIATE transactions already run one
    writer at a time."""
    if is_postgres():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)", (DAY_LOCK_SPACE, day.toordinal()))


DAY_LOCK_SPACE = 0x48414C4C  # "HALL": the advisory-lock key space of the service day


def refuse_if_closed_for_day(config: Config, day: date) -> None:
    """The kiosk's check: after the day's closing sign-off, no ticket until the next day;
    a closing before the hours says the leader's reason."""
    row = _standing_closing(day)
    if row is not None:
        refuse_closed_day(config, day, row[0])


def refuse_closed_day(config: Config, day: date, reason: str | None) -> None:
    """Refuse a ticket of a day whose closing was signed off (``reason``: the early closing's, or "")."""
    reason = reason or ""
    tomorrow = datetime.combine(day + timedelta(days=1), time(0), config.zone)
    nxt = HallCalendar(config).next_issuing(clock.to_utc(tomorrow))
    if nxt is None:
        raise StaffRefused("closed_early_no_next" if reason else "closed_for_day_no_next", reason=reason)
    raise StaffRefused(
        "closed_early" if reason else "closed_for_day",
        reason=reason,
        next=t("time.datetime_format", config.language, month=nxt.month, day=nxt.day, hour=nxt.hour, minute=nxt.minute),
    )
