"""A hall with the bundled catalogue, its clock frozen on Monday 2026-11-23 09:00 in Shanghai."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from models import clock
from tests.conftest import SHANGHAI

ITEM = "baby-hukou"  # 计生服务, 15 minutes, one window in the bundled catalogue
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
PHONE = "13812345678"


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> None:
    """Move the frozen clock to a Shanghai wall time."""
    clock.set_now(datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SHANGHAI))


def with_rules(hall, **rules):
    """``hall`` with its [appointments] section changed, rewired as open_hall would."""
    from models.hall import Hall

    config = replace(hall.config, appointments=replace(hall.config.appointments, **rules))
    return Hall.wired(config, hall.db, hall.url)


@pytest.fixture
def booking(hall, frozen_clock):
    return hall


@pytest.fixture
def printed(monkeypatch):
    """Every printer the kiosk opens is a python-escpos Dummy; the list holds them, to read their output."""
    from escpos.printer import Dummy

    import shared_ui.printing as printing

    printers: list[Dummy] = []

    def dummy(spec):
        printers.append(Dummy())
        return printers[-1]

    monkeypatch.setattr(printing, "open_printer", dummy)
    return printers
