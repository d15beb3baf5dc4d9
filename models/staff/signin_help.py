"""A leader's help at sign-in: lifting a lock-out, and a new PIN typed by its owner.

The lock-out message sends a locked-out clerk to the leader on duty
(「请带班领导协助」). Only a leader may help, and both kinds of help leave a
record: lifting a lock-out appends a :class:`SigninLockout` row that ends at
once (``attempts`` 0, its ``last_attempt`` the code's latest attempt, so the
count of wrong PINs starts again), and an event ``staff.unlocked`` naming the
leader. A PIN reset stores the new PIN's hash, which its owner typed twice at
the leader's terminal (the leader never chooses or sees it), lifts any
lock-out the same way, and records ``staff.pin_reset`` with the leader's code
and never the PIN.

The terminal (F5 on the whereabouts board) asks these functions for the
leader signed in there; the command line (:mod:`models.staff.pins`) asks them
once the leader has proved their PIN.
"""

from __future__ import annotations

from peewee import fn

from models import clock, events
from models.db import database
from models.schema import Staff
from models.schema.staff import SigninAttempt, SigninLockout
from models.staff.accounts import hash_pin, valid_pin
from models.staff.signin import Shift, SigninRefused, lockout_until


def _helped(leader: Shift, code: str) -> Staff:
    # The leader's row decides, not what a terminal remembers from its sign-in:
    # someone no longer a leader, or no longer active, helps no more.
    row = Staff.get_or_none(Staff.code == leader.code)
    if not leader.is_leader or row is None or not row.active or row.role != "leader":
        raise SigninRefused("leader_only")
    staff = Staff.get_or_none(Staff.code == (code or "").strip())
    if staff is None:
        raise SigninRefused("no_such_staff", staff=(code or "").strip()[:32])
    return staff


def _lift(code: str) -> None:
    now = clock.now()
    last = SigninAttempt.select(fn.MAX(SigninAttempt.id)).where(SigninAttempt.code == code).scalar() or 0
    SigninLockout.create(code=code, at=now, until=now, attempts=0, last_attempt=last)


def lift_lockout(leader: Shift, code: str, *, terminal: str = "") -> bool:
    """The leader ``leader`` lifts the lock-out of ``code``; False when it was not locked."""
    staff = _helped(leader, code)
    with database.atomic():
        if lockout_until(staff.code) is None:
            return False
        _lift(staff.code)
        events.record("staff.unlocked", staff.id, code=staff.code, leader=leader.code, terminal=(terminal or "")[:120])
    return True


def reset_pin(leader: Shift, code: str, pin: str, again: str, *, terminal: str = "") -> None:
    """A new PIN for ``code``, typed twice by its owner at the leader's terminal."""
    staff = _helped(leader, code)
    pin, again = (pin or "").strip(), (again or "").strip()
    if not valid_pin(pin):
        raise SigninRefused("bad_new_pin")
    if pin != again:
        raise SigninRefused("pins_differ")
    pin_hash = hash_pin(pin)
    with database.atomic():
        Staff.update(pin_hash=pin_hash).where(Staff.id == staff.id).execute()
        if lockout_until(staff.code) is not None:
            _lift(staff.code)
        events.record("staff.pin_reset", staff.id, code=staff.code, leader=leader.code, terminal=(terminal or "")[:120])
