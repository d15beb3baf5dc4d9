"""Signing in at a staff terminal, and the rules the staff terminal follows.

Sign-in (and unlocking an idle-locked terminal) takes a staff code and a
PIN. Every attempt is appended to :class:`SigninAttempt`. After
``config.staff.lockout_attempts`` wrong PINs in a row for one code, the code
is locked for ``config.staff.lockout_minutes``: a :class:`SigninLockout` row
and a ``staff.locked_out`` event record it. While locked, no PIN is even
checked. A right PIN, or the end of a lockout, starts the count again.
Unknown codes are counted like known ones and answered with the same words,
so the terminal does not tell which codes exist.

A signed-in person works one window per shift (:class:`Shift`): one of the
windows of their posts (AB岗), or any window for a leader. Staff see and act
on their windows' queues and cases (and the cases they handle); a leader
sees every window and case and may hand any case over to someone else.

The rules of the things a shift sees live with those things: the calling
order in :func:`models.queue.view.waiting_list`, the overdue / due-soon mark
in :func:`models.cases.ledger.case_mark`, the steps that apply to a case in
:func:`models.cases.rules.applicable_actions`, the notice handed over at the
counter in :func:`models.cases.notices.counter_notice`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from peewee import fn

from models import clock, events
from models.config import Config
from models.db import database, is_postgres
from models.errors import Refused
from models.i18n import DEFAULT_LANGUAGE, t
from models.schema import Staff, StaffPost, Window
from models.schema.staff import SigninAttempt, SigninLockout
from models.staff.accounts import StaffInfo, hash_pin, pin_matches, staff_info

CODE_MAX = 32

_DUMMY_HASH: str | None = None


class SigninRefused(Refused):
    """Sign-in said no; the words are under ``signin.<key>``."""

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(f"signin.{self.key}", language, **self.params)


@dataclass(frozen=True)
class WindowChoice:
    number: int
    name: str
    name_en: str
    paused: bool
    post: str  # "A", "B", or "" (a leader's pick)


@dataclass(frozen=True)
class Shift:
    """Who is signed in at this terminal, and at which window."""

    code: str
    name: str
    role: str
    window: int
    windows: tuple[int, ...]  # every window this person may work at

    @property
    def is_leader(self) -> bool:
        return self.role == "leader"

    def may_work_at(self, window: int) -> bool:
        return window in self.windows


# --- sign-in ----------------------------------------------------------------------


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_pin("000000")
    return _DUMMY_HASH


def _clean(code: str) -> str:
    return (code or "").strip()[:CODE_MAX]


def _active_lockout(code: str, at: datetime) -> SigninLockout | None:
    lock = SigninLockout.select().where(SigninLockout.code == code).order_by(SigninLockout.id.desc()).first()
    return lock if lock is not None and lock.until > at else None


def _streak(code: str) -> int:
    """Wrong PINs in a row for ``code`` since its last right PIN or lockout."""
    last_ok = (
        SigninAttempt.select(fn.MAX(SigninAttempt.id))
        .where((SigninAttempt.code == code) & (SigninAttempt.outcome == "ok"))
        .scalar()
        or 0
    )
    last_lock = SigninLockout.select(fn.MAX(SigninLockout.last_attempt)).where(SigninLockout.code == code).scalar() or 0
    return (
        SigninAttempt.select()
        .where(
            (SigninAttempt.code == code)
            & (SigninAttempt.outcome == "wrong")
            & (SigninAttempt.id > max(last_ok, last_lock))
        )
        .count()
    )


def _until_words(config: Config, until: datetime) -> dict:
    local = clock.local(until, config.zone)
    minutes = max(1, int((until - clock.now()).total_seconds() + 59) // 60)
    return {"until": f"{local.hour:02d}:{local.minute:02d}", "minutes": minutes}


def lockout_until(code: str) -> datetime | None:
    """When the lockout of ``code`` ends (naive UTC), or None when it is not locked."""
    lock = _active_lockout(_clean(code), clock.now())
    return lock.until if lock else None


def check_pin(config: Config, code: str, pin: str, *, purpose: str = "sign_in", terminal: str = "") -> Staff:
    """The staff member whose code and PIN these are; raises SigninRefused.

    Records the attempt; locks the code after too many wrong PINs in a row.
    Reading the lockout, recording the attempt and counting the streak are one
    transaction, serialised per code (SQLite: its IMMEDIATE write lock;
    PostgreSQL: an advisory lock on the code), so PINs typed in parallel are
    counted one after the other: at most ``lockout_attempts`` of them are
    judged before the lock, and the lock is written once. The slow PIN hash
    runs before that transaction, so it never holds the write lock.
    """
    code = _clean(code)
    if not code or not (pin or "").strip():
        raise SigninRefused("empty")
    terminal = (terminal or "")[:120]
    lock = _active_lockout(code, clock.now())
    if lock is not None:
        SigninAttempt.create(at=clock.now(), code=code, purpose=purpose, outcome="locked", terminal=terminal)
        raise SigninRefused("locked", **_until_words(config, lock.until))
    staff = Staff.get_or_none(Staff.code == code)
    # An unknown code costs the same time as a known one.
    ok = pin_matches(pin.strip(), staff.pin_hash if staff is not None else _dummy_hash()) and staff is not None
    with database.atomic():
        _hold_code(code)
        refusal = _judge(config, code, staff, ok, purpose, terminal)
    if refusal is not None:
        raise refusal
    return staff


SIGNIN_LOCK_SPACE = 0x50494E53  # "PINS": the advisory-lock key space of one code's attempts


def _hold_code(code: str) -> None:
    """Serialise the attempts on ``code`` until the transaction ends (SQLite's write lock already does)."""
    if is_postgres():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (SIGNIN_LOCK_SPACE, code))


def _judge(config: Config, code: str, staff: Staff | None, ok: bool, purpose: str, terminal: str):
    """Inside the code's held transaction: record the attempt; the refusal to raise, or None."""
    now = clock.now()

    def attempt(outcome: str) -> SigninAttempt:
        return SigninAttempt.create(at=now, code=code, purpose=purpose, outcome=outcome, terminal=terminal)

    # Another attempt may have locked the code while this PIN was hashed.
    lock = _active_lockout(code, now)
    if lock is not None:
        attempt("locked")
        return SigninRefused("locked", **_until_words(config, lock.until))
    if ok and staff is not None and not staff.active:
        attempt("inactive")
        return SigninRefused("inactive", staff=code)
    if ok:
        attempt("ok")
        return None
    wrong = attempt("wrong")
    limit = config.staff.lockout_attempts
    if not limit:
        return SigninRefused("wrong_no_limit")
    streak = _streak(code)
    if streak < limit:
        return SigninRefused("wrong", left=limit - streak)
    until = now + timedelta(minutes=config.staff.lockout_minutes)
    SigninLockout.create(code=code, at=now, until=until, attempts=streak, last_attempt=wrong.id)
    events.record(
        "staff.locked_out",
        staff.id if staff is not None else None,
        code=code,
        attempts=streak,
        minutes=config.staff.lockout_minutes,
        terminal=terminal,
    )
    return SigninRefused("locked_now", attempts=streak, **_until_words(config, until))


def sign_in(config: Config, code: str, pin: str, *, terminal: str = "") -> tuple[StaffInfo, list[WindowChoice]]:
    """Check the code and PIN; returns who it is and the windows they may choose for the shift."""
    staff = check_pin(config, code, pin, purpose="sign_in", terminal=terminal)
    choices = windows_for(staff)
    if not choices:
        raise SigninRefused("no_window", staff=staff.code)
    return staff_info(staff), choices


def unlock(config: Config, shift: Shift, pin: str, *, terminal: str = "") -> None:
    """Unlock an idle-locked terminal: the PIN of the person signed in; raises SigninRefused."""
    check_pin(config, shift.code, pin, purpose="unlock", terminal=terminal)


def windows_for(staff: Staff) -> list[WindowChoice]:
    """The windows ``staff`` may work this shift: their posts; a leader any window."""
    if staff.role == "leader":
        return [
            WindowChoice(w.number, w.name, w.name_en, w.paused, "")
            for w in Window.select().where(~Window.retired).order_by(Window.number)
        ]
    posts = (
        StaffPost.select(StaffPost, Window)
        .join(Window)
        .where((StaffPost.staff == staff) & ~Window.retired)
        .order_by(Window.number)
    )
    return [WindowChoice(p.window.number, p.window.name, p.window.name_en, p.window.paused, p.role) for p in posts]


def start_shift(info: StaffInfo, window: int, choices: list[WindowChoice]) -> Shift:
    """The shift of ``info`` at ``window`` (one of ``choices``); raises SigninRefused."""
    numbers = tuple(c.number for c in choices)
    if window not in numbers:
        raise SigninRefused("not_your_window", window=window)
    return Shift(code=info.code, name=info.name, role=info.role, window=window, windows=numbers)


def switch_window(shift: Shift, window: int) -> Shift:
    if not shift.may_work_at(window):
        raise SigninRefused("not_your_window", window=window)
    return replace(shift, window=window)


def idle_lock_seconds(config: Config) -> float | None:
    """Seconds without a key or click before the terminal locks itself (None: never)."""
    minutes = config.staff.idle_lock_minutes
    return minutes * 60.0 if minutes > 0 else None
