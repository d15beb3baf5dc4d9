"""What every table is built on: the database binding, JSON columns, and the
append-only base that every history table must use.

Times are naive UTC (see :mod:`models.clock`). Rows that record what happened
are only ever appended; :class:`AppendOnlyModel` makes the database itself
refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on them, and a REPLACE
over an existing row on SQLite, and links every row into its table's hash
chain (:mod:`models.schema.chain`).
"""

from __future__ import annotations

import json

from peewee import SQL, CharField, Model, TextField

from models.db import database, is_postgres
from models.schema import chain


class JSONField(TextField):
    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


def guard_table(db, name: str) -> None:
    """Make ``db`` refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) on table ``name``."""
    db = getattr(db, "obj", None) or db  # the real database behind the proxy
    if is_postgres(db):
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION hall_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            # No '%' placeholders in the text: the driver would take them for parameters.
            "BEGIN RAISE EXCEPTION USING MESSAGE = 'append-only table ' || TG_TABLE_NAME || ': ' || TG_OP || ' refused'; "
            "END $$"
        )
        triggers = (
            ("append_only", f'UPDATE OR DELETE ON "{name}" FOR EACH ROW'),
            ("no_truncate", f'TRUNCATE ON "{name}" FOR EACH STATEMENT'),
        )
        for suffix, when in triggers:
            db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}_{suffix}" ON "{name}"')
            db.execute_sql(f'CREATE TRIGGER "{name}_{suffix}" BEFORE {when} EXECUTE FUNCTION hall_append_only()')
        return
    for op in ("UPDATE", "DELETE"):
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{name}_no_{op.lower()}" BEFORE {op} ON "{name}" '
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {name}: {op} refused'); END"
        )
    # REPLACE deletes and re-inserts without firing the DELETE trigger: refuse an insert over an existing id.
    db.execute_sql(
        f'CREATE TRIGGER IF NOT EXISTS "{name}_no_replace" BEFORE INSERT ON "{name}" '
        f'WHEN EXISTS (SELECT 1 FROM "{name}" WHERE id = NEW.id) '
        f"BEGIN SELECT RAISE(ABORT, 'append-only table {name}: REPLACE refused'); END"
    )


def guard_names(db, name: str) -> tuple[str, ...]:
    """The triggers :func:`guard_table` installs on table ``name``."""
    db = getattr(db, "obj", None) or db
    suffixes = ("append_only", "no_truncate") if is_postgres(db) else ("no_update", "no_delete", "no_replace")
    return tuple(f"{name}_{suffix}" for suffix in suffixes)


def unguard_table(db, name: str) -> None:
    """Drop the guards of ``name``: only for a schema step that must fill a new column, inside its transaction."""
    db = getattr(db, "obj", None) or db
    on = f' ON "{name}"' if is_postgres(db) else ""
    for trigger in guard_names(db, name):
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{trigger}"{on}')


class AppendOnlyModel(BaseModel):
    """A history table: creating it also installs the guards that keep it
    append-only, so no history table can be made without them; every row
    inserted is linked into the table's hash chain."""

    # A row written around the program gets '' and fails the check, rather than the insert.
    digest = CharField(max_length=64, default="", constraints=[SQL("DEFAULT ''")])
    prev = CharField(max_length=64, default="", constraints=[SQL("DEFAULT ''")])

    @classmethod
    def create_table(cls, safe=True, **options):
        super().create_table(safe=safe, **options)
        guard_table(cls._meta.database, cls._meta.table_name)

    @classmethod
    def create(cls, **query):
        with cls._meta.database.atomic():  # the link and the row in one transaction
            return super().create(**query)

    @classmethod
    def insert(cls, __data=None, **insert):
        """An insert of one row, linked to the last row of the table; call it inside a transaction."""
        data = cls._normalize_data(__data, insert)
        meta = cls._meta
        for name, value in meta.get_default_dict().items():
            data.setdefault(meta.fields[name], value)
        db = getattr(meta.database, "obj", None) or meta.database
        prev = chain.last_digest(db, meta.table_name)
        data[meta.fields["prev"]] = prev
        data[meta.fields["digest"]] = chain.digest_of(prev, chain.db_values(cls, data))
        return super().insert(data)
