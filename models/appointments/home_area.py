"""Whose area a home visit (上门服务) lies in: the worker it goes to by default.

A home visit booked for a household (its code) lies in that household's
area. Booked for an address only, it lies in the area whose households'
compound or street (小区 / 路, as the area file names it) the address
begins with or contains; the longest such name wins, and only when all its
households are in one area. The visit then goes to that area's worker, if
they are still active; the leader may still choose another
(:meth:`~models.appointments.home.HomeVisits.assign`). With no household
and no matching area, or an area without an active worker, nobody is chosen
and the leader chooses as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.households.register import find_household
from models.households.rules import HouseholdRefused
from models.schema import Staff
from models.schema.households import Area, Household


@dataclass(frozen=True)
class HomeArea:
    """The area a visit lies in (None when none is known) and its worker (None when it has no active one)."""

    area: Area | None
    worker: Staff | None
    address: str  # as typed, or the household's whole address when only its code was given


def household_address(house: Household) -> str:
    return "".join(part for part in (house.address, house.building, house.unit, house.room) if part)


def home_area(household: str | None, address: str) -> HomeArea:
    """The area of ``household`` (a code), else of ``address``; refuses an unknown household code."""
    if household:
        house = find_household(household)
        if house.retired:
            raise HouseholdRefused("unknown_household", household=house.code)
        area = Area.get_or_none((Area.id == house.area_id) & ~Area.retired)
        return HomeArea(area, _worker(area), address or household_address(house))
    return HomeArea(*_by_address(address), address)


def _by_address(address: str) -> tuple[Area | None, Staff | None]:
    if not address:
        return None, None
    areas_of: dict[str, set[int]] = {}
    rows = (
        Household.select(Household.address, Household.area)
        .join(Area, on=(Household.area == Area.id))
        .where(~Household.retired & ~Area.retired & (Household.address != ""))
        .tuples()
    )
    for compound, area_id in rows:
        if compound in address:
            areas_of.setdefault(compound, set()).add(area_id)
    if not areas_of:
        return None, None
    longest = max(areas_of, key=len)
    if len(areas_of[longest]) != 1 or any(len(k) == len(longest) and k != longest for k in areas_of):
        return None, None  # two areas share that name, or two names fit as well: the leader chooses
    area = Area.get_by_id(next(iter(areas_of[longest])))
    return area, _worker(area)


def _worker(area: Area | None) -> Staff | None:
    if area is None or area.worker_id is None:
        return None
    return Staff.get_or_none((Staff.id == area.worker_id) & Staff.active)
