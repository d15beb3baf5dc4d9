"""Where am I: one's state on the whereabouts board, an optional note and the
time one expects to be back (Ctrl+T from any working screen).

The states are a list: arrows or their digit (1 在岗 … 6 请假) choose, Tab
moves to the note and the return time, Enter or Ctrl+S saves, Escape
cancels. The save is :meth:`models.staff.whereabouts.Whereabouts.set_state` in a
thread worker; a refusal (请假 without approved leave, a time that is not
one) stays in the dialog with what was typed.

The same dialog asks, when signing out or quitting, which state to leave in
(no 在岗 there, 休息 first, and a word on a ticket still at the window), and
lets a leader set someone else's state (``by``).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from models.schema.whereabouts import STATES
from shared_ui.plain import plain
from shared_ui.words import tr
from staff_tui.modals.saving_dialog import CANCEL_KEY, SavingDialog


@dataclass(frozen=True)
class StateRequest:
    """Whose state the dialog sets, and why."""

    staff: str
    name: str
    current: str = ""  # the current state's key, "" when unknown
    by: str | None = None  # a leader setting someone else's state
    sign_out: bool = False  # leaving: on_duty is not offered
    quitting: bool = False  # leaving by quitting the terminal (with sign_out)
    warning: str = ""  # what the person should know before leaving (a ticket still at the window)


class StateDialog(SavingDialog):
    BINDINGS = [CANCEL_KEY]

    def __init__(self, request: StateRequest) -> None:
        super().__init__(name="state-dialog")
        self.request = request
        states = [s for s in STATES if not (request.sign_out and s == "on_duty")]
        if request.sign_out:
            states.remove("resting")
            states.insert(0, "resting")
        self.states = states

    def compose(self) -> ComposeResult:
        request = self.request
        title_key = "staff_ui.where.sign_out_title" if request.sign_out else "staff_ui.where.set_title"
        if request.quitting:
            title_key = "staff_ui.where.quit_title"
        with Vertical(classes="dialog narrow", id="state-dialog"):
            yield Label(plain(tr(title_key, name=request.name, code=request.staff)), classes="dialog-title")
            if request.current:
                yield Static(
                    tr("staff_ui.where.now_state", state=tr(f"whereabouts.state_{request.current}")),
                    classes="dialog-hint",
                )
            if request.warning:
                yield Static(Content(request.warning), classes="dialog-error", id="state-warning")
            yield OptionList(
                *[
                    Option(f"{index}  {tr(f'whereabouts.state_{state}')}", id=state)
                    for index, state in enumerate(self.states, 1)
                ],
                id="states",
            )
            with Horizontal(id="state-extra"):
                with Vertical(id="state-note-box"):
                    yield Label(tr("staff_ui.where.note"), classes="field-label")
                    yield Input(id="note", placeholder=tr("staff_ui.where.note_hint"), compact=True, max_length=60)
                with Vertical(id="state-back-box"):
                    yield Label(tr("staff_ui.where.back"), classes="field-label")
                    yield Input(id="back", placeholder="10:30", compact=True, max_length=5)
            yield Static("", id="error", classes="dialog-error")
            if request.quitting:
                yield Static(tr("staff_ui.where.quit_again"), classes="dialog-hint")
            save = tr("staff_ui.where.sign_out_save") if request.sign_out else tr("staff_ui.save")
            if request.quitting:
                save = tr("staff_ui.where.quit_save")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{save} (Enter)", id="save", variant="primary", compact=True)
                yield Button(tr("staff_ui.cancel_button"), id="cancel", compact=True)

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False
        options = self.query_one("#states", OptionList)
        start = 0
        current = self.request.current
        if not self.request.sign_out and current in self.states:
            # Coming back is the usual change: on duty when away, else the first away state.
            start = 0 if current != "on_duty" else 1
        options.highlighted = start
        options.focus()

    @property
    def chosen(self) -> str:
        options = self.query_one("#states", OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        return self.states[index]

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit() and self.query_one("#states", OptionList).has_focus:
            index = int(event.character) - 1
            if 0 <= index < len(self.states):
                self.query_one("#states", OptionList).highlighted = index
                event.stop()

    @on(OptionList.OptionSelected, "#states")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def pending_save(self):
        state, note = self.chosen, self.query_one("#note", Input).value
        back = self.query_one("#back", Input).value.strip()
        request = self.request

        def save(hall):
            where = hall.whereabouts
            back_at = where.back_at_today(back) if back and state != "on_duty" else None
            return where.set_state(request.staff, state, note, back_at, by=request.by)

        return save
