"""The 差评 loop: every step appended, who may take it, and what the resident sees."""

from __future__ import annotations

from datetime import date

import pytest

from models.cases.bad_ratings import FollowupRefused
from models.cases.ledger import LedgerFilter, check_projection
from models.cases.public_view import public_view
from models.cases.ratings import rate_by_code
from models.cases.rules import CaseRefused
from models.errors import NotFound
from models.schema.cases import CaseEvent
from tests.bad_ratings.conftest import poor_case
from tests.cases.conftest import at


def _kinds(number: str) -> list[str]:
    from models.cases import find_record

    record = find_record(number)
    return [e.kind for e in CaseEvent.select().where(CaseEvent.case == record.id).order_by(CaseEvent.id)]


def test_an_actual_poor_rating_is_assigned_verified_planned_rectified_and_fed_back(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    assert loops.view(facts.number)["stage"] == "assign"
    assert [row["number"] for row in loops.due()] == [facts.number]
    loops.assign(facts.number, "L01")  # 谁办理谁负责: the handler, by default
    assert loops.view(facts.number)["verifier"] == "S05"
    loops.call(facts.number, "S05", reached=True, note="已电话联系，群众反映等候太久")
    loops.classify(facts.number, "S05", "actual", "高峰期只开一个窗口")
    planned = loops.plan(facts.number, "S05", "高峰期增开窗口", date(2026, 12, 1))
    assert planned.followup == "open" and planned.called_back_at is not None and planned.rectified_at is None
    view = loops.view(facts.number)
    assert (view["stage"], view["plan_due"], view["due"]) == ("rectifying", "2026-12-01", "2026-12-01")
    done = loops.plan_done(facts.number, "S05", "周一、周五上午增开2号窗口")
    assert done.rectified_at is not None and done.followup == "open"
    assert loops.view(facts.number)["stage"] == "tell"
    told = loops.tell(facts.number, "S05", "web")
    assert told.followup == "done"
    assert _kinds(facts.number)[-7:] == [
        "rated",
        "followup_assign",
        "followup_call",
        "followup_classify",
        "followup_plan",
        "followup_plan_done",
        "followup_tell",
    ]
    assert loops.due() == [] and cases.ledger(LedgerFilter(followup=True)).rows == []
    assert [row["stage"] for row in loops.due(include_done=True)] == ["done"]
    check_projection()  # the projection is the fold of the events, loop steps included
    shown = public_view(hall.config, facts.tracking_code)["cases"][0]["followup_result"]
    assert shown == {
        "classification": "actual",
        "disposal": "plan",
        "result": "周一、周五上午增开2号窗口",
        "told": True,
        "can_rate_handling": True,
        "handling_level": None,
    }
    with pytest.raises(FollowupRefused) as finished:
        loops.tell(facts.number, "L01", "phone", "再次告知")
    assert finished.value.key == "loop_done"


def test_the_resident_rates_the_handling_once_and_only_after_being_told(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=True)
    loops.classify(facts.number, "S05", "actual")
    with pytest.raises(FollowupRefused) as early:
        loops.rate_handling(facts.tracking_code, facts.number, "satisfied")
    assert early.value.key == "handling_not_yet"
    loops.fix_now(facts.number, "S05", "已当场致歉并调整叫号顺序")
    assert public_view(hall.config, facts.tracking_code)["cases"][0]["followup_result"]["told"] is False
    loops.tell(facts.number, "L01", "phone", "电话告知整改情况")
    rated = loops.rate_handling(facts.tracking_code, facts.number, "satisfied")
    assert rated.followup == "done"
    assert loops.view(facts.number)["handling_level"] == "satisfied"
    with pytest.raises(FollowupRefused) as again:
        loops.rate_handling(facts.tracking_code, facts.number, "very_satisfied")
    assert again.value.key == "handling_rated"
    assert "已经评价过" in again.value.message("zh") and "already" in again.value.message("en")
    other = poor_case(cases)
    with pytest.raises(FollowupRefused) as wrong:
        loops.rate_handling(other.tracking_code, facts.number, "satisfied")
    assert wrong.value.key == "unknown_case_for_code"


def test_only_a_leader_assigns_and_only_the_verifier_verifies(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    with pytest.raises(FollowupRefused) as clerk:
        loops.assign(facts.number, "S05", "S05")
    assert clerk.value.key == "assign_leader_only"
    with pytest.raises(FollowupRefused) as unassigned:
        loops.call(facts.number, "S05", reached=True)
    assert unassigned.value.key == "not_assigned"
    loops.assign(facts.number, "L01", "S01")
    with pytest.raises(FollowupRefused) as same:
        loops.assign(facts.number, "L02", "S01")
    assert same.value.key == "already_verifier"
    for person in ("S05", "L01", "L02"):  # the handler, and leaders too: whoever verifies records it
        with pytest.raises(FollowupRefused) as other:
            loops.call(facts.number, person, reached=True)
        assert other.value.key == "not_verifier"
    loops.call(facts.number, "S01", reached=True)
    with pytest.raises(FollowupRefused) as twice:
        loops.call(facts.number, "S01", reached=True)
    assert twice.value.key == "already_reached"
    loops.assign(facts.number, "L02", "S05")  # a leader may reassign before the result is fed back
    with pytest.raises(FollowupRefused):
        loops.classify(facts.number, "S01", "actual")
    loops.classify(facts.number, "S05", "actual")
    assert [e for e in _kinds(facts.number) if e == "followup_assign"] == ["followup_assign"] * 2
    with pytest.raises(NotFound):
        loops.assign(facts.number, "L01", "X99")


def test_a_leader_who_verifies_an_unassigned_loop_takes_it_on_himself(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    loops.call(facts.number, "L01", reached=True, note="已回访")
    assert _kinds(facts.number)[-2:] == ["followup_assign", "followup_call"]
    assert loops.view(facts.number)["verifier"] == "L01"


def test_the_class_decides_the_disposal(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    loops.assign(facts.number, "L01")
    with pytest.raises(FollowupRefused) as first:
        loops.classify(facts.number, "S05", "mistaken")
    assert first.value.key == "call_first"
    loops.call(facts.number, "S05", reached=True)
    with pytest.raises(FollowupRefused) as bad:
        loops.classify(facts.number, "S05", "careless")
    assert bad.value.key == "bad_class"
    loops.classify(facts.number, "S05", "actual")
    for step in (
        lambda: loops.explain(facts.number, "S05", "无依据"),
        lambda: loops.appeal(facts.number, "S05", "误评"),
    ):
        with pytest.raises(FollowupRefused) as actual:
            step()
        assert actual.value.key == "not_for_actual"
    loops.classify(facts.number, "S05", "mistaken", "群众点错了评价")  # a class may be changed before disposal
    with pytest.raises(FollowupRefused) as mistaken:
        loops.fix_now(facts.number, "S05", "已整改")
    assert mistaken.value.key == "not_for_mistaken"
    with pytest.raises(FollowupRefused) as empty:
        loops.explain(facts.number, "S05", "  ")
    assert empty.value.key == "result_needed"
    with pytest.raises(CaseRefused) as private:  # the resident's page shows the result: no phone numbers
        loops.explain(facts.number, "S05", "已联系13812345678说明")
    assert private.value.key == "personal_data"
    loops.explain(facts.number, "S05", "群众误点了不满意，已说明")
    assert loops.view(facts.number)["stage"] == "tell"


def test_an_appeal_is_decided_by_another_leader_only(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    loops.call(facts.number, "L01", reached=True)  # L01 verifies it himself
    loops.classify(facts.number, "L01", "malicious", "与办件无关的投诉")
    loops.appeal(facts.number, "L01", "群众表示是为了发泄，与办理无关")
    view = loops.view(facts.number)
    assert (view["stage"], view["appeal_by"], view["next_steps"]) == ("appeal", "L01", ["decide"])
    with pytest.raises(FollowupRefused) as own:
        loops.decide(facts.number, "L01", upheld=True, note="成立")
    assert own.value.key == "own_appeal"
    assert "另一位领导" in own.value.message("zh") and "another leader" in own.value.message("en")
    with pytest.raises(FollowupRefused) as clerk:
        loops.decide(facts.number, "S05", upheld=True, note="成立")
    assert clerk.value.key == "decide_leader_only"
    with pytest.raises(FollowupRefused) as waiting:
        loops.tell(facts.number, "L01", "web")
    assert waiting.value.key == "not_now_appeal"
    loops.decide(facts.number, "L02", upheld=True, note="经复核属恶意差评，不计入")
    view = loops.view(facts.number)
    assert (view["stage"], view["decided_by"], view["excluded"]) == ("tell", "L02", True)
    shown = public_view(hall.config, facts.tracking_code)["cases"][0]["followup_result"]
    assert shown["disposal"] == "appeal_upheld" and shown["result"] == "经复核属恶意差评，不计入"


def test_a_rejected_appeal_leaves_an_actual_poor_rating_to_put_right(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=True)
    loops.classify(facts.number, "S05", "mistaken")
    loops.appeal(facts.number, "S05", "群众点错")
    with pytest.raises(FollowupRefused) as not_verifier:
        loops.decide(facts.number, "S05", upheld=True, note="成立")
    assert not_verifier.value.key == "decide_leader_only"
    loops.decide(facts.number, "L01", upheld=False, note="群众确实等候过久")  # L01 did not ask: he may decide
    view = loops.view(facts.number)
    assert (view["stage"], view["classification"], view["appeal_decision"]) == ("dispose", "actual", "rejected")
    with pytest.raises(FollowupRefused) as again:
        loops.classify(facts.number, "S05", "mistaken")
    assert again.value.key == "appeal_rejected"
    with pytest.raises(FollowupRefused):
        loops.explain(facts.number, "S05", "无依据")
    loops.fix_now(facts.number, "S05", "已向群众致歉")
    assert loops.view(facts.number)["stage"] == "tell"


def test_an_unreached_resident_is_tried_again_before_the_rating_is_unverifiable(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)  # rated on Monday 2026-11-23
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=False, note="无人接听")
    view = loops.view(facts.number)
    assert (view["stage"], view["retry_due"], view["due"], view["attempts"]) == (
        "classify",
        "2026-11-24",
        "2026-11-24",
        1,
    )
    with pytest.raises(FollowupRefused) as only:
        loops.classify(facts.number, "S05", "actual")
    assert only.value.key == "unreached_only_unverifiable"
    with pytest.raises(FollowupRefused) as tries:
        loops.classify(facts.number, "S05", "unverifiable")
    assert tries.value.key == "more_tries" and tries.value.params["tries"] == 3
    loops.call(facts.number, "S05", reached=False, note="关机")
    loops.call(facts.number, "S05", reached=False, note="无人接听")
    loops.classify(facts.number, "S05", "unverifiable", "三次未接通")
    with pytest.raises(FollowupRefused) as no_appeal:
        loops.appeal(facts.number, "S05", "无法联系")
    assert no_appeal.value.key == "not_for_unverifiable"
    loops.explain(facts.number, "S05", "多次联系未接通，已复核办理过程")
    loops.tell(facts.number, "S05", "notice")
    assert loops.view(facts.number)["stage"] == "done"


def test_a_plan_date_is_checked(hall, cases, leaders):
    loops = hall.bad_ratings
    facts = poor_case(cases)
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=True)
    loops.classify(facts.number, "S05", "actual")
    with pytest.raises(FollowupRefused) as past:
        loops.plan(facts.number, "S05", "增开窗口", date(2026, 11, 20))
    assert past.value.key == "plan_in_past"
    with pytest.raises(FollowupRefused) as far:
        loops.plan(facts.number, "S05", "增开窗口", date(2027, 3, 1))
    latest = hall.calendar.add_working_days(date(2026, 11, 23), 30)
    assert far.value.key == "plan_too_far" and far.value.params["latest"] == latest.isoformat()
    loops.plan(facts.number, "S05", "增开窗口")  # default: ten working days
    assert loops.view(facts.number)["plan_due"] == "2026-12-07"


def test_overdue_marks_and_the_leader_list(hall, cases, leaders):
    loops = hall.bad_ratings
    late = poor_case(cases)  # call-back due 11-24, feedback due 12-14 (15 working days)
    at(2026, 11, 24)
    fresh = poor_case(cases, "S01", 1)
    at(2026, 11, 25)
    rows = loops.due()
    assert [row["number"] for row in rows] == [late.number, fresh.number]  # overdue first
    assert rows[0]["overdue"] and rows[0]["marks"] == ["callback"] and not rows[1]["overdue"]
    loops.assign(fresh.number, "L01")
    assert [row["number"] for row in loops.due(verifier="S01")] == [fresh.number]
    assert loops.due(verifier="S05") == []
    loops.assign(late.number, "L01")
    loops.call(late.number, "S05", reached=True)
    loops.classify(late.number, "S05", "actual")
    loops.plan(late.number, "S05", "整改", date(2026, 11, 27))
    at(2026, 11, 30)
    view = loops.view(late.number)
    assert view["overdue"] and view["marks"] == ["plan"]
    at(2026, 12, 15)
    assert loops.view(late.number)["marks"] == ["plan", "feedback"]
    assert cases.report().overdue_followups >= 1  # the month report still counts what is late


def test_a_rating_without_a_poor_level_has_no_loop(hall, cases, leaders):
    facts = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    rate_by_code(cases.config, facts.tracking_code, facts.number, "satisfied", channel="kiosk")
    assert hall.bad_ratings.view(facts.number) is None
    with pytest.raises(FollowupRefused) as none:
        hall.bad_ratings.assign(facts.number, "L01")
    assert none.value.key == "no_followup"
    assert public_view(hall.config, facts.tracking_code)["cases"][0]["followup_result"] is None
