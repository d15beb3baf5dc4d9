"""Notices on the terminal: wrapped without splitting a date, a time or a number; a long
title cut with "…"."""

from __future__ import annotations

import re

import pytest

from staff_tui.text import wrap_keeping
from tests.staff.helpers import make_app, screen_text, shift_for, take, text_of
from tests.staff.test_outcome import call_and_open_outcome, fill, resident_view

DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("width", range(16, 41))  # a date is 13 cells wide
def test_a_date_is_never_split_and_nothing_is_lost(width):
    text = "请于2026年12月9日前到本窗口领取结果。告知时间：2026-12-02 04:22，经办人 王芳（S01）。\n  第二段 Please come back."
    lines = wrap_keeping(text, width)
    from rich.cells import cell_len

    assert all(cell_len(line) <= width for line in lines)
    joined = "".join(lines)
    for date in DATE.findall(text):
        assert any(date in line for line in lines), (width, lines)
    assert joined.replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert not any(line.startswith(("，", "。", "）")) for line in lines)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_residents_notices_keep_dates_whole_and_cut_long_titles(staffed, size):
    take(staffed, "rural-dibao")
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=size) as pilot:
        await call_and_open_outcome(pilot, app)
        fill(app, "promised", {"days": "5"})
        form = app.screen.query("CaseForm").last()
        form.query_one("#item").value = "landless-pension-claim"  # a long item name
        await pilot.pause()
        fill(app, "promised", {"days": "5"})
        await pilot.press("ctrl+s")
        await resident_view(pilot, app)
        await pilot.pause(0.2)
        notices = [text_of(w) for w in app.screen.query(".notice-text")]
        shown = screen_text(app)
        for date in DATE.findall(" ".join(notices)):
            assert any(date in line for line in shown.splitlines()), f"{date} is split:\n{shown}"
        title = app.screen.query_one(".notice-title")
        assert title.size.height == 1
        if size[0] == 80:
            assert "…" in screen_text(app)
