"""Annex B's indicators of a fixture month, counted by hand; the window ranking."""

from __future__ import annotations

import pytest

from models.ratings.records import month_records
from models.schema import Ticket
from tests.cases.conftest import at, resident_rates, serve


def _visit(hall, item, window, staff, level, reasons=()) -> str:
    """A visit served and rated by its resident on the web; its loop's name (``YYYY-MM-DD/A003``)."""
    number = serve(hall, item, window, staff)
    ticket = Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first()
    hall.ratings.rate_visit(ticket.tracking_code, level, reasons)
    return f"{ticket.service_day.isoformat()}/{ticket.number}"


@pytest.fixture
def november(hall, cases):
    """Seven ratings in November 2026 (the hall's local month), one just after it."""
    at(2026, 11, 23, 9)
    _visit(hall, "baby-hukou", 1, "S01", "very_satisfied")  # V1
    _visit(hall, "baby-hukou", 1, "S01", "satisfied")  # V2
    v3 = _visit(hall, "baby-hukou", 1, "S01", "unsatisfied", ["efficiency"])  # V3: a visit's 差评, no phone
    _visit(hall, "rural-dibao", 3, "S03", "basic")  # V4
    number = serve(hall, "baby-hukou", 1, "S01")
    c1 = cases.open_case(staff="S01", ticket=number, name="张三", phone="13812345678")
    resident_rates(hall, c1.number, "very_unsatisfied", ["attitude"])  # C1: named
    c2 = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    resident_rates(hall, c2.number, "unsatisfied", ["policy"], channel="web")  # C2: anonymous
    at(2026, 11, 30, 23, 30)  # 15:30 UTC: still November here
    c3 = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    resident_rates(hall, c3.number, "satisfied")  # C3
    at(2026, 12, 1, 0, 10)  # 16:10 UTC on 11-30, but December in the hall
    _visit(hall, "baby-hukou", 1, "S01", "very_unsatisfied")  # not counted in November
    at(2026, 11, 25, 10)
    loops = hall.bad_ratings  # V3: nobody to call, so 无法核实 at once; put right on time
    loops.assign(v3, "L01")
    loops.call(v3, "S01", reached=False, note="未留电话")
    loops.classify(v3, "S01", "unverifiable")
    loops.fix_now(v3, "S01", "高峰期增开窗口")
    cases.called_back(c1.number, "L01", "已回访致歉")
    cases.rectified(c1.number, "L01", "已批评教育")  # on time
    at(2026, 12, 28, 10)
    assert cases.get(c2.number).rectify_due.isoformat() < "2026-12-28"
    cases.rectified(c2.number, "L01", "已解释政策")  # late
    return {"c1": c1.number, "c2": c2.number, "c3": c3.number, "v3": v3}


def test_the_month_is_counted_by_hand(hall, november):
    found = hall.ratings.indicators("2026-11")
    # 7 ratings: good V1 V2 V4 C3, bad V3 C1 C2; follow-ups V3 C1 C2, all rectified, V3 and C1 on time;
    # the one named 差评 (C1) was called back (V3 left no phone: not named).
    assert found["hall"] == {
        "count": 7,
        "good": 4,
        "bad": 3,
        "good_rate": 57.1,
        "bad_rate": 42.9,
        "followups": 3,
        "rectified": 3,
        "rectified_rate": 100.0,
        "real_name_bad": 1,
        "called_back": 1,
        "callback_rate": 100.0,
        "rectified_on_time": 2,
        "on_time_rate": 66.7,
        "excluded": 0,
    }
    windows = {row["window"]: row for row in found["windows"]}
    assert sorted(windows) == [1, 3, 6]
    one, three, six = windows[1], windows[3], windows[6]
    assert (one["count"], one["good_rate"], one["bad_rate"]) == (4, 50.0, 50.0)  # V1 V2 V3 C1
    assert (one["followups"], one["rectified_on_time"]) == (2, 2)  # V3 C1
    assert (one["rectified_rate"], one["callback_rate"], one["on_time_rate"]) == (100.0, 100.0, 100.0)
    assert (three["count"], three["good_rate"], three["bad_rate"]) == (1, 100.0, 0.0)
    assert (three["rectified_rate"], three["callback_rate"], three["on_time_rate"]) == (None, None, None)
    assert (six["count"], six["good_rate"], six["bad_rate"]) == (2, 50.0, 50.0)  # C2 C3
    assert (six["rectified_rate"], six["callback_rate"], six["on_time_rate"]) == (100.0, None, 0.0)
    lines = {row["line"]: row for row in found["lines"]}
    assert {code: row["count"] for code, row in lines.items()} == {"jisheng": 4, "minzheng": 1, "dangyuan": 2}
    assert lines["dangyuan"]["on_time_rate"] == 0.0 and lines["jisheng"]["bad_rate"] == 50.0
    december = hall.ratings.indicators("2026-12")["hall"]
    assert (december["count"], december["bad"], december["good_rate"]) == (1, 1, 0.0)
    assert hall.ratings.indicators("2026-10")["hall"]["good_rate"] is None  # nothing measured is not 0 %


def test_the_windows_are_ranked_for_the_leader(hall, november):
    rows = hall.ratings.ranking("2026-11")
    # 3 (100 % good), then 1 and 6 (50 % good, 50 % bad: more ratings first), then the unrated by number.
    assert [(r["window"], r["place"]) for r in rows] == [(3, 1), (1, 2), (6, 3), (2, None), (4, None), (5, None)]
    assert rows[0]["name"]


def test_the_records_name_the_visit_or_the_case_and_never_the_resident(hall, november):
    records = month_records(hall.config, "2026-11")
    assert [r["kind"] for r in records] == ["visit"] * 4 + ["case"] * 3
    c1 = next(r for r in records if r["case"] == november["c1"])
    assert c1["real_name"] and c1["called_back_at"].startswith("2026-11-25") and c1["rectified_on_time"] is True
    assert c1["handler"] == "S01" and c1["window"] == 1 and c1["reasons"] == ["attitude"]
    assert next(r for r in records if r["case"] == november["c2"])["rectified_on_time"] is False
    assert records[0]["ticket"].startswith("2026-11-23/A") and records[0]["handler"] == "S01"
    text = repr(records)
    v3 = next(r for r in records if r["ticket"] == november["v3"])
    assert (v3["followup"], v3["real_name"], v3["rectified_on_time"], v3["excluded"]) == ("open", False, True, False)
    assert v3["called_back_at"].startswith("2026-11-25") and v3["rectify_due"] > "2026-11-25"
    assert "张三" not in text and "13812345678" not in text
