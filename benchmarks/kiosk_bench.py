"""Kiosk and board figures: ``python -m benchmarks.kiosk_bench``.

- cold start, from process spawn to the first frame of the home screen, and
  peak memory, of the kiosk against a minimal Textual app measured in the
  same run (targets: ≤ 1.2× the time, ≤ 1.5× the memory). The kiosk opens its
  database behind that frame, so the time until it is open and idle, and
  until exit, are printed beside it;
- tap to ticket screen, median (target ≤ 50 ms), beside the floor: a
  minimal app switching to a screen of as many plain widgets, in the same run;
- call to board, p95 (target ≤ 15 ms on SQLite, ≤ 5 ms on PostgreSQL): a
  call committed on another connection until the board shows it.

SQLite always; PostgreSQL too when ``HALL_TEST_PG`` names a server (as under
``scripts/with_postgres.py``).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 9

# Both children mark their first frame the same way: the first compositor
# update of their first real screen handed to the driver (App._display), as a
# wall-clock time so the parent can count from the moment it spawned them.
FIRST_FRAME_HOOK = """
import time
from textual.app import App
first_frame = {}
_display = App._display
def _marking_display(self, screen, renderable):
    if renderable is not None and "at" not in first_frame and type(screen).__name__ == FIRST_SCREEN:
        first_frame["at"] = time.time()
    return _display(self, screen, renderable)
App._display = _marking_display

def peak_kib():
    # VmHWM belongs to this program's own memory map; ru_maxrss would also
    # count the parent's pages that the child carried until its exec.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
"""

MINIMAL_APP = (
    FIRST_FRAME_HOOK
    + """
from textual.widgets import Button, Static

FIRST_SCREEN = "Screen"

class Minimal(App):
    def compose(self):
        yield Static("hello")
        yield Button("ok")

async def settle(pilot):
    await pilot.pause()
    pilot.app.exit((first_frame["at"], time.time()))

print(*Minimal().run(headless=True, size=(80, 24), auto_pilot=settle), peak_kib())
"""
)

KIOSK_APP = (
    FIRST_FRAME_HOOK
    + """
import sys
from dataclasses import replace
from models.config import Config
from cli.startup import leave_out_postgres_driver
leave_out_postgres_driver(sys.argv[1])  # as `hall kiosk` does on a SQLite hall
from kiosk.app import KioskApp
from kiosk.pending import PendingHall

FIRST_SCREEN = "HomeScreen"

def opener(config):  # as `hall kiosk` does: the database opens behind the first frame
    from models.hall import open_hall
    return open_hall(config)

hall = PendingHall(replace(Config(), database=sys.argv[1]), opener)

async def settle(pilot):
    await pilot.pause()
    hall.wait(30)  # the database is open and the home screen knows the day's state
    await pilot.pause()
    pilot.app.exit((first_frame["at"], time.time()))

print(*KioskApp(hall).run(headless=True, size=(80, 24), auto_pilot=settle), peak_kib())
"""
)


def _run_child(code: str, *args: str) -> tuple[float, float, float, float]:
    """Seconds from spawn to (first frame, ready and idle, exit), and peak RSS MiB."""
    spawned = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _, status = os.waitpid(proc.pid, 0)
    ended = time.time()
    out = proc.stdout.read().decode().strip()
    err = proc.stderr.read().decode().strip()
    proc.stdout.close()
    proc.stderr.close()
    if status != 0:
        raise RuntimeError(f"child failed: {err[-500:]}")
    frame, ready, peak = (float(x) for x in out.splitlines()[-1].split())
    return frame - spawned, ready - spawned, ended - spawned, peak / 1024


def make_demo_db(url: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "cli.main", "init", "--demo", "--db", url], cwd=ROOT, check=True, capture_output=True
    )


def cold_start(url: str) -> dict:
    minimal, kiosk = [], []
    for _ in range(RUNS):  # alternate, so both see the same machine
        minimal.append(_run_child(MINIMAL_APP))
        kiosk.append(_run_child(KIOSK_APP, url))
    med = lambda rows, i: statistics.median(r[i] for r in rows)  # noqa: E731
    figures = {}
    for name, rows in (("minimal", minimal), ("kiosk", kiosk)):
        figures[f"{name}_first_frame_s"] = med(rows, 0)
        figures[f"{name}_ready_s"] = med(rows, 1)
        figures[f"{name}_wall_s"] = med(rows, 2)
        figures[f"{name}_peak_mib"] = max(r[3] for r in rows)
    return figures


def open_bench_hall(url: str):
    from dataclasses import replace

    from models.config import Config
    from models.hall import open_hall

    return open_hall(replace(Config(), database=url))


async def tap_to_ticket(url: str, taps: int = 20) -> list[float]:
    from kiosk.app import KioskApp
    from kiosk.screens.priority import PriorityScreen

    hall = open_bench_hall(url)
    app = KioskApp(hall, live=False, watch_theme_files=False)
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(taps):
            app.show(PriorityScreen("baby-hukou"))
            while not (type(app.screen).__name__ == "PriorityScreen" and app.screen.is_mounted):
                await pilot.pause(0.01)
            await pilot.pause(0.25)  # past the previous button's press effect
            button = app.screen.query_one("#normal")
            start = time.perf_counter()
            button.press()  # the tap
            while not (type(app.screen).__name__ == "TicketScreen" and app.screen.is_mounted):
                await asyncio.sleep(0.001)
            times.append(time.perf_counter() - start)
            await pilot.pause()
    hall.close()
    return times


async def switch_floor(taps: int = 20, widgets: int = 28) -> list[float]:
    """The floor of a tap: a minimal app switching to a screen of as many plain widgets as the
    ticket screen has, measured the same way (from the press until the new screen is mounted)."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import Button, Static

    class Plain(Screen):
        def compose(self):
            for index in range(widgets - 1):
                yield Static(f"line {index}")
            yield Button("ok")

    class Start(Screen):
        def compose(self):
            yield Button("go", id="go")

        def on_button_pressed(self) -> None:
            self.app.switch_screen(Plain())

    app = App()
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(taps):
            await app.push_screen(Start())
            await pilot.pause(0.25)
            start = time.perf_counter()
            app.screen.query_one("#go", Button).press()
            while not (type(app.screen).__name__ == "Plain" and app.screen.is_mounted):
                await asyncio.sleep(0.001)
            times.append(time.perf_counter() - start)
            await app.pop_screen()
    return times


async def call_to_board(url: str, calls: int = 30) -> list[float]:
    from kiosk.announcer import Announcer
    from kiosk.board_app import BoardApp

    hall = open_bench_hall(url)
    for _ in range(calls):
        hall.queue.take("hukou-out")
    app = BoardApp(hall, live=True, watch_theme_files=False, announcer=Announcer("", speak=lambda text: None))
    latencies = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        for _ in range(calls):
            done = {}

            def call(done: dict = done) -> None:
                with hall.db.connection_context():
                    called = hall.queue.call_next(1)
                done["number"], done["at"] = called.number, time.perf_counter()

            thread = threading.Thread(target=call)
            thread.start()
            thread.join()
            number = done["number"]
            deadline = time.perf_counter() + 5
            while number not in app.screen.shown_at and time.perf_counter() < deadline:
                await asyncio.sleep(0.002)
            latencies.append(app.screen.shown_at.get(number, float("inf")) - done["at"])
            hall.queue.finish(number, 1)
            await pilot.pause(0.05)
    hall.close()
    return latencies


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def postgres_url() -> str | None:
    base = os.environ.get("HALL_TEST_PG", "")
    if not base or base == "off":
        return None
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "hall_kiosk_bench" WITH (FORCE)')
        conn.execute('CREATE DATABASE "hall_kiosk_bench"')
    return base.rsplit("/", 1)[0] + "/hall_kiosk_bench"


def main() -> int:
    folder = tempfile.mkdtemp(prefix="hall-kiosk-bench-")
    backends = [("sqlite", f"sqlite:///{folder}/hall.db")]
    pg = postgres_url()
    if pg:
        backends.append(("postgres", pg))
    print(
        "kiosk benchmark (targets: start ≤ 1.2× minimal, memory ≤ 1.5× minimal, tap→ticket median ≤ 50 ms, "
        "call→board p95 ≤ 15 ms SQLite / ≤ 5 ms PostgreSQL)"
    )
    for name, url in backends:
        make_demo_db(url)
        if name == "sqlite":
            start = cold_start(url)
            frame_ratio = start["kiosk_first_frame_s"] / start["minimal_first_frame_s"]
            memory_ratio = start["kiosk_peak_mib"] / start["minimal_peak_mib"]
            print(
                f"cold start, process spawn to first frame (median of {RUNS}): "
                f"minimal {start['minimal_first_frame_s'] * 1000:.0f} ms, kiosk {start['kiosk_first_frame_s'] * 1000:.0f} ms "
                f"→ {frame_ratio:.2f}× {'ok' if frame_ratio <= 1.2 else 'OVER'}"
            )
            print(
                f"  to ready and idle (kiosk: database open, day's state known): minimal {start['minimal_ready_s'] * 1000:.0f} ms, "
                f"kiosk {start['kiosk_ready_s'] * 1000:.0f} ms → {start['kiosk_ready_s'] / start['minimal_ready_s']:.2f}×; "
                f"to exit: minimal {start['minimal_wall_s'] * 1000:.0f} ms, kiosk {start['kiosk_wall_s'] * 1000:.0f} ms"
            )
            print(
                f"peak memory: minimal {start['minimal_peak_mib']:.1f} MiB, kiosk {start['kiosk_peak_mib']:.1f} MiB "
                f"→ {memory_ratio:.2f}× {'ok' if memory_ratio <= 1.5 else 'OVER'}"
            )
        taps = asyncio.run(tap_to_ticket(url))
        floor = statistics.median(asyncio.run(switch_floor())) * 1000
        median = statistics.median(taps) * 1000
        print(
            f"[{name}] tap → ticket screen: median {median:.1f} ms, max {max(taps) * 1000:.1f} ms over {len(taps)} taps "
            f"(floor, a plain screen switch: {floor:.1f} ms) {'ok' if median <= 50 else 'OVER'}"
        )
        calls = asyncio.run(call_to_board(url))
        value = p95(calls) * 1000
        limit = 15 if name == "sqlite" else 5
        print(
            f"[{name}] call → board: p95 {value:.1f} ms, median {statistics.median(calls) * 1000:.1f} ms "
            f"over {len(calls)} calls (target ≤ {limit} ms) {'ok' if value <= limit else 'OVER'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
