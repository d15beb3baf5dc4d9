"""Fixtures for 好差评: the case tests' staff and windows, and a shift as the terminal's sign-in gives it."""

from __future__ import annotations

import pytest

from models.staff.signin import Shift
from tests.cases.conftest import cases, exports_folder, run, staff  # noqa: F401  (fixtures)


def shift_of(code: str, window: int, *, role: str = "staff", windows: tuple[int, ...] | None = None) -> Shift:
    """Who a terminal's sign-in says is at ``window`` (the tests never type a PIN)."""
    return Shift(code=code, name=code, role=role, window=window, windows=windows or (window,))


@pytest.fixture
def ratings(hall, cases):  # noqa: F811
    return hall.ratings
