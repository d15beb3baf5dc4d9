"""What the database can do wrong under a command: a newer schema, a missing
file, a URL of an unknown kind, a full disk. Each is one sentence and exit 2,
and nothing is written or made."""

from __future__ import annotations

from collections import namedtuple

import pytest

from cli.main import DISK_FULL, main
from models.schema import migrations
from tests.core.test_cli import run


def _schema_versions(db_url) -> list[int]:
    from models.db import open_database
    from models.schema import SchemaVersion

    db = open_database(db_url)
    with db.connection_context():
        return [row.version for row in SchemaVersion.select().order_by(SchemaVersion.id)]


def test_a_newer_schema_is_refused_naming_both_versions_and_nothing_is_written(demo_db, capsys):
    from models.db import open_database
    from models.schema import SchemaVersion, Ticket

    db = open_database(demo_db)
    with db.connection_context():
        SchemaVersion.create(version=migrations.CURRENT + 1)
        tickets = Ticket.select().count()
    for argv in (["ticket", "take", "baby-hukou"], ["init"], ["queue"], ["doctor"]):
        code, _, err = run(capsys, *argv, "--db", demo_db)
        assert code == 2, (argv, err)
        assert (
            f"schema version {migrations.CURRENT + 1}" in err and f"the {migrations.CURRENT} this program knows" in err
        )
        assert "unexpected" not in err and err.count("\n") == 1
    with db.connection_context():
        assert Ticket.select().count() == tickets
    assert _schema_versions(demo_db)[-1] == migrations.CURRENT + 1


@pytest.mark.parametrize("argv", [["queue"], ["catalogue", "list"], ["doctor"], ["staff", "list"], ["ledger"]])
def test_a_read_command_on_a_missing_path_makes_no_database(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "nowhere" / "hall.db"
    code, _, err = run(capsys, *argv, "--db", f"sqlite:///{target}")
    assert code == 2 and "does not exist" in err and "hall init" in err
    assert not target.exists() and not target.parent.exists()


@pytest.mark.parametrize("url", ["mysql://x/y", "file:hall.db", "HTTP://example.cn/hall"])
def test_an_unknown_kind_of_database_url_is_refused(tmp_path, capsys, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    for argv in (["init"], ["queue"]):
        code, _, err = run(capsys, *argv, "--db", url)
        assert code == 2 and "unknown kind of database" in err
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_said_to_be_one(tmp_path, capsys, monkeypatch):
    """SQLite's own SQLITE_FULL, from a database not allowed to grow past its pages."""

    import models.db

    url = f"sqlite:///{tmp_path / 'hall.db'}"
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--demo", "--db", url]) == 0
    capsys.readouterr()

    class FullDisk(models.db.HallSqliteDatabase):
        def _set_pragmas(self, conn):
            super()._set_pragmas(conn)
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(models.db, "HallSqliteDatabase", FullDisk)
    for _ in range(200):
        code, _, err = run(capsys, "ticket", "take", "baby-hukou", "--db", url)
        if code:
            break
    assert code == 2 and err.strip() == f"hall: {DISK_FULL}"
    assert "rollback" not in err


def test_doctor_notices_a_full_disk(tmp_path, capsys, monkeypatch):
    """SQLite only: the disk of a PostgreSQL server is the server's to watch."""
    import models.maintenance.health as health

    demo_db = f"sqlite:///{tmp_path / 'hall.db'}"
    assert main(["init", "--db", demo_db]) == 0
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(health.shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 2**20, 2**20))
    code, out, _ = run(capsys, "doctor", "--db", demo_db)
    assert code == 1 and "disk      FAIL" in out and "only 1 MB free" in out
    monkeypatch.undo()
    code, out, _ = run(capsys, "doctor", "--db", demo_db)
    assert "disk      ok" in out


def test_a_file_moved_away_under_a_running_app_is_said_to_be_away_and_never_made_again(tmp_path):
    """Every connection after the first opens the file as it is, never an empty one in its place:
    a thread that connects a moment after a check that the file is there finds it gone just the same."""
    import os

    from models.db import DatabaseUnavailable, open_database

    path = tmp_path / "hall [1].db"  # characters a file URI must quote
    db = open_database(f"sqlite:///{path}", bind=False)
    with db.connection_context():
        db.execute_sql("CREATE TABLE t (x)")
    with db.connection_context():
        assert db.execute_sql("SELECT COUNT(*) FROM t").fetchone() == (0,)
    os.rename(path, tmp_path / "away.db")
    with pytest.raises(DatabaseUnavailable, match="is not there"):
        db.connect()
    assert not path.exists()
    os.rename(tmp_path / "away.db", path)
    with db.connection_context():
        assert db.execute_sql("SELECT COUNT(*) FROM t").fetchone() == (0,)
