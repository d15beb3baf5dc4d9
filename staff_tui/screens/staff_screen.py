"""What every screen of the terminal is: one that asks the models through
:class:`~staff_tui.asking.Asking`, and knows its app as the staff terminal.

The app opens the screens, so a screen names :class:`~staff_tui.app.StaffApp`
for the type checker only: at run time the screens never import the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from staff_tui.asking import Asking

if TYPE_CHECKING:
    from staff_tui.app import StaffApp


class StaffScreen(Asking, Screen):
    if TYPE_CHECKING:

        @property
        def app(self) -> StaffApp: ...
