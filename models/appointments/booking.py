"""What a booking looks like to the people who see it, and the refusals of the appointment rules.

The phone number is always masked here (138****5678): a booking is shown on
the kiosk, on the web, in the terminal's day view and in the CLI, and none of
them needs the whole number. The booking code is shown in the tracking
code's grouped form.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from models import clock
from models.cases.privacy import mask_phone
from models.config import Config
from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t
from models.queue import tracking
from models.schema.appointments import Appointment

# The states as the terminal's day view names them: booked is "due" until its slot has passed.
DAY_VIEW = {
    "booked": "due",
    "checked_in": "checked_in",
    "late": "late",
    "no_show": "no_show",
    "cancelled": "cancelled",
    "visited": "visited",
}

# The words (under ``appointment.``) that tell a resident how a check-in went, by its outcome.
OUTCOME_WORDS = {
    "on_time": "checked_in",
    "late": "checked_in_late",
    "duty": "checked_in_duty",
    "again": "checked_in_again",
}


class AppointmentRefused(Refused):
    """An appointment rule said no; the words are under ``refusal_appointment.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        # A day is kept as a date and said in the reader's language (the web's may not be the hall's).
        params = {k: date_words(v, language) if isinstance(v, date) else v for k, v in self.params.items()}
        return t(f"refusal_appointment.{self.key}", language, **params)


@dataclass(frozen=True)
class Booking:
    code: str  # display form XXXX-XXXX-XXXX
    kind: str  # window | home
    item: str
    item_name: str
    item_name_en: str
    line: str
    line_name: str
    line_name_en: str
    day: date
    time: str  # local HH:MM
    minutes: int
    phone: str  # masked
    channel: str
    status: str
    out_of_hours: bool
    come_from: str  # local HH:MM check-in opens
    come_until: str  # local HH:MM check-in closes
    booked_by: str | None
    worker: str | None
    booked_at: datetime

    @property
    def view_state(self) -> str:
        """The state as the terminal's day view names it (a booking not yet checked in is due)."""
        return DAY_VIEW.get(self.status, self.status)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["view_state"] = self.view_state
        data["day"] = self.day.isoformat()
        data["booked_at"] = self.booked_at.isoformat() + "Z"
        return data


def booking_of(appointment: Appointment, config: Config) -> Booking:
    item, line = appointment.item, appointment.line
    starts = clock.local(appointment.starts_at, config.zone)
    rules = config.appointments
    return Booking(
        code=tracking.display(appointment.code),
        kind=appointment.kind,
        item=item.code,
        item_name=item.name,
        item_name_en=item.name_en,
        line=line.code,
        line_name=line.name,
        line_name_en=line.name_en,
        day=appointment.day,
        time=appointment.slot,
        minutes=appointment.minutes,
        phone=mask_phone(appointment.phone),
        channel=appointment.channel,
        status=appointment.status,
        out_of_hours=appointment.out_of_hours,
        come_from=f"{starts - timedelta(minutes=rules.early_minutes):%H:%M}",
        come_until=f"{starts + timedelta(minutes=rules.late_minutes):%H:%M}",
        booked_by=appointment.booked_by.code if appointment.booked_by_id else None,
        worker=appointment.worker.code if appointment.worker_id else None,
        booked_at=appointment.booked_at,
    )


def read_code(text: str) -> str:
    """A booking code as typed or scanned (the tracking code's forgiving reading), or a refusal."""
    try:
        return tracking.normalise(text)
    except tracking.BadCode:
        raise AppointmentRefused("bad_code", code=(text or "").strip()[:20]) from None


def unknown_code(refusal: Refused) -> bool:
    """Whether ``refusal`` says the code is no booking's: the lookup limit counts those only,
    so a right code refused for its time (too early, not today) is never held against anyone."""
    return isinstance(refusal, AppointmentRefused) and refusal.key in ("bad_code", "unknown_code")


def find_appointment(text: str) -> Appointment:
    row = Appointment.get_or_none(Appointment.code == read_code(text))
    if row is None:
        raise AppointmentRefused("unknown_code", code=tracking.display(read_code(text)))
    return row


def date_words(day: date, language: str) -> str:
    return t("time.date_format", language, month=day.month, day=day.day)
