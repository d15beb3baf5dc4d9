"""The tables of responsibility areas (网格, 分片包干), their households, and visits (走访).

:class:`Area` and :class:`Household` are what a maintainer's file says
(``hall households load``); a household missing from a later file of its
area is retired, never deleted, so the visits that name it keep their
meaning. The personal data of a household (room, head of household, phone,
the 网格长's and 楼道长's names) stays in these rows: lists mask it, and
whoever opens it leaves a :class:`HouseholdAccess` row with the reason.

The visits are history, only ever appended (seed 002 第四章 2):
:class:`Visit` (who visited which household on which local day, whom they
met), :class:`VisitMatter` (each thing raised), :class:`VisitFollowup`
(a case opened for a matter, or the answer given back: 件件有回音) and
:class:`VisitPlan` (the households named when setting one's whereabouts to
走访).
"""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from models.clock import now
from models.schema.base import AppendOnlyModel, BaseModel, JSONField
from models.schema.cases import CaseRecord
from models.schema.staff import Staff
from models.schema.whereabouts import WhereaboutsChange


class Area(BaseModel):
    """A responsibility area (网格 / 包干区) of about 200 households and the worker who visits it."""

    code = CharField(unique=True)
    name = CharField()
    worker = ForeignKeyField(Staff, null=True, backref="+", on_delete="RESTRICT")
    grid_leader = CharField(default="")  # 网格长: personal data, masked in lists
    grid_leader_phone = CharField(default="")
    retired = BooleanField(default=False)


class Household(BaseModel):
    """One household (居民住户) of an area."""

    code = CharField(unique=True)
    area = ForeignKeyField(Area, backref="+", on_delete="RESTRICT", index=False)
    address = CharField(default="")  # the compound or street (小区 / 路), shown
    building = CharField(default="")  # 栋 / 楼, shown
    unit = CharField(default="")  # 单元, shown
    room = CharField(default="")  # 室: personal data, masked
    head = CharField(default="")  # 户主: personal data, masked
    phone = CharField(default="")  # personal data, masked
    stairway_leader = CharField(default="")  # 楼道长: personal data, masked
    care = CharField(default="")  # "" | special (特殊人员家庭) | difficult (困难家庭)
    contact = CharField(default="yearly")  # yearly | monthly: how often it must be contacted
    retired = BooleanField(default=False)

    class Meta:
        indexes = ((("area", "retired"), False), (("contact", "retired"), False))


class HouseholdLoad(BaseModel):
    """Each accepted area file: where from, its digest, what changed."""

    at = DateTimeField(default=now)
    source = CharField(default="")
    digest = CharField(default="")
    changes = JSONField(default=list)


class HouseholdAccess(AppendOnlyModel):
    """Who opened a household's personal data, when, and why (a log: insert-only)."""

    id = AutoField()
    household = ForeignKeyField(Household, backref="+", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    at = DateTimeField(default=now)
    reason = CharField()


class Visit(AppendOnlyModel):
    """A visit (走访) or contact of a household, on a day in the hall's time zone."""

    id = AutoField()
    household = ForeignKeyField(Household, backref="+", on_delete="RESTRICT", index=False)
    worker = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT", index=False)
    visited_on = DateField()  # the local day it happened
    how = CharField(default="home")  # home (上门) | phone (电话联系)
    met = CharField(default="head")  # head | family | other | nobody
    note = CharField(default="")
    logged_at = DateTimeField(default=now)  # naive UTC; later than visited_on when written after the fact

    class Meta:
        indexes = (
            (("worker", "visited_on"), False),
            (("household", "visited_on"), False),
            (("visited_on", "household"), False),
        )


class VisitMatter(AppendOnlyModel):
    """One thing a resident raised during a visit."""

    id = AutoField()
    visit = ForeignKeyField(Visit, backref="+", on_delete="RESTRICT")
    seq = IntegerField()  # 1, 2, … within the visit
    text = CharField()


class VisitFollowup(AppendOnlyModel):
    """What became of a matter: a case opened for it, or the answer given back to the resident."""

    id = AutoField()
    matter = ForeignKeyField(VisitMatter, backref="+", on_delete="RESTRICT")
    kind = CharField()  # case | answer
    case = ForeignKeyField(CaseRecord, null=True, backref="+", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="+", on_delete="RESTRICT")
    how = CharField(default="")  # answer: home | phone | letter | other
    text = CharField(default="")
    at = DateTimeField(default=now)


class VisitPlan(AppendOnlyModel):
    """A household named as planned when someone set their whereabouts to 走访."""

    id = AutoField()
    change = ForeignKeyField(WhereaboutsChange, backref="+", on_delete="RESTRICT")
    household = ForeignKeyField(Household, backref="+", on_delete="RESTRICT")


HOUSEHOLD_TABLES = [Area, Household, HouseholdLoad, HouseholdAccess, Visit, VisitMatter, VisitFollowup, VisitPlan]
