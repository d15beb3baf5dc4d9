"""The idle lock: a signed-in terminal left without a key or a click locks itself.

After ``staff.idle_lock_minutes`` (:func:`models.staff.signin.idle_lock_seconds`;
0 minutes: never) the app pushes the lock screen, since a resident may be sitting
in front of it; unlocking needs the PIN. :class:`IdleLock` is mixed into the
app, which sets ``idle_seconds``, ``last_activity`` and ``locked`` and checks
once a second (:meth:`IdleLock.check_idle_lock`).
"""

from __future__ import annotations

import time

from textual import events


class IdleLock:
    """Mixed in before Textual's App."""

    idle_seconds: float | None
    last_activity: float
    locked: bool
    shift: object

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self.last_activity = time.monotonic()
        await super().on_event(event)  # type: ignore[misc]

    def check_idle_lock(self, now: float | None = None) -> None:
        if self.idle_seconds is None or self.shift is None or self.locked:
            return
        now = time.monotonic() if now is None else now
        if now - self.last_activity >= self.idle_seconds:
            self.lock()

    def lock(self) -> None:
        if self.shift is None or self.locked:
            return
        from staff_tui.screens.lock import LockScreen

        self.locked = True
        self.push_screen(LockScreen())  # type: ignore[attr-defined]

    def unlocked(self) -> None:
        self.locked = False
        self.last_activity = time.monotonic()
