"""A kind saved by mistake is corrected by an appended record with its reason, its deadlines
recomputed on the hall calendar from the day of acceptance, and only where the rule allows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.cases.kind_correction import correctable_kinds
from models.cases.rules import CaseRefused
from models.schema.cases import CaseEvent, CaseState
from tests.cases.conftest import at

ACCEPTED = date(2026, 9, 28)  # the Monday before 国庆: the holiday lies inside every deadline


def refused(call, key):
    with pytest.raises(CaseRefused) as error:
        call()
    assert error.value.key == key, error.value.key
    assert "{" not in error.value.message("zh") and "{" not in error.value.message("en")


def test_a_promised_case_becomes_a_petition_and_back_with_dates_from_its_acceptance(hall, cases):
    at(2026, 9, 28, 10)
    case = cases.open_case(staff="S03", item="elderly-card", window=3)
    assert case.kind == "promised" and case.due_date == hall.calendar.add_working_days(ACCEPTED, 5)
    at(2026, 10, 9, 10)  # corrected days later: the dates still count from the acceptance
    fixed = cases.correct(case.number, "S03", "受理时选错类型，应为信访件", kind="petition")
    accept_by = hall.calendar.add_working_days(ACCEPTED, hall.config.cases.petition_days)
    assert fixed.kind == "petition" and fixed.due_date == accept_by
    assert fixed.result_due == accept_by + timedelta(days=60) and fixed.opened_kind == "promised"
    assert accept_by > ACCEPTED + timedelta(days=21)  # the 国庆 days do not count
    state = CaseState.get(CaseState.case == fixed.id)
    assert state.kind == "petition" and state.due_date == accept_by
    event = CaseEvent.select().order_by(CaseEvent.id.desc()).get()
    assert event.kind == "corrected" and event.data["changes"]["kind"] == "petition"
    assert event.data["reason"] == "受理时选错类型，应为信访件"
    back = cases.correct(case.number, "S03", "又选错了", kind="promised")
    assert back.kind == "promised" and back.due_date == case.due_date and back.result_due is None
    assert [e.kind for e in CaseEvent.select().where(CaseEvent.case == case.id)][0] == "opened"
    assert cases.detail(case.number)["corrections"] == 2


def test_a_consultation_and_an_immediate_case_swap_in_any_state(cases):
    at(2026, 9, 28, 10)
    case = cases.open_case(staff="S03", item="elderly-card", window=3, kind="immediate", result="已办理")
    assert case.state == "closed"
    fixed = cases.correct(case.number, "S03", "只是咨询", kind="consultation")
    assert fixed.kind == "consultation" and fixed.state == "closed" and fixed.due_date is None
    assert correctable_kinds(cases.detail(case.number)) == ("consultation", "immediate")


def test_what_a_kind_correction_refuses(cases):
    at(2026, 9, 28, 10)
    promised = cases.open_case(staff="S03", item="elderly-card", window=3)
    immediate = cases.open_case(staff="S03", item="elderly-card", window=3, kind="immediate", result="已办理")
    escalated = cases.open_case(staff="S03", item="rural-dibao", window=3, authority="街道民政科")
    refused(lambda: cases.correct(promised.number, "S03", "原因", kind="promised"), "kind_unchanged")
    refused(lambda: cases.correct(immediate.number, "S03", "原因", kind="promised"), "kind_not_correctable")
    refused(lambda: cases.correct(escalated.number, "S03", "原因", kind="promised"), "kind_not_correctable")
    refused(lambda: cases.correct(promised.number, "S03", "原因", kind="supplement"), "kind_not_correctable")
    refused(lambda: cases.correct(promised.number, "S03", "", kind="petition"), "reason_needed")
    assert correctable_kinds(cases.detail(escalated.number)) == ("escalated",)
    cases.extend(promised.number, "S03", promised.due_date + timedelta(days=7), "材料需核实")
    refused(lambda: cases.correct(promised.number, "S03", "原因", kind="petition"), "kind_extended")
    other = cases.open_case(staff="S03", item="elderly-card", window=3)
    assert correctable_kinds(cases.detail(other.number)) == ("promised", "petition")
    cases.complete(other.number, "S03", "已办结")
    refused(lambda: cases.correct(other.number, "S03", "原因", kind="petition"), "kind_only_in_progress")
    assert correctable_kinds(cases.detail(other.number)) == ("promised",)
    petition = cases.open_case(staff="S03", item="petition-visit", window=3)
    refused(lambda: cases.correct(petition.number, "S03", "原因", kind="promised"), "kind_needs_promised_days")
    assert correctable_kinds(cases.detail(petition.number)) == ("petition",)


def test_hall_case_correct_kind(hall, cases, capsys):
    from cli.main import main
    from tests.conftest import pin_on_stdin

    def run(*argv):
        with pin_on_stdin("1234"):
            code = main(["--db", hall.config.database, *argv])
        return code, capsys.readouterr()[1]

    at(2026, 9, 28, 10)
    number = cases.open_case(staff="S03", item="elderly-card", window=3).number
    assert run("case", "correct", number, "--reason", "应为信访件", "--kind", "petition", "--staff", "S03")[0] == 0
    assert cases.detail(number)["kind"] == "petition"
    code, err = run("case", "correct", number, "--reason", "x", "--kind", "escalated", "--staff", "S03")
    assert code == 1 and "不能这样更正" in err and "Traceback" not in err
