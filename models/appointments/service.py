"""Booking, cancelling, checking in, and the no-shows: :class:`Appointments` (``hall.appointments``).

Every change is one transaction: the appointment's state, its history record
(:class:`~models.schema.appointments.AppointmentRecord`, append-only), the
slot's places and the change feed's event together, or none of it.

The last place of a slot: taking a place is one upsert on the slot's counter
row whose update applies only while places are left (``… DO UPDATE SET
taken = taken + 1 WHERE taken < places RETURNING taken``); SQLite runs it
under BEGIN IMMEDIATE, PostgreSQL locks the row it updates and re-reads it,
so of two people asking for the last place one gets it and the other is told
the slot is full. The per-phone limits are read under the same write lock
(on PostgreSQL a transaction lock on the phone number), so two bookings from
one phone at once cannot both pass them.

Check-in (by the booking code, typed or scanned) opens ``early_minutes``
before the slot and closes ``late_minutes`` after it: in that window the
resident gets a ticket the queue calls at the slot's time, ahead of walk-ins
within the booked streak rule (:mod:`models.queue.tickets`). Later, an
ordinary ticket. A booking not checked in by then is a no-show and its place
is released, the first time anyone looks (:meth:`Appointments.sweep`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models import clock, events
from models.appointments.booking import (
    AppointmentRefused,
    Booking,
    booking_of,
    find_appointment,
)
from models.appointments.slots import DaySlots, SlotPlan, item_with_line
from models.appointments.sql import statement
from models.cases.privacy import normalise_phone
from models.cases.rules import CaseRefused
from models.config import Config
from models.db import database, is_postgres
from models.errors import NotFound
from models.i18n import pick
from models.queue import tracking
from models.queue.tickets import Queue, TicketReceipt
from models.schema import Item, Line, Staff, Ticket
from models.schema.appointments import CHANNELS, Appointment, AppointmentRecord, BookedTicket
from models.staff.accounts import find_staff

CLERK_CHANNELS = ("phone", "letter", "email")  # a clerk books for the caller, writer or sender
PHONE_LOCK_SPACE = 7316  # pg_advisory_xact_lock(space, hashtext(phone)): one phone's bookings in turn
NO_SHOW_SPAN = 30  # days within which no_show_limit no-shows bar a phone

_TAKE_PLACE = """
    INSERT INTO "slot_taken" (line_id, day, slot, taken) VALUES ({p}, {p}, {p}, 1)
    ON CONFLICT (line_id, day, slot) DO UPDATE SET taken = "slot_taken".taken + 1
    WHERE "slot_taken".taken < {p}
    RETURNING taken"""
_RELEASE_PLACE = """
    UPDATE "slot_taken" SET taken = taken - 1 WHERE line_id = {p} AND day = {p} AND slot = {p} AND taken > 0"""


def _sql(text: str) -> str:
    return text.format(p="%s" if is_postgres() else "?")


@dataclass(frozen=True)
class CheckIn:
    """What a resident checking in is told: ``outcome`` is on_time (a 预约 ticket), late (an
    ordinary ticket), duty (a holiday-duty slot: the duty person calls the staff in), or again
    (checked in before: the same ticket)."""

    booking: Booking
    outcome: str
    ticket: TicketReceipt | None

    def as_dict(self) -> dict:
        return {
            "booking": self.booking.as_dict(),
            "outcome": self.outcome,
            "ticket": self.ticket.as_dict() if self.ticket else None,
        }


class Appointments:
    def __init__(self, config: Config, queue: Queue):
        self.config = config
        self.queue = queue
        self.plan = SlotPlan(config)

    # --- slots ---------------------------------------------------------------

    def slots(self, item_code: str, day: date) -> DaySlots:
        return self.plan.day_slots(self._item(item_code), day)

    def why_no_slots(self, item_code: str, answer: DaySlots) -> AppointmentRefused | None:
        """The sentence saying why ``answer`` (a day of :meth:`slots`) has no slots; None when it has some."""
        if answer.state == "open":
            return None
        return self._day_refusal(answer, self._item(item_code))

    def open_days(self, item_code: str) -> list[DaySlots]:
        """The item's days with slots, from tomorrow to the horizon."""
        return self.plan.open_days(self._item(item_code))

    # --- booking -------------------------------------------------------------

    def book(
        self,
        item_code: str,
        day: date,
        slot: str,
        phone: str,
        *,
        channel: str = "kiosk",
        staff: str | None = None,
    ) -> Booking:
        """Book ``slot`` ("HH:MM") of ``day`` for ``item_code``; a clerk's channel needs the clerk (``staff``)."""
        if channel not in CHANNELS:
            raise AppointmentRefused("bad_channel", channel=channel[:20], channels=", ".join(CHANNELS))
        if channel in CLERK_CHANNELS and not staff:
            raise AppointmentRefused("clerk_needed", channel=channel)
        clerk = find_staff(staff, active_or=NotFound) if staff else None
        number = self._phone(phone)
        start = slot_time(slot)
        item = self._item(item_code)
        self.sweep()
        with database.atomic():
            self._lock_phone(number)
            answer = self.plan.day_slots(item, day)
            if answer.state != "open":
                raise self._day_refusal(answer, item)
            chosen = next((s for s in answer.slots if s.start == start), None)
            if chosen is None:
                raise AppointmentRefused("no_such_slot", time=slot, day=day)
            self._check_phone(number)
            taken = database.execute_sql(_sql(_TAKE_PLACE), (item.line_id, day, chosen.label, chosen.places)).fetchone()
            if taken is None:
                raise AppointmentRefused("slot_full", time=chosen.label, day=day)
            starts_at = clock.to_utc(datetime.combine(day, start, self.config.zone))
            appointment = Appointment.create(
                code=tracking.new_code(),
                item=item.id,
                line=item.line_id,
                day=day,
                slot=chosen.label,
                starts_at=starts_at,
                minutes=chosen.minutes,
                phone=number,
                channel=channel,
                out_of_hours=chosen.out_of_hours,
                booked_by=clerk.id if clerk else None,
            )
            appointment.item, appointment.line, appointment.booked_by = item, item.line, clerk
            self._record(appointment, "booked", clerk, channel=channel, day=day.isoformat(), slot=chosen.label)
        return booking_of(appointment, self.config)

    def cancel(self, code: str, *, staff: str | None = None) -> Booking:
        """Cancel a booking not yet due (by its code); its place is free again."""
        clerk = find_staff(staff, active_or=NotFound) if staff else None
        self.sweep()
        with database.atomic():
            appointment = find_appointment(code)
            if appointment.status != "booked":
                raise AppointmentRefused("not_open", code=tracking.display(appointment.code))
            if not self._moved(appointment, "booked", "cancelled"):
                raise AppointmentRefused("not_open", code=tracking.display(appointment.code))
            self._release(appointment)
            self._record(appointment, "cancelled", clerk)
        return booking_of(Appointment.get_by_id(appointment.id), self.config)

    def find(self, code: str) -> Booking:
        self.sweep()
        return booking_of(find_appointment(code), self.config)

    # --- the day itself ------------------------------------------------------

    def check_in(self, code: str, *, staff: str | None = None) -> CheckIn:
        """Check in at the kiosk, or by ``staff`` for the resident, by the booking code."""
        clerk = find_staff(staff, active_or=NotFound) if staff else None
        self.sweep()
        appointment = find_appointment(code)
        display = tracking.display(appointment.code)
        request = f"appointment-{appointment.code}"
        if appointment.kind != "window":
            raise AppointmentRefused("home_no_check_in", code=display)
        if appointment.status == "cancelled":
            raise AppointmentRefused("cancelled", code=display)
        today = self.queue.today()
        if appointment.day != today:
            raise AppointmentRefused("not_today", code=display, day=appointment.day)
        if appointment.status in ("checked_in", "late"):
            ticket = None if appointment.out_of_hours else self.queue.take(appointment.item.code, request_id=request)
            return CheckIn(booking_of(appointment, self.config), "again", ticket)
        now = clock.now()
        rules = self.config.appointments
        opens = appointment.starts_at - timedelta(minutes=rules.early_minutes)
        if now < opens:
            at = clock.local(opens, self.config.zone)
            raise AppointmentRefused("too_early", time=f"{at:%H:%M}", slot=appointment.slot)
        on_time = appointment.status == "booked" and now <= appointment.starts_at + timedelta(
            minutes=rules.late_minutes
        )
        with database.atomic():
            if appointment.out_of_hours and on_time:
                outcome, ticket = "duty", None
            elif on_time:
                outcome = "on_time"
                ticket = self.queue.take(appointment.item.code, request_id=request, booked=True)
                issued = Ticket.get(Ticket.tracking_code == tracking.normalise(ticket.tracking_code))
                BookedTicket.create(ticket=issued.id, appointment=appointment.id, due_at=appointment.starts_at)
            else:
                outcome = "late"
                ticket = self.queue.take(appointment.item.code, request_id=request)
            state = "late" if outcome == "late" else "checked_in"
            if not self._moved(appointment, appointment.status, state):
                raise AppointmentRefused("not_open", code=display)  # checked in at another kiosk this instant
            self._record(appointment, state, clerk, ticket=ticket.number if ticket else None)
        return CheckIn(booking_of(Appointment.get_by_id(appointment.id), self.config), outcome, ticket)

    def sweep(self) -> int:
        """Bookings not checked in ``late_minutes`` after their slot become no-shows, their
        places released; each once, whoever looks first. Returns how many."""
        before = clock.now() - timedelta(minutes=self.config.appointments.late_minutes)
        if database.execute_sql(statement("overdue", is_postgres()), (before,)).fetchone() is None:
            return 0  # the common case, read in one short statement
        due = list(
            Appointment.select()
            .where((Appointment.status == "booked") & (Appointment.kind == "window") & (Appointment.starts_at < before))
            .order_by(Appointment.starts_at)
        )
        marked = 0
        for appointment in due:
            with database.atomic():
                if self._moved(appointment, "booked", "no_show"):
                    self._release(appointment)
                    self._record(appointment, "no_show", None)
                    marked += 1
        return marked

    def report(self, first: date, last: date | None = None):
        """Booked, kept, no-show, cancelled, and booked beside walk-in waits (models.appointments.report)."""
        from models.appointments.report import appointment_report

        self.sweep()
        return appointment_report(first, last or first)

    def day_list(self, day: date, line: str | None = None) -> list[Booking]:
        """A day's bookings in slot order (every state), one line's with ``line`` (its code)."""
        self.sweep()
        query = Appointment.select(Appointment, Item, Line).join(Item).switch(Appointment).join(Line)
        query = query.where(Appointment.day == day)
        if line:
            if not Line.select().where(Line.code == line).exists():
                raise NotFound("unknown_line", line=line[:40])
            query = query.where(Line.code == line)
        return [booking_of(a, self.config) for a in query.order_by(Appointment.starts_at, Appointment.id)]

    # --- helpers -------------------------------------------------------------

    def _item(self, code: str) -> Item:
        """The item with its line and the windows serving it (see :func:`item_with_line`)."""
        item = item_with_line(code)
        if item is None:
            raise NotFound("unknown_item", item=code)
        if item.retired or item.line.retired:
            raise NotFound("item_retired", item=pick(item.name, item.name_en, self.config.language))
        return item

    def _lock_phone(self, number: str) -> None:
        """Inside the booking's transaction: one phone number's bookings in turn (SQLite's write lock does it)."""
        if is_postgres():
            database.execute_sql("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (PHONE_LOCK_SPACE, number))

    def _phone(self, phone: str) -> str:
        try:
            return normalise_phone(phone)
        except CaseRefused:
            raise AppointmentRefused("bad_phone") from None

    def _check_phone(self, number: str) -> None:
        """The per-phone limits, from one read of the number's open bookings and recent no-shows."""
        rules = self.config.appointments
        today = clock.service_day(self.config.zone)
        rows = self._phone_history(number, today)
        if sum(1 for status, _day in rows if status == "booked") >= rules.open_per_phone:
            raise AppointmentRefused("too_many_open", limit=rules.open_per_phone)
        until = self._barred(rows, today)
        if until is not None:
            raise AppointmentRefused("no_shows", count=rules.no_show_limit, until=until)

    def barred_until(self, number: str, today: date | None = None) -> date | None:
        """The first day ``number`` may book again after ``no_show_limit`` no-shows within 30 days, or None."""
        today = today or clock.service_day(self.config.zone)
        return self._barred(self._phone_history(number, today), today)

    def _phone_history(self, number: str, today: date) -> list[tuple[str, date]]:
        """``number``'s open bookings and its no-shows recent enough to bar it, in day order."""
        since = today - timedelta(days=NO_SHOW_SPAN + self.config.appointments.refuse_days)
        rows = database.execute_sql(statement("phone_history", is_postgres()), (number, since)).fetchall()
        return [(status, day if isinstance(day, date) else date.fromisoformat(str(day))) for status, day in rows]

    def _barred(self, rows: list[tuple[str, date]], today: date) -> date | None:
        rules = self.config.appointments
        days = [day for status, day in rows if status == "no_show"]
        limit = rules.no_show_limit
        until = None
        for k in range(limit - 1, len(days)):
            if (days[k] - days[k - limit + 1]).days < NO_SHOW_SPAN:
                until = days[k] + timedelta(days=rules.refuse_days)
        return until if until is not None and today < until else None

    def _day_refusal(self, answer: DaySlots, item: Item) -> AppointmentRefused:
        language = self.config.language
        words = answer.day
        if answer.state == "beyond":
            return AppointmentRefused("beyond", day=words, days=self.config.appointments.horizon_days)
        if answer.state == "season":
            return AppointmentRefused("season", day=words, item=pick(item.name, item.name_en, language))
        if answer.state == "cutoff":
            return AppointmentRefused("cutoff", day=words, time=self.config.appointments.cutoff)
        return AppointmentRefused(answer.state, day=words)  # past, closed, no_windows

    def _moved(self, appointment: Appointment, before: str, after: str) -> bool:
        changed = (
            Appointment.update(status=after)
            .where((Appointment.id == appointment.id) & (Appointment.status == before))
            .execute()
        )
        return changed == 1

    def _release(self, appointment: Appointment) -> None:
        database.execute_sql(_sql(_RELEASE_PLACE), (appointment.line_id, appointment.day, appointment.slot))

    def _record(self, appointment: Appointment, kind: str, staff: Staff | None, **data) -> None:
        AppointmentRecord.insert(
            appointment=appointment.id, kind=kind, at=clock.now(), staff=staff.id if staff else None, data=data
        ).execute()
        events.record(f"appointment.{kind}", appointment.id, line=appointment.line.code, slot=appointment.slot)


def slot_time(text: str) -> time:
    """A slot's start as typed ("09:30"), or a refusal."""
    try:
        hour, minute = (int(x) for x in str(text).strip().split(":"))
        return time(hour, minute)
    except ValueError:
        raise AppointmentRefused("bad_time", time=str(text)[:10]) from None
