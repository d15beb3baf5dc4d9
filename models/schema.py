"""The hall's tables. Rules live in the modules that use them, not here.

Times are naive UTC (see :mod:`models.clock`). Rows that record what happened
(events, tickets' histories) are only ever appended; a ticket's current state
columns move forward through its life, and every move writes an event row.
"""

from __future__ import annotations

import json

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from models.clock import now
from models.db import database, is_postgres


class JSONField(TextField):
    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


def guard_table(db, name: str) -> None:
    """Make ``db`` refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) on table ``name``."""
    db = getattr(db, "obj", None) or db  # the real database behind the proxy
    if is_postgres(db):
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION hall_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            # No '%' placeholders in the text: the driver would take them for parameters.
            "BEGIN RAISE EXCEPTION USING MESSAGE = 'append-only table ' || TG_TABLE_NAME || ': ' || TG_OP || ' refused'; "
            "END $$"
        )
        triggers = (
            ("append_only", f'UPDATE OR DELETE ON "{name}" FOR EACH ROW'),
            ("no_truncate", f'TRUNCATE ON "{name}" FOR EACH STATEMENT'),
        )
        for suffix, when in triggers:
            db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}_{suffix}" ON "{name}"')
            db.execute_sql(f'CREATE TRIGGER "{name}_{suffix}" BEFORE {when} EXECUTE FUNCTION hall_append_only()')
        return
    for op in ("UPDATE", "DELETE"):
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{name}_no_{op.lower()}" BEFORE {op} ON "{name}" '
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {name}: {op} refused'); END"
        )


class AppendOnlyModel(BaseModel):
    """A history table: creating it also installs the guards that keep it
    append-only, so no history table can be made without them."""

    @classmethod
    def create_table(cls, safe=True, **options):
        super().create_table(safe=safe, **options)
        guard_table(cls._meta.database, cls._meta.table_name)


class SchemaVersion(BaseModel):
    version = IntegerField()
    applied_at = DateTimeField(default=now)


class Setting(BaseModel):
    """Facts about this hall kept with its data (e.g. that it is a demo hall)."""

    key = CharField(unique=True)
    value = JSONField(null=True)


# --- catalogue -------------------------------------------------------------


class Line(BaseModel):
    """A line of work: one queue, with its ticket prefix letter."""

    code = CharField(unique=True)
    prefix = CharField(max_length=1)
    name = CharField()
    name_en = CharField(default="")
    category = CharField(default="")
    retired = BooleanField(default=False)


class Window(BaseModel):
    """A numbered service counter (服务窗口)."""

    number = IntegerField(unique=True)
    name = CharField()
    name_en = CharField(default="")
    phone = CharField(default="")
    paused = BooleanField(default=False)
    retired = BooleanField(default=False)


class WindowLine(BaseModel):
    window = ForeignKeyField(Window, backref="line_links", on_delete="RESTRICT")
    line = ForeignKeyField(Line, backref="window_links", on_delete="RESTRICT")
    retired = BooleanField(default=False)

    class Meta:
        indexes = ((("window", "line"), True),)


class Item(BaseModel):
    """A service item (办事事项); ``data`` holds its full catalogue entry."""

    code = CharField(unique=True)
    line = ForeignKeyField(Line, backref="items", on_delete="RESTRICT")
    name = CharField()
    name_en = CharField(default="")
    kind = CharField(default="immediate")
    promised_days = IntegerField(default=0)
    service_minutes = IntegerField(default=10)
    open_from = CharField(null=True)  # "MM-DD"
    open_to = CharField(null=True)
    data = JSONField(default=dict)
    retired = BooleanField(default=False)


class CatalogueLoad(BaseModel):
    """One accepted version of the catalogue: when, from where, what changed."""

    loaded_at = DateTimeField(default=now)
    source = CharField()
    digest = CharField()
    changes = JSONField(default=list)


# --- staff -----------------------------------------------------------------


class Staff(BaseModel):
    code = CharField(unique=True)
    name = CharField()
    role = CharField(default="staff")  # staff | leader
    pin_hash = CharField()
    active = BooleanField(default=True)
    created_at = DateTimeField(default=now)


class StaffPost(BaseModel):
    """Who works a window, as its A or B person (AB岗)."""

    staff = ForeignKeyField(Staff, backref="posts", on_delete="RESTRICT")
    window = ForeignKeyField(Window, backref="posts", on_delete="RESTRICT")
    role = CharField(max_length=1)  # A | B

    class Meta:
        indexes = ((("staff", "window"), True),)


# --- queue -----------------------------------------------------------------


class TicketCounter(BaseModel):
    """Last sequence number issued per prefix and service day."""

    prefix = CharField(max_length=1)
    day = DateField()
    last = IntegerField(default=0)

    class Meta:
        indexes = ((("prefix", "day"), True),)


class Ticket(BaseModel):
    id = AutoField()
    number = CharField()  # "A012"
    prefix = CharField(max_length=1)
    seq = IntegerField()
    service_day = DateField()
    item = ForeignKeyField(Item, on_delete="RESTRICT")
    line = ForeignKeyField(Line, on_delete="RESTRICT")
    priority = BooleanField(default=False)
    request_id = CharField(null=True, unique=True)
    tracking_code = CharField(unique=True)
    # waiting → called → serving → done; called → no_show → (returned) waiting
    status = CharField(default="waiting", index=True)
    issued_at = DateTimeField(default=now)
    # Place in line: kept through transfers, so nobody queues again from the back.
    arrival_at = DateTimeField(default=now)
    # A returned no-show is placed next in line.
    front = BooleanField(default=False)
    target_window = ForeignKeyField(Window, null=True, backref="+", on_delete="RESTRICT")
    window = ForeignKeyField(Window, null=True, backref="tickets", on_delete="RESTRICT")
    called_by = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT")
    first_responder = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT")
    called_at = DateTimeField(null=True)
    recalls = IntegerField(default=0)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    no_show_at = DateTimeField(null=True)
    returned = BooleanField(default=False)
    transfers = IntegerField(default=0)
    transfer_note = TextField(default="")

    class Meta:
        indexes = (
            (("prefix", "service_day", "seq"), True),
            (("status", "line"), False),
            (("line", "finished_at"), False),
        )


class Event(BaseModel):
    """The change feed: one row per change others must see, in the same
    transaction as the change. Readers keep the last id they saw."""

    id = AutoField()
    at = DateTimeField(default=now)
    kind = CharField()  # "ticket.taken", "ticket.called", "window.paused", …
    ref = IntegerField(null=True)  # the id of the row the event is about
    data = JSONField(default=dict)


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
