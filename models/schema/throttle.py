"""The counts behind shared limits: how often a key was counted in one window of time.

A row is a counter (key, window), bumped by an upsert; it records no event
and names no one beyond what the key says (a limit's key holds no personal
data in clear: see :mod:`models.throttle`).
"""

from __future__ import annotations

from peewee import BigIntegerField, CharField, IntegerField

from models.schema.base import BaseModel


class ThrottleCount(BaseModel):
    key = CharField(max_length=200)
    window = BigIntegerField()  # seconds since the epoch // the limit's window length
    count = IntegerField(default=0)

    class Meta:
        indexes = ((("key", "window"), True),)


THROTTLE_TABLES = [ThrottleCount]
