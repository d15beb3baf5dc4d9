"""Schema versions. ``upgrade`` brings any older database to the current one
in place, one step at a time, each step in its own transaction; a fresh
database gets the current tables at once.

To change the schema: add the new tables or columns to :mod:`models.schema`
(and the table to its concern's list below),
then append a step here that makes the same change to an existing database
(``create_tables`` for new tables, ``playhouse.migrate`` for new columns).
"""

from __future__ import annotations

from peewee import fn

from models.db import database
from models.schema.cases import CASE_TABLES
from models.schema.duty import DUTY_TABLES
from models.schema.hall import CatalogueLoad, Item, Line, SchemaVersion, Setting, Window, WindowLine
from models.schema.staff import SIGNIN_TABLES, Staff, StaffPost
from models.schema.throttle import THROTTLE_TABLES
from models.schema.tickets import Event, Ticket, TicketCounter
from models.schema.whereabouts import WHEREABOUTS_TABLES

# In the order a copy must insert them (a table after those it refers to).
CORE_TABLES = [
    SchemaVersion,
    Setting,
    Line,
    Window,
    WindowLine,
    Item,
    CatalogueLoad,
    Staff,
    StaffPost,
    TicketCounter,
    Ticket,
    Event,
]


def _v1(db) -> None:
    db.create_tables(CORE_TABLES, safe=True)


def _v2(db) -> None:
    """Cases and the ledger, sign-in, whereabouts, leave and duty, with the
    database guards that keep their history append-only."""
    db.create_tables(CASE_TABLES + SIGNIN_TABLES + WHEREABOUTS_TABLES + DUTY_TABLES, safe=True)


def _v3(db) -> None:
    """Throttled attempts (wrong tracking codes), shared by every process on the database."""
    db.create_tables(THROTTLE_TABLES, safe=True)


# version → step that brings version-1 to version
STEPS = {1: _v1, 2: _v2, 3: _v3}
CURRENT = max(STEPS)


def current_version() -> int:
    """0 for an empty database."""
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    return SchemaVersion.select(fn.MAX(SchemaVersion.version)).scalar() or 0


def all_tables():
    return CORE_TABLES + CASE_TABLES + SIGNIN_TABLES + WHEREABOUTS_TABLES + DUTY_TABLES + THROTTLE_TABLES


def upgrade() -> tuple[int, int]:
    """Upgrade to CURRENT; returns (from_version, to_version)."""
    start = current_version()
    if start > CURRENT:
        raise RuntimeError(
            f"the database has schema version {start}, newer than this program's {CURRENT}: upgrade the program"
        )
    if start == 0:
        with database.atomic():
            database.create_tables(all_tables(), safe=True)
            SchemaVersion.create(version=CURRENT)
        return (0, CURRENT)
    for version in range(start + 1, CURRENT + 1):
        with database.atomic():
            STEPS[version](database)
            SchemaVersion.create(version=version)
    return (start, CURRENT)
