"""The write path shared by every case step, and finding cases, staff and items.

Every step is one transaction that (1) locks the case's projection row (on
PostgreSQL; SQLite's IMMEDIATE transactions already serialise writers),
(2) folds the case's events into its current facts and checks the rule,
(3) appends the new event(s), (4) rewrites the projection row from the new
facts, and (5) records a change-feed event (``case.<step>``; never personal
data). Nothing about a case is updated or deleted: its state is the fold of
its events (:mod:`models.cases.rules`).
"""

from __future__ import annotations

from datetime import date, datetime

from models import clock, events
from models.calendar import HallCalendar
from models.cases.privacy import has_personal_data
from models.cases.rights import require_case_right
from models.cases.rules import CaseFacts, CaseRefused, apply, fold, projection_values
from models.config import Config
from models.db import database, is_postgres
from models.errors import NotFound
from models.schema import Item, Staff, Window
from models.schema.cases import CaseContact, CaseCounter, CaseEvent, CaseRecord, CaseState
from models.staff import accounts as staff_module

# --- finding things -------------------------------------------------------------


def normalise_number(text: str) -> str:
    """'2026-123' or '2026000123' → '2026-000123'; raises CaseRefused."""
    raw = (text or "").strip().replace(" ", "")
    if "-" in raw:
        year, _, seq = raw.partition("-")
    else:
        year, seq = raw[:4], raw[4:]
    if not (year.isdigit() and len(year) == 4 and seq.isdigit() and 0 < len(seq) <= 6):
        raise CaseRefused("unknown_case", case=raw[:20])
    return f"{year}-{int(seq):06d}"


def find_record(ref) -> CaseRecord:
    if isinstance(ref, CaseRecord):
        return ref
    if isinstance(ref, CaseFacts):
        ref = ref.id
    if isinstance(ref, int):
        record = CaseRecord.get_or_none(CaseRecord.id == ref)
    else:
        record = CaseRecord.get_or_none(CaseRecord.number == normalise_number(str(ref)))
    if record is None:
        raise CaseRefused("unknown_case", case=str(ref)[:20])
    return record


# What fold() reads of a record, for reads of many cases as plain rows (see :func:`record_values`).
RECORD_FIELDS = (
    CaseRecord.id,
    CaseRecord.number,
    CaseRecord.tracking_code,
    CaseRecord.ticket,
    CaseRecord.item,
    CaseRecord.window,
    CaseRecord.channel,
    CaseRecord.accepted_at,
    CaseRecord.accepted_by,
    CaseRecord.first_responder,
    CaseRecord.kind,
)


def record_values(row: dict) -> dict:
    """A record read with ``RECORD_FIELDS`` as ``dicts()``, keyed as fold() asks for its references."""
    values = dict(row)
    for name in ("ticket", "item", "window", "accepted_by", "first_responder"):
        values[name + "_id"] = values.pop(name)
    return values


def event_rows(case_ids: list[int], batch: int = 500) -> dict[int, list[tuple]]:
    """The events of these cases as fold() reads them, oldest first: a few queries however many cases."""
    histories: dict[int, list[tuple]] = {case_id: [] for case_id in case_ids}
    for start in range(0, len(case_ids), batch):
        rows = (
            CaseEvent.select(
                CaseEvent.case, CaseEvent.id, CaseEvent.at, CaseEvent.kind, CaseEvent.staff, CaseEvent.data
            )
            .where(CaseEvent.case.in_(case_ids[start : start + batch]))
            .order_by(CaseEvent.id)
            .tuples()
        )
        for case_id, event_id, at, kind, staff_id, data in rows:
            histories[case_id].append((event_id, at, kind, staff_id, data))
    return histories


def facts_of(record: CaseRecord) -> CaseFacts:
    """The truth: the fold of the case's events."""
    rows = (
        CaseEvent.select(CaseEvent.id, CaseEvent.at, CaseEvent.kind, CaseEvent.staff, CaseEvent.data)
        .where(CaseEvent.case == record.id)
        .order_by(CaseEvent.id)
    )
    return fold(record, [(e.id, e.at, e.kind, e.staff_id, e.data) for e in rows])


def find_staff(ref) -> Staff:
    if isinstance(ref, Staff):
        return ref
    return staff_module.find_staff(ref, active_or=CaseRefused)


def find_item(code: str) -> Item:
    item = Item.get_or_none(Item.code == code)
    if item is None:
        raise NotFound("unknown_item", item=code)
    return item


def find_window(number: int) -> Window:
    window = Window.get_or_none(Window.number == int(number))
    if window is None:
        raise NotFound("unknown_window", window=number)
    return window


def _text(value: str, key: str, **params) -> str:
    text = (value or "").strip()
    if not text:
        raise CaseRefused(key, **params)
    return text


def as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise CaseRefused("bad_date", date=str(value)[:20]) from None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def catalogue_materials(item: Item) -> list[dict]:
    data: dict = item.data or {}
    return list(data.get("materials") or [])


class CaseStore:
    """The write path and rule helpers bound to one hall's config (calendar, zone, limits)."""

    def __init__(self, config: Config):
        self.config = config
        self.calendar = HallCalendar(config)

    # --- time --------------------------------------------------------------

    def today(self) -> date:
        return clock.service_day(self.config.zone)

    def local_day(self, instant: datetime) -> date:
        return clock.local(instant, self.config.zone).date()

    def working_days_after(self, start: date, days: int) -> date:
        return self.calendar.add_working_days(start, days)

    # --- opening -------------------------------------------------------------

    def _next_seq(self, year: int) -> int:
        query = (
            CaseCounter.insert(year=year, last=1)
            .on_conflict(conflict_target=[CaseCounter.year], update={CaseCounter.last: CaseCounter.last + 1})
            .returning(CaseCounter.last)
        )
        return list(query.execute())[0].last

    def _missing(self, item: Item, missing, other, known) -> dict:
        names = {m.get("name"): m.get("name") for m in catalogue_materials(item)}
        names.update({m.get("name_en"): m.get("name") for m in catalogue_materials(item) if m.get("name_en")})
        chosen = []
        for entry in missing:
            name = names.get((entry or "").strip())
            if name is None:
                raise CaseRefused("unknown_material", material=(entry or "").strip(), item=item.name)
            if name not in chosen:
                chosen.append(name)
        extra = [self._public(text.strip(), known, "material") for text in other if (text or "").strip()]
        if not chosen and not extra:
            raise CaseRefused("missing_needed")
        return {"catalogue": chosen, "other": extra}

    def _escalation(self, item: Item, authority: str, authority_due, known) -> dict:
        authority = self._public(_text(authority, "authority_needed"), known, "authority")
        if authority_due is None:
            if item.promised_days <= 0:
                raise CaseRefused("authority_due_needed")
            due = self.working_days_after(self.today(), item.promised_days)
        else:
            due = as_date(authority_due)
            if due < self.today():
                raise CaseRefused("date_in_past", date=due.isoformat())
        return {"authority": authority, "authority_due": due.isoformat()}

    def _public(self, text: str, known: tuple, what: str) -> str:
        """Text a resident or the public may read must hold no personal data."""
        text = (text or "").strip()
        if has_personal_data(text, known):
            raise CaseRefused("personal_data", what=what)
        return text

    # --- the write path ---------------------------------------------------------

    def _append(self, record: CaseRecord, facts: CaseFacts, staff: Staff | None, steps, *, create=False) -> CaseFacts:
        """Append events, apply them, write the projection, announce: inside a transaction."""
        at = clock.now()
        for kind, data in steps:
            row = CaseEvent.create(case=record, at=at, kind=kind, staff=staff, data=data)
            apply(facts, row.id, at, kind, staff.id if staff else None, data)
        values = projection_values(facts)
        if create:
            CaseState.insert(**values).execute()
        else:
            values.pop("case")
            CaseState.update(**values).where(CaseState.case == record.id).execute()
        events.record(
            "case.opened" if create else "case." + steps[-1][0],
            record.id,
            number=record.number,
            state=facts.state,
            case_kind=facts.kind,
            window=record.window.number if record.window_id else None,
            staff=staff.code if staff else None,
        )
        return facts

    def _locked(self, case) -> tuple[CaseRecord, CaseFacts]:
        """Inside a transaction: the case, its row locked on PostgreSQL, and its facts."""
        record = find_record(case)
        if is_postgres():
            list(CaseState.select(CaseState.case).where(CaseState.case == record.id).for_update())
        return record, facts_of(record)

    def _step(self, case, staff, kind: str, check, data_fn) -> CaseFacts:
        actor = find_staff(staff)
        with database.atomic():
            record, facts = self._locked(case)
            require_case_right(actor, record, facts, kind)
            check(facts)
            data = data_fn(record, facts)
            return self._append(record, facts, actor, [(kind, data)])

    @staticmethod
    def _need_state(facts: CaseFacts, *states: str) -> None:
        if facts.state not in states:
            raise CaseRefused("state_" + facts.state, case=facts.number)

    def _known(self, record: CaseRecord) -> tuple:
        contact = CaseContact.get_or_none(CaseContact.case == record.id)
        return tuple(v for v in (contact.name, contact.phone) if v) if contact else ()
