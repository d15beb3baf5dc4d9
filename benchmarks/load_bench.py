"""SQLite under a busy hall's load: many kiosks taking and windows calling at once.

    python -m benchmarks.load_bench [SECONDS] [TAKERS] [CALLERS]

16 processes take tickets flat out and 6 call and finish them (one window
each) for 60 s, through the hall's code on one SQLite file (WAL,
``synchronous=FULL``). Prints how many takes failed and the take and call
latencies (p50, p99, worst), next to raw ``sqlite3`` doing the same writes
with the same processes (its own busy timeout, BEGIN IMMEDIATE). Target: 0
failed takes, take p99 ≤ 250 ms. On a shared machine the figures move with
whatever else runs; the load average is printed with them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime

from benchmarks.core_bench import RAW_CALL, RAW_TAKE, make_hall, pct

SECONDS, TAKERS, CALLERS = 60.0, 16, 6
# The item each taker asks for, by the window that serves its line (window → item).
ITEMS = {1: "baby-hukou", 2: "landless-pension-cert", 3: "rural-dibao", 4: "appliance-subsidy", 5: "rural-housing-land"}
ITEMS[6] = "party-transfer"


def _hall_taker(config, index, gate, out):
    from models.hall import open_hall

    hall = open_hall(config)
    item = ITEMS[index % CALLERS + 1]
    times, failures = [], []
    until = gate.wait()
    while time.time() < until:
        began = time.perf_counter()
        try:
            hall.queue.take(item)
        except Exception as exc:  # a failed take is what is counted, whatever it was
            failures.append(f"{type(exc).__name__}: {exc}"[:120])
            continue
        times.append(time.perf_counter() - began)
    out.put(("take", times, failures))


def _hall_caller(config, window, gate, out):
    from models.errors import Refused
    from models.hall import open_hall

    hall = open_hall(config)
    times, failures = [], []
    until = gate.wait()
    while time.time() < until:
        began = time.perf_counter()
        try:
            ticket = hall.queue.call_next(window)
            hall.queue.finish(ticket.number, window)
        except Refused:
            time.sleep(0.005)  # nobody waiting at this window
            continue
        except Exception as exc:
            failures.append(f"{type(exc).__name__}: {exc}"[:120])
            continue
        times.append(time.perf_counter() - began)
    out.put(("call", times, failures))


def _raw_connection(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _raw_write(conn: sqlite3.Connection, body, failures: list[str]):
    """``body()`` in one BEGIN IMMEDIATE … COMMIT; its answer, or None (and the error noted) when it failed."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        answer = body()
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        failures.append(str(exc))
        return None
    return answer


def _raw_taker(path, index, gate, out):
    conn = _raw_connection(path)
    take_sql = [s.format(p="?") for s in RAW_TAKE]
    day = date.today().isoformat()
    times, failures, i = [], [], 0
    until = gate.wait()
    while time.time() < until:
        i += 1
        began = time.perf_counter()
        now = datetime.utcnow().isoformat(" ")

        def take(now=now, i=i):
            seq = conn.execute(take_sql[0], (day,)).fetchone()[0]
            conn.execute(take_sql[1], (f"Z{seq:03d}", seq, day, f"RAW{index:02d}{i:09d}", now, now))
            conn.execute(take_sql[2], (now,))
            return True

        if _raw_write(conn, take, failures) is None:
            continue
        times.append(time.perf_counter() - began)
    out.put(("take", times, failures))


def _raw_caller(path, window, gate, out):
    conn = _raw_connection(path)
    call_sql = [s.format(p="?", lock="") for s in RAW_CALL]
    times, failures = [], []
    until = gate.wait()
    while time.time() < until:
        began = time.perf_counter()
        now = datetime.utcnow().isoformat(" ")

        def call(now=now):
            claimed = conn.execute(call_sql[0], (now,)).fetchone()
            if claimed is not None:
                conn.execute(call_sql[1], (now,))
            return claimed is not None

        claimed = _raw_write(conn, call, failures)
        if claimed is None:
            continue
        if not claimed:
            time.sleep(0.005)
            continue
        times.append(time.perf_counter() - began)
    out.put(("call", times, failures))


class Gate:
    """Every process is ready (imports done, hall open) before the clock starts for all of them."""

    def __init__(self, ctx, processes: int, seconds: float) -> None:
        self.ready, self.go, self.until = ctx.Semaphore(0), ctx.Event(), ctx.Value("d", 0.0)
        self.processes, self.seconds = processes, seconds

    def wait(self) -> float:
        """In a worker: say it is ready, wait for the start; the time to stop at."""
        self.ready.release()
        self.go.wait()
        return self.until.value

    def open(self) -> None:
        for _ in range(self.processes):
            self.ready.acquire(timeout=300)
        self.until.value = time.time() + self.seconds
        self.go.set()


def run(taker, caller, target, seconds: float, takers: int, callers: int) -> dict:
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    gate = Gate(ctx, takers + callers, seconds)
    procs = [ctx.Process(target=taker, args=(target, i, gate, out)) for i in range(takers)]
    procs += [ctx.Process(target=caller, args=(target, w + 1, gate, out)) for w in range(callers)]
    for p in procs:
        p.start()
    gate.open()
    results: dict = {"take": ([], []), "call": ([], [])}
    for _ in procs:
        kind, times, failures = out.get(timeout=seconds + 300)
        results[kind][0].extend(times)
        results[kind][1].extend(failures)
    for p in procs:
        p.join(timeout=30)
    return results


def line(name: str, times: list[float], failures: list[str], seconds: float) -> str:
    if not times:
        return f"  {name:5} none done, {len(failures)} failed"
    ms = [t * 1000 for t in times]
    return (
        f"  {name:5} {len(times):6d} done ({len(times) / seconds:6.1f}/s), {len(failures)} failed   "
        f"p50 {pct(ms, 0.5):7.1f} ms   p99 {pct(ms, 0.99):7.1f} ms   worst {max(ms):7.1f} ms"
    )


def main(seconds: float = SECONDS, takers: int = TAKERS, callers: int = CALLERS) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        hall = make_hall(f"sqlite:///{tmp}/hall.db")
        config = hall.config
        hall.close()
        make_hall(f"sqlite:///{tmp}/raw.db").close()
        print(
            f"SQLite under load: {takers} taking and {callers} calling processes for {seconds:.0f} s "
            f"(WAL, synchronous=FULL; {os.cpu_count()} cores, load average before {os.getloadavg()[0]:.1f})"
        )
        ours = run(_hall_taker, _hall_caller, config, seconds, takers, callers)
        print(" hall:")
        for kind in ("take", "call"):
            print(line(kind, *ours[kind], seconds))
        floor = run(_raw_taker, _raw_caller, f"{tmp}/raw.db", seconds, takers, callers)
        print(" raw sqlite3, the same writes:")
        for kind in ("take", "call"):
            print(line(kind, *floor[kind], seconds))
        failed = ours["take"][1]
        if failed:
            print(f"  first failure: {failed[0]}")
        p99 = pct(ours["take"][0], 0.99) * 1000 if ours["take"][0] else float("inf")
        verdict = "met" if not failed and p99 <= 250 else "NOT met"
        print(f"  target (0 failed takes, take p99 ≤ 250 ms): {verdict}; load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    arguments = [float(a) for a in sys.argv[1:4]]
    main(*(int(a) if i else a for i, a in enumerate(arguments)))
