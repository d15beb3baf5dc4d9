"""Home: four big choices, language, large text; whether tickets are issued now."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.screens.base import KioskScreen
from kiosk.wedge import WedgeBuffer
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.choice import Choice
from kiosk.widgets.header import issuing_text
from shared_ui.plain import plain
from shared_ui.words import tr


class HomeScreen(KioskScreen):
    back_button = False

    class ServiceChosen(Message):
        """The resident tapped one of the four choices: ``service`` is "take", "guide", "track" or "rate"."""

        def __init__(self, service: str) -> None:
            super().__init__()
            self.service = service

    class OtherLanguageChosen(Message):
        """The resident tapped the other language's button."""

    class LargeTextToggled(Message):
        """The resident tapped large text on (or off)."""

    class MyTicketChosen(Message):
        """The resident tapped 「我的号票」: this kiosk's last ticket again."""

    class CheckInChosen(Message):
        """The resident tapped 「预约签到」: they booked and have come."""

    class BookChosen(Message):
        """预约: the resident chooses the item first (its notice has the button)."""

    class CodeScanned(Message):
        """A scanner typed a code (and Enter) on the home screen."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__()
        self.wedge = WedgeBuffer()

    @property
    def has_typed(self) -> bool:
        return bool(self.wedge.text)

    def heading(self) -> str:
        return tr("kiosk.welcome")

    def compose_body(self) -> ComposeResult:
        yield Static(id="banner")
        with Grid(id="choices"):
            yield Choice(*self._words("take"), id="take", action=True)
            yield Choice(*self._words("guide"), id="guide")
            yield Choice(*self._words("track"), id="track")
            yield Choice(*self._words("rate"), id="rate")

    def compose(self) -> ComposeResult:
        yield from super().compose()

    def compose_actions(self) -> ComposeResult:
        shown = self.app.last_ticket.get()
        if shown is not None:
            receipt = shown[0]
            yield BigButton(tr("kiosk.my_ticket", number=getattr(receipt, "number", "")), id="my-ticket")
        yield Static("", id="spacer")
        yield BigButton(tr("kiosk_check_in.button"), id="check-in")
        yield BigButton(tr("kiosk_book.button"), id="book")
        yield BigButton(tr("kiosk.other_language"), id="lang")
        yield BigButton(tr("kiosk.large_off" if self.app.large else "kiosk.large_on"), id="large")

    def _words(self, choice: str) -> tuple[str, str]:
        return tr(f"kiosk.choice_{choice}"), tr(f"kiosk.choice_{choice}_hint")

    def on_mount(self) -> None:
        self.query_one("#home", BigButton).display = False
        self.update_issuing()
        self.set_interval(5.0, self.update_issuing)

    def on_day_state_learned(self) -> None:
        self.update_issuing()

    def update_issuing(self) -> None:
        if self.query("#my-ticket") and self.app.last_ticket.get() is None:
            self.query_one("#my-ticket").remove()  # its few minutes are over
        text, is_open = issuing_text(self.app)
        banner = self.query_one("#banner", Static)
        banner.update(plain(text) if not is_open else tr("kiosk.issuing_open_long"))  # a leader's reason is text
        banner.set_class(is_open, "-open")
        banner.set_class(not is_open, "-closed")
        take = self.query_one("#take", Choice)
        take.disabled = not is_open
        name, hint = self._words("take") if is_open else (tr("kiosk.choice_take"), tr("kiosk.header_closed"))
        take.set_words(name, hint)

    @on(Button.Pressed, ".choice")
    def _choice_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.ServiceChosen(event.button.id or ""))

    @on(Button.Pressed, "#my-ticket")
    def _my_ticket_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.MyTicketChosen())

    @on(Button.Pressed, "#check-in")
    def _check_in_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.CheckInChosen())

    @on(Button.Pressed, "#book")
    def _book_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.BookChosen())

    @on(Button.Pressed, "#lang")
    def _language_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.OtherLanguageChosen())

    @on(Button.Pressed, "#large")
    def _large_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.LargeTextToggled())

    def on_key(self, event: events.Key) -> None:
        text = self.wedge.feed(event)
        event.stop()
        if text and text.strip():
            self.post_message(self.CodeScanned(text))
