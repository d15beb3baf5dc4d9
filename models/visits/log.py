"""Logging visits (走访) in the 民情日志: a visit, the matters raised, their cases and their answers.

A visit is logged by the worker who made it, now or after the fact (on the
day it happened, never a day to come). Each matter raised is its own row;
it can open a case (channel ``visit``) and is answered back to the resident
(事事有落实，件件有回音): both are :class:`VisitFollowup` rows, so a matter's
story is appended to, never edited. A matter's words may not hold a phone or
ID number, nor the household's own name or phone: they are shown in lists.

Going out to visit (whereabouts 走访) may name the households planned; the
plan is kept with the whereabouts change, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models import clock, events
from models.cases.privacy import has_personal_data
from models.config import Config
from models.db import database
from models.households.register import find_household
from models.households.rules import ANSWER_HOWS, HOWS, MET, HouseholdRefused
from models.plain_text import check
from models.schema import Staff
from models.schema.cases import CaseRecord, CaseState
from models.schema.households import Area, Household, Visit, VisitFollowup, VisitMatter, VisitPlan
from models.schema.whereabouts import WhereaboutsChange
from models.staff.accounts import find_staff

MAX_MATTERS = 10
# What the case form may say beyond item, kind and result: never a ticket, a window or a channel.
CASE_DETAILS = frozenset(
    ("missing", "other", "reason", "authority", "authority_due", "promised_days", "name", "phone", "subject")
)


@dataclass(frozen=True)
class MatterFacts:
    id: int
    seq: int
    text: str
    case: str  # the case number, "" for none
    case_state: str
    answered: bool
    answers: tuple[dict, ...]


@dataclass(frozen=True)
class VisitFacts:
    id: int
    household: str
    area: str
    worker: str
    visited_on: date
    how: str
    met: str
    note: str
    logged_at: datetime  # naive UTC
    matters: tuple[MatterFacts, ...]

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "household": self.household,
            "area": self.area,
            "worker": self.worker,
            "visited_on": self.visited_on.isoformat(),
            "how": self.how,
            "met": self.met,
            "note": self.note,
            "logged_at": self.logged_at.isoformat(timespec="seconds"),
            "matters": [
                {
                    "id": m.id,
                    "seq": m.seq,
                    "text": m.text,
                    "case": m.case,
                    "case_state": m.case_state,
                    "answered": m.answered,
                    "answers": list(m.answers),
                }
                for m in self.matters
            ],
        }


def _words(field: str, text: str, house: Household) -> str:
    text = check(field, (text or "").strip())
    if len(text) > 200:
        raise HouseholdRefused("too_long", field=field)
    if has_personal_data(text, (house.head, house.phone, house.room and f"{house.room}室")):
        raise HouseholdRefused("personal_in_text", field=field)
    return text


class Visits:
    """The visit log (``hall.visits``); ``cases`` opens the cases matters need."""

    def __init__(self, config: Config, cases, whereabouts):
        self.config = config
        self.cases = cases
        self.whereabouts = whereabouts

    def today(self) -> date:
        return clock.service_day(self.config.zone)

    def log(
        self,
        staff: str,
        household: str,
        *,
        on: date | None = None,
        how: str = "home",
        met: str = "head",
        note: str = "",
        matters: list[str] | tuple[str, ...] = (),
    ) -> VisitFacts:
        """Write a visit of ``household`` by ``staff`` on the local day ``on`` (today by default)."""
        actor = find_staff(staff, active_or=HouseholdRefused)
        if how not in HOWS:
            raise HouseholdRefused("bad_how", how=how, hows="、".join(HOWS))
        if met not in MET:
            raise HouseholdRefused("bad_met", met=met, choices="、".join(MET))
        today = self.today()
        day = on or today
        if day > today:
            raise HouseholdRefused("visit_in_future", day=day.isoformat())
        house = find_household(household)
        if house.retired:
            raise HouseholdRefused("household_retired", household=house.code)
        note = _words("note", note, house)
        texts = [_words("matter", text, house) for text in matters if (text or "").strip()]
        if len(texts) > MAX_MATTERS:
            raise HouseholdRefused("too_many_matters", most=MAX_MATTERS)
        with database.atomic():
            visit = Visit.create(
                household=house, worker=actor, visited_on=day, how=how, met=met, note=note, logged_at=clock.now()
            )
            for seq, text in enumerate(texts, 1):
                VisitMatter.create(visit=visit, seq=seq, text=text)
            events.record(
                "visit.logged",
                visit.id,
                household=house.code,
                worker=actor.code,
                day=day.isoformat(),
                matters=len(texts),
            )
        return self.get(visit.id)

    def _matter(self, matter_id: int, actor: Staff) -> tuple[VisitMatter, Visit]:
        matter = VisitMatter.get_or_none(VisitMatter.id == matter_id)
        if matter is None:
            raise HouseholdRefused("unknown_matter", matter=matter_id)
        visit = Visit.get_by_id(matter.visit_id)
        if actor.role != "leader" and visit.worker_id != actor.id:
            area_worker = Area.select(Area.worker).join(Household).where(Household.id == visit.household_id).scalar()
            if area_worker != actor.id:
                raise HouseholdRefused("not_your_visit", matter=matter_id, staff=actor.code)
        return matter, visit

    def open_case(
        self, matter_id: int, staff: str, *, item: str, kind: str | None = None, result: str = "", **details
    ) -> str:
        """Open a case (channel 走访) for a matter raised; returns its number. Once per matter.

        ``details`` are the kind's own (promised days, materials missing, a reason …),
        as :meth:`models.cases.Cases.open_case` takes them; a ticket or a window never.
        """
        unknown = set(details) - CASE_DETAILS
        if unknown:
            raise TypeError(f"open_case() got unexpected details: {', '.join(sorted(unknown))}")
        actor = find_staff(staff, active_or=HouseholdRefused)
        with database.atomic():
            matter, _visit = self._matter(matter_id, actor)
            if (
                VisitFollowup.select()
                .where((VisitFollowup.matter == matter.id) & (VisitFollowup.kind == "case"))
                .exists()
            ):
                raise HouseholdRefused("matter_has_case", matter=matter.id)
            facts = self.cases.open_case(
                staff=actor.code, item=item, kind=kind, channel="visit", result=result, **details
            )
            record = CaseRecord.get(CaseRecord.number == facts.number)
            VisitFollowup.create(matter=matter, kind="case", case=record, staff=actor, at=clock.now())
            events.record("visit.case_opened", matter.id, visit=matter.visit_id, case=facts.number)
        return facts.number

    def answer(self, matter_id: int, staff: str, text: str, how: str = "home") -> VisitFacts:
        """Record the answer given back to the resident on a matter (件件有回音)."""
        actor = find_staff(staff, active_or=HouseholdRefused)
        if how not in ANSWER_HOWS:
            raise HouseholdRefused("bad_answer_how", how=how, hows="、".join(ANSWER_HOWS))
        with database.atomic():
            matter, visit = self._matter(matter_id, actor)
            words = _words("answer", text, Household.get_by_id(visit.household_id))
            if not words:
                raise HouseholdRefused("answer_needed")
            VisitFollowup.create(matter=matter, kind="answer", staff=actor, how=how, text=words, at=clock.now())
            events.record("visit.answered", matter.id, visit=visit.id, staff=actor.code)
        return self.get(visit.id)

    def get(self, visit_id: int) -> VisitFacts:
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise HouseholdRefused("unknown_visit", visit=visit_id)
        return self._facts([visit])[0]

    def of_household(self, household: str, limit: int = 50) -> list[VisitFacts]:
        house = find_household(household)
        rows = list(
            Visit.select()
            .where(Visit.household == house.id)
            .order_by(Visit.visited_on.desc(), Visit.id.desc())
            .limit(limit)
        )
        return self._facts(rows)

    def of_worker(self, staff: str, first: date, last: date) -> list[VisitFacts]:
        actor = find_staff(staff)
        rows = list(
            Visit.select()
            .where((Visit.worker == actor.id) & Visit.visited_on.between(first, last))
            .order_by(Visit.visited_on.desc(), Visit.id.desc())
        )
        return self._facts(rows)

    def _facts(self, visits: list[Visit]) -> list[VisitFacts]:
        if not visits:
            return []
        ids = [v.id for v in visits]
        houses = {
            h.id: (h.code, h.area.code)
            for h in Household.select(Household.id, Household.code, Area.code)
            .join(Area)
            .where(Household.id.in_(list({v.household_id for v in visits})))
        }
        people = {s.id: s.code for s in Staff.select(Staff.id, Staff.code)}
        matters: dict[int, list[VisitMatter]] = {}
        for m in VisitMatter.select().where(VisitMatter.visit.in_(ids)).order_by(VisitMatter.visit, VisitMatter.seq):
            matters.setdefault(m.visit_id, []).append(m)
        matter_ids = [m.id for ms in matters.values() for m in ms]
        follow: dict[int, list[VisitFollowup]] = {}
        if matter_ids:
            for f in VisitFollowup.select().where(VisitFollowup.matter.in_(matter_ids)).order_by(VisitFollowup.id):
                follow.setdefault(f.matter_id, []).append(f)
        case_ids = {f.case_id for fs in follow.values() for f in fs if f.case_id}
        cases = {
            cid: (number, state)
            for cid, number, state in CaseState.select(CaseState.case, CaseState.number, CaseState.state)
            .where(CaseState.case.in_(list(case_ids) or [0]))
            .tuples()
        }
        out = []
        for v in visits:
            code, area = houses[v.household_id]
            facts = []
            for m in matters.get(v.id, []):
                steps = follow.get(m.id, [])
                case = next((f.case_id for f in steps if f.kind == "case"), None)
                number, state = cases.get(case, ("", "")) if case else ("", "")
                answers = tuple(
                    {
                        "at": f.at.isoformat(timespec="seconds"),
                        "staff": people.get(f.staff_id, ""),
                        "how": f.how,
                        "text": f.text,
                    }
                    for f in steps
                    if f.kind == "answer"
                )
                facts.append(MatterFacts(m.id, m.seq, m.text, number, state, bool(answers), answers))
            out.append(
                VisitFacts(
                    id=v.id,
                    household=code,
                    area=area,
                    worker=people.get(v.worker_id, ""),
                    visited_on=v.visited_on,
                    how=v.how,
                    met=v.met,
                    note=v.note,
                    logged_at=v.logged_at,
                    matters=tuple(facts),
                )
            )
        return out

    def open_matters(self, staff: str, limit: int = 200) -> list[tuple[VisitFacts, MatterFacts]]:
        """Matters raised in ``staff``'s visits or in their areas that have no answer yet, oldest first."""
        actor = find_staff(staff)
        answered = VisitFollowup.select(VisitFollowup.matter).where(VisitFollowup.kind == "answer")
        theirs = Household.select(Household.id).join(Area).where(Area.worker == actor.id)
        visit_ids = (
            VisitMatter.select(VisitMatter.visit)
            .join(Visit, on=(VisitMatter.visit == Visit.id))
            .where(((Visit.worker == actor.id) | Visit.household.in_(theirs)) & VisitMatter.id.not_in(answered))
            .distinct()
        )
        visits = list(Visit.select().where(Visit.id.in_(visit_ids)).order_by(Visit.visited_on, Visit.id).limit(limit))
        return [(v, m) for v in self._facts(visits) for m in v.matters if not m.answered]

    # --- going out to visit ----------------------------------------------------------

    def go_visiting(
        self, staff: str, households: list[str], note: str = "", back_at: datetime | None = None, *, by=None
    ):
        """Set ``staff``'s whereabouts to 走访 naming the households planned; one transaction."""
        with database.atomic():
            houses = [find_household(code) for code in dict.fromkeys(households)]
            change = self.whereabouts.set_state(staff, "visiting", note, back_at, by=by)
            for house in houses:
                VisitPlan.create(change=change.id, household=house)
        return change

    def planned(self, staff: str) -> list[str]:
        """The households named by ``staff``'s latest 走访 today (empty when not out visiting today)."""
        actor = find_staff(staff)
        start, _end = clock.local_days(self.today(), self.today(), self.config.zone)
        latest = (
            WhereaboutsChange.select(WhereaboutsChange.id, WhereaboutsChange.to_state)
            .where((WhereaboutsChange.staff == actor.id) & (WhereaboutsChange.at >= start))
            .order_by(WhereaboutsChange.id.desc())
            .first()
        )
        if latest is None or latest.to_state != "visiting":
            return []
        return [
            code
            for (code,) in VisitPlan.select(Household.code)
            .join(Household)
            .where(VisitPlan.change == latest.id)
            .order_by(VisitPlan.id)
            .tuples()
        ]
