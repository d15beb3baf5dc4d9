"""Staff records and their PINs.

PINs are stored as salted scrypt hashes (``scrypt$n$r$p$salt$hash``); the
cost is chosen so that checking one takes tens of milliseconds: cheap for a
clerk signing in, slow for someone trying every four-digit PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from models import events
from models.db import database
from models.errors import NotFound, Refused
from models.schema import Staff, StaffPost, Window

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected) // 2
    )
    return hmac.compare_digest(digest.hex(), expected)


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 12


@dataclass(frozen=True)
class Post:
    window: int
    role: str  # "A" or "B"


@dataclass(frozen=True)
class StaffInfo:
    code: str
    name: str
    role: str
    posts: tuple[Post, ...]
    active: bool

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "role": self.role,
            "active": self.active,
            "posts": [{"window": p.window, "role": p.role} for p in self.posts],
        }


def add_staff(code: str, name: str, pin: str, *, role: str = "staff", posts: Iterable[tuple[int, str]] = ()) -> Staff:
    """Create a staff member; ``posts`` pairs a window number with "A" or "B"."""
    if not valid_pin(pin):
        raise Refused("bad_pin")
    if role not in ("staff", "leader"):
        raise ValueError(f"role must be staff or leader, not {role!r}")
    with database.atomic():
        if Staff.get_or_none(Staff.code == code):
            raise Refused("staff_exists", staff=code)
        staff = Staff.create(code=code, name=name, role=role, pin_hash=hash_pin(pin))
        for number, ab in posts:
            window = Window.get_or_none(Window.number == number)
            if window is None:
                raise NotFound("unknown_window", window=number)
            if ab not in ("A", "B"):
                raise ValueError(f"post role must be A or B, not {ab!r}")
            StaffPost.create(staff=staff, window=window, role=ab)
        events.record("staff.added", staff.id, code=code)
    return staff


def find_staff(code: str, *, active_or=None) -> Staff:
    """The staff member with ``code``; with ``active_or`` (a Refused class),
    one still active, or that refusal with the key ``staff_inactive``."""
    staff = Staff.get_or_none(Staff.code == (code or "").strip())
    if staff is None:
        raise NotFound("unknown_staff", staff=code)
    if active_or is not None and not staff.active:
        raise active_or("staff_inactive", staff=staff.code)
    return staff


def staff_info(staff: Staff) -> StaffInfo:
    posts = StaffPost.select(StaffPost, Window).join(Window).where(StaffPost.staff == staff).order_by(Window.number)
    return StaffInfo(
        code=staff.code,
        name=staff.name,
        role=staff.role,
        posts=tuple(Post(p.window.number, p.role) for p in posts),
        active=staff.active,
    )


def list_staff() -> list[StaffInfo]:
    return [staff_info(s) for s in Staff.select().order_by(Staff.code)]
