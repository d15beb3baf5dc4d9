"""Shared limits: at most ``limit`` counts of a key per window of time, across processes.

A :class:`Limit` is a key and a limit per window; its counts live in the
database (:class:`models.schema.ThrottleCount`), so every process that opens
the same hall shares them: two ``hall web`` processes behind one proxy, or
several kiosks. Windows are fixed (seconds since the epoch divided by the
window length), counted by one upsert in its own transaction, so two
processes counting at once never lose a count.

Keys must hold no personal data in clear: :func:`hashed` turns a client
address into a short keyed digest for a key.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from models import clock
from models.db import database, is_postgres
from models.schema import ThrottleCount

_BUMP = """
    INSERT INTO "throttle_count" (key, "window", count) VALUES ({p}, {p}, 1)
    ON CONFLICT (key, "window") DO UPDATE SET count = "throttle_count".count + 1
    RETURNING count
"""
# Windows older than this are of no use to any limit; dropping their counters loses no history.
_KEEP_SECONDS = 86400


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int
    window_seconds: int = 60

    def _window(self) -> int:
        return int(clock.now().timestamp()) // max(1, self.window_seconds)

    def used(self) -> int:
        """Counts in the current window."""
        row = ThrottleCount.get_or_none((ThrottleCount.key == self.key) & (ThrottleCount.window == self._window()))
        return row.count if row is not None else 0

    def reached(self) -> bool:
        """Whether the limit is used up for the rest of this window."""
        return self.used() >= self.limit

    def count(self) -> int:
        """Count one more; returns the window's count so far, this one included."""
        window = self._window()
        sql = _BUMP.format(p="%s" if is_postgres() else "?")
        with database.atomic():
            total = database.execute_sql(sql, (self.key, window)).fetchone()[0]
            if total == 1:  # the first count of a window: forget this key's windows of long ago
                old = window - math.ceil(_KEEP_SECONDS / max(1, self.window_seconds))
                ThrottleCount.delete().where((ThrottleCount.key == self.key) & (ThrottleCount.window < old)).execute()
        return total

    def seconds_left(self) -> int:
        """Seconds until the current window ends."""
        length = max(1, self.window_seconds)
        return length - int(clock.now().timestamp()) % length


def first_reached(*limits: Limit) -> Limit | None:
    """The first of ``limits`` that is used up, read in one query (a polled lookup checks two at once)."""
    wanted = [(limit, limit._window()) for limit in limits]
    sql = 'SELECT key, "window", count FROM "throttle_count" WHERE ' + " OR ".join(
        ['(key = {p} AND "window" = {p})'.format(p="%s" if is_postgres() else "?")] * len(wanted)
    )
    params = [value for limit, window in wanted for value in (limit.key, window)]
    counts = {(key, window): count for key, window, count in database.execute_sql(sql, params).fetchall()}
    return next((limit for limit, window in wanted if counts.get((limit.key, window), 0) >= limit.limit), None)


def hashed(value: str, salt: str) -> str:
    """A short digest of ``value`` (a client address) for a limit's key; the same for every process given the same salt."""
    return hashlib.blake2s(value.encode("utf-8", "surrogatepass"), key=salt.encode()[:32], digest_size=8).hexdigest()
