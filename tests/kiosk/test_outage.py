"""The database goes away under a running kiosk and board, and comes back.

The kiosk stops issuing and says so to residents; the board marks its calls
as not current; both recover by themselves. On SQLite the file is moved
away (an open connection would keep reading it, a new one would make an
empty file in its place); on PostgreSQL the hall's database drops every
connection and refuses new ones, as a stopped server does, then takes them
again.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

from kiosk.app import KioskApp
from kiosk.board_app import BoardApp
from models.db import is_postgres
from shared_ui.words import tr
from tests.conftest import PG_URL
from tests.kiosk.conftest import on_screen, screen_text, wait_for
from tests.kiosk.test_board import Quiet


@contextmanager
def outage(hall):
    """The database is away inside the block; back, as it was, after it."""
    db = hall.db
    if is_postgres(db):
        import psycopg

        name = db.database
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            try:
                yield
            finally:
                admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        return
    path = db.database
    away = path + ".away"
    os.makedirs(away)
    files = [suffix for suffix in ("", "-wal", "-shm") if os.path.exists(path + suffix)]
    for suffix in files:
        shutil.move(path + suffix, os.path.join(away, "hall.db" + suffix))
    try:
        yield
    finally:
        for suffix in files:
            shutil.move(os.path.join(away, "hall.db" + suffix), path + suffix)
        os.rmdir(away)
        assert not os.path.exists(away)


async def test_the_kiosk_stops_issuing_while_the_database_is_away_and_recovers(hall):
    app = KioskApp(hall, language="zh", live=True, watch_theme_files=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_screen(pilot, "HomeScreen")
        await wait_for(pilot, lambda: not app.screen.query_one("#take").disabled)
        with outage(hall):
            await wait_for(pilot, lambda: app.db_lost, timeout=30)  # a loaded machine is slow to notice
            await wait_for(pilot, lambda: tr("outage.header") in screen_text(app), timeout=3)  # the header's second
            words = screen_text(app)
            assert tr("outage.issuing") in words and tr("outage.header") in words
            assert tr("kiosk.header_open") not in words
            assert app.screen.query_one("#take").disabled
            if not is_postgres(hall.db):
                assert not os.path.exists(hall.db.database)  # nothing made an empty file in its place
        await wait_for(pilot, lambda: not app.db_lost, timeout=10)
        await wait_for(pilot, lambda: not app.screen.query_one("#take").disabled, timeout=5)
        await wait_for(pilot, lambda: tr("kiosk.header_open") in screen_text(app), timeout=3)
        assert tr("outage.issuing") not in screen_text(app)


async def test_the_board_marks_its_calls_as_not_current_and_recovers(hall):
    hall.queue.take("baby-hukou")
    hall.queue.call_next(1)
    app = BoardApp(hall, language="zh", live=True, watch_theme_files=False, announcer=Quiet())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: screen.current == ("A001", 1))
        called = tr("board.call", number="A001", window=1)
        assert called in screen_text(app)
        with outage(hall):
            await wait_for(pilot, lambda: app.db_lost, timeout=30)  # a loaded machine is slow to notice
            await pilot.pause(0.2)
            assert screen.query_one("#call-panel").has_class("-stale")
            assert screen.query_one("#board-body").has_class("-stale")
            assert tr("outage.board") in screen_text(app) and called not in screen_text(app)
        await wait_for(pilot, lambda: not app.db_lost, timeout=10)
        await pilot.pause(0.2)
        assert not screen.query_one("#call-panel").has_class("-stale")
        assert called in screen_text(app)
