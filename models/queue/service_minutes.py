"""The minutes a line's latest finished tickets took, and their median.

The expected wait told with every ticket is the people ahead times this
median (:meth:`models.queue.tickets.Queue.expected_wait`). A take asks for it
every time and a finish adds to it, so both stay cheap however long the
window has kept up: the minutes are held newest first (the oldest drops out)
and, beside them, in order, so the median is a look-up rather than a sort of
hundreds of figures per ticket.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import deque
from collections.abc import Iterable
from itertools import islice


class RecentMinutes:
    """At most ``keep`` service times in minutes, the newest first."""

    def __init__(self, newest_first: Iterable[float], keep: int) -> None:
        self._by_age: deque[float] = deque(islice(newest_first, keep), maxlen=keep)
        self._sorted: list[float] = sorted(self._by_age)

    def __len__(self) -> int:
        return len(self._by_age)

    def add_newest(self, minutes: float) -> None:
        if len(self._by_age) == self._by_age.maxlen:
            oldest = self._by_age.pop()
            del self._sorted[bisect_left(self._sorted, oldest)]
        self._by_age.appendleft(minutes)
        insort(self._sorted, minutes)

    def median(self) -> float | None:
        """The median, as :func:`statistics.median` gives it; None with no minutes yet."""
        values, count = self._sorted, len(self._sorted)
        if not count:
            return None
        middle = count // 2
        return values[middle] if count % 2 else (values[middle - 1] + values[middle]) / 2
