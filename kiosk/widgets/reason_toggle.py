"""One reason of a 差评 (GB/T 39734 Annex A's classes), ticked or not with a tap: the kiosk's and the pad's."""

from __future__ import annotations

from textual.widgets import Button

from kiosk.widgets.big_button import BigButton
from shared_ui.words import tr


class ReasonToggle(BigButton):
    """``☐ 服务态度不好`` / ``☑ 服务态度不好``: a tap ticks or unticks it; the screen reads :attr:`chosen` on sending."""

    def __init__(self, reason: str, *, id: str, chosen: bool = False, classes: str = "") -> None:
        self.reason = reason
        self.chosen = chosen
        super().__init__(self._label(), id=id, classes=(classes + (" -chosen" if chosen else "")).strip())

    def _label(self) -> str:
        return ("☑ " if self.chosen else "☐ ") + tr(f"rating.tag_{self.reason}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Its own press (one the tap guard let through) ticks or unticks it."""
        event.stop()
        self.chosen = not self.chosen
        self.label = self._label()
        self.set_class(self.chosen, "-chosen")
