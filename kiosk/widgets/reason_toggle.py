"""One reason of a 差评 (GB/T 39734 Annex A's classes), ticked or not with a tap: the kiosk's and the pad's.

A tap also says what the reason covers, in one plain line under the reasons
(:class:`ReasonHint`): a resident reads it before sending, and taps again to
untick a reason that turned out not to be theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Button, Static

from kiosk.widgets.big_button import BigButton
from shared_ui.plain import plain
from shared_ui.words import tr


class ReasonToggle(BigButton):
    """``☐ 服务态度不好`` / ``☑ 服务态度不好``: a tap ticks or unticks it; the screen reads :attr:`chosen` on sending."""

    @dataclass
    class Ticked(Message):
        """Ticked or unticked: ``reason`` and whether it is ``chosen`` now."""

        reason: str
        chosen: bool

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
        self.post_message(self.Ticked(self.reason, self.chosen))


class ReasonHint(Static):
    """Under the reasons: how to choose, then what the reason last tapped covers (one line, zh or en)."""

    def __init__(self, *, id: str = "reason-hint") -> None:
        super().__init__(plain(tr("rating.hint_choose")), id=id, classes="reason-hint")

    def explain(self, reason: str) -> None:
        self.update(plain(tr(f"rating.hint_{reason}")))


class ExplainsReasons:
    """A screen with reasons and their hint: each tap shows what the reason covers."""

    def on_reason_toggle_ticked(self, message: ReasonToggle.Ticked) -> None:
        message.stop()
        self.query_one(ReasonHint).explain(message.reason)  # type: ignore[attr-defined]
