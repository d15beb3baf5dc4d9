"""The contacts register's write path: record, pass on, report up, reply, reveal.

A contact becomes a case (承诺件) on the channel it came by, due on its reply
deadline, so it is in the ledger with every other case and its overdue mark
is the ledger's own. Each step here is one transaction holding the case's
step and the contact's own record of it; nothing is ever edited.
"""

from __future__ import annotations

from datetime import datetime

from models import clock, events
from models.cases.privacy import has_personal_data, mask_name, normalise_phone
from models.cases.service import Cases
from models.cases.store import find_record, find_staff
from models.config import Config
from models.contacts import listing
from models.contacts.deadlines import CONTACT_CHANNELS, REPLY_HOWS, reply_due
from models.contacts.rights import ContactRefused, require_contact_right
from models.db import database, is_postgres
from models.plain_text import check
from models.schema import CaseContact, CaseState
from models.schema.contacts import ContactRecord, ContactStep


def _required(field: str, text: str, key: str, *, lines: bool = False) -> str:
    value = check(field, text or "", lines=lines).strip()
    if not value:
        raise ContactRefused(key)
    return value


class Contacts:
    """The contacts register bound to one hall's config and its cases."""

    def __init__(self, config: Config, cases: Cases):
        self.config = config
        self.cases = cases

    # --- recording --------------------------------------------------------------

    def record(
        self,
        *,
        staff,
        channel: str,
        sender: str,
        matter: str,
        promised: str = "",
        phone: str = "",
        item: str | None = None,
        received_at: datetime | None = None,
        pass_to=None,
        pass_note: str = "",
    ) -> listing.ContactRow:
        """A call, letter, e-mail or online message, as the clerk took it.

        ``sender`` is the name or unit it came from; it and ``phone`` are kept
        only in the case's contact. ``received_at`` (aware, or naive UTC;
        default now) is when it came in: the reply deadline counts from its day.
        ``pass_to`` (a staff code) passes it on at once, in the same transaction:
        recorded and passed on, or neither."""
        actor = find_staff(staff)
        target = find_staff(pass_to) if (pass_to or "").strip() else None
        why = check("note", pass_note or "", lines=True).strip()
        if channel not in CONTACT_CHANNELS:
            raise ContactRefused("bad_channel", channel=str(channel)[:20])
        who = _required("sender", sender, "sender_needed")
        what = _required("matter", matter, "matter_needed", lines=True)
        promise = check("promised", promised or "", lines=True).strip()
        digits = normalise_phone(phone) if (phone or "").strip() else ""
        for name, text in (("matter", what), ("promised", promise), ("note", why)):
            if has_personal_data(text, (who, digits)):
                raise ContactRefused("personal_data", what=name)
        when = received_at or clock.now()
        when = clock.to_utc(when) if when.tzinfo else when
        if when > clock.now():
            raise ContactRefused("received_in_future")
        received_on = clock.local(when, self.config.zone).date()
        due = reply_due(self.config, self.cases.calendar, channel, received_on)
        with database.atomic():
            facts = self.cases.open_case(
                staff=actor,
                item=item or self.config.contacts.item,
                kind="promised",
                channel=channel,
                name=who,
                phone=digits,
                reply_due=due,
            )
            record = ContactRecord.create(
                case=facts.id,
                channel=channel,
                received_at=when,
                received_on=received_on,
                reply_due=due,
                sender_shown=mask_name(who),
                matter=what,
                promised=promise,
                recorded_by=actor,
            )
            events.record("contact.recorded", record.id, number=facts.number, channel=channel, staff=actor.code)
            if target is not None:
                return self._pass(self._locked(facts.number, actor, "pass"), actor, target, why)
        return listing.contact(self.config, facts.number)

    # --- steps --------------------------------------------------------------

    def _locked(self, number: str, actor, step: str) -> ContactRecord:
        """Inside a transaction: the contact, its case's row locked on PostgreSQL, the right checked."""
        case = find_record(number)
        record = ContactRecord.get_or_none(ContactRecord.case == case.id)
        if record is None:
            raise ContactRefused("unknown_contact", case=case.number)
        state = CaseState.select().where(CaseState.case == case.id)
        handler = (list(state.for_update()) if is_postgres() else list(state))[0].handler_id
        require_contact_right(actor, handler, step, case.number)
        if ContactStep.select().where((ContactStep.contact == record.id) & (ContactStep.kind == "replied")).exists():
            raise ContactRefused("already_replied", case=case.number)
        return record

    @staticmethod
    def _known(record: ContactRecord) -> tuple[str, ...]:
        contact = CaseContact.get_or_none(CaseContact.case == record.case_id)
        return tuple(v for v in (contact.name, contact.phone) if v) if contact is not None else ()

    def _step(self, record: ContactRecord, actor, kind: str, data: dict) -> listing.ContactRow:
        ContactStep.create(contact=record, at=clock.now(), kind=kind, staff=actor, data=data)
        number = record.case.number
        events.record("contact." + kind, record.id, number=number, staff=actor.code)
        return listing.contact(self.config, number)

    def pass_on(self, number: str, staff, to, note: str = "") -> listing.ContactRow:
        """转交: the named person acts on it from now on (the case's handler)."""
        actor, target = find_staff(staff), find_staff(to)
        why = check("note", note or "", lines=True).strip()
        with database.atomic():
            record = self._locked(number, actor, "pass")
            if has_personal_data(why, self._known(record)):
                raise ContactRefused("personal_data", what="note")
            return self._pass(record, actor, target, why)

    def _pass(self, record: ContactRecord, actor, target, why: str) -> listing.ContactRow:
        """Inside a transaction, the right checked: the case's handler becomes ``target``."""
        self.cases.handover(record.case_id, actor, target, reason=why or "转交办理")
        return self._step(record, actor, "passed", {"to": target.code, "note": why})

    def report_up(self, number: str, staff, authority: str, due=None) -> listing.ContactRow:
        """上报: what cannot be handled here goes to a higher authority; the
        reply to the sender is still owed, by its own deadline."""
        actor = find_staff(staff)
        whom = _required("authority", authority, "authority_needed")
        with database.atomic():
            record = self._locked(number, actor, "report_up")
            if (
                ContactStep.select()
                .where((ContactStep.contact == record.id) & (ContactStep.kind == "reported_up"))
                .exists()
            ):
                raise ContactRefused("already_reported", case=record.case.number)
            answer_by = due or max(record.reply_due, self.cases.today())
            facts = self.cases.escalate(record.case_id, actor, whom, authority_due=answer_by)
            return self._step(
                record,
                actor,
                "reported_up",
                {"authority": whom, "due": facts.authority_due.isoformat() if facts.authority_due else None},
            )

    def reply(self, number: str, staff, reply: str, how: str | None = None) -> listing.ContactRow:
        """回复: the answer given to the sender; only this closes the contact (and its case)."""
        actor = find_staff(staff)
        answer = _required("reply", reply, "reply_needed", lines=True)
        with database.atomic():
            record = self._locked(number, actor, "reply")
            told = how or REPLY_HOWS[record.channel]
            self.cases.complete(record.case_id, actor, result=answer)
            self.cases.notify(record.case_id, actor, told)
            late = self.cases.today() > record.reply_due
            return self._step(record, actor, "replied", {"reply": answer, "how": told, "late": late})

    # --- reading ------------------------------------------------------------------

    def list(self, **filters) -> list[listing.ContactRow]:
        return listing.contacts(self.config, **filters)

    def get(self, number: str) -> listing.ContactRow:
        return listing.contact(self.config, find_record(number).number)

    def overdue_count(self) -> int:
        return listing.overdue_count(self.config)

    def reveal(self, number: str, staff, reason: str) -> dict:
        """The sender's full name (or unit) and phone, to reply; the opening is logged with its reason."""
        why = _required("reason", reason, "reason_needed")
        return self.cases.contact_for(find_record(number).number, staff, purpose=why)
