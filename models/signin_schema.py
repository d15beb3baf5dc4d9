"""The tables of staff sign-in at the terminals (issue 5).

Both are logs: rows are only ever appended (:class:`models.schema.AppendOnlyModel`
makes the database refuse UPDATE and DELETE on them, as for the case history).

- :class:`SigninAttempt`: every PIN typed at a terminal, right or wrong, for
  signing in or for unlocking an idle-locked terminal.
- :class:`SigninLockout`: a staff code locked after too many wrong PINs in a
  row, and until when.

The staff code is stored as typed (it may name nobody), never the PIN.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, IntegerField

from models.clock import now
from models.schema import AppendOnlyModel


class SigninAttempt(AppendOnlyModel):
    id = AutoField()
    at = DateTimeField(default=now)
    code = CharField(max_length=32)  # the staff code as typed
    purpose = CharField(default="sign_in")  # sign_in | unlock
    outcome = CharField()  # ok | wrong | locked | inactive
    terminal = CharField(default="")  # where it was typed (host / tty), for the leader

    class Meta:
        table_name = "signin_attempt"
        indexes = ((("code", "id"), False),)


class SigninLockout(AppendOnlyModel):
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
