"""Duty: the roster, swaps, the checklists and the closing sign-off, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from peewee import DatabaseError

import models.duty.checklists
from models.config import DutyConfig
from models.db import database
from models.duty import Duty
from models.errors import Refused, StaffRefused
from models.queue import Queue
from models.schema import Event, Staff
from models.schema.duty import ChecklistTick, DutySignOff, DutySwap
from models.staff import add_staff
from models.staff.whereabouts import Whereabouts
from tests.whereabouts.conftest import PIN, at

MON = date(2026, 11, 23)
SAT = date(2026, 11, 28)


@pytest.fixture
def duty(people):
    return Duty(people.config)


def tick_all(duty, checklist: str, staff: str = "S01", day=None) -> None:
    for index in range(len(duty.items(checklist))):
        duty.tick(day, checklist, index, staff)


# --- the roster ---------------------------------------------------------------------


def test_the_rotation_is_deterministic_and_goes_round_the_active_staff(duty):
    week = duty.roster(MON, 8)
    people = [d.staff[0] for d in week]
    assert set(people) == {"S01", "S02", "S03", "S04"}  # the leader is not in the staff rotation
    order = ["S01", "S02", "S03", "S04"]
    start = order.index(people[0])
    assert people == [order[(start + i) % 4] for i in range(8)]
    assert [d.staff for d in duty.roster(MON + timedelta(days=3), 2)] == [d.staff for d in week[3:5]]
    assert duty.roster(MON, 8) == week
    assert all(d.leader == "L01" for d in week)
    assert duty.on_duty(MON) == week[0]


def test_hours_of_a_working_day_and_of_weekend_duty(duty):
    monday, saturday = duty.on_duty(MON), duty.on_duty(SAT)
    assert monday.working_day and monday.hours == ((time(8), time(11)), (time(13, 30), time(16, 30)))
    assert monday.arrive_by == time(7, 50)  # at least ten minutes early
    assert not saturday.working_day and saturday.hours == ((time(9), time(16)),)  # 003 §6: 9:00-16:00
    assert saturday.arrive_by == time(9)
    assert saturday.staff  # one person on duty at the weekend


def test_without_weekend_duty_only_working_days_count(people):
    config = replace(people.config, duty=DutyConfig(weekend_duty=False))
    duty = Duty(config)
    week = duty.roster(MON, 14)
    assert [d.staff for d in week if not d.working_day] == [()] * 4
    working = [d.staff[0] for d in week if d.working_day]
    order = ["S01", "S02", "S03", "S04"]
    start = order.index(working[0])
    assert working == [order[(start + i) % 4] for i in range(10)]  # no turn lost over the weekend


def test_two_a_day_and_leaders_in_the_rotation(people):
    add_staff("L02", "陈副站长", PIN, role="leader")
    duty = Duty(replace(people.config, duty=DutyConfig(per_day=2)))
    days = duty.roster(MON, 4)
    assert all(len(d.staff) == 2 and len(set(d.staff)) == 2 for d in days)
    assert {d.leader for d in days} == {"L01", "L02"}
    with_leaders = Duty(replace(people.config, duty=DutyConfig(include_leaders=True)))
    assert {d.staff[0] for d in with_leaders.roster(MON, 6)} == {"L01", "L02", "S01", "S02", "S03", "S04"}


def test_a_swap_is_a_new_row_and_swaps_stack(duty):
    day = MON + timedelta(days=1)
    original = duty.on_duty(day).staff[0]
    other = next(c for c in ("S01", "S02", "S03", "S04") if c != original)
    third = next(c for c in ("S01", "S02", "S03", "S04") if c not in (original, other))
    swapped = duty.swap(day, original, other, "家里有事")
    assert swapped.staff == (other,) and swapped.rotation == (original,)
    assert [(s.from_staff, s.to_staff, s.reason) for s in swapped.swaps] == [(original, other, "家里有事")]
    again = duty.swap(day, other, third, "又换")
    assert again.staff == (third,) and len(again.swaps) == 2
    assert DutySwap.select().count() == 2
    assert duty.on_duty(day + timedelta(days=1)).swaps == ()  # other days untouched
    assert [d.staff for d in duty.roster(day, 1)] == [(third,)]
    assert Event.select().where(Event.kind == "duty.swapped").count() == 2


def test_swap_rules(duty):
    on_duty = duty.on_duty(MON).staff[0]
    off = next(c for c in ("S01", "S02", "S03", "S04") if c != on_duty)
    with pytest.raises(StaffRefused) as error:
        duty.swap(MON, off, on_duty, "x")
    assert error.value.key == "not_on_duty_that_day"
    with pytest.raises(StaffRefused) as error:
        duty.swap(MON, on_duty, on_duty, "x")
    assert error.value.key == "already_on_duty_that_day"
    with pytest.raises(StaffRefused) as error:
        duty.swap(MON, on_duty, off, "  ")
    assert error.value.key == "swap_reason_needed"
    add_staff("L02", "陈副站长", PIN, role="leader")
    with pytest.raises(StaffRefused) as error:
        duty.swap(MON, duty.on_duty(MON).leader, off, "开会")
    assert error.value.key == "not_leader"
    leader = duty.on_duty(MON).leader
    other_leader = "L02" if leader == "L01" else "L01"
    assert duty.swap(MON, leader, other_leader, "开会").leader == other_leader


def test_the_roster_flags_duty_people_on_leave(duty, people):
    day = MON + timedelta(days=2)
    person = duty.on_duty(day).staff[0]
    stand_in = next(c for c in ("S01", "S02", "S03", "S04") if c != person)
    where = Whereabouts(people.config)
    request = where.request_leave(person, day, day, "病假", stand_in)
    assert duty.on_duty(day).on_leave == ()  # not approved yet
    where.approve_leave(request.id, "L01")
    assert duty.on_duty(day).on_leave == (person,)


# --- checklists ------------------------------------------------------------------------


def test_ticks_record_who_when_and_problems(duty, people):
    at(MON, 7, 50)
    first = duty.tick(MON, "opening", 0, "S01")
    assert first.item_text == people.config.opening_checklist[0] and first.staff == "S01"
    at(MON, 7, 55)
    duty.tick(None, "opening", 1, "S02", problem="大厅地面有积水")
    history = duty.checklist_history(MON)
    items = history.opening.items
    assert items[0].ticked and items[0].staff == "S01" and items[0].at.hour == 23  # 7:50 Shanghai is 23:50 UTC
    assert items[1].problem == "大厅地面有积水" and items[1].staff == "S02"
    assert not items[2].ticked and history.opening.missing == (2, 3)
    at(MON, 8, 0)
    duty.tick(MON, "opening", 1, "S03")  # ticked again: a new row; the latest is shown
    again = duty.checklist_history(MON).opening.items[1]
    assert again.staff == "S03" and again.problem == "" and len(again.ticks) == 2
    assert ChecklistTick.select().count() == 3
    assert Event.select().where(Event.kind == "duty.ticked").count() == 3


def test_tick_rules(duty):
    with pytest.raises(StaffRefused) as error:
        duty.tick(MON, "opening", 99, "S01")
    assert error.value.key == "bad_item" and "第100项" in error.value.message()  # items are counted from 1 for people
    with pytest.raises(StaffRefused) as error:
        duty.tick(MON, "lunch", 0, "S01")
    assert error.value.key == "bad_checklist"
    with pytest.raises(StaffRefused) as error:
        duty.tick(MON + timedelta(days=1), "opening", 0, "S01")
    assert error.value.key == "future_day"
    duty.tick(MON - timedelta(days=3), "closing", 0, "S01")  # a past day, entered from paper afterwards


def test_closing_sign_off_waits_for_everyone_and_then_the_kiosk_stops(duty, people):
    queue = people.queue
    tick_all(duty, "closing")
    first = queue.take("baby-hukou")
    queue.take("baby-hukou")
    with pytest.raises(StaffRefused) as error:
        duty.sign_off(MON, "closing", "S01")
    assert error.value.key == "tickets_open" and error.value.params["count"] == 2
    assert "2" in error.value.message() and "2 residents" in error.value.message("en")
    queue.call_next(1)
    queue.finish(first.number, 1)
    queue.call_next(1)  # the second is being served
    with pytest.raises(StaffRefused) as error:
        duty.sign_off(MON, "closing", "S01")
    assert error.value.params["count"] == 1
    queue.finish("A002", 1)
    signed = duty.sign_off(MON, "closing", "S01", note="一切正常")
    assert signed.checklist == "closing" and signed.staff == "S01"
    assert duty.closed_for_day(MON)
    # The kiosk issues nothing more today …
    with pytest.raises(Refused) as error:
        queue.take("baby-hukou")
    assert error.value.key == "closed_for_day"
    assert "11月24日 08:00" in error.value.message() and "下班了" not in error.value.message()
    assert "from" in error.value.message("en")
    with pytest.raises(StaffRefused) as error:
        duty.sign_off(MON, "closing", "S02")
    assert error.value.key == "already_signed"
    with pytest.raises(StaffRefused) as error:
        duty.tick(MON, "closing", 0, "S02")
    assert error.value.key == "already_signed"
    # … and issues again the next day.
    at(MON + timedelta(days=1), 8, 30)
    assert queue.take("baby-hukou").number == "A001"
    assert Event.select().where(Event.kind == "duty.signed_off").count() == 1


def _in_thread(work, outcome: dict, key: str) -> threading.Thread:
    """Run ``work`` on its own connection; ``outcome[key]`` is its result or the refusal's key."""

    def run():
        with database.connection_context():
            try:
                outcome[key] = work()
            except Refused as exc:
                outcome[key] = exc.key

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_ticket_being_written_holds_up_the_closing_sign_off_which_then_counts_it(duty, people, monkeypatch):
    tick_all(duty, "closing")
    written, release = threading.Event(), threading.Event()
    issue = Queue._issue

    def issue_then_hold(self, *args):
        out = issue(self, *args)
        written.set()
        release.wait(10)
        return out

    monkeypatch.setattr(Queue, "_issue", issue_then_hold)
    outcome = {}
    taker = _in_thread(lambda: people.queue.take("baby-hukou").number, outcome, "take")
    try:
        assert written.wait(10)
        signer = _in_thread(lambda: duty.sign_off(MON, "closing", "S01").checklist, outcome, "sign")
        signer.join(0.5)
        assert signer.is_alive() and "sign" not in outcome  # waits for the ticket's transaction
    finally:
        release.set()
    taker.join(10), signer.join(10)
    assert outcome == {"take": "A001", "sign": "tickets_open"}
    assert not duty.closed_for_day(MON)


def test_a_ticket_asked_for_during_the_closing_sign_off_is_refused_once_it_lands(duty, people, monkeypatch):
    tick_all(duty, "closing")
    counted, release = threading.Event(), threading.Event()
    count = models.duty.checklists.open_tickets

    def count_then_hold(day):
        out = count(day)
        counted.set()
        release.wait(10)
        return out

    monkeypatch.setattr(models.duty.checklists, "open_tickets", count_then_hold)
    outcome = {}
    signer = _in_thread(lambda: duty.sign_off(MON, "closing", "S01").checklist, outcome, "sign")
    try:
        assert counted.wait(10)
        taker = _in_thread(lambda: people.queue.take("baby-hukou").number, outcome, "take")
        taker.join(0.5)
        assert taker.is_alive() and "take" not in outcome  # waits for the sign-off's transaction
    finally:
        release.set()
    signer.join(10), taker.join(10)
    assert outcome == {"sign": "closing", "take": "closed_for_day"}
    assert count(MON) == 0  # no ticket slipped in behind the sign-off


def test_sign_off_needs_every_item_and_opening_does_not_stop_the_kiosk(duty, people):
    duty.tick(MON, "closing", 0, "S01")
    with pytest.raises(StaffRefused) as error:
        duty.sign_off(MON, "closing", "S01")
    assert error.value.key == "checklist_incomplete" and "2、3" in error.value.message()
    tick_all(duty, "opening")
    duty.sign_off(MON, "opening", "S01")
    assert not duty.closed_for_day(MON)
    assert people.queue.take("baby-hukou").number == "A001"
    history = duty.checklist_history(MON)
    assert history.opening.signed_off.staff == "S01" and history.closing.signed_off is None


def test_the_history_says_whether_the_duty_person_signed(duty):
    on_duty = duty.on_duty(MON).staff[0]
    other = next(c for c in ("S01", "S02", "S03", "S04") if c != on_duty)
    tick_all(duty, "opening", on_duty)
    assert duty.sign_off(MON, "opening", on_duty).by_duty_person
    tick_all(duty, "closing", other)
    assert not duty.sign_off(MON, "closing", other).by_duty_person


def test_the_leaders_log(duty):
    with pytest.raises(StaffRefused) as error:
        duty.log_problem("S01", "饮水机坏了")
    assert error.value.key == "not_leader"
    problem = duty.log_problem("L01", "饮水机坏了", MON)
    other = duty.log_problem("L01", "3号窗口打印机卡纸")
    assert [p.id for p in duty.open_problems()] == [problem.id, other.id]
    at(MON + timedelta(days=1), 10, 0)
    fix = duty.log_fix(problem.id, "L01", "已报修，换了新的")
    assert fix.problem_id == problem.id and fix.day == MON + timedelta(days=1)
    with pytest.raises(StaffRefused) as error:
        duty.log_fix(fix.id, "L01", "修的是修理")
    assert error.value.key == "unknown_problem"
    with pytest.raises(StaffRefused) as error:
        duty.log_problem("L01", " ")
    assert error.value.key == "log_text_needed"
    log = duty.checklist_history(MON).log
    assert [e.text for e in log] == ["饮水机坏了", "3号窗口打印机卡纸"]
    assert log[0].fixed and log[0].fixes[0].text == "已报修，换了新的" and not log[1].fixed
    assert [e.kind for e in duty.log(MON + timedelta(days=1))] == ["fix"]
    assert [p.id for p in duty.open_problems()] == [other.id]


def test_duty_history_is_append_only(duty):
    tick_all(duty, "opening")
    duty.sign_off(MON, "opening", "S01")
    for statement in (
        ChecklistTick.delete(),
        DutySignOff.delete(),
        DutySignOff.update(staff=Staff.get(Staff.code == "S02")),
    ):
        with pytest.raises(DatabaseError), database.atomic():
            statement.execute()
    assert DutySignOff.select().count() == 1
