"""The worker's log at the terminal, 80×24 in both languages: an entry written,
one corrected, a study session recorded and counted against the month's two."""

from __future__ import annotations

import pytest

from tests.staff.helpers import make_app, screen_text, shift_for, text_of, wait_for

WORDS = {
    "zh": {"written": "已写入", "corrected": "已更正", "count": "集中学习 1 次", "short": "还差 1 次"},
    "en": {"written": "written", "corrected": "Corrected", "count": "study sessions 1", "short": "1 still to hold"},
}


async def _open(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue", what="queue")
    await pilot.press("ctrl+y")
    await wait_for(pilot, lambda: app.screen.name == "worklog" and app.screen.tally is not None, what="the log")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_writing_and_correcting_a_log_entry(staffed, language):
    app = make_app(staffed, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen.name == "log-write", what="the form")
        await pilot.press(*"上午窗口值班")
        await pilot.press("enter", "enter")  # the day stays today; saved from the last field
        await wait_for(pilot, lambda: app.screen.name == "worklog", what="back")
        await wait_for(pilot, lambda: WORDS[language]["written"] in text_of(app.screen.query_one("#message")))
        await wait_for(pilot, lambda: "上午窗口值班" in screen_text(app), what="listed")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.query("#f-text"), what="the correction")
        await pilot.press("end", *" 下午走访")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: WORDS[language]["corrected"] in text_of(app.screen.query_one("#message")))
        await wait_for(pilot, lambda: "上午窗口值班 下午走访" in screen_text(app), what="the correction listed")
        for line in screen_text(app).splitlines():
            assert len(line) <= 80
    entries = staffed.worklog.entries("S01")
    assert [(e.text, bool(e.corrected_by)) for e in entries] == [
        ("上午窗口值班", True),
        ("上午窗口值班 下午走访", False),
    ]


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_study_session_is_counted_against_the_month(staffed, language):
    app = make_app(staffed, shift=shift_for("L01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        assert "0" in text_of(app.screen.query_one("#worklog-tally"))
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.query("#f-content"), what="the meeting form")
        from textual.widgets import Select

        app.screen.query_one("#f-kind", Select).value = "study"
        app.screen.query_one("#f-content").focus()
        await pilot.press(*"学习新条例")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "worklog", what="back")
        await wait_for(
            pilot, lambda: WORDS[language]["count"] in text_of(app.screen.query_one("#worklog-tally")), what="counted"
        )
        assert WORDS[language]["short"] in text_of(app.screen.query_one("#worklog-tally"))
    [meeting] = staffed.meetings.month("2026-11").meetings
    assert (meeting.kind, meeting.content, meeting.attendees) == ("study", "学习新条例", ["L01"])


async def test_the_month_summary_is_exported_from_the_log_screen(staffed, tmp_path):
    from textual.widgets import Select

    from models.config import ExportsConfig

    folder = tmp_path / "exports"
    app = make_app(staffed, shift=shift_for("S01", 1), exports=ExportsConfig(folder=str(folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.query("#f-format"), what="the export form")
        app.screen.query_one("#f-format", Select).value = "csv"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: list(folder.glob("worklog-2026-11-*.csv")), what="the file")
        await wait_for(pilot, lambda: "worklog-2026-11-" in text_of(app.screen.query_one("#message")), what="said")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_meeting_is_corrected_from_the_log_screen(staffed, language):
    from datetime import datetime

    from tests.conftest import SHANGHAI

    first = staffed.meetings.record("L01", "study", datetime(2026, 11, 20, 15, tzinfo=SHANGHAI), "学习", ["L01"])
    app = make_app(staffed, shift=shift_for("L01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        table = app.screen.table
        await wait_for(pilot, lambda: table.current_key == f"m{first.id}", what="the meeting under the cursor")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.query("#f-reason"), what="the meeting's correction")
        assert app.screen.query_one("#f-content").value == "学习"
        app.screen.query_one("#f-content").value = "学习新修订的条例"
        await pilot.press("ctrl+s")  # without a reason: refused, the form stays
        await wait_for(pilot, lambda: text_of(app.screen.query_one("#error")).strip() not in ("", "…"), what="no")
        app.screen.query_one("#f-reason").value = "内容记得太简略"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "worklog", what="back")
        mark = "更正第" if language == "zh" else "corrects"
        await wait_for(pilot, lambda: "学习新修订的条例" in screen_text(app), what="the correction listed")
        assert f"{mark} {first.id}" in screen_text(app)
        assert WORDS[language]["count"] in text_of(app.screen.query_one("#worklog-tally"))  # counted once
        for line in screen_text(app).splitlines():
            assert len(line) <= 80
    [meeting] = staffed.meetings.month("2026-11").meetings
    assert (meeting.corrects, meeting.content, meeting.reason) == (first.id, "学习新修订的条例", "内容记得太简略")
