"""Reply deadlines per channel, counted on the hall calendar from the day a contact came in."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.config import ConfigError, load_config
from tests.cases.conftest import at
from tests.conftest import SHANGHAI


def _due(hall, channel: str, **extra) -> date:
    return hall.contacts.record(
        staff="S01", channel=channel, sender="王建国", matter="楼道灯坏了", promised="三日内答复", **extra
    ).reply_due


def test_a_letter_received_on_the_friday_before_a_holiday_counts_three_working_days_after_it(holiday_hall):
    at(2026, 9, 25, 15)  # Friday; the hall is off from Saturday to 10-07, and works Saturday 10-10
    assert _due(holiday_hall, "letter") == date(2026, 10, 10)  # Thursday 10-08, Friday 10-09, 调休 Saturday 10-10
    assert _due(holiday_hall, "email") == date(2026, 10, 8)
    assert _due(holiday_hall, "message") == date(2026, 10, 8)
    assert _due(holiday_hall, "phone") == date(2026, 10, 8)


def test_a_letter_opened_after_the_holiday_keeps_the_day_it_was_received(holiday_hall):
    at(2026, 10, 8, 9)
    received = datetime(2026, 9, 25, 16, 0, tzinfo=SHANGHAI)
    row = holiday_hall.contacts.record(
        staff="S01", channel="letter", sender="李四", matter="小区停车", received_at=received
    )
    assert row.received_on == date(2026, 9, 25)
    assert row.reply_due == date(2026, 10, 10)


def test_a_message_on_a_make_up_saturday_is_due_the_next_working_day(holiday_hall):
    at(2026, 10, 10, 10)  # 调休 Saturday, a working day; Sunday 10-11 is off
    assert _due(holiday_hall, "message") == date(2026, 10, 12)
    assert _due(holiday_hall, "letter") == date(2026, 10, 14)


def test_a_message_on_a_holiday_is_due_the_first_working_day_after(holiday_hall):
    at(2026, 10, 3, 20)
    assert _due(holiday_hall, "message") == date(2026, 10, 8)


def test_the_case_is_due_on_the_reply_deadline_and_the_ledger_marks_it_when_late(holiday_hall):
    at(2026, 9, 25, 15)
    row = holiday_hall.contacts.record(staff="S01", channel="email", sender="张三", matter="垃圾清运")
    case = holiday_hall.cases.get(row.number)
    assert (case.kind, case.channel, case.due_date) == ("promised", "email", date(2026, 10, 8))
    at(2026, 10, 9, 9)
    ledger = holiday_hall.cases.ledger()
    assert [(r.number, r.overdue) for r in ledger.rows] == [(row.number, True)]
    assert holiday_hall.contacts.get(row.number).overdue


def test_reply_days_come_from_the_config(tmp_path):
    path = tmp_path / "hall.toml"
    path.write_text("[contacts]\n# a slower post office\nletter_reply_days = 5\nemail_reply_days = 2\n")
    config = load_config(str(path))
    assert (config.contacts.letter_reply_days, config.contacts.email_reply_days) == (5, 2)
    assert config.contacts.message_reply_days == 1


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[contacts]\nletter_reply_days = 0\n", "contacts.letter_reply_days"),
        ("[contacts]\nitem = ' '\n", "contacts.item"),
        ("[meetings]\nstudy_per_month = 0\n", "meetings.study_per_month"),
    ],
)
def test_bad_contact_settings_are_named(tmp_path, text, key):
    path = tmp_path / "hall.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as raised:
        load_config(str(path))
    assert key in str(raised.value)
