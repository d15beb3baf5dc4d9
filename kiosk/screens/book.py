"""预约 at the kiosk: a day, a slot, a phone number, then the booking code and its QR.

Three steps on one screen, each a few taps: the open days of the item (as
``hall.appointments.open_days`` gives them), the free slots of the day
chosen, then the mobile number on a digits-only keypad (for the reminder)
and 确认预约. The answer is the booking code, large, the QR of the booking's
page (scanned at the kiosk on the day, it checks the resident in) and the
time to come. With a printer the booking's slip is printed as a ticket is
(code, QR, item, day and time to come, where the 一次性告知 is; no phone
number), and 「请取走您的预约凭条」 is said only once the print has succeeded;
without one (or when it fails) the heading says to note or photograph the
code. Every rule (places, cut-off, limits per phone) is the models'; a
refusal is said in one sentence and the resident may choose again; a slot
taken meanwhile reloads the days and slots and says so. Changing the
buttons under the finger tells the tap guard.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static
from textual.worker import get_current_worker

from kiosk.keypad_typing import KeypadTyping
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.tap_guard import view_changed
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.keypad import Keypad
from shared_ui.big_text import BigText
from shared_ui.plain import plain
from shared_ui.words import name_of, tr

PHONE_DIGITS = 11
BOOKING_PATH = "/book/{code}"  # the booking's page on the hall's web service


def day_words(day) -> str:
    return tr("time.date_format", month=day.month, day=day.day)


class BookScreen(KeypadTyping, KioskScreen):
    """``item_code``, ``item_name``: what is booked; ``back``: where Back leads (the item's notice)."""

    class DaysLoaded(Message):
        def __init__(self, days) -> None:
            super().__init__()
            self.days = [day for day in days if any(slot.free for slot in day.slots)]

    class DaysReloaded(DaysLoaded):
        """The days read again after the chosen slot was taken meanwhile."""

    class Booked(Message):
        """The booking was made: ``booking`` is the models' Booking."""

        def __init__(self, booking) -> None:
            super().__init__()
            self.booking = booking

    class SlipPrinted(Message):
        """The booking's slip came out of the printer."""

    class SlipFailed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class BackChosen(KioskScreen.BackChosen):
        def __init__(self, item_code: str, back: tuple | None) -> None:
            super().__init__()
            self.item_code = item_code
            self.back = back

    def __init__(self, item_code: str, item_name: str = "", back: tuple | None = None) -> None:
        super().__init__()
        self.item_code = item_code
        self.item_name = item_name
        self.back = back
        self.days: list = []
        self.day = None
        self.slot = None
        self.phone = ""
        self.busy = False
        self.done = False
        self.made = None  # the Booking, once made

    @property
    def has_typed(self) -> bool:
        return bool(self.phone) and not self.done

    def heading(self) -> str:
        return tr("kiosk_book.title", item=self.item_name) if self.item_name else tr("kiosk_book.button")

    def compose_body(self) -> ComposeResult:
        yield Static(tr("kiosk.please_wait"), id="book-message")
        yield Grid(id="book-choices")
        yield Static("", id="phone-display")
        yield Keypad(id="keypad", digits_only=True)
        with Horizontal(id="booked"):
            with Vertical(id="booked-info"):
                yield Static(tr("kiosk_book.code"), id="booked-label")
                yield Static("", id="booked-time")
            yield Vertical(id="booked-qr")

    def compose_actions(self) -> ComposeResult:
        yield BigButton(tr("kiosk_book.change"), id="change")
        yield BigButton(tr("kiosk_book.confirm"), id="confirm", action=True)
        yield Static("", id="print-status")

    def printing(self) -> bool:
        return bool(self.app.hall.config.kiosk.printer)

    def on_mount(self) -> None:
        self._step("days")
        code = self.item_code
        self.ask(lambda hall: hall.appointments.open_days(code), self.DaysLoaded, group="days")

    def refresh_data(self, message=None) -> None:
        """The slots are read once: a place taken meanwhile is refused at 确认预约, and they are read again."""

    def back_chosen(self) -> Message:
        return self.BackChosen(self.item_code, self.back)

    # --- the steps ---------------------------------------------------------------------

    def _step(self, step: str) -> None:
        self.step = step
        phone = step == "phone"
        self.query_one("#book-choices").display = step in ("days", "slots")
        self.query_one("#phone-display").display = phone
        self.query_one("#keypad").display = phone
        self.query_one("#confirm").display = phone
        self.query_one("#change").display = step in ("slots", "phone")
        self.query_one("#booked").display = step == "booked"
        view_changed(self)  # other buttons where the finger is

    def _say(self, text: str, refused: bool = False) -> None:
        message = self.query_one("#book-message", Static)
        message.update(plain(text))
        message.set_class(refused, "-refused")

    def _choices(self, buttons: list[BigButton]) -> None:
        """The grid's buttons replaced; the old ones are gone before the new are mounted (the
        same day's slots shown again keep their ids)."""
        grid = self.query_one("#book-choices", Grid)

        async def replace() -> None:
            await grid.remove_children()
            await grid.mount_all(buttons)
            view_changed(self)

        self.run_worker(replace(), group="choices", exclusive=True)

    def _show_days(self) -> None:
        self.day = self.slot = None
        self._step("days")
        if not self.days:
            self._say(tr("kiosk_book.no_days"), refused=True)
            self._choices([])
            return
        self._say(tr("kiosk_book.choose_day"))
        self._choices(
            [
                BigButton(tr("kiosk_book.day", day=day_words(day.day)), id=f"day-{day.day:%Y%m%d}", classes="day")
                for day in self.days
            ]
        )

    def _show_slots(self) -> None:
        self.slot = None
        self._step("slots")
        self._say(tr("kiosk_book.choose_slot", day=day_words(self.day.day)))
        slots = [slot for slot in self.day.slots if slot.free]
        self._choices([BigButton(slot.label, id=f"slot-{slot.start:%H%M}", classes="slot") for slot in slots])

    def _show_phone(self) -> None:
        self._step("phone")
        self._say(tr("kiosk_book.phone", day=day_words(self.day.day), time=self.slot.label))
        self._show_number()

    def _show_number(self) -> None:
        self.query_one("#phone-display", Static).update(self.phone or " ")

    def on_book_screen_days_loaded(self, message: DaysLoaded) -> None:
        self.days = message.days
        self._show_days()

    @on(Button.Pressed, ".day")
    def _day_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        chosen = (event.button.id or "").removeprefix("day-")
        self.day = next(day for day in self.days if f"{day.day:%Y%m%d}" == chosen)
        self._show_slots()

    @on(Button.Pressed, ".slot")
    def _slot_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        chosen = (event.button.id or "").removeprefix("slot-")
        self.slot = next(slot for slot in self.day.slots if f"{slot.start:%H%M}" == chosen)
        self._show_phone()

    @on(Button.Pressed, "#change")
    def _change_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.step == "phone":
            self._show_slots()
        else:
            self._show_days()

    # --- the phone number ----------------------------------------------------------------

    def on_keypad_key_tapped(self, message: Keypad.KeyTapped) -> None:
        if len(self.phone) < PHONE_DIGITS:
            self.phone += message.symbol
            self._show_number()

    def typed_text(self) -> str:
        return self.phone

    def retype(self, text: str) -> None:
        self.phone = text
        self._show_number()

    # --- booking -------------------------------------------------------------------------

    @on(Button.Pressed, "#confirm")
    def _confirm_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.busy:
            return
        if len(self.phone) != PHONE_DIGITS:
            self._say(tr("kiosk_book.bad_phone"), refused=True)
            return
        self.busy = True
        self.query_one("#confirm", BigButton).disabled = True
        self._say(tr("kiosk.please_wait"))
        code, day, time, phone = self.item_code, self.day.day, self.slot.label, self.phone
        self.ask(
            lambda hall: hall.appointments.book(code, day, time, phone, channel="kiosk"), self.Booked, group="book"
        )

    def on_book_screen_booked(self, message: Booked) -> None:
        from shared_ui.qr import QRCode

        self.busy, self.done = False, True
        made = self.made = message.booking
        self._step("booked")
        self.query_one("#change").display = False
        self.query_one("#book-message").display = False  # the heading says it
        self.set_heading(tr("kiosk_book.done_title_print" if self.printing() else "kiosk_book.done_title"))
        label = tr("kiosk_book.code")
        self.query_one("#booked-info", Vertical).mount(
            BigText(made.code, room=cell_len(label), plain=True, tall=False, id="booked-code"),
            after="#booked-label",
        )
        come = tr(
            "kiosk_book.come",
            day=day_words(made.day),
            come_from=made.come_from,
            come_until=made.come_until,
            phone=made.phone,
        )
        self.query_one("#booked-time", Static).update(plain(come))
        base = self.app.hall.config.web.base_url.rstrip("/")
        page = base + BOOKING_PATH.format(code=made.code) if base else made.code  # a bare code checks in too
        border = 4 if self.app.size.width >= 100 and self.app.size.height >= 30 else 2
        self.query_one("#booked-qr", Vertical).mount(
            QRCode(page, border=border, id="booked-qr-code"), Static(tr("kiosk_book.scan"), id="booked-scan")
        )
        if self.printing():
            self.query_one("#print-status", Static).update(tr("kiosk_book.printing"))
            notice = (
                tr("kiosk_book.slip_notice_web", url=f"{base}/guide/{made.item}")
                if base
                else tr("kiosk_book.slip_notice_kiosk", item=name_of(made.item_name, made.item_name_en))
            )
            lang = self.app.language
            # Not self.ask: a slip prints without a database connection (and while it is away).
            self.run_worker(
                lambda: self._print(made, page, notice, lang), thread=True, group="print", exit_on_error=False
            )

    # --- the slip (after the booking is committed) ---------------------------------------

    def _print(self, made, page: str, notice: str, language: str) -> None:
        from shared_ui.printing import PrintFailure, print_booking, report_unprinted

        worker = get_current_worker()
        app = self.app
        try:
            print_booking(app.hall.config.kiosk.printer, made, url=page, notice=notice, language=language)
        except PrintFailure as exc:
            report_unprinted(app.hall, made.code, str(exc), what="booking")
            if not worker.is_cancelled:
                self.post_message(self.SlipFailed(str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(self.SlipPrinted())

    def on_book_screen_slip_printed(self, message: SlipPrinted) -> None:
        self.query_one("#print-status", Static).update(tr("kiosk_book.printed"))

    def on_book_screen_slip_failed(self, message: SlipFailed) -> None:
        self.set_heading(tr("kiosk_book.done_title"))
        said = tr("kiosk_book.print_failed", code=self.made.code)
        status = self.query_one("#print-status", Static)
        status.update(plain(said))
        status.add_class("-failed")
        self.notify(said, severity="error", timeout=15)

    def on_book_screen_days_reloaded(self, message: DaysReloaded) -> None:
        """Back to the chosen day's free slots (or the days, when it has none left), saying why."""
        self.days = message.days
        chosen = self.day.day if self.day else None
        self.day = next((day for day in self.days if day.day == chosen), None)
        if self.day is None:
            self._show_days()
        else:
            self._show_slots()
        self._say(tr("kiosk_book.full_reloaded"), refused=True)

    def on_query_failed(self, message: QueryFailed) -> None:
        self.busy = False
        self.query_one("#confirm", BigButton).disabled = False
        if getattr(message.error, "key", None) == "slot_full":  # someone took the last place meanwhile
            code = self.item_code
            self.ask(lambda hall: hall.appointments.open_days(code), self.DaysReloaded, group="days")
            return
        self._say(self.failure_text(message.error), refused=True)
