"""No household's personal data in any list, event, CSV or board; every reveal logged with its reason."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from models import events
from models.households.rules import HouseholdRefused
from models.schema import Event
from models.schema.households import HouseholdAccess
from models.visits.summary import export_summary
from tests.visits.conftest import PERSONAL


def _clean(text: str) -> None:
    for value in PERSONAL:
        assert value not in text, value


def test_lists_are_masked(areas):
    rows = areas.households.rows()
    _clean(json.dumps([r.as_dict() for r in rows], ensure_ascii=False))
    first = rows[0]
    assert (first.head, first.phone, first.room, first.stairway_leader) == ("王**", "139****2222", "5**", "孙**")
    _clean(json.dumps([a.__dict__ for a in areas.households.areas()], ensure_ascii=False))
    areas.visits.log("S02", "g1-001", on=date(2026, 11, 2))
    progress = areas.visit_progress
    _clean(json.dumps(progress.of_worker("S01", "2026-11").as_dict(), ensure_ascii=False, default=str))
    _clean(json.dumps(progress.leader_view("2026-11").as_dict(), ensure_ascii=False, default=str))
    _clean(json.dumps(areas.whereabouts.board().as_dict(), ensure_ascii=False, default=str))


def test_a_reveal_needs_a_reason_and_is_logged(areas):
    with pytest.raises(HouseholdRefused):
        areas.households.reveal("g1-001", "S01", "  ")
    with pytest.raises(HouseholdRefused) as refused:
        areas.households.reveal("g1-001", "S02", "回访")
    assert refused.value.key == "not_your_area"
    with pytest.raises(HouseholdRefused) as refused:
        areas.households.reveal("g1-001", "S01", "回访" * 101)  # refused whole, never cut to fit
    assert refused.value.key == "too_long"
    assert HouseholdAccess.select().count() == 0
    full = areas.households.reveal("g1-001", "S01", "电话回访")
    assert (full["head"], full["phone"], full["grid_leader"]) == ("王大明", "13900002222", "周网格")
    areas.households.reveal("g2-001", "L01", "核实地址")
    assert [(o["staff"], o["reason"]) for o in areas.households.openings("g1-001")] == [("S01", "电话回访")]
    _clean(json.dumps([e.data for e in events.after(0, 5000)], ensure_ascii=False))


def test_personal_data_cannot_be_written_into_a_matter(areas):
    for text in ("王大明说楼道灯坏了", "请回电13900002222", "身份证110101199001011234"):
        with pytest.raises(HouseholdRefused) as refused:
            areas.visits.log("S01", "g1-001", matters=[text])
        assert refused.value.key == "personal_in_text"


def test_the_monthly_csv_holds_no_household(areas, tmp_path):
    areas.visits.log("S01", "g1-001", matters=["楼道灯坏了"], on=date(2026, 11, 2))
    config = replace(areas.config, exports=replace(areas.config.exports, folder=str(tmp_path / "out")))
    path = export_summary(config, areas.visit_progress, "2026-11")
    text = path.read_text(encoding="utf-8-sig")
    assert path.parent == tmp_path / "out" and path.name.startswith("visits-2026-11-")
    assert "S01" in text and "本月走访户数" in text
    _clean(text)
    _clean(" ".join(str(e.data) for e in Event.select()))
