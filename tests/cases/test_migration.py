"""Upgrading a version-1 hall (queue only) to version 2 (cases): nothing lost."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from peewee import DatabaseError, IntegrityError

from models.db import database, is_postgres, open_database
from models.schema import CORE_TABLES, Event, Item, Line, SchemaVersion, Staff, Ticket, Window, migrations
from models.schema.cases import APPEND_ONLY, CASE_TABLES, CaseEvent
from models.schema.throttle import THROTTLE_TABLES
from tests.conftest import make_config


def _version_one(db_url: str):
    """A database exactly as version 1 left it, with some work in it."""
    db = open_database(db_url)
    with database.atomic():
        db.create_tables(CORE_TABLES)
        SchemaVersion.create(version=1)
        line = Line.create(code="jisheng", prefix="A", name="计生服务")
        window = Window.create(number=1, name="计生服务")
        item = Item.create(code="baby-hukou", line=line, name="婴儿入户", kind="immediate", data={"materials": []})
        staff = Staff.create(code="S01", name="王芳", pin_hash="x")
        for seq in (1, 2):
            Ticket.create(
                number=f"A{seq:03d}",
                prefix="A",
                seq=seq,
                service_day=date(2026, 5, 4),
                item=item,
                line=line,
                tracking_code=f"CODE{seq}",
                window=window,
                status="done",
                first_responder=staff,
            )
        Event.create(kind="ticket.taken", ref=1, data={"number": "A001"})
    return db


def _counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in CORE_TABLES}


def test_upgrade_from_version_one_adds_the_case_tables_and_loses_nothing(db_url):
    db = _version_one(db_url)
    assert migrations.current_version() == 1
    assert not any(db.table_exists(m._meta.table_name) for m in CASE_TABLES)
    before = _counts()
    assert migrations.upgrade() == (1, migrations.CURRENT)
    assert migrations.current_version() == migrations.CURRENT
    for model in CASE_TABLES + THROTTLE_TABLES:
        assert db.table_exists(model._meta.table_name), model
    assert _guarded_tables() >= {m._meta.table_name for m in APPEND_ONLY}
    after = _counts()
    after[SchemaVersion._meta.table_name] -= migrations.CURRENT - 1  # a row for each version since 1
    assert after == before
    assert [t.number for t in Ticket.select().order_by(Ticket.id)] == ["A001", "A002"]
    assert migrations.upgrade() == (migrations.CURRENT, migrations.CURRENT)  # running it again changes nothing
    db.close()


def test_an_upgraded_hall_takes_cases_and_guards_their_history(db_url):
    from models.cases import Cases
    from models.db import DatabaseUnavailable
    from models.hall import open_hall

    _version_one(db_url).close()
    config = make_config(db_url)
    with pytest.raises(DatabaseUnavailable):
        open_hall(config)  # an old schema is refused until `hall init` upgrades it
    hall = open_hall(config, create=True)
    facts = Cases(config).open_case(
        staff="S01", ticket="2026-05-04/A002", result="已办结"
    )  # a past day's ticket: by day and number
    assert facts.number.endswith("-000001") and facts.state == "closed"
    assert facts.first_responder_id == Staff.get(Staff.code == "S01").id
    with pytest.raises(DatabaseError):
        with database.atomic():
            CaseEvent.update(kind="edited").execute()
    hall.close()


def test_a_fresh_database_gets_every_table_and_the_guards(db_url):
    db = open_database(db_url)
    assert migrations.upgrade() == (0, migrations.CURRENT)
    for model in migrations.all_tables():
        assert db.table_exists(model._meta.table_name)
    assert set(CASE_TABLES) <= set(migrations.all_tables())
    assert _guarded_tables() >= {m._meta.table_name for m in APPEND_ONLY}
    db.close()


def _guarded_tables() -> set[str]:
    if is_postgres():
        rows = database.execute_sql(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgname LIKE '%%append_only'"
        ).fetchall()
    else:
        rows = database.execute_sql(
            "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%no_update'"
        ).fetchall()
    return {name for (name,) in rows}


def test_a_version_two_hall_keeps_its_sign_offs_and_can_reopen_a_closing(db_url):
    """The sign-off table as version 2 made it (one per day and checklist, no round)."""
    from peewee import AutoField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

    from models.schema import REOPEN_TABLES, AppendOnlyModel, DutySignOff
    from models.schema.cases import CASE_TABLES as CASES
    from models.schema.duty import DUTY_TABLES
    from models.schema.staff import SIGNIN_TABLES
    from models.schema.whereabouts import WHEREABOUTS_TABLES

    class OldSignOff(AppendOnlyModel):
        id = AutoField()
        day = DateField()
        checklist = CharField()
        staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
        note = TextField(default="")
        at = DateTimeField()

        class Meta:
            table_name = "duty_sign_off"
            indexes = ((("day", "checklist"), True),)

    db = _version_one(db_url)
    with database.atomic():
        others = [m for m in CASES + SIGNIN_TABLES + WHEREABOUTS_TABLES + DUTY_TABLES if m is not DutySignOff]
        db.create_tables(others + [OldSignOff])
        SchemaVersion.create(version=2)
        OldSignOff.create(day=date(2026, 5, 4), checklist="closing", staff=Staff.get().id, at=datetime(2026, 5, 4, 9))
    assert migrations.upgrade() == (2, migrations.CURRENT)
    assert all(db.table_exists(m._meta.table_name) for m in REOPEN_TABLES)
    old = DutySignOff.get()
    assert (old.day, old.round, old.early_reason, old.answers) == (date(2026, 5, 4), 0, "", {})
    # A second round of the same day is now allowed; a second row of the same round is not.
    with database.atomic():
        DutySignOff.create(day=date(2026, 5, 4), checklist="closing", staff=old.staff_id, round=1, at=old.at)
    with pytest.raises(IntegrityError):
        with database.atomic():
            DutySignOff.create(day=date(2026, 5, 4), checklist="closing", staff=old.staff_id, round=1, at=old.at)
    with pytest.raises(DatabaseError):
        with database.atomic():
            DutySignOff.update(early_reason="x").execute()  # still append-only
    db.close()
