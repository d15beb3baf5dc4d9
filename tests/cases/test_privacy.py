"""Privacy: what a tracking code shows never holds a name, phone or ID number."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from models.cases.privacy import has_personal_data, mask_name, mask_phone
from models.cases.public_view import public_view
from models.cases.rules import KINDS, CaseRefused
from models.events import after
from models.queue import tracking
from models.schema import Item
from models.schema.cases import CaseEvent
from tests.cases.conftest import resident_rates, serve

NAME, PHONE, ID_NUMBER = "欧阳娜娜", "13812345678", "110101199003071234"

DETAILS = {
    "consultation": dict(result="已解答"),
    "immediate": dict(result="已当场办结"),
    "promised": dict(),
    "supplement": dict(other=["单位证明"]),
    "returned": dict(reason="不符合办理条件"),
    "escalated": dict(authority="街道民政科", authority_due=date(2026, 12, 30)),
    "petition": dict(),
}


def _no_personal_data(blob: str) -> None:
    assert NAME not in blob and NAME[:2] not in blob
    assert PHONE not in blob and "138****5678" not in blob and "5678" not in blob
    assert ID_NUMBER not in blob
    assert not re.search(r"1[3-9]\d{9}", blob)


def test_public_view_of_every_kind_and_state_holds_no_personal_data(hall, cases):
    number = serve(hall, "hukou-in", 1, "S01")
    made = {}
    for kind in KINDS:
        made[kind] = cases.open_case(staff="S01", ticket=number, kind=kind, name=NAME, phone=PHONE, **DETAILS[kind])
    code = made["promised"].tracking_code
    views = [public_view(hall.config, code)]
    # Move every open case on, and look again at each stage.
    cases.extend(made["promised"].number, "S01", "2026-12-31", "需要实地核查")
    cases.materials_received(made["supplement"].number, "S01")
    views.append(public_view(hall.config, code))
    for kind in ("promised", "supplement", "escalated", "petition"):
        cases.complete(made[kind].number, "S01", "已办结")
    views.append(public_view(hall.config, code))
    for kind in ("promised", "supplement"):
        cases.notify(made[kind].number, "S01", "phone")
    resident_rates(hall, made["promised"].number, "very_unsatisfied", ["attitude"])
    cases.publish(made["promised"].number, "S01", "该事项已办结。")
    views.append(public_view(hall.config, code))
    for view in views:
        assert {c["kind"] for c in view["cases"]} >= {"consultation", "immediate", "returned", "escalated", "petition"}
        assert len(view["cases"]) == len(KINDS)
        _no_personal_data(json.dumps(view, ensure_ascii=False))
    final = {c["number"]: c for c in views[-1]["cases"]}
    assert final[made["returned"].number]["return_reason"] == "不符合办理条件"
    assert final[made["promised"].number]["extended_to"] == "2026-12-31"
    assert final[made["supplement"].number]["missing"] == []
    assert views[0]["cases"][3]["missing"] == ["单位证明"]  # names only, while waiting
    assert final[made["promised"].number]["result"] == "已办结"
    # The public notice board and the change feed hold none either.
    _no_personal_data(json.dumps(cases.public_notices(), ensure_ascii=False))
    _no_personal_data(json.dumps([e.data for e in after(0, limit=10_000)], ensure_ascii=False))
    _no_personal_data(json.dumps([e.data for e in CaseEvent.select()], ensure_ascii=False))


def test_public_view_is_an_allow_list(hall, cases):
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1, name=NAME, phone=PHONE)
    view = public_view(hall.config, tracking.display(facts.tracking_code))
    assert set(view) == {"tracking_code", "ticket", "item", "line", "cases"}
    assert set(view["cases"][0]) == {
        "number",
        "kind",
        "state",
        "item",
        "accepted_on",
        "due_date",
        "overdue",
        "missing",
        "authority",
        "authority_due",
        "extended_to",
        "extensions",
        "result",
        "return_reason",
        "completed_on",
        "rated",
        "can_rate",
        "rating",
        "followup",
        "called_back",
        "rectified",
        "callback_due",
        "rectify_due",
        "notices",
        "followup_result",
    }


@pytest.mark.parametrize(
    "field",
    ["result", "reason", "other", "authority"],
)
def test_texts_the_public_sees_refuse_personal_data(hall, cases, field):
    leaks = [f"请联系{NAME}", f"电话{PHONE}", f"身份证{ID_NUMBER}"]
    kind = {"result": "consultation", "reason": "returned", "other": "supplement", "authority": "escalated"}[field]
    item = {"consultation": "party-consult", "escalated": "rural-dibao"}.get(kind, "hukou-in")
    for leak in leaks:
        value = [leak] if field == "other" else leak
        with pytest.raises(CaseRefused) as refused:
            cases.open_case(staff="S01", item=item, kind=kind, window=1, name=NAME, phone=PHONE, **{field: value})
        assert refused.value.key == "personal_data"


def test_personal_data_helpers():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("88001234") == "****1234"
    assert mask_name("欧阳娜娜") == "欧***"
    assert has_personal_data("电话 138 1234 5678")
    assert has_personal_data("身份证号11010119900307123X")
    assert has_personal_data("联系人张三", ("张三",))
    assert not has_personal_data("受理编号 2026-000123，已于2026年11月23日办结。")
    assert not has_personal_data("")


def test_item_materials_shown_are_names_only(hall, cases):
    names = [m["name"] for m in Item.get(Item.code == "hukou-in").data["materials"]][:2]
    facts = cases.open_case(staff="S01", item="hukou-in", kind="supplement", window=1, missing=names)
    shown = public_view(hall.config, facts.tracking_code)["cases"][0]["missing"]
    assert shown == names
