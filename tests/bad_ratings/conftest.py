"""Fixtures for the 差评 loop: the case tests' staff, a second leader, and a rated case."""

from __future__ import annotations

import pytest

from models.cases.ratings import rate_by_code
from tests.cases.conftest import cases, run, staff  # noqa: F401 - fixtures shared with the case tests


@pytest.fixture
def leaders(staff, monkeypatch):  # noqa: F811
    """L01 of the case tests and a second leader, L02, who may decide L01's appeals."""
    import models.staff.accounts as staff_module

    monkeypatch.setattr(staff_module, "_N", 2**4)
    staff_module.add_staff("L02", "赵书记", "1234", role="leader")
    return ("L01", "L02")


def poor_case(cases, staff_code: str = "S05", window: int = 6, level: str = "unsatisfied"):  # noqa: F811
    """A finished case by ``staff_code`` at ``window``, rated poorly: its loop is open."""
    facts = cases.open_case(staff=staff_code, item="party-consult", window=window, result="已答复")
    return rate_by_code(cases.config, facts.tracking_code, facts.number, level, ["efficiency"], channel="kiosk")


def put_right(hall, cases):  # noqa: F811
    """A 差评 verified as actual and put right at once (立行立改): the resident is to be told next."""
    loops = hall.bad_ratings
    facts = poor_case(cases)
    loops.assign(facts.number, "L01")
    loops.call(facts.number, "S05", reached=True)
    loops.classify(facts.number, "S05", "actual")
    loops.fix_now(facts.number, "S05", "已调整高峰期排班")
    return facts
