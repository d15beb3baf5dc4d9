"""Keys typed ahead: a burst of keys arriving at once (a slow SSH link, a clerk typing
ahead of a screen still loading) is read exactly as if it had been typed slowly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual import events

from models.schema import Ticket
from tests.staff.helpers import PIN, make_app, shift_for, take, wait_for

HALL_BIN = str(Path(sys.executable).with_name("hall"))


def burst(app, keys: list[str]) -> None:
    """Post every key to the app in one go, as the driver does when one read holds them all."""
    for key in keys:
        event = events.Key(key, {"tab": "\t", "enter": "\r"}.get(key, key if len(key) == 1 else None))
        event.set_sender(app)
        app._driver.send_message(event)


def keys_of(text: str) -> list[str]:
    return [{"\t": "tab", "\r": "enter"}.get(c, c) for c in text]


async def test_a_burst_signs_in_as_if_typed_slowly(staffed):
    app = make_app(staffed)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "signin", what="sign-in")
        burst(app, keys_of(f"S01\t{PIN}\r"))
        await wait_for(pilot, lambda: app.screen.info is not None, what="signed in")
        assert app.screen.info.code == "S01"


async def test_keys_typed_ahead_of_a_dialog_go_into_it(staffed):
    """F5 and the number in one burst: the number lands in the return form still being opened."""
    (number,) = take(staffed, "rural-dibao")
    queue = staffed.queue
    queue.call_next(3, "S05")
    queue.recall(number, 3)
    queue.no_show(number, 3)
    app = make_app(staffed, shift=shift_for("S05", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None, what="queue")
        burst(app, ["f5", *number.lower(), "enter"])
        await wait_for(pilot, lambda: Ticket.get(Ticket.number == number).status == "waiting", what="returned")
        await wait_for(pilot, lambda: app.screen.name == "queue", what="the form closed")


# CI (HALL_REQUIRE_PG) brings tmux (.ci/run): there a missing tmux fails the run instead of skipping it.
@pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("HALL_REQUIRE_PG"), reason="tmux is not installed"
)
def test_a_burst_written_into_a_real_terminal_signs_in(tmp_path):
    """``S01⇥PIN⏎`` written into the terminal in one write, as a slow SSH link delivers it."""
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    subprocess.run([HALL_BIN, "init", "--db", db], check=True, capture_output=True)
    subprocess.run(
        [HALL_BIN, "staff", "add", "S01", "--name", "王芳", "--post", "1:A", "--db", db],
        input=f"{PIN}\n{PIN}\n",
        text=True,
        check=True,
        capture_output=True,
    )
    socket = f"hall-typed-{os.getpid()}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "t", "-x", "80", "-y", "24", f"{HALL_BIN} staff --db {db}; sleep 30"],
        check=True,
    )

    def screen() -> str:
        return subprocess.run([*tmux, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True).stdout

    def wait_until(text: str) -> str:
        deadline = time.monotonic() + 30
        shown = ""
        while time.monotonic() < deadline:
            shown = screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never showed:\n{shown}")

    try:
        wait_until("工号")
        subprocess.run([*tmux, "send-keys", "-t", "t", "-l", f"S01\t{PIN}\r"], check=True)
        wait_until("王芳（S01），请选择本班窗口")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
