"""What every kiosk screen has: the header, a title line with 「请工作人员帮忙」 at
its right, a body and a row of touch buttons at the bottom (back, home and,
where a screen pages, Prev / Next).

The help button sits in the title's row, not the bottom one: at 80 columns
the bottom row is full with Back, Home, an action and the paging buttons,
and the title's row is three rows high anyway in large mode, so no list
entry is lost to it; it is in the same place on every screen.

A screen never shows another screen: it posts what the resident chose (a
message nested in the screen, named as a past event, e.g. ``HomeChosen``,
``LinesScreen.LineChosen``) and :mod:`kiosk.navigator` decides what comes next.

``ask(fn, done)`` runs ``fn(hall)`` in a thread worker inside a database
connection (:func:`shared_ui.workers.ask`) and posts ``done(result)`` back,
or :class:`QueryFailed`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from kiosk.tap_guard import view_changed
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.header import HallHeader
from kiosk.widgets.heading import Heading
from kiosk.widgets.paged import PageChanged
from models.errors import Refused
from shared_ui.live import HallChanged
from shared_ui.words import tr
from shared_ui.workers import ask


class QueryFailed(Message):
    """A question to the models failed: ``error`` is a Refused or another exception."""

    def __init__(self, error: Exception, tag: str = "") -> None:
        super().__init__()
        self.error = error
        self.tag = tag


class KioskScreen(Screen):
    back_button = True
    pages = False
    has_typed = False
    # Narrow screens give the bottom row's buttons a little less room each (kiosk.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # Tall screens have room for what a screen shows at a glance above its text (kiosk.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]

    def heading(self) -> str:
        return ""

    def idle_limit(self, config) -> int:
        """Seconds without a touch before the kiosk asks whether more time is needed."""
        return config.idle_seconds

    def compose(self) -> ComposeResult:
        yield HallHeader()
        with Horizontal(id="title-row"):
            yield Heading(self.heading(), id="title")
            yield BigButton(tr("kiosk.help"), id="help")
        yield from self.compose_body()
        with Horizontal(id="nav"):
            if self.back_button:
                yield BigButton(tr("kiosk.back"), id="back")
            yield BigButton(tr("kiosk.home"), id="home")
            yield from self.compose_actions()
            if self.pages:
                yield Static("", id="spacer")
                yield BigButton(tr("kiosk.prev"), id="prev", disabled=True)
                yield Static("", id="page-label")
                yield BigButton(tr("kiosk.next"), id="next", disabled=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def compose_actions(self) -> ComposeResult:
        yield from ()

    def set_heading(self, text: str) -> None:
        self.query_one("#title", Heading).update(text)
        self._read_aloud(text)

    def spoken(self) -> str:
        """What is read aloud when the screen comes up (kiosk.speech_command)."""
        return self.heading()

    def on_screen_resume(self) -> None:
        self._read_aloud(self.spoken())

    def _read_aloud(self, text: str) -> None:
        read = getattr(self.app, "read_aloud", None)  # the kiosk's; a screen under test may stand alone
        if read is not None and self.is_current:
            read(text)

    # --- buttons: what the resident chose goes to the app (kiosk.navigator) ------------

    class HomeChosen(Message):
        """The resident tapped Home."""

    class HelpAsked(Message):
        """The resident tapped 「请工作人员帮忙」."""

    class BackChosen(Message):
        """The resident tapped Back. (A screen whose Back leads elsewhere than home posts its own
        BackChosen, with what the app needs to know where.)"""

    @on(Button.Pressed, "#home")
    def _home_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.HomeChosen())

    @on(Button.Pressed, "#help")
    def _help_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.HelpAsked())

    @on(Button.Pressed, "#back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.go_back()

    @on(Button.Pressed, "#prev")
    def _prev_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.turn(-1)

    @on(Button.Pressed, "#next")
    def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.turn(1)

    def go_back(self) -> None:
        self.post_message(self.back_chosen())

    def back_chosen(self) -> Message:
        """What tapping Back says: home, unless the screen says otherwise."""
        return KioskScreen.BackChosen()

    def turn(self, delta: int) -> None:
        """Prev / Next: screens that page pass it to their paged widget."""

    def on_page_changed(self, message: PageChanged) -> None:
        view_changed(self)  # another page under the finger: as good as another screen
        if not self.pages:
            return
        prev, next_ = self.query_one("#prev", BigButton), self.query_one("#next", BigButton)
        prev.disabled = message.page <= 0
        next_.disabled = message.page >= message.pages - 1
        prev.display = next_.display = message.pages > 1
        label = self.query_one("#page-label", Static)
        label.update(tr("kiosk.page", page=message.page + 1, pages=message.pages) if message.pages > 1 else "")

    # --- the models, in a thread ---------------------------------------------------

    def ask(self, fn: Callable, done: Callable[[object], Message], *, group: str = "query") -> None:
        """Run ``fn(hall)`` in a thread worker; post ``done(result)`` or QueryFailed (tagged ``group``)."""
        ask(self, fn, done, lambda error: QueryFailed(error, group), group=group)

    def failure_text(self, error: Exception) -> str:
        if isinstance(error, Refused):
            return error.message(self.app.language)
        return tr("kiosk.system_busy")

    def on_hall_changed(self, message: HallChanged) -> None:
        self.refresh_data(message)

    def refresh_data(self, message: HallChanged | None = None) -> None:
        """Load again after a change in the hall (screens that show live data)."""
