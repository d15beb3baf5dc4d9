"""SQLite's wake-up: a file watch on the database's folder is the hint, the poll the fallback.

The hint only says "look now"; whether something was committed is still
``data_version``'s to say, and the events are still read by id, so a missed
or a spurious wake-up costs a look, never an event.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from models import events
from models.events import EventWatcher, FileHint, last_id


def _seen_by_a_waiting_watcher(hall, settle: float) -> list[str]:
    """The kinds of event a watcher waiting in another thread (its own connection) returns
    when a ticket is taken ``settle`` seconds after it began to wait."""
    since = last_id()
    found: dict = {"events": []}

    def wait():
        with hall.db.connection_context():
            watcher = EventWatcher(hall.db)
            try:
                found["events"] = watcher.wait(since, timeout=30.0)
            finally:
                watcher.close()

    thread = threading.Thread(target=wait)
    thread.start()
    time.sleep(settle)  # the watcher is waiting (and its watch set up)
    hall.queue.take("baby-hukou")
    thread.join(30)
    assert not thread.is_alive()
    return [event.kind for event in found["events"]]


def test_a_write_to_the_wal_file_wakes_the_hint_and_other_files_do_not(tmp_path):
    path = tmp_path / "hall.db"
    path.touch()
    hint = FileHint(str(path))
    try:
        time.sleep(0.3)  # the watch is set up in its own thread
        (tmp_path / "notes.txt").write_text("not the database")
        (tmp_path / "hall.db-shm").write_bytes(b"memory-mapped, never a commit")
        assert not hint.changed.wait(0.5)
        (tmp_path / "hall.db-wal").write_bytes(b"a commit's frames")
        assert hint.changed.wait(10)
    finally:
        hint.close()


def test_another_connections_commit_wakes_a_waiting_watcher_before_the_poll(monkeypatch, sqlite_hall):
    """With the poll made an hour long, only the file watch can wake the wait."""
    hall = sqlite_hall
    monkeypatch.setattr(events, "POLL_SECONDS", 3600.0)
    assert _seen_by_a_waiting_watcher(hall, settle=0.5) == ["ticket.taken"]


def test_without_file_events_the_poll_still_finds_the_commit(monkeypatch, sqlite_hall):
    hall = sqlite_hall

    def no_watch(self):  # a file system that gives no events: the hint's thread just ends
        return None

    monkeypatch.setattr(FileHint, "_run", no_watch)
    assert _seen_by_a_waiting_watcher(hall, settle=0.2) == ["ticket.taken"]


def test_a_spurious_wake_up_returns_nothing_and_the_wait_goes_on(sqlite_hall):
    """A checkpoint (or another program touching the -wal file) wakes the watcher: it looks,
    finds no new event and waits on until its timeout."""
    hall = sqlite_hall
    hall.queue.take("baby-hukou")  # something in the log for the checkpoint to write out
    since = last_id()

    def checkpoint():
        time.sleep(0.2)
        raw = sqlite3.connect(hall.db.database)
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.close()

    touch = threading.Thread(target=checkpoint)
    watcher = EventWatcher(hall.db)
    try:
        started = time.monotonic()
        touch.start()
        assert watcher.wait(since, timeout=0.8) == []
        assert time.monotonic() - started >= 0.75
    finally:
        touch.join(10)
        watcher.close()


@pytest.fixture
def sqlite_hall(tmp_path):
    """A SQLite hall whatever the backend under test: file events are SQLite's own."""
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall
    from tests.kiosk.conftest import sqlite_config

    hall = open_hall(sqlite_config(tmp_path), create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    yield hall
    hall.close()
