"""Fixtures for the worker's log and meetings: the case tests' staff, the clock frozen."""

from __future__ import annotations

import pytest

from tests.cases.conftest import (
    run,  # noqa: F401  (a fixture: a command run with a PIN on stdin)
    staff,  # noqa: F401  (a fixture)
)


@pytest.fixture
def worklog(hall, staff, frozen_clock):  # noqa: F811
    return hall.worklog


@pytest.fixture
def meetings(hall, staff, frozen_clock):  # noqa: F811
    return hall.meetings
