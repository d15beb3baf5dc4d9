"""好差评 at the kiosk, by the tracking code of the visit: the visit itself (一次一评), a finished
case (一事一评), or how a 差评 was handled.

Steps: choose what to rate (when the code offers more than one:
:func:`kiosk.rating_choices.subjects`), tap one of five levels; a good one is
sent at once, a 不满意/非常不满意 of the visit or a case may tick its reasons
from the classified list first, then send (the handling's rating is the
level alone). The rules (finished, once, in time, only through a resident's
channel) are the models': ``hall.ratings.rate_visit`` and ``rate_case``,
``hall.bad_ratings.rate_handling``; this screen shows their answer.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.rating_choices import anything_rated, bad_levels, levels, subjects
from kiosk.rating_choices import reasons as tags
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.tap_guard import view_changed
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.reason_toggle import ExplainsReasons, ReasonHint, ReasonToggle
from shared_ui.plain import plain
from shared_ui.words import name_of, tr


class RatingSaved(Message):
    def __init__(self, facts) -> None:
        super().__init__()
        self.facts = facts


class RateScreen(ExplainsReasons, KioskScreen):
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
        self.choices = subjects(view)
        self.kind: str | None = None
        self.case_number: str | None = None
        if case_number is not None:
            self.kind, self.case_number = "case", case_number
        elif len(self.choices) == 1:
            self.kind, self.case_number = self.choices[0]
        self.step = "case" if self.kind is None else "level"
        if not self.choices:
            self.step = "none"
        self.level: str | None = None
        self.message = ""

    def heading(self) -> str:
        return tr("kiosk.rate_title")

    def _case(self) -> dict:
        cases = self.view.get("cases") or []
        return next((c for c in cases if c.get("number") == self.case_number), {})

    def _item(self) -> str:
        item = self._case().get("item") or {}
        return name_of(item.get("name", ""), item.get("name_en", ""))

    def _case_line(self) -> str:
        if self.kind == "visit":
            return tr("kiosk.rate_visit", ticket=self.case_number or "")
        if self.kind == "handling":
            return tr("kiosk.rate_handling", number=self.case_number or "")
        if self.kind == "visithandling":
            return tr("kiosk.rate_visit_handling", ticket=self.case_number or "")
        return tr("kiosk.rate_case", number=self.case_number or "", item=self._item())

    def _choice_label(self, kind: str, number: str) -> str:
        if kind == "visit":
            return f"{number}\n{tr('kiosk.rate_choice_visit')}"
        if kind in ("handling", "visithandling"):
            return f"{number}\n{tr('kiosk.rate_choice_handling')}"
        case = next((c for c in self.view.get("cases") or [] if c.get("number") == number), {})
        item = case.get("item") or {}
        return f"{number}\n{name_of(item.get('name', ''), item.get('name_en', ''))}"

    def compose_body(self) -> ComposeResult:
        if self.step == "none":
            rated = anything_rated(self.view)
            yield Static(tr("kiosk.rate_none_rated" if rated else "kiosk.rate_none"), id="rate-message")
        elif self.step == "case":
            yield Static(tr("kiosk.rate_choose_case"), id="rate-message")
            with Grid(id="rate-cases"):
                for kind, number in self.choices[:6]:
                    yield BigButton(plain(self._choice_label(kind, number)), id=f"{kind}-{number}", classes="case")
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
            yield ReasonHint()
            yield Static(plain(self.message), id="rate-message")
        else:  # done
            yield Static(tr("kiosk.rate_thanks"), id="rate-message", classes="-thanks")

    def compose_actions(self) -> ComposeResult:
        if self.step == "tags":
            yield BigButton(tr("kiosk.rate_send"), id="send", action=True)

    def go_back(self) -> None:
        if self.step == "tags":
            self._goto("level")
        elif self.step == "level" and len(self.choices) > 1:
            self._goto("case")
        else:
            super().go_back()

    def back_chosen(self) -> Message:
        return self.BackChosen(self.view)

    def _goto(self, step: str) -> None:
        if step == "case":
            self.kind = self.case_number = None
        self.step = step
        view_changed(self)  # other buttons where the finger is
        self.refresh(recompose=True)
        if step == "done":
            self.set_timer(8, lambda: self.post_message(self.Finished()))

    @on(Button.Pressed, ".case")
    def _case_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.kind, _, self.case_number = (event.button.id or "").partition("-")
        self._goto("level")

    @on(Button.Pressed, ".level")
    def _level_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.level = (event.button.id or "").removeprefix("level-")
        if self.level in bad_levels() and self.kind not in ("handling", "visithandling"):
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
        kind, number, level = self.kind, self.case_number, self.level
        chosen = [toggle.reason for toggle in self.query(ReasonToggle) if toggle.chosen]

        def rate(hall):
            if kind == "visit":
                return hall.ratings.rate_visit(code, level, chosen, channel="kiosk")
            if kind == "handling":
                return hall.bad_ratings.rate_handling(code, number, level)
            if kind == "visithandling":
                return hall.bad_ratings.rate_visit_handling(code, level)
            return hall.ratings.rate_case(code, number, level, chosen, channel="kiosk")

        self.ask(rate, RatingSaved, group="rate")

    def on_rating_saved(self, message: RatingSaved) -> None:
        self._goto("done")

    def on_query_failed(self, message: QueryFailed) -> None:
        note = self.query_one("#rate-message", Static)
        note.update(plain(self.failure_text(message.error)))
        note.add_class("-refused")
        for widget in self.query(BigButton):
            widget.disabled = False
