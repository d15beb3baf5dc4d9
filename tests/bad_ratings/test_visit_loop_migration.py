"""A hall made before the visits' 差评 loops upgrades in place: their table comes guarded
append-only; a visit's 差评 rated before has no loop (it is not counted as followed up), a new one has."""

from __future__ import annotations

import pytest
from peewee import DatabaseError

from models.db import database, open_database
from models.schema import SchemaVersion, migrations
from models.schema.ratings import VisitFollowupEvent
from tests.bad_ratings.conftest import leaders  # noqa: F401 - fixture
from tests.cases.test_migration import _guarded_tables


def _loops_step() -> int:
    """The step that brings the visits' loops (its number may change as steps are added)."""
    return next(v for v, step in migrations.STEPS.items() if "A visit's 差评 gets its loop" in (step.__doc__ or ""))


def test_the_upgrade_adds_the_guarded_table_once(db_url):
    db = open_database(db_url)
    before = _loops_step() - 1
    for version in range(1, before + 1):
        with database.atomic():
            migrations.STEPS[version](database)
            SchemaVersion.create(version=version)
    assert not db.table_exists(VisitFollowupEvent._meta.table_name)
    assert migrations.upgrade() == (before, migrations.CURRENT)
    assert db.table_exists(VisitFollowupEvent._meta.table_name)
    assert "visit_followup_event" in _guarded_tables()
    assert migrations.upgrade() == (migrations.CURRENT, migrations.CURRENT)


def test_a_loop_step_is_never_rewritten(hall, cases, leaders):  # noqa: F811
    from tests.bad_ratings.test_visit_loop import poor_visit
    from tests.cases.conftest import at

    at(2026, 11, 23, 9)
    ref, _ = poor_visit(hall)
    hall.bad_ratings.assign(ref, "L01")
    for statement in ("UPDATE visit_followup_event SET kind = 'x'", "DELETE FROM visit_followup_event"):
        with pytest.raises(DatabaseError), database.atomic():
            database.execute_sql(statement)
    assert VisitFollowupEvent.select().count() == 2 and hall.bad_ratings.view(ref)["verifier"] == "S01"
