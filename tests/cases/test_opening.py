"""Opening cases: numbers, tracking codes, first responders, channels and kinds."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from models.cases.public_view import public_view
from models.cases.rules import CaseRefused
from models.errors import NotFound, Refused
from models.queue import tracking
from models.schema.cases import CaseContact, CaseRecord
from tests.cases.conftest import advance, at, serve


def test_finishing_a_ticket_opens_several_cases_sharing_its_tracking_code(hall, cases):
    number = serve(hall, "baby-hukou", 1, "S01")
    first = cases.open_case(staff="S01", ticket=number, result="已出具证明")
    second = cases.open_case(staff="S01", ticket=number, item="only-child-honour")
    assert (first.number, second.number) == ("2026-000001", "2026-000002")
    ticket_code = hall.queue._find(number).tracking_code
    assert first.tracking_code == second.tracking_code == ticket_code
    assert first.kind == "immediate" and first.state == "closed"
    assert second.kind == "promised" and second.state == "in_progress"
    view = public_view(hall.config, ticket_code)
    assert [c["number"] for c in view["cases"]] == ["2026-000001", "2026-000002"]
    assert view["ticket"]["number"] == number


def test_ledger_fields_recorded_at_acceptance(hall, cases):
    number = serve(hall, "hukou-in", 1, "S01")
    facts = cases.open_case(staff="S01", ticket=number, kind="promised")
    record = CaseRecord.get(CaseRecord.number == facts.number)
    assert record.accepted_at == hall.queue._find(number).finished_at  # the frozen clock
    assert record.accepted_by.code == "S01"
    assert record.item.code == "hukou-in"
    assert record.window.number == 1
    detail = cases.detail(facts.number)
    assert detail["accepted_by"] == detail["handler"] == detail["first_responder"] == "S01"
    assert detail["completed_at"] is None
    cases.complete(facts.number, "S01", "已办理")
    assert cases.get(facts.number).completed_at is not None


def test_numbers_are_gap_free_and_a_refused_opening_uses_no_number(hall, cases):
    cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    with pytest.raises(CaseRefused) as refused:
        cases.open_case(staff="S01", item="hukou-in", kind="returned", window=1)  # no reason
    assert refused.value.key == "reason_needed"
    later = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    assert later.number == "2026-000002"


def test_first_responder_is_kept_through_a_transfer_and_a_handover(hall, cases):
    receipt = hall.queue.take("baby-hukou")
    hall.queue.call_next(1, "S01")
    hall.queue.transfer(receipt.number, 1, to_window=3, staff_code="S01", note="低保事项")
    hall.queue.call_next(3, "S03")
    hall.queue.finish(receipt.number, 3)
    facts = cases.open_case(staff="S03", ticket=receipt.number, item="urban-dibao", authority="街道民政科")
    assert facts.first_responder_id != facts.handler_id
    detail = cases.detail(facts.number)
    assert (detail["first_responder"], detail["handler"], detail["accepted_by"]) == ("S01", "S03", "S03")
    cases.handover(facts.number, "S03", "S04", "S03 外出走访")
    detail = cases.detail(facts.number)
    assert (detail["first_responder"], detail["handler"]) == ("S01", "S04")
    with pytest.raises(CaseRefused) as same:
        cases.handover(facts.number, "S04", "S04", "再次移交")
    assert same.value.key == "same_handler"
    with pytest.raises(CaseRefused) as no_reason:
        cases.handover(facts.number, "S04", "S03", "  ")
    assert no_reason.value.key == "reason_needed"


@pytest.mark.parametrize("channel", ["phone", "letter", "visit", "appointment"])
def test_a_case_without_a_ticket_gets_its_own_tracking_code(hall, cases, channel):
    facts = cases.open_case(staff="S05", item="party-consult", channel=channel, result="已答复")
    assert tracking.normalise(facts.tracking_code) == facts.tracking_code
    record = CaseRecord.get(CaseRecord.number == facts.number)
    assert record.ticket is None and record.channel == channel
    view = public_view(hall.config, tracking.display(facts.tracking_code))
    assert view["ticket"] is None
    assert view["item"]["code"] == "party-consult"
    assert [c["number"] for c in view["cases"]] == [facts.number]


def test_a_letter_gets_a_reply_within_three_working_days(hall, cases):
    at(2026, 11, 26)  # Thursday
    facts = cases.open_case(staff="S05", item="party-consult", channel="letter")
    assert facts.state == "in_progress"
    assert facts.reply_due == facts.due_date == date(2026, 12, 1)  # Fri, Mon, Tue
    promised = cases.open_case(staff="S05", item="hukou-in", kind="promised", channel="letter")
    assert promised.reply_due == date(2026, 12, 1)
    assert promised.due_date == date(2026, 12, 3)  # the item's 5 working days


def test_a_phone_consultation_is_answered_and_closed_at_once(hall, cases):
    facts = cases.open_case(staff="S05", item="party-consult", channel="phone", result="已电话答复")
    assert facts.state == "closed" and facts.notified_how == "phone"
    assert facts.completed_at is not None


def test_an_immediate_case_over_thirty_minutes_is_flagged(hall, cases):
    quick = serve(hall, "baby-hukou", 1, "S01", minutes=20)
    limit = serve(hall, "baby-hukou", 1, "S01", minutes=30)
    slow = serve(hall, "baby-hukou", 1, "S01", minutes=30.5)
    ok = cases.open_case(staff="S01", ticket=quick)
    just = cases.open_case(staff="S01", ticket=limit)
    late = cases.open_case(staff="S01", ticket=slow)
    assert (ok.over_time, ok.minutes_taken) == (False, 20)
    assert (just.over_time, just.minutes_taken) == (False, 30)
    assert (late.over_time, late.minutes_taken) == (True, 30)
    assert cases.ledger().rows[0].over_time is True


def test_an_immediate_case_counts_from_the_call_when_never_started(hall, cases):
    receipt = hall.queue.take("baby-hukou")
    hall.queue.call_next(1, "S01")
    advance(45)
    facts = cases.open_case(staff="S01", ticket=receipt.number)  # still "called", completed now
    assert facts.over_time and facts.minutes_taken == 45


def test_promised_petition_and_escalated_due_dates(hall, cases):
    at(2026, 11, 23)  # Monday
    promised = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    assert promised.due_date == date(2026, 11, 30)  # 5 working days
    petition = cases.open_case(staff="S05", item="petition-visit", window=6)
    assert petition.kind == "petition" and petition.due_date == date(2026, 12, 14)  # 15 working days
    escalated = cases.open_case(staff="S03", item="rural-dibao", window=3, authority="街道民政科")
    assert escalated.authority_due == escalated.due_date == date(2027, 1, 4)  # the item's 30 working days
    told = cases.open_case(
        staff="S03", item="rural-dibao", window=3, authority="区民政局", authority_due=date(2026, 12, 20)
    )
    assert told.due_date == date(2026, 12, 20) and told.authority == "区民政局"


def test_opening_refusals(hall, cases):
    waiting = hall.queue.take("baby-hukou")
    with pytest.raises(CaseRefused) as not_served:
        cases.open_case(staff="S01", ticket=waiting.number)
    assert not_served.value.key == "ticket_not_served"
    with pytest.raises(CaseRefused) as no_window:
        cases.open_case(staff="S01", item="hukou-in")
    assert no_window.value.key == "window_needed"
    with pytest.raises(CaseRefused) as no_days:
        cases.open_case(staff="S01", item="baby-hukou", kind="promised", window=1)
    assert no_days.value.key == "promised_days_needed"
    assert cases.open_case(staff="S01", item="baby-hukou", kind="promised", window=1, promised_days=2).due_date
    with pytest.raises(CaseRefused) as escalated:
        cases.open_case(staff="S03", item="rural-dibao", window=3)
    assert escalated.value.key == "authority_needed"
    with pytest.raises(CaseRefused) as bad_kind:
        cases.open_case(staff="S01", item="hukou-in", window=1, kind="urgent")
    assert bad_kind.value.key == "bad_kind"
    with pytest.raises(CaseRefused) as bad_channel:
        cases.open_case(staff="S01", item="hukou-in", window=1, channel="fax")
    assert bad_channel.value.key == "bad_channel"
    with pytest.raises(NotFound):
        cases.open_case(staff="S99", item="hukou-in", window=1)
    with pytest.raises(NotFound):
        cases.open_case(staff="S01", item="no-such-item", window=1)
    with pytest.raises(CaseRefused) as bad_phone:
        cases.open_case(staff="S01", item="hukou-in", window=1, phone="call me")
    assert bad_phone.value.key == "bad_phone"
    assert CaseRecord.select().count() == 1
    # Every refusal reads as a sentence, in both languages.
    for exc in (not_served, no_window, no_days, escalated, bad_kind, bad_channel, bad_phone):
        assert isinstance(exc.value, Refused)
        for lang in ("zh", "en"):
            text = exc.value.message(lang)
            assert text and "refusal_case" not in text and "{" not in text


def test_contact_is_kept_apart_and_masked(hall, cases):
    facts = cases.open_case(
        staff="S01", item="hukou-in", kind="promised", window=1, name="张三丰", phone="138-1234-5678"
    )
    contact = CaseContact.get(CaseContact.case == facts.id)
    assert (contact.name, contact.phone, contact.phone_last4) == ("张三丰", "13812345678", "5678")
    detail = cases.detail(facts.number)
    assert (detail["name_masked"], detail["phone_masked"]) == ("张**", "138****5678")
    assert "13812345678" not in str(detail) and "张三丰" not in str(detail)


def test_numbers_stay_unique_and_gap_free_under_concurrent_windows(hall, cases):
    """Four terminals open cases at once: no duplicate, no gap."""
    from models.cases import Cases

    errors = []

    def worker():
        try:
            with hall.db.connection_context():
                mine = Cases(hall.config)
                for _ in range(8):
                    mine.open_case(staff="S05", item="party-consult", window=6, result="已答复")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    seqs = sorted(r.seq for r in CaseRecord.select())
    assert seqs == list(range(1, 33))


def test_a_visit_is_finished_with_its_cases_or_not_at_all(hall, cases):
    from models.cases import DraftRefused
    from models.schema import Ticket

    at(2026, 11, 23)
    number = serve(hall, "hukou-in", 1, "S01", finish=False)
    good = {"kind": "consultation", "result": "已告知所需材料"}
    with pytest.raises(DraftRefused) as refused:
        cases.finish_visit(number, 1, "S01", [good, {"kind": "returned", "reason": ""}])
    assert refused.value.index == 1 and isinstance(refused.value.error, CaseRefused)
    assert Ticket.get(Ticket.number == number).status == "serving"  # nothing of the visit was written
    assert CaseRecord.select().count() == 0
    opened = cases.finish_visit(number, 1, "S01", [good, {"kind": "promised"}])
    assert [f.kind for f in opened] == ["consultation", "promised"]
    assert Ticket.get(Ticket.number == number).status == "done"
    assert len({f.tracking_code for f in opened}) == 1  # one code for the visit
