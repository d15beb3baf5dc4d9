"""A kiosk on a hall whose database is still opening (as ``hall kiosk`` starts).

The home screen is drawn from the config alone; the database opens only once
that frame is out, and then the live feed and the day's state follow. A
database that cannot be opened ends the app with status 2.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from kiosk.app import KioskApp
from kiosk.pending import PendingHall
from tests.kiosk.conftest import on_screen, text_of, wait_for

ROOT = Path(__file__).resolve().parents[2]


def gated_pending_hall(hall):
    """A PendingHall on ``hall`` whose opening waits for ``gate``; ``began`` is set when it starts."""
    gate = threading.Event()
    began = threading.Event()

    def opener(config):
        began.set()
        gate.wait(10)
        return hall

    return PendingHall(hall.config, opener), gate, began


async def test_home_is_drawn_before_the_database_opens_and_the_hall_follows_after(hall):
    pending, gate, began = gated_pending_hall(hall)
    app = KioskApp(pending, watch_theme_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        assert "取号办事" in str(app.screen.query_one("#take").label)
        assert text_of(app, "#banner")  # the issuing state, from the hall calendar
        assert all(w.group != "live" for w in app.workers)  # no feed without a database
        await wait_for(pilot, began.is_set)  # the opening began after the first frame
        gate.set()
        await wait_for(pilot, lambda: pending.ready)
        await wait_for(pilot, lambda: any(w.group == "live" for w in app.workers))


async def test_a_database_that_cannot_open_ends_the_kiosk_with_status_2(hall):
    def opener(config):
        raise OSError("disk not there")

    pending = PendingHall(hall.config, opener)
    app = KioskApp(pending, watch_theme_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.return_code == 2)
    assert isinstance(pending.error, OSError)


def test_the_cold_start_benchmark_marks_the_home_screen_before_the_hall_is_ready(tmp_path):
    """The benchmark's child runs as written (so ``make bench`` cannot rot)."""
    from benchmarks import kiosk_bench

    url = f"sqlite:///{tmp_path}/hall.db"
    kiosk_bench.make_demo_db(url)
    frame, ready, ended, peak = kiosk_bench._run_child(kiosk_bench.KIOSK_APP, url)
    assert 0 < frame <= ready <= ended
    assert peak > 0


async def test_home_learns_the_opened_halls_issuing_hours_at_once(hall):
    """The first frame comes from the config alone; the hall as opened (here a
    demo hall that issues at any hour) corrects it without waiting a cycle."""
    from dataclasses import replace
    from datetime import datetime

    from models import clock
    from models.calendar import HallCalendar
    from models.config import TicketsConfig
    from tests.conftest import SHANGHAI

    clock.set_now(datetime(2026, 11, 24, 0, 50, tzinfo=SHANGHAI))  # no tickets at this hour, normally
    config = replace(hall.config, tickets=TicketsConfig(always_open=False))
    pending, gate, began = gated_pending_hall(hall)
    pending.config, pending.calendar = config, HallCalendar(config)
    app = KioskApp(pending, live=False, watch_theme_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        assert app.screen.query_one("#take").disabled  # the config alone: closed at 00:50
        gate.set()  # the hall opens: a hall that issues at any hour
        await wait_for(pilot, lambda: not app.screen.query_one("#take").disabled, timeout=1.5)


def test_what_the_kiosk_imports_before_its_first_frame_loads_no_database_code_nor_glyphs():
    """A cold start is mostly imports: peewee and the drivers wait for the first frame, and the
    big glyphs for large mode to need them."""
    code = (
        "import sys\n"
        "from kiosk.app import KioskApp\n"
        "from kiosk.pending import PendingHall\n"
        "from kiosk.screens.home import HomeScreen\n"
        "late = ('peewee', 'psycopg', 'sqlite3', 'shared_ui.glyph_font')\n"
        "print(','.join(sorted(m for m in late if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
