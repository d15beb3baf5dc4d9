"""What every screen of the terminal is: one that asks the models through
:class:`~staff_tui.asking.Asking` (which also types its app), with its key
bindings in the clerk's words.
"""

from __future__ import annotations

from textual.screen import Screen

from shared_ui.words import localise_bindings
from staff_tui.asking import Asking


class StaffScreen(Asking, Screen):
    def __init__(self, *, name: str) -> None:
        super().__init__(name=name)
        localise_bindings(self)
