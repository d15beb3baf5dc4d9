"""An older hall gets the tables of areas, households and visits, history ones guarded."""

from __future__ import annotations

import pytest
from peewee import DatabaseError

from models.db import database, open_database
from models.schema import SchemaVersion, migrations
from models.schema.households import HOUSEHOLD_TABLES, Area, Household, Visit
from models.staff import add_staff
from tests.conftest import SHANGHAI, step_creating


def test_a_hall_from_before_the_visits_gets_their_tables(db_url, frozen_clock):
    db = open_database(db_url)
    before = [m for m in migrations.all_tables() if m not in HOUSEHOLD_TABLES]
    with database.atomic():
        db.create_tables(before)
        SchemaVersion.create(version=step_creating("HOUSEHOLD_TABLES") - 1)
    assert not any(db.table_exists(m._meta.table_name) for m in HOUSEHOLD_TABLES)
    assert migrations.upgrade() == (step_creating("HOUSEHOLD_TABLES") - 1, migrations.CURRENT)
    assert all(db.table_exists(m._meta.table_name) for m in HOUSEHOLD_TABLES)
    staff = add_staff("S01", "张一", "1234")
    area = Area.create(code="g1", name="第一网格", worker=staff)
    house = Household.create(code="g1-001", area=area, address="幸福小区")
    visit = Visit.create(household=house, worker=staff, visited_on=frozen_clock.service_day(SHANGHAI))
    with pytest.raises(DatabaseError), database.atomic():
        Visit.update(how="phone").where(Visit.id == visit.id).execute()
