"""Configuration: defaults, lookup order, overrides and plain errors."""

from __future__ import annotations

import tomllib
from datetime import date, time

import pytest

from models.config import EXAMPLE, ConfigError, load_config, parse_config


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HALL_CONFIG", raising=False)
    monkeypatch.delenv("HALL_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    config = load_config()
    assert config.timezone == "Asia/Shanghai"
    assert config.hours.winter_spring[1] == (time(13, 30), time(16, 30))
    assert config.tickets.priority_streak == 2
    assert config.database_url().startswith("sqlite:///")


def test_example_parses_and_lookup_order(tmp_path, monkeypatch):
    parse_config(tomllib.loads(EXAMPLE))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hall.toml").write_text('hall_name = "本地"\n', encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text('hall_name = "环境"\n', encoding="utf-8")
    explicit = tmp_path / "explicit.toml"
    explicit.write_text('hall_name = "参数"\n', encoding="utf-8")
    monkeypatch.delenv("HALL_CONFIG", raising=False)
    assert load_config().hall_name == "本地"
    monkeypatch.setenv("HALL_CONFIG", str(other))
    assert load_config().hall_name == "环境"
    assert load_config(str(explicit)).hall_name == "参数"


def test_hall_db_overrides_and_db_flag_wins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hall.toml").write_text('database = "sqlite:///file.db"\n', encoding="utf-8")
    monkeypatch.setenv("HALL_DB", "sqlite:///env.db")
    assert load_config().database == "sqlite:///env.db"
    assert load_config(db_override="sqlite:///flag.db").database == "sqlite:///flag.db"


def test_holidays_workdays_and_hours(tmp_path):
    config = parse_config(
        {
            "holidays": ["2026-10-01", "2026-10-02"],
            "workdays": ["2026-10-10"],
            "hours": {"mode": "staggered", "summer_from": "06-01"},
            "tickets": {"stop_before_close_minutes": 30},
        }
    )
    assert config.holidays == (date(2026, 10, 1), date(2026, 10, 2))
    assert config.workdays == (date(2026, 10, 10),)
    assert config.hours.mode == "staggered" and config.hours.summer_from == (6, 1)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('hall_nme = "x"', "unknown key 'hall_nme' (did you mean 'hall_name'?)"),
        ("[tickets]\npriority_streek = 2", "unknown key 'tickets.priority_streek'"),
        ('[tickets]\npriority_streak = "two"', "tickets.priority_streak: must be a whole number"),
        ('timezone = "Mars/Base"', "timezone: unknown time zone 'Mars/Base'"),
        ('holidays = ["2026-13-01"]', "holidays: '2026-13-01' is not a date"),
        ('[hours]\nwinter_spring = ["11:00-08:00"]', "ends before it starts"),
        ('tracking_url = "https://x/track"', "tracking_url: must contain {code}"),
        ("hall_name = ", "not valid TOML"),
    ],
)
def test_bad_file_gets_one_plain_sentence(tmp_path, text, expected):
    path = tmp_path / "hall.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    message = str(error.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message.strip() or "TOML" in message


def test_cli_bad_config_exits_2_without_traceback(tmp_path, capsys):
    from cli.main import main

    path = tmp_path / "hall.toml"
    path.write_text("[kiosk]\nidle_secs = 5\n", encoding="utf-8")
    assert main(["--config", str(path), "queue"]) == 2
    err = capsys.readouterr().err
    assert "kiosk.idle_secs" in err and "Traceback" not in err
