"""Which calls the board shows large, and for how long.

A called number shown for only a second is the complaint other halls' users
raise most: calls 0.3 s apart used to replace the big number at once. So
each call stays large for at least its hold (``MIN_HOLD_SECONDS``, or longer
when its announcement takes longer: ``SECONDS_PER_CHARACTER`` of the spoken
text), several windows calling at once stand side by side (as many as the
board's width has ``slots`` for), and a call that finds every slot held
waits its turn. A recall of a number already shown starts its hold again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MIN_HOLD_SECONDS = 5.0
SECONDS_PER_CHARACTER = 0.3  # a calm Mandarin announcement, with the bell before it


@dataclass
class Shown:
    number: str
    window: int
    since: float
    hold: float


def hold_for(spoken: str) -> float:
    return max(MIN_HOLD_SECONDS, SECONDS_PER_CHARACTER * len(spoken))


class CallHold:
    def __init__(self, slots: int = 1, clock: Callable[[], float] = time.monotonic) -> None:
        self.slots = max(1, slots)
        self.clock = clock
        self.shown: list[Shown] = []
        self.waiting: list[tuple[str, int, float]] = []

    def add(self, number: str, window: int, spoken: str = "", *, past: bool = False) -> bool:
        """A call; True when what is shown changed now. ``past``: one made before the board
        started (shown, but held by nothing: it was announced long ago)."""
        self.waiting.append((number, window, 0.0 if past else hold_for(spoken)))
        return self.tick()

    def tick(self) -> bool:
        """Let waiting calls in where a slot is free or its hold is over; True when anything changed."""
        changed = False
        now = self.clock()
        while self.waiting:
            number, window, hold = self.waiting[0]
            again = next((s for s in self.shown if s.number == number), None)
            if again is not None:  # a recall: the same number, held anew
                again.window, again.since, again.hold = window, now, hold
            elif len(self.shown) < self.slots:
                self.shown.append(Shown(number, window, now, hold))
            else:
                done = [s for s in self.shown if now - s.since >= s.hold]
                if not done:
                    break
                oldest = min(done, key=lambda s: s.since)
                self.shown[self.shown.index(oldest)] = Shown(number, window, now, hold)
            self.waiting.pop(0)
            changed = True
        return changed

    def latest(self) -> Shown | None:
        return max(self.shown, key=lambda s: s.since) if self.shown else None
