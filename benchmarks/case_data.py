"""Bulk case data for the ledger benchmark and tests: ``generate_cases(n)``.

Inserts ``n`` realistic cases into the open hall (catalogue loaded) with
bulk ``executemany`` inserts in chunks: their records, events, contacts,
ratings and projection rows. Every case's history follows the hall's rules (promised
dates from the calendar, the 补充件 clock restart, extensions, completions,
ratings and 差评 follow-ups), and its projection row is computed with the
same fold as the live code, so ``check_projection()`` agrees afterwards.
Accepted times are spread over the last ``days`` days, so today's ledger
has open, overdue and due-soon cases. The change feed (``event``) is not
filled: nobody needs to be woken up for generated history.

    python -c "from benchmarks.case_data import generate_cases; ..."   # inside an open hall
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache

from peewee import fn

from models import clock
from models.calendar import HallCalendar
from models.cases.rules import BAD_LEVELS, BAD_REASONS, fold, projection_values
from models.config import Config
from models.db import database, is_postgres
from models.queue import tracking
from models.schema import Item, Staff, StaffPost, Window, WindowLine
from models.schema.base import AppendOnlyModel
from models.schema.cases import CaseContact, CaseCounter, CaseEvent, CaseRating, CaseRecord, CaseState
from models.schema.chain import db_values, digest_of, last_digest

KIND_WEIGHTS = {
    "consultation": 20,
    "immediate": 25,
    "promised": 25,
    "supplement": 10,
    "returned": 5,
    "escalated": 8,
    "petition": 7,
}
LEVEL_WEIGHTS = {"very_satisfied": 50, "satisfied": 30, "basic": 12, "unsatisfied": 5, "very_unsatisfied": 3}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def _ensure_staff(count: int = 12) -> tuple[list[int], list[int]]:
    """Staff ids (posted to windows) and leader ids, creating them if the hall has few."""
    from models.staff import hash_pin

    staff = [s.id for s in Staff.select(Staff.id).where(Staff.role == "staff")]
    leaders = [s.id for s in Staff.select(Staff.id).where(Staff.role == "leader")]
    if len(staff) >= 2 and leaders:
        return staff, leaders
    pin = hash_pin("1234")
    windows = [w.id for w in Window.select(Window.id).where(~Window.retired).order_by(Window.number)]
    with database.atomic():
        for i in range(count):
            code = f"G{i + 1:02d}"
            if Staff.get_or_none(Staff.code == code) is None:
                row = Staff.create(code=code, name=f"工作人员{i + 1}", pin_hash=pin)
                if windows:
                    StaffPost.create(staff=row, window=windows[i % len(windows)], role="A" if i < len(windows) else "B")
        if not leaders and Staff.get_or_none(Staff.code == "GL1") is None:
            Staff.create(code="GL1", name="带班领导", role="leader", pin_hash=pin)
    return _ensure_staff(count)


def _code(rng: random.Random) -> str:
    data = "".join(rng.choice(tracking.ALPHABET) for _ in range(tracking.DATA_LENGTH))
    return data + tracking._check_symbol(data)


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _chunks(rows: list, size: int):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _insert(model, rows: list[dict]) -> None:
    """One prepared INSERT run over all rows (peewee's insert_many spends its time building SQL)."""
    if not rows:
        return
    db = database.obj
    if issubclass(model, AppendOnlyModel):  # linked into the table's hash chain, as the program does
        prev = last_digest(db, model._meta.table_name)
        for row in rows:
            data = {model._meta.fields[name]: value for name, value in row.items()}
            row["prev"], row["digest"] = prev, digest_of(prev, db_values(model, data))
            prev = row["digest"]
    fields = [model._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join([db.param] * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    values = [tuple(field.db_value(row[field.name]) for field in fields) for row in rows]
    cursor = db.cursor()
    for chunk in _chunks(values, 5000):
        cursor.executemany(sql, chunk)


def generate_cases(n: int, *, config: Config | None = None, seed: int = 7, days: int = 365, chunk: int = 5000) -> int:
    """Insert ``n`` cases into the open hall; returns how many were inserted."""
    config = config or Config()
    calendar = HallCalendar(config)
    zone = config.zone
    rng = random.Random(seed)
    staff, leaders = _ensure_staff()
    items = list(Item.select().where(~Item.retired).order_by(Item.id))
    if not items:
        raise RuntimeError("generate_cases: load a catalogue first")
    windows_by_line: dict[int, list[int]] = {}
    for link in WindowLine.select().where(~WindowLine.retired):
        windows_by_line.setdefault(link.line_id, []).append(link.window_id)

    @cache
    def add(day: date, count: int) -> date:
        return calendar.add_working_days(day, count)

    now = clock.now()
    today = clock.service_day(zone)
    accepted = sorted(now - timedelta(seconds=rng.uniform(60, days * 86400)) for _ in range(n))
    case_id = (CaseRecord.select(fn.MAX(CaseRecord.id)).scalar() or 0) + 1
    event_id = (CaseEvent.select(fn.MAX(CaseEvent.id)).scalar() or 0) + 1
    counters = {c.year: c.last for c in CaseCounter.select()}
    made = 0
    for part in _chunks(accepted, chunk):
        records, events_rows, states, contacts, ratings = [], [], [], [], []
        for at in part:
            day = clock.local(at, zone).date()
            counters[day.year] = counters.get(day.year, 0) + 1
            item = rng.choice(items)
            kind = _pick(rng, KIND_WEIGHTS)
            channel = "window" if rng.random() < 0.85 else rng.choice(("phone", "letter", "visit", "appointment"))
            window = rng.choice(windows_by_line.get(item.line_id) or [None]) if channel == "window" else None
            by = rng.choice(staff)
            first = by if rng.random() < 0.8 else rng.choice(staff)
            record = {
                "id": case_id,
                "number": f"{day.year}-{counters[day.year]:06d}",
                "year": day.year,
                "seq": counters[day.year],
                "tracking_code": _code(rng),
                "ticket": None,
                "item": item.id,
                "kind": kind,
                "channel": channel,
                "window": window,
                "accepted_at": at,
                "accepted_by": by,
                "first_responder": first,
            }
            history = _history(rng, config, add, record, day, today, now, item, staff, leaders)
            stamped = []
            for when, what, who, data in history:
                stamped.append((event_id, when, what, who, data))
                events_rows.append(
                    {"id": event_id, "case": case_id, "at": when, "kind": what, "staff": who, "data": data}
                )
                event_id += 1
                if what == "rated":
                    ratings.append(
                        {"case": case_id, "level": data["level"], "tags": data["tags"], "channel": "kiosk", "at": when}
                    )
            facts = fold(
                {
                    **{
                        k: v
                        for k, v in record.items()
                        if k not in ("ticket", "item", "window", "accepted_by", "first_responder")
                    },
                    "ticket_id": None,
                    "item_id": item.id,
                    "window_id": window,
                    "accepted_by_id": by,
                    "first_responder_id": first,
                },
                stamped,
            )
            states.append(projection_values(facts))
            if rng.random() < 0.4:
                phone = _phone(rng)
                contacts.append(
                    {
                        "case": case_id,
                        "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", rng.choice(GIVEN))),
                        "phone": phone,
                        "phone_last4": phone[-4:],
                        "created_at": at,
                    }
                )
            records.append(record)
            case_id += 1
        with database.atomic():
            _insert(CaseRecord, records)
            _insert(CaseEvent, events_rows)
            _insert(CaseState, states)
            _insert(CaseContact, contacts)
            _insert(CaseRating, ratings)
            for year, last in counters.items():
                CaseCounter.insert(year=year, last=last).on_conflict(
                    conflict_target=[CaseCounter.year], update={CaseCounter.last: last}
                ).execute()
        made += len(records)
    if is_postgres():  # explicit ids do not move the serial sequences
        for table in ("case_record", "case_event"):
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    # A bulk load leaves the planner without statistics until autovacuum comes
    # round (PostgreSQL) or forever (SQLite): gather them now, as any bulk loader should.
    for model in (CaseState, CaseContact, CaseRecord, CaseEvent, Item, Window, Staff):
        database.execute_sql(f'ANALYZE "{model._meta.table_name}"')
    return made


def _history(rng, config, add, record, day, today, now, item, staff, leaders) -> list[tuple]:
    """(at, kind, staff id, data) of one case, oldest first, none in the future."""
    at = record["accepted_at"]
    kind, channel, by = record["kind"], record["channel"], record["accepted_by"]
    days = item.promised_days or 5
    steps = []
    clock_at = [at]

    def later(minutes_low: float, minutes_high: float):
        clock_at[0] = min(now, clock_at[0] + timedelta(minutes=rng.uniform(minutes_low, minutes_high)))
        return clock_at[0]

    def step(what, data, who=by, when=None):
        steps.append((when or clock_at[0], what, who, data))

    opened = {"kind": kind, "channel": channel, "promised_days": days, "contact": False}
    if channel == "letter":
        opened["reply_due"] = add(day, config.cases.letter_reply_days).isoformat()
    due = None
    if kind in ("consultation", "immediate"):
        if channel == "letter":
            due = date.fromisoformat(opened["reply_due"])
            opened["due"] = due.isoformat()
        else:
            if kind == "immediate":
                minutes = int(rng.triangular(3, 60, 12))
                opened.update(minutes=minutes, over_time=minutes > config.cases.immediate_minutes)
            step("opened", opened)
            step("completed", {"result": "已当场办结", "late": False})
            step("notified", {"how": "phone" if channel == "phone" else "in_person", "told_at": at.isoformat()})
            _rate(rng, config, add, steps, day, today, now, at, leaders)
            return steps
    elif kind == "promised":
        due = add(day, days)
        opened["due"] = due.isoformat()
    elif kind == "petition":
        due = add(day, config.cases.petition_days)
        opened["due"] = due.isoformat()
    step("opened", opened)
    start_day = day
    if kind == "supplement":
        step(
            "supplement",
            {"catalogue": [m["name"] for m in (item.data or {}).get("materials", [])[:2]], "other": ["其他证明材料"]},
        )
        if (today - day).days > 3 and rng.random() < 0.85:
            when = later(60 * 24, 60 * 24 * 6)
            start_day = clock.local(when, config.zone).date()
            due = add(start_day, days)
            step("materials_received", {"due": due.isoformat()})
        else:
            return steps
    elif kind == "returned":
        step("returned", {"reason": "申请材料不符合办理条件"})
        return steps
    elif kind == "escalated":
        due = add(day, 20)
        step("escalated", {"authority": "街道民政科", "authority_due": due.isoformat()})
    if rng.random() < 0.05:
        other = rng.choice(staff)
        if other != by:
            step("handover", {"to_staff_id": other, "to": "", "reason": "岗位调整"}, when=later(10, 600))
    if rng.random() < 0.08 and due is not None:
        new_due = add(due, 10)
        step("extended", {"due": new_due.isoformat(), "reason": "需要实地核查"}, when=later(60, 60 * 24 * 3))
        due = new_due
    # Finished if its time has (mostly) come: the older, the likelier.
    span = max(1, (due - start_day).days) if due else 5
    age = (today - start_day).days
    if age > span * 1.5 or (age > span * 0.5 and rng.random() < 0.6) or (age > 0 and rng.random() < 0.1):
        when = later(60, 60 * 24 * max(1, span))
        done_day = clock.local(when, config.zone).date()
        step("completed", {"result": "已办结", "late": bool(due and done_day > due)}, when=when)
        if rng.random() < 0.95:
            step(
                "notified",
                {"how": rng.choice(("phone", "in_person", "message")), "told_at": later(5, 600).isoformat()},
                when=clock_at[0],
            )
            if rng.random() < 0.03:
                step("published", {"text": "该事项已依法办结，特此公告。"}, when=later(10, 600))
        _rate(rng, config, add, steps, day, today, now, clock_at[0], leaders)
    return steps


def _rate(rng, config, add, steps, day, today, now, after, leaders) -> None:
    if rng.random() >= 0.3:
        return
    level = _pick(rng, LEVEL_WEIGHTS)
    when = min(now, after + timedelta(minutes=rng.uniform(1, 30)))
    data = {"level": level, "tags": [], "channel": "kiosk"}
    if level in BAD_LEVELS:
        rated_day = clock.local(when, config.zone).date()
        data["tags"] = [rng.choice(BAD_REASONS)]
        data["callback_due"] = add(rated_day, config.cases.callback_days).isoformat()
        data["rectify_due"] = add(rated_day, config.cases.rectify_days).isoformat()
        steps.append((when, "rated", None, data))
        age = (today - rated_day).days
        leader = rng.choice(leaders)
        if age >= 1 and rng.random() < 0.9:
            steps.append((min(now, when + timedelta(hours=20)), "called_back", leader, {"note": "已回访致歉"}))
        if age >= 20 and rng.random() < 0.9:
            steps.append((min(now, when + timedelta(days=18)), "rectified", leader, {"note": "已整改"}))
        return
    steps.append((when, "rated", None, data))
