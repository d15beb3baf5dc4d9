"""一次性告知 that measures itself: missing materials per item, and whether the notice was read first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.errors import NotFound, Refused
from models.notice_views import month_report, new_visit
from models.schema import Item
from models.schema.notice_views import NoticeView, VisitTicket
from tests.cases.conftest import advance, at


def _materials(code: str) -> list[str]:
    return [m["name"] for m in Item.get(Item.code == code).data["materials"]]


def _short(hall, cases, item: str, missing: list[str], *, visit: str | None = None, read: bool = True):
    """A resident takes a ticket at the kiosk (having read ``item``'s notice in ``visit`` if ``read``),
    is served at window 1 and leaves a 补充件 missing ``missing``."""
    views = hall.notice_views
    if visit and read:
        views.viewed(item, "kiosk", visit)
    receipt = hall.queue.take(item)
    if visit:
        views.ticket_taken(visit, receipt.tracking_code)
    hall.queue.call_next(1, "S01")
    hall.queue.start(receipt.number, 1)
    advance(3)
    return cases.open_case(staff="S01", ticket=receipt.number, item=item, kind="supplement", window=1, missing=missing)


def test_each_missing_material_is_counted_and_the_notice_read_first_is_linked(hall, cases):
    names = _materials("hukou-in")
    _short(hall, cases, "hukou-in", names[:2], visit=new_visit())  # read the notice, still two short
    _short(hall, cases, "hukou-in", names[:1], visit=new_visit(), read=False)  # never read it
    _short(hall, cases, "hukou-in", names[1:2])  # no visit at all (took the ticket elsewhere)
    hall.notice_views.viewed("baby-hukou", "web", new_visit())  # read, never came
    report = month_report(hall.config, "2026-11")
    rows = {row["item"]: row for row in report["items"]}
    hukou = rows["hukou-in"]
    assert (hukou["supplements"], hukou["seen_first"], hukou["views"]) == (3, 1, {"kiosk": 1, "web": 0})
    assert sorted(hukou["materials"], key=lambda m: m["name"]) == sorted(
        [{"name": names[0], "missing": 2, "after_reading": 1}, {"name": names[1], "missing": 2, "after_reading": 1}],
        key=lambda m: m["name"],
    )
    assert rows["baby-hukou"]["supplements"] == 0 and rows["baby-hukou"]["views"] == {"kiosk": 0, "web": 1}
    assert not hukou["failing"] and report["failing"] == 0  # one is below the default threshold of three
    assert month_report(hall.config, "2026-10")["items"] == []


def test_a_notice_read_after_the_materials_were_found_missing_does_not_count(hall, cases):
    visit = new_visit()
    receipt = hall.queue.take("hukou-in")
    hall.notice_views.viewed("hukou-in", "kiosk", visit)
    hall.notice_views.ticket_taken(visit, receipt.tracking_code)
    hall.queue.call_next(1, "S01")
    hall.queue.start(receipt.number, 1)
    facts = cases.open_case(staff="S01", ticket=receipt.number, item="hukou-in", kind="promised", window=1)
    advance(10)
    hall.notice_views.viewed("hukou-in", "kiosk", visit)  # read again, later
    cases.supplement(facts.number, "S01", _materials("hukou-in")[:1], [])
    row = month_report(hall.config, "2026-11")["items"][0]
    assert (row["supplements"], row["seen_first"]) == (1, 1)  # the first reading came before: it counts
    other = new_visit()
    later = hall.queue.take("baby-hukou")
    hall.queue.call_next(1, "S01")
    hall.queue.start(later.number, 1)
    case = cases.open_case(
        staff="S01", ticket=later.number, item="baby-hukou", kind="promised", window=1, promised_days=5
    )
    cases.supplement(case.number, "S01", _materials("baby-hukou")[:1], [])
    advance(5)
    hall.notice_views.viewed("baby-hukou", "web", other)
    hall.notice_views.ticket_taken(other, later.tracking_code)  # the same phone opened the ticket's page afterwards
    baby = next(r for r in month_report(hall.config, "2026-11")["items"] if r["item"] == "baby-hukou")
    assert (baby["supplements"], baby["seen_first"]) == (1, 0)


def test_an_item_whose_notice_keeps_failing_is_flagged_by_the_configs_rule(hall, cases):
    names = _materials("hukou-in")
    for _ in range(2):
        _short(hall, cases, "hukou-in", names[:1], visit=new_visit())
    _short(hall, cases, "hukou-in", names[:1], visit=new_visit(), read=False)
    config = replace(hall.config, notice_checks=replace(hall.config.notice_checks, failing_min=2, failing_percent=60))
    report = month_report(config, "2026-11")
    assert report["items"][0]["failing"] and report["failing"] == 1  # 2 of 3 read it first: 67 %
    stricter = replace(config, notice_checks=replace(config.notice_checks, failing_percent=70))
    assert not month_report(stricter, "2026-11")["items"][0]["failing"]


def test_the_log_keeps_no_person_and_links_a_visit_once(hall, cases):
    views = hall.notice_views
    visit = new_visit()
    with pytest.raises(Refused) as channel:
        views.viewed("hukou-in", "phone", visit)
    assert channel.value.key == "bad_notice_channel" and "自助机" in channel.value.message("zh")
    with pytest.raises(Refused) as bad:
        views.viewed("hukou-in", "kiosk", "王芳13812345678")
    assert bad.value.key == "bad_visit"
    with pytest.raises(NotFound):
        views.viewed("no-such-item", "kiosk", visit)
    receipt = hall.queue.take("hukou-in")
    assert views.ticket_taken(visit, receipt.tracking_code) is False  # nothing read: nothing to link
    views.viewed("hukou-in", "kiosk", visit)
    assert views.ticket_taken(visit, receipt.tracking_code) is True
    assert views.ticket_taken(visit, receipt.tracking_code) is False
    assert VisitTicket.select().count() == 1
    assert [f.name for f in NoticeView._meta.sorted_fields if f.name not in ("digest", "prev")] == [
        "id",
        "item",
        "channel",
        "at",
        "visit",
    ]


def test_the_month_report_from_the_command_line(hall, cases, run):
    import json

    names = _materials("hukou-in")
    _short(hall, cases, "hukou-in", names[:1], visit=new_visit())
    code, out, _ = run("report", "notices", "--month", "2026-11")
    assert code == 0 and "一次性告知自查" in out and "先看过告知 1 件" in out and names[0] in out
    code, out, _ = run("report", "notices", "--month", "2026-11", "--json")
    assert code == 0 and json.loads(out)["items"][0]["materials"][0]["after_reading"] == 1
    code, out, _ = run("report", "notices", "--month", "2026-11", lang="en")
    assert code == 0 and "after reading the notice" in out
    at(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "key"),
    [("failing_min = 0", "notice_checks.failing_min"), ("failing_percent = 101", "notice_checks.failing_percent")],
)
def test_a_bad_threshold_is_refused_naming_its_key(tmp_path, text, key):
    from models.config import ConfigError, load_config

    path = tmp_path / "hall.toml"
    path.write_text(f"[notice_checks]\n{text}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    assert key in str(error.value)
