"""The tables of staff: who they are, which window they work as A or B (AB岗),
and the sign-in logs of the terminals.

The sign-in tables are logs: every PIN typed at a terminal, right or wrong
(:class:`SigninAttempt`: for signing in or unlocking an idle-locked terminal;
the staff code as typed, never the PIN), and every code locked after too many
wrong PINs (:class:`SigninLockout`). Both are append-only.
"""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField

from models.clock import now
from models.schema.base import AppendOnlyModel, BaseModel
from models.schema.hall import Window


class Staff(BaseModel):
    code = CharField(unique=True)
    name = CharField()
    role = CharField(default="staff")  # staff | leader
    pin_hash = CharField()
    active = BooleanField(default=True)
    created_at = DateTimeField(default=now)


class StaffPost(BaseModel):
    """Who works a window, as its A or B person (AB岗)."""

    staff = ForeignKeyField(Staff, backref="posts", on_delete="RESTRICT")
    window = ForeignKeyField(Window, backref="posts", on_delete="RESTRICT")
    role = CharField(max_length=1)  # A | B

    class Meta:
        indexes = ((("staff", "window"), True),)


class SigninAttempt(AppendOnlyModel):
    id = AutoField()
    at = DateTimeField(default=now)
    code = CharField(max_length=32)  # the staff code as typed
    purpose = CharField(
        default="sign_in"
    )  # sign_in | unlock | cli (a command acting as this person) | leader (a leader's own PIN for a colleague)
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
