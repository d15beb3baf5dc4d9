"""Taps that land right after the screen changed are not the resident's choice.

A tap acts on release, and only on the widget the finger went down on
(Textual makes a click only when press and release hit the same widget). What
Textual does not know is that the screen under the finger changed in between:
the second tap of a double tap (100–300 ms after the first; 500 ms is the
slowest a desktop double click allows) would press whatever the next screen
has at that spot. So every button asks this guard, with the moment its press
began, whether the view had been settled long enough by then.

Half a second covers the slowest double tap counted from the screen change
(which comes after the first tap's release), and stays below the time anyone
needs to read a new screen and reach for it (0.6 s and more), so a deliberate
next tap never feels dead.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.dom import DOMNode

# A press read this long ago and still not handled: the app was stalled, and the finger's moment
# (not the handling's) is what counts; older than this it cannot be the press being handled.
STALE_SECONDS = 10.0


class TapGuard:
    SECONDS = 0.5

    def __init__(self, seconds: float = SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self.changed_at = float("-inf")
        self.touched_at: float | None = None  # when the terminal's last press was read, not handled
        self.accepted_at = float("-inf")  # the terminal's moment of the last press let through

    def now(self) -> float:
        return self.clock()

    def changed(self) -> None:
        """The view changed under the finger (another screen, another page, a dialog)."""
        self.changed_at = self.clock()

    def touched(self, at: float) -> None:
        """The terminal reported a press at ``at`` (its message's time): a busy app may handle it
        later, and the guard must judge the finger's moment, not the handling's."""
        self.touched_at = at

    def press_time(self) -> float:
        """When the press being handled began: the terminal's moment if it is fresh, else now."""
        now = self.clock()
        at, self.touched_at = self.touched_at, None
        return at if at is not None and 0 <= now - at < STALE_SECONDS else now

    def accepts(self, pressed_at: float) -> bool:
        """Whether a press that began at ``pressed_at`` was meant for what is shown now."""
        return pressed_at - self.changed_at >= self.seconds

    def judge(self, pressed_at: float, *, repeatable: bool = False) -> bool:
        """Whether to let a press through, judged by the terminal's moments alone: not within the
        guard's time of a change, nor of the press before it (unless a key that may type twice).

        The second rule holds whatever the app's load: the change a first tap causes is handled
        some time after the tap, and a busy app may handle the second tap before or after it, on
        the old view or the new; the two fingers' moments are 150 ms apart either way."""
        if not self.accepts(pressed_at):
            return False
        if not repeatable and pressed_at - self.accepted_at < self.seconds:
            return False
        self.accepted_at = pressed_at
        return True

    def settle(self) -> None:
        """As if the resident had looked at the view for a while (tests, after a deliberate pause)."""
        self.changed_at = self.clock() - self.seconds
        self.accepted_at = float("-inf")


def view_changed(node: DOMNode) -> None:
    """Tell the app's guard (if it has one) that what ``node`` shows changed under the finger."""
    guard = getattr(node.app, "tap_guard", None)
    if guard is not None:
        guard.changed()


def press_reported(app, event: events.MouseDown) -> None:
    """The terminal reported a press: the app's guard learns its moment, and so does the button
    under the finger (the one Textual forwards it to), which judges it by that moment later."""
    from kiosk.widgets.big_button import BigButton

    app.tap_guard.touched(event.time)
    try:
        widget, _ = app.get_widget_at(event.x, event.y)
    except Exception:  # nothing there (the screen is changing): the guard's shared moment stands
        return
    node = widget
    while node is not None and not isinstance(node, BigButton):
        node = node.parent
    if isinstance(node, BigButton):
        node.moments.append(event.time)
