"""The leader's supervisor view as the models read it: windows, lines, alarms, and its actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from models import clock
from models.config import ConfigError, StandardsConfig, parse_config
from models.errors import Refused
from tests.staff.helpers import MORNING, take


def later(minutes: int) -> None:
    clock.set_now(MORNING + timedelta(minutes=minutes))


def test_only_leaders_look_or_act(staffed):
    with pytest.raises(Refused) as refused:
        staffed.supervisor.view("S01")
    assert refused.value.key == "supervise_leader_only"
    with pytest.raises(Refused):
        staffed.supervisor.pause("S05", 3)
    assert staffed.supervisor.view("L01").windows


def test_who_serves_whom_and_for_how_long(staffed):
    staffed.whereabouts.set_state("S05", "on_duty")
    first, _second = take(staffed, "rural-dibao", "rural-dibao")
    staffed.queue.call_next(3, "S05")
    later(7)
    view = staffed.supervisor.view("L01")
    three = next(w for w in view.windows if w.number == 3)
    assert (three.current, three.served_by, three.current_minutes) == (first, "陈静", 7)
    assert three.on_duty == ("陈静",) and three.cover == "A"
    assert three.waiting == 1 and three.alarms == ()


def test_nobody_signed_in_with_people_waiting_is_flagged(staffed):
    take(staffed, "baby-hukou", "baby-hukou")  # window 1: S01 has not come in
    view = staffed.supervisor.view("L01")
    one = next(w for w in view.windows if w.number == 1)
    assert one.alarms == ("nobody_in",)
    assert any(a.kind == "nobody_in" and a.window == 1 and a.waiting == 2 for a in view.alarms)


def test_an_idle_window_with_people_waiting(staffed):
    staffed.whereabouts.set_state("S01", "on_duty")
    take(staffed, "baby-hukou")
    one = next(w for w in staffed.supervisor.view("L01").windows if w.number == 1)
    assert one.alarms == ("idle",)


def test_a_wait_over_the_lines_standard(staffed):
    staffed.supervisor.config = replace(
        staffed.config, standards=StandardsConfig(wait_minutes=30, lines=(("jisheng", 10),))
    )
    number = take(staffed, "baby-hukou")[0]
    take(staffed, "rural-dibao")
    later(11)
    view = staffed.supervisor.view("L01")
    jisheng = next(line for line in view.lines if line.code == "jisheng")
    minzheng = next(line for line in view.lines if line.code == "minzheng")
    assert (jisheng.standard_minutes, jisheng.longest_minutes, jisheng.over) == (10, 11, True)
    assert (minzheng.standard_minutes, minzheng.over) == (30, False)
    assert [a for a in view.alarms if a.kind == "wait_over"][0].number == number


def test_a_priority_resident_waiting_long_at_a_paused_window(staffed):
    staffed.whereabouts.set_state("S05", "on_duty")
    number = staffed.queue.take("rural-dibao", priority=True).number
    staffed.queue.pause(3, "S05", "午休")
    later(14)
    assert not [a for a in staffed.supervisor.view("L01").alarms if a.kind == "priority_paused"]
    later(29)
    alarm = staffed.supervisor.view("L01").alarms[0]
    assert (alarm.kind, alarm.window, alarm.number, alarm.minutes) == ("priority_paused", 3, number, 29)


def test_pause_resume_and_reassign_by_a_leader(staffed):
    staffed.supervisor.pause("L01", 3, "督导")
    assert next(w for w in staffed.supervisor.view("L01").windows if w.number == 3).paused
    staffed.supervisor.resume("L01", 3)
    first, second = take(staffed, "rural-dibao", "rural-dibao")
    moved = staffed.supervisor.reassign("L01", "minzheng", to_window=6, note="3号窗口人多")
    assert moved == [first, second]
    from models.schema import Ticket

    tickets = list(Ticket.select().where(Ticket.number.in_(moved)).order_by(Ticket.id))
    assert {t.target_window.number for t in tickets} == {6}
    assert all(t.transfers == 1 and t.arrival_at == t.issued_at for t in tickets)  # the place in line is kept
    with pytest.raises(Refused) as refused:
        staffed.supervisor.reassign("L01", "laobao", to_line="minzheng")
    assert refused.value.key == "reassign_nobody"
    with pytest.raises(Refused):
        staffed.supervisor.reassign("S01", "jisheng", to_line="minzheng")


def test_the_standards_are_typed():
    config = parse_config({"standards": {"wait_minutes": 20, "lines": {"jisheng": 15}}})
    assert config.standards.wait_standard("jisheng") == 15
    assert config.standards.wait_standard("laobao") == 20
    with pytest.raises(ConfigError, match=r"standards.lines.jisheng: must be a whole number of minutes"):
        parse_config({"standards": {"lines": {"jisheng": "soon"}}})
    with pytest.raises(ConfigError, match="standards.lines: must be a table"):
        parse_config({"standards": {"lines": [15]}})
