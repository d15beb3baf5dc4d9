"""Sign-in: staff code and PIN, then the window for this shift.

The PIN is checked by :func:`models.staff.signin.sign_in` in a thread worker (it
records the attempt and locks the code after too many wrong PINs in a row).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from models.i18n import pick
from models.staff.signin import sign_in, start_shift
from shared_ui.plain import plain
from shared_ui.words import tr
from staff_tui.screens.staff_screen import StaffScreen
from staff_tui.widgets.footer import HallFooter


class SignInScreen(StaffScreen):
    @dataclass
    class SignedIn(Message, bubble=False):
        """The PIN was right: who this is, and the windows they may take."""

        info: object
        choices: list

    BINDINGS = [
        Binding("escape", "back", "staff_signin.back", key_display="Esc"),
        Binding("ctrl+q", "app.quit", "staff_ui.quit"),
    ]

    def __init__(self) -> None:
        super().__init__(name="signin")
        self.info = None
        self.choices = []
        self.busy = False

    def compose(self) -> ComposeResult:
        config = self.app.config
        with Center():
            with Vertical(classes="card", id="signin-card"):
                yield Label(plain(pick(config.hall_name, config.hall_name_en, self.app.lang)), classes="card-title")
                yield Label(tr("staff_signin.title"), classes="card-subtitle")
                with Vertical(id="signin-fields"):
                    yield Label(tr("staff_signin.code"), classes="field-label")
                    yield Input(id="code", placeholder=tr("staff_signin.code_hint"), compact=True, max_length=32)
                    yield Label(tr("staff_signin.pin"), classes="field-label")
                    yield Input(id="pin", password=True, compact=True, max_length=12)
                    yield Button(tr("staff_signin.submit"), id="submit", variant="primary", compact=True)
                with Vertical(id="signin-windows"):
                    yield Label("", id="hello", classes="field-label")
                    yield OptionList(id="windows")
                    yield Label(tr("staff_signin.window_hint"), classes="dialog-hint")
                yield Static("", id="signin-message", classes="dialog-error")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#submit", Button).can_focus = False
        self.query_one("#signin-windows").display = False
        self.query_one("#code", Input).focus()

    @on(Input.Submitted, "#code")
    def _code_done(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def _pin_done(self) -> None:
        self.submit()

    @on(Button.Pressed, "#submit")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit()

    def say(self, text: str) -> None:
        self.query_one("#signin-message", Static).update(plain(text))

    def submit(self) -> None:
        if self.busy:
            return
        code = self.query_one("#code", Input).value.strip()
        pin = self.query_one("#pin", Input).value
        if not code:
            self.query_one("#code", Input).focus()
            return
        self.busy = True
        self.say(tr("staff_signin.checking"))
        config, terminal = self.app.config, self.app.terminal
        self.ask(
            lambda hall: sign_in(config, code, pin, terminal=terminal),
            lambda answer: self.SignedIn(*answer),
            group="signin",
        )

    def ask_failed(self, failure) -> None:
        self.busy = False
        pin = self.query_one("#pin", Input)
        pin.value = ""
        pin.focus()
        self.say(failure.words)

    def on_sign_in_screen_signed_in(self, message: SignedIn) -> None:
        self.busy = False
        self.info, self.choices = message.info, message.choices
        self.query_one("#pin", Input).value = ""
        self.say("")
        self.query_one("#signin-fields").display = False
        panel = self.query_one("#signin-windows")
        panel.display = True
        self.query_one("#hello", Label).update(
            plain(tr("staff_signin.hello", name=self.info.name, code=self.info.code))
        )
        options = self.query_one("#windows", OptionList)
        options.clear_options()
        lang = self.app.lang
        for choice in self.choices:
            post = tr("staff_signin.post", post=choice.post) if choice.post else ""
            paused = " " + tr("staff_queue.paused_short") if choice.paused else ""
            label = tr("staff_ui.window_choice", window=choice.number, name=pick(choice.name, choice.name_en, lang))
            options.add_option(Option(plain(f"{label} {post}{paused}".rstrip()), id=str(choice.number)))
        options.highlighted = 0
        options.focus()
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        shift = start_shift(self.info, int(event.option.id), self.choices)
        self.app.begin_shift(shift)

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "back":
            return self.info is not None
        return True

    def action_back(self) -> None:
        self.info, self.choices = None, []
        self.query_one("#signin-windows").display = False
        self.query_one("#signin-fields").display = True
        self.say("")
        self.query_one("#code", Input).focus()
        self.refresh_bindings()
