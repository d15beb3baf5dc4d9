"""The whereabouts board and leave, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from peewee import DatabaseError

from models import clock
from models.db import database
from models.errors import NotFound, StaffRefused
from models.schema import Event, Staff
from models.schema.whereabouts import LeaveDecision, WhereaboutsChange
from models.staff.whereabouts import Whereabouts
from tests.conftest import SHANGHAI
from tests.whereabouts.conftest import at

MON = date(2026, 11, 23)


@pytest.fixture
def where(people):
    return Whereabouts(people.config)


def test_everyone_starts_not_in_and_every_change_is_a_row(where):
    assert where.state_of("S01").state == "not_in"
    at(MON, 8, 0)
    first = where.set_state("S01", "on_duty")
    at(MON, 9, 30)
    second = where.set_state("S01", "visiting", note="走访3栋", back_at=datetime(2026, 11, 23, 11, 0, tzinfo=SHANGHAI))
    assert (first.from_state, first.to_state) == ("not_in", "on_duty")
    assert (second.from_state, second.to_state) == ("on_duty", "visiting")
    rows = list(WhereaboutsChange.select().order_by(WhereaboutsChange.id))
    assert [(r.from_state, r.to_state) for r in rows] == [("not_in", "on_duty"), ("on_duty", "visiting")]
    assert rows[1].back_at == datetime(2026, 11, 23, 3, 0)  # stored as naive UTC
    assert rows[1].at == datetime(2026, 11, 23, 1, 30)
    kinds = [e.kind for e in Event.select().where(Event.kind == "whereabouts.changed")]
    assert len(kinds) == 2
    history = where.history("S01")
    assert [h["to_state"] for h in history] == ["visiting", "on_duty"]


def test_unknown_state_staff_and_inactive_are_refused(where):
    with pytest.raises(StaffRefused) as error:
        where.set_state("S01", "lunch")
    assert error.value.key == "bad_state" and "lunch" in error.value.message()
    with pytest.raises(NotFound):
        where.set_state("NOPE", "on_duty")
    Staff.update(active=False).where(Staff.code == "S04").execute()
    with pytest.raises(StaffRefused) as error:
        where.set_state("S04", "on_duty")
    assert error.value.key == "staff_inactive" and "S04" in error.value.message("en")


def test_history_is_append_only_in_the_database(where):
    where.set_state("S01", "on_duty")
    with pytest.raises(DatabaseError), database.atomic():
        WhereaboutsChange.update(to_state="out").execute()
    with pytest.raises(DatabaseError), database.atomic():
        WhereaboutsChange.delete().execute()
    assert WhereaboutsChange.get().to_state == "on_duty"


def test_board_groups_by_line_shows_time_in_state_and_overdue(where):
    at(MON, 8, 0)
    where.set_state("S01", "on_duty")
    where.set_state("S02", "out", note="区里开会材料", back_at=where.back_at_today("09:00"))
    where.set_state("S03", "meeting", back_at=where.back_at_today("10:00"))
    at(MON, 9, 20)
    board = where.board()
    by_line = {g.line: g for g in board.groups}
    # Window 1 serves 计生 (jisheng), window 2 劳保 (laobao), window 3 民政 (minzheng).
    assert [p.staff for p in by_line["jisheng"].people] == ["S01", "S02"]
    assert [p.post_role for p in by_line["jisheng"].people] == ["A", "B"]
    assert [p.staff for p in by_line["laobao"].people] == ["S03", "S01"]
    assert [(p.staff, p.post_role) for p in by_line["minzheng"].people] == [("S04", "A")]
    assert by_line[None].name == "未分岗位" and [p.staff for p in by_line[None].people] == ["L01"]
    s01 = next(p for p in board.people if p.staff == "S01")
    assert s01.state == "on_duty" and s01.minutes == 80 and not s01.overdue
    s02 = next(p for p in board.people if p.staff == "S02")
    assert s02.overdue and s02.overdue_minutes == 20 and s02.note == "区里开会材料"
    s03 = next(p for p in board.people if p.staff == "S03")
    assert not s03.overdue and s03.label() == "开会" and s03.label("en") == "meeting"
    assert [p.staff for p in board.overdue] == ["S02"]
    s04 = next(p for p in board.people if p.staff == "S04")
    assert s04.state == "not_in" and s04.since is None
    data = board.as_dict("en")
    assert data["overdue"][0]["staff"] == "S02" and data["overdue"][0]["label"] == "out"


def test_on_duty_clears_the_expected_return(where):
    where.set_state("S02", "out", back_at=where.back_at_today("09:00"))
    change = where.set_state("S02", "on_duty", back_at=where.back_at_today("10:00"))
    assert change.back_at is None
    assert where.state_of("S02").back_at is None


def test_leave_needs_a_leaders_approval_and_a_stand_in(where):
    at(MON, 8, 0)
    with pytest.raises(StaffRefused) as error:
        where.set_state("S02", "leave")
    assert error.value.key == "leave_not_approved"
    request = where.request_leave("S02", MON, MON + timedelta(days=1), "看病", "S01")
    assert request.status == "pending" and request.stand_in == "S01"
    assert request.starts_at == datetime(2026, 11, 22, 16, 0)  # local midnight, in UTC
    assert request.ends_at == datetime(2026, 11, 24, 16, 0)  # the last day included
    with pytest.raises(StaffRefused) as error:
        where.set_state("S02", "leave")
    assert error.value.key == "leave_not_approved"
    with pytest.raises(StaffRefused) as error:
        where.approve_leave(request.id, "S03")
    assert error.value.key == "not_leader"
    approved = where.approve_leave(request.id, "L01")
    assert approved.status == "approved" and approved.decided_by == "L01"
    with pytest.raises(StaffRefused) as error:
        where.approve_leave(request.id, "L01")
    assert error.value.key == "leave_decided"
    change = where.set_state("S02", "leave")
    assert change.leave_id == request.id and change.back_at == request.ends_at
    presence = where.state_of("S02")
    assert presence.state == "leave"
    board = where.board()
    assert next(p for p in board.people if p.staff == "S02").stand_in == "S01"
    kinds = [e.kind for e in Event.select().where(Event.kind.startswith("leave."))]
    assert kinds == ["leave.requested", "leave.approved"]
    assert LeaveDecision.select().count() == 1


def test_leave_outside_its_period_or_refused_does_not_allow_the_state(where):
    at(MON, 8, 0)
    later = where.request_leave("S02", MON + timedelta(days=3), MON + timedelta(days=3), "家事", "S01")
    where.approve_leave(later.id, "L01")
    refused = where.request_leave("S03", MON, MON, "私事", "S01")
    assert where.refuse_leave(refused.id, "L01", note="人手不足").status == "refused"
    for code in ("S02", "S03"):
        with pytest.raises(StaffRefused):
            where.set_state(code, "leave")
    at(MON + timedelta(days=3), 9, 0)
    assert where.set_state("S02", "leave").to_state == "leave"
    assert [i.status for i in where.leaves()] == ["refused", "approved"]
    assert [i.id for i in where.leaves(status="approved")] == [later.id]


def test_leave_request_rules(where):
    with pytest.raises(StaffRefused) as error:
        where.request_leave("S02", MON, MON, "", "S01")
    assert error.value.key == "leave_reason_needed"
    with pytest.raises(StaffRefused) as error:
        where.request_leave("S02", MON, MON, "病", "S02")
    assert error.value.key == "stand_in_self"
    with pytest.raises(StaffRefused) as error:
        where.request_leave("S02", MON, MON, "病", " ")
    assert error.value.key == "stand_in_needed" and "代岗" in error.value.message()
    with pytest.raises(StaffRefused) as error:
        where.request_leave("S02", MON + timedelta(days=2), MON, "病", "S01")
    assert error.value.key == "leave_bad_period"
    own = where.request_leave("L01", MON, MON, "开会", "S01")
    with pytest.raises(StaffRefused) as error:
        where.approve_leave(own.id, "L01")
    assert error.value.key == "own_leave"
    first = where.request_leave("S01", MON, MON, "病", "S03")
    where.approve_leave(first.id, "L01")
    with pytest.raises(StaffRefused) as error:
        where.request_leave("S02", MON, MON, "病", "S01")
    assert error.value.key == "stand_in_on_leave"
    with pytest.raises(StaffRefused) as error:
        where.approve_leave(9999, "L01")
    assert error.value.key == "unknown_leave"


def test_leave_with_times(where):
    start = datetime(2026, 11, 23, 13, 30, tzinfo=SHANGHAI)
    request = where.request_leave("S02", start, start + timedelta(hours=3), "孩子家长会", "S01")
    where.approve_leave(request.id, "L01")
    at(MON, 13, 29)
    with pytest.raises(StaffRefused):
        where.set_state("S02", "leave")
    at(MON, 13, 30)
    assert where.set_state("S02", "leave").back_at == clock.to_utc(start + timedelta(hours=3))


def test_a_leader_can_set_someone_elses_state(where):
    change = where.set_state("S04", "out", note="临时外出", by="L01")
    assert change.set_by == "L01"
    assert WhereaboutsChange.get().set_by.code == "L01"


def test_a_terminal_lists_only_the_leave_that_concerns_its_clerk(where):
    from types import SimpleNamespace

    mine = where.request_leave("S02", MON, MON, "病", "S01")
    other = where.request_leave("S03", MON, MON, "家事", "S04")
    clerk = SimpleNamespace(code="S01", is_leader=False)  # the stand-in of the first
    leader = SimpleNamespace(code="L01", is_leader=True)
    assert [lv.id for lv in where.leaves_seen_by(clerk)] == [mine.id]
    assert {lv.id for lv in where.leaves_seen_by(leader)} == {mine.id, other.id}
