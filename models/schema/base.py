"""What every table is built on: the database binding, JSON columns, and the
append-only base that every history table must use.

Times are naive UTC (see :mod:`models.clock`). Rows that record what happened
are only ever appended; :class:`AppendOnlyModel` makes the database itself
refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on them.
"""

from __future__ import annotations

import json

from peewee import Model, TextField

from models.db import database, is_postgres


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


class AppendOnlyModel(BaseModel):
    """A history table: creating it also installs the guards that keep it
    append-only, so no history table can be made without them."""

    @classmethod
    def create_table(cls, safe=True, **options):
        super().create_table(safe=safe, **options)
        guard_table(cls._meta.database, cls._meta.table_name)
