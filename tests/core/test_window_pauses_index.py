"""When a paused window is expected back is read from its pauses in the change feed at every
look at the kiosk's home: through an index of the pauses alone, never the whole feed."""

from __future__ import annotations

from models.db import database, is_postgres
from models.queue import pauses
from models.schema import SchemaVersion, migrations


def _plan_of_resume_times() -> str:
    statements: list[str] = []
    real = type(database.obj).execute_sql

    def seen(self, sql, params=None, *args, **kwargs):
        statements.append(sql)
        return real(self, sql, params, *args, **kwargs)

    type(database.obj).execute_sql = seen
    try:
        pauses.resume_times()
    finally:
        type(database.obj).execute_sql = real
    sql = next(s for s in statements if '"event"' in s)
    assert "'window.paused'" in sql  # written, not a parameter: a partial index needs the kind as text
    with database.atomic():
        if is_postgres():
            database.execute_sql("SET LOCAL enable_seqscan = off")  # a near-empty table: ask which index it would take
            rows = database.execute_sql("EXPLAIN " + sql.replace("%s", "1")).fetchall()
            return " ".join(row[0] for row in rows)
        rows = database.execute_sql("EXPLAIN QUERY PLAN " + sql.replace("?", "1")).fetchall()
        return " ".join(str(row[-1]) for row in rows)


def test_a_paused_windows_return_is_read_through_the_pauses_index(hall):
    hall.queue.pause(1, reason="开会")
    assert "event_window_paused" in _plan_of_resume_times()


def test_an_older_hall_gets_the_index_in_its_upgrade(hall):
    database.execute_sql('DROP INDEX IF EXISTS "event_window_paused"')  # as a hall made before step 19
    SchemaVersion.create(version=18)
    SchemaVersion.delete().where(SchemaVersion.version > 18).execute()
    assert migrations.upgrade() == (18, migrations.CURRENT)
    hall.queue.pause(1, reason="开会")
    assert "event_window_paused" in _plan_of_resume_times()
