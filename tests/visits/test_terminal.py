"""Logging a visit at the staff terminal at 80×24, in Chinese and in English; the leader's view."""

from __future__ import annotations

import pytest

from models.schema.households import Visit, VisitMatter
from staff_tui.widgets.keyed_table import KeyedTable
from tests.staff.helpers import make_app, screen_text, shift_for, text_of, wait_for
from tests.visits.conftest import PERSONAL


async def open_visits(pilot, app) -> None:
    await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
    await pilot.press("v")
    await wait_for(pilot, lambda: app.screen.name == "visits" and app.screen.mine is not None, what="visits")
    await wait_for(pilot, lambda: app.screen.query_one("#visits-list", KeyedTable).row_count > 0, what="rows")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_visit_is_logged_in_a_few_keys(areas, language):
    app = make_app(areas, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_visits(pilot, app)
        table = app.screen.query_one("#visits-list", KeyedTable)
        assert table.current_key == "g1-001"  # a monthly family not contacted comes first
        shown = screen_text(app)
        assert ("本月已走访 0 户" if language == "zh" else "Visited this month: 0 of 30") in shown
        assert not any(value in shown for value in PERSONAL)
        assert table.virtual_size.width <= 80
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen.query("#f-matter1"), what="form")
        app.screen.query_one("#f-matter1").value = "楼道灯坏了"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "visits" and Visit.select().count() == 1, what="saved")
        await wait_for(pilot, lambda: app.screen.mine.visited == 1, what="reloaded")
        said = text_of(app.screen.query_one("#message"))
        assert "g1-001" in said
        assert [m.text for m in VisitMatter.select()] == ["楼道灯坏了"]
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "queue")


async def test_a_matter_with_a_phone_number_is_refused_in_the_form(areas):
    app = make_app(areas, shift=shift_for("S01", 1), language="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_visits(pilot, app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.query("#f-matter1"), what="form")
        app.screen.query_one("#f-matter1").value = "请回电13900002222"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "电话" in text_of(app.screen.query_one("#error")), what="refusal")
        assert Visit.select().count() == 0


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_leaders_view(areas, language):
    app = make_app(areas, shift=shift_for("L01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
        await pilot.press("v")
        await wait_for(pilot, lambda: app.screen.name == "visits" and app.screen.leader is not None, what="view")
        await pilot.press("f3")
        table = app.screen.query_one("#visits-list", KeyedTable)
        await wait_for(pilot, lambda: table.row_count == 2, what="workers")
        shown = screen_text(app)
        assert "S01" in shown and "S02" in shown and "g1-001" in shown
        assert not any(value in shown for value in PERSONAL)
        assert table.virtual_size.width <= 80


async def test_going_out_to_visit_names_the_households(areas):
    app = make_app(areas, shift=shift_for("S01", 1), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_visits(pilot, app)
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.query("#f-households"), what="form")
        assert list(app.screen.query_one("#f-households").selected) == ["g1-001"]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "visits" and app.my_state == "visiting", what="gone")
        assert areas.visits.planned("S01") == ["g1-001"]
        assert areas.whereabouts.state_of("S01").state == "visiting"


async def open_matters(pilot, app) -> None:
    await open_visits(pilot, app)
    await pilot.press("f5")
    await wait_for(pilot, lambda: app.screen.name == "visit_matters" and app.screen.matters, what="matters")


async def answer_back(pilot, app, text: str) -> None:
    """Enter on the matter under the cursor, the answer typed and saved: the list empties."""
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.screen.query("#f-text"), what="answer form")
    app.screen.query_one("#f-text").value = text
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.screen.name == "visit_matters" and app.screen.matters == [], what="answered")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_an_answer_is_recorded_against_the_visit(areas, language):
    visit = areas.visits.log("S01", "g1-002", matters=["楼道灯坏了"])
    app = make_app(areas, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matters(pilot, app)
        assert "楼道灯坏了" in screen_text(app)
        assert app.screen.query_one("#matters", KeyedTable).virtual_size.width <= 80
        await answer_back(pilot, app, "已报物业，修好了")
        assert areas.visits.get(visit.id).matters[0].answers[0]["text"] == "已报物业，修好了"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.name == "visits")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_matter_opens_its_case_and_is_answered_back(areas, language):
    from textual.widgets import Input, Select

    from staff_tui.widgets.case_form import CaseForm

    visit = areas.visits.log("S01", "g1-002", matters=["想申请老年证"])
    app = make_app(areas, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matters(pilot, app)
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.query(CaseForm), what="case form")
        assert "想申请老年证" in screen_text(app)
        form = app.screen.query_one(CaseForm)
        form.query_one("#item", Select).value = "elderly-card"
        await wait_for(pilot, lambda: form.kind == "promised", what="the item's kind")  # the item sets its kind
        form.query_one("#kind", Select).value = "returned"
        await wait_for(pilot, lambda: form.kind == "returned", what="kind")
        form.query_one("#reason", Input).value = "户籍不在本社区"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "visit_matters", what="saved")
        number = areas.visits.get(visit.id).matters[0].case
        assert number and areas.cases.get(number).kind == "returned"
        await wait_for(pilot, lambda: number in screen_text(app), what="case shown")
        await pilot.press("f3")  # once per matter
        await wait_for(pilot, lambda: number in text_of(app.screen.query_one("#message")), what="refused")
        assert app.screen.name == "visit_matters"
        await answer_back(pilot, app, "已告知到户籍地办理")  # the answer is still to record, and reachable
        assert areas.visits.get(visit.id).matters[0].answered


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_households_details_are_shown_in_the_dialog_only(areas, language):
    from models.schema.households import HouseholdAccess

    app = make_app(areas, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_visits(pilot, app)
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.screen.query("#f-reason"), what="reason form")
        await pilot.press("ctrl+s")  # no reason: refused, nothing shown
        await wait_for(pilot, lambda: text_of(app.screen.query_one("#error")).strip() not in ("", "…"), what="no")
        assert HouseholdAccess.select().count() == 0
        app.screen.query_one("#f-reason").value = "走访前电话联系"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query("#household-details"), what="details")
        shown = screen_text(app)
        assert "王大明" in shown and "13900002222" in shown
        assert [(a.reason, a.staff.code) for a in HouseholdAccess.select()] == [("走访前电话联系", "S01")]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.name == "visits", what="back")
        await pilot.pause()
        shown = screen_text(app)
        assert not any(value in shown for value in PERSONAL)
