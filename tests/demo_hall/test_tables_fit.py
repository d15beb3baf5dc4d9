"""The whereabouts and duty tables at every terminal size, in Chinese and English:
no table is wider than its box (it would scroll sideways and hide its last
column) and no column header is cut."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from models.duty import Duty
from staff_tui.widgets.keyed_table import KeyedTable
from tests.demo_hall.helpers import app_for, ready, wait_for

SIZES = [(80, 24), (100, 30), (120, 40), (160, 50)]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_columns_fit_their_box_and_headers_fit_their_columns(sqlite_demo, size, language):
    for number in range(6):  # more than the log's box holds: its scrollbar takes room too
        Duty(sqlite_demo.config).log_problem("L01", f"二楼走廊第{number + 1}盏灯不亮")
    app = app_for(sqlite_demo, "L01", 1, language=language)
    async with app.run_test(size=size) as pilot:
        await ready(pilot, "queue", data=False)
        for key, name in (("ctrl+g", "whereabouts"), ("ctrl+o", "duty")):
            await pilot.press(key)
            await ready(pilot, name)
            await pilot.pause(0.2)
            assert_tables_fit(app, name, size, language)


def assert_tables_fit(app, name, size, language) -> None:
    shown = [table for table in app.screen.query(KeyedTable) if table.parent.display]
    wanted = {"people", "cover"} if name == "whereabouts" else {"log"} if name == "duty" else {"cases"}
    assert wanted <= {table.id for table in shown}
    for table in shown:
        where = f"{name} #{table.id} at {size[0]}x{size[1]} ({language})"
        columns = list(table.columns.values())
        used = sum(column.get_render_width(table) for column in columns)
        assert used <= table.scrollable_content_region.width, where
        assert table.max_scroll_x == 0, where
        for column in columns:
            assert cell_len(column.label.plain) <= column.width, f"{column.label.plain!r} in {where}"


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("screen,key", [("whereabouts", "ctrl+g"), ("duty", "ctrl+o"), ("ledger", "f9")])
async def test_tables_fit_again_after_the_terminal_is_made_smaller(sqlite_demo, screen, key, language):
    """A maintainer on SSH resizes the window: the columns follow, within one threshold too."""
    app = app_for(sqlite_demo, "L01", 1, language=language)
    async with app.run_test(size=(160, 50)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press(key)
        await ready(pilot, screen, data=screen != "ledger")
        await wait_for(pilot, lambda: screen != "ledger" or app.screen.answer is not None, what="ledger page")
        for size in ((150, 50), (96, 30), (82, 24), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause(0.3)
            assert_tables_fit(app, screen, size, language)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_long_checklist_scrolls_down_not_sideways(sqlite_demo, size):
    from dataclasses import replace

    from staff_tui.app import StaffApp
    from tests.demo_hall.helpers import shift_for

    items = tuple(f"检查第{n}号设备并记录读数" for n in range(1, 15))  # a hall's own, longer list
    config = replace(sqlite_demo.config, opening_checklist=items, closing_checklist=items)
    app = StaffApp(
        config, hall=sqlite_demo, shift=shift_for("L01", 1), watch_theme=False, live=False, terminal="pytest"
    )
    async with app.run_test(size=size) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+o")
        await ready(pilot, "duty")
        await pilot.pause(0.2)
        lists = [
            table
            for table in app.screen.query(KeyedTable)
            if table.id in ("opening", "closing") and table.parent.display
        ]
        assert lists
        for table in lists:
            assert table.row_count == len(items)
            assert table.max_scroll_y > 0 and table.max_scroll_x == 0, table.id
