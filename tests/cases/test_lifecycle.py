"""A case's life after acceptance: supplement, extension, completion, notice, publication, corrections."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.cases.ledger import check_projection
from models.cases.rules import CaseRefused
from models.schema.cases import CaseEvent, ContactAccess
from tests.cases.conftest import at
from tests.conftest import SHANGHAI


def _materials(item_code: str) -> list[str]:
    from models.schema import Item

    return [m["name"] for m in Item.get(Item.code == item_code).data["materials"]]


def test_supplement_lists_everything_and_restarts_the_clock(hall, cases):
    at(2026, 11, 23)  # Monday
    names = _materials("hukou-in")
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    assert facts.due_date == date(2026, 11, 30)
    facts = cases.supplement(facts.number, "S01", missing=names[:2], other=["单位开具的在职证明"])
    assert facts.state == "waiting_materials" and facts.kind == "supplement"
    assert facts.missing == names[:2] + ["单位开具的在职证明"]
    assert facts.due_date is None  # the clock stops while the resident gathers them
    with pytest.raises(CaseRefused) as waiting:
        cases.complete(facts.number, "S01")
    assert waiting.value.key == "state_waiting_materials"
    with pytest.raises(CaseRefused):
        cases.extend(facts.number, "S01", "2026-12-31", "等待材料")
    at(2026, 12, 3, 15)  # Thursday: the materials are complete
    facts = cases.materials_received(facts.number, "S01")
    assert facts.state == "in_progress" and facts.missing == []
    assert facts.due_date == date(2026, 12, 10)  # Thursday + 5 working days, not from 11-23
    with pytest.raises(CaseRefused) as again:
        cases.materials_received(facts.number, "S01")
    assert again.value.key == "state_in_progress"
    assert check_projection() == []


def test_supplement_at_opening_needs_materials_from_the_catalogue(hall, cases):
    names = _materials("hukou-in")
    with pytest.raises(CaseRefused) as empty:
        cases.open_case(staff="S01", item="hukou-in", kind="supplement", window=1)
    assert empty.value.key == "missing_needed"
    with pytest.raises(CaseRefused) as unknown:
        cases.open_case(staff="S01", item="hukou-in", kind="supplement", window=1, missing=["不存在的证件"])
    assert unknown.value.key == "unknown_material"
    facts = cases.open_case(staff="S01", item="hukou-in", kind="supplement", window=1, missing=names)
    assert facts.missing == names and facts.supplement
    assert cases.get(facts.number).state == "waiting_materials"


def test_returned_needs_a_written_reason(hall, cases):
    with pytest.raises(CaseRefused) as refused:
        cases.open_case(staff="S01", item="hukou-in", kind="returned", window=1, reason=" ")
    assert refused.value.key == "reason_needed"
    facts = cases.open_case(staff="S01", item="hukou-in", kind="returned", window=1, reason="迁出地证明不属于本辖区")
    assert facts.state == "returned" and facts.return_reason == "迁出地证明不属于本辖区"
    other = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    returned = cases.return_case(other.number, "S02", "不符合迁入条件")
    assert returned.state == "returned" and returned.completed_at is not None
    with pytest.raises(CaseRefused):
        cases.complete(other.number, "S01")


def test_extension_needs_a_later_date_and_a_reason_and_is_counted(hall, cases):
    at(2026, 11, 23)
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    with pytest.raises(CaseRefused) as no_reason:
        cases.extend(facts.number, "S01", "2026-12-10", "")
    assert no_reason.value.key == "reason_needed"
    with pytest.raises(CaseRefused) as no_date:
        cases.extend(facts.number, "S01", None, "需要实地核查")
    assert no_date.value.key == "date_needed"
    with pytest.raises(CaseRefused) as earlier:
        cases.extend(facts.number, "S01", "2026-11-27", "需要实地核查")
    assert earlier.value.key == "extension_not_later"
    with pytest.raises(CaseRefused) as bad:
        cases.extend(facts.number, "S01", "12/10", "需要实地核查")
    assert bad.value.key == "bad_date"
    one = cases.extend(facts.number, "S01", "2026-12-10", "需要实地核查")
    two = cases.extend(facts.number, "S01", date(2026, 12, 17), "等待公安部门回复")
    assert (one.extensions, two.extensions) == (1, 2)
    assert two.due_date == two.extended_to == date(2026, 12, 17)
    assert two.previous_due == date(2026, 12, 10)
    assert two.extension_reason == "等待公安部门回复"
    assert cases.ledger().rows[0].extensions == 2


def test_completion_waits_for_the_resident_to_be_told(hall, cases):
    at(2026, 11, 23)
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    at(2026, 11, 25, 10)
    done = cases.complete(facts.number, "S01", "户口已迁入")
    assert done.state == "to_notify" and not done.completed_late
    with pytest.raises(CaseRefused) as how:
        cases.notify(facts.number, "S01", "pigeon")
    assert how.value.key == "bad_how"
    with pytest.raises(CaseRefused) as before:
        cases.notify(facts.number, "S01", "phone", datetime(2026, 11, 25, 9, tzinfo=SHANGHAI))
    assert before.value.key == "bad_told_at"
    at(2026, 11, 25, 16)
    told = cases.notify(facts.number, "S01", "phone", datetime(2026, 11, 25, 11, 30, tzinfo=SHANGHAI))
    assert told.state == "closed" and told.notified_how == "phone"
    assert told.notified_at == datetime(2026, 11, 25, 3, 30)  # stored as naive UTC
    with pytest.raises(CaseRefused) as twice:
        cases.notify(facts.number, "S01", "phone")
    assert twice.value.key == "state_closed"
    with pytest.raises(CaseRefused):
        cases.complete(facts.number, "S01")


def test_completing_after_the_due_date_is_recorded_as_late(hall, cases):
    at(2026, 11, 23)
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    at(2026, 12, 1)
    assert cases.ledger().rows[0].overdue
    done = cases.complete(facts.number, "S01")
    assert done.completed_late and not cases.ledger().rows[0].overdue


def test_publish_a_result_without_personal_data(hall, cases):
    facts = cases.open_case(
        staff="S03", item="urban-dibao", window=3, authority="街道民政科", name="李四", phone="13900001111"
    )
    with pytest.raises(CaseRefused) as early:
        cases.publish(facts.number, "S03", "低保审批结果公示")
    assert early.value.key == "state_in_progress"
    cases.complete(facts.number, "S03", "审批通过")
    for leaky in ("李四家庭低保审批通过", "联系电话13900001111", "身份证 110101199003071234", "电话 010-62345678"):
        with pytest.raises(CaseRefused) as refused:
            cases.publish(facts.number, "S03", leaky)
        assert refused.value.key == "personal_data"
    published = cases.publish(facts.number, "S03", "本月城镇低保新增一户，审批已通过，公示期5天。")
    assert published.published
    with pytest.raises(CaseRefused) as twice:
        cases.publish(facts.number, "S03", "再次公告")
    assert twice.value.key == "already_published"
    notices = cases.public_notices()
    assert [n["number"] for n in notices] == [facts.number]
    assert notices[0]["text"] == "本月城镇低保新增一户，审批已通过，公示期5天。"
    assert "李四" not in str(notices) and "13900001111" not in str(notices)


def test_a_correction_is_a_new_event_with_a_reason(hall, cases):
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    before = CaseEvent.select().where(CaseEvent.case == facts.id).count()
    with pytest.raises(CaseRefused) as no_reason:
        cases.correct(facts.number, "S01", "", item="hukou-out")
    assert no_reason.value.key == "reason_needed"
    with pytest.raises(CaseRefused) as bad_field:
        cases.correct(facts.number, "S01", "录入错误", accepted_at="2020-01-01")
    assert bad_field.value.key == "bad_correction"
    corrected = cases.correct(facts.number, "S02", "事项选错，应为户口迁出", item="hukou-out", window=2)
    assert corrected.corrections == 1
    detail = cases.detail(facts.number)
    assert (detail["item"], detail["window"]) == ("hukou-out", 2)
    events = list(CaseEvent.select().where(CaseEvent.case == facts.id).order_by(CaseEvent.id))
    assert len(events) == before + 1
    assert events[-1].kind == "corrected" and events[-1].data["reason"] == "事项选错，应为户口迁出"
    assert events[0].kind == "opened"  # the original stands untouched
    assert cases.ledger().rows[0].item == "hukou-out"
    assert check_projection() == []


def test_full_contact_is_only_given_with_a_logged_opening(hall, cases):
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1, name="王五", phone="13612345678")
    row = cases.ledger().rows[0]
    assert (row.name_masked, row.phone_masked) == ("王*", "136****5678")
    assert ContactAccess.select().count() == 0
    contact = cases.contact_for(facts.number, "S02", "告知办结结果")
    assert contact == {"name": "王五", "phone": "13612345678"}
    log = list(ContactAccess.select())
    assert len(log) == 1
    assert (log[0].staff.code, log[0].case.number, log[0].purpose) == ("S02", facts.number, "告知办结结果")
    assert log[0].at is not None
    # Someone the case does not concern (another window, not its handler) is refused, and nothing is logged.
    with pytest.raises(CaseRefused) as refused:
        cases.contact_for(facts.number, "S03", "好奇")
    assert refused.value.key == "contact_not_yours"
    assert ContactAccess.select().count() == 1
    assert cases.contact_for(facts.number, "L01", "带班领导回访")["phone"] == "13612345678"  # a leader may
    cases.set_contact(facts.number, "S01", "王五", "13700001234")
    assert cases.ledger().rows[0].phone_masked == "137****1234"
    assert "13700001234" not in str(CaseEvent.select(CaseEvent.data).tuples()[:])


def test_the_steps_that_apply_follow_the_state(hall, cases):
    from models.cases.rules import CASE_ACTIONS, applicable_actions

    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    assert applicable_actions(cases.detail(facts.number)) == {"complete", "escalate", "extend", "handover", "correct"}
    waiting = cases.open_case(staff="S01", item="hukou-in", kind="supplement", window=1, other=["单位证明"])
    assert applicable_actions(cases.detail(waiting.number)) == {"materials", "handover", "correct"}
    cases.complete(facts.number, "S01", "已迁入")
    assert applicable_actions(cases.detail(facts.number)) == {
        "notify",
        "handover",
        "publish",
        "correct",
    }  # rating is the resident's, never a step
    cases.notify(facts.number, "S01", "phone")
    assert applicable_actions(cases.detail(facts.number)) == {"publish", "correct"}
    returned = cases.open_case(staff="S01", item="hukou-in", kind="returned", window=1, reason="迁出地不属于本市")
    assert applicable_actions(cases.detail(returned.number)) == {"notify", "correct"}
    assert applicable_actions(facts.as_dict()) <= set(CASE_ACTIONS)  # the facts themselves will do
