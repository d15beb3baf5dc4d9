"""One case's 差评 loop: where it stands, what is due, and its next steps on a few keys.

The steps shown are those the models say this person may take now
(:func:`models.cases.bad_ratings.rights.followup_steps`); each opens a small
dialog (:mod:`staff_tui.followup_forms`) that stays open with the models'
sentence when they refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from models.cases.bad_ratings.rights import followup_steps
from shared_ui.live import HallChanged
from shared_ui.words import tr
from staff_tui import queries
from staff_tui.case_words import person_text
from staff_tui.followup_forms import step_dialog
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.widgets.action_bar import ActionBar
from staff_tui.widgets.followup_fields import FollowupFields, head_line
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.status_bar import StatusBar

# (step, key): one key a step, the same in both languages.
STEP_KEYS = [
    ("assign", "a"),
    ("call", "c"),
    ("classify", "k"),
    ("fix_now", "i"),
    ("plan", "p"),
    ("plan_done", "o"),
    ("explain", "e"),
    ("appeal", "s"),
    ("decide", "d"),
    ("tell", "t"),
]


class LoopEntry:
    """The case screen's way into its 差评's loop (G), where the case rules offer it."""

    number: str

    def _step_followup(self) -> None:
        self.app.push_screen(FollowupScreen(self.number))  # type: ignore[attr-defined]


@dataclass
class LoopAnswer:
    view: dict | None
    names: dict
    people: list


class FollowupScreen(WideOrNarrowScreen):
    @dataclass
    class LoopLoaded(Message, bubble=False):
        answer: LoopAnswer

    DEFAULT_CSS = """
    FollowupScreen #followup-body { height: 1fr; padding: 0 1; }
    FollowupScreen #followup-head { margin-bottom: 1; }
    """
    WIDE_FROM = 100
    BINDINGS = [
        *[Binding(key, f"step('{step}')", f"followup.step_{step}", key_display=key.upper()) for step, key in STEP_KEYS],
        Binding("escape,f9", "back", "staff_ui.back", key_display="Esc"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10", show=False),
    ]
    MESSAGE_LINE = "#followup-message"
    BOLD_ERRORS = False

    def __init__(self, number: str) -> None:
        super().__init__(name="followup")
        self.number = number
        self.answer: LoopAnswer | None = None
        self.allowed: list[str] = []

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with VerticalScroll(id="followup-body"):
            yield Static(tr("staff_ui.loading"), id="followup-head")
            yield FollowupFields("", id="followup-fields")
        yield Static("", id="followup-message", classes="message-line")
        yield ActionBar(
            [(step, f"{key.upper()} {tr(f'followup.step_{step}')}") for step, key in STEP_KEYS], id="followup-actions"
        )
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#followup-body").focus()
        self.load()

    def load(self) -> None:
        number, leader = self.number, self.app.shift.is_leader

        def read(hall) -> LoopAnswer:
            view = hall.bad_ratings.view(number)
            names = {p.code: p.name for p in queries.people()}
            return LoopAnswer(view, names, queries.people() if leader else [])

        self.ask(read, self.LoopLoaded, group="followup-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith(("case.", "rating.")) for kind in message.kinds):
            self.load()

    def on_followup_screen_loop_loaded(self, message: LoopLoaded) -> None:
        answer = message.answer
        self.answer = answer
        view = answer.view
        if view is None:
            self.query_one("#followup-head", Static).update(tr("staff_followup.none", number=self.number))
            self.allowed = []
        else:
            self.query_one("#followup-head", Static).update(head_line(self.number, view))
            self.query_one(FollowupFields).show(view, self._person)
            self.allowed = followup_steps(self.app.shift, view)
        self.refresh_bindings()
        self.query_one(ActionBar).sync()

    def _person(self, code: str | None) -> str:
        return person_text(code, self.answer.names if self.answer else {})

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "step" or action in dict(STEP_KEYS):  # the footer asks step('x'), the buttons 'x'
            name = (parameters[0] if parameters else "") if action == "step" else action
            return name in self.allowed
        return True

    def run_action(self, action, *args, **kwargs):  # buttons call actions by their plain names
        if isinstance(action, str) and action in dict(STEP_KEYS):
            action = f"step('{action}')"
        return super().run_action(action, *args, **kwargs)

    def action_step(self, step: str) -> None:
        if step not in self.allowed or self.answer is None or self.answer.view is None:
            return
        answer = self.answer
        dialog = step_dialog(
            step, self.number, self.app.shift.code, self.app.hall.bad_ratings, answer.view, answer.people
        )

        def closed(result) -> None:
            if result:
                said = "followup_cli.done_visit" if "/" in self.number else "followup_cli.done"  # a visit: day/ticket
                self.say(tr(said, number=self.number, step=tr(f"followup.step_{step}")))
                self.load()

        self.app.push_screen(dialog, closed)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_lock(self) -> None:
        self.app.lock()
