"""The notification form at the case screen: 未接通 is recorded and the case waits for a retry."""

from __future__ import annotations


async def test_the_case_screen_records_not_reached(staffed):
    from textual.widgets import Select

    from models.cases import Cases
    from models.schema.cases import CaseEvent
    from tests.staff.helpers import make_app, shift_for, text_of, wait_for
    from tests.staff.test_case_detail import show_detail

    cases = Cases(staffed.config)
    number = cases.open_case(staff="S05", item="rural-dibao", kind="promised", window=3, promised_days=5).number
    cases.complete(number, "S05", "已办结")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await show_detail(pilot, number)
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.name == "form", what="notify form")
        app.screen.query_one("#f-outcome", Select).value = "unreached"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "case", what="back")
        await wait_for(pilot, lambda: "未接通" in text_of(app.screen.query_one("#case-message")), what="said")
    assert CaseEvent.select().order_by(CaseEvent.id.desc()).get().kind == "notify_failed"


async def test_materials_one_by_one_at_the_case_screen(staffed):
    from textual.widgets import Select

    from models.cases import Cases
    from tests.staff.helpers import make_app, shift_for, text_of, wait_for
    from tests.staff.test_case_detail import show_detail

    cases = Cases(staffed.config)
    number = cases.open_case(staff="S05", item="rural-dibao", kind="promised", window=3, promised_days=5).number
    cases.supplement(number, "S05", other=["单位证明", "租房合同"])
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await show_detail(pilot, number)
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "form", what="materials form")
        app.screen.query_one("#f-material", Select).value = "租房合同"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "还差：单位证明" in text_of(app.screen.query_one("#case-message")), what="said")
    assert cases.detail(number)["missing"] == ["单位证明"]
