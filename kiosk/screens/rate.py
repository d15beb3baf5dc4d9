"""好差评: rate a finished case, once, by the tracking code of the visit.

Steps: choose the case (when the visit has several that can be rated), tap
one of five levels; a good one is sent at once, a 不满意/非常不满意 may tick
its reasons from the classified list first, then send. The rules (finished,
once, in time, only through a resident's channel) are
``models.cases.ratings.rate_by_code``'s; this screen shows its answer.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.rating_choices import bad_levels, levels
from kiosk.rating_choices import reasons as tags
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.tap_guard import view_changed
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.reason_toggle import ReasonToggle
from shared_ui.plain import plain
from shared_ui.words import name_of, tr


class RatingSaved(Message):
    def __init__(self, facts) -> None:
        super().__init__()
        self.facts = facts


class RateScreen(KioskScreen):
    """The steps (case, level, tags, done) are this one screen, composed again at each."""

    class BackChosen(KioskScreen.BackChosen):
        """Back from the first step: to what the code shows."""

        def __init__(self, view: dict) -> None:
            super().__init__()
            self.view = view

    class Finished(Message):
        """The thanks have been on screen long enough."""

    def __init__(self, view: dict, case_number: str | None = None) -> None:
        super().__init__()
        self.view = view
        self.rateable = [c for c in view.get("cases") or [] if c.get("can_rate")]
        if case_number is None and len(self.rateable) == 1:
            case_number = self.rateable[0].get("number")
        self.case_number = case_number
        self.step = "case" if case_number is None else "level"
        if not self.rateable:
            self.step = "none"
        self.level: str | None = None
        self.message = ""

    def heading(self) -> str:
        return tr("kiosk.rate_title")

    def _case(self) -> dict:
        return next((c for c in self.rateable if c.get("number") == self.case_number), {})

    def _case_line(self) -> str:
        case = self._case()
        item = case.get("item") or {}
        return tr(
            "kiosk.rate_case",
            number=self.case_number or "",
            item=name_of(item.get("name", ""), item.get("name_en", "")),
        )

    def compose_body(self) -> ComposeResult:
        if self.step == "none":
            rated = any(c.get("rated") for c in self.view.get("cases") or [])
            yield Static(tr("kiosk.rate_none_rated" if rated else "kiosk.rate_none"), id="rate-message")
        elif self.step == "case":
            yield Static(tr("kiosk.rate_choose_case"), id="rate-message")
            with Grid(id="rate-cases"):
                for case in self.rateable[:6]:
                    item = case.get("item") or {}
                    label = f"{case.get('number')}\n{name_of(item.get('name', ''), item.get('name_en', ''))}"
                    yield BigButton(label, id=f"case-{case.get('number')}", classes="case")
        elif self.step == "level":
            yield Static(plain(self._case_line()), id="rate-case-line")
            with Grid(id="rate-levels"):
                for level in levels():
                    yield BigButton(tr(f"rating.level_{level}"), id=f"level-{level}", classes=f"level -{level}")
            yield Static(plain(self.message), id="rate-message")
        elif self.step == "tags":
            yield Static(tr("kiosk.rate_tags", level=tr(f"rating.level_{self.level}")), id="rate-case-line")
            with Grid(id="rate-tags"):
                for tag in tags():
                    yield ReasonToggle(tag, id=f"tag-{tag}", classes="tag")
            yield Static(plain(self.message), id="rate-message")
        else:  # done
            yield Static(tr("kiosk.rate_thanks"), id="rate-message", classes="-thanks")

    def compose_actions(self) -> ComposeResult:
        if self.step == "tags":
            yield BigButton(tr("kiosk.rate_send"), id="send", action=True)

    def go_back(self) -> None:
        if self.step == "tags":
            self._goto("level")
        elif self.step == "level" and len(self.rateable) > 1:
            self._goto("case")
        else:
            super().go_back()

    def back_chosen(self) -> Message:
        return self.BackChosen(self.view)

    def _goto(self, step: str) -> None:
        if step == "case":
            self.case_number = None
        self.step = step
        view_changed(self)  # other buttons where the finger is
        self.refresh(recompose=True)
        if step == "done":
            self.set_timer(8, lambda: self.post_message(self.Finished()))

    @on(Button.Pressed, ".case")
    def _case_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.case_number = (event.button.id or "").removeprefix("case-")
        self._goto("level")

    @on(Button.Pressed, ".level")
    def _level_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.level = (event.button.id or "").removeprefix("level-")
        if self.level in bad_levels():
            self._goto("tags")
        else:
            self.send()

    @on(Button.Pressed, "#send")
    def _send_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.send()

    def send(self) -> None:
        for widget in self.query(BigButton):
            if widget.id in ("send",) or (widget.id or "").startswith("tag-"):
                widget.disabled = True
        self.query_one("#rate-message", Static).update(tr("kiosk.please_wait"))
        code = self.view.get("tracking_code", "")
        number, level = self.case_number, self.level
        chosen = [toggle.reason for toggle in self.query(ReasonToggle) if toggle.chosen]

        def rate(hall):
            from models.cases.ratings import rate_by_code

            return rate_by_code(hall.config, code, number, level, chosen, channel="kiosk")

        self.ask(rate, RatingSaved, group="rate")

    def on_rating_saved(self, message: RatingSaved) -> None:
        self._goto("done")

    def on_query_failed(self, message: QueryFailed) -> None:
        note = self.query_one("#rate-message", Static)
        note.update(plain(self.failure_text(message.error)))
        note.add_class("-refused")
        for widget in self.query(BigButton):
            widget.disabled = False
