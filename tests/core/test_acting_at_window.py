"""Every move of a ticket or a window is made by someone posted there: from the CLI as from the terminal.

The demo hall posts S01 and S02 at window 1, S03 and S04 at window 2; L01 leads.
"""

from __future__ import annotations

import pytest

from models.errors import Refused
from models.hall import open_hall
from models.queue import AtWindow
from models.schema import Event, Window
from tests.conftest import make_config
from tests.core.test_cli import run


def _paused(number: int) -> bool:
    return Window.get(Window.number == number).paused


def test_a_clerk_cannot_pause_or_resume_another_window(demo_db, capsys):
    code, _, err = run(capsys, "window", "pause", "2", "--staff", "S01", "--resume", "23:59", "--db", demo_db)
    assert code == 1 and "S01不在2号窗口的岗位上" in err
    hall = open_hall(make_config(demo_db))
    try:
        assert not _paused(2) and not Event.select().where(Event.kind == "window.paused").exists()
        assert run(capsys, "window", "pause", "2", "--staff", "S03", "--db", demo_db)[0] == 0
        code, _, err = run(capsys, "window", "resume", "2", "--staff", "S01", "--db", demo_db)
        assert code == 1 and "S01" in err and _paused(2)
        assert run(capsys, "window", "resume", "2", "--staff", "L01", "--db", demo_db)[0] == 0  # a leader may
        assert not _paused(2)
    finally:
        hall.close()


def test_a_clerk_cannot_call_or_move_tickets_at_another_window(demo_db, capsys):
    run(capsys, "ticket", "take", "landless-pension-claim", "--db", demo_db)
    for argv in (
        ("ticket", "call", "--window", "2"),
        ("ticket", "call", "--window", "2", "--number", "B001"),
    ):
        code, _, err = run(capsys, *argv, "--staff", "S01", "--db", demo_db)
        assert code == 1 and "S01不在2号窗口的岗位上" in err, argv
    assert run(capsys, "ticket", "call", "--window", "2", "--staff", "S03", "--db", demo_db)[0] == 0
    for action in ("recall", "start", "finish"):
        code, _, err = run(capsys, "ticket", action, "B001", "--window", "2", "--staff", "S01", "--db", demo_db)
        assert code == 1 and "S01不在2号窗口的岗位上" in err, action
    code, _, err = run(
        capsys, "ticket", "transfer", "B001", "--window", "2", "--to-window", "1", "--staff", "S01", "--db", demo_db
    )
    assert code == 1 and "S01" in err
    assert run(capsys, "ticket", "finish", "B001", "--window", "2", "--staff", "S04", "--db", demo_db)[0] == 0


def test_a_move_without_the_person_acting_is_a_usage_error(demo_db, capsys):
    for argv in (
        ("ticket", "call", "--window", "1"),
        ("ticket", "finish", "A001", "--window", "1"),
        ("ticket", "return", "A001"),
        ("window", "pause", "1"),
        ("window", "resume", "1"),
    ):
        code, _, err = run(capsys, *argv, "--db", demo_db)
        assert code == 2 and "--staff" in err and "Traceback" not in err, argv


def test_the_wrong_pin_moves_nothing(demo_db, capsys):
    code, _, err = run(capsys, "window", "pause", "1", "--staff", "S01", "--db", demo_db, pin="0000")
    assert code == 1 and "密码不正确" in err
    hall = open_hall(make_config(demo_db))
    try:
        assert not _paused(1)
    finally:
        hall.close()


def test_the_models_refuse_a_nameless_or_misplaced_clerk(demo_db):
    hall = open_hall(make_config(demo_db))
    try:
        with pytest.raises(Refused) as refused:
            hall.at_window("  ")
        assert refused.value.key == "staff_needed"
        hall.queue.take("baby-hukou")
        with pytest.raises(Refused) as refused:
            hall.at_window("S03").call_next(1)
        assert refused.value.key == "staff_not_at_window"
        assert hall.at_window("S01").call_next(1).number == "A001"
        with pytest.raises(Refused):
            hall.cases.finish_visit("A001", 1, "S03", [])  # the visit's ticket is finished by the one posted there
        assert isinstance(hall.at_window("L01"), AtWindow)
        hall.at_window("L01").finish("A001", 1)
    finally:
        hall.close()
