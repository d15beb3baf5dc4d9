"""Exports from the terminal: F11 on the ledger, into the export folder, saying where (F5 on the
reports: tests/staff/test_report_export_whole.py)."""

from __future__ import annotations

from pathlib import Path

from models.config import ExportsConfig
from tests.staff.helpers import make_app, shift_for, wait_for


def export_to(tmp_path) -> tuple[Path, ExportsConfig]:
    folder = tmp_path / "exports"
    return folder, ExportsConfig(folder=str(folder))


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
