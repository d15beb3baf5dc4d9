"""How often a kiosk may look tracking codes up: guessing codes is slowed down.

Rule: after ``max_failures`` wrong codes within ``window_seconds``, lookups
pause for ``pause_seconds``. A correct code does not reset the count (a
guesser could mix in their own code). One throttle per kiosk process.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t

MAX_FAILURES = 5
WINDOW_SECONDS = 60.0
PAUSE_SECONDS = 30.0


class LookupPaused(Refused):
    """Lookups are paused for a while; ``seconds`` says how long is left."""

    def __init__(self, seconds: int):
        super().__init__("lookup_paused", seconds=seconds)
        self.seconds = seconds

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t("kiosk.lookup_paused", language, seconds=self.seconds)


class LookupThrottle:
    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_seconds: float = WINDOW_SECONDS,
        pause_seconds: float = PAUSE_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self.pause_seconds = pause_seconds
        self._now = monotonic
        self._failures: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def remaining(self) -> int:
        """Whole seconds until lookups are allowed again (0: allowed now)."""
        with self._lock:
            left = self._paused_until - self._now()
        return max(0, math.ceil(left))

    def check(self) -> None:
        """Raise LookupPaused while lookups are paused."""
        left = self.remaining()
        if left > 0:
            raise LookupPaused(left)

    def failed(self) -> None:
        """Count a wrong code; may start a pause."""
        with self._lock:
            now = self._now()
            self._failures.append(now)
            while self._failures and now - self._failures[0] > self.window_seconds:
                self._failures.popleft()
            if len(self._failures) >= self.max_failures:
                self._paused_until = now + self.pause_seconds
                self._failures.clear()

    def lookup(self, fn: Callable[[], object]):
        """Run ``fn`` (a lookup that raises Refused for a wrong code) under the rule."""
        self.check()
        try:
            return fn()
        except LookupPaused:
            raise
        except Refused:
            self.failed()
            raise
