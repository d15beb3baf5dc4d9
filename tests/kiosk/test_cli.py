"""``hall kiosk``, ``hall board`` and ``hall demo`` without a terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HALL_BIN = str(Path(sys.executable).with_name("hall"))


def test_kiosk_and_board_commands_are_registered():
    for command in ("kiosk", "board"):
        result = subprocess.run([HALL_BIN, command, "--help"], capture_output=True, text=True)
        assert result.returncode == 0 and "--db" in result.stdout and "--lang" in result.stdout


def test_demo_without_a_terminal_prints_the_queue(tmp_path):
    result = subprocess.run(
        [HALL_BIN, "demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "计生服务" in result.stdout and "演示大厅已就绪" in result.stdout


def test_kiosk_refuses_a_missing_database_in_one_line(tmp_path):
    result = subprocess.run(
        [HALL_BIN, "kiosk", "--db", f"sqlite:///{tmp_path / 'none.db'}"], capture_output=True, text=True
    )
    assert result.returncode == 2 and "hall init" in result.stderr and "Traceback" not in result.stderr
