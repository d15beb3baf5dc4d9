"""Queue engine speed against the floor, in one run.

    python -m benchmarks.core_bench

Prints median and p95 of take-ticket and call-next through the hall's code,
next to raw drivers doing the same writes at the same durability (SQLite WAL
with synchronous=FULL; PostgreSQL with synchronous_commit=on), the ratio
against its target (take ≤ 1.3×, call ≤ 1.5× on SQLite; both ≤ 2× on
PostgreSQL), and how soon another process sees a change through the event
feed (target p95 ≤ 10 ms). The machine's load moves both sides of a ratio
alike; the absolute figures move with it. PostgreSQL is measured
when ``HALL_TEST_PG`` names a server (``make bench`` starts one).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime

from models.config import Config, TicketsConfig

N = 300


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def fmt(values) -> str:
    return f"median {statistics.median(values) * 1000:7.3f} ms   p95 {pct(values, 0.95) * 1000:7.3f} ms"


def make_hall(url: str):
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall

    config = replace(Config(), database=url, tickets=TicketsConfig(always_open=True))
    hall = open_hall(config, create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    return hall


def side_by_side(ours, floor, n=N):
    """Time ``ours(i)`` and ``floor(i)`` turn about, so a busy machine slows both alike."""
    mine, theirs = [], []
    for i in range(n):
        for fn, out in ((ours, mine), (floor, theirs)):
            start = time.perf_counter()
            fn(i)
            out.append(time.perf_counter() - start)
    return mine, theirs


def compare(hall, floor_take, floor_call):
    """Take then call, the hall's and the floor's turn about (the floor's driver is its own)."""
    take, raw_take = side_by_side(lambda i: hall.queue.take("baby-hukou"), floor_take)
    call, raw_call = side_by_side(lambda i: hall.queue.call_next(1), floor_call)
    return take, call, raw_take, raw_call


# --- the floor: the same writes through the bare driver -------------------------

RAW_TAKE = [
    (
        "INSERT INTO ticket_counter (prefix, day, last) VALUES ('Z', {p}, 1) "
        "ON CONFLICT (prefix, day) DO UPDATE SET last = ticket_counter.last + 1 RETURNING last"
    ),
    (
        "INSERT INTO ticket (number, prefix, seq, service_day, item_id, line_id, priority, tracking_code, status, "
        "issued_at, arrival_at, front, recalls, returned, transfers, transfer_note) "
        "VALUES ({p}, 'Z', {p}, {p}, 1, 1, false, {p}, 'waiting', {p}, {p}, false, 0, false, 0, '')"
    ),
    "INSERT INTO event (at, kind, ref, data) VALUES ({p}, 'ticket.taken', 1, '{{}}')",
]
RAW_CALL = [
    (
        "UPDATE ticket SET status = 'called', window_id = 1, called_at = {p} WHERE id = ("
        "SELECT id FROM ticket WHERE status = 'waiting' AND line_id = 1 ORDER BY arrival_at, id LIMIT 1{lock}) "
        "RETURNING id"
    ),
    "INSERT INTO event (at, kind, ref, data) VALUES ({p}, 'ticket.called', 1, '{{}}')",
]


def raw_sqlite(path: str):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("PRAGMA synchronous=FULL")
    take_sql = [s.format(p="?") for s in RAW_TAKE]
    call_sql = [s.format(p="?", lock="") for s in RAW_CALL]
    day = date.today().isoformat()

    def take(i):
        now = datetime.utcnow().isoformat(" ")
        conn.execute("BEGIN IMMEDIATE")
        seq = conn.execute(take_sql[0], (day,)).fetchone()[0]
        conn.execute(take_sql[1], (f"Z{seq:03d}", seq, day, f"RAW{i:09d}", now, now))
        conn.execute(take_sql[2], (now,))
        conn.execute("COMMIT")

    def call(i):
        now = datetime.utcnow().isoformat(" ")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(call_sql[0], (now,)).fetchone()
        conn.execute(call_sql[1], (now,))
        conn.execute("COMMIT")

    return take, call


def raw_postgres(url: str):
    import psycopg

    conn = psycopg.connect(url, autocommit=True)
    take_sql = [s.format(p="%s") for s in RAW_TAKE]
    call_sql = [s.format(p="%s", lock=" FOR UPDATE SKIP LOCKED") for s in RAW_CALL]
    day = date.today()

    def take(i):
        now = datetime.utcnow()
        with conn.transaction():
            seq = conn.execute(take_sql[0], (day,)).fetchone()[0]
            conn.execute(take_sql[1], (f"Z{seq:03d}", seq, day, f"RAW{i:09d}", now, now))
            conn.execute(take_sql[2], (now,))

    def call(i):
        now = datetime.utcnow()
        with conn.transaction():
            conn.execute(call_sql[0], (now,)).fetchone()
            conn.execute(call_sql[1], (now,))

    return take, call, conn


# --- notification latency across processes --------------------------------------


def _writer(url: str, count: int, pipe):
    from models.hall import open_hall

    config = replace(Config(), database=url, tickets=TicketsConfig(always_open=True))
    hall = open_hall(config)
    pipe.recv()  # the reader is listening
    pause = random.Random(7)
    for _ in range(count):
        # Irregular gaps: a writer on the reader's own 50 ms beat would land at
        # the same point of every poll and show one phase, not the spread.
        time.sleep(pause.uniform(0.02, 0.08))
        receipt = hall.queue.take("hukou-in")
        pipe.send((receipt.number, time.time()))
    pipe.send(None)


def notification_latency(hall, count=60):
    from models.events import EventWatcher, last_id

    ctx = mp.get_context("spawn")
    ours, theirs = ctx.Pipe()
    writer = ctx.Process(target=_writer, args=(hall.url, count, theirs))
    writer.start()
    watcher = EventWatcher(hall.db)
    since = last_id()
    watcher.wait(since, timeout=0.01)  # opens the listener first
    ours.send("go")
    seen, committed = {}, {}
    deadline = time.monotonic() + 120
    while len(seen) < count and time.monotonic() < deadline:
        for event in watcher.wait(since, timeout=0.5):
            since = event.id
            if event.kind == "ticket.taken":
                seen[event.data["number"]] = time.time()
        while ours.poll():
            message = ours.recv()
            if message:
                committed[message[0]] = message[1]
    while ours.poll():
        message = ours.recv()
        if message:
            committed[message[0]] = message[1]
    writer.join(timeout=30)
    watcher.close()
    return [max(0.0, seen[n] - committed[n]) for n in seen if n in committed]


def report(name, ours, floor, target):
    ratio = statistics.median(ours) / statistics.median(floor)
    print(f"  {name:22} hall   {fmt(ours)}")
    print(f"  {'':22} floor  {fmt(floor)}   ratio {ratio:4.2f}× (target ≤ {target}×) {verdict(ratio <= target)}")
    return ratio


def verdict(met: bool) -> str:
    return "ok" if met else "OVER"


def report_latency(name, latency, target_ms):
    p95 = pct(latency, 0.95) * 1000
    print(
        f"  {name:22} p50 {statistics.median(latency) * 1000:6.1f} ms   p95 {p95:6.1f} ms   "
        f"(target p95 ≤ {target_ms} ms) {verdict(p95 <= target_ms)}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"Queue engine, {N} operations each (SQLite WAL, synchronous=FULL)")
        raw_path = f"{tmp}/raw.db"
        make_hall(f"sqlite:///{raw_path}").close()  # the floor's schema; the hall is bound last
        hall = make_hall(f"sqlite:///{tmp}/hall.db")
        take, call, raw_take, raw_call = compare(hall, *raw_sqlite(raw_path))
        report("take ticket", take, raw_take, 1.3)
        report("call next", call, raw_call, 1.5)
        report_latency("change seen (SQLite)", notification_latency(hall), 10)
        hall.close()

    pg = os.environ.get("HALL_TEST_PG", "")
    if pg and pg != "off":
        import psycopg

        base = pg.rsplit("/", 1)[0]
        with psycopg.connect(pg, autocommit=True) as conn:
            for name in ("hall_bench", "hall_bench_raw"):
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                conn.execute(f"CREATE DATABASE {name}")
        print(f"\nQueue engine, {N} operations each (PostgreSQL, synchronous_commit=on)")
        make_hall(f"{base}/hall_bench_raw").close()
        hall = make_hall(f"{base}/hall_bench")
        floor_take, floor_call, raw_conn = raw_postgres(f"{base}/hall_bench_raw")
        take, call, raw_take, raw_call = compare(hall, floor_take, floor_call)
        raw_conn.close()
        report("take ticket", take, raw_take, 2.0)
        report("call next", call, raw_call, 2.0)
        report_latency("change seen (PG)", notification_latency(hall), 10)
        hall.close()
    else:
        print("\n(PostgreSQL not measured: HALL_TEST_PG is not set; `make bench` starts a server)")


if __name__ == "__main__":
    main()
