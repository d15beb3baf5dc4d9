"""The [appointments] section: every key has a default, and a bad value is one sentence naming its key and line."""

from __future__ import annotations

import pytest

from models.config import Config, ConfigError, load_config


def refused(tmp_path, text: str) -> str:
    path = tmp_path / "hall.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    return str(error.value).removeprefix(str(path))


def test_the_defaults():
    rules = Config().appointments
    assert (rules.share_percent, rules.horizon_days, rules.cutoff) == (30, 10, "17:00")
    assert (rules.early_minutes, rules.late_minutes, rules.booked_streak) == (15, 10, 2)


def test_values_read_and_refused(tmp_path):
    path = tmp_path / "hall.toml"
    path.write_text('[appointments]\nshare_percent = 50\ncutoff = "16:30"\nopen_per_phone = 1\n', encoding="utf-8")
    rules = load_config(str(path)).appointments
    assert (rules.share_percent, rules.cutoff, rules.open_per_phone) == (50, "16:30", 1)
    assert refused(tmp_path, "[appointments]\nshare_percent = 130\n").startswith(":2: appointments.share_percent")
    assert "08:30" in refused(tmp_path, '[appointments]\n\ncutoff = "5pm"\n')
    assert refused(tmp_path, '[appointments]\n\ncutoff = "5pm"\n').startswith(":3: appointments.cutoff")
    assert refused(tmp_path, "[appointments]\nhorizon_days = 0\n").startswith(":2: appointments.horizon_days")
    assert "did you mean 'late_minutes'" in refused(tmp_path, "[appointments]\nlate_minute = 5\n")
