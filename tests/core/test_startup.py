"""Apps on a SQLite hall start without loading the PostgreSQL driver."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = "import sys\nfrom cli.startup import prepare\nprepare(sys.argv[1:])\nimport peewee\nprint(peewee.psycopg is not None)"


@pytest.mark.parametrize(
    "argv, loaded",
    [
        (["kiosk", "--db", "sqlite:////tmp/x.db"], "False"),
        (["--db", "sqlite:////tmp/x.db", "board"], "False"),
        (["kiosk", "--db", "postgresql://h@127.0.0.1/hall"], "True"),
        (["migrate-to", "postgresql://h@127.0.0.1/hall", "--db", "sqlite:////tmp/x.db"], "True"),
        (["ticket", "take", "x", "--db", "sqlite:////tmp/x.db"], "True"),
    ],
)
def test_driver_left_out_only_for_apps_on_sqlite(argv, loaded):
    result = subprocess.run([sys.executable, "-c", CODE, *argv], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == loaded, result.stderr
