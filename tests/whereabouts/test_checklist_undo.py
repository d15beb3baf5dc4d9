"""A checklist tick is taken back by a record of its own, with a reason: the tick
stays, the item reads as not ticked, and the closing sign-off reads the corrected list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.db import database
from models.duty import Duty
from models.plain_text import TextRefused
from models.schema import ChecklistTick, ChecklistUndo, Event
from models.schema.chain import verify
from tests.whereabouts.conftest import at
from tests.whereabouts.test_closing import refused

MON = date(2026, 11, 23)


def test_an_undone_tick_reads_as_not_ticked_and_both_records_stay(people):
    duty = Duty(people.config)
    at(MON, 8, 40)
    duty.tick(None, "opening", 0, "S01")
    undo = duty.undo_tick(None, "opening", 0, "S02", "勾错了，还没开灯")
    item = duty.checklist_history(MON).opening.items[0]
    assert not item.ticked and item.staff is None and len(item.ticks) == 1
    assert [u.reason for u in item.undos] == ["勾错了，还没开灯"] and item.undos[0].staff == "S02"
    assert ChecklistTick.select().count() == 1 and ChecklistUndo.get().tick_id == item.ticks[0].id
    assert Event.select().where(Event.kind == "duty.tick_undone").get().data["reason"] == "勾错了，还没开灯"
    assert undo.as_dict()["item_index"] == 0
    duty.tick(None, "opening", 0, "S01")  # ticked again: the latest record stands
    item = duty.checklist_history(MON).opening.items[0]
    assert item.ticked and item.staff == "S01" and len(item.ticks) == 2 and len(item.undos) == 1
    assert verify(database, ChecklistUndo)[1] is None and verify(database, ChecklistTick)[1] is None


def test_undo_needs_a_ticked_item_a_reason_today_and_an_unsigned_list(people):
    duty = Duty(people.config)
    at(MON, 8, 40)
    refused(lambda: duty.undo_tick(None, "opening", 1, "S01", "勾错了"), "undo_not_ticked")
    duty.tick(None, "opening", 1, "S01")
    refused(lambda: duty.undo_tick(None, "opening", 1, "S01", "  "), "undo_reason_needed")
    with pytest.raises(TextRefused):
        duty.undo_tick(None, "opening", 1, "S01", "勾错\x1b[31m了")
    duty.undo_tick(None, "opening", 1, "S01", "勾错了")
    refused(lambda: duty.undo_tick(None, "opening", 1, "S01", "又错了"), "undo_not_ticked")
    for index in range(len(duty.items("opening"))):
        duty.tick(None, "opening", index, "S01")
    duty.sign_off(None, "opening", "S01")
    refused(lambda: duty.undo_tick(None, "opening", 1, "S01", "签字后"), "already_signed")
    at(MON + timedelta(days=1), 9)
    refused(lambda: duty.undo_tick(MON, "closing", 0, "S01", "昨天的"), "undo_only_today")


def test_the_sign_off_reads_the_corrected_list(people):
    duty = Duty(people.config)
    at(MON, 16, 40)
    for index in range(len(duty.items("closing"))):
        duty.tick(None, "closing", index, "S01", "灭火器过期" if index == 2 else "")
    assert "closing:3" in duty.closing_questions(MON).problems
    duty.undo_tick(None, "closing", 2, "S01", "问题记错了项目")
    assert "closing:3" not in duty.closing_questions(MON).problems  # the problem went with its tick
    error = refused(lambda: duty.sign_off(None, "closing", "S01"), "checklist_incomplete")
    assert "3" in error.message("zh")
    duty.tick(None, "closing", 2, "S01")
    assert duty.sign_off(None, "closing", "S01").answers == {}


def test_an_undo_is_history_the_database_keeps(people):
    from peewee import DatabaseError

    from models.schema import migrations

    assert ChecklistUndo in migrations.chained_tables()
    duty = Duty(people.config)
    at(MON, 8, 40)
    duty.tick(None, "opening", 0, "S01")
    duty.undo_tick(None, "opening", 0, "S01", "勾错了")
    for sql in ("UPDATE \"checklist_undo\" SET reason = 'x'", 'DELETE FROM "checklist_undo"'):
        with pytest.raises(DatabaseError), database.atomic():
            database.execute_sql(sql)
    assert ChecklistUndo.get().reason == "勾错了"
