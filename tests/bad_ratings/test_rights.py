"""What a terminal offers of a 差评 loop is what the models would accept."""

from __future__ import annotations

import pytest

from models.cases.bad_ratings import FollowupRefused
from models.cases.bad_ratings.rights import followup_steps
from models.staff.signin import Shift
from tests.bad_ratings.conftest import poor_case

LEADER = Shift("L01", "马站长", "leader", 6, ())
OTHER_LEADER = Shift("L02", "赵书记", "leader", 6, ())
HANDLER = Shift("S05", "陈静", "staff", 6, (5, 6))
CLERK = Shift("S01", "王芳", "staff", 1, (1,))


def test_each_person_is_offered_the_steps_that_are_theirs(hall, cases, leaders):
    loops = hall.bad_ratings
    number = poor_case(cases).number

    def offered(shift: Shift) -> list[str]:
        return followup_steps(shift, loops.view(number))

    assert (offered(LEADER), offered(HANDLER), offered(CLERK)) == (["assign"], [], [])
    loops.assign(number, "L01")
    assert (offered(LEADER), offered(HANDLER)) == (["assign"], ["call"])
    loops.call(number, "S05", reached=True)
    assert offered(HANDLER) == ["classify"]  # reached: no more tries offered
    loops.classify(number, "S05", "mistaken")
    assert offered(HANDLER) == ["classify", "explain", "appeal"]
    loops.appeal(number, "S05", "群众点错")
    assert (offered(LEADER), offered(OTHER_LEADER), offered(HANDLER)) == (["decide"], ["decide"], [])
    loops.decide(number, "L01", upheld=False, note="不成立")
    assert offered(HANDLER) == ["fix_now", "plan"]  # an actual one now, its class fixed
    loops.plan(number, "S05", "增开窗口")
    assert (offered(HANDLER), offered(CLERK)) == (["plan_done"], [])
    loops.plan_done(number, "S05", "已增开窗口")
    assert (offered(LEADER), offered(HANDLER), offered(CLERK)) == (["tell"], ["tell"], [])
    with pytest.raises(FollowupRefused):
        loops.tell(number, "S01", "web")
    loops.tell(number, "S05", "web")
    assert offered(LEADER) == []


def test_a_leader_is_offered_the_appeal_he_asked_for_to_no_one_but_another(hall, cases, leaders):
    loops = hall.bad_ratings
    number = poor_case(cases).number
    loops.call(number, "L01", reached=True)
    loops.classify(number, "L01", "malicious")
    loops.appeal(number, "L01", "与办件无关")
    assert followup_steps(LEADER, loops.view(number)) == []
    assert followup_steps(OTHER_LEADER, loops.view(number)) == ["decide"]
