"""A ticket's references (item, line, windows, staff) have no index of their own: every read of
them names the service day, whose indexes find the rows, and six more trees to write made each
take and call slower the more days the hall kept. A hall made before loses them in its upgrade."""

from __future__ import annotations

from datetime import date

from models.db import database, is_postgres
from models.queue.sql import statement
from models.schema import SchemaVersion, migrations
from models.schema.migrations import UNINDEXED_TICKET_REFERENCES
from tests.core.test_open_tickets_index import _plan


def ticket_indexes() -> set[str]:
    if is_postgres():
        rows = database.execute_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'ticket'").fetchall()
    else:
        rows = database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ticket'")
    return {name for (name,) in rows}


def test_a_fresh_hall_has_no_index_of_a_ticket_reference(hall):
    found = ticket_indexes()
    assert not found & {f"ticket_{column}" for column in UNINDEXED_TICKET_REFERENCES}
    assert {"ticket_service_day_status", "ticket_line_id_finished_at", "ticket_tracking_code"} <= found


def test_an_older_hall_loses_them_in_its_upgrade_and_keeps_its_tickets(hall):
    hall.queue.take("baby-hukou")
    for column in UNINDEXED_TICKET_REFERENCES:  # as a hall made before step 18 had them
        database.execute_sql(f'CREATE INDEX "ticket_{column}" ON "ticket" ("{column}")')
    SchemaVersion.create(version=17)
    SchemaVersion.delete().where(SchemaVersion.version > 17).execute()
    assert migrations.upgrade() == (17, migrations.CURRENT)
    assert not ticket_indexes() & {f"ticket_{column}" for column in UNINDEXED_TICKET_REFERENCES}
    assert hall.queue.call_next(1).number == "A001"


def test_calling_reads_the_day_through_its_indexes_not_every_ticket_kept(hall):
    postgres = is_postgres()
    day = date(2026, 11, 24)
    with database.atomic():
        streaks = _plan(
            statement("window_for_call_next", postgres, priority_streak=3, booked_streak=3), (1, day, 1, day, 1)
        )
        claim = _plan(
            statement("claim_next", postgres),
            (1, "2026-11-24 02:00:00", None, None, day, 1, 1, "2026-11-24 02:00:00"),
        )
        finish = _plan(statement("finish_ticket", postgres), ("2026-11-24 02:00:00", "A001", day, 1))
    for plan in (streaks, claim, finish):
        assert "ticket_service_day" in plan or "ticket_open_service_day" in plan, plan
        if not postgres:
            assert "SCAN ticket" not in plan and "SCAN t " not in plan, plan
