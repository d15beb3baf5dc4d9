"""Progress counts at month and year boundaries, in the hall's time zone, on both backends."""

from __future__ import annotations

from datetime import date

from models import clock
from tests.visits.conftest import at


def test_a_visit_near_midnight_counts_in_the_local_month(areas):
    visits, progress = areas.visits, areas.visit_progress
    at(date(2026, 10, 31), 23, 30)  # 15:30 UTC: still October here
    visits.log("S01", "g1-002")
    at(date(2026, 11, 1), 0, 30)  # 16:30 UTC on 31 October, but November here
    visits.log("S01", "g1-003")
    at(date(2026, 11, 23), 9)
    october = progress.of_worker("S01", "2026-10")
    november = progress.of_worker("S01", "2026-11")
    assert (october.visited, november.visited) == (1, 1)
    assert october.target == november.target == 30
    assert november.covered == 2 and november.households == 3 and november.coverage == 66
    assert october.covered == 1  # the year's coverage counts up to the month's end


def test_the_year_starts_again_on_the_first_of_january(areas):
    visits, progress = areas.visits, areas.visit_progress
    at(date(2025, 12, 31), 23, 50)
    visits.log("S01", "g1-001")
    visits.log("S01", "g1-002")
    at(date(2026, 1, 1), 0, 10)
    visits.log("S01", "g1-002")
    december = progress.of_worker("S01", "2025-12")
    january = progress.of_worker("S01", "2026-01")
    assert (december.covered, december.visited) == (2, 2)
    assert (january.covered, january.visited, january.coverage) == (1, 1, 33)
    assert progress.of_worker("S01", "2026-02").visited == 0


def test_a_household_visited_twice_counts_once_and_a_call_is_no_visit(areas):
    visits, progress = areas.visits, areas.visit_progress
    visits.log("S01", "g1-002", on=date(2026, 11, 3))
    visits.log("S01", "g1-002", on=date(2026, 11, 20))
    visits.log("S01", "g1-001", how="phone", on=date(2026, 11, 21))
    mine = progress.of_worker("S01", "2026-11")
    assert mine.visited == 1 and mine.covered == 1
    assert (mine.monthly_due, mine.not_contacted) == (2, 1)  # the special family was called; the difficult one not
    order = [(s.household.code, s.to_visit) for s in mine.statuses]
    assert order == [("g1-003", True), ("g1-001", True), ("g1-002", False)]


def test_a_colleagues_visit_covers_the_household_but_counts_for_the_colleague(areas):
    areas.visits.log("S02", "g1-002", on=date(2026, 11, 5))
    s01 = areas.visit_progress.of_worker("S01", "2026-11")
    s02 = areas.visit_progress.of_worker("S02", "2026-11")
    assert (s01.visited, s01.covered) == (0, 1)
    assert (s02.visited, s02.covered, s02.households) == (1, 0, 1)


def test_the_leaders_view_shows_who_is_behind_and_families_not_contacted(areas):
    progress = areas.visit_progress
    at(date(2026, 11, 2), 10)  # day 2 of 30: the pace is 2 households
    areas.visits.log("S02", "g2-001")
    areas.visits.log("S02", "g1-001")
    view = progress.leader_view("2026-11")
    assert [w.worker for w in view.behind] == ["S01"]
    assert [w.pace for w in view.workers] == [2, 2]
    assert [h.code for h in view.not_contacted] == ["g1-003"]
    at(date(2026, 12, 1), 9)  # November is over: 30 is the whole target
    over = progress.leader_view("2026-11")
    assert {w.worker for w in over.behind} == {"S01", "S02"}
    assert all(w.pace == 30 for w in over.workers)


def test_a_visit_cannot_be_for_a_day_to_come(areas):
    import pytest

    from models.households.rules import HouseholdRefused

    with pytest.raises(HouseholdRefused) as refused:
        areas.visits.log("S01", "g1-001", on=date(2026, 11, 24))
    assert "2026-11-24" in refused.value.message("zh")
    assert clock.service_day(areas.config.zone) == date(2026, 11, 23)
