"""Putting a checked area file into the database: nothing deleted, nothing loaded when a line is wrong.

The file speaks for the areas it names: a household of such an area that
the file no longer lists is retired (kept for its visits) and comes back if
a later file names it again. Areas the file does not name stay as they are.
The changes are counted, never listed with personal data: the load record
is read by more people than the rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from models import events
from models.catalogue.entries import Problem
from models.db import database
from models.households.area_file import AreaFile, check_file
from models.households.rules import HouseholdRefused
from models.schema import Staff
from models.schema.households import Area, Household, HouseholdLoad
from models.staff.accounts import find_staff


def require_may_load(actor: Staff) -> None:
    """An area file names every household's people and who visits them: a leader loads it."""
    if actor.role != "leader":
        raise HouseholdRefused("load_leaders_only", staff=actor.code)


class AreaFileRefused(Exception):
    """The file has problems; ``problems`` lists them as ``file:line: sentence``."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


def active_staff_codes() -> set[str]:
    return {code for (code,) in Staff.select(Staff.code).where(Staff.active).tuples()}


def load_file(path: str, staff: str) -> dict[str, int]:
    """Check ``path`` against the hall's staff and load it, for a leader (``staff``);
    raises :class:`HouseholdRefused` for anyone else, :class:`AreaFileRefused` for a wrong file."""
    require_may_load(find_staff(staff, active_or=HouseholdRefused))
    checked, problems = check_file(path, active_staff_codes())
    if problems or checked is None:
        raise AreaFileRefused(sorted(problems, key=lambda p: p.line))
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    return load(checked, source=str(path), digest=digest)


def load(checked: AreaFile, *, source: str = "", digest: str = "") -> dict[str, int]:
    """Make the named areas match the file; returns counts: areas, added, changed, retired, unchanged."""
    counts = {"areas": len(checked.areas), "added": 0, "changed": 0, "retired": 0, "unchanged": 0}
    with database.atomic():
        workers = {s.code: s.id for s in Staff.select(Staff.id, Staff.code)}
        areas = {a.code: a for a in Area.select()}
        for entry in checked.areas:
            values = dict(
                name=entry.name,
                worker=workers.get(entry.worker) if entry.worker else None,
                grid_leader=entry.grid_leader,
                grid_leader_phone=entry.grid_leader_phone,
                retired=False,
            )
            if entry.code in areas:
                Area.update(**values).where(Area.id == areas[entry.code].id).execute()
            else:
                areas[entry.code] = Area.create(code=entry.code, **values)
        area_ids = {code: areas[code].id for code in areas}
        named = {area_ids[a.code] for a in checked.areas}
        existing = {h.code: h for h in Household.select()}
        listed = set()
        for house in checked.households:
            listed.add(house.code)
            values = {k: v for k, v in asdict(house).items() if k not in ("code", "area", "line")}
            values.update(area=area_ids[house.area], retired=False)
            old = existing.get(house.code)
            if old is None:
                Household.create(code=house.code, **values)
                counts["added"] += 1
                continue
            before = {k: getattr(old, k) for k in values if k != "area"} | {"area": old.area_id}
            if before == values:
                counts["unchanged"] += 1
            else:
                Household.update(**values).where(Household.id == old.id).execute()
                counts["changed"] += 1
        for code, old in existing.items():
            if code not in listed and old.area_id in named and not old.retired:
                Household.update(retired=True).where(Household.id == old.id).execute()
                counts["retired"] += 1
        HouseholdLoad.create(source=source, digest=digest, changes=[counts])
        events.record("households.loaded", None, **counts)
    return counts
