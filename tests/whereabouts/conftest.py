"""Helpers for the whereabouts, duty and attendance tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models import clock
from models.staff import add_staff
from tests.conftest import SHANGHAI

PIN = "1234"


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> None:
    """Move the frozen clock to a Shanghai wall time."""
    clock.set_now(datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SHANGHAI))


def add_people() -> None:
    """Window 1: A=S01, B=S02; window 2: A=S03, B=S01; window 3: A=S04 only; L01 a leader with no post."""
    add_staff("S01", "张一", PIN, posts=[(1, "A"), (2, "B")])
    add_staff("S02", "王二", PIN, posts=[(1, "B")])
    add_staff("S03", "李三", PIN, posts=[(2, "A")])
    add_staff("S04", "赵四", PIN, posts=[(3, "A")])
    add_staff("L01", "刘站长", PIN, role="leader")


@pytest.fixture
def people(hall, frozen_clock):
    """The people of :func:`add_people`, on the staff since the frozen clock's morning."""
    add_people()
    return hall
