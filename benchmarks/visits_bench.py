"""Visit progress benchmark: 20 workers, 4,000 households, a year of visits.

    python -m benchmarks.visits_bench [--workers 20] [--households 4000] [--repeat 20]

Fills a throw-away hall (SQLite in a temporary folder; PostgreSQL too when
``HALL_TEST_PG`` holds a server URL): the areas and households through the
real area file loader (a CSV), a year of visits (about 35 households a month
per worker at home, the monthly families called) linked into their hash
chains as the program writes them. Then times one worker's month with every
household of their areas (``Progress.of_worker``), the leader's view
(``Progress.leader_view``) and the month's summary sheet: median and p95 in
milliseconds. The target is ≤ 200 ms each.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.case_data import _insert  # noqa: E402
from models import clock  # noqa: E402
from models.config import Config  # noqa: E402

TARGET_MS = 200.0
NOW = datetime(2026, 12, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
MONTH = "2026-12"


def _area_file(folder: str, workers: list[str], households: int, rng: random.Random) -> str:
    per_area = households // len(workers)
    path = Path(folder) / "areas.csv"
    lines = ["area,area_name,worker,grid_leader,code,address,building,unit,room,head,phone,care"]
    for index, worker in enumerate(workers):
        area = f"g{index + 1:02d}"
        for n in range(per_area):
            care = "special" if rng.random() < 0.04 else "difficult" if rng.random() < 0.03 else ""
            first = n == 0
            lines.append(
                f"{area},{'第' + str(index + 1) + '网格' if first else ''},{worker if first else ''},"
                f"{'网格长' + str(index) if first else ''},{area}-{n:04d},幸福小区,{n // 20 + 1}栋,{n % 4 + 1}单元,"
                f"{(n % 20) // 4 + 1}0{n % 4 + 1},居民{n},139{rng.randrange(10**8):08d},{care}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _visits(workers: dict[str, int], rng: random.Random) -> tuple[list[dict], int]:
    from models.schema.households import Area, Household

    by_worker: dict[int, list[tuple[int, str]]] = {}
    for house_id, contact, worker_id in (
        Household.select(Household.id, Household.contact, Area.worker).join(Area).tuples()
    ):
        by_worker.setdefault(worker_id, []).append((house_id, contact))
    rows = []
    start = date(2025, 12, 21)
    today = NOW.date()
    logged = clock.to_utc(NOW)

    def visit(household: int, worker: int, day: date, how: str) -> dict:
        return dict(household=household, worker=worker, visited_on=day, how=how, met="head", note="", logged_at=logged)

    for worker_id, houses in by_worker.items():
        order = [h for h, _ in houses]
        rng.shuffle(order)
        monthly = [h for h, contact in houses if contact == "monthly"]
        cursor = 0
        day = start
        while day <= today:
            if day.weekday() < 5:
                for _ in range(rng.randrange(1, 3)):  # one or two households a working day
                    rows.append(visit(order[cursor % len(order)], worker_id, day, "home"))
                    cursor += 1
            if day.day == 10:
                rows.extend(visit(house, worker_id, day, "phone") for house in monthly)
            day += timedelta(days=1)
    rows.sort(key=lambda r: r["visited_on"])
    return rows, len(by_worker)


def _time(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def run(config: Config, workers: int, households: int, repeat: int) -> list[tuple[str, float, float]]:
    from models.db import database
    from models.hall import open_hall
    from models.households.store import load_file
    from models.schema.households import Visit, VisitMatter
    from models.staff import add_staff
    from models.visits.summary import summary_sheet

    clock.set_now(NOW)
    hall = open_hall(config, create=True)
    rng = random.Random(17)
    codes = [f"V{n + 1:02d}" for n in range(workers)]
    began = time.perf_counter()
    ids = {code: add_staff(code, f"社工{code}", "1234").id for code in codes}
    add_staff("L99", "站长", "1234", role="leader")
    with tempfile.TemporaryDirectory(prefix="hall-areas-") as folder:
        counts = load_file(_area_file(folder, codes, households, rng), "L99")
    rows, _ = _visits(ids, rng)
    with database.atomic():
        _insert(Visit, rows)
    first_visit = Visit.select(Visit.id).order_by(Visit.id).first().id
    matters = [dict(visit=first_visit + index, seq=1, text="楼道灯坏了") for index in range(0, len(rows), 3)]
    with database.atomic():
        _insert(VisitMatter, matters)
    if config.database.startswith("postgres"):
        database.execute_sql("ANALYZE")  # what autovacuum does after a bulk load, before anyone reads
    print(
        f"  {counts['added']:,} households, {len(rows):,} visits, {len(matters):,} matters in "
        f"{time.perf_counter() - began:.1f} s",
        flush=True,
    )
    progress = hall.visit_progress
    picked = iter(codes * (repeat + 1))
    results = [
        ("one worker's month, every household", *_time(lambda: progress.of_worker(next(picked), MONTH), repeat)),
        ("the leader's view", *_time(lambda: progress.leader_view(MONTH), repeat)),
        ("the month's summary sheet", *_time(lambda: summary_sheet(progress, MONTH), repeat)),
    ]
    hall.close()
    clock.set_now(None)
    return results


def report(backend: str, results: list[tuple[str, float, float]]) -> None:
    print(f"\n{backend}: visit progress (ms)")
    print(f"  {'what':40} {'median':>8} {'p95':>8}")
    for name, med, p95 in results:
        print(f"  {name:40} {med:8.2f} {p95:8.2f}{'' if p95 <= TARGET_MS else '  > target'}")
    worst = max(p95 for _, _, p95 in results)
    print(f"  worst p95 {worst:.2f} ms (target ≤ {TARGET_MS:.0f} ms): {'ok' if worst <= TARGET_MS else 'TOO SLOW'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=20)
    parser.add_argument("--households", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hall-bench-") as folder:
        print(f"SQLite, {args.workers} workers, {args.households:,} households", flush=True)
        config = replace(Config(), database=f"sqlite:///{folder}/bench.db")
        report("SQLite", run(config, args.workers, args.households, args.repeat))
    pg = os.environ.get("HALL_TEST_PG", "")
    if pg and pg != "off":
        import psycopg

        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "hall_visits_bench" WITH (FORCE)')
            conn.execute('CREATE DATABASE "hall_visits_bench"')
        print(f"\nPostgreSQL, {args.workers} workers, {args.households:,} households", flush=True)
        report(
            "PostgreSQL",
            run(
                replace(Config(), database=pg.rsplit("/", 1)[0] + "/hall_visits_bench"),
                args.workers,
                args.households,
                args.repeat,
            ),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
