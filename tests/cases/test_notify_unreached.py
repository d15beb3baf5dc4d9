"""未接通: a try to tell the resident that did not reach them is a record, and the case waits for a retry."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import clock
from models.cases.rules import CaseRefused
from models.schema.cases import CaseEvent
from tests.cases.conftest import advance


def completed(cases) -> str:
    number = cases.open_case(staff="S01", item="hukou-in", kind="promised", window=1).number
    cases.complete(number, "S01", "已办结")
    return number


def test_not_reached_then_told(hall, cases):
    number = completed(cases)
    facts = cases.notify_failed(number, "S01", "phone", "无人接听")
    assert facts.state == "to_notify" and facts.notify_attempts == 1
    assert facts.notify_retry_at == clock.now() + timedelta(hours=1)
    advance(70)
    facts = cases.notify_failed(number, "S01", "phone", "仍无人接听", clock.now() + timedelta(minutes=30))
    assert facts.notify_attempts == 2
    advance(40)
    facts = cases.notify(number, "S01", "phone")
    assert facts.state == "closed" and facts.notify_retry_at is None and facts.notify_attempts == 2
    kinds = [e.kind for e in CaseEvent.select().order_by(CaseEvent.id)]
    assert kinds[-3:] == ["notify_failed", "notify_failed", "notified"]  # each try kept, none overwritten
    with pytest.raises(CaseRefused):
        cases.notify_failed(number, "S01", "phone")  # a closed case has nobody left to tell


def test_a_retry_in_the_past_or_an_unknown_way_is_refused(hall, cases):
    number = completed(cases)
    with pytest.raises(CaseRefused) as refused:
        cases.notify_failed(number, "S01", "phone", retry_at=clock.now() - timedelta(minutes=1))
    assert refused.value.key == "bad_retry_at"
    with pytest.raises(CaseRefused):
        cases.notify_failed(number, "S01", "pigeon")
    with pytest.raises(CaseRefused):
        cases.notify_failed(number, "S03", "phone")  # not S03's case nor window


def test_the_command_line_records_it(hall, cases, capsys):
    from cli.main import main
    from tests.conftest import pin_on_stdin

    number = completed(cases)
    with pin_on_stdin("1234"):
        code = main(
            ["--db", hall.config.database, "case", "notify", number, "--how", "phone", "--unreached", "--staff", "S01"]
        )
    out = capsys.readouterr().out
    assert code == 0 and "未接通" in out and "10:00" in out
