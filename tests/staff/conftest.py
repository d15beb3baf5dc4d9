"""Fixtures for the staff terminal: a hall with staff, tickets, and the app.

Every Pilot test runs on SQLite and PostgreSQL (the ``hall`` fixture); the
snapshot tests use SQLite only (the picture does not depend on the backend).
PINs are hashed with a cheap scrypt cost here, so signing in stays fast; the
rules are the same.
"""

from __future__ import annotations

import itertools

import pytest

from models import clock
from models.queue import tracking
from tests.conftest import make_config
from tests.staff.helpers import MORNING, add_people


@pytest.fixture(autouse=True)
def cheap_pins(monkeypatch):
    import models.staff.accounts
    import models.staff.signin

    monkeypatch.setattr(models.staff.accounts, "_N", 2**8)
    monkeypatch.setattr(models.staff.signin, "_DUMMY_HASH", None)


@pytest.fixture(autouse=True)
def fixed_codes(monkeypatch):
    """Tracking codes in the order issued, so screens and snapshots are stable."""
    counter = itertools.count(1)

    def new_code() -> str:
        data = f"7K3M9QXT{next(counter):03d}"
        return data + tracking._check_symbol(data)

    monkeypatch.setattr(tracking, "new_code", new_code)


@pytest.fixture
def morning():
    clock.set_now(MORNING)
    yield MORNING
    clock.set_now(None)


@pytest.fixture
def staffed(hall, morning):
    """The bundled catalogue, four staff members, the clock at 09:30 on a Monday."""
    add_people()
    return hall


@pytest.fixture
def sqlite_hall(tmp_path, morning):
    """A staffed hall on SQLite only (snapshots, the 100,000-case ledger)."""
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall

    config = make_config(f"sqlite:///{tmp_path / 'hall.db'}")
    hall = open_hall(config, create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    add_people()
    yield hall
    hall.close()
