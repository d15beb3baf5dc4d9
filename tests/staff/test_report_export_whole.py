"""F5 on the reports writes what the screen shows: its hourly curves and attendance too, in both languages at 80×24."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from models.config import ExportsConfig
from tests.staff.helpers import make_app, shift_for, take, wait_for

WORDS = {
    "zh": (("类别", "对象", "指标", "数值"), "每小时", "取号", "最多同时等候", "考勤", "L01 马站长"),
    "en": (
        ("Section", "Subject", "Figure", "Value"),
        "Each hour",
        "Tickets issued",
        "Most waiting at once",
        "Attendance",
        "L01 马站长",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_f5_writes_the_hours_and_attendance(staffed, tmp_path, language):
    folder = tmp_path / "exports"
    take(staffed, "rural-dibao", "rural-dibao")
    app = make_app(
        staffed, shift=shift_for("L01", 2), language=language, live=False, exports=ExportsConfig(folder=str(folder))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen.name == "reports" and app.screen.data is not None, what="reports")
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.name != "reports", what="export form")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: list(folder.glob("*.xlsx")), what="file")
        path = next(folder.glob("*.xlsx"))
        await wait_for(pilot, lambda: path.name in str(app.screen.query_one("#message").render()), what="said")
    headers, hourly, issued, peak, attendance, leader = WORDS[language]
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0] == headers
    nine = {r[2]: r[3] for r in rows if r[0] == hourly and r[1] == "09:00–10:00"}
    assert nine[issued] == 2 and peak in nine
    assert any(r[0] == attendance and r[1] == leader for r in rows)
