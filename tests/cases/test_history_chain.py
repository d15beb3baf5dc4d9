"""History is tamper-evident: every history row is in its table's hash chain,
and ``hall doctor`` names the first record altered, removed or inserted by
someone who went around the program (raw sqlite3 / psycopg, guards dropped)."""

from __future__ import annotations

import sqlite3

import pytest

from cli.main import main
from models.db import is_postgres
from models.maintenance.health import doctor
from models.schema import Event, migrations
from models.schema.chain import digest_of
from tests.cases.test_append_only import lifecycle


def raw(hall, *statements: str) -> None:
    """Run ``statements`` with the raw driver, as whoever owns the database could."""
    if is_postgres(hall.db):
        import psycopg

        with psycopg.connect(hall.config.database, autocommit=True) as conn:
            for sql in statements:
                conn.execute(sql)
    else:
        conn = sqlite3.connect(hall.config.database[len("sqlite:///") :], isolation_level=None)
        for sql in statements:
            conn.execute(sql)
        conn.close()


def unguarded(hall, table: str, *statements: str) -> None:
    """``statements`` with ``table``'s guards off, and the guards back on after (nothing to see there)."""
    if is_postgres(hall.db):
        raw(
            hall,
            f'ALTER TABLE "{table}" DISABLE TRIGGER USER',
            *statements,
            f'ALTER TABLE "{table}" ENABLE TRIGGER USER',
        )
    else:
        names = [f"{table}_no_update", f"{table}_no_delete", f"{table}_no_replace"]
        raw(hall, *(f'DROP TRIGGER "{n}"' for n in names), *statements)
        from models.schema.base import guard_table

        guard_table(hall.db, table)


def history(hall):
    return {c.name: c for c in doctor(hall.db)}["history"]


def doctor_says(hall, capsys) -> tuple[int, str]:
    code = main(["doctor", "--db", hall.config.database])
    return code, capsys.readouterr().out


@pytest.fixture
def worked(hall, cases):
    lifecycle(hall, cases)
    for _ in range(3):
        hall.queue.take("baby-hukou")
    check = history(hall)
    assert check.ok, check.detail
    return hall


def test_a_day_of_work_is_chained_and_doctor_says_so(worked, capsys):
    code, out = doctor_says(worked, capsys)
    assert code == 0 and "history   ok" in out and "guards    ok" in out


def test_an_altered_ticket_event_is_named(worked, capsys):
    unguarded(worked, "event", """UPDATE "event" SET data = '{"number": "A999"}' WHERE id = 3""")
    code, out = doctor_says(worked, capsys)
    assert code == 1 and "event #3 was altered" in out


def test_a_removed_case_event_is_named(worked, capsys):
    unguarded(worked, "case_event", 'DELETE FROM "case_event" WHERE id = 4')
    code, out = doctor_says(worked, capsys)
    assert code == 1 and "a record of case_event before #5 was removed" in out


def test_an_inserted_record_is_named(worked, capsys):
    first = Event.select().order_by(Event.id).first()
    data = '{"number": "A000"}'
    forged = digest_of("", (first.at, "ticket.taken", 1, data))
    raw(
        worked,
        'INSERT INTO "event" (id, at, kind, ref, data, prev, digest) '
        f"VALUES (0, '{first.at.isoformat(sep=' ')}', 'ticket.taken', 1, '{data}', '', '{forged}')",
    )
    code, out = doctor_says(worked, capsys)
    assert code == 1 and "event #0 was inserted" in out


def test_dropped_or_disabled_guards_are_seen(worked, capsys):
    if is_postgres(worked.db):
        raw(worked, 'ALTER TABLE "case_event" DISABLE TRIGGER USER')
    else:
        raw(worked, 'DROP TRIGGER "case_event_no_update"')
    code, out = doctor_says(worked, capsys)
    assert code == 1 and "guards    FAIL" in out and "case_event_" in out


def test_replace_over_a_history_row_is_refused(worked):
    row = Event.get_by_id(2)
    values = f"2, '{row.at.isoformat(sep=' ')}', 'ticket.taken', 1, '{{}}', '', ''"
    columns = '"event" (id, at, kind, ref, data, prev, digest)'
    if is_postgres(worked.db):
        statements = [f"INSERT INTO {columns} VALUES ({values}) ON CONFLICT (id) DO UPDATE SET kind = 'x'"]
    else:
        statements = [
            f"REPLACE INTO {columns} VALUES ({values})",
            f"INSERT OR REPLACE INTO {columns} VALUES ({values})",
        ]
    for sql in statements:
        with pytest.raises(Exception, match="refused"):
            raw(worked, sql)
    assert Event.get_by_id(2).kind == row.kind
    assert history(worked).ok


def test_every_history_table_is_chained():
    names = {m._meta.table_name for m in migrations.chained_tables()}
    assert {"event", "case_event", "case_record", "signin_attempt", "whereabouts_change"} <= names
