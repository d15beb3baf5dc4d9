"""Fixtures for the case tests: staff at the windows, and the case API."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models import clock
from models.cases import Cases
from tests.conftest import SHANGHAI

# (code, name, role, posts)
PEOPLE = [
    ("S01", "王芳", "staff", [(1, "A")]),
    ("S02", "李娜", "staff", [(1, "B"), (2, "A")]),
    ("S03", "张伟", "staff", [(3, "A")]),
    ("S04", "刘洋", "staff", [(3, "B"), (4, "A")]),
    ("S05", "陈静", "staff", [(5, "A"), (6, "A")]),
    ("L01", "马站长", "leader", []),
]


@pytest.fixture
def staff(hall, monkeypatch):
    """The staff above (cheap PIN hashing: the tests never sign in)."""
    import models.staff.accounts as staff_module

    monkeypatch.setattr(staff_module, "_N", 2**4)
    for code, name, role, posts in PEOPLE:
        staff_module.add_staff(code, name, "1234", role=role, posts=posts)
    return [p[0] for p in PEOPLE]


@pytest.fixture
def cases(hall, staff, frozen_clock) -> Cases:
    return hall.cases


def at(year, month, day, hour=9, minute=0) -> None:
    """Move the frozen clock to a Shanghai wall time."""
    clock.set_now(datetime(year, month, day, hour, minute, tzinfo=SHANGHAI))


def advance(minutes: float) -> None:
    clock.set_now(clock.now() + timedelta(minutes=minutes))


def serve(hall, item: str, window: int, staff: str, *, minutes: float = 5, finish: bool = True) -> str:
    """Take a ticket for ``item``, call it to ``window`` by ``staff``, serve it; returns its number."""
    receipt = hall.queue.take(item)
    called = hall.queue.call_next(window, staff)
    assert called.number == receipt.number
    hall.queue.start(receipt.number, window)
    advance(minutes)
    if finish:
        hall.queue.finish(receipt.number, window)
    return receipt.number


def resident_rates(hall, case, level: str, reasons=(), text: str = "", *, channel: str = "kiosk"):
    """The resident rates a case as at the kiosk: with the visit's tracking code (staff cannot rate)."""
    from models.cases.ratings import rate_by_code

    facts = hall.cases.get(case)
    return rate_by_code(hall.config, facts.tracking_code, facts.number, level, reasons, text, channel=channel)


@pytest.fixture
def exports_folder(tmp_path, monkeypatch):
    """A config naming the export folder, read by every command through HALL_CONFIG."""
    folder = tmp_path / "exports"
    config = tmp_path / "hall.toml"
    config.write_text(f'[tickets]\nalways_open = true\n\n[exports]\nfolder = "{folder}"\n', encoding="utf-8")
    monkeypatch.setenv("HALL_CONFIG", str(config))
    return folder


@pytest.fixture
def run(hall, capsys):
    """``hall …`` in this process, on the test's database: (status, stdout, stderr)."""
    from cli.main import main
    from tests.conftest import pin_on_stdin

    def run(*argv, lang="zh", pin="1234"):
        with pin_on_stdin(pin):
            code = main(["--db", hall.config.database, "--lang", lang, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run
