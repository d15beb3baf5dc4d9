"""A/B cover (AB岗) and the automatic pause and resume, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.config import WhereaboutsConfig
from models.errors import Refused
from models.schema import Event, Window
from models.staff.whereabouts import Whereabouts
from tests.whereabouts.conftest import PIN


@pytest.fixture
def where(people):
    return Whereabouts(people.config)


def paused(number: int) -> bool:
    return Window.get(Window.number == number).paused


def cover_of(where, number: int):
    return next(c for c in where.window_cover() if c.window == number)


def events(kind: str, window: int | None = None) -> list[Event]:
    found = list(Event.select().where(Event.kind == kind).order_by(Event.id))
    return [e for e in found if window is None or e.data.get("window") == window]


def test_cover_is_a_then_b_then_nobody(where):
    where.set_state("S01", "on_duty")
    where.set_state("S02", "on_duty")
    one = cover_of(where, 1)
    assert one.cover == "A" and one.covered_by == ("S01",) and one.label() == "A岗在岗"
    assert [(h.staff, h.state) for h in one.a] == [("S01", "on_duty")]
    assert [(h.staff, h.state) for h in one.b] == [("S02", "on_duty")]
    where.set_state("S01", "visiting")
    one = cover_of(where, 1)
    assert (
        one.cover == "B" and one.covered_by == ("S02",) and one.label() == "B岗代岗" and one.label("en") == "B covering"
    )
    assert not paused(1)
    where.set_state("S02", "meeting")
    one = cover_of(where, 1)
    assert one.cover is None and one.label() == "无人在岗"
    assert one.paused and one.auto_paused


def test_windows_for_terminal_are_a_posts_plus_b_posts_being_covered(where):
    # S01 is A at window 1 and B at window 2 (whose A is S03).
    assert where.windows_for_terminal("S01") == [1]
    where.set_state("S01", "on_duty")
    assert where.windows_for_terminal("S01") == [1, 2]  # S03 not on duty: S01 covers 2 as B
    where.set_state("S03", "on_duty")
    assert where.windows_for_terminal("S01") == [1]
    assert where.windows_for_terminal("S03") == [2]
    # S02 is only B at window 1: gets it only while covering.
    where.set_state("S02", "on_duty")
    assert where.windows_for_terminal("S02") == []
    where.set_state("S01", "out")
    assert where.windows_for_terminal("S02") == [1]
    assert where.windows_for_terminal("L01") == []


def test_nobody_on_duty_pauses_the_window_in_the_same_transaction_and_tells_the_leader(where, people):
    where.set_state("S01", "on_duty")
    where.set_state("S02", "on_duty")
    assert not paused(1)
    change = where.set_state("S01", "meeting")
    # Window 1 keeps B; window 2 (S01 was its B cover, its A S03 never came) loses everyone.
    assert change.paused == (2,) and not paused(1) and paused(2)
    change = where.set_state("S02", "out")
    assert change.paused == (1,) and change.cover_lost == (1,)
    assert paused(1)
    pause = events("window.paused", 1)[-1]
    assert pause.ref == Window.get(Window.number == 1).id
    assert pause.data["auto"] is True and pause.data["window"] == 1 and pause.data["reason"]
    lost = events("cover.lost", 1)[-1]
    assert lost.data["window"] == 1 and lost.data["a"] == ["S01"] and lost.data["b"] == ["S02"]
    # The kiosk shows it: no ticket for the only window of the line.
    with pytest.raises(Refused) as error:
        people.queue.take("baby-hukou")
    assert error.value.key == "all_paused"
    # The pause event and the state change were written together (same transaction, adjacent ids).
    change_event = events("whereabouts.changed")[-1]
    assert change_event.id < pause.id < lost.id


def test_back_on_duty_resumes_an_automatic_pause(where, people):
    where.set_state("S01", "on_duty")
    where.set_state("S01", "resting")
    assert paused(1)
    change = where.set_state("S02", "on_duty")  # B back first
    assert change.resumed == (1,) and not paused(1)
    resume = events("window.resumed", 1)[-1]
    assert resume.data["auto"] is True and resume.data["cover"] == "B"
    assert people.queue.take("baby-hukou").number == "A001"
    changed = [e.data["cover"] for e in events("cover.changed", 1)]
    assert changed == ["A", None, "B"]


def test_a_manual_pause_is_not_resumed_automatically(where, people):
    where.set_state("S01", "on_duty")
    people.queue.pause(1, "S01", reason="系统维护")
    where.set_state("S01", "out")  # nobody on duty; already paused by a person: left alone
    assert paused(1)
    assert not events("window.paused", 1)[-1].data.get("auto")
    change = where.set_state("S01", "on_duty")
    assert change.resumed == (2,) and paused(1)  # 2 had been paused by the rule (S01 is its B); 1 by a person
    assert not cover_of(where, 1).auto_paused
    people.queue.resume(1, "S01")
    assert not paused(1)


def test_a_manual_resume_of_an_automatic_pause_and_the_next_pause(where, people):
    where.set_state("S04", "on_duty")
    where.set_state("S04", "out")
    assert paused(3)
    people.queue.resume(3, "L01")  # a leader opens it by hand
    where.set_state("S04", "visiting")  # still nobody: the rule pauses it again
    assert paused(3)
    where.set_state("S04", "on_duty")
    assert not paused(3)


def test_the_rule_can_be_turned_off(people):
    config = replace(people.config, whereabouts=WhereaboutsConfig(auto_pause=False))
    where = Whereabouts(config)
    where.set_state("S04", "on_duty")
    change = where.set_state("S04", "out")
    assert change.paused == () and not paused(3)
    assert change.cover_lost == (3,)  # the leader is still told


def test_a_window_without_posts_is_left_alone(where):
    where.set_state("S01", "on_duty")
    where.set_state("S01", "resting")
    five = cover_of(where, 5)
    assert five.a == () and five.b == () and five.cover is None and not five.paused


def test_b_covering_two_windows_and_a_change_touching_both(where):
    from models.staff import add_staff

    add_staff("S05", "钱五", PIN, posts=[(4, "A"), (5, "A")])
    where.set_state("S05", "on_duty")
    assert not paused(4) and not paused(5)
    change = where.set_state("S05", "out")
    assert change.paused == (4, 5) and paused(4) and paused(5)
    change = where.set_state("S05", "on_duty")
    assert change.resumed == (4, 5)


def test_a_and_b_leaving_at_the_same_moment_still_pause_the_window(where):
    """The second change waits for the first (row locks on PostgreSQL, the write lock on
    SQLite), so it sees the first one's state and neither thinks the other stays."""
    import threading
    import time

    from models.db import database

    where.set_state("S01", "on_duty")
    where.set_state("S02", "on_duty")
    first_inside = threading.Event()
    errors = []

    def a_leaves():
        try:
            with database.atomic():
                where.set_state("S01", "out")
                first_inside.set()
                time.sleep(0.5)  # the other change starts while this one is open
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.close()

    def b_leaves():
        try:
            first_inside.wait(5)
            where.set_state("S02", "out")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=a_leaves), threading.Thread(target=b_leaves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    assert paused(1)
    assert cover_of(where, 1).auto_paused
