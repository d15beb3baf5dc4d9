"""好差评: once per finished case; a poor rating opens a follow-up with deadlines."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from models.cases.ledger import LedgerFilter, check_projection
from models.cases.public_view import public_view
from models.cases.ratings import rate_by_code
from models.cases.rules import CaseRefused
from models.errors import Refused
from models.plain_text import TextRefused
from models.queue import tracking
from models.schema.cases import CaseRating
from tests.cases.conftest import at, resident_rates, serve


def report_counts(cases) -> tuple[int, int]:
    """The report's open and overdue follow-ups, checked against the follow-up list they count."""
    report, rows = cases.report(), cases.followups()
    listed = (len(rows), sum(1 for r in rows if r["callback_overdue"] or r["rectify_overdue"]))
    assert (report.open_followups, report.overdue_followups) == listed
    return listed


def _finished(cases, **extra):
    facts = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复", **extra)
    assert facts.finished
    return facts


def test_a_finished_case_is_rated_once_from_the_kiosk(hall, cases):
    number = serve(hall, "baby-hukou", 1, "S01")
    done = cases.open_case(staff="S01", ticket=number)
    open_case = cases.open_case(staff="S01", ticket=number, item="hukou-in", kind="promised")
    code = tracking.display(done.tracking_code)
    view = public_view(hall.config, code)
    assert [c["can_rate"] for c in view["cases"]] == [True, False]
    with pytest.raises(CaseRefused) as not_yet:
        rate_by_code(hall.config, code, open_case.number, "satisfied", [], channel="kiosk")
    assert not_yet.value.key == "not_finished"
    assert "办结后就可以评价" in not_yet.value.message("zh")
    rated = rate_by_code(hall.config, code.lower().replace("-", ""), done.number, "very_satisfied", channel="kiosk")
    assert rated.rating == "very_satisfied" and rated.rating_tags == []
    assert rated.followup == ""
    with pytest.raises(CaseRefused) as again:
        rate_by_code(hall.config, code, done.number, "unsatisfied", [], channel="kiosk")
    assert again.value.key == "already_rated"
    assert "已经评价过" in again.value.message("zh") and "already rated" in again.value.message("en")
    assert not hasattr(cases, "rate")  # the staff's case API has no way to rate
    assert CaseRating.select().count() == 1
    assert public_view(hall.config, code)["cases"][0]["rated"]


def test_rate_by_code_checks_the_code_and_the_number(hall, cases):
    facts = _finished(cases)
    other = _finished(cases)
    with pytest.raises(Refused) as bad:
        rate_by_code(hall.config, "1234", facts.number, "satisfied", [], channel="kiosk")
    assert bad.value.key == "bad_tracking_code"
    with pytest.raises(CaseRefused) as wrong:  # another visit's case under this code
        rate_by_code(hall.config, facts.tracking_code, other.number, "satisfied", [], channel="kiosk")
    assert wrong.value.key == "unknown_case_for_code"
    with pytest.raises(CaseRefused) as nonsense:
        rate_by_code(hall.config, facts.tracking_code, "abc", "satisfied", [], channel="kiosk")
    assert nonsense.value.key == "unknown_case_for_code"
    with pytest.raises(CaseRefused) as level:
        rate_by_code(hall.config, facts.tracking_code, facts.number, "meh", [], channel="kiosk")
    assert level.value.key == "bad_level"
    with pytest.raises(CaseRefused) as tag:
        rate_by_code(hall.config, facts.tracking_code, facts.number, "satisfied", ["free-text"], channel="kiosk")
    assert tag.value.key == "bad_tag"
    with pytest.raises(CaseRefused) as channel:
        rate_by_code(hall.config, facts.tracking_code, facts.number, "satisfied", [], channel="fax")
    assert channel.value.key == "resident_only" and "fax" in channel.value.message()
    assert CaseRating.select().count() == 0


def test_two_kiosks_rating_at_once_record_one_rating(hall, cases):
    facts = _finished(cases)
    outcomes = []

    def kiosk(level):
        with hall.db.connection_context():
            try:
                rate_by_code(hall.config, facts.tracking_code, facts.number, level, [], channel="kiosk")
                outcomes.append("ok")
            except CaseRefused as exc:
                outcomes.append(exc.key)

    threads = [
        threading.Thread(target=kiosk, args=(lvl,)) for lvl in ("satisfied", "unsatisfied", "basic", "very_satisfied")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already_rated"] * 3 + ["ok"]
    assert CaseRating.select().count() == 1
    assert check_projection() == []


@pytest.mark.parametrize(
    ("field", "args"),
    [
        ("level", ("satisfied\x1b[2J", [])),
        ("tag", ("unsatisfied", ["attitude", "process\u202e"])),
        ("text", ("unsatisfied", [], "太慢\x1b[2J")),
        ("case", ("satisfied", [])),
        ("code", ("satisfied", [])),
    ],
)
def test_a_rating_field_holding_a_control_character_is_refused_naming_it(hall, cases, field, args):
    facts = _finished(cases)
    code = facts.tracking_code + ("\x07" if field == "code" else "")
    number = facts.number + ("\u200b" if field == "case" else "")
    with pytest.raises(TextRefused) as refused:
        rate_by_code(hall.config, code, number, *args, channel="kiosk")
    assert refused.value.field == field
    assert f"「{field}」" in refused.value.message("zh") and refused.value.message("en").startswith(field)
    assert CaseRating.select().count() == 0


def test_a_follow_up_note_holding_a_control_character_is_refused(hall, cases):
    facts = _finished(cases)
    rate_by_code(hall.config, facts.tracking_code, facts.number, "unsatisfied", [], channel="kiosk")
    with pytest.raises(TextRefused) as refused:
        cases.called_back(facts.number, "L01", "已回访\x1b]0;x\x07")
    assert refused.value.field == "note"
    done = cases.called_back(facts.number, "L01", "已回访\n致歉")  # several lines are a note's
    assert done.called_back_at is not None


@pytest.mark.parametrize("level", ["unsatisfied", "very_unsatisfied"])
def test_a_poor_rating_opens_a_follow_up_with_deadlines(hall, cases, level):
    at(2026, 11, 27, 15)  # Friday
    facts = _finished(cases)
    rated = rate_by_code(hall.config, facts.tracking_code, facts.number, level, ["process", "attitude"], channel="web")
    assert rated.followup == "open"
    assert rated.callback_due == date(2026, 11, 30)  # one working day: Monday
    assert rated.rectify_due == date(2026, 12, 18)  # fifteen working days
    rows = cases.followups()
    assert [r["number"] for r in rows] == [facts.number]
    assert rows[0]["level"] == level and rows[0]["tags"] == ["attitude", "process"]
    assert cases.ledger(LedgerFilter(followup=True)).rows[0].number == facts.number
    at(2026, 12, 1)
    late = cases.followups()[0]
    assert late["callback_overdue"] and not late["rectify_overdue"]
    assert report_counts(cases) == (1, 1)
    with pytest.raises(CaseRefused) as not_leader:
        cases.called_back(facts.number, "S05", "已回访")
    assert not_leader.value.key == "leader_only"
    cases.called_back(facts.number, "L01", "已电话回访致歉")
    with pytest.raises(CaseRefused) as twice:
        cases.called_back(facts.number, "L01", "再次回访")
    assert twice.value.key == "already_called_back"
    assert cases.followups()[0]["called_back"] and not cases.followups()[0]["callback_overdue"]
    assert report_counts(cases) == (1, 0)  # called back: no longer late for the call
    at(2026, 12, 21)
    assert cases.followups()[0]["rectify_overdue"] and report_counts(cases) == (1, 1)
    at(2026, 12, 15)
    done = cases.rectified(facts.number, "L01", "已调整窗口排班")
    assert done.followup == "done"
    assert cases.followups() == []
    assert report_counts(cases) == (0, 0)
    assert [r["state"] for r in cases.followups(open_only=False)] == ["done"]
    assert cases.ledger(LedgerFilter(followup=True)).rows == []
    assert check_projection() == []


def test_good_ratings_open_no_follow_up(hall, cases):
    for level in ("very_satisfied", "satisfied", "basic"):
        facts = _finished(cases)
        assert resident_rates(hall, facts.number, level).followup == ""
    assert cases.followups() == []
    with pytest.raises(CaseRefused) as none:
        cases.called_back(facts.number, "L01")
    assert none.value.key == "no_followup"


def test_returned_and_to_notify_cases_may_be_rated(hall, cases):
    returned = cases.open_case(staff="S01", item="hukou-in", kind="returned", window=1, reason="不符合条件")
    assert resident_rates(hall, returned.number, "unsatisfied").rating == "unsatisfied"
    promised = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1)
    cases.complete(promised.number, "S01")
    assert resident_rates(hall, promised.number, "satisfied").state == "to_notify"
