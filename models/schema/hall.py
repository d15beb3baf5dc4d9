"""The tables of the hall itself and its catalogue: schema version, settings,
lines of work, windows, which window serves which line, service items, and each
accepted catalogue version."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField

from models.clock import now
from models.schema.base import BaseModel, JSONField


class SchemaVersion(BaseModel):
    version = IntegerField()
    applied_at = DateTimeField(default=now)


class Setting(BaseModel):
    """Facts about this hall kept with its data (e.g. that it is a demo hall)."""

    key = CharField(unique=True)
    value = JSONField(null=True)


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
