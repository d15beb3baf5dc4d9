"""Receiving missing materials one by one (逐项接收): each a record; the last one restarts the clock."""

from __future__ import annotations

from datetime import date

import pytest

from models.cases.rules import CaseRefused
from models.schema.cases import CaseEvent
from tests.cases.conftest import at


def waiting_for_two(cases) -> str:
    at(2026, 11, 23)
    number = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1).number
    cases.supplement(number, "S01", other=["单位证明", "租房合同"])
    return number


def test_one_by_one_then_complete(hall, cases):
    number = waiting_for_two(cases)
    at(2026, 11, 24)
    facts = cases.material_received(number, "S01", "租房合同")
    assert facts.state == "waiting_materials" and facts.missing == ["单位证明"] and facts.due_date is None
    with pytest.raises(CaseRefused) as refused:
        cases.material_received(number, "S01", "租房合同")  # already in
    assert refused.value.key == "material_not_missing"
    at(2026, 11, 25)
    facts = cases.material_received(number, "S01", "单位证明")
    assert facts.state == "in_progress" and facts.missing == []
    assert facts.due_date == date(2026, 12, 2)  # five working days from the day the last one came
    kinds = [e.kind for e in CaseEvent.select().order_by(CaseEvent.id)][-3:]
    assert kinds == ["material_received", "material_received", "materials_received"]


def test_only_while_waiting_and_by_those_who_may(hall, cases):
    number = waiting_for_two(cases)
    with pytest.raises(CaseRefused):
        cases.material_received(number, "S03", "单位证明")
    cases.materials_received(number, "S01")
    with pytest.raises(CaseRefused) as refused:
        cases.material_received(number, "S01", "单位证明")
    assert refused.value.key == "state_in_progress"


def test_the_command_line_takes_one(hall, cases, capsys):
    from cli.main import main
    from tests.conftest import pin_on_stdin

    number = waiting_for_two(cases)
    argv = ["--db", hall.config.database, "case", "materials-received", number, "--material", "单位证明"]
    with pin_on_stdin("1234"):
        code = main([*argv, "--staff", "S01"])
    out = capsys.readouterr().out
    assert code == 0 and "租房合同" in out and "单位证明" in out
