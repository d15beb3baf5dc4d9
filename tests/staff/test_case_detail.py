"""The case detail screen's fields, one label-and-value pair a row on a narrow
terminal and two on a wide one, in Chinese and English."""

from __future__ import annotations

import re

import pytest

from models.cases import Cases
from staff_tui.screens.case_detail import CaseDetailScreen
from tests.staff.helpers import make_app, shift_for, wait_for


def open_long_case(hall) -> str:
    """A case whose item has a long name (it fills its column on a wide terminal)."""
    return (
        Cases(hall.config)
        .open_case(
            staff="S05",
            item="landless-pension-claim",
            kind="promised",
            window=3,
            channel="visit",
            name="王小明",
            phone="13812345678",
        )
        .number
    )


async def show_detail(pilot, number: str) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue")
    app.push_screen(CaseDetailScreen(number))
    await wait_for(pilot, lambda: app.screen.name == "case" and app.screen.view is not None, what="case detail")
    await pilot.pause(0.2)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_two_blank_cells_part_each_label_from_its_neighbours(sqlite_hall, size, language):
    number = open_long_case(sqlite_hall)
    app = make_app(sqlite_hall, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=size) as pilot:
        await show_detail(pilot, number)
        fields = app.screen.query_one("#case-fields")
        grid = fields.content
        assert len(grid.columns) == (4 if size[0] >= 100 else 2)
        text = "\n".join(strip.text for strip in fields.render_lines(fields.region.reset_offset))
        for index in range(0, len(grid.columns), 2):
            labels = (str(cell) for cell in grid.columns[index].cells)
            for label in filter(None, labels):  # the last row may have one pair
                assert re.search(re.escape(label) + "  ", text), f"{label!r} runs into its value:\n{text}"
                if index:
                    assert not re.search(r"\S ?" + re.escape(label), text), f"a value runs into {label!r}:\n{text}"


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_history_wraps_its_details_instead_of_running_off_the_right(sqlite_hall, size, language):
    number = open_long_case(sqlite_hall)
    Cases(sqlite_hall.config).extend(
        number, "S05", "2026-12-31", "需要到区人社局核对参保记录和历年缴费明细，预计还需三个工作日" * 2
    )
    app = make_app(sqlite_hall, shift=shift_for("S05", 3), language=language, live=False)
    async with app.run_test(size=size) as pilot:
        await show_detail(pilot, number)
        history = app.screen.query_one("#history")
        assert history.row_count >= 2
        assert history.max_scroll_x == 0
        assert history.virtual_size.width <= app.screen.query_one("#case-body").size.width
        assert any(row.height > 1 for row in history.rows.values())  # the long reason wrapped
