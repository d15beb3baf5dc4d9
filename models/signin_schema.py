"""The tables of staff sign-in at the terminals (issue 5).

Both are logs: rows are only ever appended (:func:`install_guards` makes the
database refuse UPDATE and DELETE on them, as for the case history).

- :class:`SigninAttempt`: every PIN typed at a terminal, right or wrong, for
  signing in or for unlocking an idle-locked terminal.
- :class:`SigninLockout`: a staff code locked after too many wrong PINs in a
  row, and until when.

The staff code is stored as typed (it may name nobody), never the PIN.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, IntegerField

from models.clock import now
from models.db import is_postgres
from models.schema import BaseModel


class SigninAttempt(BaseModel):
    id = AutoField()
    at = DateTimeField(default=now)
    code = CharField(max_length=32)  # the staff code as typed
    purpose = CharField(default="sign_in")  # sign_in | unlock
    outcome = CharField()  # ok | wrong | locked | inactive
    terminal = CharField(default="")  # where it was typed (host / tty), for the leader

    class Meta:
        table_name = "signin_attempt"
        indexes = ((("code", "id"), False),)


class SigninLockout(BaseModel):
    id = AutoField()
    code = CharField(max_length=32)
    at = DateTimeField(default=now)
    until = DateTimeField()
    attempts = IntegerField()  # wrong PINs in a row that caused it
    last_attempt = IntegerField()  # id of the attempt that caused it: the streak restarts after it

    class Meta:
        table_name = "signin_lockout"
        indexes = ((("code", "id"), False),)


SIGNIN_TABLES = [SigninAttempt, SigninLockout]


def install_guards(db) -> None:
    """Make the database refuse UPDATE and DELETE on the sign-in logs."""
    names = [model._meta.table_name for model in SIGNIN_TABLES]
    db = getattr(db, "obj", None) or db
    if is_postgres(db):
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION hall_signin_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            # No '%' in this text: the driver would read it as a placeholder.
            "BEGIN RAISE EXCEPTION USING MESSAGE = 'append-only table ' || TG_TABLE_NAME || ': ' || TG_OP || ' refused'; "
            "END $$"
        )
        for name in names:
            db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}_append_only" ON "{name}"')
            db.execute_sql(
                f'CREATE TRIGGER "{name}_append_only" BEFORE UPDATE OR DELETE ON "{name}" '
                "FOR EACH ROW EXECUTE FUNCTION hall_signin_append_only()"
            )
        return
    for name in names:
        for op in ("UPDATE", "DELETE"):
            db.execute_sql(
                f'CREATE TRIGGER IF NOT EXISTS "{name}_no_{op.lower()}" BEFORE {op} ON "{name}" '
                f"BEGIN SELECT RAISE(ABORT, 'append-only table {name}: {op} refused'); END"
            )
