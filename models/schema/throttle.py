"""The table behind limits shared by every process on the database.

:class:`ThrottleCount` — one row per limited key (a client's hashed address, a
tracking code as typed, a whole scope): how many counts since its window
started, and until when it is paused (:mod:`models.throttle`). A row is
changed in place by one upsert per count and dropped once long unused: it is
no history.

It names no one beyond what its key says, and no key holds personal data in clear.
"""

from __future__ import annotations

from peewee import CharField, DoubleField, IntegerField

from models.schema.base import BaseModel


class ThrottleCount(BaseModel):
    key = CharField(max_length=200, unique=True)  # "<scope>:<what is limited>"
    started = DoubleField()  # seconds since the epoch: the first count of the current window
    count = IntegerField(default=0)  # counts since ``started``
    paused_until = DoubleField(default=0)  # seconds since the epoch; refused until then

    class Meta:
        table_name = "throttle_count"
        indexes = ((("started",), False),)  # dropping long-unused rows


THROTTLE_TABLES = [ThrottleCount]
