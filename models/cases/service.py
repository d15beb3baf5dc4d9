"""Cases (办件): opening them and moving them through their life.

Dates a step implies are computed here with the hall calendar and stored in
the event: promised date = accepted day + the item's promised working days;
a 补充件's clock restarts from the day its materials are complete; petitions
get ``petition_days`` and letters ``letter_reply_days`` working days; an
immediate case is flagged when it took longer than ``immediate_minutes`` from
the ticket's call (or start) to completion.

``Cases(config)`` bundles the whole API for the staff terminal; the kiosk
uses :func:`models.cases.ratings.rate_by_code` and :func:`models.cases.public_view.public_view`.
The write path itself (locking, appending events, the projection) is
:class:`models.cases.store.CaseStore`.

One module, though long: each step is a short check and one call of the
shared write path, and a reader who looks up one step finds its neighbours
(the states it leaves and enters) beside it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from models import clock, events
from models.cases import export_files as case_exports
from models.cases import ledger as case_ledger
from models.cases import notices as case_notices
from models.cases import ratings as case_ratings
from models.cases import reports as case_reports
from models.cases.kind_correction import kind_changes
from models.cases.privacy import normalise_phone
from models.cases.rights import concerns, require_case_right, require_window_right
from models.cases.rules import (
    CHANNELS,
    KINDS,
    NOTIFY_HOWS,
    OPEN_STATES,
    PETITION_RESULT_DAYS,
    CaseFacts,
    CaseRefused,
    fold,
)
from models.cases.store import (
    CaseStore,
    _iso,
    _text,
    as_date,
    facts_of,
    find_item,
    find_record,
    find_staff,
    find_window,
)
from models.db import database
from models.queue import tracking
from models.queue.at_window import AtWindow
from models.queue.tickets import Queue, find_ticket
from models.schema import Item, Ticket
from models.schema.cases import CaseContact, CaseRecord, CaseState, ContactAccess


class DraftRefused(Exception):
    """One of a visit's cases was refused; ``index`` says which. Nothing of the visit was written."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(str(error))
        self.index = index
        self.error = error


class Cases(CaseStore):
    """The case rules bound to one hall's config: the staff terminal's API."""

    # --- opening -------------------------------------------------------------

    def finish_visit(self, ticket: str, window: int, staff: str, drafts: list[dict]) -> list[CaseFacts]:
        """办结 at the counter: finish the resident's ticket (if still at the
        window) and open each of the visit's cases, all in one transaction."""
        opened = []
        with database.atomic():
            queue = Queue(self.config)
            ticket_row = find_ticket(ticket, queue.today())
            if ticket_row.status in ("called", "serving"):
                AtWindow(queue, staff).finish(ticket_row.number, window)
            for index, draft in enumerate(drafts):
                try:
                    opened.append(self.open_case(staff=staff, ticket=ticket_row, window=window, **draft))
                except Exception as exc:
                    raise DraftRefused(index, exc) from exc
        return opened

    def open_case(
        self,
        *,
        staff,
        item: str | None = None,
        kind: str | None = None,
        ticket=None,
        window: int | None = None,
        channel: str = "window",
        result: str = "",
        missing: list[str] | tuple = (),
        other: list[str] | tuple = (),
        reason: str = "",
        authority: str = "",
        authority_due=None,
        promised_days: int | None = None,
        name: str = "",
        phone: str = "",
        subject: str = "",
        reply_due: date | None = None,
    ) -> CaseFacts:
        """Accept (受理) a case, from a served ticket or without one (phone, letter, visit, appointment).

        ``kind`` defaults to the item's kind. Its details: ``missing`` (names from the
        item's catalogue materials) and ``other`` (free text) for a supplement;
        ``reason`` for a returned case; ``authority`` and ``authority_due`` for an
        escalated one; ``result`` for a consultation or an immediate case.
        ``subject`` is what a petition (信访件) is about. ``name``/``phone`` are kept
        only to tell the resident the result. ``reply_due`` is a reply deadline
        already counted from the day a call, letter or message came in; a
        promised case takes it as its due date.
        """
        accepting = find_staff(staff)
        ticket_row = find_ticket(ticket, Queue(self.config).today()) if ticket is not None else None
        if ticket_row is not None:
            ticket_row = Ticket.get_by_id(ticket_row.id)  # as it stands now, after a finish just above
        if ticket_row is not None:
            if ticket_row.status not in ("called", "serving", "done"):
                raise CaseRefused("ticket_not_served", ticket=ticket_row.number)
            channel = "window"
        if channel not in CHANNELS:
            raise CaseRefused("bad_channel", channel=channel)
        item_row = find_item(item) if item else (ticket_row.item if ticket_row else None)
        if item_row is None:
            raise CaseRefused("item_needed")
        kind = kind or item_row.kind
        if kind not in KINDS:
            raise CaseRefused("bad_kind", kind=kind)
        if window is not None:
            window_row = find_window(window)
        elif ticket_row is not None and ticket_row.window_id:
            window_row = ticket_row.window
        else:
            window_row = None
        if window_row is None and channel == "window":
            raise CaseRefused("window_needed")
        require_window_right(
            accepting,
            window_row.id if window_row is not None else None,
            (ticket_row.called_by_id, ticket_row.first_responder_id) if ticket_row is not None else (),
        )
        days = promised_days if promised_days is not None else item_row.promised_days
        phone_digits = normalise_phone(phone) if (phone or "").strip() else ""
        known = tuple(v for v in ((name or "").strip(), phone_digits) if v)
        today = self.today()

        steps: list[tuple[str, dict]] = []
        opened = {"kind": kind, "channel": channel, "promised_days": days, "contact": bool(known)}
        if ticket_row is not None:
            opened["ticket"] = ticket_row.number
        if channel == "letter":
            opened["reply_due"] = _iso(self.working_days_after(today, self.config.cases.letter_reply_days))
        if reply_due is not None:
            opened["reply_due"] = _iso(reply_due)
        if kind in ("consultation", "immediate"):
            if channel == "letter":
                opened["due"] = opened["reply_due"]  # answered by a reply letter
            else:
                if kind == "immediate" and ticket_row is not None:
                    opened.update(self._time_taken(ticket_row))
                told = "phone" if channel == "phone" else "in_person"
                steps.append(("completed", {"result": self._public(result, known, "result"), "late": False}))
                steps.append(("notified", {"how": told, "told_at": clock.now().isoformat()}))
        elif kind == "promised" and reply_due is not None:
            opened["due"] = opened["reply_due"]
        elif kind == "promised":
            if days <= 0:
                raise CaseRefused("promised_days_needed", item=item_row.name)
            opened["due"] = _iso(self.working_days_after(today, days))
        elif kind == "petition":
            accept_by = self.working_days_after(today, self.config.cases.petition_days)
            opened["due"] = _iso(accept_by)
            opened["result_due"] = _iso(accept_by + timedelta(days=PETITION_RESULT_DAYS))  # accepted at the latest
            if (subject or "").strip():
                opened["subject"] = self._public(subject.strip(), known, "subject")
        elif kind == "supplement":
            steps.append(("supplement", self._missing(item_row, missing, other, known)))
        elif kind == "returned":
            steps.append(("returned", {"reason": self._public(_text(reason, "reason_needed"), known, "reason")}))
        elif kind == "escalated":
            steps.append(("escalated", self._escalation(item_row, authority, authority_due, known)))
        steps.insert(0, ("opened", opened))

        with database.atomic():
            year = today.year
            seq = self._next_seq(year)
            record = CaseRecord.create(
                number=f"{year}-{seq:06d}",
                year=year,
                seq=seq,
                tracking_code=ticket_row.tracking_code if ticket_row is not None else tracking.new_code(),
                ticket=ticket_row,
                item=item_row,
                kind=kind,
                channel=channel,
                window=window_row,
                accepted_at=clock.now(),
                accepted_by=accepting,
                first_responder=(
                    ticket_row.first_responder_id if ticket_row and ticket_row.first_responder_id else accepting.id
                ),
            )
            if known:
                CaseContact.create(
                    case=record, name=(name or "").strip(), phone=phone_digits, phone_last4=phone_digits[-4:]
                )
            facts = fold(record, [])
            self._append(record, facts, accepting, steps, create=True)
        return facts

    def _time_taken(self, ticket: Ticket) -> dict:
        start = ticket.started_at or ticket.called_at
        if start is None:
            return {}
        end = ticket.finished_at or clock.now()
        seconds = max(0.0, (end - start).total_seconds())
        return {"minutes": int(seconds // 60), "over_time": seconds > self.config.cases.immediate_minutes * 60}

    # --- steps ---------------------------------------------------------------

    def supplement(self, case, staff, missing=(), other=()) -> CaseFacts:
        """补充件: list every missing material at once; the case waits for the resident."""
        return self._step(
            case,
            staff,
            "supplement",
            lambda f: self._need_state(f, "in_progress"),
            lambda record, f: self._missing(Item.get_by_id(f.item_id), missing, other, self._known(record)),
        )

    def materials_received(self, case, staff) -> CaseFacts:
        """The materials are complete: the clock restarts from today."""

        def data(record, facts):
            return {"due": _iso(self.working_days_after(self.today(), facts.promised_days))}

        return self._step(case, staff, "materials_received", lambda f: self._need_state(f, "waiting_materials"), data)

    def material_received(self, case, staff, material: str) -> CaseFacts:
        """One missing material came in (逐项接收), kept as its own record; with
        the last one the materials are complete and the clock restarts from today."""
        actor = find_staff(staff)
        name = (material or "").strip()
        with database.atomic():
            record, facts = self._locked(case)
            require_case_right(actor, record, facts, "materials_received")
            self._need_state(facts, "waiting_materials")
            if name not in facts.missing:
                raise CaseRefused("material_not_missing", material=name, case=facts.number)
            steps: list[tuple[str, dict]] = [("material_received", {"material": name})]
            if len(facts.missing) == 1:
                due = _iso(self.working_days_after(self.today(), facts.promised_days))
                steps.append(("materials_received", {"due": due}))
            return self._append(record, facts, actor, steps)

    def escalate(self, case, staff, authority: str, authority_due=None) -> CaseFacts:
        return self._step(
            case,
            staff,
            "escalated",
            lambda f: self._need_state(f, "in_progress"),
            lambda record, f: self._escalation(
                Item.get_by_id(f.item_id), authority, authority_due, self._known(record)
            ),
        )

    def extend(self, case, staff, new_due, reason: str) -> CaseFacts:
        """延期办结: a new date and the reason, both required."""
        due = as_date(new_due) if new_due not in (None, "") else None
        why = _text(reason, "reason_needed")

        def check(facts):
            self._need_state(facts, "in_progress")
            if due is None:
                raise CaseRefused("date_needed")
            if facts.due_date is None:
                raise CaseRefused("no_due_date", case=facts.number)
            if due <= facts.due_date or due < self.today():
                raise CaseRefused("extension_not_later", date=due.isoformat(), due=facts.due_date.isoformat())

        def data(record: CaseRecord, facts: CaseFacts) -> dict:
            if due is None:  # refused by check() already
                raise CaseRefused("date_needed")
            return {"due": due.isoformat(), "reason": why}

        return self._step(case, staff, "extended", check, data)

    def return_case(self, case, staff, reason: str) -> CaseFacts:
        """退回件: not lawful or a principal document missing; the written reason is required."""
        return self._step(
            case,
            staff,
            "returned",
            lambda f: self._need_state(f, "in_progress", "waiting_materials"),
            lambda record, f: {"reason": self._public(_text(reason, "reason_needed"), self._known(record), "reason")},
        )

    def complete(self, case, staff, result: str = "") -> CaseFacts:
        """办结: the case waits in "to notify" until the resident has been told."""

        def data(record, facts):
            late = facts.due_date is not None and self.today() > facts.due_date
            return {"result": self._public(result, self._known(record), "result"), "late": late}

        return self._step(case, staff, "completed", lambda f: self._need_state(f, "in_progress"), data)

    def notify(self, case, staff, how: str, told_at: datetime | None = None) -> CaseFacts:
        """办结告知: how (phone, in person, message, letter) and when the resident was told.

        ``told_at`` is an aware time (any zone) or naive UTC; default now. It must
        lie between the completion and now."""
        if how not in NOTIFY_HOWS:
            raise CaseRefused("bad_how", how=how)
        when = clock.to_utc(told_at) if told_at is not None and told_at.tzinfo else told_at
        when = when or clock.now()

        def check(facts):
            if facts.state == "returned" and not facts.notified_how:
                pass
            else:
                self._need_state(facts, "to_notify")
            if when > clock.now() or (facts.completed_at and when < facts.completed_at):
                raise CaseRefused("bad_told_at")

        return self._step(case, staff, "notified", check, lambda record, f: {"how": how, "told_at": when.isoformat()})

    def notify_failed(
        self, case, staff, how: str = "phone", note: str = "", retry_at: datetime | None = None
    ) -> CaseFacts:
        """未接通: a try to tell the resident that did not reach them, kept as a record.

        The case stays to notify; ``retry_at`` (aware, or naive UTC; default
        in an hour) is when to try again, and a later :meth:`notify` closes it."""
        if how not in NOTIFY_HOWS:
            raise CaseRefused("bad_how", how=how)
        retry = clock.to_utc(retry_at) if retry_at is not None and retry_at.tzinfo else retry_at
        retry = retry or clock.now() + timedelta(hours=1)

        def check(facts):
            if not (facts.state == "returned" and not facts.notified_how):
                self._need_state(facts, "to_notify")
            if retry < clock.now():
                raise CaseRefused("bad_retry_at")

        def data(record, facts):
            return {"how": how, "note": (note or "").strip(), "retry_at": retry.isoformat()}

        return self._step(case, staff, "notify_failed", check, data)

    def publish(self, case, staff, text: str) -> CaseFacts:
        """办结公告: a finished case's result on the notice board, with no personal data."""

        def check(facts):
            self._need_state(facts, "to_notify", "closed")
            if facts.published:
                raise CaseRefused("already_published", case=facts.number)

        return self._step(
            case,
            staff,
            "published",
            check,
            lambda record, f: {"text": self._public(_text(text, "text_needed"), self._known(record), "public_text")},
        )

    def handover(self, case, staff, to_staff, reason: str) -> CaseFacts:
        """移交: another handler takes the case over; the first responder stays."""
        target = find_staff(to_staff)
        why = _text(reason, "reason_needed")

        def check(facts):
            self._need_state(facts, *OPEN_STATES)
            if facts.handler_id == target.id:
                raise CaseRefused("same_handler", staff=target.code)

        return self._step(
            case,
            staff,
            "handover",
            check,
            lambda record, f: {"to_staff_id": target.id, "to": target.code, "reason": why},
        )

    def correct(self, case, staff, reason: str, **changes) -> CaseFacts:
        """A correction is a new event with its reason; nothing is edited.

        ``changes`` may set item (code), window (number), result, public_text,
        return_reason, authority or kind (where :mod:`models.cases.kind_correction`
        allows it, its deadlines recomputed); with none, the correction is a note.
        """
        why = _text(reason, "reason_needed")
        allowed = {"item", "window", "result", "public_text", "return_reason", "authority", "kind"}
        unknown = set(changes) - allowed
        if unknown:
            raise CaseRefused("bad_correction", field=", ".join(sorted(unknown)))

        def data(record, facts):
            known, values = self._known(record), {}
            for name, value in changes.items():
                if name == "item":
                    values["item_id"] = find_item(value).id
                elif name == "window":
                    values["window_id"] = find_window(value).id if value is not None else None
                elif name == "kind":
                    values.update(kind_changes(self, facts, str(value)))
                else:
                    values[name] = self._public(str(value), known, name)
            return {"reason": why, "changes": values}

        return self._step(case, staff, "corrected", lambda f: None, data)

    # --- the resident's contact ------------------------------------------------

    def set_contact(self, case, staff, name: str | None = None, phone: str | None = None) -> CaseFacts:
        """Keep (or replace) the name and phone used to tell the resident the result.

        What is not given (None) stays as it was: setting the phone keeps the name."""
        actor = find_staff(staff)
        with database.atomic():
            record, facts = self._locked(case)
            require_case_right(actor, record, facts, "contact_set")
            stored = CaseContact.get_or_none(CaseContact.case == record.id)
            if name is None:
                name = stored.name if stored is not None else ""
            if phone is None:
                phone = stored.phone if stored is not None else ""
            digits = normalise_phone(phone) if (phone or "").strip() else ""
            values = dict(name=(name or "").strip(), phone=digits, phone_last4=digits[-4:])
            CaseContact.insert(case=record, **values).on_conflict(
                conflict_target=[CaseContact.case], update=values
            ).execute()
            return self._append(
                record, facts, actor, [("contact_set", {"name": bool(values["name"]), "phone": bool(digits)})]
            )

    def contact_for(self, case, staff, purpose: str = "") -> dict:
        """The full name and phone, for telling the resident; the opening is logged (who, when).

        Only for someone the case concerns: a leader, its handler, whoever
        accepted or first answered it, or a person posted at its window."""
        actor = find_staff(staff)
        with database.atomic():
            record = find_record(case)
            state = CaseState.get_or_none(CaseState.case == record.id)
            if not concerns(actor, record, state.handler_id if state is not None else None):
                raise CaseRefused("contact_not_yours", case=record.number)
            contact = CaseContact.get_or_none(CaseContact.case == record.id)
            ContactAccess.create(case=record, staff=actor, at=clock.now(), purpose=(purpose or "")[:200])
            events.record("case.contact_opened", record.id, number=record.number, staff=actor.code)
        if contact is None:
            return {"name": "", "phone": ""}
        return {"name": contact.name, "phone": contact.phone}

    # --- reading -------------------------------------------------------------------

    def get(self, case) -> CaseFacts:
        return facts_of(find_record(case))

    def detail(self, case) -> dict:
        return case_ledger.detail(self.config, case)

    # --- the rest of the API lives in its own modules ---------------------------------

    def notice_text(self, case, notice_kind: str, language: str = "zh") -> str:
        return case_notices.notice_text(self.config, case, notice_kind, language)

    def ledger(self, filter=None, page: int = 1, page_size: int = 50):
        return case_ledger.ledger(self.config, filter, page, page_size)

    def report(self, day=None, month=None):
        return case_reports.report(self.config, day=day, month=month)

    def export_ledger(self, filter=None, fmt: str = "csv", lang: str = "zh"):
        """The ledger the filter finds, all of it, as a file in the export folder; its path."""
        return case_exports.export_ledger(self.config, filter, fmt, lang)

    def export_report(self, day=None, month=None, fmt: str = "csv", lang: str = "zh"):
        """A day's or month's figures of cases and tickets as a file in the export folder; its path.
        The report as the reports screen shows it (hourly curves, attendance) is ``Hall.export_report``."""
        return case_exports.export_report(self.config, self.report(day=day, month=month), fmt, lang)

    def called_back(self, case, staff, note: str = ""):
        return case_ratings.called_back(self.config, case, staff, note)

    def rectified(self, case, staff, note: str = ""):
        return case_ratings.rectified(self.config, case, staff, note)

    def public_notices(self, limit: int = 50) -> list[dict]:
        return case_notices.public_notices(self.config, limit)

    def rebuild_projection(self) -> int:
        return case_ledger.rebuild_projection()

    def followups(self, *, open_only: bool = True) -> list[dict]:
        return case_ratings.followups(self.config, open_only=open_only)
