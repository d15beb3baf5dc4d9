"""Recording a contact, passing it on, reporting it up, replying: the case it
becomes, who may take each step, and the history that is never rewritten."""

from __future__ import annotations

import pytest
from peewee import DatabaseError

from models.contacts import ContactRefused, contact_actions
from models.db import database
from models.errors import Refused
from models.schema import Staff
from models.schema.chain import verify
from models.schema.contacts import ContactRecord, ContactStep
from models.staff.signin import Shift
from tests.cases.conftest import at


def _call(contacts, staff="S01", **extra):
    values = dict(channel="phone", sender="王建国", matter="小区路灯不亮", promised="明天下午回电", phone="13812345678")
    values.update(extra)
    return contacts.record(staff=staff, **values)


def test_a_call_becomes_a_promised_case_handled_by_whoever_took_it(contacts, hall):
    row = _call(contacts)
    assert (row.channel, row.state, row.handler, row.recorded_by) == ("phone", "open", "S01", "S01")
    assert (row.matter, row.promised) == ("小区路灯不亮", "明天下午回电")
    case = hall.cases.get(row.number)
    assert (case.kind, case.state, case.channel) == ("promised", "in_progress", "phone")
    assert case.due_date == row.reply_due


def test_passed_on_the_named_person_acts_and_the_recorder_no_longer_may(contacts, hall):
    row = _call(contacts)
    with pytest.raises(ContactRefused) as raised:
        contacts.pass_on(row.number, "S03", "S02")
    assert raised.value.key == "not_yours_pass"
    passed = contacts.pass_on(row.number, "S01", "S02", note="请核实")
    assert passed.handler == "S02"
    assert hall.cases.get(row.number).handler_id != hall.cases.get(row.number).accepted_by_id
    with pytest.raises(ContactRefused) as raised:
        contacts.reply(row.number, "S01", "已修好")
    assert raised.value.key == "not_yours_reply"
    with pytest.raises(ContactRefused):
        contacts.report_up(row.number, "S01", "街道办")
    assert contacts.reply(row.number, "S02", "路灯已修好").state == "replied"


def test_a_leader_may_take_every_step(contacts):
    row = _call(contacts)
    contacts.pass_on(row.number, "L01", "S03")
    contacts.report_up(row.number, "L01", "街道城管科")
    assert contacts.reply(row.number, "L01", "已转街道，三日内修复").state == "replied"


def test_reported_up_it_stays_open_until_the_reply(contacts, hall):
    at(2026, 11, 23, 10)
    row = _call(contacts, channel="letter")
    up = contacts.report_up(row.number, "S01", "街道城管科")
    assert (up.state, up.authority) == ("reported_up", "街道城管科")
    case = hall.cases.get(row.number)
    assert (case.kind, case.state, case.authority_due) == ("escalated", "in_progress", row.reply_due)
    with pytest.raises(ContactRefused) as raised:
        contacts.report_up(row.number, "S01", "区城管局")
    assert raised.value.key == "already_reported"
    assert [r.number for r in contacts.list()] == [row.number]
    with pytest.raises(ContactRefused) as raised:
        contacts.reply(row.number, "S01", "  ")
    assert raised.value.key == "reply_needed"
    done = contacts.reply(row.number, "S01", "街道已安排维修")
    assert (done.state, done.reply, done.replied_late) == ("replied", "街道已安排维修", False)
    case = hall.cases.get(row.number)
    assert (case.state, case.notified_how, case.result) == ("closed", "letter", "街道已安排维修")
    assert contacts.list() == []
    assert [r.number for r in contacts.list(open_only=False)] == [row.number]
    with pytest.raises(ContactRefused) as raised:
        contacts.pass_on(row.number, "S01", "S02")
    assert raised.value.key == "already_replied"
    assert [step["kind"] for step in done.history] == ["reported_up", "replied"]


def test_overdue_replies_are_listed_and_counted_until_answered(contacts):
    at(2026, 11, 23, 9)  # Monday
    late = _call(contacts, channel="email")
    on_time = _call(contacts, channel="letter")
    at(2026, 11, 25, 9)
    assert [r.number for r in contacts.list(overdue=True)] == [late.number]
    assert contacts.overdue_count() == 1
    assert contacts.get(late.number).days_left == -1
    replied = contacts.reply(late.number, "S01", "已答复")
    assert replied.replied_late and not replied.overdue
    assert contacts.overdue_count() == 0
    assert [r.number for r in contacts.list()] == [on_time.number]


def test_each_handler_sees_their_own(contacts):
    first = _call(contacts)
    second = _call(contacts, staff="S02")
    assert [r.number for r in contacts.list(handler="S02")] == [second.number]
    assert [r.number for r in contacts.list(handler="S01")] == [first.number]


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"channel": "fax"}, "bad_channel"),
        ({"sender": " "}, "sender_needed"),
        ({"matter": ""}, "matter_needed"),
        ({"matter": "请回电 13900001111"}, "personal_data"),
        ({"promised": "王建国 明天来"}, "personal_data"),
    ],
)
def test_bad_recordings_are_refused_with_their_reason(contacts, values, key):
    with pytest.raises(ContactRefused) as raised:
        _call(contacts, **values)
    assert raised.value.key == key
    assert ContactRecord.select().count() == 0


def test_an_unknown_or_inactive_person_cannot_record_or_be_passed_to(contacts):
    with pytest.raises(Refused):
        _call(contacts, staff="S99")
    Staff.update(active=False).where(Staff.code == "S03").execute()
    with pytest.raises(Refused):
        _call(contacts, staff="S03")
    row = _call(contacts)
    with pytest.raises(Refused):
        contacts.pass_on(row.number, "S01", "S03")
    assert contacts.get(row.number).handler == "S01"


def test_the_terminal_offers_the_steps_the_models_allow():
    clerk = Shift(code="S01", name="王芳", role="staff", window=1, windows=(1,))
    leader = Shift(code="L01", name="马站长", role="leader", window=0, windows=())
    mine = {"handler": "S01", "state": "open"}
    assert contact_actions(clerk, mine) == {"pass", "report_up", "reply"}
    assert contact_actions(clerk, {"handler": "S02", "state": "open"}) == set()
    assert contact_actions(leader, {"handler": "S02", "state": "reported_up"}) == {"pass", "reply"}
    assert contact_actions(leader, {"handler": "S02", "state": "replied"}) == set()


def test_the_history_cannot_be_rewritten(contacts):
    row = _call(contacts)
    contacts.reply(row.number, "S01", "已答复")
    for query in (
        ContactStep.update(data={}).where(ContactStep.id > 0),
        ContactRecord.update(matter="x").where(ContactRecord.id > 0),
        ContactStep.delete(),
    ):
        with pytest.raises(DatabaseError), database.atomic():
            query.execute()
    assert contacts.get(row.number).reply == "已答复"
    for model in (ContactRecord, ContactStep):
        assert verify(database, model)[1] is None  # the hash chain `hall doctor` checks holds


def test_recorded_and_passed_on_at_once_or_not_at_all(contacts, hall):
    from models.schema.cases import CaseRecord

    row = _call(contacts, pass_to="S02", pass_note="请核实路段")
    assert (row.handler, row.recorded_by) == ("S02", "S01")
    steps = list(ContactStep.select().where(ContactStep.kind == "passed"))
    assert [(s.staff.code, s.data) for s in steps] == [("S01", {"to": "S02", "note": "请核实路段"})]
    assert contacts.reply(row.number, "S02", "路灯已修好").state == "replied"
    cases_before = CaseRecord.select().count()
    Staff.update(active=False).where(Staff.code == "S03").execute()
    # Passing on to oneself is refused by the handover itself, after the case was written: all of it rolls back.
    bad_ones = (
        {"pass_to": "S01"},
        {"pass_to": "S03"},
        {"pass_to": "S99"},
        {"pass_to": "S02", "pass_note": "回电13812345678"},
    )
    for bad in bad_ones:
        with pytest.raises(Refused):
            _call(contacts, **bad)
    assert ContactRecord.select().count() == 1 and CaseRecord.select().count() == cases_before
    assert _call(contacts, pass_to="  ").handler == "S01"  # no one named: kept by whoever took it
