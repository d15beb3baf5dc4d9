"""How often codes may be tried: guessing is slowed down, the next resident is not.

Rule: a :class:`Throttle` counts attempts (for tracking codes: the wrong ones)
in the database, so every kiosk and every process on the hall counts
together. Two limits apply, each "``count`` attempts within ``window_seconds``
pause for ``pause_seconds``": one per key (the code as typed: retrying one
wrong code pauses that code only, so the resident after cannot be locked out
by it) and one over all keys of the scope (a flood of guesses pauses
everyone, briefly). The interface is a key and its limits, so the web's rate
limit uses the same rule under its own scope.

The rows are history (never changed); a pause is worked out from them at
each check, so nothing has to be cleared and a restart loses nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from models import clock
from models.db import database
from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema.throttle import ThrottleHit

KIOSK_SCOPE = "kiosk.lookup"


@dataclass(frozen=True)
class Limit:
    count: int
    window_seconds: float
    pause_seconds: float


PER_CODE = Limit(count=5, window_seconds=60, pause_seconds=30)
OVERALL = Limit(count=30, window_seconds=60, pause_seconds=30)


class LookupPaused(Refused):
    """Lookups are paused for a while; ``seconds`` says how long is left."""

    def __init__(self, seconds: int):
        super().__init__("lookup_paused", seconds=seconds)
        self.seconds = seconds

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t("kiosk.lookup_paused", language, seconds=self.seconds)


def _pause_left(times: list, limit: Limit, now) -> float:
    """Seconds of pause left, from the attempts' times (oldest first)."""
    until = None
    n = limit.count
    for index in range(n - 1, len(times)):
        if (times[index] - times[index - n + 1]).total_seconds() <= limit.window_seconds:
            end = times[index] + timedelta(seconds=limit.pause_seconds)
            until = end if until is None or end > until else until
    return 0.0 if until is None else max(0.0, (until - now).total_seconds())


def normal_key(text: str) -> str:
    return "".join(text.split()).replace("-", "").upper()[:64]


class Throttle:
    """Attempts counted per key and over the scope; needs a database connection."""

    def __init__(self, scope: str = KIOSK_SCOPE, per_key: Limit = PER_CODE, overall: Limit = OVERALL):
        self.scope = scope
        self.per_key = per_key
        self.overall = overall

    def _times(self, key: str | None, limit: Limit, now) -> list:
        since = now - timedelta(seconds=limit.window_seconds + limit.pause_seconds)
        query = ThrottleHit.select(ThrottleHit.at).where((ThrottleHit.scope == self.scope) & (ThrottleHit.at > since))
        if key is not None:
            query = query.where(ThrottleHit.key == key)
        return [row.at for row in query.order_by(ThrottleHit.at, ThrottleHit.id)]

    def remaining(self, key: str) -> int:
        """Whole seconds until ``key`` may be tried again (0: now)."""
        now = clock.now()
        key = normal_key(key)
        left = max(
            _pause_left(self._times(key, self.per_key, now), self.per_key, now),
            _pause_left(self._times(None, self.overall, now), self.overall, now),
        )
        return math.ceil(left)

    def check(self, key: str) -> None:
        """Raise LookupPaused while ``key`` (or the whole scope) is paused."""
        left = self.remaining(key)
        if left > 0:
            raise LookupPaused(left)

    def record(self, key: str) -> None:
        """Count one attempt against ``key``."""
        with database.atomic():
            ThrottleHit.create(scope=self.scope, key=normal_key(key), at=clock.now())

    def lookup(self, key: str, fn: Callable[[], object]):
        """Run ``fn`` (a lookup that raises Refused for a wrong code) under the rule:
        refused while paused, and a wrong code counts."""
        self.check(key)
        try:
            return fn()
        except LookupPaused:
            raise
        except Refused:
            self.record(key)
            raise
