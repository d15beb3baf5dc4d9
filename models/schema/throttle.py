"""The tables behind limits shared by every process on the database.

- :class:`ThrottleCount` — a counter per key and fixed window of time, bumped by
  an upsert (``hall web``'s limits, :mod:`models.throttle`); old windows are
  dropped, they are no history.
- :class:`ThrottleHit` — each counted attempt (a wrong tracking code at a
  kiosk) as a row, never changed or removed (:mod:`models.cases.lookup_throttle`).

Neither names anyone beyond what its key says, and no key holds personal data in clear.
"""

from __future__ import annotations

from peewee import AutoField, BigIntegerField, CharField, DateTimeField, IntegerField

from models.clock import now
from models.schema.base import AppendOnlyModel, BaseModel


class ThrottleCount(BaseModel):
    key = CharField(max_length=200)
    window = BigIntegerField()  # seconds since the epoch // the limit's window length
    count = IntegerField(default=0)

    class Meta:
        indexes = ((("key", "window"), True),)


class ThrottleHit(AppendOnlyModel):
    id = AutoField()
    at = DateTimeField(default=now)
    scope = CharField(max_length=32)  # whose limit: "kiosk.lookup", …
    key = CharField(max_length=64)  # what is limited within it: a code as typed

    class Meta:
        table_name = "throttle_hit"
        indexes = ((("scope", "at"), False), (("scope", "key", "at"), False))


THROTTLE_TABLES = [ThrottleCount, ThrottleHit]
