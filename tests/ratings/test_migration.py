"""A hall made before the visit's ratings upgrades in place: the new tables come, old ratings stay readable."""

from __future__ import annotations

from datetime import date, datetime

from models.db import database, open_database
from models.schema import (
    CaseEvent,
    CaseRating,
    CaseRecord,
    Item,
    Line,
    SchemaVersion,
    Staff,
    Ticket,
    Window,
    migrations,
)
from models.schema.ratings import RATING_TABLES, VisitRating
from tests.cases.test_migration import _guarded_tables
from tests.conftest import make_config


def _ratings_step() -> int:
    """The step that brings the ratings' tables (its number may change as steps are added)."""
    return next(v for v, step in migrations.STEPS.items() if "rating pads" in (step.__doc__ or ""))


def _hall_before_the_ratings(db_url: str):
    db = open_database(db_url)
    before = _ratings_step() - 1
    for version in range(1, before + 1):
        with database.atomic():
            migrations.STEPS[version](database)
            SchemaVersion.create(version=version)
    with database.atomic():
        line = Line.create(code="jisheng", prefix="A", name="计生服务")
        window = Window.create(number=1, name="计生服务")
        item = Item.create(code="baby-hukou", line=line, name="婴儿入户", kind="immediate", data={"materials": []})
        staff = Staff.create(code="S01", name="王芳", pin_hash="x")
        ticket = Ticket.create(
            number="A001",
            prefix="A",
            seq=1,
            service_day=date(2026, 11, 2),
            item=item,
            line=line,
            tracking_code="CODE1",
            window=window,
            status="done",
            first_responder=staff,
            called_by=staff,
        )
        at = datetime(2026, 11, 2, 2, 0)
        case = CaseRecord.create(
            number="2026-000001",
            year=2026,
            seq=1,
            tracking_code="CODE1",
            ticket=ticket,
            item=item,
            kind="immediate",
            window=window,
            accepted_at=at,
            accepted_by=staff,
            first_responder=staff,
        )
        CaseEvent.create(case=case, at=at, kind="opened", staff=staff, data={})
        CaseEvent.create(case=case, at=at, kind="completed", staff=staff, data={"result": "已办结"})
        # Typed in at the counter by staff, as the terminal allowed then.
        CaseEvent.create(
            case=case, at=at, kind="rated", data={"level": "satisfied", "tags": ["warm"], "channel": "counter"}
        )
        CaseRating.create(case=case, level="satisfied", tags=["warm"], channel="counter", at=at)
    return db, before


def test_the_upgrade_adds_the_tables_and_keeps_the_old_rating(db_url):
    from models.ratings.records import month_records

    db, before = _hall_before_the_ratings(db_url)
    assert not any(db.table_exists(m._meta.table_name) for m in RATING_TABLES)
    assert migrations.upgrade() == (before, migrations.CURRENT)
    for model in RATING_TABLES:
        assert db.table_exists(model._meta.table_name)
    assert {"visit_rating", "rating_request"} <= _guarded_tables()  # history: append-only from the start
    assert VisitRating.select().count() == 0
    config = make_config(db_url)
    (old,) = month_records(config, "2026-11")
    assert (old["kind"], old["channel"], old["level"], old["reasons"], old["case"]) == (
        "case",
        "counter",
        "satisfied",
        ["warm"],
        "2026-000001",
    )
    assert migrations.upgrade() == (migrations.CURRENT, migrations.CURRENT)  # once only
