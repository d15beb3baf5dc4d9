"""Exports from the terminal: F5 on the reports, F11 on the ledger, into the export folder, saying where."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from models.config import ExportsConfig
from tests.staff.helpers import make_app, shift_for, wait_for


def export_to(tmp_path) -> tuple[Path, ExportsConfig]:
    folder = tmp_path / "exports"
    return folder, ExportsConfig(folder=str(folder))


async def test_the_report_from_f5(staffed, tmp_path):
    folder, exports = export_to(tmp_path)
    app = make_app(staffed, shift=shift_for("L01", 2), exports=exports)
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
    assert next(load_workbook(path).active.iter_rows(values_only=True)) == ("类别", "对象", "指标", "数值")


async def test_the_ledger_from_f11(staffed, tmp_path):
    folder, exports = export_to(tmp_path)
    app = make_app(staffed, shift=shift_for("S01", 1), language="en", exports=exports)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue")
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None, what="ledger")
        await pilot.press("f11")
        await wait_for(pilot, lambda: app.screen.name != "ledger", what="export form")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: list(folder.glob("case-ledger-*.xlsx")), what="file")
