"""The table of throttled attempts: each counted attempt (a wrong tracking
code, a request) is one row, shared by every kiosk, web worker and process
on the database, and never changed or removed."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField

from models.clock import now
from models.schema.base import AppendOnlyModel


class ThrottleHit(AppendOnlyModel):
    id = AutoField()
    at = DateTimeField(default=now)
    scope = CharField(max_length=32)  # whose limit: "kiosk.lookup", "web.lookup", …
    key = CharField(max_length=64)  # what is limited within it: a code as typed, a client

    class Meta:
        table_name = "throttle_hit"
        indexes = ((("scope", "at"), False), (("scope", "key", "at"), False))


THROTTLE_TABLES = [ThrottleHit]
