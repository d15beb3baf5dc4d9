"""What a maintainer runs over SSH: consistent backups and a health check."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.db import is_postgres
from models.schema import chain, migrations
from models.schema.base import guard_names


class BackupRefused(Exception):
    pass


def backup(db, destination: str) -> Path:
    """A consistent online copy of a SQLite hall, safe while kiosks write.

    Uses SQLite's online backup API, which copies a snapshot page by page and
    restarts if a writer changes a page it already copied.
    """
    if is_postgres(db):
        raise BackupRefused("this hall is on PostgreSQL: back it up with pg_dump, e.g. pg_dump -Fc hall > hall.dump")
    target = Path(destination).expanduser()
    if target.is_dir():
        target = target / "hall-backup.db"
    if target.exists():
        raise BackupRefused(f"{target}: already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(db.database, timeout=30)
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
        result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BackupRefused(f"{target}: the copy failed its integrity check: {result}")
    finally:
        copy.close()
        source.close()
    return target


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def doctor(db) -> list[Check]:
    checks = []
    version = migrations.current_version()
    checks.append(
        Check(
            "schema",
            version == migrations.CURRENT,
            f"version {version}"
            + ("" if version == migrations.CURRENT else f", expected {migrations.CURRENT}: run `hall init`"),
        )
    )
    if is_postgres(db):
        server = db.execute_sql("SHOW server_version").fetchone()[0]
        checks.append(Check("integrity", True, f"PostgreSQL {server}"))
    else:
        result = db.execute_sql("PRAGMA integrity_check").fetchone()[0]
        mode = db.execute_sql("PRAGMA journal_mode").fetchone()[0]
        sync = db.execute_sql("PRAGMA synchronous").fetchone()[0]
        checks.append(Check("integrity", result == "ok", result))
        checks.append(Check("journal", mode == "wal", f"journal_mode={mode}, synchronous={sync}"))
        checks.append(disk_check(db.database))
    if version == migrations.CURRENT:
        checks.append(_guards(db))
        checks.append(_history(db))
    return checks


# Below this much free space a day's tickets and cases may no longer fit.
DISK_MINIMUM_MB = 64


def disk_check(path: str) -> Check:
    """Free space where the SQLite file lives: a full disk makes every write fail."""
    if path == ":memory:":
        return Check("disk", True, "in memory")
    folder = Path(path).expanduser().resolve().parent
    try:
        free_mb = shutil.disk_usage(folder).free // (1024 * 1024)
    except OSError as exc:
        return Check("disk", False, f"{folder}: cannot be measured ({exc.strerror})")
    if free_mb < DISK_MINIMUM_MB:
        return Check("disk", False, f"{folder}: only {free_mb} MB free: the disk is (nearly) full, free some space")
    return Check("disk", True, f"{folder}: {free_mb} MB free")


def _history(db) -> Check:
    """Every history table's hash chain, recomputed: the first record altered, removed or inserted."""
    rows = 0
    tables = migrations.chained_tables()
    for model in tables:
        count, broken = chain.verify(db, model)
        rows += count
        if broken is not None:
            return Check("history", False, str(broken))
    return Check("history", True, f"{rows} records in {len(tables)} hash chains")


def _guards(db) -> Check:
    """The triggers that keep history append-only: none dropped, none disabled."""
    if is_postgres(db):
        rows = db.execute_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'").fetchall()
    else:
        rows = db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    present = {r[0] for r in rows}
    missing = [
        trigger
        for m in migrations.chained_tables()
        for trigger in guard_names(db, m._meta.table_name)
        if trigger not in present
    ]
    if missing:
        return Check(
            "guards", False, f"dropped or disabled: {', '.join(missing[:5])}" + (" …" if len(missing) > 5 else "")
        )
    return Check("guards", True, "every history table refuses changes")
