"""Fixtures for the contacts register: the case tests' staff, and a hall whose
calendar has a holiday week with a 调休 Saturday."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from models.hall import open_hall
from tests.cases.conftest import (
    run,  # noqa: F401  (a fixture: a command run with a PIN on stdin)
    staff,  # noqa: F401  (a fixture)
)

# A week off from Saturday 2026-09-26 to Sunday 2026-10-11 but for Saturday 2026-10-10, a 调休 day worked.
HOLIDAYS = tuple(date(2026, 9, 26) + timedelta(days=n) for n in range(12)) + (date(2026, 10, 11),)
MAKE_UP = (date(2026, 10, 10),)


@pytest.fixture
def contacts(hall, staff, frozen_clock):  # noqa: F811
    return hall.contacts


@pytest.fixture
def holiday_hall(hall, staff, frozen_clock):  # noqa: F811
    reopened = open_hall(replace(hall.config, holidays=HOLIDAYS, workdays=MAKE_UP))
    yield reopened
    reopened.close()
