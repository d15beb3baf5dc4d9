"""Shared limits: how often something may be tried, counted in the database by every process.

Rule: a :class:`Limit` is "``limit`` counts of a key within ``window_seconds``
pause the key for ``pause_seconds``" (by default, for the rest of the window).
A :class:`Throttle` puts two limits on every attempt of a scope: one per key
and one over all keys together. It serves both places that slow down guessing
of tracking codes:

- the kiosk (:data:`KIOSK_SCOPE`): the key is the code as typed, so a wrong
  code retried pauses that code only and the next resident's right code is
  never refused by it; a flood of wrong codes pauses everyone, briefly;
- ``hall web``: the key is the client's address, :func:`hashed`, and the
  overall limit holds for every client at once.

The counts live in the database (:class:`models.schema.ThrottleCount`), so
every kiosk and every ``hall web`` process of a hall counts together, and a
restart loses nothing.

Why a counter per key rather than a row per attempt: a guess that is counted
costs one upsert per limit (``INSERT … ON CONFLICT DO UPDATE``, two in one
transaction) and a check costs one indexed read, however many guesses came
before; the table holds one small row per key, which is changed in place and
dropped once long unused. Appending each attempt to a hash-chained history
instead would take the chain's lock on every wrong guess (on PostgreSQL the
writes of all processes queue behind it), grow the table by a row per guess
under a flood, and make every check read the window's rows back. Attempts are
no history anyone must account for, so nothing is lost by counting them.

A key's window starts at its first count and lasts ``window_seconds``; the
next count after it starts a new window. So "five within a minute" is counted
from the first of them, the same for every process, whatever the wall clock's
minute; a guesser who spreads guesses over the end of a window gets at most
twice the limit in any stretch of one window's length, which still slows
guessing down as much as the rule needs.

Keys must hold no personal data in clear: :func:`hashed` turns a client
address into a short keyed digest for a key.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import TypeVar

from models import clock
from models.db import database, is_postgres
from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import ThrottleCount

KIOSK_SCOPE = "kiosk.lookup"

# Rows unused for this long are of no use to any limit; dropping them loses no history.
_KEEP_SECONDS = 86400.0
_last_sweep = 0.0

T = TypeVar("T")


def _now() -> float:
    """Seconds since the epoch, from the hall's clock (stored naive UTC)."""
    return clock.now().replace(tzinfo=UTC).timestamp()


def _bump_sql(pause_from_window: bool) -> str:
    """One upsert: a new window when the old one is over, one more count, and a pause once the limit is reached.
    The right-hand sides of SET read the row as it was, so the new count is spelled out where it is compared."""
    p = "%s" if is_postgres() else "?"
    over = f'"throttle_count".started < {p}'  # the window that began at started has ended
    new_count = f'CASE WHEN {over} THEN 1 ELSE "throttle_count".count + 1 END'
    # By default the pause lasts until the window ends (its start, kept or new, plus its length).
    pause_end = f'CASE WHEN {over} THEN {p} ELSE "throttle_count".started END + {p}' if pause_from_window else p
    return f"""
        INSERT INTO "throttle_count" (key, started, count, paused_until)
        VALUES ({p}, {p}, 1, CASE WHEN 1 >= {p} THEN {p} ELSE 0 END)
        ON CONFLICT (key) DO UPDATE SET
            started = CASE WHEN {over} THEN excluded.started ELSE "throttle_count".started END,
            count = {new_count},
            paused_until = CASE WHEN {new_count} >= {p} THEN {pause_end} ELSE "throttle_count".paused_until END
        RETURNING count
    """


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int
    window_seconds: float = 60
    pause_seconds: float | None = None  # None: for the rest of the window

    def count(self) -> int:
        """Count one more; returns the window's count so far, this one included."""
        now = _now()
        window = max(1.0, float(self.window_seconds))
        from_window = self.pause_seconds is None
        first_end = now + (window if from_window else float(self.pause_seconds or 0))
        since = now - window
        params: list[object] = [self.key, now, self.limit, first_end, since, since, since, self.limit]
        params += [since, now, window] if from_window else [now + float(self.pause_seconds or 0)]
        with database.atomic():
            total = database.execute_sql(_bump_sql(from_window), params).fetchone()[0]
        if total == 1:
            _sweep(now)
        return int(total)

    def _row(self) -> ThrottleCount | None:
        return ThrottleCount.get_or_none(ThrottleCount.key == self.key)

    def used(self) -> int:
        """Counts in the current window."""
        row = self._row()
        return row.count if row is not None and row.started >= _now() - max(1.0, float(self.window_seconds)) else 0

    def seconds_left(self) -> int:
        """Whole seconds until the key may be tried again (0: now)."""
        return seconds_paused(self)

    def reached(self) -> bool:
        """Whether the key is paused."""
        return self.seconds_left() > 0


def seconds_paused(*limits: Limit) -> int:
    """Whole seconds until none of ``limits`` is paused (0: none is), read in one query."""
    if not limits:
        return 0
    until = (
        ThrottleCount.select(ThrottleCount.paused_until)
        .where(ThrottleCount.key.in_([limit.key for limit in limits]))
        .order_by(ThrottleCount.paused_until.desc())
        .limit(1)
        .scalar()
    )
    return max(0, math.ceil((until or 0.0) - _now()))


def _sweep(now: float) -> None:
    """Drop rows unused for a day, at most once a minute per process (a new window is the cue)."""
    global _last_sweep
    if 0 <= now - _last_sweep < 60:  # a clock set back (as in a test) sweeps at once
        return
    _last_sweep = now
    ThrottleCount.delete().where(
        (ThrottleCount.started < now - _KEEP_SECONDS) & (ThrottleCount.paused_until < now)
    ).execute()


@dataclass(frozen=True)
class Rate:
    """``count`` attempts within ``window_seconds`` pause for ``pause_seconds`` (None: the rest of the window)."""

    count: int
    window_seconds: float
    pause_seconds: float | None = None


PER_CODE = Rate(count=5, window_seconds=60, pause_seconds=30)
OVERALL = Rate(count=30, window_seconds=60, pause_seconds=30)


class LookupPaused(Refused):
    """Lookups are paused for a while; ``seconds`` says how long is left."""

    def __init__(self, seconds: int):
        super().__init__("lookup_paused", seconds=seconds)
        self.seconds = seconds

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t("kiosk.lookup_paused", language, seconds=self.seconds)


def normal_key(text: str) -> str:
    """A key as typed, the same however it was spaced, dashed or cased."""
    return "".join(text.split()).replace("-", "").upper()[:64]


class Throttle:
    """Attempts of a scope counted per key and over the whole scope (by default: the kiosk's tracking lookups)."""

    def __init__(self, scope: str = KIOSK_SCOPE, per_key: Rate = PER_CODE, overall: Rate = OVERALL):
        self.scope = scope
        self.per_key = per_key
        self.overall = overall
        self._all = Limit(scope, overall.count, overall.window_seconds, overall.pause_seconds)

    def limits(self, key: str) -> tuple[Limit, Limit]:
        rate = self.per_key
        mine = Limit(f"{self.scope}:{normal_key(key)}", rate.count, rate.window_seconds, rate.pause_seconds)
        return mine, self._all

    def remaining(self, key: str) -> int:
        """Whole seconds until ``key`` may be tried again (0: now)."""
        return seconds_paused(*self.limits(key))

    def check(self, key: str) -> None:
        """Raise LookupPaused while ``key`` (or the whole scope) is paused."""
        left = self.remaining(key)
        if left > 0:
            raise LookupPaused(left)

    def record(self, key: str) -> None:
        """Count one attempt against ``key`` and the scope."""
        with database.atomic():
            for limit in self.limits(key):
                limit.count()

    def lookup(self, key: str, fn: Callable[[], T], counts: Callable[[Refused], bool] | None = None) -> T:
        """Run ``fn`` (a lookup that raises Refused for a wrong code) under the rule:
        refused while paused, and a wrong code counts. ``counts`` tells a wrong code from a
        refusal of a code that exists (a booking checked in too early): only the former counts."""
        self.check(key)
        try:
            return fn()
        except LookupPaused:
            raise
        except Refused as exc:
            if counts is None or counts(exc):
                self.record(key)
            raise


def hashed(value: str, salt: str) -> str:
    """A short digest of ``value`` (a client address) for a limit's key; the same for every process given the same salt."""
    return hashlib.blake2s(value.encode("utf-8", "surrogatepass"), key=salt.encode()[:32], digest_size=8).hexdigest()
