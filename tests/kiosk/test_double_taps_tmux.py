"""Double taps through a real terminal's mouse protocol: the kiosk runs in a
detached tmux at 80×24, and each tap is an SGR press and release sent as the
terminal would send it, the second 150 ms after the first."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

HALL_BIN = str(Path(sys.executable).with_name("hall"))

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("HALL_REQUIRE_PG"), reason="tmux is not installed"
)


class Terminal:
    def __init__(self, socket: str, session: str) -> None:
        self.base = ["tmux", "-L", socket, "-f", "/dev/null"]
        self.session = session

    def run(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, check=False).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def wait_for(self, words: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if words in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{words!r} never showed:\n{screen}")

    def where(self, words: str) -> tuple[int, int]:
        """1-based column and row of the middle of ``words`` on screen."""
        for row, line in enumerate(self.screen().splitlines(), 1):
            at = line.find(words)
            if at >= 0:
                return cell_len(line[:at]) + cell_len(words) // 2 + 1, row
        raise AssertionError(f"{words!r} is not on screen")

    def double_tap(self, words: str, gap: float = 0.15) -> None:
        col, row = self.where(words)
        tap = f"\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m"
        self.run("send-keys", "-t", self.session, "-l", tap)
        time.sleep(gap)
        self.run("send-keys", "-t", self.session, "-l", tap)
        time.sleep(1.0)  # whatever the second tap did has happened by now


def test_double_taps_in_a_real_terminal_do_what_one_tap_does(tmp_path):
    db_path = tmp_path / "hall.db"
    db = f"sqlite:///{db_path}"
    subprocess.run([HALL_BIN, "init", "--demo", "--db", db], check=True, capture_output=True, cwd=tmp_path)
    socket = f"hall-taps-{os.getpid()}"
    term = Terminal(socket, "kiosk")
    pythonpath = os.environ.get("PYTHONPATH", "")
    command = f"cd {tmp_path} && env PYTHONPATH={pythonpath} {HALL_BIN} kiosk --db {db}"
    term.run("new-session", "-d", "-s", "kiosk", "-x", "80", "-y", "24", command)
    try:
        term.wait_for("取号办事")
        term.double_tap("取号办事")
        assert "请选择业务类别" in term.wait_for("请选择业务类别")
        term.double_tap("劳动保障")
        screen = term.wait_for("请选择事项")
        assert "劳动保障" in screen and "您需要优先照顾吗" not in screen
        term.double_tap("申报领取失地农民养老保险金")
        screen = term.wait_for("请确认已带齐以下材料")
        term.double_tap("已带齐，取号")
        screen = term.wait_for("您需要优先照顾吗")
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("select count(*) from ticket").fetchone() == (0,)
        term.double_tap("普通取号")
        screen = term.wait_for("查询码")
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("select count(*), sum(priority) from ticket").fetchone() == (1, 0)
        term.double_tap("完成")
        screen = term.wait_for("您好！请点选您要办理的事情")
        term.double_tap("查询进度")
        screen = term.wait_for("查询码")
        assert "请选择业务类别" not in screen
    finally:
        term.run("kill-server")
