"""Visits, the matters raised, their cases and answers: appended, never rewritten."""

from __future__ import annotations

from datetime import date

import pytest

from models.households.rules import HouseholdRefused
from models.schema.households import Visit, VisitFollowup, VisitMatter, VisitPlan


def test_a_matter_opens_a_case_and_its_answer_is_recorded_against_the_visit(areas):
    visits = areas.visits
    visit = visits.log("S01", "g1-001", met="family", matters=["楼道灯坏了", "想申请老年证"])
    assert [m.seq for m in visit.matters] == [1, 2]
    second = visit.matters[1].id
    number = visits.open_case(second, "S01", item="elderly-card")
    case = areas.cases.get(number)
    assert case.channel == "visit"
    with pytest.raises(HouseholdRefused):
        visits.open_case(second, "S01", item="elderly-card")
    visits.answer(visit.matters[0].id, "S01", "已报物业，三天内修好", how="phone")
    after = visits.get(visit.id)
    assert after.matters[0].answered and after.matters[0].answers[0]["how"] == "phone"
    assert after.matters[1].case == number and not after.matters[1].answered
    assert VisitFollowup.select().count() == 2


def test_only_the_visitor_the_areas_worker_or_a_leader_follows_a_matter_up(areas):
    visit = areas.visits.log("S02", "g2-001", matters=["垃圾清运不及时"])
    with pytest.raises(HouseholdRefused) as refused:
        areas.visits.answer(visit.matters[0].id, "S01", "已转城管")
    assert refused.value.key == "not_your_visit"
    areas.visits.answer(visit.matters[0].id, "L01", "已转城管")


def test_visits_are_append_only(areas):
    from peewee import DatabaseError

    visit = areas.visits.log("S01", "g1-002", matters=["噪音"])
    for model, row_id in ((Visit, visit.id), (VisitMatter, visit.matters[0].id)):
        with pytest.raises(DatabaseError), areas.db.atomic():
            model.update(note="x").where(model.id == row_id).execute() if model is Visit else model.delete().execute()


def test_going_out_to_visit_names_the_households_planned(areas):
    change = areas.visits.go_visiting("S01", ["g1-001", "g1-003"], note="入户走访")
    assert change.to_state == "visiting"
    assert areas.whereabouts.state_of("S01").state == "visiting"
    assert areas.visits.planned("S01") == ["g1-001", "g1-003"]
    assert VisitPlan.select().count() == 2
    areas.whereabouts.set_state("S01", "on_duty")
    assert areas.visits.planned("S01") == []
    with pytest.raises(HouseholdRefused):
        areas.visits.go_visiting("S01", ["nope"])
    assert areas.whereabouts.state_of("S01").state == "on_duty"  # nothing was written


def test_after_the_fact_keeps_the_day_it_happened(areas):
    visit = areas.visits.log("S01", "g1-002", on=date(2026, 11, 2))
    assert visit.visited_on == date(2026, 11, 2) and visit.logged_at.date() == date(2026, 11, 23)
    assert [v.id for v in areas.visits.of_worker("S01", date(2026, 11, 1), date(2026, 11, 30))] == [visit.id]


def test_matters_still_to_answer(areas):
    first = areas.visits.log("S01", "g1-001", matters=["楼道灯坏了", "想申请老年证"], on=date(2026, 11, 2))
    areas.visits.log("S02", "g1-002", matters=["噪音"], on=date(2026, 11, 3))  # in S01's area
    areas.visits.log("S02", "g2-001", matters=["垃圾"], on=date(2026, 11, 4))
    areas.visits.answer(first.matters[0].id, "S01", "已修好")
    assert [m.text for _v, m in areas.visits.open_matters("S01")] == ["想申请老年证", "噪音"]
    assert [m.text for _v, m in areas.visits.open_matters("S02")] == ["噪音", "垃圾"]


def test_a_matters_case_takes_the_details_of_its_kind(areas):
    visit = areas.visits.log("S01", "g1-001", matters=["想申请老年证"])
    number = areas.visits.open_case(
        visit.matters[0].id, "S01", item="elderly-card", kind="returned", reason="户籍不在本社区"
    )
    case = areas.cases.get(number)
    assert (case.channel, case.kind) == ("visit", "returned")
    assert areas.visits.get(visit.id).matters[0].case == number
    with pytest.raises(TypeError):
        areas.visits.open_case(visit.matters[0].id, "S01", item="elderly-card", ticket="A001")
