"""The ledger (便民服务登记台帐) and the other read views of cases.

:func:`ledger` answers the staff terminal's filtered pages from the
projection table :class:`CaseState` through its indexes (a page of 50 out of
100,000 cases in a few milliseconds; see ``benchmarks/ledger_bench.py``).
The projection is a cache of the events: :func:`rebuild_projection`
recomputes it from them and :func:`check_projection` lists any row that
disagrees.

Lists show a resident's phone masked (``138****5678``) and the name as
``王*``; the full contact is only given by ``Cases.contact_for``, which logs
who opened it. :func:`public_cases` is what a tracking code shows anyone.

One module: every view here reads the same projection with the same masking,
and the filters, pages and detail share their joins.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from peewee import JOIN

from models import calendar as hall_calendar
from models import clock
from models.calendar import HallCalendar
from models.cases.bad_ratings.due import events_of, public_result
from models.cases.bad_ratings.loop_rules import fold_loop
from models.cases.notices import applicable_notices
from models.cases.privacy import mask_name, mask_phone
from models.cases.ratings import case_rating_open
from models.cases.rules import KINDS, STATES, CaseRefused, fold, projection_values
from models.cases.store import RECORD_FIELDS, event_rows, facts_of, find_record, normalise_number, record_values
from models.config import Config
from models.db import database
from models.queue import tracking
from models.schema import Item, Staff, Window
from models.schema.cases import CaseContact, CaseEvent, CaseRecord, CaseState


@dataclass
class LedgerFilter:
    """What the clerk asked for; all given conditions must hold."""

    open: bool = False  # in progress, waiting for materials, or to notify
    overdue: bool = False  # in progress and past its due date
    due_within: int | None = None  # in progress and due within N working days (today included)
    today: bool = False  # accepted today
    window: int | None = None
    kind: str | None = None
    state: str | None = None
    handler: str | None = None  # staff code
    first_responder: str | None = None  # staff code
    # A staff code: cases they handle, accepted or took first (首问负责, they follow what they
    # transferred); with ``or_window``, those or any case at that window.
    involving: str | None = None
    or_window: int | None = None
    followup: bool = False  # an open 差评 follow-up
    search: str = ""  # case number, tracking code, or the last four digits of a phone


@dataclass(frozen=True)
class LedgerRow:
    number: str
    tracking_code: str
    kind: str
    state: str
    item: str
    item_name: str
    item_name_en: str
    window: int | None
    channel: str
    accepted_at: str  # local, to the minute
    due_date: str | None
    overdue: bool
    days_left: int | None  # working days until due (negative when overdue)
    handler: str
    handler_name: str
    first_responder: str
    extensions: int
    over_time: bool
    completed_late: bool
    supplement: bool
    published: bool
    rating: str | None
    followup: str
    name_masked: str
    phone_masked: str
    completed_at: str | None = None  # local, to the minute


@dataclass
class LedgerPage:
    rows: list[LedgerRow] = field(default_factory=list)
    page: int = 1
    page_size: int = 50
    has_more: bool = False

    def as_dict(self) -> dict:
        return {
            "page": self.page,
            "page_size": self.page_size,
            "has_more": self.has_more,
            "rows": [asdict(row) for row in self.rows],
        }


_NUMBER = re.compile(r"^\d{4}-?\d{1,6}$")

# A case is "due soon" when it is in progress and due within this many working days.
DUE_SOON_DAYS = 2


def _day_bounds(config: Config, day) -> tuple[datetime, datetime]:
    return clock.local_days(day, day, config.zone)


def working_days_between(config: Config, start: date, end: date) -> int:
    """HallCalendar.working_days_between in constant time (whole weeks at once),
    so a page of long-overdue cases costs no more than any other page."""
    return hall_calendar.working_days_between(config, start, end)


def days_left(config: Config, state: str, due: date | None, today: date) -> int | None:
    """Working days from ``today`` until ``due`` (negative when overdue); None unless the case is in progress."""
    if due is None or state != "in_progress":
        return None
    return working_days_between(config, today, due)


def case_mark(overdue: bool, days_left: int | None, state: str) -> str:
    """How a ledger row or case is marked: "overdue", "due_soon" (due within
    :data:`DUE_SOON_DAYS` working days) or ""."""
    if overdue:
        return "overdue"
    if state == "in_progress" and days_left is not None and 0 <= days_left <= DUE_SOON_DAYS:
        return "due_soon"
    return ""


def _staff_id(code: str):
    """The staff member's id, as a subquery (so a page stays one statement)."""
    return Staff.select(Staff.id).where(Staff.code == code.strip())


def _window_id(number: int):
    return Window.select(Window.id).where(Window.number == int(number))


def _involving(code: str, or_window: int | None):
    """Cases ``code`` handles, accepted or took first, or (with ``or_window``) any at that window."""
    staff = _staff_id(code)
    condition = (CaseState.handler == staff) | (CaseState.first_responder == staff) | (CaseState.accepted_by == staff)
    if or_window is not None:
        condition = condition | (CaseState.window == _window_id(or_window))
    return condition


def _matching(config: Config, flt: LedgerFilter | None):
    """(ids of the matching cases, their order): the filter, through the projection's indexes."""
    flt = flt or LedgerFilter()
    today = clock.service_day(config.zone)
    query = CaseState.select(CaseState.case)
    by_due = False
    if flt.open:
        query = query.where(CaseState.is_open == True)  # noqa: E712
    if flt.overdue:
        query = query.where((CaseState.state == "in_progress") & (CaseState.due_date < today))
        by_due = True
    if flt.due_within is not None:
        limit = HallCalendar(config).add_working_days(today, max(0, int(flt.due_within)))
        query = query.where(
            (CaseState.state == "in_progress") & (CaseState.due_date >= today) & (CaseState.due_date <= limit)
        )
        by_due = True
    if flt.today:
        start, end = _day_bounds(config, today)
        query = query.where((CaseState.accepted_at >= start) & (CaseState.accepted_at < end))
    if flt.window is not None:
        query = query.where(CaseState.window == _window_id(flt.window))
    if flt.kind:
        if flt.kind not in KINDS:
            raise CaseRefused("bad_kind", kind=flt.kind)
        query = query.where(CaseState.kind == flt.kind)
    if flt.state:
        if flt.state not in STATES:
            raise CaseRefused("bad_state", state=flt.state)
        query = query.where(CaseState.state == flt.state)
    if flt.handler:
        query = query.where(CaseState.handler == _staff_id(flt.handler))
    if flt.first_responder:
        query = query.where(CaseState.first_responder == _staff_id(flt.first_responder))
    if flt.involving:
        query = query.where(_involving(flt.involving, flt.or_window))
    if flt.followup:
        query = query.where(CaseState.followup == "open")
    text = (flt.search or "").strip()
    if text:
        if len(text) == 4 and text.isdigit():
            query = query.where(
                CaseState.case.in_(CaseContact.select(CaseContact.case).where(CaseContact.phone_last4 == text))
            )
        elif _NUMBER.match(text):
            query = query.where(CaseState.number == normalise_number(text))
        else:
            try:
                code = tracking.normalise(text)
            except tracking.BadCode:
                raise CaseRefused("bad_search", text=text[:30]) from None
            query = query.where(CaseState.tracking_code == code)
    if by_due:
        return query, (CaseState.due_date, CaseState.case)
    return query, (CaseState.case.desc(),)


def ledger_query(config: Config, flt: LedgerFilter | None, limit: int = 51, offset: int = 0):
    """The one statement behind a ledger page (the benchmark runs it raw too).

    The inner query finds the page's case ids through the indexes; only those
    rows then get their names, by scalar subqueries on primary keys (a join
    of six tables cost PostgreSQL more to plan than to run, and a sort would
    otherwise look the names up for every matching row).
    """
    ids, order = _matching(config, flt)
    ids = ids.order_by(*order).limit(limit).offset(offset)
    item, window = Item.alias("item_of"), Window.alias("window_of")
    handler, first = Staff.alias("handler_of"), Staff.alias("first_of")

    def pick(model, column, key):
        return model.select(column).where(model.id == key)

    return (
        CaseState.select(
            CaseState.number,
            CaseState.tracking_code,
            CaseState.kind,
            CaseState.state,
            pick(item, item.code, CaseState.item),
            pick(item, item.name, CaseState.item),
            pick(item, item.name_en, CaseState.item),
            pick(window, window.number, CaseState.window),
            CaseState.channel,
            CaseState.accepted_at,
            CaseState.due_date,
            pick(handler, handler.code, CaseState.handler),
            pick(handler, handler.name, CaseState.handler),
            pick(first, first.code, CaseState.first_responder),
            CaseState.extensions,
            CaseState.over_time,
            CaseState.completed_late,
            CaseState.supplement,
            CaseState.published,
            CaseState.rating,
            CaseState.followup,
            CaseContact.name,
            CaseContact.phone,
            CaseState.completed_at,
        )
        .join(CaseContact, JOIN.LEFT_OUTER, on=(CaseContact.case == CaseState.case))
        .where(CaseState.case.in_(ids))
        .order_by(*order)
    )


def ledger(config: Config, flt: LedgerFilter | None = None, page: int = 1, page_size: int = 50) -> LedgerPage:
    """One page of the ledger, newest first (by due date for overdue / due-soon filters)."""
    page, page_size = max(1, int(page)), max(1, min(500, int(page_size)))
    rows = list(ledger_query(config, flt, page_size + 1, (page - 1) * page_size).tuples())
    has_more = len(rows) > page_size
    rows = rows[:page_size]
    today = clock.service_day(config.zone)
    out = []
    for (
        number,
        code,
        kind,
        state,
        item,
        item_name,
        item_name_en,
        window,
        channel,
        accepted_at,
        due,
        handler,
        handler_name,
        first,
        extensions,
        over_time,
        late,
        supplement,
        published,
        rating,
        followup,
        name,
        phone,
        completed_at,
    ) in rows:
        overdue = state == "in_progress" and due is not None and due < today
        out.append(
            LedgerRow(
                number=number,
                tracking_code=tracking.display(code),
                kind=kind,
                state=state,
                item=item,
                item_name=item_name,
                item_name_en=item_name_en,
                window=window,
                channel=channel,
                accepted_at=clock.local(accepted_at, config.zone).isoformat(timespec="minutes"),
                due_date=due.isoformat() if due else None,
                overdue=overdue,
                days_left=days_left(config, state, due, today),
                handler=handler,
                handler_name=handler_name,
                first_responder=first,
                extensions=extensions,
                over_time=bool(over_time),
                completed_late=bool(late),
                supplement=bool(supplement),
                published=bool(published),
                rating=rating,
                followup=followup,
                name_masked=mask_name(name or ""),
                phone_masked=mask_phone(phone or ""),
                completed_at=clock.local(completed_at, config.zone).isoformat(timespec="minutes")
                if completed_at
                else None,
            )
        )
    return LedgerPage(rows=out, page=page, page_size=page_size, has_more=has_more)


def ledger_count(config: Config, flt: LedgerFilter | None = None) -> int:
    return _matching(config, flt)[0].count()


# --- the projection ------------------------------------------------------------


def _folded(batch: int = 2000):
    """(case id, projection values from its events) for every case, streamed in id order."""
    last = 0
    while True:
        records = list(
            CaseRecord.select(*RECORD_FIELDS).where(CaseRecord.id > last).order_by(CaseRecord.id).limit(batch).dicts()
        )
        if not records:
            return
        last = records[-1]["id"]
        grouped = event_rows([record["id"] for record in records])
        for record in records:
            yield record["id"], projection_values(fold(record_values(record), grouped[record["id"]]))


def check_projection() -> list[int]:
    """Ids of cases whose projection row disagrees with the fold of their events."""
    stored = {row["case"]: row for row in CaseState.select().dicts()}
    wrong = [case_id for case_id, values in _folded() if stored.pop(case_id, None) != values]
    return sorted(wrong + list(stored))


def rebuild_projection() -> int:
    """Recompute every projection row from the events; returns how many rows changed."""
    changed = 0
    with database.atomic():
        stored = {row["case"]: row for row in CaseState.select().dicts()}
        for case_id, values in _folded():
            current = stored.pop(case_id, None)
            if current == values:
                continue
            changed += 1
            if current is None:
                CaseState.insert(**values).execute()
            else:
                update = dict(values)
                update.pop("case")
                CaseState.update(**update).where(CaseState.case == case_id).execute()
        for case_id in stored:  # a projection row without a case cannot be: drop the stale cache
            CaseState.delete().where(CaseState.case == case_id).execute()
            changed += 1
    return changed


# --- what the terminal and a tracking code show -----------------------------------


def detail(config: Config, case) -> dict:
    """One case for the staff terminal: facts, masked contact, full history."""
    record = find_record(case)
    facts = facts_of(record)
    contact = CaseContact.get_or_none(CaseContact.case == record.id)
    staff = {s.id: s for s in Staff.select()}
    item = Item.get_by_id(facts.item_id)
    history = [
        {
            "at": clock.local(e.at, config.zone).isoformat(timespec="minutes"),
            "kind": e.kind,
            "staff": staff[e.staff_id].code if e.staff_id else None,
            "data": e.data,
        }
        for e in CaseEvent.select().where(CaseEvent.case == record.id).order_by(CaseEvent.id)
    ]
    data = facts.as_dict()
    data.update(
        tracking_code=tracking.display(record.tracking_code),
        item=item.code,
        item_name=item.name,
        item_name_en=item.name_en,
        window=Window.get_by_id(facts.window_id).number if facts.window_id else None,
        handler=staff[facts.handler_id].code,
        first_responder=staff[facts.first_responder_id].code,
        accepted_by=staff[facts.accepted_by_id].code,
        overdue=facts.overdue(clock.service_day(config.zone)),
        name_masked=mask_name(contact.name) if contact else "",
        phone_masked=mask_phone(contact.phone) if contact else "",
        history=history,
    )
    return data


def public_cases(config: Config, code: str) -> list[dict]:
    """Every case of a visit as anyone holding its tracking code may see it.

    An allow-list: case number, kind, state, item, dates, missing material
    names, result or return reason, extension date. Never a name, phone or ID.
    """
    today = clock.service_day(config.zone)
    zone = config.zone
    out = []
    for record in CaseRecord.select().where(CaseRecord.tracking_code == code).order_by(CaseRecord.id):
        facts = facts_of(record)
        item = Item.get_by_id(facts.item_id)
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        out.append(
            {
                "number": facts.number,
                "kind": facts.kind,
                "state": facts.state,
                "item": {"code": item.code, "name": item.name, "name_en": item.name_en},
                "accepted_on": clock.local(facts.accepted_at, zone).date().isoformat(),
                "due_date": iso(facts.due_date),
                "overdue": facts.overdue(today),
                "missing": list(facts.missing),
                "authority": facts.authority,
                "authority_due": iso(facts.authority_due),
                "extended_to": iso(facts.extended_to),
                "extensions": facts.extensions,
                "result": facts.result if facts.state in ("to_notify", "closed") else "",
                "return_reason": facts.return_reason,
                "completed_on": clock.local(facts.completed_at, zone).date().isoformat()
                if facts.completed_at
                else None,
                "rated": facts.rating is not None,
                "can_rate": case_rating_open(config, facts),
                # The resident's own rating, and whether the leader has followed a 差评 up.
                "rating": facts.rating,
                "followup": facts.followup,
                "called_back": facts.called_back_at is not None,
                "rectified": facts.rectified_at is not None,
                "callback_due": iso(facts.callback_due),
                "rectify_due": iso(facts.rectify_due),
                "notices": list(applicable_notices(facts)),
                # How a 差评 was handled, once it is: the class and the result's words, never a name.
                "followup_result": public_result(fold_loop(events_of(record))) if facts.followup else None,
            }
        )
    return out
