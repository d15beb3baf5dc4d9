"""History is append-only: no code path updates or deletes an event row.

Three proofs: the database itself refuses UPDATE and DELETE on the history
tables (triggers installed by the migration); a whole case lifecycle runs
with every statement traced and none touches a history row; and the source
holds no update/delete call on the history models.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from peewee import DatabaseError

from models.cases.ledger import check_projection
from models.db import database, is_postgres
from models.schema import Item
from models.schema.cases import APPEND_ONLY, CaseEvent, CaseRating, CaseRecord, ContactAccess
from tests.cases.conftest import resident_rates, serve

ROOT = Path(__file__).resolve().parents[2]
HISTORY_TABLES = {m._meta.table_name for m in APPEND_ONLY} | {"event"}


def lifecycle(hall, cases) -> None:
    """Every step a case can take."""
    number = serve(hall, "hukou-in", 1, "S01")
    names = [m["name"] for m in Item.get(Item.code == "hukou-in").data["materials"]]
    consult = cases.open_case(staff="S01", ticket=number, kind="consultation", result="已解答")
    promised = cases.open_case(staff="S01", ticket=number, kind="promised", name="张三", phone="13812345678")
    supplement = cases.open_case(staff="S01", ticket=number, kind="supplement", missing=names[:1])
    escalated = cases.open_case(staff="S03", item="rural-dibao", window=3, authority="街道民政科")
    petition = cases.open_case(staff="S05", item="petition-visit", channel="letter")
    returned = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    cases.supplement(promised.number, "S01", other=["单位证明"])
    cases.materials_received(promised.number, "S01")
    cases.materials_received(supplement.number, "S01")
    cases.escalate(supplement.number, "S01", "区公安分局", date(2026, 12, 31))
    cases.extend(promised.number, "S01", "2026-12-31", "需要实地核查")
    cases.return_case(returned.number, "S01", "不符合迁入条件")
    cases.notify(returned.number, "S01", "in_person")
    cases.handover(escalated.number, "S03", "S04", "S03 外出走访")
    cases.correct(escalated.number, "S04", "窗口录错", window=4)
    cases.set_contact(escalated.number, "S04", "李四", "13900001111")
    cases.contact_for(promised.number, "S02", "电话告知")
    for facts, handler in ((promised, "S01"), (supplement, "S01"), (escalated, "S04"), (petition, "S05")):
        cases.complete(facts.number, handler, "已办结")
    cases.notify(promised.number, "S01", "phone")
    cases.publish(promised.number, "S01", "该事项已办结。")
    resident_rates(hall, consult.number, "satisfied")
    resident_rates(hall, promised.number, "very_unsatisfied", ["efficiency"])
    cases.called_back(promised.number, "L01", "已回访")
    cases.rectified(promised.number, "L01", "已整改")
    cases.rebuild_projection()
    assert check_projection() == []


def _refused(statement: str) -> None:
    with pytest.raises(DatabaseError):
        with database.atomic():
            database.execute_sql(statement)


def test_the_database_refuses_changes_to_history(hall, cases):
    lifecycle(hall, cases)
    for model in (CaseRecord, CaseEvent, CaseRating, ContactAccess):
        name = model._meta.table_name
        assert model.select().count() > 0
        _refused(f'UPDATE "{name}" SET id = id')
        _refused(f'DELETE FROM "{name}"')
        if is_postgres():
            _refused(f'TRUNCATE "{name}" CASCADE')
        with pytest.raises(DatabaseError):
            with database.atomic():
                model.delete().execute()
    with pytest.raises(DatabaseError):
        with database.atomic():
            CaseEvent.update(kind="edited").execute()
    assert CaseEvent.select().where(CaseEvent.kind == "edited").count() == 0
    # Inserting goes on as before.
    facts = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    assert cases.get(facts.number).state == "closed"


def test_a_whole_lifecycle_never_updates_or_deletes_a_history_row(hall, cases, monkeypatch):
    statements: list[str] = []
    real = hall.db.execute_sql

    def traced(sql, params=None, *args, **kwargs):
        statements.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(hall.db, "execute_sql", traced)
    lifecycle(hall, cases)
    assert len(statements) > 100
    pattern = re.compile(r'^\s*(UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
    touched = {m.group(2) for m in map(pattern.match, statements) if m}
    assert touched, "the trace should see the projection and ticket updates"
    assert not touched & HISTORY_TABLES, touched & HISTORY_TABLES
    assert "case_state" in touched  # the projection is the only case table rewritten


def test_no_source_updates_or_deletes_history_models():
    models = "|".join(["CaseEvent", "CaseRecord", "CaseRating", "ContactAccess", "Event"])
    calls = re.compile(
        rf"\b({models})\.(update|delete|delete_by_id|replace|replace_many|insert\([^)]*\)\.on_conflict)\b"
    )
    raw = re.compile(
        r'(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?(case_event|case_record|case_rating|contact_access|event)\b', re.I
    )
    offenders = []
    sources = [*ROOT.glob("models/**/*.py"), *ROOT.glob("cli/*.py"), *ROOT.glob("benchmarks/*.py")]
    assert len(sources) > 10
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for pattern in (calls, raw):
            for match in pattern.finditer(text):
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
        # Instances of history models are never saved twice or deleted.
        if re.search(r"\b(record|event|rating|access)\.(save|delete_instance)\(", text):
            offenders.append(f"{path.relative_to(ROOT)}: save/delete_instance on a history row")
    assert offenders == []


def _history_models():
    from models.schema import AppendOnlyModel

    found, todo = [], list(AppendOnlyModel.__subclasses__())
    while todo:
        model = todo.pop()
        found.append(model)
        todo.extend(model.__subclasses__())
    return found


def _triggers() -> set[tuple[str, str]]:
    """(table, trigger name) of the hall's own triggers."""
    if is_postgres():
        sql = (
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
        )
    else:
        sql = "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
    return set(database.execute_sql(sql).fetchall())


def test_every_history_table_of_the_hall_is_guarded_the_same_way(hall):
    """One guard for all: cases, sign-in logs, whereabouts, leave and duty."""
    names = {model._meta.table_name for model in _history_models()}
    assert {"case_event", "signin_attempt", "signin_lockout", "whereabouts_change", "duty_sign_off"} <= names
    suffixes = ("append_only", "no_truncate") if is_postgres() else ("no_update", "no_delete")
    assert {(name, f"{name}_{suffix}") for name in names for suffix in suffixes} <= _triggers()
    if is_postgres():  # a statement trigger: it fires on an empty table too
        for name in sorted(names):
            with pytest.raises(DatabaseError, match="append-only"):
                with database.atomic():
                    database.execute_sql(f'TRUNCATE "{name}" CASCADE')
