"""What of the 差评 loops is due: the leader's list, a verifier's own, and one loop's view.

The loops of cases' ratings and of visits' ratings
(:mod:`models.cases.bad_ratings.subjects`) are listed together; each row
says its ``kind`` (``case`` or ``visit``) and its ``number`` (a case's, or the
visit's ``YYYY-MM-DD/A003``).

Read together, not case by case: the open follow-ups' events in a few
queries (a year of a hall may leave hundreds open), folded with
:func:`models.cases.bad_ratings.loop_rules.fold_loop`. Names of people never
appear, only staff codes; the resident's contact not at all.
"""

from __future__ import annotations

from datetime import date, tzinfo

from models import clock
from models.cases.bad_ratings.loop_rules import STAGE_STEPS, STAGES, Loop, fold_loop
from models.cases.bad_ratings.subjects import (
    events_of,
    find_visit_rating,
    is_visit_ref,
    read_events,
    visit_histories,
    visit_phone,
    visit_ref,
)
from models.cases.store import find_staff
from models.config import Config
from models.schema import Item, Staff, Ticket
from models.schema.cases import CaseEvent, CaseState
from models.schema.ratings import VisitFollowupEvent, VisitRating

__all__ = ["case_loop", "due_list", "events_of", "loop_view", "public_result", "visit_loop_counts"]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def loop_view(loop: Loop, today: date, codes: dict[int, str], zone: tzinfo) -> dict:
    """One loop as screens and ``--json`` show it: staff by code, dates as ISO text, times local."""

    def code(staff_id: int | None) -> str | None:
        return codes.get(staff_id) if staff_id else None

    return {
        "stage": loop.stage,
        "next_steps": list(STAGE_STEPS[loop.stage]),
        "level": loop.level,
        "due": _iso(loop.due()),
        "overdue": loop.overdue(today),
        "marks": loop.marks(today),
        "callback_due": _iso(loop.callback_due),
        "rectify_due": _iso(loop.rectify_due),
        "verifier": code(loop.verifier_id),
        "attempts": loop.attempts,
        "reached": loop.reached,
        "retry_due": _iso(loop.retry_due),
        "calls": [
            {"at": clock.reading(c.at, zone), "staff": code(c.staff_id), "reached": c.reached, "note": c.note}
            for c in loop.calls
        ],
        "classification": loop.classification,
        "disposal": loop.disposal,
        "plan": loop.plan_text,
        "plan_due": _iso(loop.plan_due),
        "plan_done": loop.plan_done_at is not None,
        "appeal_by": code(loop.appeal_by_id),
        "appeal_reason": loop.appeal_reason,
        "appeal_due": _iso(loop.appeal_due),
        "appeal_decision": loop.appeal_decision,
        "decided_by": code(loop.decided_by_id),
        "excluded": loop.excluded,
        "result": loop.result,
        "told_how": loop.told_how,
        "told": loop.told_at is not None,
        "handling_level": loop.handling_level,
    }


def _staff_codes() -> dict[int, str]:
    return {person.id: person.code for person in Staff.select(Staff.id, Staff.code)}


def due_list(config: Config, *, verifier=None, include_done: bool = False) -> list[dict]:
    """Every open 差评 loop (with ``include_done`` the finished ones too), overdue first, then by due date.

    ``verifier``: only the loops that person verifies (a staff code or Staff)."""
    today = clock.service_day(config.zone)
    listed = (CaseState.followup != "") if include_done else (CaseState.followup == "open")
    states = list(CaseState.select(CaseState.case, CaseState.number, CaseState.item, CaseState.handler).where(listed))
    # One query for the events of every loop listed, whatever their number.
    histories: dict[int, list] = {state.case_id: [] for state in states}
    events = (
        CaseEvent.select(CaseEvent.id, CaseEvent.at, CaseEvent.kind, CaseEvent.staff, CaseEvent.data, CaseEvent.case)
        .join(CaseState, on=(CaseState.case == CaseEvent.case))
        .where(listed)
        .order_by(CaseEvent.id)
    )
    for e in events:
        histories[e.case_id].append((e.id, e.at, e.kind, e.staff_id, e.data))
    only = find_staff(verifier).id if verifier is not None else None
    items = {item.id: item for item in Item.select(Item.id, Item.name, Item.name_en)}
    codes = _staff_codes()
    # (kind, name, item, handler, loop) of every loop listed: the cases' and the visits'.
    found = [
        ("case", state.number, state.item_id, state.handler_id, fold_loop(histories[state.case_id])) for state in states
    ]
    found += [
        ("visit", visit_ref(ticket), ticket.item_id, ticket.called_by_id, loop)
        for ticket, loop in _visit_loops(include_done)
    ]
    out = []
    for kind, number, item_id, handler_id, loop in found:
        if only is not None and loop.verifier_id != only:
            continue
        item = items[item_id]
        view = loop_view(loop, today, codes, config.zone)
        view.update(kind=kind, number=number, item=item.name, item_en=item.name_en, handler=codes.get(handler_id))
        out.append(view)
    out.sort(key=lambda row: (not row["overdue"], row["due"] or "9999", row["number"]))
    return out


def _visit_loops(include_done: bool, rated_in: tuple | None = None) -> list[tuple[Ticket, Loop]]:
    """The visits' loops (open ones, or all; ``rated_in``: only of ratings given in [begin, finish)),
    each with its ticket: their steps read in a few queries."""
    opened = VisitFollowupEvent.select(VisitFollowupEvent.rating).where(VisitFollowupEvent.kind == "rated")
    told = VisitFollowupEvent.select(VisitFollowupEvent.rating).where(VisitFollowupEvent.kind == "followup_tell")
    where = VisitRating.id.in_(opened) if include_done else (VisitRating.id.in_(opened) & ~VisitRating.id.in_(told))
    if rated_in is not None:
        where &= (VisitRating.at >= rated_in[0]) & (VisitRating.at < rated_in[1])
    ratings = list(VisitRating.select(VisitRating, Ticket).join(Ticket).where(where).order_by(VisitRating.id))
    histories = visit_histories([rating.id for rating in ratings])
    return [(rating.ticket, fold_loop(histories[rating.id])) for rating in ratings]


def visit_loop_counts(today: date, begin, finish) -> dict:
    """For a report: the stages now of the 差评 of visits rated in [begin, finish), and the open visit loops
    whatever their month (how many, how many overdue)."""
    stages: dict[str, int] = {}
    for _ticket, loop in _visit_loops(include_done=True, rated_in=(begin, finish)):
        stages[loop.stage] = stages.get(loop.stage, 0) + 1
    still_open = [loop for _ticket, loop in _visit_loops(include_done=False)]
    open_now, overdue = len(still_open), sum(loop.overdue(today) for loop in still_open)
    return {"stages": {stage: stages[stage] for stage in STAGES if stage in stages}, "open": open_now, "late": overdue}


def case_loop(config: Config, ref) -> dict | None:
    """One loop's view, a case's or a visit's (None: it has no 差评)."""
    number, history, handler = read_events(ref)
    loop = fold_loop(history)
    if not loop.exists:
        return None
    codes = _staff_codes()
    view = loop_view(loop, clock.service_day(config.zone), codes, config.zone)
    view["handler"] = codes.get(handler) if handler else None  # 谁办理谁负责: whom the leader assigns by default
    view["kind"] = "visit" if is_visit_ref(ref) else "case"
    # A visit's resident can be called back only through a case of the same visit that left a phone.
    view["can_call"] = not is_visit_ref(ref) or bool(visit_phone(find_visit_rating(ref).ticket_id))
    return view


def public_result(loop: Loop) -> dict | None:
    """What the resident's tracking page shows of the loop: how it was handled, once it is
    (None before): the class, the result's words (checked for personal data when written), and
    whether they may rate the handling."""
    if not loop.exists or not loop.disposed:
        return None
    return {
        "classification": loop.classification,
        "disposal": "appeal_upheld" if loop.excluded else loop.disposal,
        "result": loop.result,
        "told": loop.told_at is not None,
        "can_rate_handling": loop.told_at is not None and loop.handling_level is None,
        "handling_level": loop.handling_level,
    }
