"""``hall demo`` as a process with the system clock moved (Debian's faketime): just after
midnight and on a public holiday, the demo hall is made, with its past, and reads right."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

HALL_BIN = str(Path(sys.executable).with_name("hall"))
FAKETIME = shutil.which("faketime")

pytestmark = pytest.mark.skipif(FAKETIME is None, reason="needs Debian's faketime (.ci/run installs it)")


def hall_at(moment: str, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TZ": "Asia/Shanghai"}
    env.pop("HALL_CONFIG", None)
    return subprocess.run(
        [FAKETIME, moment, HALL_BIN, *argv],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("moment", "month", "past_month"),
    [("2026-11-24 00:04:00", "2026-11", "2026-11"), ("2026-10-01 10:00:00", "2026-10", "2026-09")],
    ids=["just-after-midnight", "national-day"],
)
def test_demo_with_the_clock_moved(tmp_path, moment, month, past_month):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    made = hall_at(moment, "demo", "--db", db)
    assert made.returncode == 0 and "Traceback" not in made.stderr, made.stderr
    board = hall_at(moment, "whereabouts", "--json", "--db", db)
    assert board.returncode == 0, board.stderr
    people = json.loads(board.stdout)["people"]
    day = moment[:10]
    for person in people:  # every state is today's: set this morning, or leave by itself
        assert person["since"] is None or person["state"] == "leave" or person["since"] >= _utc_midnight(day)
    past = hall_at(moment, "attendance", "--month", past_month, "--json", "--db", db)
    assert past.returncode == 0, past.stderr
    rows = json.loads(past.stdout)["rows"]
    assert sum(r["present_days"] for r in rows) >= 5 * 12  # twelve people, five working days behind


def _utc_midnight(day: str) -> str:
    """Local midnight of ``day`` in Shanghai (UTC+8, no summer time), as the JSON's UTC text."""
    return (datetime.combine(date.fromisoformat(day), time(0)) - timedelta(hours=8)).isoformat()
