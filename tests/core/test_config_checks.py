"""Config values that would break the hall later are refused now, naming file, line and key."""

from __future__ import annotations

import pytest

from models.config import ConfigError, load_config


def refused(tmp_path, text: str) -> str:
    path = tmp_path / "hall.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    message = str(error.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message.removeprefix(str(path))


def test_a_stray_placeholder_in_the_tracking_url(tmp_path):
    message = refused(tmp_path, 'hall_name = "大厅"\ntracking_url = "https://x.cn/t/{code}?s={session}"\n')
    assert message.startswith(":2: tracking_url") and "only {code}" in message


def test_a_brace_written_twice_is_a_brace(tmp_path):
    path = tmp_path / "hall.toml"
    path.write_text('tracking_url = "https://x.cn/t/{code}?x={{1}}"\n', encoding="utf-8")
    assert load_config(str(path)).tracking_url.format(code="K") == "https://x.cn/t/K?x={1}"


def test_a_huge_number_is_refused_before_it_overflows(tmp_path):
    message = refused(tmp_path, "[staff]\nidle_lock_minutes = 5\nlockout_minutes = 99999999999\n")
    assert message.startswith(":3: staff.lockout_minutes") and "0 to 100000" in message


def test_overlapping_sessions(tmp_path):
    message = refused(tmp_path, '[hours]\nwinter_spring = ["08:00-11:00", "10:30-12:00"]\n')
    assert message.startswith(":2: hours.winter_spring") and "08:00-11:00 and 10:30-12:00 overlap" in message


def test_a_very_deeply_nested_toml(tmp_path):
    message = refused(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested too deeply" in message


@pytest.mark.parametrize("value", ["大厅\\u001b[2J", "大厅\u202e", "大厅\\u0007"])
def test_a_control_or_invisible_character_in_a_string(tmp_path, value):
    message = refused(tmp_path, f'language = "zh"\nhall_name = "{value}"\n')
    assert message.startswith(":2: hall_name: holds a control or invisible character (U+")


def test_a_checklist_line_with_an_escape_sequence(tmp_path):
    message = refused(tmp_path, 'opening_checklist = ["开门", "\\u001b]0;x\\u0007"]\n')
    assert message.startswith(":1: opening_checklist") and "U+001B" in message
