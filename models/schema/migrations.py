"""Schema versions. ``upgrade`` brings any older database to the current one
in place, one step at a time, each step in its own transaction; a fresh
database gets the current tables at once.

To change the schema: add the new tables or columns to :mod:`models.schema`
(and the table to its concern's list below),
then append a step here that makes the same change to an existing database
(``create_tables`` for new tables, ``playhouse.migrate`` for new columns).
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import fn

from models.db import DatabaseUnavailable, database, is_postgres
from models.schema.appointments import APPOINTMENT_TABLES
from models.schema.base import AppendOnlyModel, guard_table, unguard_table
from models.schema.cases import CASE_TABLES
from models.schema.contacts import CONTACT_TABLES
from models.schema.duty import DUTY_TABLES, REOPEN_TABLES, UNDO_TABLES
from models.schema.hall import CatalogueLoad, Item, Line, SchemaVersion, Setting, Window, WindowLine
from models.schema.households import HOUSEHOLD_TABLES
from models.schema.notice_views import NOTICE_VIEW_TABLES
from models.schema.ratings import RATING_TABLES, VISIT_FOLLOWUP_TABLES
from models.schema.staff import SIGNIN_TABLES, Staff, StaffPost
from models.schema.throttle import THROTTLE_TABLES
from models.schema.tickets import OPEN_TICKETS_INDEX, WINDOW_PAUSES_INDEX, Event, Ticket, TicketCounter
from models.schema.whereabouts import DAY_START_TABLES, WHEREABOUTS_TABLES
from models.schema.worklog import MEETING_CORRECTION_TABLES, WORKLOG_TABLES

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
    """Shared limits (lookups of unknown tracking codes at the kiosks and on the web, from every process)."""
    db.create_tables(THROTTLE_TABLES, safe=True)


def _v4(db) -> None:
    """A closing signed off by mistake can be reopened and signed again: the
    sign-off gets its round, the early-closing reason and the answers to open
    problems; reopenings get their table. Tickets get an index by service day.

    Plain ``ALTER TABLE … ADD COLUMN … DEFAULT``: the table is append-only, so
    no step may update its rows (peewee's add_column would, and on SQLite
    would rebuild the table without its guards)."""
    table = "duty_sign_off"
    have = {column.name for column in db.get_columns(table)}
    added = (("round", "INTEGER NOT NULL DEFAULT 0"), ("early_reason", "TEXT NOT NULL DEFAULT ''"))
    for name, kind in (*added, ("answers", "TEXT NOT NULL DEFAULT '{}'")):
        if name not in have:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')
    indexes = {index.name: list(index.columns) for index in db.get_indexes(table)}
    for name, columns in indexes.items():
        if columns == ["day", "checklist"]:
            db.execute_sql(f'DROP INDEX "{name}"')
    if ["day", "checklist", "round"] not in indexes.values():
        db.execute_sql(f'CREATE UNIQUE INDEX "{table}_day_checklist_round" ON "{table}" ("day", "checklist", "round")')
    db.create_tables(REOPEN_TABLES, safe=True)
    # Reports and the day's end read tickets by service day: with a year of them, a scan would not do.
    db.execute_sql('CREATE INDEX IF NOT EXISTS "ticket_service_day_status" ON "ticket" ("service_day", "status")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "case_rating_at" ON "case_rating" ("at")')


def _v5(db) -> None:
    """Every history row, the change feed's included, gets its place in its
    table's hash chain; the change feed gets the append-only guards; SQLite's
    guards also refuse a REPLACE over an existing row."""
    from models.schema.chain import content_fields, db_values, digest_of

    real = getattr(db, "obj", None) or db
    for model in chained_tables():
        table = model._meta.table_name
        if not real.table_exists(table):
            continue  # a table of a later step: it is created with its chain and guards
        have = {c.name for c in real.get_columns(table)}
        for name in ("digest", "prev"):
            if name not in have:  # NOT NULL with a default: neither backend rewrites the table for it
                real.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" VARCHAR(64) NOT NULL DEFAULT \'\'')
        unguard_table(real, table)
        fields = content_fields(model)
        prev, links = "", []
        for row in model.select(model._meta.primary_key, *fields).order_by(model._meta.primary_key).tuples():
            digest = digest_of(prev, db_values(model, dict(zip(fields, row[1:], strict=True))))
            links.append((digest, prev, row[0]))
            prev = digest
        if links:  # one prepared statement: a year of history is hundreds of thousands of rows
            sql = f'UPDATE "{table}" SET digest = {real.param}, prev = {real.param} WHERE id = {real.param}'
            real.cursor().executemany(sql, links)
        guard_table(real, table)


def _v6(db) -> None:
    """Tickets lose their indexes led by status: every read of waiting or open tickets
    names its service day (``ticket_service_day_status``), and with a year of finished
    tickets between the states each call wrote two more index pages to disk."""
    db.execute_sql('DROP INDEX IF EXISTS "ticket_status_line_id"')
    db.execute_sql('DROP INDEX IF EXISTS "ticket_status"')


def _v7(db) -> None:
    """The day's start for the windows' cover gets its table (once per service day)."""
    db.create_tables(DAY_START_TABLES, safe=True)


def _v8(db) -> None:
    """Responsibility areas, their households and the visits (走访) get their tables."""
    db.create_tables(HOUSEHOLD_TABLES, safe=True)


def _v9(db) -> None:
    """A checklist tick can be taken back, with a reason, as a record of its own."""
    db.create_tables(UNDO_TABLES, safe=True)


def _v10(db) -> None:
    """The contacts register (calls, letters, e-mail, online messages), the
    worker's log and the meetings and study sessions get their tables."""
    db.create_tables(CONTACT_TABLES + WORKLOG_TABLES, safe=True)


def _v11(db) -> None:
    """Who read an item's notice before coming (the kiosk's and the web's), and the ticket that visit took."""
    db.create_tables(NOTICE_VIEW_TABLES, safe=True)


def _v12(db) -> None:
    """好差评 by the resident alone: the visit's ratings (一次一评) and the windows'
    requests to their rating pads get their tables; the case's ratings stay as they are."""
    db.create_tables(RATING_TABLES, safe=True)


def _v13(db) -> None:
    """Appointments (预约) and home service: bookings, their history, the places taken of each slot,
    and the tickets of on-time check-ins."""
    db.create_tables(APPOINTMENT_TABLES, safe=True)


def _v14(db) -> None:
    """Meetings corrected: each correction links the meeting to the one written in its place."""
    db.create_tables(MEETING_CORRECTION_TABLES, safe=True)


def _v15(db) -> None:
    """The tickets still open get an index of their own: the day's end no longer reads every past ticket."""
    db.execute_sql(OPEN_TICKETS_INDEX)


def _v16(db) -> None:
    """A visit's 差评 gets its loop (verified, classed, put right or explained or appealed, told): its table of steps."""
    db.create_tables(VISIT_FOLLOWUP_TABLES, safe=True)


def _v17(db) -> None:
    """Tickets get an index by service day and call time: each call reads the window's latest
    calls for the streak rules, and without it that read went through all of the day's tickets."""
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "ticket_service_day_called_at_id" ON "ticket" ("service_day", "called_at", "id")'
    )


# The ticket's references that lost their own index (models.schema.tickets.Ticket).
UNINDEXED_TICKET_REFERENCES = (
    "item_id",
    "line_id",
    "target_window_id",
    "window_id",
    "called_by_id",
    "first_responder_id",
)


def _v18(db) -> None:
    """A ticket's references to its item, line, windows and staff lose their own indexes: every
    read of them names the service day, and six more trees to write made each take and call
    slower the more days the hall kept (a year: 1.3× the first day's take, 1.0× without them)."""
    for column in UNINDEXED_TICKET_REFERENCES:
        db.execute_sql(f'DROP INDEX IF EXISTS "ticket_{column}"')


def _v19(db) -> None:
    """The change feed gets an index of the windows' pauses: a paused window's expected return
    is read at every look at the kiosk's home, and it went through a year of events."""
    db.execute_sql(WINDOW_PAUSES_INDEX)


def _v20(db) -> None:
    """A case's projection says whether its 差评 was called back and put right: the report counts
    the open and overdue follow-ups from it, where it folded every open case's events. The hall's
    opening fills the new columns from the events in the same transaction (:data:`PROJECTION_STEPS`)."""
    false = "false" if is_postgres() else "0"
    have = {column.name for column in db.get_columns("case_state")}
    for name in ("called_back", "rectified"):
        if name not in have:
            db.execute_sql(f'ALTER TABLE "case_state" ADD COLUMN "{name}" BOOLEAN NOT NULL DEFAULT {false}')


# version → step that brings version-1 to version
STEPS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7, 8: _v8, 9: _v9, 10: _v10, 11: _v11, 12: _v12, 13: _v13}
STEPS[14] = _v14
STEPS[15] = _v15
STEPS[16] = _v16
STEPS[17] = _v17
STEPS[18] = _v18
STEPS[19] = _v19
STEPS[20] = _v20
CURRENT = max(STEPS)
# Steps that change what the case projection holds: the hall's opening has it rebuilt from the
# events inside the step's own transaction (the projection is a cache of them, models.cases.ledger).
PROJECTION_STEPS = frozenset({20})


def current_version() -> int:
    """0 for an empty database."""
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    return SchemaVersion.select(fn.MAX(SchemaVersion.version)).scalar() or 0


def all_tables():
    return (
        CORE_TABLES
        + CASE_TABLES
        + SIGNIN_TABLES
        + WHEREABOUTS_TABLES
        + DUTY_TABLES
        + REOPEN_TABLES
        + THROTTLE_TABLES
        + DAY_START_TABLES
        + HOUSEHOLD_TABLES
        + UNDO_TABLES
        + CONTACT_TABLES
        + WORKLOG_TABLES
        + NOTICE_VIEW_TABLES
        + RATING_TABLES
        + APPOINTMENT_TABLES
        + MEETING_CORRECTION_TABLES
        + VISIT_FOLLOWUP_TABLES
    )


def chained_tables():
    """The history tables, each with its hash chain, in the order they are created."""
    return [m for m in all_tables() if issubclass(m, AppendOnlyModel)]


def upgrade(after: dict[int, Callable[[], object]] | None = None) -> tuple[int, int]:
    """Upgrade to CURRENT; returns (from_version, to_version). ``after[version]``, when given,
    runs inside that step's transaction, once the step has changed the schema (a rule of a
    concern above this one that the step's new columns need, e.g. a projection rebuilt)."""
    start = current_version()
    if start > CURRENT:
        raise DatabaseUnavailable(
            f"the database has schema version {start}, newer than the {CURRENT} this program knows: upgrade the program"
        )
    if start == 0:
        with database.atomic():
            database.create_tables(all_tables(), safe=True)
            SchemaVersion.create(version=CURRENT)
        return (0, CURRENT)
    for version in range(start + 1, CURRENT + 1):
        with database.atomic():
            STEPS[version](database)
            if after and version in after:
                after[version]()
            SchemaVersion.create(version=version)
    return (start, CURRENT)
