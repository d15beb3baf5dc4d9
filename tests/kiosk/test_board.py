"""The display board, the announcer, and two processes working on one hall."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.announcer import Announcer, speech_argv
from kiosk.board_app import BoardApp
from kiosk.call_hold import MIN_HOLD_SECONDS
from models import clock
from models.hall import put_setting
from models.staff import add_staff
from shared_ui.words import name_of, tr
from tests.kiosk.conftest import make_kiosk, on_screen, open_item, screen_text, tap, wait_for, with_config

HALL_BIN = str(Path(sys.executable).with_name("hall"))


class Quiet(Announcer):
    def __init__(self):
        super().__init__("", speak=lambda text: None)
        self.said = []

    def announce(self, text):
        self.said.append(text)


def board(hall, lang="zh", **board_changes):
    if board_changes:
        hall = with_config(hall, board=replace(hall.config.board, **board_changes))
    return BoardApp(hall, language=lang, live=True, watch_theme_files=False, announcer=Quiet())


def hall_run(db_url, *args):
    # A command acting as a staff member reads the demo PIN from standard input.
    return subprocess.run([HALL_BIN, *args, "--db", db_url], input="1234\n", check=True, capture_output=True, text=True)


@pytest.mark.parametrize("size,lang", [((80, 24), "zh"), ((120, 40), "en")])
async def test_board_shows_calls_waiting_and_paused_windows(hall, size, lang):
    for _ in range(3):
        hall.queue.take("baby-hukou")
    hall.queue.call_next(1)
    hall.queue.pause(4)
    app = board(hall, lang, highlight_seconds=1)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: screen.current == ("A001", 1))
        words = screen_text(app)
        assert tr("board.call", number="A001", window=1) in words
        assert tr("board.waiting_row", name=name_of("计生服务", "Family planning"), count=2) in words
        assert tr("board.paused_row", window=4, name=name_of("财政服务", "Finance and subsidies")) in words
        # a new call, made outside the app's thread: shown, highlighted, announced
        threading.Thread(target=lambda: _in_thread(hall, lambda: hall.queue.call_next(1))).start()
        await wait_for(pilot, lambda: screen.current == ("A002", 1), timeout=2)
        assert screen.query_one("#call-panel").has_class("-new")
        assert app.announcer.said == [tr("board.speech", number="A002", window=1)]
        await wait_for(pilot, lambda: not screen.query_one("#call-panel").has_class("-new"), timeout=3)
        assert tr("board.recent_row", number="A002", window=1) in screen_text(app)
        # a recall shows again, once A002 has been on screen for its hold
        threading.Thread(target=lambda: _in_thread(hall, lambda: hall.queue.recall("A001", 1))).start()
        await wait_for(
            pilot,
            lambda: screen.current == ("A001", 1) and screen.query_one("#call-panel").has_class("-new"),
            timeout=MIN_HOLD_SECONDS + 2,
        )
        assert tr("board.recall") in screen_text(app)


def _in_thread(hall, fn):
    with hall.db.connection_context():
        fn()


def test_board_notices_are_hall_notices_and_seasons(hall):
    from kiosk.screens.board import board_notices

    notes = board_notices(hall, "zh")
    assert any("欢迎来到社区服务大厅" in n for n in notes)
    assert any("失地农民养老金资格认证" in n and "12月1日" in n for n in notes)


def test_announcer_says_one_call_at_a_time_in_order():
    spoken, active, overlaps = [], [0], []
    lock = threading.Lock()

    def speak(text):
        with lock:
            active[0] += 1
            overlaps.append(active[0])
        time.sleep(0.03)
        spoken.append(text)
        with lock:
            active[0] -= 1

    bells = []
    announcer = Announcer("", bell=lambda: bells.append(1), speak=speak)
    for n in range(5):
        announcer.announce(f"请 A00{n} 号到 1 号窗口办理")
    deadline = time.monotonic() + 3
    while len(spoken) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    announcer.stop()
    assert spoken == [f"请 A00{n} 号到 1 号窗口办理" for n in range(5)]
    assert max(overlaps) == 1 and len(bells) == 5


def test_speech_command_gets_the_text_as_one_argument(tmp_path):
    assert speech_argv("espeak-ng -v cmn {text}", "请 A012 号到 3 号窗口办理") == [
        "espeak-ng",
        "-v",
        "cmn",
        "请 A012 号到 3 号窗口办理",
    ]
    out = tmp_path / "said.txt"
    script = f"{sys.executable} -c \"import sys; open({str(out)!r}, 'a').write(sys.argv[1] + chr(10))\" {{text}}"
    announcer = Announcer(script)
    announcer.announce("请 A001 号到 1 号窗口办理")
    announcer.announce("请 A002 号到 2 号窗口办理")
    announcer.stop(timeout=10)
    assert out.read_text(encoding="utf-8").splitlines() == ["请 A001 号到 1 号窗口办理", "请 A002 号到 2 号窗口办理"]


async def test_a_call_from_another_process_reaches_the_board(hall, db_url):
    put_setting("demo", True)
    add_staff("S01", "王芳", "1234", posts=[(1, "A")])
    clock.set_now(None)  # the other process runs on the real clock: so does this one, on the same service day
    hall.queue.take("baby-hukou")
    app = board(hall)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        hall_run(db_url, "ticket", "call", "--window", "1", "--staff", "S01")
        await wait_for(
            pilot, lambda: app.screen.current == ("A001", 1), timeout=5
        )  # how soon: benchmarks/kiosk_bench.py
        assert "A001" in app.screen.shown_at


async def test_a_ticket_taken_on_the_kiosk_is_in_hall_queue(hall, db_url):
    clock.set_now(None)  # `hall queue` runs on the real clock: the kiosk takes on the same service day
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        number = app.screen.receipt.number
    queue = json.loads(hall_run(db_url, "queue", "--json").stdout)
    assert number in [w["number"] for w in queue["waiting"]]
