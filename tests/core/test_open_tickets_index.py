"""The day's end asks whether any earlier ticket is still open on every report and
each new day: it reads the open tickets' own index, never the year of past tickets."""

from __future__ import annotations

from datetime import date

from models.db import database, is_postgres, open_database
from models.queue.day_end import _ANY_OPEN, OPEN_STATES, _sql
from models.schema import SchemaVersion, migrations
from models.schema.tickets import OPEN_TICKETS_INDEX


def _plan(sql: str, params) -> str:
    if is_postgres():
        database.execute_sql("SET LOCAL enable_seqscan = off")  # a near-empty table: ask which index it would take
        return " ".join(row[0] for row in database.execute_sql(f"EXPLAIN {sql}", params).fetchall())
    return " ".join(str(row[-1]) for row in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())


def test_the_index_holds_exactly_the_open_states():
    listed = OPEN_TICKETS_INDEX.split("IN (", 1)[1].rstrip(")")
    assert tuple(state.strip(" '") for state in listed.split(",")) == OPEN_STATES


def test_the_day_end_question_reads_the_open_tickets_index(hall):
    postgres = is_postgres()
    with database.atomic():
        plan = _plan(_sql(_ANY_OPEN, postgres), (date(2026, 11, 24),))
    assert "ticket_open_service_day" in plan


def test_an_older_hall_gets_the_index_in_place(db_url):
    open_database(db_url)
    step = next(v for v, s in migrations.STEPS.items() if "OPEN_TICKETS_INDEX" in (s.__code__.co_names or ()))
    for version in range(1, step):
        with database.atomic():
            migrations.STEPS[version](database)
            SchemaVersion.create(version=version)
    database.execute_sql('DROP INDEX IF EXISTS "ticket_open_service_day"')  # as a hall made before it
    assert migrations.upgrade() == (step - 1, migrations.CURRENT)
    with database.atomic():
        assert "ticket_open_service_day" in _plan(_sql(_ANY_OPEN, is_postgres()), (date(2026, 11, 24),))
