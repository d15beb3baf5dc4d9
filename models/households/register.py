"""The households as people see them: always masked, opened only with a reason that is logged.

A list shows a household by its code, area, compound, building and unit;
its room, the head of household, the phone and the 楼道长 are masked
(``5**``, ``王**``, ``139****2222``). :meth:`Households.reveal` gives them
whole to the area's worker or a leader, for a reason that goes into
:class:`~models.schema.households.HouseholdAccess` (who, when, why).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from models import clock, events
from models.db import database
from models.households.rules import HouseholdRefused, contact_rule, mask_phone, mask_text
from models.plain_text import check
from models.schema import Staff
from models.schema.households import Area, Household, HouseholdAccess
from models.staff.accounts import find_staff


@dataclass(frozen=True)
class HouseholdRow:
    """One household in a list: nothing here finds a person."""

    code: str
    area: str
    area_name: str
    worker: str  # the area's worker's code, "" for nobody
    address: str
    building: str
    unit: str
    room: str  # masked
    head: str  # masked
    phone: str  # masked
    stairway_leader: str  # masked
    care: str
    contact: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class AreaRow:
    code: str
    name: str
    worker: str
    worker_name: str
    grid_leader: str  # masked
    households: int


_LISTED = (
    Household.code,
    Area.code,
    Area.name,
    Area.worker,
    Household.address,
    Household.building,
    Household.unit,
    Household.room,
    Household.head,
    Household.phone,
    Household.stairway_leader,
    Household.care,
    Household.contact,
)


def _row(values: tuple, people: dict[int, str]) -> HouseholdRow:
    code, area, area_name, worker, address, building, unit, room, head, phone, leader, care, contact = values
    return HouseholdRow(
        code=code,
        area=area,
        area_name=area_name,
        worker=people.get(worker, ""),
        address=address,
        building=building,
        unit=unit,
        room=mask_text(room),
        head=mask_text(head),
        phone=mask_phone(phone),
        stairway_leader=mask_text(leader),
        care=care,
        contact=contact_rule(care, contact),
    )


def find_household(code: str) -> Household:
    house = Household.get_or_none(Household.code == (code or "").strip())
    if house is None:
        raise HouseholdRefused("unknown_household", household=code)
    return house


def find_area(code: str) -> Area:
    area = Area.get_or_none(Area.code == (code or "").strip())
    if area is None:
        raise HouseholdRefused("unknown_area", area=code)
    return area


class Households:
    """The register of areas and households (``hall.households``)."""

    def areas(self) -> list[AreaRow]:
        from peewee import fn

        counts = dict(
            Household.select(Household.area, fn.COUNT(Household.id))
            .where(~Household.retired)
            .group_by(Household.area)
            .tuples()
        )
        people = {s.id: s for s in Staff.select(Staff.id, Staff.code, Staff.name)}
        rows = []
        for a in Area.select().where(~Area.retired).order_by(Area.code):
            worker = people.get(a.worker_id)
            rows.append(
                AreaRow(
                    code=a.code,
                    name=a.name,
                    worker=worker.code if worker else "",
                    worker_name=worker.name if worker else "",
                    grid_leader=mask_text(a.grid_leader),
                    households=counts.get(a.id, 0),
                )
            )
        return rows

    def rows(self, area: str | None = None, *, worker: str | None = None, codes=None) -> list[HouseholdRow]:
        """The households still listed, masked, by area and code; of one area, one worker's areas or some codes."""
        query = (
            Household.select(*_LISTED)
            .join(Area, on=(Household.area == Area.id))
            .where(~Household.retired)
            .order_by(Area.code, Household.code)
        )
        if area:
            query = query.where(Household.area == find_area(area).id)
        if worker:
            query = query.where(Area.worker == find_staff(worker).id)
        if codes is not None:
            query = query.where(Household.code.in_(list(codes)))
        people = dict(Staff.select(Staff.id, Staff.code).tuples())
        return [_row(values, people) for values in query.tuples()]

    def reveal(self, household: str, staff: str, reason: str) -> dict:
        """The household's personal data, for its area's worker or a leader; the opening is logged with ``reason``."""
        actor = find_staff(staff, active_or=HouseholdRefused)
        reason = check("reason", (reason or "").strip())
        if not reason:
            raise HouseholdRefused("reason_needed")
        if len(reason) > 200:
            raise HouseholdRefused("too_long", field="reason")
        with database.atomic():
            house = find_household(household)
            area = Area.get_by_id(house.area_id)
            if actor.role != "leader" and area.worker_id != actor.id:
                raise HouseholdRefused("not_your_area", household=house.code, staff=actor.code)
            HouseholdAccess.create(household=house, staff=actor, at=clock.now(), reason=reason)
            events.record("household.opened", house.id, household=house.code, staff=actor.code)
        return {
            "code": house.code,
            "address": house.address,
            "building": house.building,
            "unit": house.unit,
            "room": house.room,
            "head": house.head,
            "phone": house.phone,
            "stairway_leader": house.stairway_leader,
            "grid_leader": area.grid_leader,
            "grid_leader_phone": area.grid_leader_phone,
        }

    def openings(self, household: str) -> list[dict]:
        """Who opened the household's personal data, when and why, newest first."""
        house = find_household(household)
        query = (
            HouseholdAccess.select(HouseholdAccess, Staff.code)
            .join(Staff, on=(HouseholdAccess.staff == Staff.id))
            .where(HouseholdAccess.household == house.id)
            .order_by(HouseholdAccess.id.desc())
        )
        return [{"staff": row.staff.code, "at": row.at, "reason": row.reason} for row in query]
