"""A month's ratings, one plain record each: the visits' (一次一评) and the cases' (一事一评).

The record is what the indicators count and what the export writes; its
fields are documented one by one in ``docs/ratings_export.md`` (a test holds
the two together). A month is the hall's local month of the rating's time.
A 差评's follow-up (call-back, rectification), a case's or a visit's, is read
as its loop records it at the moment of reading; so is whether a 申诉复核 was
upheld (``excluded``: the rating stays here, marked, and counts in no
indicator).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from models import clock
from models.cases.bad_ratings.loop_rules import fold_loop
from models.cases.bad_ratings.subjects import events_of, visit_histories
from models.cases.rules import BAD_LEVELS
from models.cases.store import facts_of
from models.config import Config
from models.schema import CaseContact, CaseEvent, CaseRating, CaseRecord, Item, Line, Staff, Ticket, Window
from models.schema.ratings import VisitRating

FIELDS = (
    "kind",
    "rating_id",
    "rated_at",
    "channel",
    "level",
    "bad",
    "reasons",
    "text",
    "window",
    "line",
    "item",
    "ticket",
    "case",
    "handler",
    "real_name",
    "followup",
    "callback_due",
    "called_back_at",
    "rectify_due",
    "rectified_at",
    "rectified_on_time",
    "excluded",
)


def month_span(month: str) -> tuple[date, date]:
    """The first and last day of ``YYYY-MM``; ValueError for anything else."""
    year_text, sep, month_text = str(month).partition("-")
    if not sep or len(year_text) != 4 or len(month_text) != 2:
        raise ValueError(month)
    first = date(int(year_text), int(month_text), 1)
    last = date(first.year + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1)
    return first, last


def _iso(config: Config, at: datetime | None) -> str:
    return clock.local(at, config.zone).isoformat(timespec="seconds") if at else ""


# A good rating of a visit opens no follow-up: these fields do not apply to it.
NO_FOLLOWUP = {
    "followup": "",
    "callback_due": "",
    "called_back_at": "",
    "rectify_due": "",
    "rectified_at": "",
    "rectified_on_time": None,
    "excluded": False,
}


def _visit_followup(config: Config, history: list[tuple]) -> dict:
    """A visit's follow-up fields from its loop's steps, read as a case's projection reads its own."""
    if not history:
        return NO_FOLLOWUP
    loop = fold_loop(history)
    called = next((at for _i, at, kind, _s, data in history if kind != "rated" and data.get("called_back")), None)
    rectified = next((at for _i, at, kind, _s, data in history if kind != "rated" and data.get("rectified")), None)
    on_time = None
    if rectified is not None and loop.rectify_due is not None:
        on_time = clock.service_day(config.zone, rectified) <= loop.rectify_due
    return {
        "followup": "done" if loop.stage == "done" else "open",
        "callback_due": loop.callback_due.isoformat() if loop.callback_due else "",
        "called_back_at": _iso(config, called),
        "rectify_due": loop.rectify_due.isoformat() if loop.rectify_due else "",
        "rectified_at": _iso(config, rectified),
        "rectified_on_time": on_time,
        "excluded": loop.excluded,
    }


def _named_visits(ticket_ids: list[int]) -> set[int]:
    """Those of these visits whose resident left a phone with a case of the same visit."""
    named: set[int] = set()
    for start in range(0, len(ticket_ids), 500):
        rows = (
            CaseRecord.select(CaseRecord.ticket)
            .join(CaseContact, on=(CaseContact.case == CaseRecord.id))
            .where(CaseRecord.ticket.in_(ticket_ids[start : start + 500]) & (CaseContact.phone != ""))
        )
        named.update(row.ticket_id for row in rows)
    return named


def _record(config: Config, kind: str, rating, reasons, text: str) -> dict:
    """The fields every rating has, in the order of :data:`FIELDS`."""
    return {
        "kind": kind,
        "rating_id": rating.id,
        "rated_at": _iso(config, rating.at),
        "channel": rating.channel,
        "level": rating.level,
        "bad": rating.level in BAD_LEVELS,
        "reasons": list(reasons or []),
        "text": text,
    }


def _given(model, rated, key, start: datetime, end: datetime):
    """The ratings of ``model`` given in [start, end), with what they rate (``rated`` through ``key``), in time order."""
    return (
        model.select(model, rated)
        .join(rated, on=(key == rated.id))
        .where((model.at >= start) & (model.at < end))
        .order_by(model.at, model.id)
    )


def _ticket_ref(ticket: Ticket) -> str:
    return f"{ticket.service_day.isoformat()}/{ticket.number}"


def month_records(config: Config, month: str) -> list[dict]:
    """Every rating given in ``month`` (YYYY-MM, local), visits first, each in time order."""
    first, last = month_span(month)
    start, end = clock.local_days(first, last, config.zone)
    windows = {w.id: w.number for w in Window.select(Window.id, Window.number)}
    lines = {line.id: line.code for line in Line.select(Line.id, Line.code)}
    items = {item.id: (item.code, item.line_id) for item in Item.select(Item.id, Item.code, Item.line)}
    staff = {person.id: person.code for person in Staff.select(Staff.id, Staff.code)}
    out = []
    visits = list(_given(VisitRating, Ticket, VisitRating.ticket, start, end))
    histories = visit_histories([rating.id for rating in visits if rating.level in BAD_LEVELS])
    named = _named_visits([rating.ticket_id for rating in visits])
    for rating in visits:
        ticket = rating.ticket
        history = histories.get(rating.id, [])
        out.append(
            _record(config, "visit", rating, rating.reasons, rating.text)
            | {
                "window": windows.get(rating.window_id),
                "line": lines[rating.line_id],
                "item": items[ticket.item_id][0],
                "ticket": _ticket_ref(ticket),
                "case": "",
                "handler": staff.get(ticket.called_by_id, ""),
                "real_name": ticket.id in named,
            }
            | _visit_followup(config, history)
        )
    for rating in _given(CaseRating, CaseRecord, CaseRating.case, start, end):
        record = rating.case
        facts = facts_of(record)
        contact = CaseContact.get_or_none(CaseContact.case == record.id)
        ticket = Ticket.get_by_id(record.ticket_id) if record.ticket_id else None
        item_code, line_id = items[facts.item_id]
        on_time = None
        if facts.rectified_at is not None and facts.rectify_due is not None:
            on_time = clock.service_day(config.zone, facts.rectified_at) <= facts.rectify_due
        out.append(
            _record(config, "case", rating, rating.tags, _text_of(record))
            | {
                "window": windows.get(facts.window_id) if facts.window_id else None,
                "line": lines[line_id],
                "item": item_code,
                "ticket": _ticket_ref(ticket) if ticket else "",
                "case": facts.number,
                "handler": staff.get(facts.handler_id, ""),
                "real_name": bool(contact and contact.phone),
                "followup": facts.followup,
                "callback_due": facts.callback_due.isoformat() if facts.callback_due else "",
                "called_back_at": _iso(config, facts.called_back_at),
                "rectify_due": facts.rectify_due.isoformat() if facts.rectify_due else "",
                "rectified_at": _iso(config, facts.rectified_at),
                "rectified_on_time": on_time,
                "excluded": bool(facts.followup) and fold_loop(events_of(record)).excluded,
            }
        )
    return out


def _text_of(record: CaseRecord) -> str:
    rated = CaseEvent.select(CaseEvent.data).where((CaseEvent.case == record.id) & (CaseEvent.kind == "rated")).first()
    return (rated.data or {}).get("text", "") if rated is not None else ""
