"""A visit's 差评 (a ticket served at a window, rated at the pad, the web or the kiosk) enters
the same loop as a case's: opened with the case's deadlines on the hall calendar, verified by
the clerk who served it by default, called back only when a case of the visit left a phone,
classed, put right or explained or appealed, told; the leader's due list shows it; the
resident reads the result on the ticket's page and may rate the handling."""

from __future__ import annotations

import pytest

from models.cases.bad_ratings import FollowupRefused
from models.schema import Ticket
from models.schema.ratings import VisitFollowupEvent
from tests.bad_ratings.conftest import leaders  # noqa: F401 - fixture
from tests.cases.conftest import at, serve


def _ticket(number: str) -> Ticket:
    return Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first()


def poor_visit(hall, staff: str = "S01", window: int = 1, level: str = "unsatisfied", *, channel: str = "web"):
    """A visit served by ``staff`` at ``window``, rated poorly by the resident: its loop's name."""
    ticket = _ticket(serve(hall, "baby-hukou", window, staff))
    hall.ratings.rate_visit(ticket.tracking_code, level, ["attitude"], channel=channel)
    return f"{ticket.service_day.isoformat()}/{ticket.number}", ticket


def test_a_visit_s_bad_rating_opens_a_loop_with_the_case_deadlines(hall, cases, leaders):  # noqa: F811
    at(2026, 11, 27, 9)  # a Friday: the deadlines skip the weekend
    ref, _ticket_row = poor_visit(hall)
    view = hall.bad_ratings.view(ref)
    assert view["kind"] == "visit" and view["stage"] == "assign" and view["level"] == "unsatisfied"
    assert view["handler"] == "S01"  # 谁办理谁负责: the clerk who served it
    callback = hall.calendar.add_working_days(hall.queue.today(), hall.config.cases.callback_days)
    rectify = hall.calendar.add_working_days(hall.queue.today(), hall.config.cases.rectify_days)
    assert (view["callback_due"], view["rectify_due"]) == (callback.isoformat(), rectify.isoformat())
    rows = hall.bad_ratings.due()
    assert [row["number"] for row in rows if row["kind"] == "visit"] == [ref]


def test_a_good_visit_rating_opens_nothing(hall, cases):  # noqa: F811
    at(2026, 11, 23, 9)
    ticket = _ticket(serve(hall, "baby-hukou", 1, "S01"))
    hall.ratings.rate_visit(ticket.tracking_code, "satisfied", channel="web")
    assert VisitFollowupEvent.select().count() == 0
    assert hall.bad_ratings.due() == []


def test_without_a_phone_the_loop_records_not_reached_and_closes_by_explanation(hall, cases, leaders):  # noqa: F811
    at(2026, 11, 23, 9)
    loops = hall.bad_ratings
    ref, ticket = poor_visit(hall)
    loops.assign(ref, "L01")  # default: S01, who served it
    assert loops.view(ref)["verifier"] == "S01"
    with pytest.raises(FollowupRefused) as refused:
        loops.call(ref, "S01", reached=True)
    assert refused.value.key == "no_phone"
    assert "来访 " + ref in refused.value.message("zh") and "Visit " + ref in refused.value.message("en")
    loops.call(ref, "S01", reached=False, note="来访未留电话")
    loops.classify(ref, "S01", "unverifiable")  # one honest record is enough: there is no number to try again
    loops.explain(ref, "S01", "当日排队较长，已增开窗口")
    loops.tell(ref, "L01", "web")
    view = loops.view(ref)
    assert view["stage"] == "done" and view["result"] == "当日排队较长，已增开窗口"
    assert loops.due() == [] and [r["number"] for r in loops.due(include_done=True)] == [ref]
    # The resident reads the result on the ticket's page and rates the handling once.
    page = hall.ratings.visit_view(ticket.tracking_code)
    assert page["followup"]["result"] == "当日排队较长，已增开窗口" and page["followup"]["can_rate_handling"]
    loops.rate_visit_handling(ticket.tracking_code, "satisfied")
    assert hall.ratings.visit_view(ticket.tracking_code)["followup"]["handling_level"] == "satisfied"
    with pytest.raises(FollowupRefused) as again:
        loops.rate_visit_handling(ticket.tracking_code, "satisfied")
    assert again.value.key == "handling_rated"


def test_a_phone_left_by_a_case_of_the_visit_lets_the_call_reach(hall, cases, leaders):  # noqa: F811
    at(2026, 11, 23, 9)
    loops = hall.bad_ratings
    number = serve(hall, "baby-hukou", 1, "S01")
    cases.open_case(staff="S01", ticket=number, name="张三", phone="13812345678")
    ticket = _ticket(number)
    hall.ratings.rate_visit(ticket.tracking_code, "very_unsatisfied", channel="kiosk")
    ref = f"{ticket.service_day.isoformat()}/{ticket.number}"
    loops.assign(ref, "L01", "S02")
    with pytest.raises(FollowupRefused) as refused:
        loops.call(ref, "S01", reached=True)  # not the verifier
    assert refused.value.key == "not_verifier"
    loops.call(ref, "S02", reached=True, note="已致歉")
    loops.classify(ref, "S02", "actual")
    with pytest.raises(Exception) as private:
        loops.fix_now(ref, "S02", "已回电13812345678")
    assert getattr(private.value, "key", "") == "personal_data"
    loops.plan(ref, "S02", "窗口服务规范培训")
    loops.plan_done(ref, "S02", "已完成培训")
    loops.tell(ref, "S02", "phone", "电话告知")
    assert loops.view(ref)["stage"] == "done"


def test_an_appeal_of_a_visit_is_decided_by_another_leader(hall, cases, leaders):  # noqa: F811
    at(2026, 11, 23, 9)
    loops = hall.bad_ratings
    ref, _ = poor_visit(hall, level="very_unsatisfied")
    loops.call(ref, "L01", reached=False)  # a leader takes the unassigned loop on himself
    loops.classify(ref, "L01", "unverifiable")
    with pytest.raises(FollowupRefused):
        loops.appeal(ref, "L01", "误点")  # an unverifiable one cannot be appealed
    assert loops.view(ref)["verifier"] == "L01"


def test_overdue_visit_loops_are_marked_and_listed_first(hall, cases, leaders):  # noqa: F811
    at(2026, 11, 23, 9)
    late, _ = poor_visit(hall)
    at(2026, 12, 7, 9)
    fresh, _ = poor_visit(hall)
    rows = hall.bad_ratings.due()
    assert [row["number"] for row in rows] == [late, fresh]
    assert rows[0]["overdue"] and "callback" in rows[0]["marks"] and not rows[1]["overdue"]
    assert hall.bad_ratings.due(verifier="S01") == []  # nobody assigned yet
    hall.bad_ratings.assign(fresh, "L01")
    assert [row["number"] for row in hall.bad_ratings.due(verifier="S01")] == [fresh]


def test_an_unknown_visit_is_one_plain_sentence(hall, cases):  # noqa: F811
    for ref in ("2026-13-40/A001", "2026-11-23/Z999", "x/y"):
        with pytest.raises(FollowupRefused) as refused:
            hall.bad_ratings.view(ref)
        assert refused.value.key == "unknown_visit"
