"""Keys typed ahead are read as if they had been typed slowly.

Over a slow SSH link several keys arrive in one read, and a clerk types ahead
of a screen that is still loading. Textual hands each key to the widget that
has focus *when the key is dispatched*: in ``S01⇥1234⏎`` arriving at once,
``1234`` is already queued at the 工号 field before the Tab, bubbling up from
it, moves the focus. :class:`TypedAhead`, mixed into the app before Textual's
App, holds every key that arrives while an earlier one is still being handled,
and lets the next go only once the app, the current screen and all its widgets
have nothing left to do (so a focus change, a submitted field or a dialog being
mounted is done first).
"""

from __future__ import annotations

import asyncio
from collections import deque

from textual import events

# A key whose handling keeps the screen busy longer than this lets the next one go anyway:
# a stuck widget must not swallow the keyboard.
SETTLE_TIMEOUT = 2.0


class TypedAhead:
    """Mixed in before Textual's App: keys are dispatched one at a time, each after the last has settled."""

    _settling: asyncio.Task | None = None  # set while a key is being handled
    _releasing: events.Key | None = None  # the held key being let go now

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._typed_ahead: deque[events.Key] = deque()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and event is not self._releasing:
            if self._settling is not None:
                self._typed_ahead.append(event)
                return
            self._settling = asyncio.create_task(self._release_when_settled())
        await super().on_event(event)  # type: ignore[misc]

    async def _release_when_settled(self) -> None:
        try:
            while True:
                await self._settled()
                if not self._typed_ahead:
                    return
                self._releasing = self._typed_ahead.popleft()
                self.post_message(self._releasing)  # type: ignore[attr-defined]
        finally:
            self._settling = None
            self._releasing = None

    def _pumps(self) -> list:
        try:
            screen = self.screen  # type: ignore[attr-defined]
        except Exception:
            return [self]
        return [self, *screen.walk_children(with_self=True)]

    async def _settled(self) -> None:
        """Wait until every message queued at the app, its screen and the screen's widgets
        is handled, and handling them queued nothing new."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_TIMEOUT
        while loop.time() < deadline:
            if not await _one_pass(self._pumps(), deadline - loop.time()):
                return
            if not any(pump.message_queue_size for pump in self._pumps()):
                return


async def _one_pass(pumps: list, timeout: float) -> bool:
    """Wait until each pump has handled what it held when asked; False when none could be asked or on timeout."""
    waiting = 0
    done = asyncio.Event()

    def one_done() -> None:
        nonlocal waiting
        waiting -= 1
        if waiting == 0:
            done.set()

    for pump in pumps:
        if pump.call_later(one_done):
            waiting += 1
    if waiting == 0:
        return False
    try:
        await asyncio.wait_for(done.wait(), timeout)
    except TimeoutError:
        return False
    return True
