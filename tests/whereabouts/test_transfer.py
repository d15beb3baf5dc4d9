"""Copying a hall from SQLite into an empty database: every table, ids kept, counts checked.

The PostgreSQL copy needs the test server; it is left out only when
HALL_TEST_PG is "off".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from peewee import DatabaseError

from cli.main import main
from models import clock
from models.db import database
from models.duty import Duty
from models.errors import StaffRefused
from models.hall import open_hall
from models.maintenance.migrate_to import migrate_to
from models.schema import Event, Ticket
from models.schema.migrations import all_tables
from models.schema.whereabouts import WhereaboutsChange
from models.staff.whereabouts import Whereabouts
from tests.conftest import PG_URL, postgres_url

sqlite_only = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def fill(hall) -> None:
    """Some rows in most tables: tickets, states and pauses, leave, duty."""
    where, duty, queue = Whereabouts(hall.config), Duty(hall.config), hall.queue
    today = clock.service_day(hall.config.zone)
    where.set_state("S01", "on_duty")
    where.set_state("S02", "on_duty")
    queue.take("baby-hukou")
    queue.take("baby-hukou", priority=True)
    called = queue.call_next(1, "S01")
    queue.finish(called.number, 1)
    where.set_state("S04", "on_duty")
    where.set_state("S04", "out", note="走访")  # window 3 paused by the rule
    tomorrow = hall.calendar.add_working_days(today, 1)
    request = where.request_leave("S03", tomorrow, tomorrow, "病假", "S01")
    where.approve_leave(request.id, "L01")
    for index in range(len(duty.items("opening"))):
        duty.tick(None, "opening", index, "S01")
    duty.sign_off(None, "opening", "S01")
    problem = duty.log_problem("L01", "饮水机坏了")
    duty.log_fix(problem.id, "L01", "已修好")
    later = today + timedelta(days=2)
    person = duty.on_duty(later).staff[0]
    duty.swap(later, person, "S04" if person != "S04" else "S01", "换班")


def source_counts() -> dict[str, int]:
    return {m._meta.table_name: m.select().count() for m in all_tables()}


@sqlite_only
def test_sqlite_to_sqlite_copies_everything_and_refuses_a_second_time(people, tmp_path):
    fill(people)
    before = source_counts()
    target = f"sqlite:///{tmp_path / 'copy.db'}"
    report = migrate_to(people.db, target)
    assert report.ok and {t.table: t.target for t in report.tables} == before
    assert {t.table for t in report.tables} == set(before)
    assert report.rows == sum(before.values()) and report.rows > 50
    with pytest.raises(StaffRefused) as error:
        migrate_to(people.db, target)
    assert error.value.key == "transfer_target_not_empty"
    assert "不是空的" in error.value.message() and "not empty" in error.value.message("en")
    assert source_counts() == before  # the source is bound again and untouched
    with pytest.raises(StaffRefused) as error:
        migrate_to(people.db, people.url)
    assert error.value.key == "transfer_same_database"


@pytest.mark.skipif(PG_URL == "off", reason="HALL_TEST_PG=off: PostgreSQL left out on purpose")
@sqlite_only
def test_sqlite_to_postgres_keeps_ids_fixes_sequences_and_checks_counts(people, monkeypatch, tmp_path, capsys):
    fill(people)
    before = source_counts()
    last_event = Event.select().order_by(Event.id.desc()).first().id
    last_change = WhereaboutsChange.select().order_by(WhereaboutsChange.id.desc()).first()
    target = postgres_url("hall_copy_target")
    seen = []
    report = migrate_to(
        people.db, target, batch_rows=7, progress=lambda table, done, total: seen.append((table, done, total))
    )
    assert report.ok
    assert {t.table: (t.source, t.target) for t in report.tables} == {k: (v, v) for k, v in before.items()}
    assert ("event", 7, before["event"]) in seen  # copied in batches
    # The source is still the bound database.
    assert source_counts() == before
    # A non-empty target is refused with a plain sentence, on the command line too.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HALL_CONFIG", raising=False)
    monkeypatch.delenv("HALL_DB", raising=False)
    code = main(["migrate-to", target, "--db", people.url])
    _out, err = capsys.readouterr()
    assert code == 1 and "不是空的" in err and "Traceback" not in err
    # The copy is a working hall: same ids, sequences past them, guards in place.
    people.close()
    copy = open_hall(replace(people.config, database=target))
    try:
        assert Event.select().order_by(Event.id.desc()).first().id == last_event
        row = WhereaboutsChange.get_by_id(last_change.id)
        assert (row.to_state, row.note, row.at) == (last_change.to_state, last_change.note, last_change.at)
        assert Ticket.select().count() == before["ticket"]
        change = Whereabouts(copy.config).set_state("S04", "on_duty")  # resumes window 3 on the copy
        assert change.id == last_change.id + 1 and change.resumed == (3,)
        assert copy.queue.take("baby-hukou").number == "A003"
        assert Event.select().order_by(Event.id.desc()).first().id > last_event
        with pytest.raises(DatabaseError), database.atomic():
            WhereaboutsChange.delete().execute()
    finally:
        copy.close()
