"""Fixtures for the notice check: the case tests' staff and case API."""

from __future__ import annotations

from tests.cases.conftest import cases, staff  # noqa: F401 - fixtures shared with the case tests
from tests.cases.test_cli import run  # noqa: F401 - and its command-line fixture
