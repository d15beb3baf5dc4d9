"""Duty (checklists, sign-off refused while people wait, the leader's log, any day)
and reports (numbers, charts, CSV) at the terminal."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import timedelta

from textual.widgets import Input, Select

from models import clock
from models.cases import Cases
from models.config import ExportsConfig
from models.duty import Duty, open_tickets
from models.queue.day_curves import day_curves
from models.schema.duty import ChecklistTick, DutySignOff
from tests.demo_hall.helpers import app_for, ready, screen_text, show_duty_day, text_of, wait_for


async def test_duty_ticks_and_the_closing_sign_off_is_refused_while_people_wait(demo):
    today = clock.service_day(demo.config.zone)
    duty = Duty(demo.config)
    person = duty.on_duty(today).staff[0]
    app = app_for(demo, person)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+o")
        await ready(pilot, "duty")
        words = screen_text(app)
        assert DutySignOff.select().where((DutySignOff.day == today) & (DutySignOff.checklist == "opening")).exists()
        assert "关门检查 已勾 0/8" in words  # the morning's list is done; the evening's shows
        assert app.screen.current_list == "closing"
        count = len(duty.items("closing"))
        for index in range(count):
            await pilot.press("f2")
            await wait_for(
                pilot,
                lambda index=index: (
                    not app.screen.busy
                    and ChecklistTick.select()
                    .where((ChecklistTick.checklist == "closing") & (ChecklistTick.item_index == index))
                    .exists()
                ),
                what=f"tick {index}",
            )
            # No arrow key: after a tick the cursor is on the next item by itself.
        await wait_for(pilot, lambda: f"已勾 {count}/{count}" in screen_text(app), what="all ticked")
        tick = ChecklistTick.get((ChecklistTick.checklist == "closing") & (ChecklistTick.item_index == 0))
        assert tick.staff.code == person and tick.at == clock.now()
        assert "✓" in screen_text(app)
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.name != "duty", what="confirm")
        await pilot.press("ctrl+s" if app.screen.name == "form" else "enter")  # the demo's open problems: a form
        waiting = open_tickets(today)
        assert waiting > 0
        await wait_for(pilot, lambda: f"还有{waiting}位群众在等候" in screen_text(app), what="refusal with the count")
    assert not DutySignOff.select().where(DutySignOff.checklist == "closing").exists()


async def test_the_leader_logs_a_problem_and_its_fix_and_reads_another_day(demo):
    app = app_for(demo, "L01", 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+o")
        await ready(pilot, "duty")
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.name == "form")
        app.screen.query_one("#f-text", Input).value = "二楼走廊灯不亮"
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: app.screen.name == "duty" and "二楼走廊灯不亮" in screen_text(app), what="problem"
        )
        problem = [p for p in Duty(demo.config).open_problems() if p.text == "二楼走廊灯不亮"][0]
        table = app.screen.query_one("#log")
        table.move_cursor(row=table.get_row_index(str(problem.id)))
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.screen.name == "form")
        app.screen.query_one("#f-text", Input).value = "已换灯管"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "duty" and "已换灯管" in screen_text(app), what="fix")
        assert problem.id not in [p.id for p in Duty(demo.config).open_problems()]
        # Yesterday: read only, no ticking.
        await show_duty_day(pilot, clock.service_day(demo.config.zone) - timedelta(days=1))
        assert "历史记录（只读）" in screen_text(app)
        assert app.screen.check_action("tick", ()) is False


async def test_reports_show_the_numbers_charts_and_export_a_sheet(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "exports"
    demo.cases.config = replace(demo.cases.config, exports=ExportsConfig(folder=str(folder)))
    monkeypatch.setattr(demo, "config", replace(demo.config, exports=ExportsConfig(folder=str(folder))))
    today = clock.service_day(demo.config.zone)
    report = Cases(demo.config).report(day=today)
    curves = day_curves(demo.config, today)
    app = app_for(demo, "L01", 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+r")
        await ready(pilot, "reports")
        words = screen_text(app)
        issued, served = report.tickets["issued"], report.tickets["served"]
        waiting = sum(curves.waiting_by_line.values())
        assert f"取号 {issued} · 办结 {served} · 正在等候 {waiting}" in words
        assert "每小时取号" in words and f"最多 {max(curves.arrivals)}" in words
        assert "每小时最多同时等候" in words
        below = text_of(app.screen.query_one("#report-supplement")) + text_of(
            app.screen.query_one("#report-attendance")
        )
        assert "补充件占比" in below and "考勤" in below and "王芳" in below  # below the fold: scrolled to
        assert "承诺件" in words and "非常满意" in words and "待整改跟踪" in words
        chart = app.screen.query_one("#chart-arrivals")
        assert chart.values == curves.arrivals and chart.hours == curves.hours
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.name == "form")
        app.screen.query_one(Select).value = "csv"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "reports" and "已导出" in screen_text(app), what="exported")
        (target,) = folder.glob("*.csv")
        assert target.name in screen_text(app).replace("\n", "")  # the clerk is told where it went
        assert list(tmp_path.glob("*.csv")) == []  # never into the working directory
        rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
        assert rows[0] == ["类别", "对象", "指标", "数值"]
        assert ["取号", "合计", "取号", str(issued)] in rows
        # A month.
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.name == "form")
        await pilot.press("ctrl+s")
        await wait_for(
            pilot,
            lambda: (
                app.screen.name == "reports"
                and app.screen.data is not None
                and app.screen.data.period == today.strftime("%Y-%m")
            ),
            what="month",
        )
        assert f"月报 {today:%Y-%m}" in screen_text(app)
        assert not app.screen.query_one("#report-charts").display
