"""The opening and closing checklists (seed 000 三(五); 001 卫生保洁制度 四).

The items are the config's ``opening_checklist`` and ``closing_checklist``.
Each item is ticked by someone, at a time, optionally with a problem noted. A
checklist is signed off once all its items are ticked. The closing sign-off is
refused while any of the day's tickets is waiting, called or being served
(nobody waiting is turned away, seed 002 规范 15), and follows the hours and
the open problems (:mod:`models.duty.closing`); once it is signed the kiosk
issues no ticket until the next day (:mod:`models.queue.day_hold`), unless a
leader reopens it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from peewee import IntegrityError

from models import clock, events
from models.db import database
from models.duty.closing import check_answers, check_early_closing, next_round, standing_sign_off
from models.duty.roster import DutyDay, Roster
from models.duty.tick_state import undos_of
from models.errors import StaffRefused
from models.i18n import t
from models.queue.day_end import end_days_before
from models.queue.day_hold import closed_for_day, hold_day
from models.schema import Staff, Ticket
from models.schema.duty import CHECKLISTS, ChecklistTick, DutySignOff
from models.staff.presence import find_active_staff, iso

OPEN_TICKET_STATES = ("waiting", "called", "serving")


@dataclass(frozen=True)
class TickInfo:
    id: int
    day: date
    checklist: str
    item_index: int
    item_text: str
    staff: str
    problem: str
    at: datetime

    def as_dict(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat(), "at": iso(self.at)}


@dataclass(frozen=True)
class UndoInfo:
    id: int
    tick: int  # the id of the tick taken back
    day: date
    checklist: str
    item_index: int
    staff: str
    reason: str
    at: datetime

    def as_dict(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat(), "at": iso(self.at)}


@dataclass(frozen=True)
class ItemState:
    index: int  # 0-based
    text: str
    ticked: bool  # its latest tick stands (was not taken back)
    staff: str | None  # the standing tick
    at: datetime | None
    problem: str
    ticks: tuple[TickInfo, ...]  # every tick, oldest first
    undos: tuple[UndoInfo, ...] = ()  # every tick taken back, oldest first

    def as_dict(self) -> dict:
        return {
            "index": self.index,
            "text": self.text,
            "ticked": self.ticked,
            "staff": self.staff,
            "at": iso(self.at),
            "problem": self.problem,
            "ticks": [x.as_dict() for x in self.ticks],
            "undos": [x.as_dict() for x in self.undos],
        }


@dataclass(frozen=True)
class SignOffInfo:
    id: int
    day: date
    checklist: str
    staff: str
    note: str
    at: datetime
    by_duty_person: bool
    early_reason: str = ""
    answers: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat(), "at": iso(self.at)}


@dataclass(frozen=True)
class ChecklistState:
    checklist: str
    items: tuple[ItemState, ...]
    signed_off: SignOffInfo | None

    @property
    def complete(self) -> bool:
        return all(item.ticked for item in self.items)

    @property
    def missing(self) -> tuple[int, ...]:
        return tuple(item.index for item in self.items if not item.ticked)

    def as_dict(self) -> dict:
        return {
            "checklist": self.checklist,
            "complete": self.complete,
            "items": [i.as_dict() for i in self.items],
            "signed_off": self.signed_off.as_dict() if self.signed_off else None,
        }


class Checklists(Roster):
    """The checklists of a day, ticked and signed by the people the roster has on duty."""

    def items(self, checklist: str) -> tuple[str, ...]:
        if checklist not in CHECKLISTS:
            raise StaffRefused("bad_checklist", checklist=checklist)
        return self.config.opening_checklist if checklist == "opening" else self.config.closing_checklist

    def tick(self, day: date | None, checklist: str, item_index: int, staff_code: str, problem: str = "") -> TickInfo:
        """Tick item ``item_index`` (0-based) of the day's ``checklist``, noting any problem."""
        day = day or clock.service_day(self.config.zone)
        items = self.items(checklist)
        if not 0 <= item_index < len(items):
            raise StaffRefused("bad_item", number=item_index + 1, count=len(items))
        if day > clock.service_day(self.config.zone):
            raise StaffRefused("future_day", day=day.isoformat())
        problem = (problem or "").strip()
        with database.atomic():
            staff = find_active_staff(staff_code)
            if _signed(day, checklist) is not None:
                raise StaffRefused("already_signed", checklist=self._name(checklist), day=day.isoformat())
            row = ChecklistTick.create(
                day=day,
                checklist=checklist,
                item_index=item_index,
                item_text=items[item_index],
                staff=staff.id,
                problem=problem,
                at=clock.now(),
            )
            events.record(
                "duty.ticked",
                row.id,
                day=day.isoformat(),
                checklist=checklist,
                item=item_index,
                staff=staff.code,
                problem=problem,
            )
        return TickInfo(row.id, day, checklist, item_index, items[item_index], staff.code, problem, row.at)

    def sign_off(
        self,
        day: date | None,
        checklist: str,
        staff_code: str,
        note: str = "",
        *,
        early_reason: str = "",
        answers: dict[str, str] | None = None,
    ) -> SignOffInfo:
        """Sign the day's checklist off: every item ticked; the closing one only
        once the day's issuing has stopped (or a leader's ``early_reason``), with
        every open problem answered (``answers``, see
        :func:`models.duty.closing.open_problems_for`) and none of the day's
        tickets waiting or being served."""
        day = day or clock.service_day(self.config.zone)
        self.items(checklist)
        if day > clock.service_day(self.config.zone):
            raise StaffRefused("future_day", day=day.isoformat())
        with database.atomic():
            staff = find_active_staff(staff_code)
            if _signed(day, checklist) is not None:
                raise StaffRefused("already_signed", checklist=self._name(checklist), day=day.isoformat())
            state = self._checklist_state(day, checklist)
            if not state.complete:
                raise StaffRefused(
                    "checklist_incomplete",
                    checklist=self._name(checklist),
                    items="、".join(str(i + 1) for i in state.missing),
                )
            early, kept = "", {}
            if checklist == "closing":
                early = check_early_closing(self.config, day, staff, (early_reason or "").strip())
                hold_day(day)
                end_days_before(day, "sign_off")  # an earlier day left open ends with this one's sign-off
                count = open_tickets(day)
                if count:
                    raise StaffRefused("tickets_open", count=count)
                kept = check_answers(day, answers or {})
            try:
                with database.atomic():
                    row = DutySignOff.create(
                        day=day,
                        checklist=checklist,
                        staff=staff.id,
                        note=(note or "").strip(),
                        at=clock.now(),
                        round=next_round(day, checklist),
                        early_reason=early,
                        answers=kept,
                    )
            except IntegrityError:
                raise StaffRefused("already_signed", checklist=self._name(checklist), day=day.isoformat()) from None
            events.record(
                "duty.signed_off",
                row.id,
                day=day.isoformat(),
                checklist=checklist,
                staff=staff.code,
                early_reason=early,
                answers=kept,
            )
        duty = self.on_duty(day)
        return SignOffInfo(row.id, day, checklist, staff.code, row.note, row.at, staff.code in duty.staff, early, kept)

    def _name(self, checklist: str) -> str:
        return t(f"duty.checklist_{checklist}", self.config.language)

    def _checklist_state(self, day: date, checklist: str, duty: DutyDay | None = None) -> ChecklistState:
        items = self.items(checklist)
        rows = list(
            ChecklistTick.select(ChecklistTick, Staff)
            .join(Staff, on=(ChecklistTick.staff == Staff.id))
            .where((ChecklistTick.day == day) & (ChecklistTick.checklist == checklist))
            .order_by(ChecklistTick.id)
        )
        ticks: dict[int, list[TickInfo]] = {}
        for r in rows:
            ticks.setdefault(r.item_index, []).append(
                TickInfo(r.id, r.day, r.checklist, r.item_index, r.item_text, r.staff.code, r.problem, r.at)
            )
        undone = undos_of(day, checklist)
        codes = {
            p.id: p.code
            for p in Staff.select(Staff.id, Staff.code).where(Staff.id.in_([u.staff_id for u in undone.values()]))
        }
        states = []
        for index in sorted(set(range(len(items))) | set(ticks)):
            done = ticks.get(index, [])
            standing = done[-1] if done and done[-1].id not in undone else None
            text = items[index] if index < len(items) else done[-1].item_text  # off the list now: known by its ticks
            undos = tuple(
                UndoInfo(u.id, u.tick_id, u.day, u.checklist, u.item_index, codes[u.staff_id], u.reason, u.at)
                for u in (undone[x.id] for x in done if x.id in undone)
            )
            states.append(
                ItemState(
                    index=index,
                    text=text,
                    ticked=standing is not None,
                    staff=standing.staff if standing else None,
                    at=standing.at if standing else None,
                    problem=standing.problem if standing else "",
                    ticks=tuple(done),
                    undos=undos,
                )
            )
        signed = _signed(day, checklist)
        info = None
        if signed is not None:
            duty = duty or self.on_duty(day)
            code = signed.staff.code
            info = SignOffInfo(
                signed.id,
                signed.day,
                checklist,
                code,
                signed.note,
                signed.at,
                code in duty.staff,
                signed.early_reason,
                dict(signed.answers or {}),
            )
        return ChecklistState(checklist, tuple(states), info)

    def closed_for_day(self, day: date | None = None) -> bool:
        return closed_for_day(day or clock.service_day(self.config.zone))


def _signed(day: date, checklist: str) -> DutySignOff | None:
    return standing_sign_off(day, checklist)


def open_tickets(day: date) -> int:
    """The day's tickets still waiting, called or being served."""
    return Ticket.select().where((Ticket.service_day == day) & Ticket.status.in_(OPEN_TICKET_STATES)).count()
