"""The `hall` command across local midnight, with the system clock moved for the
whole process by Debian's faketime (the CLI reads the real clock), on SQLite
and PostgreSQL: numbers restart, yesterday's tickets end and stay out of today."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.schema import Event, Ticket

pytestmark = pytest.mark.skipif(
    shutil.which("faketime") is None and not os.environ.get("HALL_REQUIRE_PG"),
    reason="faketime is not installed (CI installs it: .ci/run)",
)
HALL = str(Path(sys.executable).with_name("hall"))


def hall_at(local_time: str, db_url: str, *argv: str) -> subprocess.CompletedProcess:
    """`hall ARGV` with the system clock at ``local_time`` in Shanghai."""
    env = {**os.environ, "TZ": "Asia/Shanghai"}
    env.pop("HALL_CONFIG", None)
    env.pop("HALL_DB", None)
    return subprocess.run(
        ["faketime", local_time, HALL, *argv, "--db", db_url],
        input="1234\n",  # the PIN of a command acting as a staff member
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd="/",
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result.stdout


@pytest.fixture
def any_hour(hall):
    from models.hall import put_setting
    from models.staff import add_staff

    put_setting("demo", True)  # the CLI issues at any hour, as a demo hall does
    add_staff("S01", "王芳", "1234", posts=[(1, "A")])
    return hall


def test_the_cli_across_local_midnight(any_hour, db_url):
    # Each process's clock starts at the time given and runs on from its start, so
    # tickets taken in separate processes need times far enough apart to keep their order.
    evening = ("2026-12-08 23:58:00", "2026-12-08 23:58:20", "2026-12-08 23:58:40")
    taken = [json.loads(ok(hall_at(at, db_url, "ticket", "take", "baby-hukou", "--json"))) for at in evening]
    assert [t["number"] for t in taken] == ["A001", "A002", "A003"] and taken[0]["service_day"] == "2026-12-08"
    assert "A001" in ok(hall_at("2026-12-08 23:59:30", db_url, "ticket", "call", "--window", "1", "--staff", "S01"))

    morning = "2026-12-09 00:01:00"
    first = json.loads(ok(hall_at(morning, db_url, "ticket", "take", "baby-hukou", "--json")))
    assert (first["number"], first["service_day"], first["ahead"]) == ("A001", "2026-12-09", 0)
    queue = json.loads(ok(hall_at(morning, db_url, "queue", "--json")))
    assert [w["number"] for w in queue["waiting"]] == ["A001"]
    assert all(window["current"] is None for window in queue["windows"])  # yesterday's A001 is not at window 1
    called = json.loads(ok(hall_at(morning, db_url, "ticket", "call", "--window", "1", "--staff", "S01", "--json")))
    assert called["number"] == "A001" and called["issued_at"].startswith("2026-12-08T16:01")
    ok(hall_at(morning, db_url, "ticket", "finish", "A001", "--window", "1", "--staff", "S01"))
    stale = hall_at(morning, db_url, "ticket", "finish", "2026-12-08/A002", "--window", "1", "--staff", "S01")
    assert stale.returncode == 1 and stale.stderr.count("\n") == 1 and "Traceback" not in stale.stderr

    states = {(t.service_day.isoformat(), t.number): t.status for t in Ticket.select()}
    assert states == {
        ("2026-12-08", "A001"): "not_finished",
        ("2026-12-08", "A002"): "not_called",
        ("2026-12-08", "A003"): "not_called",
        ("2026-12-09", "A001"): "done",
    }
    assert Event.select().where(Event.kind == "ticket.day_ended").count() == 3
    report = json.loads(ok(hall_at(morning, db_url, "report", "--date", "2026-12-08", "--json")))
    assert report["tickets"] == {"issued": 3, "served": 0, "no_show": 0, "not_called": 2, "not_finished": 1}
