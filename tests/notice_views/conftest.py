"""Fixtures for the notice check: the case tests' staff and case API."""

from __future__ import annotations

from tests.cases.conftest import (  # noqa: F401 - fixtures shared with the case tests
    cases,
    run,  # noqa: F401 - and its command-line fixture
    staff,
)
