"""Staff rights are the models' rules: a command acting as someone proves it
with that person's PIN, and acts only where that person may."""

from __future__ import annotations

import pytest

from cli.main import main
from models.schema.cases import CaseContact, CaseEvent, ContactAccess
from models.schema.staff import SigninAttempt, SigninLockout
from models.staff import add_staff
from tests.conftest import pin_on_stdin


@pytest.fixture
def run(hall, capsys):
    def run(*argv, pin="1234"):
        with pin_on_stdin(pin):
            code = main(["--db", hall.config.database, "--lang", "zh", *argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


@pytest.fixture
def window_one_case(cases):
    add_staff("S09", "赵九", "1234", posts=[(5, "A")])
    return cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1, name="张三", phone="13812345678")


def test_staff_of_another_window_can_do_nothing_to_a_case(cases, window_one_case, run):
    number = window_one_case.number
    before = CaseEvent.select().count()
    attempts = [
        ("contact", number, "--set-phone", "13900000000"),
        ("supplement", number, "--missing", "户口本"),
        ("materials-received", number),
        ("handover", number, "--to", "S09", "--reason", "我来办"),
        ("extend", number, "--to", "2026-12-31", "--reason", "x"),
        ("complete", number, "--result", "已迁入"),
        ("contact", number, "--purpose", "看看"),
    ]
    for attempt in attempts:
        code, out, err = run("case", *attempt, "--staff", "S09")
        assert code == 1 and "13812345678" not in out, attempt
        assert "不能" in err or "只能" in err, (attempt, err)
    assert CaseEvent.select().count() == before
    assert ContactAccess.select().count() == 0
    contact = CaseContact.get()
    assert (contact.name, contact.phone) == ("张三", "13812345678")


def test_the_models_refuse_the_same_steps(cases, window_one_case):
    from models.cases.rules import CaseRefused

    for step in (
        lambda: cases.set_contact(window_one_case.number, "S09", phone="13900000000"),
        lambda: cases.supplement(window_one_case.number, "S09", other=["单位证明"]),
        lambda: cases.handover(window_one_case.number, "S02", "S09", "外出"),  # S02 is at window 1, not its handler
        lambda: cases.open_case(staff="S09", item="hukou-in", kind="promised", window=1),
    ):
        with pytest.raises(CaseRefused):
            step()


def test_setting_only_the_phone_keeps_the_name(cases, window_one_case, run):
    code, _, err = run("case", "contact", window_one_case.number, "--set-phone", "13900001111", "--staff", "S01")
    assert code == 0, err
    contact = CaseContact.get()
    assert (contact.name, contact.phone) == ("张三", "13900001111")


def test_a_command_acting_as_someone_asks_their_pin(cases, window_one_case, run):
    number = window_one_case.number
    code, out, err = run("case", "contact", number, "--staff", "L01", pin="0000")
    assert code == 1 and "13812345678" not in out and "密码" in err
    assert ContactAccess.select().count() == 0  # only someone who proved who they are is logged
    code, out, _ = run("case", "contact", number, "--staff", "L01")
    assert code == 0 and "13812345678" in out
    assert [a.staff.code for a in ContactAccess.select()] == ["L01"]
    assert [a.outcome for a in SigninAttempt.select().where(SigninAttempt.purpose == "cli")] == ["wrong", "ok"]
    code, _, err = run("case", "complete", number, "--staff", "S01", pin="")
    assert code == 1 and "密码" in err


def test_wrong_pins_at_the_command_line_lock_the_code(cases, window_one_case, run):
    for _ in range(cases.config.staff.lockout_attempts):
        assert run("case", "complete", window_one_case.number, "--staff", "S01", pin="9999")[0] == 1
    assert SigninLockout.select().where(SigninLockout.code == "S01").count() == 1
    code, _, err = run("case", "complete", window_one_case.number, "--staff", "S01")  # the right PIN, too late
    assert code == 1 and "锁定" in err
    assert cases.get(window_one_case.number).completed_at is None
