"""The rating pad's one screen: a greeting, or the five levels while the window asks for a rating.

Steps, composed again at each: ``idle`` (nobody asked), ``levels`` (the
request's five levels), ``reasons`` (a 不满意/非常不满意: tick what was wrong,
then send), ``thanks``. Whether there is a request, and whether a tap still
counts, is the models' answer (:func:`models.ratings.requests.open_request`,
:func:`models.ratings.visits.rate_at_pad`): a request that ended (rated, timed
out, the next call) takes the levels away, and a late tap is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from kiosk.rating_choices import bad_levels, levels, reasons
from kiosk.tap_guard import view_changed
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.reason_toggle import ExplainsReasons, ReasonHint, ReasonToggle
from shared_ui.live import HallChanged
from shared_ui.plain import plain
from shared_ui.words import tr
from shared_ui.workers import ask

THANKS_SECONDS = 5


class PadScreen(ExplainsReasons, Screen):
    @dataclass
    class RequestLoaded(Message, bubble=False):
        request: dict | None

    @dataclass
    class RatingSaved(Message, bubble=False):
        rating: dict

    @dataclass
    class RatingFailed(Message, bubble=False):
        error: Exception

    def __init__(self, window: int) -> None:
        super().__init__()
        self.window = window
        self.request: dict | None = None
        self.step = "idle"
        self.level: str | None = None
        self.message = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="pad"):
            if self.step == "idle":
                yield Static(tr("pad.idle"), id="pad-idle")
                yield Static(tr("pad.idle_hint"), id="pad-hint")
            elif self.step == "levels":
                yield Static(plain(tr("pad.prompt", ticket=(self.request or {}).get("ticket", ""))), id="pad-prompt")
                with Grid(id="pad-levels"):
                    for level in levels():
                        yield BigButton(tr(f"rating.level_{level}"), id=f"level-{level}", classes=f"level -{level}")
            elif self.step == "reasons":
                yield Static(tr("pad.reasons"), id="pad-prompt")
                with Grid(id="pad-reasons"):
                    for reason in reasons():
                        yield ReasonToggle(reason, id=f"reason-{reason}", classes="reason")
                yield ReasonHint()
                yield BigButton(tr("pad.send"), id="send", action=True)
            else:
                yield Static(tr("pad.thanks"), id="pad-thanks")
            yield Static(plain(self.message), id="pad-message")

    def on_mount(self) -> None:
        self.reload()
        self.set_interval(1.0, self._check_time)

    # --- what the window asks ------------------------------------------------------

    def reload(self) -> None:
        window = self.window
        ask(
            self,
            lambda hall: hall.ratings.open_request(window),
            self.RequestLoaded,
            lambda error: self.RequestLoaded(None),  # no database, no request: nothing can be rated
            group="pad-request",
        )

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith(("rating.", "ticket.")) for kind in message.kinds):
            self.reload()

    def _check_time(self) -> None:
        if self.request is None:
            return
        from models import clock

        if clock.now() >= self.request["until"]:
            self.reload()

    def on_pad_screen_request_loaded(self, message: RequestLoaded) -> None:
        if self.step == "thanks":
            return  # the thanks stay their time; the next load follows them
        request = message.request
        same = request is not None and self.request is not None and request["id"] == self.request["id"]
        self.request = request
        if request is None:
            if self.step != "idle":  # waiting already: nothing under the finger changes
                self._goto("idle")
        elif not same or self.step == "idle":
            self.level, self.message = None, ""
            self._goto("levels")

    def _goto(self, step: str) -> None:
        self.step = step
        if step == "idle":
            self.level = None
        view_changed(self)  # other buttons where the finger is
        self.refresh(recompose=True)

    # --- the resident's taps -------------------------------------------------------------

    @on(Button.Pressed, ".level")
    def _level_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.level = (event.button.id or "").removeprefix("level-")
        self.message = ""
        if self.level in bad_levels():
            self._goto("reasons")
        else:
            self.send()

    @on(Button.Pressed, "#send")
    def _send_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.send()

    def send(self) -> None:
        request = self.request
        if request is None or self.level is None:
            return
        for button in self.query(BigButton):
            button.disabled = True
        window, level = self.window, self.level
        chosen = [toggle.reason for toggle in self.query(ReasonToggle) if toggle.chosen]
        ask(
            self,
            lambda hall: hall.ratings.rate_at_pad(window, request["id"], level, chosen),
            self.RatingSaved,
            self.RatingFailed,
            group="pad-rate",
        )

    def on_pad_screen_rating_saved(self, message: RatingSaved) -> None:
        self.request = None
        self._goto("thanks")
        self.set_timer(THANKS_SECONDS, self._thanked)

    def _thanked(self) -> None:
        self.message = ""
        self._goto("idle")
        self.reload()

    def on_pad_screen_rating_failed(self, message: RatingFailed) -> None:
        from models.errors import Refused

        error = message.error
        self.message = error.message(self.app.language) if isinstance(error, Refused) else tr("kiosk.system_busy")
        self.request = None
        self._goto("idle")
        self.reload()
