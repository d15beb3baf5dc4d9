"""Reading the contacts register: the open ones with their deadlines, the overdue
ones for the leader, one contact with its history.

Every row shows the sender masked (王**); the full name and phone are only in
the case's contact, opened with a logged reason (:meth:`models.contacts.Contacts.reveal`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from peewee import JOIN

from models import clock
from models.config import Config
from models.contacts.rights import ContactRefused
from models.schema import CaseRecord, CaseState, Staff
from models.schema.contacts import ContactRecord, ContactStep

STATES = ("open", "reported_up", "replied")


@dataclass
class ContactRow:
    number: str  # the case number it became
    channel: str
    received_at: str  # local time
    received_on: date
    reply_due: date
    sender: str  # masked
    matter: str
    promised: str
    recorded_by: str
    handler: str
    state: str = "open"
    authority: str = ""
    reply: str = ""
    replied_on: date | None = None
    replied_late: bool = False
    overdue: bool = False
    days_left: int | None = None  # calendar days until the reply is due (negative: overdue)
    history: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        values = asdict(self)
        for key in ("received_on", "reply_due", "replied_on"):
            values[key] = values[key].isoformat() if values[key] else None
        return values


def _fold(row: ContactRow, steps: list[ContactStep], zone) -> None:
    for step in steps:
        data: dict = step.data or {}
        if step.kind == "reported_up":
            row.state = "reported_up"
            row.authority = data.get("authority", "")
        elif step.kind == "replied":
            row.state = "replied"
            row.reply = data.get("reply", "")
            row.replied_on = clock.local(step.at, zone).date()
            row.replied_late = bool(data.get("late"))
        row.history.append({"at": clock.reading(step.at, zone), "kind": step.kind, "staff": step.staff.code, **data})


def _query():
    handler = Staff.alias()
    return (
        ContactRecord.select(ContactRecord, CaseRecord.number, Staff.code, handler.code.alias("handler_code"))
        .join(CaseRecord, on=ContactRecord.case == CaseRecord.id)
        .switch(ContactRecord)
        .join(Staff, on=ContactRecord.recorded_by == Staff.id)
        .switch(ContactRecord)
        .join(CaseState, JOIN.LEFT_OUTER, on=CaseState.case == ContactRecord.case)
        .join(handler, JOIN.LEFT_OUTER, on=CaseState.handler == handler.id)
    )


def _replied():
    return ContactStep.select(ContactStep.contact).where(ContactStep.kind == "replied")


def _rows(config: Config, query) -> list[ContactRow]:
    today = clock.service_day(config.zone)
    records = list(query.objects())
    steps: dict[int, list[ContactStep]] = {}
    if records:
        found = (
            ContactStep.select(ContactStep, Staff.code)
            .join(Staff)
            .where(ContactStep.contact.in_([r.id for r in records]))
            .order_by(ContactStep.id)
        )
        for step in found:
            steps.setdefault(step.contact_id, []).append(step)
    rows = []
    for record in records:
        row = ContactRow(
            number=record.number,
            channel=record.channel,
            received_at=clock.reading(record.received_at, config.zone),
            received_on=record.received_on,
            reply_due=record.reply_due,
            sender=record.sender_shown,
            matter=record.matter,
            promised=record.promised,
            recorded_by=record.code,
            handler=record.handler_code or record.code,
        )
        _fold(row, steps.get(record.id, []), config.zone)
        if row.state != "replied":
            row.days_left = (row.reply_due - today).days
            row.overdue = row.reply_due < today
        rows.append(row)
    return rows


def contacts(
    config: Config,
    *,
    open_only: bool = True,
    overdue: bool = False,
    handler: str | None = None,
    channel: str | None = None,
    limit: int = 200,
) -> list[ContactRow]:
    """The register, the soonest reply first (the newest first with the replied ones)."""
    query = _query()
    today = clock.service_day(config.zone)
    if open_only or overdue:
        query = query.where(ContactRecord.id.not_in(_replied()))
    if overdue:
        query = query.where(ContactRecord.reply_due < today)
    if channel:
        query = query.where(ContactRecord.channel == channel)
    if handler:
        person = Staff.get_or_none(Staff.code == handler)
        query = query.where(CaseState.handler == (person.id if person is not None else 0))
    order = (ContactRecord.reply_due, ContactRecord.id) if (open_only or overdue) else (ContactRecord.id.desc(),)
    return _rows(config, query.order_by(*order).limit(limit))


def overdue_count(config: Config) -> int:
    """Contacts whose reply is past its day and not yet recorded (the leader's view)."""
    today = clock.service_day(config.zone)
    return ContactRecord.select().where((ContactRecord.reply_due < today) & ContactRecord.id.not_in(_replied())).count()


def contact(config: Config, number: str) -> ContactRow:
    """One contact, by the number of the case it became, with its history."""
    rows = _rows(config, _query().where(CaseRecord.number == number))
    if not rows:
        raise ContactRefused("unknown_contact", case=number)
    return rows[0]


def month_counts(config: Config, first: date, last: date) -> dict[str, dict[str, int]]:
    """Per channel, the contacts received from ``first`` to ``last``: how many,
    replied by their day, replied late, and still waiting (of which overdue)."""
    today = clock.service_day(config.zone)
    replied = {
        step.contact_id: bool((step.data or {}).get("late"))
        for step in ContactStep.select(ContactStep.contact, ContactStep.data).where(ContactStep.kind == "replied")
    }
    counts: dict[str, dict[str, int]] = {}
    records = ContactRecord.select(ContactRecord.id, ContactRecord.channel, ContactRecord.reply_due).where(
        ContactRecord.received_on.between(first, last)
    )
    for record in records:
        tally = counts.setdefault(record.channel, {"received": 0, "in_time": 0, "late": 0, "waiting": 0, "overdue": 0})
        tally["received"] += 1
        if record.id in replied:
            tally["late" if replied[record.id] else "in_time"] += 1
        else:
            tally["waiting"] += 1
            tally["overdue"] += record.reply_due < today
    return counts
