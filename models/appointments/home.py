"""Home service (上门服务) for residents who cannot come: booked like an appointment,
assigned to the worker of the household's area (or by a leader), visited on the worker's day.

A home visit takes no place at a window: it is booked for a slot time within
the day's hours, under the same horizon, cut-off and per-phone limits as a
booking at the hall. The address is kept for the worker only: no booking
list shows it, the board's whereabouts say 走访 with the item and never the
address, and the worker reading it is recorded (who, when). A visit in a
known area goes to the area's worker by default (:mod:`models.appointments.home_area`);
the leader may choose another, and chooses when no area matches. When the worker
sets out, their whereabouts become 走访; at the home the case is opened
with channel 上门 (``home``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models import clock, events
from models.appointments.booking import AppointmentRefused, Booking, booking_of, find_appointment
from models.appointments.home_area import home_area
from models.appointments.service import CLERK_CHANNELS, Appointments, slot_time
from models.cases.service import Cases
from models.db import database
from models.errors import NotFound
from models.i18n import pick, t
from models.plain_text import check
from models.queue import tracking
from models.schema import Item, Line
from models.schema.appointments import Appointment
from models.staff.accounts import find_staff
from models.staff.whereabouts import Whereabouts


@dataclass(frozen=True)
class HomeVisit:
    booking: Booking
    worker_name: str | None
    area: str = ""  # the area's code, when the visit went to its worker by default
    area_name: str = ""

    def as_dict(self) -> dict:
        return {**self.booking.as_dict(), "worker_name": self.worker_name, "area": self.area or None}


class HomeVisits:
    def __init__(self, appointments: Appointments, cases: Cases, whereabouts: Whereabouts):
        self.appointments = appointments
        self.config = appointments.config
        self.cases = cases
        self.whereabouts = whereabouts

    def book(
        self,
        item_code: str,
        day: date,
        slot: str,
        phone: str,
        address: str,
        *,
        channel: str,
        staff: str | None,
        household: str | None = None,
    ) -> HomeVisit:
        """A home visit asked for by phone, letter, e-mail (a clerk enters it) or on the web, for an
        address or a household (its code); it goes to the worker of the area it lies in, if any
        (:mod:`models.appointments.home_area`), else it waits for the leader to choose."""
        apps = self.appointments
        if channel not in (*CLERK_CHANNELS, "web"):
            raise AppointmentRefused("bad_channel", channel=channel[:20], channels=", ".join((*CLERK_CHANNELS, "web")))
        if channel in CLERK_CHANNELS and not staff:
            raise AppointmentRefused("clerk_needed", channel=channel)
        clerk = find_staff(staff, active_or=NotFound) if staff else None
        where = check("address", address or "").strip()
        household = check("household", household or "").strip()
        if not where and not household:
            raise AppointmentRefused("address_needed")
        number = apps._phone(phone)
        item = apps._item(item_code)
        start = slot_time(slot)
        state = apps.plan.state_of(day, item.open_from, item.open_to)
        sessions, _on_duty = apps.plan.hours(day)
        if state == "open" and not any(opens <= start < closes for opens, closes in sessions):
            state = "closed" if not sessions else "no_such_slot"
        apps.sweep()
        with database.atomic():
            apps._lock_phone(number)
            if state == "no_such_slot":
                raise AppointmentRefused("no_such_slot", time=slot, day=day)
            if state != "open":
                raise apps._day_refusal(apps.plan.day_slots(item, day), item)
            apps._check_phone(number)
            found = home_area(household, where)
            worker = found.worker
            appointment = Appointment.create(
                code=tracking.new_code(),
                kind="home",
                item=item.id,
                line=item.line_id,
                day=day,
                slot=f"{start:%H:%M}",
                starts_at=clock.to_utc(datetime.combine(day, start, self.config.zone)),
                minutes=item.service_minutes,
                phone=number,
                channel=channel,
                booked_by=clerk.id if clerk else None,
                address=found.address,
                worker=worker.id if worker else None,
            )
            apps._record(appointment, "booked", clerk, channel=channel, visit="home")
            if worker is not None and found.area is not None:  # by the area: no leader chose, so no staff
                apps._record(appointment, "assigned", None, worker=worker.code, area=found.area.code)
        booking = booking_of(Appointment.get_by_id(appointment.id), self.config)
        if worker is None or found.area is None:
            return HomeVisit(booking, None)
        return HomeVisit(booking, worker.name, found.area.code, found.area.name)

    def assign(self, code: str, worker: str, *, leader: str) -> Booking:
        """The leader chooses who visits (an active member of staff)."""
        chooser = find_staff(leader, active_or=NotFound)
        if chooser.role != "leader":
            raise AppointmentRefused("leader_assigns")
        person = find_staff(worker, active_or=NotFound)
        with database.atomic():
            appointment = self._home(code)
            if appointment.status != "booked":
                raise AppointmentRefused("not_open", code=tracking.display(appointment.code))
            Appointment.update(worker=person.id).where(Appointment.id == appointment.id).execute()
            self.appointments._record(appointment, "assigned", chooser, worker=person.code)
        return booking_of(Appointment.get_by_id(appointment.id), self.config)

    def day_of(self, worker: str, day: date) -> list[HomeVisit]:
        """The home visits on ``worker``'s day, in slot order (addresses not included)."""
        person = find_staff(worker)
        rows = (
            Appointment.select(Appointment, Item, Line)
            .join(Item)
            .switch(Appointment)
            .join(Line)
            .where((Appointment.kind == "home") & (Appointment.worker == person.id) & (Appointment.day == day))
            .order_by(Appointment.starts_at)
        )
        return [HomeVisit(booking_of(row, self.config), person.name) for row in rows]

    def address_for(self, code: str, staff: str) -> str:
        """The address, for the assigned worker (or a leader) only; the reading is recorded."""
        person = find_staff(staff, active_or=NotFound)
        with database.atomic():
            appointment = self._home(code)
            if person.role != "leader" and appointment.worker_id != person.id:
                raise AppointmentRefused("not_your_visit", code=tracking.display(appointment.code))
            self.appointments._record(appointment, "address_shown", person)
        return appointment.address

    def set_out(self, code: str, staff: str):
        """The worker leaves for the visit: their whereabouts become 走访, the board shows the item only."""
        appointment = self._mine(code, staff)
        item = pick(appointment.item.name, appointment.item.name_en, self.config.language)
        note = t("appointment.home_note", self.config.language, item=item)
        return self.whereabouts.set_state(staff, "visiting", note)

    def open_case(self, code: str, staff: str, **case):
        """At the home: the case is accepted with channel 上门; the visit is done."""
        appointment = self._mine(code, staff)
        with database.atomic():
            facts = self.cases.open_case(
                staff=staff, item=appointment.item.code, channel="home", phone=appointment.phone, **case
            )
            if self.appointments._moved(appointment, "booked", "visited"):
                self.appointments._record(appointment, "visited", find_staff(staff), case=facts.number)
            events.record("appointment.visited", appointment.id, case=facts.number)
        return facts

    def _home(self, code: str) -> Appointment:
        appointment = find_appointment(code)
        if appointment.kind != "home":
            raise AppointmentRefused("not_home", code=tracking.display(appointment.code))
        return appointment

    def _mine(self, code: str, staff: str) -> Appointment:
        appointment = self._home(code)
        person = find_staff(staff, active_or=NotFound)
        if appointment.worker_id != person.id:
            raise AppointmentRefused("not_your_visit", code=tracking.display(appointment.code))
        return appointment
