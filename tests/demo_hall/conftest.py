"""Fixtures for the terminal's whereabouts, duty and report screens: a demo hall with this morning's history.

The demo hall (``make_demo`` + ``make_demo_history``) is built once per test on
the ``hall`` fixture's backend (SQLite and PostgreSQL) with the clock frozen
at 11:30 on a Monday; PINs are hashed cheaply, as in tests/staff.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from models import clock
from tests.conftest import SHANGHAI, make_config

NOON = datetime(2026, 11, 23, 11, 30, tzinfo=SHANGHAI)  # a Monday


@pytest.fixture(autouse=True)
def cheap_pins(monkeypatch):
    import models.staff.accounts
    import models.staff.signin

    monkeypatch.setattr(models.staff.accounts, "_N", 2**8)
    monkeypatch.setattr(models.staff.signin, "_DUMMY_HASH", None)


@pytest.fixture
def noon():
    clock.set_now(NOON)
    yield NOON
    clock.set_now(None)


def build_demo(hall):
    """make_demo and this morning's history, as ``hall demo`` builds them (the test hall issues at any hour)."""
    from models.maintenance.demo import make_demo
    from models.maintenance.demo_history import make_demo_history

    make_demo(hall)
    make_demo_history(hall)
    return hall


@pytest.fixture
def demo(hall, noon):
    """The demo hall on both backends, with this morning's history."""
    return build_demo(hall)


@pytest.fixture
def sqlite_demo(tmp_path, noon):
    """The demo hall on SQLite only (snapshots)."""
    from models.hall import open_hall

    hall = open_hall(make_config(f"sqlite:///{tmp_path / 'hall.db'}"), create=True)
    yield build_demo(hall)
    hall.close()
