"""What a leader does for a colleague locked out or with a forgotten PIN, from the command line.

The rules and the records are :mod:`models.staff.signin_help`'s, the same as at
the terminal; here the leader proves who they are first with their own code
and PIN, checked as at sign-in (the same log and lock-out).
"""

from __future__ import annotations

from models.config import Config
from models.errors import StaffRefused
from models.staff import signin_help
from models.staff.signin import Shift, check_pin


def _leader(config: Config, leader_code: str, leader_pin: str, terminal: str) -> Shift:
    leader = check_pin(config, leader_code, leader_pin, purpose="leader", terminal=terminal)
    if leader.role != "leader":
        raise StaffRefused("not_leader", staff=leader.code)
    return Shift(leader.code, leader.name, leader.role, 0, ())


def lift_lockout(config: Config, leader_code: str, leader_pin: str, code: str, *, terminal: str = "") -> bool:
    """End ``code``'s lockout now; False when it was not locked. Raises SigninRefused or StaffRefused."""
    leader = _leader(config, leader_code, leader_pin, terminal)
    return signin_help.lift_lockout(leader, code, terminal=terminal)


def reset_pin(
    config: Config, leader_code: str, leader_pin: str, code: str, new_pin: str, *, terminal: str = ""
) -> None:
    """Give ``code`` a new PIN (4 to 12 digits), which its owner typed; raises SigninRefused or StaffRefused."""
    leader = _leader(config, leader_code, leader_pin, terminal)
    signin_help.reset_pin(leader, code, new_pin, new_pin, terminal=terminal)
