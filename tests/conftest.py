"""Shared fixtures: a fresh hall on SQLite and on PostgreSQL for each test.

PostgreSQL comes from ``HALL_TEST_PG`` (``make test`` starts a private server
and sets it). Without it the PostgreSQL half fails, unless
``HALL_TEST_PG=off`` says to leave it out on purpose — which CI
(``HALL_REQUIRE_PG``) refuses.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from models import clock
from models.config import Config, TicketsConfig

SHANGHAI = ZoneInfo("Asia/Shanghai")
PG_URL = os.environ.get("HALL_TEST_PG", "")
BACKENDS = ["sqlite"] + ([] if PG_URL == "off" else ["postgres"])


def pytest_configure(config):
    if os.environ.get("HALL_REQUIRE_PG") and PG_URL in ("", "off"):
        raise pytest.UsageError(
            "HALL_REQUIRE_PG is set (CI) but HALL_TEST_PG is not: the PostgreSQL suite may not be left out"
        )


def pytest_report_header(config):
    return f"hall backends: {', '.join(BACKENDS)} ({'HALL_TEST_PG set' if PG_URL not in ('', 'off') else 'no HALL_TEST_PG'})"


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def postgres_url(name: str) -> str:
    """A fresh, empty PostgreSQL database ``name`` on the test server."""
    if not PG_URL:
        pytest.fail(
            "HALL_TEST_PG is not set: run the tests with `make test` (it starts PostgreSQL), or set HALL_TEST_PG=off"
        )
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hall.db'}"
    return postgres_url(f"hall_{_worker()}")


def step_creating(tables_name: str) -> int:
    """The schema version whose step creates the tables listed as ``tables_name`` (e.g. ``"UNDO_TABLES"``):
    upgrade tests start from the version before it, whatever steps come later."""
    import inspect

    from models.schema import migrations

    return next(v for v, step in migrations.STEPS.items() if tables_name in inspect.getsource(step))


@contextmanager
def pin_on_stdin(pin: str = "1234"):
    """Standard input holding one PIN line, as a script gives it to a command that acts as someone."""
    saved = sys.stdin
    sys.stdin = io.StringIO(f"{pin}\n")
    try:
        yield
    finally:
        sys.stdin = saved


def make_config(db_url: str, **changes) -> Config:
    tickets = changes.pop("tickets", TicketsConfig(always_open=True))
    return replace(Config(), database=db_url, tickets=tickets, **changes)


@pytest.fixture
def config(db_url) -> Config:
    return make_config(db_url)


@pytest.fixture
def hall(config):
    """An initialised hall with the bundled catalogue loaded."""
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall

    hall = open_hall(config, create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    yield hall
    hall.close()


@pytest.fixture
def frozen_clock():
    """Freeze the clock at a weekday morning in Shanghai; the test may move it."""
    clock.set_now(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI))
    yield clock
    clock.set_now(None)
