"""The contacts register at the terminal, 80×24 in both languages: a call
recorded from the queue in a few keys, a letter from the register, the reply
that closes one, and the leader's overdue replies."""

from __future__ import annotations

import pytest

from tests.staff.helpers import make_app, screen_text, shift_for, text_of, wait_for

WORDS = {
    "zh": {"recorded": "已登记", "letter": "来信", "late": "!!逾期", "alarm": "逾期未回复 1 件"},
    "en": {"recorded": "Recorded", "letter": "Letter", "late": "!!LATE", "alarm": "not replied in time: 1"},
}


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)


async def _fill_and_save(pilot, sender: str, phone: str, matter: str, promised: str) -> None:
    for text in (sender, phone, matter):
        await _type(pilot, text)
        await pilot.press("enter")
    await _type(pilot, promised)
    await pilot.press("enter")  # from the last field: saves


async def _record_from_register(pilot) -> None:
    """From the queue to the register (its people loaded) and its record form."""
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue", what="queue")
    await pilot.press("ctrl+n")
    await wait_for(pilot, lambda: app.screen.name == "contacts" and app.screen.people, what="the register")
    await pilot.press("f2")
    await wait_for(pilot, lambda: app.screen.name == "contact-record", what="record form")


async def _record_from_the_queue(pilot) -> None:
    """L at the queue: the quick record form, its cursor at who called."""
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.name == "queue", what="queue")
    await pilot.press("l")
    await wait_for(pilot, lambda: app.screen.name == "contact-record", what="record form")
    await wait_for(pilot, lambda: app.screen.focused.id == "f-sender", what="the cursor at who called")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_call_is_recorded_from_the_queue_in_a_few_keys(staffed, language):
    app = make_app(staffed, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await _record_from_the_queue(pilot)
        assert "Ctrl+S" in screen_text(app)
        await _fill_and_save(pilot, "王建国", "13812345678", "路灯坏了", "明天回电")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="back at the queue")
        await wait_for(
            pilot, lambda: WORDS[language]["recorded"] in text_of(app.screen.query_one("#message")), what="said"
        )
        assert "王建国" not in screen_text(app) and "13812345678" not in screen_text(app)
    [row] = staffed.contacts.list()
    assert (row.channel, row.sender, row.matter, row.promised, row.handler) == (
        "phone",
        "王**",
        "路灯坏了",
        "明天回电",
        "S01",
    )


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_letter_is_recorded_and_answered_from_the_register(staffed, language):
    from textual.widgets import Select

    app = make_app(staffed, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await _record_from_register(pilot)
        await pilot.press("shift+tab")  # back to the channel
        assert app.screen.focused.id == "f-channel"
        await pilot.press("enter", "down", "enter")  # 来电 → 来信
        await wait_for(pilot, lambda: app.screen.query_one("#f-channel", Select).value == "letter", what="letter")
        await pilot.press("tab")
        await _fill_and_save(pilot, "幸福里物业", "", "电梯维修", "三日内书面答复")
        await wait_for(pilot, lambda: app.screen.name == "contacts", what="back at the register")
        await wait_for(pilot, lambda: "电梯维修" in screen_text(app), what="the letter listed")
        text = screen_text(app)
        assert WORDS[language]["recorded"] in text and "幸****" in text and "幸福里物业" not in text
        for line in text.splitlines():
            assert len(line) <= 80
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.query("#f-reply"), what="reply form")
        await _type(pilot, "已联系电梯公司维修")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "电梯维修" not in screen_text(app), what="closed")
    [row] = staffed.contacts.list(open_only=False)
    assert (row.channel, row.state, row.reply) == ("letter", "replied", "已联系电梯公司维修")


async def test_a_contact_passed_to_someone_else_offers_no_reply_here(staffed):
    row = staffed.contacts.record(staff="S01", channel="phone", sender="李四", matter="噪音")
    staffed.contacts.pass_on(row.number, "S01", "S05")
    app = make_app(staffed, shift=shift_for("S01", 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: "噪音" in screen_text(app), what="listed")
        await pilot.press("f5")
        await wait_for(pilot, lambda: "S05" in text_of(app.screen.query_one("#message")), what="refused")
        assert app.screen.name == "contacts"


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_leader_sees_overdue_replies(staffed, language):
    from tests.cases.conftest import at

    at(2026, 11, 20, 10)  # a Friday: an e-mail is due on Monday
    staffed.contacts.record(staff="S01", channel="email", sender="张三", matter="广场噪音")
    at(2026, 11, 24, 9, 30)
    app = make_app(staffed, shift=shift_for("L01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue", what="queue")
        await pilot.press("f11")
        await wait_for(pilot, lambda: app.screen.name == "supervisor", what="supervisor")
        await wait_for(pilot, lambda: WORDS[language]["alarm"] in screen_text(app), what="the overdue alarm")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.screen.name == "contacts", what="the register")
        await pilot.press("o")
        await wait_for(pilot, lambda: WORDS[language]["late"] in screen_text(app), what="marked overdue")


async def test_a_leader_is_told_of_overdue_replies_at_sign_in(staffed):
    from tests.cases.conftest import at

    at(2026, 11, 20, 10)
    staffed.contacts.record(staff="S01", channel="message", sender="张三", matter="广场噪音")
    at(2026, 11, 24, 9, 30)
    app = make_app(staffed, shift=shift_for("L01", 1))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for(
            pilot,
            lambda: any("逾期未回复 1 件" in str(n.message) for n in app._notifications),
            what="the notice",
        )


@pytest.mark.parametrize("start", ["contacts", "queue"])
@pytest.mark.parametrize("language", ["zh", "en"])
async def test_a_call_is_passed_on_in_the_record_form_itself(staffed, language, start):
    """The register's form (Ctrl+N, F2) and the queue's quick one (L) both pass a call on in its save."""
    from textual.widgets import Select

    app = make_app(staffed, shift=shift_for("S01", 1), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await (_record_from_register if start == "contacts" else _record_from_the_queue)(pilot)
        choices = app.screen.query_one("#f-pass_to", Select)
        assert choices.value is Select.NULL  # nobody named: kept by whoever took it
        assert "S01" not in [value for _label, value in choices._options]
        for line in screen_text(app).splitlines():
            assert len(line) <= 80
        choices.value = "S05"
        app.screen.query_one("#f-sender").focus()
        await _fill_and_save(
            pilot, "王建国", "13812345678", "路灯坏了", "明天回电"
        )  # Enter still saves from the promise
        await wait_for(pilot, lambda: app.screen.name == start, what="back where the form was opened")
        await wait_for(
            pilot, lambda: WORDS[language]["recorded"] in text_of(app.screen.query_one("#message")), what="said"
        )
    [row] = staffed.contacts.list()
    assert (row.recorded_by, row.handler, row.matter) == ("S01", "S05", "路灯坏了")
