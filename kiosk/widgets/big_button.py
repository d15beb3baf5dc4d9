"""A touch button: at least 3 rows by 12 columns, never takes keyboard focus.

Nothing on the kiosk takes focus, so keys (a barcode scanner's typing and
Enter) reach the screen, and Enter never presses a button by accident.
"""

from __future__ import annotations

from textual.widgets import Button

from shared_ui.plain import plain


class BigButton(Button, can_focus=False):
    """A button for a finger. ``action=True`` gives the hall's action colour."""

    def __init__(
        self, label: str, *, id: str | None = None, classes: str = "", action: bool = False, disabled: bool = False
    ):
        super().__init__(
            plain(label), id=id, classes=(classes + (" -action" if action else "")).strip(), disabled=disabled
        )
