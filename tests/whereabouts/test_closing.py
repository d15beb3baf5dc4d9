"""Opening and closing follow the hours: early closing, open problems, reopening, unsigned days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.duty import Duty
from models.errors import Refused, StaffRefused
from models.queue import Queue
from models.schema import DutyReopen, DutySignOff, Event
from tests.whereabouts.conftest import at

MON = date(2026, 11, 23)
TUE = MON + timedelta(days=1)


@pytest.fixture
def by_the_hours(people):
    """The hall's services with issuing by the hours (winter: the last session issues until 16:15)."""
    config = replace(people.config, tickets=replace(people.config.tickets, always_open=False))
    return Duty(config), Queue(config)


def tick_all(duty, checklist="closing", staff="S01", problems=None):
    for index in range(len(duty.items(checklist))):
        duty.tick(None, checklist, index, staff, (problems or {}).get(index, ""))


def refused(call, key):
    with pytest.raises(StaffRefused) as error:
        call()
    assert error.value.key == key, error.value.key
    assert "{" not in error.value.message("zh") and "{" not in error.value.message("en")
    return error.value


def test_closing_before_the_issuing_stops_needs_a_leaders_reason_which_the_kiosk_says(by_the_hours):
    duty, queue = by_the_hours
    at(MON, 10)
    tick_all(duty)
    error = refused(lambda: duty.sign_off(None, "closing", "S01"), "closing_too_early")
    assert "16:15" in error.message("zh") and "16:15" in error.message("en")
    refused(lambda: duty.sign_off(None, "closing", "S01", early_reason="停电"), "early_closing_needs_leader")
    assert not duty.closed_for_day(MON)
    signed = duty.sign_off(None, "closing", "L01", early_reason="全楼停电检修")
    assert signed.early_reason == "全楼停电检修"
    assert duty.checklist_history(MON).closing.signed_off.early_reason == "全楼停电检修"
    event = Event.select().where(Event.kind == "duty.signed_off").order_by(Event.id.desc()).get()
    assert event.data["early_reason"] == "全楼停电检修"
    with pytest.raises(Refused) as error:
        queue.take("baby-hukou")
    assert error.value.key == "closed_early"
    assert "全楼停电检修" in error.value.message("zh") and "11月24日 08:00" in error.value.message("zh")
    assert "全楼停电检修" in error.value.message("en")


def test_after_the_issuing_stops_anyone_on_duty_signs_without_a_reason(by_the_hours):
    duty, _queue = by_the_hours
    at(MON, 16, 15)
    tick_all(duty)
    assert duty.sign_off(None, "closing", "S01").early_reason == ""


def test_open_problems_must_each_be_answered_with_a_note(by_the_hours):
    duty, _queue = by_the_hours
    at(MON, 15)
    problem = duty.log_problem("L01", "灭火器过期")
    tick_all(duty, problems={2: "灭火器过期"})
    at(MON, 16, 40)
    error = refused(lambda: duty.sign_off(None, "closing", "S01"), "closing_problems_open")
    text = error.message("zh")
    assert f"log:{problem.id}「灭火器过期」" in text and "closing:3「" in text
    error = refused(
        lambda: duty.sign_off(None, "closing", "S01", answers={f"log:{problem.id}": "已报后勤更换"}),
        "closing_problems_open",
    )
    assert "closing:3" in error.message("zh") and f"log:{problem.id}" not in error.message("zh")
    refused(
        lambda: duty.sign_off(None, "closing", "S01", answers={f"log:{problem.id}": "已报", "closing:3": "  "}),
        "closing_problems_open",
    )
    answers = {f"log:{problem.id}": "已报后勤更换", "closing:3": "明早换新", "extra": "不相干"}
    signed = duty.sign_off(None, "closing", "S01", answers=answers)
    assert signed.answers == {f"log:{problem.id}": "已报后勤更换", "closing:3": "明早换新"}
    assert DutySignOff.get(DutySignOff.id == signed.id).answers == signed.answers


def test_a_fixed_problem_and_a_problem_ticked_again_without_one_need_no_answer(by_the_hours):
    duty, _queue = by_the_hours
    at(MON, 15)
    problem = duty.log_problem("L01", "门锁坏")
    duty.log_fix(problem.id, "L01", "已修好")
    tick_all(duty, problems={0: "灯不亮"})
    duty.tick(None, "closing", 0, "S01")  # ticked again, fine now
    at(MON, 16, 40)
    assert duty.sign_off(None, "closing", "S01").answers == {}


def test_a_leader_reopens_a_closing_signed_by_mistake_and_issuing_resumes(by_the_hours):
    duty, queue = by_the_hours
    at(MON, 9)
    assert queue.take("baby-hukou").number == "A001"
    queue.call_next(1)
    queue.finish("A001", 1)
    tick_all(duty)
    duty.sign_off(None, "closing", "L01", early_reason="以为是周六")
    with pytest.raises(Refused):
        queue.take("baby-hukou")
    refused(lambda: duty.reopen(None, "S01", "误签"), "not_leader")
    refused(lambda: duty.reopen(None, "L01", "  "), "reopen_reason_needed")
    refused(lambda: duty.reopen(MON - timedelta(days=1), "L01", "误签"), "reopen_only_today")
    reopened = duty.reopen(None, "L01", "误签，今天是工作日")
    assert (reopened.day, reopened.leader) == (MON, "L01")
    assert not duty.closed_for_day(MON)
    refused(lambda: duty.reopen(None, "L01", "again"), "reopen_not_signed")
    assert queue.take("baby-hukou").number == "A002"  # issuing resumes, numbering goes on
    history = duty.checklist_history(MON)
    assert history.closing.signed_off is None and [r.reason for r in history.reopenings] == ["误签，今天是工作日"]
    assert Event.select().where(Event.kind == "duty.reopened").count() == 1
    duty.tick(None, "closing", 0, "S01")  # the checklist can be ticked again
    queue.call_next(1)
    queue.finish("A002", 1)
    at(MON, 16, 45)
    again = duty.sign_off(None, "closing", "S01")
    assert DutySignOff.get(DutySignOff.id == again.id).round == 1
    assert duty.closed_for_day(MON) and duty.checklist_history(MON).closing.signed_off.id == again.id
    assert DutySignOff.select().count() == 2 and DutyReopen.select().count() == 1  # both kept


def test_a_day_nobody_signed_off_is_shown_to_the_next_days_leader(by_the_hours):
    duty, queue = by_the_hours
    at(MON, 9)
    queue.take("baby-hukou")
    at(TUE, 8, 30)
    assert duty.unsigned_days() == [MON]
    queue.take("baby-hukou")
    at(TUE, 16, 30)
    queue.call_next(1)
    queue.finish("A001", 1)
    tick_all(duty)
    duty.sign_off(None, "closing", "S01")
    at(TUE + timedelta(days=1), 8, 30)
    assert duty.unsigned_days() == [MON]  # Monday stays unsigned; Tuesday was signed
