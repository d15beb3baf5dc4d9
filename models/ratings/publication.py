"""What the hall publishes of its 好差评 (国办发〔2019〕51号: results made public): the last whole month.

A month is published once it has ended, so the figures on the board and on
``/notices`` do not move while residents read them (follow-ups recorded later
do move the follow-up rates, as the month's export says with its ``as_of``).
A month without ratings publishes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from models import clock
from models.config import Config
from models.i18n import t
from models.ratings.indicators import indicators


def last_month(config: Config) -> str:
    """The hall's last whole local month, ``YYYY-MM``."""
    first = clock.service_day(config.zone).replace(day=1)
    before = first - timedelta(days=1)
    return f"{before.year:04d}-{before.month:02d}"


def _rate(value, language: str) -> str:
    return t("ratings.none", language) if value is None else f"{value:.1f}%"


def _words(row: dict, language: str) -> dict:
    return {key: _rate(value, language) if key.endswith("_rate") else value for key, value in row.items()}


def notice_lines(config: Config, language: str, month: str | None = None) -> list[str]:
    """The board's notices of the month's ratings: the hall's indicators, then each window's."""
    month = month or last_month(config)
    found = indicators(config, month)
    if not found["hall"]["count"]:
        return []
    head = t("ratings.notice_title", language, month=month)
    lines = [f"{head}：" if language == "zh" else f"{head}: "]
    lines[0] += t("ratings.notice_hall", language, **_words(found["hall"], language))
    lines.extend(t("ratings.notice_window", language, **_words(row, language)) for row in found["windows"])
    return lines
