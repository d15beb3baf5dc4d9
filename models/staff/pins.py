"""What a leader does for a colleague locked out or with a forgotten PIN.

Both need the leader's own code and PIN, checked as at sign-in (the same log
and lock-out), an active leader, and a code that exists. Lifting a lockout
appends a lockout row that has already ended (``attempts = 0``), after the
last attempt, so the wrong-PIN count starts again; nothing is edited. A new
PIN replaces the stored hash (the PIN itself is never stored or logged) and
is announced by a ``staff.pin_reset`` event naming who did it.
"""

from __future__ import annotations

from peewee import fn

from models import clock, events
from models.config import Config
from models.db import database
from models.errors import Refused, StaffRefused
from models.schema import Staff
from models.schema.staff import SigninAttempt, SigninLockout
from models.staff.accounts import find_staff, hash_pin, valid_pin
from models.staff.signin import check_pin, lockout_until


def _leader(config: Config, leader_code: str, leader_pin: str, terminal: str) -> Staff:
    leader = check_pin(config, leader_code, leader_pin, purpose="leader", terminal=terminal)
    if leader.role != "leader":
        raise StaffRefused("not_leader", staff=leader.code)
    return leader


def lift_lockout(config: Config, leader_code: str, leader_pin: str, code: str, *, terminal: str = "") -> bool:
    """End ``code``'s lockout now; False when it was not locked. Raises SigninRefused or StaffRefused."""
    leader = _leader(config, leader_code, leader_pin, terminal)
    staff = find_staff(code, active_or=StaffRefused)
    with database.atomic():
        if lockout_until(staff.code) is None:
            return False
        now = clock.now()
        last = SigninAttempt.select(fn.MAX(SigninAttempt.id)).where(SigninAttempt.code == staff.code).scalar() or 0
        SigninLockout.create(code=staff.code, at=now, until=now, attempts=0, last_attempt=last)
        events.record("staff.unlocked", staff.id, code=staff.code, by=leader.code)
    return True


def reset_pin(
    config: Config, leader_code: str, leader_pin: str, code: str, new_pin: str, *, terminal: str = ""
) -> None:
    """Give ``code`` a new PIN (4 to 12 digits); raises SigninRefused, StaffRefused or Refused("bad_pin")."""
    leader = _leader(config, leader_code, leader_pin, terminal)
    staff = find_staff(code, active_or=StaffRefused)
    if not valid_pin(new_pin or ""):
        raise Refused("bad_pin")
    with database.atomic():
        Staff.update(pin_hash=hash_pin(new_pin)).where(Staff.id == staff.id).execute()
        events.record("staff.pin_reset", staff.id, code=staff.code, by=leader.code)
