"""The closing at the terminal: open problems answered in the sign-off form, a
leader's reopening of a closing signed by mistake."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from textual.widgets import Input

from models import clock
from models.duty import Duty
from models.errors import Refused
from models.schema import Ticket, Window
from models.schema.duty import DutyReopen, DutySignOff
from tests.conftest import SHANGHAI
from tests.demo_hall.helpers import app_for, ready, screen_text, show_duty_day, text_of, wait_for


def serve_everyone(hall) -> None:
    for window in Window.select().where(~Window.retired):
        if window.paused:
            hall.queue.resume(window.number)
        while True:
            try:
                called = hall.queue.call_next(window.number)
            except Refused:
                break
            hall.queue.finish(called.number, window.number)
    for ticket in Ticket.select().where(Ticket.status.in_(("called", "serving"))):
        hall.queue.finish(ticket.number, ticket.window.number)


async def test_the_closing_form_asks_a_note_for_each_open_problem_and_a_leader_reopens(demo):
    today = clock.service_day(demo.config.zone)
    duty = Duty(demo.config)
    serve_everyone(demo)
    for problem in duty.open_problems():
        duty.log_fix(problem.id, "L01", "已处理")
    problem = duty.log_problem("L01", "灭火器过期")
    for index in range(len(duty.items("closing"))):
        duty.tick(today, "closing", index, "L01")
    app = app_for(demo, "L01", 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+o")
        await ready(pilot, "duty")
        assert app.screen.check_action("reopen", ()) is False  # nothing signed yet
        app.screen.shown = "closing"
        app.screen.query_one("#closing").focus()
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.screen.name == "form", what="closing form")
        assert f"log:{problem.id}" in screen_text(app) and "灭火器过期" in screen_text(app)
        await pilot.press("ctrl+s")  # no note: the models refuse, the form says why
        await wait_for(pilot, lambda: "还有问题没有回复" in screen_text(app), what="refusal")
        answers = [box for box in app.screen.query(Input) if (box.id or "").startswith("f-answer")]
        assert len(answers) == len(duty.closing_questions(today).problems) >= 1
        for box in answers:
            box.value = "已报后勤，明早更换"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "duty" and duty.closed_for_day(today), what="signed")
        signed = DutySignOff.get((DutySignOff.day == today) & (DutySignOff.checklist == "closing"))
        assert signed.answers[f"log:{problem.id}"] == "已报后勤，明早更换" and len(signed.answers) == len(answers)
        await wait_for(pilot, lambda: app.screen.check_action("reopen", ()) is True, what="reopen offered")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen.name == "form", what="reopen form")
        app.screen.query_one("#f-reason", Input).value = "误签，下午还要办公"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.name == "duty" and "重新开放" in screen_text(app), what="reopened")
        assert not duty.closed_for_day(today)
        assert DutyReopen.get().reason == "误签，下午还要办公"


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_duty_screen_shows_the_closing_record_and_the_days_nobody_signed(demo, language):
    """Monday's closing signed early with its answers, then reopened and left so: on
    Tuesday the leader's head names Monday as long as it stays unsigned, and Monday's
    page shows the early reason, each answer and the reopening, at 80×24."""
    monday = clock.service_day(demo.config.zone)
    strict = Duty(replace(demo.config, tickets=replace(demo.config.tickets, always_open=False)))
    serve_everyone(demo)
    for index in range(len(strict.items("closing"))):
        strict.tick(monday, "closing", index, "L01")
    answers = {key: "已报后勤" for key in strict.closing_questions(monday).problems}
    assert answers  # the demo's open problems
    strict.sign_off(monday, "closing", "L01", early_reason="以为下午停电[b]", answers=answers)
    strict.reopen(None, "L01", "误签：下午照常办公")
    clock.set_now(datetime.combine(monday + timedelta(days=1), time(8, 30), SHANGHAI))
    words = (
        ("无人签关门检查的工作日：2026-11-23", "提前结束：以为下午停电[b]", "重新开放（马站长 11:30）：误签")
        if language == "zh"
        else ("Closing not signed on: 2026-11-23", "closed early: 以为下午停电[b]", "reopened (马站长 11:30): 误签")
    )
    app = app_for(demo, "L01", 1, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, "queue", data=False)
        await pilot.press("ctrl+o")
        await ready(pilot, "duty")
        await wait_for(pilot, lambda: words[0] in screen_text(app), what="the unsigned day in the head")
        head = app.screen.query_one("#duty-head")
        assert head.region.height == 3 and words[0] in text_of(head)
        await show_duty_day(pilot, monday)
        await wait_for(pilot, lambda: words[2] in screen_text(app), what="the reopening")
        record = text_of(app.screen.query_one("#closing-record"))
        assert words[1] in record and words[2] in record
        assert record.count("已报后勤") == len(answers)
        assert app.screen.query_one("#closing-record").region.height == len(answers) + 2  # every line shows
