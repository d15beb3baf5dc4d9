"""Appointments with a year behind them: listing slots and booking, beside taking a ticket.

    python -m benchmarks.appointment_bench [--days 250] [--tickets 300] [--bookings 40]

On a throw-away hall (SQLite in a temporary folder; PostgreSQL too when
``HALL_TEST_PG`` holds a server URL), ``--days`` working days of history are
bulk-inserted: ``--tickets`` tickets a day as the day's end leaves them
(:func:`benchmarks.year_bench.fill_days`) and ``--bookings`` appointments a day
in their final states (kept, no-show, cancelled), with their slots' counts.
Then, on the last day, p95 of:

- listing an item's slots over the booking horizon (10 working days), as the
  web's ``/book`` and the terminal's booking form do (``open_days``);
- booking a slot (``book``: limits, the last place, the history record);
- taking a ticket (``Queue.take``), the hall's hottest write, which the other
  two stand beside.

Listing and booking must stay ≤ 20 ms on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import clock  # noqa: E402
from models.config import Config, TicketsConfig  # noqa: E402

LIMIT_MS = 20.0
SAMPLES = 200  # of each: enough that one preempted call on a shared machine is not the p95
ITEMS = ("baby-hukou", "hukou-in", "rural-dibao", "elderly-card")
STATES = ("checked_in", "checked_in", "checked_in", "late", "no_show", "cancelled")


def p95_ms(samples: list[float], share: float = 0.95) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000


def p50_p95(samples: list[float]) -> tuple[float, float, int]:
    return p95_ms(samples, 0.5), p95_ms(samples), len(samples)


KEPT = ("checked_in", "late")  # these hold their place; a no-show's or a cancellation's is released


def fill_bookings(hall, days: list[date], per_day: int) -> int:
    """Bulk-insert ``per_day`` appointments for each of ``days``, in their final states,
    with their history records (booked, then the final move) and their slots' counts."""
    from models.db import database
    from models.queue import tracking
    from models.schema import Item
    from models.schema.appointments import Appointment, AppointmentRecord, SlotTaken

    zone = hall.config.zone
    items = {
        code: (i, line, minutes)
        for code, i, line, minutes in Item.select(Item.code, Item.id, Item.line, Item.service_minutes)
        .where(Item.code.in_(ITEMS))
        .tuples()
    }
    rng = random.Random(5)
    rows = []
    for day in days:
        for n in range(per_day):
            item_id, line_id, minutes = items[rng.choice(sorted(items))]
            start = datetime.combine(day, clock_time(8, 0), zone) + timedelta(minutes=15 * (n % 12))
            at = clock.to_utc(start)
            rows.append(
                {
                    "code": tracking.new_code(),
                    "kind": "window",
                    "item": item_id,
                    "line": line_id,
                    "day": day,
                    "slot": f"{start:%H:%M}",
                    "starts_at": at,
                    "minutes": minutes,
                    "phone": f"139{rng.randrange(10**8):08d}",
                    "channel": rng.choice(("kiosk", "web", "phone")),
                    "out_of_hours": False,
                    "status": rng.choice(STATES),
                    "booked_at": at - timedelta(days=2),
                    "address": "",
                }
            )
    taken: dict[tuple[int, date, str], int] = {}
    for row in rows:
        if row["status"] in KEPT:
            key = (row["line"], row["day"], row["slot"])
            taken[key] = taken.get(key, 0) + 1
    counts = [{"line": line, "day": day, "slot": slot, "taken": n} for (line, day, slot), n in taken.items()]
    with database.atomic():
        for start in range(0, len(rows), 1000):
            Appointment.insert_many(rows[start : start + 1000]).execute()
        ids = dict(Appointment.select(Appointment.code, Appointment.id).tuples())  # each booking's id, by its code
        records = []
        for row in rows:
            ref = ids[row["code"]]
            records.append({"appointment": ref, "kind": "booked", "at": row["booked_at"], "data": {}})
            records.append({"appointment": ref, "kind": row["status"], "at": row["starts_at"], "data": {}})
        for start in range(0, len(records), 1000):
            AppointmentRecord.insert_many(records[start : start + 1000]).execute()
        for start in range(0, len(counts), 1000):
            SlotTaken.insert_many(counts[start : start + 1000]).execute()
    return len(rows)


def run(url: str, days: int, tickets: int, bookings: int) -> dict[str, tuple[float, float, int]]:
    from benchmarks.year_bench import _quiet, _settle, fill_days, working_days
    from models.appointments import AppointmentRefused
    from models.catalogue import default_catalogue_path
    from models.catalogue import store as catalogue_store
    from models.hall import open_hall

    config = Config(database=url, tickets=TicketsConfig(always_open=True))
    calendar_days = working_days(config, days)
    last = calendar_days[-1]
    clock.set_now(clock.to_utc(datetime.combine(calendar_days[0], clock_time(7), config.zone)))
    hall = open_hall(config, create=True)
    catalogue_store.load_file(str(default_catalogue_path()))
    started = time.perf_counter()
    made = fill_days(hall, calendar_days[:-1], tickets)
    booked = fill_bookings(hall, calendar_days[:-1], bookings)
    _settle()
    print(f"  filled {made:,} tickets and {booked:,} appointments in {time.perf_counter() - started:.0f} s", flush=True)
    _quiet()
    clock.set_now(clock.to_utc(datetime.combine(last, clock_time(9), config.zone)))
    apps = hall.appointments
    listing = []
    for i in range(SAMPLES):
        start = time.perf_counter()
        apps.open_days(ITEMS[i % len(ITEMS)])
        listing.append(time.perf_counter() - start)
    free = [
        (item, answer.day, slot.label)
        for item in ITEMS
        for answer in apps.open_days(item)
        for slot in answer.slots
        for _ in range(slot.free)
    ]
    random.Random(7).shuffle(free)
    booking = []
    for n, (item, day, slot) in enumerate(free):
        if len(booking) == SAMPLES:
            break
        start = time.perf_counter()
        try:
            apps.book(item, day, slot, f"1370000{n:04d}", channel="web")
        except AppointmentRefused:  # items of one line share its slots' places: taken by the other already
            continue
        booking.append(time.perf_counter() - start)
    taking = []
    for n in range(SAMPLES):
        start = time.perf_counter()
        hall.queue.take(ITEMS[n % len(ITEMS)])
        taking.append(time.perf_counter() - start)
    hall.close()
    clock.set_now(None)
    return {
        "slots, 10 working days": p50_p95(listing),
        "book a slot": p50_p95(booking),
        "take a ticket (floor)": p50_p95(taking),
    }


def show(name: str, figures: dict[str, tuple[float, float, int]], *, limited: bool) -> None:
    """p50 and p95 of each, the p95's ratio to the floor's, and whether it is within the limit."""
    floor = figures["take a ticket (floor)"][1]
    print(f"  {'':26} {'p50':>9} {'p95':>9}   {'× floor':>7}  samples")
    for what, (median, value, count) in figures.items():
        flag = ""
        if limited and not what.startswith("take"):
            flag = "ok" if value <= LIMIT_MS else f"over {LIMIT_MS:.0f} ms"
        ratio = value / floor if floor else 0
        print(f"  {what:26} {median:6.2f} ms {value:6.2f} ms   {ratio:6.2f}  {count:7}  {flag}")
    print(f"  (load average {os.getloadavg()[0]:.2f} while measuring)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--bookings", type=int, default=40)
    parser.add_argument("--only", choices=("sqlite", "postgres"), help="one backend")
    args = parser.parse_args(argv)
    if args.only != "postgres":
        with tempfile.TemporaryDirectory() as tmp:
            print(
                f"Appointments after {args.days} working days × {args.tickets} tickets, {args.bookings} bookings (SQLite)"
            )
            show("sqlite", run(f"sqlite:///{tmp}/hall.db", args.days, args.tickets, args.bookings), limited=True)
    pg = os.environ.get("HALL_TEST_PG", "")
    if args.only == "sqlite":
        return
    if pg and pg != "off":
        import psycopg

        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS hall_appointments WITH (FORCE)")
            conn.execute("CREATE DATABASE hall_appointments")
        print(f"\nAppointments after {args.days} working days (PostgreSQL)")
        url = pg.rsplit("/", 1)[0] + "/hall_appointments"
        show("postgres", run(url, args.days, args.tickets, args.bookings), limited=False)
    else:
        print("\n(PostgreSQL not measured: HALL_TEST_PG is not set; `make bench` starts a server)")


if __name__ == "__main__":
    main()
