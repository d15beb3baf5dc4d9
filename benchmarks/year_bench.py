"""A year of a busy hall: does history slow the day?

    python -m benchmarks.year_bench [--days 250] [--tickets 300]

On a throw-away hall (SQLite in a temporary folder; PostgreSQL too when
``HALL_TEST_PG`` holds a server URL) the figures of a working day are timed
on day 1, when the hall has no past, and again on day 250, after 249 working
days of ``--tickets`` tickets each (taken, called, finished or ended at the
day's end, with their change-feed events) and their cases:

- taking a ticket and calling the next (then finishing it), through
  :class:`models.queue.Queue`, as the day's first half of residents arrives;
- the kiosk's home status (``kiosk.queries.lines``) and the terminal's queue
  view (``staff_tui.queries.queue_picture``) with the morning's queue waiting;
- a month report of a whole month (``hall.cases.report``): the first month of a
  third hall, one whose first month has just ended, against the year's last
  whole month on day 250.

Side by side with the ratio; none may grow by more than 1.2×, and the month
report stays ≤ 1 s. The two months reported differ in size (the first has
fewer working days, and cases come on every calendar day), so the month
report's growth is judged per row of its month, both months' sizes printed.
Day 1 is a second hall without a past, measured in turns with the year's hall
(three rounds, each on a day of its own: days 1-3 against days 250-252), and
the month reports take turns in the same rounds, so a machine whose load
changes slows both sides alike; the spread of the rounds is printed. The past days are bulk-inserted (their tickets in the
final states the day's end gives them), not replayed through the models:
replaying 75,000 tickets would take most of an hour here.

One module, though long: the year's fill, the day's measures and their table
are read together, and each part is only ever used by the others.
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
from datetime import time as clock_time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import clock  # noqa: E402
from models.config import Config, TicketsConfig  # noqa: E402

GROWTH_LIMIT = 1.2
ROUNDS = 3  # day 1 and the last day take turns this many times (each round a day of its own)
MONTH_REPORT_LIMIT_MS = 1000.0
FIRST_DAY = date(2025, 1, 6)  # a Monday
CHUNK = 2000
MONTH = "month report (a whole month)"
# A month of 23 working days has more to report than one of 17, history or not: the month
# reports' growth is judged on their time per row of the month (its tickets and cases).
MONTH_PER_ROWS = "… per 10,000 of its rows"


def working_days(config: Config, count: int) -> list[date]:
    from models.calendar import HallCalendar

    calendar = HallCalendar(config)
    days, day = [], FIRST_DAY
    while len(days) < count:
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _timed(fn, repeat: int) -> list[float]:
    fn()  # warm
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def measure_day(hall, day: date, tickets: int) -> dict[str, float]:
    """The hot figures of one working day, as its first half of residents comes and is served."""
    from kiosk import queries as kiosk_queries
    from models.errors import Refused
    from staff_tui import queries as staff_queries

    zone = hall.config.zone
    rng = random.Random(5)  # the same morning on day 1 and on the last day
    items = _day_items(hall)
    start = clock.to_utc(datetime.combine(day, clock_time(8, 30), zone))
    takes, calls = [], []
    half = tickets // 2
    for n in range(half):
        clock.set_now(start + timedelta(seconds=40 * n))
        item, window = rng.choice(items)
        began = time.perf_counter()
        hall.queue.take(item)
        takes.append(time.perf_counter() - began)
        if n % 3 == 2:  # the windows keep up with two in three
            began = time.perf_counter()
            try:
                called = hall.queue.call_next(window)
            except Refused:
                continue
            calls.append(time.perf_counter() - began)
            hall.queue.finish(called.number, window)
    kiosk = _timed(lambda: kiosk_queries.lines(hall), 100)  # a millisecond or two: many runs, or noise wins
    terminal = _timed(lambda: staff_queries.queue_picture(hall, 1), 50)
    return {
        "take a ticket": _median_ms(takes),
        "call next": _median_ms(calls),
        "kiosk home status": _median_ms(kiosk),
        "terminal queue view": _median_ms(terminal),
    }


def _day_items(hall) -> list[tuple[str, int]]:
    """(item code, a window serving its line) for the lines residents come for."""
    from models.schema import Item, Line, Window, WindowLine

    windows = {}
    for line_id, number in (
        WindowLine.select(WindowLine.line, Window.number).join(Window).where(~WindowLine.retired).tuples()
    ):
        windows.setdefault(line_id, number)
    rows = (
        Item.select(Item.code, Item.line)
        .join(Line)
        .where(~Item.retired & ~Line.retired & Item.open_from.is_null())  # in season all year
        .tuples()
    )
    return [(code, windows[line_id]) for code, line_id in rows if line_id in windows]


def fill_days(hall, days: list[date], tickets: int) -> int:
    """Bulk-insert ``tickets`` tickets for each of ``days`` as their day's end leaves them, with their events."""
    from models.queue import tracking
    from models.schema import Event, Item, Ticket, TicketCounter, Window, WindowLine

    zone = hall.config.zone
    items = list(Item.select(Item.id, Item.line).where(~Item.retired).tuples())
    served_by: dict[int, list[int]] = {}
    for line_id, window_id in WindowLine.select(WindowLine.line, WindowLine.window).where(~WindowLine.retired).tuples():
        served_by.setdefault(line_id, []).append(window_id)
    items = [(i, line) for i, line in items if line in served_by]
    prefixes = {}
    from models.schema import Line

    for line_id, prefix in Line.select(Line.id, Line.prefix).tuples():
        prefixes[line_id] = prefix
    numbers = {w.id: w.number for w in Window.select()}
    rng = random.Random(11)
    made = 0
    from models.db import database, is_postgres

    if is_postgres():
        # Building a chunk of rows between two inserts can take longer than the hall's
        # 30 s idle-in-transaction limit on a starved machine: not for a bulk load.
        database.execute_sql("SET idle_in_transaction_session_timeout = 0")
    ticket_id = (Ticket.select(Ticket.id).order_by(Ticket.id.desc()).scalar() or 0) + 1
    tickets_rows, events_rows, counters = [], [], []

    def flush() -> None:
        from models.db import database

        with database.atomic():
            for model, rows in ((Ticket, tickets_rows), (Event, events_rows), (TicketCounter, counters)):
                for at in range(0, len(rows), CHUNK):
                    model.insert_many(rows[at : at + CHUNK]).execute()
        tickets_rows.clear()
        events_rows.clear()
        counters.clear()

    for day in days:
        opening = clock.to_utc(datetime.combine(day, clock_time(8), zone))
        seqs: dict[str, int] = {}
        for n in range(tickets):
            item_id, line_id = rng.choice(items)
            prefix = prefixes[line_id]
            seqs[prefix] = seqs.get(prefix, 0) + 1
            issued = opening + timedelta(seconds=int(n * 30000 / tickets))
            roll = rng.random()
            status = (
                "done" if roll < 0.85 else "no_show" if roll < 0.92 else "not_called" if roll < 0.97 else "not_finished"
            )
            window_id = rng.choice(served_by[line_id]) if status != "not_called" else None
            called = issued + timedelta(minutes=rng.uniform(2, 40)) if window_id else None
            finished = called + timedelta(minutes=rng.uniform(3, 15)) if called and status == "done" else None
            number = f"{prefix}{seqs[prefix]:03d}"
            tickets_rows.append(
                {
                    "id": ticket_id,
                    "number": number,
                    "prefix": prefix,
                    "seq": seqs[prefix],
                    "service_day": day,
                    "item": item_id,
                    "line": line_id,
                    "priority": rng.random() < 0.05,
                    "tracking_code": tracking.new_code(),
                    "status": status,
                    "issued_at": issued,
                    "arrival_at": issued,
                    "window": window_id,
                    "called_at": called,
                    "started_at": called if finished else None,
                    "finished_at": finished,
                    "no_show_at": called if status == "no_show" else None,
                }
            )
            events_rows.append({"at": issued, "kind": "ticket.taken", "ref": ticket_id, "data": {"number": number}})
            if called:
                window = numbers[window_id]
                events_rows.append(
                    {
                        "at": called,
                        "kind": "ticket.called",
                        "ref": ticket_id,
                        "data": {"number": number, "window": window},
                    }
                )
            if finished:
                events_rows.append(
                    {"at": finished, "kind": "ticket.finished", "ref": ticket_id, "data": {"number": number}}
                )
            if status in ("not_called", "not_finished"):
                events_rows.append(
                    {
                        "at": opening + timedelta(hours=16),
                        "kind": "ticket.day_ended",
                        "ref": ticket_id,
                        "data": {"number": number},
                    }
                )
            ticket_id += 1
        counters.extend({"prefix": p, "day": day, "last": last} for p, last in seqs.items())
        made += tickets
        if len(tickets_rows) >= 20 * CHUNK:
            flush()
    flush()
    _settle()
    return made


def _settle() -> None:
    """Serial sequences past the explicit ids (PostgreSQL) and planner statistics after a bulk load."""
    from models.db import database, is_postgres

    if is_postgres():
        for table in ("ticket", "event"):
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM \"{table}\"))"
            )
    for table in ("ticket", "event", "ticket_counter"):
        database.execute_sql(f'ANALYZE "{table}"')


def _quiet() -> None:
    """After a bulk load, PostgreSQL's autovacuum would come round in the middle of
    the measurement (on the same two cores), and SQLite's write-ahead log holds
    the whole load: vacuum and checkpoint now, as a nightly job would."""
    from models.db import database, is_postgres

    if not is_postgres():
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        for table in ("ticket", "event", "ticket_counter", "case_record", "case_event", "case_state", "case_rating"):
            database.execute_sql(f'VACUUM (ANALYZE) "{table}"')
        try:  # and write the load out now rather than while the day is timed (needs the server's owner)
            database.execute_sql("CHECKPOINT")
        except Exception as exc:  # noqa: BLE001  (a benchmark on someone else's server: go on without it)
            print(f"  (no CHECKPOINT: {exc})", flush=True)
    time.sleep(5)  # let the server's background writers settle


def month_report_ms(hall, month: str) -> float:
    return _median_ms(_timed(lambda: hall.cases.report(month=month), 5))


def month_rows(hall, month: str) -> int:
    """The tickets and cases of ``month``: what its report reads, whatever the history around it."""
    report = hall.cases.report(month=month)
    return report.tickets["issued"] + report.cases_total


def _fresh_hall(url: str, config: Config, day: date):
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall

    clock.set_now(clock.to_utc(datetime.combine(day, clock_time(7), config.zone)))
    hall = open_hall(replace(config, database=url), create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    return hall


def run(url: str, fresh_url: str, month_url: str, days: int, tickets: int, rounds: int = ROUNDS):
    """(day 1 figures, day ``days`` figures, their spreads): each the median over ``rounds``
    rounds, a hall without a past and the year's hall taking turns within each round, and
    the month report of a hall whose first month has just ended against the year's last month."""
    from benchmarks.case_data import generate_cases
    from models.db import database

    config = Config(database=url, tickets=TicketsConfig(always_open=True))
    calendar_days = working_days(config, days + rounds)
    first = calendar_days[0]
    first_month = [d for d in calendar_days if (d.year, d.month) == (first.year, first.month)]
    month_one = f"{first.year:04d}-{first.month:02d}"
    month_end = clock.to_utc(datetime.combine(first_month[-1], clock_time(18), config.zone))

    def first_month_filled(hall_url: str):
        hall = _fresh_hall(hall_url, config, first)
        fill_days(hall, first_month, tickets)
        clock.set_now(month_end)
        generate_cases(int(len(first_month) * tickets * 0.8), config=config, days=(first_month[-1] - first).days)
        return hall

    young_month = first_month_filled(month_url)  # stays at the end of its first month
    _quiet()
    rows_first = month_rows(young_month, month_one)

    started = time.perf_counter()
    hall = first_month_filled(url)
    history, measured = calendar_days[: days - 1], calendar_days[days - 1 :]
    rest = [d for d in history if d not in first_month]
    made = fill_days(hall, rest, tickets) + len(first_month) * tickets
    last = measured[0]
    clock.set_now(clock.to_utc(datetime.combine(last, clock_time(7), config.zone)))
    cases = generate_cases(int(len(rest) * tickets * 0.8), config=config, days=(last - first_month[-1]).days)
    print(f"  filled {made:,} tickets and {cases:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
    _quiet()
    previous = date(last.year, last.month, 1) - timedelta(days=1)
    month_before = f"{previous.year:04d}-{previous.month:02d}"
    rows_last = month_rows(hall, month_before)

    fresh = _fresh_hall(fresh_url, config, first)
    young: list[dict[str, float]] = []
    old: list[dict[str, float]] = []  # the year's hall, round by round
    for round_ in range(rounds):  # a busy machine slows both alike; each hall's database bound in its turn
        database.initialize(fresh.db)
        young.append(measure_day(fresh, calendar_days[round_], tickets))
        database.initialize(young_month.db)
        clock.set_now(month_end)
        young[-1][MONTH] = month_report_ms(young_month, month_one)
        database.initialize(hall.db)
        old.append(measure_day(hall, measured[round_], tickets))
        old[-1][MONTH] = month_report_ms(hall, month_before)
    for each in (fresh, young_month, hall):
        each.close()
    clock.set_now(None)
    for row in young:
        row[MONTH_PER_ROWS] = row[MONTH] * 10_000 / rows_first
    for row in old:
        row[MONTH_PER_ROWS] = row[MONTH] * 10_000 / rows_last
    print(
        f"  the months reported: {month_one} with {rows_first:,} tickets and cases, {month_before} with {rows_last:,}"
    )
    return _medians(young), _medians(old), _growth_spread(young, old)


def _medians(rows: list[dict[str, float]]) -> dict[str, float]:
    return {what: statistics.median(row[what] for row in rows) for what in rows[0]}


def _growth_spread(young: list[dict[str, float]], old: list[dict[str, float]]) -> dict[str, tuple[float, float]]:
    """The lowest and highest growth of one round against its own day 1."""
    ratios = {what: [after[what] / before[what] for before, after in zip(young, old, strict=True)] for what in young[0]}
    return {what: (min(values), max(values)) for what, values in ratios.items()}


def show(name: str, days: int, day_one: dict[str, float], day_last: dict[str, float], spread) -> None:
    print(f"  {'':30} {'day 1':>9} {f'day {days}':>9}   growth  (rounds: lowest–highest)")
    for what, before in day_one.items():
        after = day_last[what]
        growth = after / before if before else float("nan")
        flags = []
        if what == MONTH:
            flags.append("judged per row, next line")
        elif growth > GROWTH_LIMIT:
            flags.append(f"over {GROWTH_LIMIT}×")
        if what == MONTH and after > MONTH_REPORT_LIMIT_MS:
            flags.append("over 1 s")
        low, high = spread.get(what, (growth, growth))
        rounds = f"({low:4.2f}–{high:4.2f})" if what in spread else ""
        print(f"  {what:30} {before:7.2f} ms {after:7.2f} ms   {growth:4.2f}×  {rounds:12}  {' '.join(flags) or 'ok'}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--only", choices=("sqlite", "postgres"), help="one backend")
    args = parser.parse_args(argv)
    if args.only != "postgres":
        with tempfile.TemporaryDirectory() as tmp:
            print(f"A year of a busy hall: {args.days} working days × {args.tickets} tickets (SQLite)")
            show(
                "sqlite",
                args.days,
                *run(
                    f"sqlite:///{tmp}/hall.db",
                    f"sqlite:///{tmp}/fresh.db",
                    f"sqlite:///{tmp}/month.db",
                    args.days,
                    args.tickets,
                ),
            )
    pg = os.environ.get("HALL_TEST_PG", "")
    if args.only == "sqlite":
        return
    if pg and pg != "off":
        import psycopg

        with psycopg.connect(pg, autocommit=True) as conn:
            for name in ("hall_year", "hall_year_fresh", "hall_year_month"):
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                conn.execute(f"CREATE DATABASE {name}")
        print(f"\nA year of a busy hall: {args.days} working days × {args.tickets} tickets (PostgreSQL)")
        base = pg.rsplit("/", 1)[0]
        urls = (f"{base}/hall_year", f"{base}/hall_year_fresh", f"{base}/hall_year_month")
        show("postgres", args.days, *run(*urls, args.days, args.tickets))
    else:
        print("\n(PostgreSQL not measured: HALL_TEST_PG is not set; `make bench` starts a server)")


if __name__ == "__main__":
    main(sys.argv[1:])
