"""What a 差评 loop is about: a case's rating, or a visit's (a ticket served at a window).

Both loops are the same fold (:func:`models.cases.bad_ratings.loop_rules.fold_loop`)
over the same kinds of steps; only where the steps are stored differs: a
case's in its own history (:class:`models.schema.cases.CaseEvent`, through
:class:`models.cases.store.CaseStore`), a visit's in
:class:`models.schema.ratings.VisitFollowupEvent`. A visit's loop is named by
its ticket, ``YYYY-MM-DD/A003`` (the service day and the ticket's number), as
the export names it.

A visit has no phone of its own: the resident can be called back only when a
case of the same visit left one (:attr:`VisitSubject.can_call`). Without it,
the verifier records honestly that the resident was not reached, the 差评 is
classed 无法核实 at once, and the loop closes by putting right or explaining.
谁办理谁负责: the verifier by default is the clerk who served the visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models import clock, events
from models.cases.bad_ratings.loop_rules import FollowupRefused
from models.cases.privacy import has_personal_data
from models.cases.rules import BAD_LEVELS, CaseFacts, CaseRefused
from models.cases.store import CaseStore, facts_of, find_record
from models.db import is_postgres
from models.schema import CaseContact, CaseEvent, CaseRecord, Staff, Ticket
from models.schema.ratings import VisitFollowupEvent, VisitRating


def is_visit_ref(ref) -> bool:
    """Whether ``ref`` names a visit's loop (``YYYY-MM-DD/A003``) rather than a case."""
    return isinstance(ref, VisitRating) or (isinstance(ref, str) and "/" in ref)


def visit_ref(ticket: Ticket) -> str:
    return f"{ticket.service_day.isoformat()}/{ticket.number}"


def find_visit_rating(ref) -> VisitRating:
    """The visit rating ``ref`` names; a refusal naming it when there is none."""
    if isinstance(ref, VisitRating):
        return ref
    text = str(ref or "").strip()
    day_text, _, number = text.partition("/")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise FollowupRefused("unknown_visit", visit=text[:30]) from None
    ticket = Ticket.get_or_none((Ticket.service_day == day) & (Ticket.number == number.strip().upper()))
    rating = VisitRating.get_or_none(VisitRating.ticket == ticket.id) if ticket is not None else None
    if rating is None:
        raise FollowupRefused("unknown_visit", visit=text[:30])
    return rating


def events_of(record: CaseRecord) -> list[tuple]:
    """A case's events as the folds take them, oldest first."""
    rows = (
        CaseEvent.select(CaseEvent.id, CaseEvent.at, CaseEvent.kind, CaseEvent.staff, CaseEvent.data)
        .where(CaseEvent.case == record.id)
        .order_by(CaseEvent.id)
    )
    return [(e.id, e.at, e.kind, e.staff_id, e.data) for e in rows]


def visit_events(rating_id: int) -> list[tuple]:
    """A visit's loop steps as the fold takes them, oldest first."""
    return visit_histories([rating_id])[rating_id]


def visit_histories(rating_ids: list[int]) -> dict[int, list[tuple]]:
    """The loop steps of these visits' ratings, read together (a year may leave hundreds), by rating."""
    histories: dict[int, list[tuple]] = {rating_id: [] for rating_id in rating_ids}
    for start in range(0, len(rating_ids), 500):
        rows = (
            VisitFollowupEvent.select()
            .where(VisitFollowupEvent.rating.in_(rating_ids[start : start + 500]))
            .order_by(VisitFollowupEvent.id)
        )
        for e in rows:
            histories[e.rating_id].append((e.id, e.at, e.kind, e.staff_id, e.data))
    return histories


def visit_phone(ticket_id: int) -> str:
    """The phone a case of the same visit left, or ''."""
    row = (
        CaseContact.select(CaseContact.phone)
        .join(CaseRecord, on=(CaseContact.case == CaseRecord.id))
        .where((CaseRecord.ticket == ticket_id) & (CaseContact.phone != ""))
        .first()
    )
    return row.phone if row is not None else ""


def open_visit_loop(store: CaseStore, rating: VisitRating) -> None:
    """A visit's 差评 opens its loop with a case's deadlines (inside the rating's transaction)."""
    if rating.level not in BAD_LEVELS:
        return
    today = store.today()
    limits = store.config.cases
    data = {
        "level": rating.level,
        "callback_due": store.working_days_after(today, limits.callback_days).isoformat(),
        "rectify_due": store.working_days_after(today, limits.rectify_days).isoformat(),
    }
    VisitFollowupEvent.create(rating=rating.id, at=clock.now(), kind="rated", staff=None, data=data)


@dataclass
class VisitFacts:
    """What the loop's rules ask of a visit: its name, who served it, whether it has a phone."""

    id: int
    number: str
    handler_id: int | None
    ticket_id: int


class CaseSubject:
    """A case's rating: its loop lives in the case's history."""

    can_call = True

    def __init__(self, store: CaseStore, case):
        self.store = store
        self.record, self.facts = store._locked(case)

    def events(self) -> list[tuple]:
        return events_of(self.record)

    def public(self, text: str) -> str:
        return self.store._public(text, self.store._known(self.record), "note")

    def append(self, actor: Staff | None, steps) -> CaseFacts:
        return self.store._append(self.record, self.facts, actor, steps)


class VisitSubject:
    """A visit's rating: its loop lives in :class:`VisitFollowupEvent`, the rating's row locked on PostgreSQL."""

    def __init__(self, ref):
        rating = find_visit_rating(ref)
        if is_postgres():
            list(VisitRating.select(VisitRating.id).where(VisitRating.id == rating.id).for_update())
        ticket = Ticket.get_by_id(rating.ticket_id)
        self.record = rating
        self.facts = VisitFacts(rating.id, visit_ref(ticket), ticket.called_by_id, ticket.id)
        self.phone = visit_phone(ticket.id)

    @property
    def can_call(self) -> bool:
        return bool(self.phone)

    def events(self) -> list[tuple]:
        return visit_events(self.record.id)

    def public(self, text: str) -> str:
        text = (text or "").strip()
        if has_personal_data(text, (self.phone,) if self.phone else ()):
            raise CaseRefused("personal_data", what="note")
        return text

    def append(self, actor: Staff | None, steps) -> VisitFacts:
        at = clock.now()
        for kind, data in steps:
            VisitFollowupEvent.create(rating=self.record.id, at=at, kind=kind, staff=actor, data=data)
        events.record(
            "rating." + steps[-1][0], self.record.id, ticket=self.facts.number, followup=steps[-1][1].get("followup")
        )
        return self.facts


def subject_of(store: CaseStore, ref) -> CaseSubject | VisitSubject:
    """Inside a transaction: the loop's subject, locked."""
    return VisitSubject(ref) if is_visit_ref(ref) else CaseSubject(store, ref)


def read_events(ref) -> tuple[str, list[tuple], int | None]:
    """Outside a write: (name, loop events, handler id) of a case or a visit."""
    if is_visit_ref(ref):
        rating = find_visit_rating(ref)
        ticket = Ticket.get_by_id(rating.ticket_id)
        return visit_ref(ticket), visit_events(rating.id), ticket.called_by_id
    record = find_record(ref)
    return record.number, events_of(record), facts_of(record).handler_id
