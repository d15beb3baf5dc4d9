"""A month of 补充件 against the notices read before them: which notice keeps failing.

For each item with a 补充件 among the cases accepted in the month (local
days): how many, how often each material was missing (the supplement step
lists them one by one: catalogue materials by name, anything else as typed),
and how many of those residents had read the item's notice first — a notice
view of the same item, on the kiosk or the web, within a visit linked to the
case's ticket, before the materials were found missing. An item is flagged
when those reach ``notice_checks.failing_min`` and
``notice_checks.failing_percent`` of its 补充件 (:func:`failing`): its notice
was read and still did not tell them enough, so the catalogue needs fixing.
The month's views per item and channel are counted too.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from peewee import fn

from models import clock
from models.config import Config, NoticeChecksConfig
from models.schema import Item
from models.schema.cases import CaseEvent, CaseRecord, CaseState
from models.schema.notice_views import NoticeView, VisitTicket


def failing(checks: NoticeChecksConfig, supplements: int, seen_first: int) -> bool:
    """Whether an item's notice keeps failing: read first, and a 补充件 all the same, often enough."""
    return seen_first >= checks.failing_min and seen_first * 100 >= checks.failing_percent * supplements


def _bounds(config: Config, month: str):
    year, mon = (int(x) for x in month.split("-")[:2])
    start = date(year, mon, 1)
    end = date(year + (mon == 12), mon % 12 + 1, 1) - timedelta(days=1)
    return clock.local_days(start, end, config.zone)


def month_report(config: Config, month: str) -> dict:
    """The month ``"YYYY-MM"``: per item, its 补充件, missing materials, notices read first and flag."""
    low, high = _bounds(config, month)
    cases = list(
        CaseState.select(CaseState.case, CaseState.item, CaseRecord.ticket)
        .join(CaseRecord, on=(CaseRecord.id == CaseState.case))
        .where(CaseState.supplement & (CaseState.accepted_at >= low) & (CaseState.accepted_at < high))
        .tuples()
    )
    ids = [case_id for case_id, _item, _ticket in cases]
    asked: dict[int, tuple] = {}  # case → (first time it was found short, the materials missing)
    for start in range(0, len(ids), 500):
        rows = (
            CaseEvent.select(CaseEvent.case, CaseEvent.at, CaseEvent.data)
            .where(CaseEvent.case.in_(ids[start : start + 500]) & (CaseEvent.kind == "supplement"))
            .order_by(CaseEvent.id)
            .tuples()
        )
        for case_id, at, data in rows:
            first, names = asked.get(case_id, (at, []))
            for name in [*(data or {}).get("catalogue", []), *(data or {}).get("other", [])]:
                if name not in names:
                    names.append(name)
            asked[case_id] = (first, names)
    tickets = {ticket for _case, _item, ticket in cases if ticket}
    seen: set[tuple[int, int]] = set()  # (ticket, item) read before …
    first_seen: dict[tuple[int, int], object] = {}
    if tickets:
        linked = (
            NoticeView.select(
                VisitTicket.ticket, NoticeView.item, fn.MIN(NoticeView.at).python_value(NoticeView.at.python_value)
            )
            .join(VisitTicket, on=(VisitTicket.visit == NoticeView.visit))
            .where(VisitTicket.ticket.in_(list(tickets)))
            .group_by(VisitTicket.ticket, NoticeView.item)
            .tuples()
        )
        for ticket, item, at in linked:
            first_seen[(ticket, item)] = at
            seen.add((ticket, item))
    per_item: dict[int, dict] = {}
    for case_id, item_id, ticket in cases:
        if case_id not in asked:
            continue
        at, names = asked[case_id]
        entry = per_item.setdefault(
            item_id, {"supplements": 0, "seen_first": 0, "missing": Counter(), "after": Counter()}
        )
        entry["supplements"] += 1
        read_first = ticket is not None and (ticket, item_id) in seen and first_seen[(ticket, item_id)] <= at
        if read_first:
            entry["seen_first"] += 1
        for name in names:
            entry["missing"][name] += 1
            if read_first:
                entry["after"][name] += 1
    views: dict[int, Counter] = {}
    for item_id, channel, count in (
        NoticeView.select(NoticeView.item, NoticeView.channel, fn.COUNT(NoticeView.id))
        .where((NoticeView.at >= low) & (NoticeView.at < high))
        .group_by(NoticeView.item, NoticeView.channel)
        .tuples()
    ):
        views.setdefault(item_id, Counter())[channel] = count
    wanted = set(per_item) | set(views)
    items = (
        {
            item.id: item
            for item in Item.select(Item.id, Item.code, Item.name, Item.name_en).where(Item.id.in_(list(wanted)))
        }
        if wanted
        else {}
    )
    out = []
    for item_id in wanted:
        entry = per_item.get(item_id, {"supplements": 0, "seen_first": 0, "missing": Counter(), "after": Counter()})
        item = items[item_id]
        out.append(
            {
                "item": item.code,
                "name": item.name,
                "name_en": item.name_en,
                "views": {"kiosk": views.get(item_id, Counter())["kiosk"], "web": views.get(item_id, Counter())["web"]},
                "supplements": entry["supplements"],
                "seen_first": entry["seen_first"],
                "failing": failing(config.notice_checks, entry["supplements"], entry["seen_first"]),
                "materials": [
                    {"name": name, "missing": count, "after_reading": entry["after"][name]}
                    for name, count in sorted(entry["missing"].items(), key=lambda pair: (-pair[1], pair[0]))
                ],
            }
        )
    out.sort(key=lambda row: (not row["failing"], -row["supplements"], -sum(row["views"].values()), row["item"]))
    return {"month": month, "items": out, "failing": sum(1 for row in out if row["failing"])}
