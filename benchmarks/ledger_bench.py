"""Ledger benchmark: filtered pages of 50 out of 100,000 cases.

    python -m benchmarks.ledger_bench [--cases 100000] [--repeat 30]

Fills a throw-away hall with ``generate_cases`` (SQLite in a temporary
folder; and PostgreSQL too when ``HALL_TEST_PG`` holds a server URL), then
times ``models.cases.ledger.ledger`` for several filters: the median and p95 in
milliseconds, and the ratio of the median to a raw driver query (sqlite3 /
psycopg) running the very same SQL and fetching the same rows. The target is
a page in ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.case_data import generate_cases  # noqa: E402
from models.cases.ledger import LedgerFilter, ledger, ledger_query  # noqa: E402
from models.config import Config, TicketsConfig  # noqa: E402

TARGET_MS = 50.0


def filters() -> list[tuple[str, LedgerFilter]]:
    from models.schema import Staff
    from models.schema.cases import CaseContact, CaseState

    busy = Staff.select().where(Staff.role == "staff").order_by(Staff.id).first().code
    last4 = CaseContact.select(CaseContact.phone_last4).order_by(CaseContact.id).first().phone_last4
    number = CaseState.select(CaseState.number).order_by(CaseState.case.desc()).offset(1234).first().number
    return [
        ("all, newest first", LedgerFilter()),
        ("open", LedgerFilter(open=True)),
        ("overdue", LedgerFilter(overdue=True)),
        ("due within 3 working days", LedgerFilter(due_within=3)),
        ("accepted today", LedgerFilter(today=True)),
        ("window 3", LedgerFilter(window=3)),
        ("open at window 2", LedgerFilter(open=True, window=2)),
        ("kind promised", LedgerFilter(kind="promised")),
        (f"handler {busy}, open", LedgerFilter(handler=busy, open=True)),
        (f"first responder {busy}", LedgerFilter(first_responder=busy)),
        ("open 差评 follow-ups", LedgerFilter(followup=True)),
        (f"phone ends {last4}", LedgerFilter(search=last4)),
        (f"case number {number}", LedgerFilter(search=number)),
    ]


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered), p95


def _time(fn, repeat: int) -> list[float]:
    fn()  # warm: caches, prepared plans
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _raw_runner(config: Config):
    """A function running (sql, params) on a raw driver connection and fetching all rows."""
    url = config.database
    if url.startswith(("postgresql://", "postgres://")):
        import psycopg

        conn = psycopg.connect(url, autocommit=True)
        return lambda sql, params: conn.execute(sql, params).fetchall()
    import sqlite3

    conn = sqlite3.connect(url[len("sqlite:///") :])
    return lambda sql, params: conn.execute(sql, params).fetchall()


def run(config: Config, cases: int, repeat: int) -> list[dict]:
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall

    hall = open_hall(config, create=True)
    if not catalogue_store.loaded():
        catalogue_store.load_file(str(default_catalogue_path()))
    start = time.perf_counter()
    made = generate_cases(cases, config=config)
    print(f"  generated {made:,} cases in {time.perf_counter() - start:.1f} s", flush=True)
    raw = _raw_runner(config)
    results = []
    for name, flt in filters():
        page = ledger(config, flt)
        ours = _time(lambda flt=flt: ledger(config, flt), repeat)
        sql, params = ledger_query(config, flt, 51, 0).sql()
        base = _time(lambda sql=sql, params=params: raw(sql, params), repeat)
        med, p95 = _stats(ours)
        raw_med, _ = _stats(base)
        results.append(
            {
                "filter": name,
                "rows": len(page.rows),
                "median_ms": med,
                "p95_ms": p95,
                "raw_ms": raw_med,
                "ratio": med / raw_med if raw_med else float("nan"),
            }
        )
    hall.close()
    return results


def report(backend: str, results: list[dict]) -> None:
    print(f"\n{backend}: ledger page of 50 (ms)")
    print(f"  {'filter':34} {'rows':>4} {'median':>8} {'p95':>8} {'raw':>8} {'ratio':>6}")
    for r in results:
        flag = "" if r["p95_ms"] <= TARGET_MS else "  > target"
        print(
            f"  {r['filter']:34} {r['rows']:>4} {r['median_ms']:8.2f} {r['p95_ms']:8.2f} {r['raw_ms']:8.2f} {r['ratio']:6.1f}{flag}"
        )
    worst = max(r["p95_ms"] for r in results)
    print(f"  worst p95 {worst:.2f} ms (target ≤ {TARGET_MS:.0f} ms): {'ok' if worst <= TARGET_MS else 'TOO SLOW'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    base = replace(Config(), tickets=TicketsConfig(always_open=True))
    with tempfile.TemporaryDirectory(prefix="hall-bench-") as folder:
        print(f"SQLite, {args.cases:,} cases", flush=True)
        sqlite_config = replace(base, database=f"sqlite:///{folder}/bench.db")
        report("SQLite", run(sqlite_config, args.cases, args.repeat))
    pg = os.environ.get("HALL_TEST_PG", "")
    if pg and pg != "off":
        import psycopg

        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "hall_bench" WITH (FORCE)')
            conn.execute('CREATE DATABASE "hall_bench"')
        print(f"\nPostgreSQL, {args.cases:,} cases", flush=True)
        pg_config = replace(base, database=pg.rsplit("/", 1)[0] + "/hall_bench")
        report("PostgreSQL", run(pg_config, args.cases, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
