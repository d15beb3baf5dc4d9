"""A touch button: at least 3 rows by 12 columns, never takes keyboard focus.

Nothing on the kiosk takes focus, so keys (a barcode scanner's typing and
Enter) reach the screen, and Enter never presses a button by accident. A tap
whose finger went down while the view had just changed is dropped
(:mod:`kiosk.tap_guard`): it was the tail of a double tap on what came before.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.widgets import Button

from shared_ui.plain import plain


class BigButton(Button, can_focus=False):
    """A button for a finger. ``action=True`` gives the hall's action colour."""

    repeatable = False  # a keypad key may be pressed twice in a row on purpose ("77")

    def __init__(
        self, label: str, *, id: str | None = None, classes: str = "", action: bool = False, disabled: bool = False
    ):
        super().__init__(
            plain(label), id=id, classes=(classes + (" -action" if action else "")).strip(), disabled=disabled
        )
        self._pressed_at: float | None = None
        # The terminal's moments of the presses the app sent here, oldest first (KioskApp.on_event):
        # each press is judged by its own moment, however late a busy app handles it.
        self.moments: deque[float] = deque(maxlen=4)

    # Textual calls the handler of every class in the MRO: these run before
    # Button's and Widget's, and only a refused click stops the rest.

    def _on_mouse_down(self, event: events.MouseDown) -> None:
        guard = getattr(self.app, "tap_guard", None)
        if guard is None:
            self._pressed_at = None
        elif self.moments:
            guard.press_time()  # this press's moment is its own: the shared one is spent
            self._pressed_at = self.moments.popleft()
        else:
            self._pressed_at = guard.press_time()

    def _on_click(self, event: events.Click) -> None:
        guard = getattr(self.app, "tap_guard", None)
        pressed_at, self._pressed_at = self._pressed_at, None
        if guard is not None and (pressed_at is None or not guard.judge(pressed_at, repeatable=self.repeatable)):
            # No press began on this button, or it began while the view was changing.
            event.prevent_default()
            event.stop()
