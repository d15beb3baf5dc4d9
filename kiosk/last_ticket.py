"""「我的号票」: the last ticket this kiosk issued, kept a few minutes in memory.

Without a printer a resident may walk off before noting the number and code;
home offers the ticket again for ``SECONDS``. A ticket holds no personal
data (number, item, window, tracking code), so showing it to whoever taps is
no leak; it is never written anywhere and goes with the process.
"""

from __future__ import annotations

import time
from collections.abc import Callable

SECONDS = 300.0


class LastTicket:
    def __init__(self, seconds: float = SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._kept: tuple[object, list[dict]] | None = None
        self._at = 0.0

    def keep(self, receipt, materials: list[dict] | None) -> None:
        self._kept = (receipt, list(materials or []))
        self._at = self.clock()

    def get(self) -> tuple[object, list[dict]] | None:
        """The receipt and its materials, while they are fresh enough."""
        if self._kept is None or self.clock() - self._at > self.seconds:
            self._kept = None
            return None
        return self._kept
