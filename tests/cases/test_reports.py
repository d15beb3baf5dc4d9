"""Day and month reports: the numbers, worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from models.cases.export_files import code_names, report_sheet
from models.cases.reports import median, percentile
from tests.cases.conftest import advance, at, resident_rates


@pytest.fixture
def day_of_work(hall, cases):
    """Monday 2026-11-23 at the hall, and one ticket on Tuesday."""
    q = hall.queue
    at(2026, 11, 23, 9, 0)
    a1, a2, a3 = (q.take("baby-hukou") for _ in range(3))
    c1 = q.take("urban-dibao")
    advance(5)  # 09:05
    q.call_next(3, "S03")  # C001 waited 5
    q.start(c1.number, 3)
    advance(5)  # 09:10
    q.call_next(1, "S01")  # A001 waited 10
    q.start(a1.number, 1)
    advance(10)  # 09:20
    q.finish(a1.number, 1)  # served 10
    immediate = cases.open_case(staff="S01", ticket=a1.number)
    advance(10)  # 09:30
    q.call_next(1, "S01")  # A002 waited 30
    advance(5)  # 09:35
    q.finish(a2.number, 1)  # served 5 (from the call)
    supplement = cases.open_case(staff="S01", ticket=a2.number, item="hukou-in", kind="supplement", other=["单位证明"])
    promised = cases.open_case(staff="S01", ticket=a2.number, item="hukou-in", kind="promised")
    cases.extend(promised.number, "S01", "2026-12-10", "需要实地核查")
    cases.extend(promised.number, "S01", "2026-12-17", "等待公安部门回复")
    advance(5)  # 09:40
    q.call_next(1, "S01")  # A003 waited 40
    q.recall(a3.number, 1)
    q.no_show(a3.number, 1)
    advance(10)  # 09:50
    q.finish(c1.number, 3)  # served 45
    late = cases.open_case(staff="S03", ticket=c1.number, kind="promised", promised_days=1)  # due 11-24
    resident_rates(hall, immediate.number, "very_satisfied")
    consult = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    resident_rates(hall, consult.number, "unsatisfied", ["process"])
    at(2026, 11, 24, 9, 0)
    q.take("baby-hukou")  # another day
    at(2026, 11, 26, 9, 0)
    return {"immediate": immediate, "supplement": supplement, "promised": promised, "late": late, "consult": consult}


def test_day_report(hall, cases, day_of_work):
    report = cases.report(day=date(2026, 11, 23))
    assert report.period == "2026-11-23"
    assert report.tickets == {"issued": 4, "served": 3, "no_show": 1, "not_called": 0, "not_finished": 0}
    assert report.tickets_by_line == {
        "jisheng": {"issued": 3, "served": 2, "no_show": 1, "not_called": 0, "not_finished": 0},
        "minzheng": {"issued": 1, "served": 1, "no_show": 0, "not_called": 0, "not_finished": 0},
    }
    assert report.tickets_by_window == {
        1: {"called": 3, "served": 2, "no_show": 1, "not_finished": 0},
        3: {"called": 1, "served": 1, "no_show": 0, "not_finished": 0},
    }
    assert report.wait_median_minutes == 20  # waits 5, 10, 30, 40
    assert report.wait_p90_minutes == 40
    assert report.service_median_minutes == 10  # services 10, 5, 45
    assert report.cases_by_kind == {"consultation": 1, "immediate": 1, "promised": 2, "supplement": 1}
    assert report.cases_total == 5
    assert report.overdue_cases == 1  # the urban-dibao promised for 11-24, still open on 11-26
    assert (report.extended_cases, report.extensions) == (1, 2)
    assert report.supplement_by_item["hukou-in"] == {"cases": 2, "supplement": 1, "share": 0.5}
    assert report.supplement_by_item["baby-hukou"]["share"] == 0
    assert report.ratings_by_level == {
        "very_satisfied": 1,
        "satisfied": 0,
        "basic": 0,
        "unsatisfied": 1,
        "very_unsatisfied": 0,
    }
    assert (report.bad_ratings, report.open_followups) == (1, 1)
    assert report.overdue_followups == 1  # call-back was due 11-24


def test_month_report_and_csv(hall, cases, day_of_work):
    report = cases.report(month="2026-11")
    assert (report.start, report.end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert report.tickets["issued"] == 5
    assert report.tickets_by_line["jisheng"]["issued"] == 4
    sheet = report_sheet(report, "zh", code_names("zh"))
    assert sheet.headers == ("类别", "对象", "指标", "数值")
    table = {(r[0], r[1], r[2]): r[3] for r in sheet.rows}
    assert table[("取号", "合计", "取号")] == 5
    assert table[("各窗口", "1号窗口", "过号")] == 1
    assert table[("时间（分钟）", "合计", "90%等候时间")] == 40.0
    assert table[("办件类型", "承诺件", "件数")] == 2
    assert table[("补充件占比", "户口迁入", "占比")] == 0.5
    assert table[("评价", "不满意", "件数")] == 1
    assert table[("评价", "合计", "待整改跟踪")] == 1
    english = {(r[0], r[1], r[2]): r[3] for r in report_sheet(report, "en", code_names("en")).rows}
    assert english[("Tickets", "All", "Issued")] == 5
    assert cases.report(month="2026-10").tickets == {
        "issued": 0,
        "served": 0,
        "no_show": 0,
        "not_called": 0,
        "not_finished": 0,
    }
    assert cases.report(month="2026-12").cases_total == 0
    december = cases.report(month="2026-12")
    assert december.wait_median_minutes is None
    assert ("时间（分钟）", "合计", "等候时间中位数", "") in report_sheet(december).rows
    assert report.as_dict()["tickets_by_window"]["1"]["called"] == 3


def test_an_empty_day_and_bad_periods(hall, cases):
    empty = cases.report(day="2026-11-22")
    assert empty.tickets == {"issued": 0, "served": 0, "no_show": 0, "not_called": 0, "not_finished": 0}
    assert empty.cases_total == 0 and empty.supplement_by_item == {}
    assert cases.report().period == "2026-11-23"  # today, by the frozen clock
    with pytest.raises(ValueError):
        cases.report(day="2026-11-22", month="2026-11")


def test_percentiles_are_nearest_rank():
    assert percentile([], 0.9) is None
    assert percentile([7], 0.9) == 7
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile(list(range(1, 12)), 0.9) == 10
    assert median([3, 1, 2]) == 2 and median([4, 1, 2, 3]) == 2.5
