"""Copying a hall from SQLite to PostgreSQL (``hall migrate-to URL``).

:func:`migrate_to` copies every table of the hall
(:func:`models.schema.migrations.all_tables`) from the open source database
into an empty target:

1. the target must hold no rows at all (a hall already there is never
   mixed with another), and the source must hold only tables this program
   knows, at the current schema version;
2. the source is read inside one read transaction, so the copy is one
   consistent snapshot even while kiosks write (what they write after the
   snapshot is not copied: stop kiosks and terminals first);
3. the target gets the current schema (tables and database guards, exactly
   as ``hall init`` makes them), then every table in dependency order, in
   batches, keeping every id; on PostgreSQL each id sequence is then set past
   the largest id copied (``setval``), so new rows do not collide. All of
   this is one transaction on the target: a failure leaves it empty;
4. afterwards every table's row count in the target is compared with the
   source's, and the report lists them.
"""

from __future__ import annotations

import sqlite3
import time as _time
from dataclasses import dataclass
from pathlib import Path

from peewee import AutoField, Field, sort_models

from models.db import (
    DatabaseUnavailable,
    check_reachable,
    database,
    describe,
    is_postgres,
    open_database,
)
from models.errors import StaffRefused
from models.schema import SchemaVersion, migrations

BATCH_ROWS = 1000


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class TransferReport:
    target: str  # the target URL without its password
    tables: tuple[TableCount, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.target for t in self.tables)

    def as_dict(self) -> dict:
        return {
            "target": self.target,
            "ok": self.ok,
            "rows": self.rows,
            "seconds": round(self.seconds, 3),
            "tables": [{"table": t.table, "source": t.source, "target": t.target, "ok": t.ok} for t in self.tables],
        }


def migrate_to(source_db, target_url: str, *, batch_rows: int = BATCH_ROWS, progress=None) -> TransferReport:
    """Copy the hall in ``source_db`` into the empty database at ``target_url``.

    ``progress(table, copied, total)`` is called after each batch. Raises
    :class:`StaffRefused` when the target is not empty or the source is not
    a current hall, :class:`DatabaseUnavailable` when the target cannot be
    reached.
    """
    started = _time.monotonic()
    previous = database.obj
    database.initialize(source_db)
    target = None
    try:
        version = migrations.current_version()
        if version != migrations.CURRENT:
            raise StaffRefused("transfer_source_version", version=version, current=migrations.CURRENT)
        _refuse_same(source_db, target_url)
        target = open_database(target_url, bind=False)
        try:
            check_reachable(target)
        except DatabaseUnavailable as exc:
            raise DatabaseUnavailable(f"database {describe(target_url)} cannot be used: {exc}") from None
        _refuse_non_empty(target, target_url)
        models = sort_models(migrations.all_tables())
        known = {m._meta.table_name for m in models}
        unknown = sorted(n for n in source_db.get_tables() if n not in known and not n.startswith("sqlite_"))
        if unknown:
            raise StaffRefused("transfer_unknown_tables", tables="、".join(unknown))
        with _snapshot(source_db):
            source_counts = {m._meta.table_name: m.select().count(source_db) for m in models}
            with target.atomic():
                _create_schema(target, source_db)
                for model in models:
                    _copy(model, source_db, target, batch_rows, source_counts[model._meta.table_name], progress)
                if is_postgres(target):
                    _fix_sequences(target, models)
        tables = tuple(
            TableCount(m._meta.table_name, source_counts[m._meta.table_name], m.select().count(target)) for m in models
        )
        return TransferReport(describe(target_url), tables, _time.monotonic() - started)
    finally:
        if target is not None and not target.is_closed():
            target.close()
        if previous is not None:
            database.initialize(previous)


def _refuse_same(source_db, target_url: str) -> None:
    if is_postgres(source_db) or target_url.startswith(("postgresql://", "postgres://")):
        return
    path = target_url.removeprefix("sqlite:///")
    if path != ":memory:" and Path(path).expanduser().resolve() == Path(source_db.database).resolve():
        raise StaffRefused("transfer_same_database")


def _refuse_non_empty(target, target_url: str) -> None:
    full = []
    for name in target.get_tables():
        if name.startswith("sqlite_"):
            continue
        if target.execute_sql(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None:
            full.append(name)
    if full:
        shown = "、".join(full[:5]) + ("…" if len(full) > 5 else "")
        raise StaffRefused("transfer_target_not_empty", target=describe(target_url), count=len(full), tables=shown)


def _snapshot(db):
    """One read transaction on the source: a consistent picture while others write.

    On SQLite (WAL) a deferred transaction reads one snapshot and blocks no
    writer; an immediate one would stop every kiosk for the whole copy.
    """
    return db.atomic() if is_postgres(db) else db.atomic(lock_type="DEFERRED")


def _create_schema(target, source_db) -> None:
    """The current schema on the target, made as ``hall init`` makes it, minus its version row
    (the source's schema_version rows are copied with the rest)."""
    database.initialize(target)
    try:
        migrations.upgrade()
        SchemaVersion.delete().execute(target)
    finally:
        database.initialize(source_db)


def _copy(model, source_db, target, batch_rows: int, total: int, progress) -> None:
    """Rows in key order, ``size`` at a time: keyset paging (WHERE key > last) on a
    one-column primary key (an id, or a key that is a reference, like case_state's),
    else offset paging in the order of the key (or of every column)."""
    fields = model._meta.sorted_fields
    pk = model._meta.primary_key
    limit = 30000 if is_postgres(target) or sqlite3.sqlite_version_info >= (3, 32, 0) else 900
    size = max(1, min(batch_rows, limit // len(fields)))
    single = isinstance(pk, Field) and pk in fields
    order = [pk] if single else ([model._meta.fields[n] for n in pk.field_names] if pk else list(fields))
    position = fields.index(pk) if single else None
    copied, last = 0, None
    while True:
        query = model.select(*fields).order_by(*order).limit(size)
        if single and last is not None:
            query = query.where(pk > last)
        elif not single:
            query = query.offset(copied)
        rows = list(query.tuples().execute(source_db))
        if not rows:
            return
        model.insert_many(rows, fields=fields).as_rowcount().execute(target)
        if single:
            last = rows[-1][position]
        copied += len(rows)
        if progress:
            progress(model._meta.table_name, copied, total)


def _fix_sequences(target, models) -> None:
    for model in models:
        pk = model._meta.primary_key
        if not isinstance(pk, AutoField):  # BigAutoField is one too
            continue
        table, column = model._meta.table_name, pk.column_name
        target.execute_sql(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "
            f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 1), '
            f'(SELECT MAX("{column}") FROM "{table}") IS NOT NULL)',
            (f'"{table}"', column),
        )
