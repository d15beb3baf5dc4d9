"""Many kiosks and windows at once, a crash mid-write, and the change feed
across processes — on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from models.events import EventWatcher, last_id
from models.hall import open_hall
from models.schema import Event, Ticket

TAKERS, CALLERS, TICKETS_EACH = 8, 4, 25
ROOT = Path(__file__).resolve().parents[2]


def _taker(config, n, out):
    hall = open_hall(config)
    numbers = []
    for i in range(n):
        item = "baby-hukou" if i % 2 else "hukou-in"
        numbers.append(hall.queue.take(item, priority=(i % 5 == 0)).number)
    out.put(("taken", numbers))


def _caller(config, stop_file, out):
    from models.errors import Refused

    hall = open_hall(config)
    called = []
    while True:
        try:
            ticket = hall.queue.call_next(1)
        except Refused:
            if os.path.exists(stop_file):
                break
            time.sleep(0.002)
            continue
        called.append(ticket.number)
        hall.queue.finish(ticket.number, 1)
    out.put(("called", called))


@pytest.mark.slow
def test_race_takers_and_callers(hall, tmp_path):
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    stop_file = str(tmp_path / "takers-done")
    callers = [ctx.Process(target=_caller, args=(hall.config, stop_file, out)) for _ in range(CALLERS)]
    takers = [ctx.Process(target=_taker, args=(hall.config, TICKETS_EACH, out)) for _ in range(TAKERS)]
    for p in callers + takers:
        p.start()
    results = {"taken": [], "called": []}
    for _ in range(TAKERS):
        kind, numbers = out.get(timeout=240)
        results[kind].extend(numbers)
    Path(stop_file).touch()
    for _ in range(CALLERS):
        kind, numbers = out.get(timeout=240)
        results[kind].extend(numbers)
    for p in callers + takers:
        p.join(timeout=60)
        assert p.exitcode == 0

    taken, called = results["taken"], results["called"]
    total = TAKERS * TICKETS_EACH
    assert len(taken) == total and len(set(taken)) == total  # no duplicate number
    assert sorted(taken) == sorted(f"A{i:03d}" for i in range(1, total + 1))  # gap-free
    assert Counter(called).most_common(1)[0][1] == 1  # none called twice
    assert sorted(called) == sorted(taken)  # none lost
    calls = Counter(e.ref for e in Event.select().where(Event.kind == "ticket.called"))
    assert len(calls) == total and set(calls.values()) == {1}
    assert Ticket.select().where(Ticket.status == "done").count() == total


CRASH_CHILD = """
import sys
from models.config import load_config
from models.hall import open_hall
from dataclasses import replace
config = load_config(db_override=sys.argv[1])
config = replace(config, tickets=replace(config.tickets, always_open=True))
hall = open_hall(config)
while True:
    receipt = hall.queue.take("baby-hukou")
    print(receipt.number, flush=True)
"""


def taking_until(url: str, count: int = 40):
    """A process taking tickets flat out on ``url``, and the first ``count`` numbers it showed."""
    child = subprocess.Popen(
        [sys.executable, "-c", CRASH_CHILD, url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, HALL_CONFIG=""),
    )
    shown: list[str] = []
    deadline = time.monotonic() + 60
    while len(shown) < count and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        shown.append(line.strip())
    return child, shown


def test_sigkill_mid_write_loses_no_committed_ticket(hall, tmp_path):
    child, shown = taking_until(hall.url)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert len(shown) >= 40, child.stderr.read()[-500:]

    hall.db.close()
    reopened = open_hall(hall.config)
    try:
        if reopened.url.startswith("sqlite"):
            assert reopened.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {t.number for t in Ticket.select(Ticket.number)}
        assert set(shown) <= stored  # every ticket shown to anyone survived
        # and numbering carries on without a gap or a repeat
        nxt = reopened.queue.take("baby-hukou").number
        assert int(nxt[1:]) == len(stored) + 1
    finally:
        reopened.close()


EVENT_CHILD = """
import sys, time
from models.config import load_config
from models.hall import open_hall
from dataclasses import replace
config = load_config(db_override=sys.argv[1])
config = replace(config, tickets=replace(config.tickets, always_open=True))
hall = open_hall(config)
for _ in range(5):
    time.sleep(0.2)
    hall.queue.take("baby-hukou")
"""


def test_another_process_sees_changes_through_the_feed(hall):
    start = last_id()
    watcher = EventWatcher(hall.db)
    child = subprocess.Popen(
        [sys.executable, "-c", EVENT_CHILD, hall.url], cwd=ROOT, env=dict(os.environ, HALL_CONFIG="")
    )
    seen, since = [], start
    try:
        deadline = time.monotonic() + 30
        while len(seen) < 5 and time.monotonic() < deadline:
            events = watcher.wait(since, timeout=1.0)
            for event in events:
                seen.append(event.kind)
                since = event.id
    finally:
        watcher.close()
        child.wait(timeout=30)
    assert seen == ["ticket.taken"] * 5


def test_a_wait_ends_within_a_poll_once_its_stop_is_set(hall):
    """An app that ends sets the stop of its feed and does not wait the feed's timeout out."""
    import threading

    stop, waiting = threading.Event(), threading.Event()
    ended = {}

    def wait():
        with hall.db.connection_context():
            watcher = EventWatcher(hall.db, stop)
            since = last_id()
            started = time.monotonic()
            waiting.set()
            watcher.wait(since, timeout=5.0)
            ended["after"] = time.monotonic() - started
            watcher.close()

    thread = threading.Thread(target=wait)
    thread.start()
    assert waiting.wait(5)
    time.sleep(0.2)  # well inside the five-second wait
    stop.set()
    thread.join(3)
    assert not thread.is_alive() and 0.15 <= ended["after"] < 1.5  # stopped mid-wait, not timed out
    given = threading.Event()
    EventWatcher(hall.db, given).close()
    assert not given.is_set()  # closing one watcher leaves the app's stop alone (a retry opens another)
