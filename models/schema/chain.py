"""The hash chain that makes history tamper-evident.

Every history row (each :class:`models.schema.base.AppendOnlyModel` table
and the change feed) carries ``prev``, the digest of the row before it in its
table, and ``digest``, SHA-256 over ``prev`` and the row's content. Triggers
stop changes made through the program's own connection, but whoever owns the
file or the database can drop them; the chain is what shows it afterwards:
:func:`verify` recomputes it and names the first row that was altered,
removed or inserted.

Rows are chained in id order. Writers of one table take turns for the link:
on SQLite the IMMEDIATE write transaction already does it; on PostgreSQL an
advisory lock per table, held to the commit, so the next writer reads the
digest that was just committed and takes a later id.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from peewee import ForeignKeyField

from models.db import is_postgres

CHAIN_LOCK_SPACE = 0x43484149  # "CHAI": the advisory-lock key space of the chains
CHAIN_COLUMNS = ("digest", "prev")


def canonical(value):
    """A stored value as the chain hashes it, the same whether given to an
    insert or read back from either backend."""
    if value is None or isinstance(value, str | int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def digest_of(prev: str, values) -> str:
    body = json.dumps([canonical(v) for v in values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev}\n{body}".encode()).hexdigest()


def content_fields(model) -> list:
    """The fields a row's digest covers: all but its id and the chain's own."""
    pk = model._meta.primary_key
    return [f for f in model._meta.sorted_fields if f is not pk and f.name not in CHAIN_COLUMNS]


def db_values(model, data: dict) -> list:
    """The values of ``data`` (keyed by field) as they are stored: references as ids, JSON as its text."""
    values = []
    for field in content_fields(model):
        value = data.get(field)
        if isinstance(field, ForeignKeyField) or field.field_type == "TEXT" and not isinstance(value, str | None):
            value = field.db_value(value)
        values.append(value)
    return values


def hold_sql(table: str) -> str:
    """PostgreSQL: the expression that holds ``table``'s chain to the commit. A hot
    statement may hold it in its FROM, so that a *later* statement of the transaction
    reads the last digest (:func:`last_digest_sql`): a statement's snapshot is taken
    before the locks it waits for, so the holding one cannot read it itself."""
    return f"pg_advisory_xact_lock({CHAIN_LOCK_SPACE}, hashtext('{table}'))"


def last_digest_sql(table: str) -> str:
    """The digest the next row of ``table`` links to, as a subquery a hot statement
    returns beside its own answer: on SQLite inside the write transaction, on
    PostgreSQL in a statement after the one that held the chain (:func:`hold_sql`)."""
    return f"""COALESCE((SELECT digest FROM "{table}" ORDER BY id DESC LIMIT 1), '')"""


def last_digest(db, table: str) -> str:
    """Inside the writing transaction: the digest the next row of ``table`` links to."""
    if is_postgres(db):
        db.execute_sql(f"SELECT {hold_sql(table)}")
    return db.execute_sql(f"SELECT {last_digest_sql(table)}").fetchone()[0]


@dataclass(frozen=True)
class Break:
    """Where a chain first fails: the table, the row's id, and what happened there."""

    table: str
    id: int
    what: str  # altered | removed_before | inserted

    def __str__(self) -> str:
        words = {
            "altered": f"{self.table} #{self.id} was altered",
            "removed_before": f"a record of {self.table} before #{self.id} was removed",
            "inserted": f"{self.table} #{self.id} was inserted",
        }
        return words[self.what] + " (its hash chain does not match)"


def verify(db, model) -> tuple[int, Break | None]:
    """Recompute ``model``'s chain on ``db``: (rows checked, the first break or None)."""
    fields = content_fields(model)
    pk = model._meta.primary_key
    query = model.select(pk, model.digest, model.prev, *fields).order_by(pk).tuples()
    table = model._meta.table_name
    before, last, previous_id, count = "", "", 0, 0  # the digests of the two rows before this one
    for row in query.execute(db):
        count += 1
        row_id, digest, prev, values = row[0], row[1], row[2] or "", row[3:]
        if digest != digest_of(prev, values):
            return count, Break(table, row_id, "altered")
        if prev != last:
            if last and prev == before:  # the row before this one was slipped in between
                return count, Break(table, previous_id, "inserted")
            return count, Break(table, row_id, "removed_before")
        before, last, previous_id = last, digest, row_id
    return count, None
