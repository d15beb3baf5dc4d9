"""Start-up speed for the long-running apps.

peewee imports the PostgreSQL driver whenever it is installed, and that
import (about 90 ms of CPU) lands right when a kiosk draws its first frame.
A hall on SQLite never needs it, so the apps leave it out: with the driver
marked absent, peewee simply records that it has none.
"""

from __future__ import annotations

import argparse
import sys

APP_COMMANDS = ("kiosk", "board", "staff", "demo")


def leave_out_postgres_driver(url: str) -> None:
    # Once peewee is loaded (tests, a second command in one process) it is too late, and harmless.
    if url.startswith(("postgresql://", "postgres://")) or "peewee" in sys.modules:
        return
    for name in ("psycopg", "psycopg2"):
        # None in sys.modules is Python's documented "this module cannot be imported"; typeshed allows modules only.
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def prepare(argv: list[str]) -> None:
    """Before anything imports peewee: for an app on a SQLite hall, skip the driver."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--db")
    early.add_argument("--config")
    early.add_argument("--lang")
    known, rest = early.parse_known_args(argv)
    command = next((word for word in rest if not word.startswith("-")), None)
    if command not in APP_COMMANDS:
        return
    try:
        from models.config import load_config

        url = load_config(known.config, db_override=known.db).database_url()
    except Exception:
        return  # the real parse reports it properly
    leave_out_postgres_driver(url)
