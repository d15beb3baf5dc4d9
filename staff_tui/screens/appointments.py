"""Today's bookings (预约) per line: due, checked in, late, no-show; booking for a caller.

The table lists the day's bookings in slot order with their line, the
booking code, the item, the phone (masked, as the models give it), the
channel and the state; the day's home visits (上门服务) are among them,
with the worker they are assigned to (the address is never listed). F2 books for a caller (电话、来信、电子邮件) in two
short forms: the item and the day, then one of that day's free slots, the
phone and the channel; the clerk is the one signed in. F5 books a home
visit for an address or a household and says who it went to (the worker of
its area) or that the leader will choose. F3 checks the
resident under the cursor in at the window, F4 cancels the booking. The
rules are :class:`models.appointments.Appointments`'s; its refusals are shown
as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from models import clock
from models.appointments.booking import DAY_VIEW, OUTCOME_WORDS
from models.i18n import pick, t
from shared_ui.live import RECONNECTED, HallChanged
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog
from staff_tui.screens.leave import parse_day
from staff_tui.screens.register_screen import RegisterScreen
from staff_tui.text import fit
from staff_tui.widgets.keyed_table import KeyedTable

CLERK_CHANNELS = ("phone", "letter", "email")
COLUMNS = ("time", "line", "code", "item", "phone", "channel", "state")
STRONG = {"due": "bold", "late": "bold reverse", "no_show": "reverse"}


class AppointmentsScreen(RegisterScreen):
    @dataclass
    class BookingsLoaded(Message, bubble=False):
        """Today's bookings and the items that may be booked."""

        bookings: list
        items: list

    @dataclass
    class Acted(Message, bubble=False):
        """A check-in or a cancel was done: ``text`` says what happened."""

        text: str

    BINDINGS = [
        Binding("f2", "book", "staff_ui.appointments.book", key_display="F2"),
        Binding("f3", "check_in", "staff_ui.appointments.check_in", key_display="F3"),
        Binding("f4", "cancel_booking", "staff_ui.appointments.cancel", key_display="F4"),
        Binding("f5", "book_home", "staff_ui.appointments.home", key_display="F5"),
        Binding("f9", "app.show_queue", "staff_ui.queue", key_display="F9"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10"),
        Binding("escape", "app.show_queue", "staff_ui.back", show=False),
    ]

    BOLD_ERRORS = False
    WORDS = "staff_ui.appointments"
    TABLE = "bookings"
    BOX = "appointments-box"

    def __init__(self) -> None:
        super().__init__(name="appointments")
        self.bookings: list = []
        self.items: list = []

    def box_title(self) -> str:
        return ""  # the day's counts, once loaded

    def loaded(self) -> bool:
        return bool(self.bookings)

    def widths(self) -> dict[str, int]:
        width = self.size.width or 80
        state = max(cell_len(tr(f"appointment.state_{name}")) for name in DAY_VIEW.values())
        fixed = {"time": 5, "line": 8, "code": 14, "phone": 11, "channel": 8, "state": state}
        item = max(6, width - 2 - sum(fixed.values()) - 7 * 2 - 1)
        return {key: fixed.get(key, item) for key in COLUMNS}

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        def both(hall):
            from models.queue.view import item_entries

            return hall.appointments.day_list(hall.queue.today()), item_entries()

        self.ask(both, lambda answer: self.BookingsLoaded(*answer), group="appointments-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if RECONNECTED in message.kinds or any(k.startswith("appointment.") for k in message.kinds):
            self.load()

    def on_appointments_screen_bookings_loaded(self, message: BookingsLoaded) -> None:
        self.bookings, self.items = message.bookings, message.items
        self.show()

    def show(self) -> None:
        lang = self.app.lang
        w = self.widths()
        rows = []
        for b in self.bookings:
            state = b.view_state
            rows.append(
                (
                    b.code,
                    (
                        b.time,
                        fit(pick(b.line_name, b.line_name_en, lang), w["line"]).rstrip(),
                        b.code,
                        fit(self._item_words(b, lang), w["item"]).rstrip(),
                        b.phone,
                        fit(tr(f"appointment.channel_{b.channel}"), w["channel"]).rstrip(),
                        Text(tr(f"appointment.state_{state}"), style=STRONG.get(state, "")),
                    ),
                )
            )
        self.query_one("#bookings", KeyedTable).sync(rows)
        counts = {state: sum(1 for b in self.bookings if b.view_state == state) for state in STRONG}
        checked = sum(1 for b in self.bookings if b.view_state == "checked_in")
        box = self.query_one("#appointments-box")
        box.border_title = tr(
            "staff_ui.appointments.title",
            due=counts["due"],
            checked=checked,
            late=counts["late"],
            no_show=counts["no_show"],
        )
        if not rows:  # in the title: the message line keeps what was just done (a booking for another day)
            box.border_title += " · " + tr("appointment.list_empty")

    def _item_words(self, booking, lang: str) -> str:
        """The item; a home visit (上门服务) says so and whose it is, never where."""
        name = pick(booking.item_name, booking.item_name_en, lang)
        if booking.kind != "home":
            return name
        return tr("staff_ui.appointments.home_item", item=name, worker=booking.worker or "-")

    def selected(self):
        key = self.query_one("#bookings", KeyedTable).current_key
        return next((b for b in self.bookings if b.code == key), None)

    # --- actions ----------------------------------------------------------------------------

    def _item_and_day(self) -> list[Field]:
        """The item (of those that may be booked) and the day, the next working day first; none without items."""
        lang = self.app.lang
        options = [(f"{pick(i.name, i.name_en, lang)}（{i.code}）", i.code) for i in self.items]
        if not options:
            return []
        tomorrow = self.app.hall.calendar.add_working_days(clock.service_day(self.app.config.zone), 1)
        return [
            Field("item", tr("staff_ui.appointments.field_item"), "select", value=options[0][1], options=options),
            Field("day", tr("staff_ui.appointments.field_day"), "date", value=tomorrow.isoformat()),
        ]

    def action_book(self) -> None:
        """First the item and the day; then that day's free slots."""
        fields = self._item_and_day()
        if not fields:
            return
        apps = self.app.hall.appointments

        def look(values: dict):
            day = parse_day(values["day"])
            answer = apps.slots(values["item"], day)
            refusal = apps.why_no_slots(values["item"], answer)
            if refusal is not None:
                raise refusal
            return values["item"], answer

        def looked(result) -> None:
            if result:
                self._book_slot(*result)

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.appointments.book_title"),
                fields,
                look,
                intro=tr("staff_ui.appointments.book_intro"),
                save_label=tr("staff_ui.appointments.book_next"),
            ),
            looked,
        )

    def _book_slot(self, item: str, answer) -> None:
        shift = self.app.shift
        apps = self.app.hall.appointments
        free = [(tr("appointment.slot_line", time=s.label, free=s.free), s.label) for s in answer.slots if s.free]
        if not free:
            self.say(tr("appointment.no_slots"), error=True)
            return
        channels = [(tr(f"appointment.channel_{c}"), c) for c in CLERK_CHANNELS]
        day: date = answer.day

        def save(values: dict):
            return apps.book(item, day, values["time"], values["phone"], channel=values["channel"], staff=shift.code)

        def closed(result) -> None:
            if result:
                self.say(tr("staff_ui.appointments.booked", code=result.code, day=day.isoformat(), time=result.time))
                self.load()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.appointments.slot_title", day=day.isoformat()),
                [
                    Field("time", tr("staff_ui.appointments.field_time"), "select", value=free[0][1], options=free),
                    Field("phone", tr("staff_ui.appointments.field_phone")),
                    Field(
                        "channel", tr("staff_ui.appointments.field_channel"), "select", value="phone", options=channels
                    ),
                ],
                save,
                save_label=tr("staff_ui.appointments.book_save"),
            ),
            closed,
        )

    def action_book_home(self) -> None:
        """上门服务 for a caller: the item, when, the phone, and the household or the address."""
        fields = self._item_and_day()
        if not fields:
            return
        lang = self.app.lang
        shift = self.app.shift
        home = self.app.hall.home_visits
        channels = [(tr(f"appointment.channel_{c}"), c) for c in CLERK_CHANNELS]

        def save(values: dict):
            return home.book(
                values["item"],
                parse_day(values["day"]),
                values["time"],
                values["phone"],
                values["address"],
                channel=values["channel"],
                staff=shift.code,
                household=values["household"],
            )

        def closed(visit) -> None:
            if not visit:
                return
            made = visit.booking
            if visit.worker_name:
                who = tr(
                    "staff_ui.appointments.home_to_area",
                    worker=visit.worker_name,
                    code=made.worker,
                    area=visit.area_name,
                )
            else:
                who = tr("staff_ui.appointments.home_to_leader")
            day = t("time.date_format", lang, month=made.day.month, day=made.day.day)
            said = tr("staff_ui.appointments.home_booked", code=made.code, day=day, time=made.time, who=who)
            self.say(said)
            self.load()

        self.app.push_screen(
            FormDialog(
                tr("staff_ui.appointments.home_title"),
                [
                    *fields,
                    Field("time", tr("staff_ui.appointments.field_time"), placeholder="14:00"),
                    Field("phone", tr("staff_ui.appointments.field_phone")),
                    Field("household", tr("staff_ui.appointments.field_household")),
                    Field("address", tr("staff_ui.appointments.field_address")),
                    Field(
                        "channel", tr("staff_ui.appointments.field_channel"), "select", value="phone", options=channels
                    ),
                ],
                save,
                intro=tr("staff_ui.appointments.home_intro"),
                save_label=tr("staff_ui.appointments.book_save"),
            ),
            closed,
        )

    def action_check_in(self) -> None:
        booking = self.selected()
        if booking is None:
            return
        code, staff, lang = booking.code, self.app.shift.code, self.app.lang

        def check_in(hall) -> str:
            done = hall.appointments.check_in(code, staff=staff)
            return t(
                f"appointment.{OUTCOME_WORDS[done.outcome]}", lang, number=done.ticket.number if done.ticket else ""
            )

        self.ask(check_in, self.Acted, group="appointments-act")

    def action_cancel_booking(self) -> None:
        booking = self.selected()
        if booking is None:
            return
        code, staff, lang = booking.code, self.app.shift.code, self.app.lang

        def cancel(hall) -> str:
            return t("appointment.cancelled", lang, code=hall.appointments.cancel(code, staff=staff).code)

        self.ask(cancel, self.Acted, group="appointments-act")

    def on_appointments_screen_acted(self, message: Acted) -> None:
        self.say(message.text)
        self.load()

    def action_lock(self) -> None:
        self.app.lock()
