"""``hall report`` (day and month) counts the visits' ratings (一次一评) beside the cases' (一事一评)."""

from __future__ import annotations

import json
from datetime import date

from models.cases.export_files import code_names, report_sheet
from models.cases.reports import report
from models.schema import Ticket
from tests.cases.conftest import at, resident_rates, serve


def _code(number: str) -> str:
    return Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first().tracking_code


def _fixture(hall, cases):
    """23 Nov: two visits rated (one 差评) and a case rated 差评; 24 Nov: one visit rated; 1 Dec: one more."""
    at(2026, 11, 23, 9)
    hall.ratings.rate_visit(_code(serve(hall, "baby-hukou", 1, "S01")), "very_satisfied", channel="kiosk")
    hall.ratings.rate_visit(_code(serve(hall, "baby-hukou", 1, "S01")), "unsatisfied", channel="web")
    case = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    resident_rates(hall, case.number, "very_unsatisfied", ["attitude"])
    at(2026, 11, 24, 10)
    hall.ratings.rate_visit(_code(serve(hall, "baby-hukou", 1, "S01")), "basic", channel="kiosk")
    at(2026, 12, 1, 10)
    hall.ratings.rate_visit(_code(serve(hall, "baby-hukou", 1, "S01")), "satisfied", channel="web")


def test_the_day_and_the_month_count_visits_beside_cases(hall, cases):
    _fixture(hall, cases)
    day = report(hall.config, day=date(2026, 11, 23))
    assert day.visit_ratings_by_level == {
        "very_satisfied": 1,
        "satisfied": 0,
        "basic": 0,
        "unsatisfied": 1,
        "very_unsatisfied": 0,
    }
    assert (day.visit_bad_ratings, day.bad_ratings) == (1, 1)
    assert day.ratings_by_level["very_unsatisfied"] == 1 and sum(day.ratings_by_level.values()) == 1
    month = report(hall.config, month="2026-11")
    assert sum(month.visit_ratings_by_level.values()) == 3 and month.visit_ratings_by_level["basic"] == 1
    assert month.visit_bad_ratings == 1
    assert month.open_followups == 1  # the case's 差评 opened one
    assert (month.visit_open_followups, month.visit_bad_by_stage) == (1, {"assign": 1})  # and the visit's its own
    december = report(hall.config, month="2026-12")
    assert december.visit_ratings_by_level["satisfied"] == 1 and sum(december.ratings_by_level.values()) == 0
    sheet = {(r[0], r[1], r[2]): r[3] for r in report_sheet(month, "zh", code_names("zh")).rows}
    assert sheet[("现场办事评价", "基本满意", "件数")] == 1
    assert sheet[("现场办事评价", "合计", "差评")] == 1
    assert sheet[("评价", "非常不满意", "件数")] == 1


def test_the_report_command_shows_visits_beside_cases(hall, cases, run):
    _fixture(hall, cases)
    code, out, _ = run("report", "--date", "2026-11-23")
    assert code == 0
    assert "评价（办件“一事一评” · 现场办事“一次一评”）：" in out
    assert "非常满意：办件 0 · 现场办事 1" in out and "非常不满意：办件 1 · 现场办事 0" in out
    assert "办件差评 1 件" in out and "现场办事差评 1 件" in out
    code, out, _ = run("report", "--month", "2026-11", lang="en")
    assert code == 0 and "Fairly satisfied: cases 0 · visits 1" in out and "Poor ratings of visits 1" in out
    code, out, _ = run("report", "--month", "2026-11", "--json")
    data = json.loads(out)
    assert data["visit_ratings_by_level"]["unsatisfied"] == 1 and data["visit_bad_ratings"] == 1
